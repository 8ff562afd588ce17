package law

import (
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// Line is one row of a décompte: interest on one invoice's remaining principal over
// one period during which both the principal and the rate were constant.
type Line struct {
	Invoice string       `json:"invoice"`
	From    ledger.Date  `json:"from"` // first day bearing interest
	To      ledger.Date  `json:"to"`   // last day bearing interest (inclusive)
	Days    int          `json:"days"` // To - From + 1
	Rate    AppliedRate  `json:"rate"`
	Base    ledger.Cents `json:"base"` // remaining principal over the period
	// Basis is the line's days per year: the décompte's, or under BasisLeap 366 for a
	// line in a leap year and 365 otherwise.
	Basis int `json:"basis"`
	// Exact is Base × Rate/100 × Days / Basis before rounding.
	Exact    decimal.Decimal `json:"exact"`
	Interest ledger.Cents    `json:"interest"` // Exact rounded to the cent, half away from zero
}

// InvoiceTotal sums one invoice's lines.
type InvoiceTotal struct {
	Invoice   string       `json:"invoice"`
	Amount    ledger.Cents `json:"amount"`    // invoice amount (incl. VAT)
	Due       ledger.Date  `json:"due"`       // due date
	Paid      ledger.Cents `json:"paid"`      // payments up to the end date
	Principal ledger.Cents `json:"principal"` // still owed at the end date
	Interest  ledger.Cents `json:"interest"`  // Σ its lines' rounded interest
	Indemnity ledger.Cents `json:"indemnity"` // fixed recovery indemnity (0 if not due)
	Late      bool         `json:"late"`      // something was unpaid after the due date
}

// Totals sums a whole décompte.
type Totals struct {
	Amount    ledger.Cents `json:"amount"`
	Paid      ledger.Cents `json:"paid"`
	Principal ledger.Cents `json:"principal"`
	Interest  ledger.Cents `json:"interest"`
	Indemnity ledger.Cents `json:"indemnity"`
	TotalDue  ledger.Cents `json:"total_due"` // Principal + Interest + Indemnity
}

// Decompte is the line-by-line computation of late-payment penalties: what a formal
// notice, an injonction de payer request or a penalty invoice annexes.
type Decompte struct {
	Debtor   Debtor         `json:"debtor"`
	End      ledger.Date    `json:"end"`   // paid date or as-of date
	Basis    int            `json:"basis"` // days per year: 365, 360 or BasisLeap (366 in leap years)
	Currency string         `json:"currency"`
	Lines    []Line         `json:"lines"`
	Invoices []InvoiceTotal `json:"invoices"`
	Totals   Totals         `json:"totals"`
	Notes    []Note         `json:"notes"` // rules applied and conventions, in the user's language via Note.Text
}

// currencyOr is the dossier's currency c, EUR when it is not set.
func currencyOr(c string) string {
	if c == "" {
		return "EUR"
	}
	return c
}

// SimpleInterest returns principal × ratePct/100 × days / basis exactly, and rounded to
// the cent half away from zero — the convention of the worked examples in legal-fr §11
// (each line rounded, the total being the sum of the rounded lines).
func SimpleInterest(principal ledger.Cents, ratePct decimal.Decimal, days, basis int) (decimal.Decimal, ledger.Cents) {
	num := principal.Decimal().Mul(ratePct).Mul(decimal.NewFromInt(int64(days)))
	den := decimal.NewFromInt(int64(100 * basis))
	exact := num.DivRound(den, 10)
	return exact, ledger.CentsFromDecimal(num.DivRound(den, 2))
}

func (d *Decompte) note(key string, args ...string) {
	for _, n := range d.Notes {
		if n.Key == key && equalArgs(n.Args, args) {
			return
		}
	}
	d.Notes = append(d.Notes, Note{Key: key, Args: args})
}

func equalArgs(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (d *Decompte) add(t InvoiceTotal) {
	d.Invoices = append(d.Invoices, t)
	d.Totals.Amount += t.Amount
	d.Totals.Paid += t.Paid
	d.Totals.Principal += t.Principal
	d.Totals.Interest += t.Interest
	d.Totals.Indemnity += t.Indemnity
	d.Totals.TotalDue = d.Totals.Principal + d.Totals.Interest + d.Totals.Indemnity
}

// Warnings returns the notes of d the user must not miss (an agreed rate below the
// legal floor, replaced by the floor: law.note.rate_floor), for a command line to print
// on its error output and a document to set apart from the other notes.
func (d *Decompte) Warnings() []Note {
	var out []Note
	for _, n := range d.Notes {
		if n.Key == "law.note.rate_floor" {
			out = append(out, n)
		}
	}
	return out
}

// ruleAbbreviations are the long names a décompte's rule column shortens, with the
// catalogue key of the line that spells them out under the table.
var ruleAbbreviations = [...]struct{ long, short, key string }{
	{"C. commande publique", "CCP", "law.abbrev.ccp"},
	{"Late Payment of Commercial Debts (Interest) Act 1998", "LPA 1998", "law.abbrev.lpa"},
}

// ShortRule is rule as a table's narrow column shows it, with the keys of the
// abbreviations it used (law.abbrev.*: the line that spells each out).
func ShortRule(rule string) (string, []string) {
	var keys []string
	for _, a := range ruleAbbreviations {
		if strings.Contains(rule, a.long) {
			rule = strings.ReplaceAll(rule, a.long, a.short)
			keys = append(keys, a.key)
		}
	}
	return rule, keys
}
