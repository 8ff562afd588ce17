package bank

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// classify reads an ISO 20022 bank transaction code (BkTxCd): the payment method and
// whether the entry reverses an earlier one. The structured code (Domn/Fmly/SubFmlyCd,
// ISO external code set) comes first; else a proprietary code in the SWIFT MT940 style
// (NTRF, NCHK, NDDT, NRTI…), which many banks copy into Prtry/Cd.
func classify(c *xCode) (method string, reversal bool) {
	fam := strings.TrimSpace(c.Fmly)
	sub := strings.TrimSpace(c.SubFmlyCd)
	if fam != "" || sub != "" {
		method = familyMethod(fam)
		switch sub {
		case "CHRG", "FEES", "COMM", "INTR", "TAXE":
			method = Fee
		}
		return method, reversalSubFamily(sub)
	}
	p := strings.ToUpper(strings.TrimSpace(c.Prtry))
	if len(p) != 4 || !strings.ContainsRune("NSF", rune(p[0])) {
		return "", false
	}
	switch p[1:] {
	case "TRF":
		return Transfer, false
	case "CHK", "CLR":
		return Cheque, false
	case "DDT":
		return DirectDebit, false
	case "BOE":
		return Bill, false
	case "CHG", "COM", "INT", "BRF":
		return Fee, false
	case "RTI":
		return "", true
	}
	return "", false
}

// familyMethod is the payment method of a bank transaction family (domain PMNT).
func familyMethod(fam string) string {
	switch fam {
	case "RCDT", "ICDT", "RRCT", "IRCT":
		return Transfer
	case "RDDT", "IDDT":
		return DirectDebit
	case "RCHQ", "ICHQ":
		return Cheque
	case "CCRD", "MCRD":
		return Card
	case "CNTR":
		return Cash
	case "DRFT":
		return Bill
	}
	return ""
}

// reversalSubFamily reports whether a sub-family code says that the entry undoes an
// earlier one: a returned transfer (RRTN, ARET), an unpaid or reversed direct debit
// (UPDD, PRDD), a cancelled payment (RPCR), an unpaid or reversed cheque (UPCQ, CQRV),
// an unpaid bill (UDFT).
func reversalSubFamily(sub string) bool {
	switch sub {
	case "RRTN", "ARET", "UPDD", "PRDD", "RPCR", "UPCQ", "CQRV", "UDFT":
		return true
	}
	return false
}

// labelMethod guesses the payment method from the bank's label, as French banks word
// it (« VIR SEPA RECU », « PRLV SEPA », « REMISE CHQ », « CB », « FRAIS »…): the first
// word that names one.
func labelMethod(words []string) string {
	for _, w := range words {
		switch w {
		case "VIR", "VIREMENT", "VIRT", "VIRSEPA", "SCT":
			return Transfer
		case "PRLV", "PRELEVEMENT", "PRELEV", "PRLVT", "SDD":
			return DirectDebit
		case "CHQ", "CHQS", "CHEQUE", "CHEQUES":
			return Cheque
		case "CB", "CARTE":
			return Card
		case "RETRAIT", "DAB", "ESPECES", "ESP":
			return Cash
		case "LCR", "EFFET", "EFFETS", "BOR":
			return Bill
		case "FRAIS", "COMMISSION", "COMMISSIONS", "COM", "COTISATION", "AGIOS", "INTERETS", "ABONNEMENT":
			return Fee
		}
	}
	return ""
}

// labelReversal reports whether a label says that a debit takes back a payment
// received: « CHQ IMPAYE », « REJET PRLV », « RETOUR VIR ».
func labelReversal(words []string) bool {
	for _, w := range words {
		switch w {
		case "IMPAYE", "IMPAYES", "IMPAYEE", "REJET", "REJETE", "REJ", "RETOUR", "RETOURNE":
			return true
		}
	}
	return false
}

// words splits a label into upper-case words without accents.
func words(s string) []string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToUpper(r))
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Fields(b.String())
}

// labelDebtor returns the payer named in a French bank label: the text after « /DE »
// (or « DE: ») up to the next '/' or « MOTIF », « REF »…, as in « VIR SEPA RECU /DE
// GARAGE DUPUY SAS /MOTIF FA2026-02174 » or « VIR SEPA RECU DE: GARAGE DUPUY SAS
// MOTIF: FA2026-02174 ».
func labelDebtor(label string) string {
	up := asciiUpper(label)
	for _, mark := range []string{"/DE ", "/DE:", " DE: ", " DE : "} {
		i := strings.Index(up, mark)
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(label[i+len(mark):], " :")
		end := len(rest)
		upRest := asciiUpper(rest)
		for _, next := range []string{"/", " MOTIF", " REF", " ID:", " DATE:"} {
			if j := strings.Index(upRest, next); j >= 0 && j < end {
				end = j
			}
		}
		return clean(rest[:end])
	}
	return ""
}

// guess completes a line whose bank transaction code says nothing from the words of
// its bank label: the method, and a reversal (debits only, never bank charges).
func guess(l *Line, label string) {
	w := words(label)
	if l.Method == "" {
		l.Method = labelMethod(w)
	}
	if !l.Credit && !l.Reversal && l.Method != Fee {
		l.Reversal = labelReversal(w)
	}
}

// payer names the payer of a credit or a reversal from its bank label when nothing
// else does (« /DE GARAGE DUPUY SAS »).
func payer(l *Line, label string) {
	if l.Debtor == "" && (l.Credit || l.Reversal) {
		l.Debtor = labelDebtor(label)
	}
}

// asciiUpper upper-cases the ASCII letters of s only, so that byte offsets in the
// result are offsets in s.
func asciiUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
