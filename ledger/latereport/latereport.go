// Package latereport computes the payment-terms table of the management report (C. com.
// L441-14 and D441-6, model table fixed by arrêté) on the customers' side: the invoices
// issued that are unpaid and past due at the closing date of the financial year, by
// lateness bracket (1–30 days, 31–60, 61–90, 91 and more) and in total — how many, their
// amount and its share of the year's turnover — then the invoices excluded from it
// (disputed: litigieuses) and the payment terms lateness is measured against.
//
// It is the one home of that table: the command line (relance late-report) and the
// window both call Compute, and print what it returns (text, JSON, PDF, XLSX).
//
// Amounts are incl. VAT (TTC), as the book holds them, and the table says so. An invoice
// partly paid counts for what is still owed on it at the closing date. Nothing here
// reads the clock: the closing date is explicit.
package latereport

import (
	"sort"
	"strconv"

	"relance/ledger"
	"relance/ledger/credit"
)

// Bracket is a range of days past due, From..To inclusive; To == 0 means "and more".
type Bracket struct{ From, To int }

// Label is "1-30" or "91+", the key used in the JSON output.
func (b Bracket) Label() string {
	if b.To == 0 {
		return itoa(b.From) + "+"
	}
	return itoa(b.From) + "-" + itoa(b.To)
}

// Brackets are the lateness brackets of the model table: 1 to 30 days, 31 to 60, 61 to
// 90, 91 days and more. They are fixed by the model, not by the dossier's aged-balance
// settings.
func Brackets() []Bracket { return []Bracket{{1, 30}, {31, 60}, {61, 90}, {91, 0}} }

// bracketOf is the index in Brackets of an invoice daysLate (≥ 1) days past due.
func bracketOf(daysLate int) int {
	for i, b := range Brackets() {
		if b.To == 0 || daysLate <= b.To {
			return i
		}
	}
	return len(Brackets()) - 1
}

// Cell is a number of invoices and their amount (incl. VAT).
type Cell struct {
	Count  int
	Amount ledger.Cents
}

func (c *Cell) add(amount ledger.Cents) {
	c.Count++
	c.Amount += amount
}

// TurnoverSource says where the year's turnover comes from.
type TurnoverSource string

// Turnover sources.
const (
	// TurnoverBook: derived from the book, the invoices less the credit notes dated in
	// the financial year (incl. VAT).
	TurnoverBook TurnoverSource = "book"
	// TurnoverGiven: given by the user (Options.Turnover).
	TurnoverGiven TurnoverSource = "given"
	// TurnoverUnknown: not given, and the book cannot give it (its history starts after
	// the first day of the year, or it holds no sale in the year): no percentages.
	TurnoverUnknown TurnoverSource = "unknown"
)

// Invoice is one invoice behind the table, for the detail sheet and checks.
type Invoice struct {
	Customer string       `json:"customer"`
	Name     string       `json:"name"`
	Number   string       `json:"number"`
	Kind     string       `json:"kind"` // "invoice", or "opening" for an invoice brought forward
	DocDate  ledger.Date  `json:"doc_date"`
	DueDate  ledger.Date  `json:"due_date"`
	Amount   ledger.Cents `json:"amount"` // the invoice's amount
	Open     ledger.Cents `json:"open"`   // what is still owed on it at the closing date
	DaysLate int          `json:"days_late"`
	Bracket  int          `json:"bracket"` // index in Brackets
	// Disputed is the part in an active dispute at the closing date; when not zero the
	// invoice is in the excluded line (B), not in (A).
	Disputed ledger.Cents `json:"disputed,omitempty"`
}

// Excluded reports whether the invoice is in line (B) rather than (A).
func (i *Invoice) Excluded() bool { return i.Disputed > 0 }

// TermsCount is a payment term and how many customers have it.
type TermsCount struct {
	Terms     ledger.Terms
	Customers int
}

// ReferenceTerms are the payment terms lateness is measured against (section C of the
// table): the contractual terms, i.e. the due dates written on the invoices, which
// follow from the dossier's default terms or a customer's own.
type ReferenceTerms struct {
	Default ledger.Terms
	// Specific are the customers' own terms that differ from the default, most used first.
	Specific []TermsCount
	// OverCap is how many customers have terms beyond the statutory cap of C. com.
	// L441-10 I (60 days, or 45 days end of month).
	OverCap int
}

// Report is the table at a closing date.
type Report struct {
	Closing   ledger.Date
	YearStart ledger.Date // first day of the financial year
	Currency  string
	// Late is section (A), one cell per bracket of Brackets; Total is their sum.
	Late  []Cell
	Total Cell
	// Excluded is section (B): the invoices past due at the closing date that are in an
	// active dispute then, for their whole open amount. Invoices not recorded in the book
	// cannot be known to it.
	Excluded Cell
	// Turnover is the year's turnover incl. VAT, and TurnoverSource where it comes from
	// (0 and TurnoverUnknown when there is none).
	Turnover       ledger.Cents
	TurnoverSource TurnoverSource
	// BookStart is the date of the book's first item (NoDate for an empty book): the
	// reason why the turnover is unknown when it is after YearStart.
	BookStart ledger.Date
	// Other are the debits past due that are not invoices (returned cheques, rejected
	// direct debits, miscellaneous entries): outside the table, said in a note so that
	// the table reconciles with the aged balance.
	Other ledger.Cents
	// OtherCount is how many such debits.
	OtherCount int
	Terms      ReferenceTerms
	// Invoices are the invoices of (A) and (B), by bracket, then customer and due date.
	Invoices []Invoice
}

// Options are what Compute needs besides the book.
type Options struct {
	// Closing is the closing date of the financial year (required).
	Closing ledger.Date
	// YearStart is the first day of the financial year; NoDate: twelve months before the
	// closing date (the day after the same date a year before).
	YearStart ledger.Date
	// Turnover, when not zero, is the year's turnover incl. VAT given by the user; it
	// takes precedence over the book's.
	Turnover ledger.Cents
	// Disputed is the disputes hook (desk.Session.Index.DisputedFunc()): the part of an
	// item in an active dispute at a date. nil: no disputes.
	Disputed credit.DisputedFunc
}

// YearStartOf is the first day of a twelve-month financial year closed on closing.
func YearStartOf(closing ledger.Date) ledger.Date { return closing.AddMonths(-12).AddDays(1) }

// Compute builds the table of book at opt.Closing.
//
// Section (A) takes every invoice (and invoice brought forward: an opening item) open
// at the closing date, rebuilt as of that date (credit.OpenAt), whose due date is before
// it: it is DaysLate = closing − due date days late, 1 or more. An invoice of which some
// part is in an active dispute at the closing date goes to (B) instead, for its whole
// open amount. Open credits (unapplied payments, credit notes) do not reduce the table:
// it counts invoices.
func Compute(book *ledger.Book, opt Options) (*Report, error) {
	if !opt.Closing.Valid() {
		return nil, &ledger.Problem{Key: "latereport.err.closing"}
	}
	start := opt.YearStart
	if !start.Valid() {
		start = YearStartOf(opt.Closing)
	}
	if start > opt.Closing {
		return nil, &ledger.Problem{Key: "latereport.err.yearstart", Args: []string{"start", start.String(), "closing", opt.Closing.String()}}
	}
	if opt.Turnover < 0 {
		return nil, &ledger.Problem{Key: "latereport.err.turnover", Args: []string{"value", opt.Turnover.String()}}
	}
	r := &Report{Closing: opt.Closing, YearStart: start, Currency: book.Settings.Currency,
		Late: make([]Cell, len(Brackets())), BookStart: ledger.NoDate}
	if r.Currency == "" {
		r.Currency = "EUR"
	}
	var sales ledger.Cents
	hasSales := false
	for _, a := range book.Accounts {
		if h := a.History; h != nil { // items read in part: the first day of the whole account
			if d := h.Balance.Earliest(); d.Valid() && (!r.BookStart.Valid() || d < r.BookStart) {
				r.BookStart = d
			}
		}
		for i := range a.Items {
			it := &a.Items[i]
			if !r.BookStart.Valid() || (it.DocDate.Valid() && it.DocDate < r.BookStart) {
				r.BookStart = it.DocDate
			}
			if it.DocDate < start || it.DocDate > opt.Closing {
				continue
			}
			switch it.Kind {
			case ledger.Invoice:
				sales += it.Amount
				hasSales = true
			case ledger.CreditNote:
				sales += it.Amount // negative: a credit note reduces the turnover
			}
		}
		r.addAccount(a, opt)
	}
	switch {
	case opt.Turnover > 0:
		r.Turnover, r.TurnoverSource = opt.Turnover, TurnoverGiven
	case hasSales && sales > 0 && r.BookStart.Valid() && r.BookStart <= start:
		r.Turnover, r.TurnoverSource = sales, TurnoverBook
	default:
		r.TurnoverSource = TurnoverUnknown
	}
	for _, c := range r.Late {
		r.Total.Count += c.Count
		r.Total.Amount += c.Amount
	}
	sort.SliceStable(r.Invoices, func(i, j int) bool {
		a, b := &r.Invoices[i], &r.Invoices[j]
		if a.Bracket != b.Bracket {
			return a.Bracket < b.Bracket
		}
		if a.Customer != b.Customer {
			return a.Customer < b.Customer
		}
		if a.DueDate != b.DueDate {
			return a.DueDate < b.DueDate
		}
		return a.Number < b.Number
	})
	r.Terms = referenceTerms(book)
	return r, nil
}

// addAccount adds the account's invoices past due at the closing date.
func (r *Report) addAccount(a *ledger.Account, opt Options) {
	for _, o := range credit.OpenAt(a, opt.Closing) {
		if o.OpenAt <= 0 || !o.DueDate.Valid() || o.DueDate >= opt.Closing {
			continue
		}
		if o.Kind != ledger.Invoice && o.Kind != ledger.Opening {
			r.Other += o.OpenAt
			r.OtherCount++
			continue
		}
		late := opt.Closing.DaysSince(o.DueDate)
		inv := Invoice{Customer: a.Customer.ID, Name: a.Customer.Name, Number: o.Number, Kind: o.Kind.String(),
			DocDate: o.DocDate, DueDate: o.DueDate, Amount: o.Amount, Open: o.OpenAt, DaysLate: late, Bracket: bracketOf(late)}
		if inv.Number == "" {
			inv.Number = o.ID
		}
		if opt.Disputed != nil {
			inv.Disputed = opt.Disputed(o.Item, opt.Closing, o.OpenAt)
		}
		if inv.Excluded() {
			r.Excluded.add(o.OpenAt)
		} else {
			r.Late[inv.Bracket].add(o.OpenAt)
		}
		r.Invoices = append(r.Invoices, inv)
	}
}

// referenceTerms sums up the payment terms of the book's customers.
func referenceTerms(book *ledger.Book) ReferenceTerms {
	rt := ReferenceTerms{Default: book.Settings.Terms}
	count := map[ledger.Terms]int{}
	for _, a := range book.Accounts {
		t := book.TermsOf(&a.Customer)
		if t.ExceedsLegalCap() {
			rt.OverCap++
		}
		if t != rt.Default {
			count[t]++
		}
	}
	for t, n := range count {
		rt.Specific = append(rt.Specific, TermsCount{Terms: t, Customers: n})
	}
	sort.Slice(rt.Specific, func(i, j int) bool {
		a, b := rt.Specific[i], rt.Specific[j]
		if a.Customers != b.Customers {
			return a.Customers > b.Customers
		}
		if a.Terms.Days != b.Terms.Days {
			return a.Terms.Days < b.Terms.Days
		}
		return a.Terms.EOM < b.Terms.EOM
	})
	return rt
}

// HasTurnover reports whether the percentages can be given.
func (r *Report) HasTurnover() bool { return r.Turnover > 0 }

// Share is part as a percentage of the turnover in hundredths of a percent, rounded half
// away from zero (12.34 % is 1234); ok is false when the turnover is unknown.
func (r *Report) Share(part ledger.Cents) (hundredths int64, ok bool) {
	if r.Turnover <= 0 {
		return 0, false
	}
	n, d := int64(part)*10000, int64(r.Turnover)
	neg := n < 0
	if neg {
		n = -n
	}
	q := (2*n + d) / (2 * d)
	if neg {
		q = -q
	}
	return q, true
}

// InBracket returns the invoices of bracket i (an index in Brackets), excluded or not.
func (r *Report) InBracket(i int) []Invoice {
	var out []Invoice
	for _, inv := range r.Invoices {
		if inv.Bracket == i {
			out = append(out, inv)
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }
