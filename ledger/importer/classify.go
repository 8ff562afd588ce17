package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"relance/ledger"
)

// squash upper-cases s, strips accents and keeps only letters and digits, so that
// "À nouveaux" and "A-NOUVEAUX" compare equal ("ANOUVEAUX").
//
// It is the NFD of s with its combining marks dropped and its letters and digits
// upper-cased, computed rune by rune: ASCII as is, only the other runes decomposed.
// That is the same as decomposing the whole string: NFD decomposes each rune on its
// own and only reorders runs of combining marks, which are dropped.
func squash(s string) string {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch c := byte(r); {
			case c >= 'a' && c <= 'z':
				b = append(b, c-'a'+'A')
			case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
				b = append(b, c)
			}
			continue
		}
		if r < latinEnd {
			b = append(b, latinSquashed[r]...)
			continue
		}
		b = squashRune(b, r)
	}
	return string(b)
}

// latinEnd bounds the runes squash reads from latinSquashed (Latin-1 and Latin
// Extended-A: the accented letters of French labels).
const latinEnd = 0x180

// latinSquashed is squashRune of each rune below latinEnd, computed once: decomposing
// « è » on every payment label was a tenth of an import. Read-only after init.
var latinSquashed = func() (t [latinEnd]string) {
	for r := rune(0); r < latinEnd; r++ {
		t[r] = string(squashRune(nil, r))
	}
	return t
}()

// squashRune appends what squash keeps of the non-ASCII rune r: its decomposition's
// letters and digits upper-cased, its combining marks dropped.
func squashRune(b []byte, r rune) []byte {
	var one [utf8.UTFMax]byte
	var dec [32]byte // a rune's canonical decomposition fits: no allocation
	for _, d := range string(norm.NFD.Append(dec[:0], one[:utf8.EncodeRune(one[:], r)]...)) {
		switch {
		case unicode.Is(unicode.Mn, d):
		case unicode.IsLetter(d) || unicode.IsDigit(d):
			b = utf8.AppendRune(b, unicode.ToUpper(d))
		}
	}
	return b
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

// journalInfo is what classify needs of a journal.
type journalInfo struct {
	jt journalType
	av bool // its code starts with AV (avoirs)
}

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
//
// journals caches what a journal's code and label say (its type, whether its code
// starts with AV): they are the same on every line of the journal.
func classify(l *lineView, journals map[[2]string]journalInfo) (ledger.ItemKind, uint32) {
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
	jk := [2]string{l.journal, l.jlib}
	ji, ok := journals[jk]
	if !ok {
		ji = journalInfo{jt: journalTypeOf(l.journal, l.jlib), av: strings.HasPrefix(squash(l.journal), "AV")}
		journals[jk] = ji
	}
	jt := ji.jt
	if l.net > 0 {
		switch jt {
		case jBank:
			label := squash(l.label)
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
	case ji.av || containsAny(squash(l.label), creditNoteWords):
		return ledger.CreditNote, flags
	case jt == jSales:
		return ledger.CreditNote, flags
	case jt == jMisc:
		return ledger.Adjustment, flags
	}
	return ledger.Payment, flags
}
