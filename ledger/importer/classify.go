package importer

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"relance/ledger"
)

// squash upper-cases s, strips accents and keeps only letters and digits, so that
// "À nouveaux" and "A-NOUVEAUX" compare equal ("ANOUVEAUX").
func squash(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}

// openingCodes are journal codes used for opening balances (à-nouveaux) by French
// software (reference/fec.md §2.4).
var openingCodes = map[string]bool{"AN": true, "ANO": true, "RAN": true, "OUV": true, "ANC": true, "ANOUV": true, "AO": true}

// isOpeningJournal reports whether a journal holds the opening balances.
func isOpeningJournal(code, label string) bool {
	if openingCodes[squash(code)] {
		return true
	}
	l := squash(label)
	for _, w := range []string{"ANOUVEAU", "REPORTANOUV", "BALANCEINITIALE", "OUVERTURE", "REPRISEDESSOLDES"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

type journalType uint8

const (
	jUnknown journalType = iota
	jSales
	jBank
	jMisc
)

func journalTypeOf(code, label string) journalType {
	c, l := squash(code), squash(label)
	switch {
	case c == "V" || strings.HasPrefix(c, "VE") || strings.HasPrefix(c, "VT") || c == "FA" || c == "FAC" ||
		strings.Contains(l, "VENTE") || strings.Contains(l, "FACTUR") || strings.Contains(l, "SALES"):
		return jSales
	case strings.HasPrefix(c, "BQ") || strings.HasPrefix(c, "BNQ") || strings.HasPrefix(c, "BK") || strings.HasPrefix(c, "CAI") ||
		c == "CA" || c == "CS" || c == "BANK" || c == "TRE" || strings.Contains(l, "BANQUE") || strings.Contains(l, "BANK") ||
		strings.Contains(l, "CAISSE") || strings.Contains(l, "TRESOR") || strings.Contains(l, "REGLEMENT") || strings.Contains(l, "ENCAISS"):
		return jBank
	case c == "OD" || strings.HasPrefix(c, "OD") || strings.Contains(l, "DIVERS"):
		return jMisc
	}
	return jUnknown
}

var creditNoteWords = []string{"AVOIR", "AVOI", "REMISE", "RISTOURNE", "CREDITNOTE"}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// classify gives the kind and flags of a receivable line from its journal, label and
// sign: opening journals give Opening items; a sales journal gives invoices (debit)
// and credit notes (credit); a bank journal payments (credit) and adjustments such as
// returned cheques (debit); a miscellaneous journal adjustments.
func classify(l *lineView) (ledger.ItemKind, uint32) {
	var flags uint32
	switch {
	case strings.HasPrefix(l.account, "416"):
		flags |= ledger.FlagDoubtful
	case strings.HasPrefix(l.account, "413"):
		flags |= ledger.FlagPromissoryNote
	}
	if l.an {
		return ledger.Opening, flags
	}
	label := squash(l.label)
	jt := journalTypeOf(l.journal, l.jlib)
	if l.net > 0 {
		switch jt {
		case jBank:
			if strings.Contains(label, "IMPAYE") || strings.Contains(label, "CHQIMP") {
				flags |= ledger.FlagUnpaidCheque
			}
			if strings.Contains(label, "REJET") {
				flags |= ledger.FlagRejectedDebit
			}
			return ledger.Adjustment, flags
		case jMisc:
			return ledger.Adjustment, flags
		}
		return ledger.Invoice, flags
	}
	switch {
	case containsAny(label, creditNoteWords) || strings.HasPrefix(squash(l.journal), "AV"):
		return ledger.CreditNote, flags
	case jt == jSales:
		return ledger.CreditNote, flags
	case jt == jMisc:
		return ledger.Adjustment, flags
	}
	return ledger.Payment, flags
}
