package ledger

import (
	"fmt"
	"strconv"
	"strings"
)

// EndOfMonthRule says how an end-of-month ("fin de mois") payment term is computed.
// C. com. L441-10 I allows 45 days end of month by express derogation but does not say
// which computation; both are used in practice (reference/legal-fr.md §1.1).
type EndOfMonthRule uint8

// End-of-month rules.
const (
	NetDays     EndOfMonthRule = iota // document date + N days
	DaysThenEOM                       // method A: document date + N days, then end of that month
	EOMThenDays                       // method B: end of the document's month, then + N days
)

// Terms are payment terms: how a due date follows from a document date.
type Terms struct {
	Days int            `json:"days"`
	EOM  EndOfMonthRule `json:"eom,omitempty"`
}

// DefaultTerms is 30 days net: C. com. L441-10 I, the statutory term when nothing is agreed.
var DefaultTerms = Terms{Days: 30}

// Due returns the due date of a document dated doc under these terms.
func (t Terms) Due(doc Date) Date {
	if !doc.Valid() {
		return NoDate
	}
	switch t.EOM {
	case DaysThenEOM:
		return doc.AddDays(t.Days).EndOfMonth()
	case EOMThenDays:
		return doc.EndOfMonth().AddDays(t.Days)
	}
	return doc.AddDays(t.Days)
}

// String returns the terms in the form ParseTerms reads: "30", "45fdm" (method A)
// or "fdm+45" (method B).
func (t Terms) String() string {
	switch t.EOM {
	case DaysThenEOM:
		return fmt.Sprintf("%dfdm", t.Days)
	case EOMThenDays:
		return fmt.Sprintf("fdm+%d", t.Days)
	}
	return strconv.Itoa(t.Days)
}

// ParseTerms reads "30" (net days), "45fdm" / "45eom" (days then end of month) and
// "fdm+45" / "eom+45" (end of month then days). Days must be between 0 and 365.
func ParseTerms(s string) (Terms, error) {
	s = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	var t Terms
	num := s
	switch {
	case strings.HasPrefix(s, "fdm+"), strings.HasPrefix(s, "eom+"):
		t.EOM, num = EOMThenDays, s[4:]
	case strings.HasSuffix(s, "fdm"), strings.HasSuffix(s, "eom"):
		t.EOM, num = DaysThenEOM, s[:len(s)-3]
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 || n > 365 {
		return Terms{}, &Problem{Key: "err.terms", Args: []string{"value", s}}
	}
	t.Days = n
	return t, nil
}

// ExceedsLegalCap reports whether the terms exceed the statutory caps of C. com.
// L441-10 I: 60 days after the invoice date, or 45 days end of month by derogation.
func (t Terms) ExceedsLegalCap() bool {
	if t.EOM == NetDays {
		return t.Days > 60
	}
	return t.Days > 45
}
