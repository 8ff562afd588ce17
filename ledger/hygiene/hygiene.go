// Package hygiene checks that a customer ledger is kept up to date, as the collection
// course's « sept clés d'une comptabilité client à jour » asks: every payment and credit
// note lettered, no credit balance or small rest left open, every invoice with its due
// date, every customer who owes with a complete record and lawful terms (C. com. L441-10
// I), doubtful debts moved to account 416, disputes answered and promises followed up.
// Each check gives what it found, customer by customer, with its amount, so that a
// person goes from the count to the fix. Every check takes an explicit as-of date.
package hygiene

import (
	"sort"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
)

// Check names one of the checks, in the order a report lists them.
type Check string

// The checks.
const (
	// Unmatched: payments and credit notes not lettered with an invoice (their open
	// amount is an unallocated credit).
	Unmatched Check = "unmatched"
	// CreditBalance: customers whose balance is in their favour (we owe them).
	CreditBalance Check = "credit_balance"
	// SmallRest: invoices left open for a small rest (at most Input.SmallRest), to
	// write off or claim.
	SmallRest Check = "small_rest"
	// NoDueDate: open invoices without a due date (no lateness can be computed).
	NoDueDate Check = "no_due_date"
	// Incomplete: customers who owe something and whose record lacks a postal address,
	// an e-mail, a SIREN (a French business) or a salesperson. (A customer without terms
	// of its own has the dossier's: the general terms of sale.)
	Incomplete Check = "incomplete"
	// TermsOverCap: customers whose agreed terms exceed the statutory caps (60 days from
	// the invoice, or 45 days end of month: C. com. L441-10 I).
	TermsOverCap Check = "terms_over_cap"
	// NotDoubtful: customers in a collective procedure, or with an invoice overdue for
	// more than DoubtfulDays, still in account 411 rather than 416 (clients douteux).
	NotDoubtful Check = "not_doubtful"
	// LateDispute: disputes in progress past the date their answer was due.
	LateDispute Check = "late_dispute"
	// BrokenPromise: promises still recorded as pending that the ledger shows broken.
	BrokenPromise Check = "broken_promise"
)

// Checks lists every check in report order.
func Checks() []Check {
	return []Check{Unmatched, CreditBalance, SmallRest, NoDueDate, Incomplete, TermsOverCap, NotDoubtful, LateDispute, BrokenPromise}
}

// DefaultSmallRest is the rest under which an open invoice counts as a small rest:
// 5,00 €, the order of a bank charge or a rounding difference.
const DefaultSmallRest ledger.Cents = 500

// DoubtfulDays is how long past its due date an unpaid invoice makes its customer a
// candidate for account 416: a year.
const DoubtfulDays = 365

// Input is what the checks read.
type Input struct {
	Book     *ledger.Book
	Disputes []dispute.Dispute
	Promises []dunning.Promise
	// InProcedure reports whether a customer is in a collective procedure (nil: none).
	InProcedure func(customer string) bool
	AsOf        ledger.Date
	// SmallRest is the largest rest counted by SmallRest (0: DefaultSmallRest).
	SmallRest ledger.Cents
}

// Finding is one thing a check found: a customer, and the item, dispute or promise
// concerned (Ref: its number or ID, "" for the customer itself).
type Finding struct {
	Customer string       `json:"customer"`
	Name     string       `json:"name"`
	Ref      string       `json:"ref,omitempty"`
	Date     ledger.Date  `json:"date,omitempty"`
	Amount   ledger.Cents `json:"amount"`
	// Missing names the fields an incomplete record lacks ("address", "email",
	// "siren", "salesperson"); Reason why a customer should be doubtful
	// ("procedure", "overdue").
	Missing []string `json:"missing,omitempty"`
	Reason  string   `json:"reason,omitempty"`
	// Terms are the agreed terms over the cap, for TermsOverCap.
	Terms *ledger.Terms `json:"terms,omitempty"`
	// Dispute is the dispute's ID for LateDispute (to open it).
	Dispute string `json:"dispute,omitempty"`
}

// Result is one check's findings, largest amount first, and their total.
type Result struct {
	Check    Check        `json:"check"`
	Count    int          `json:"count"`
	Amount   ledger.Cents `json:"amount"`
	Findings []Finding    `json:"findings"`
}

// Report is every check at a date.
type Report struct {
	AsOf      ledger.Date  `json:"as_of"`
	SmallRest ledger.Cents `json:"small_rest"`
	Results   []Result     `json:"results"`
}

// Clean reports whether no check found anything.
func (r *Report) Clean() bool {
	for _, res := range r.Results {
		if res.Count > 0 {
			return false
		}
	}
	return true
}

// Run runs every check on in.
func Run(in Input) *Report {
	if in.SmallRest <= 0 {
		in.SmallRest = DefaultSmallRest
	}
	found := map[Check][]Finding{}
	add := func(c Check, f Finding) { found[c] = append(found[c], f) }
	for _, a := range in.Book.Accounts {
		accountChecks(a, in, add)
	}
	for i := range in.Disputes {
		d := &in.Disputes[i]
		if d.Status.Active() && d.DueBy.Valid() && d.DueBy < in.AsOf {
			add(LateDispute, Finding{Customer: d.Customer, Name: nameOf(in.Book, d.Customer), Ref: d.ID, Dispute: d.ID, Date: d.DueBy, Amount: d.Total()})
		}
	}
	for _, p := range in.Promises {
		if p.Status != dunning.PromisePending {
			continue
		}
		if dunning.PromiseStateAt(p, in.Book.Account(p.Customer), in.AsOf) == dunning.PromiseBroken {
			add(BrokenPromise, Finding{Customer: p.Customer, Name: nameOf(in.Book, p.Customer), Ref: p.ID, Date: p.Due, Amount: p.Amount})
		}
	}
	r := &Report{AsOf: in.AsOf, SmallRest: in.SmallRest}
	for _, c := range Checks() {
		fs := found[c]
		sort.SliceStable(fs, func(i, j int) bool {
			if x, y := abs(fs[i].Amount), abs(fs[j].Amount); x != y {
				return x > y
			}
			if fs[i].Customer != fs[j].Customer {
				return fs[i].Customer < fs[j].Customer
			}
			return fs[i].Ref < fs[j].Ref
		})
		res := Result{Check: c, Count: len(fs), Findings: fs}
		if res.Findings == nil {
			res.Findings = []Finding{}
		}
		for _, f := range fs {
			res.Amount += f.Amount
		}
		r.Results = append(r.Results, res)
	}
	return r
}

// accountChecks runs the checks of one customer's account at in.AsOf.
func accountChecks(a *ledger.Account, in Input, add func(Check, Finding)) {
	c := &a.Customer
	base := Finding{Customer: c.ID, Name: c.Name}
	var balance, oldest ledger.Cents
	for _, o := range credit.OpenAt(a, in.AsOf) {
		it, open := o.Item, o.OpenAt
		balance += open
		f := base
		f.Ref, f.Date, f.Amount = it.Number, it.DocDate, open
		switch {
		case open < 0 && (it.Kind == ledger.Payment || it.Kind == ledger.CreditNote):
			add(Unmatched, f)
		case open > 0 && it.Kind == ledger.Invoice:
			if open <= in.SmallRest && open < it.Amount {
				add(SmallRest, f)
			}
			if !it.DueDate.Valid() {
				add(NoDueDate, f)
			} else if in.AsOf.DaysSince(it.DueDate) > DoubtfulDays {
				oldest += open
			}
		}
	}
	if balance < 0 {
		f := base
		f.Amount = balance
		add(CreditBalance, f)
	}
	if c.Terms != nil && c.Terms.ExceedsLegalCap() {
		f := base
		f.Amount, f.Terms = balance, c.Terms
		add(TermsOverCap, f)
	}
	if !c.Doubtful && c.Status != ledger.StatusWrittenOff {
		f := base
		f.Amount = balance
		inProcedure := c.Status == ledger.StatusInsolvency || in.InProcedure != nil && in.InProcedure(c.ID)
		switch {
		case inProcedure && balance > 0:
			f.Reason = "procedure"
			add(NotDoubtful, f)
		case oldest > 0 && balance > 0: // not when credits the ledger holds cover it
			f.Reason = "overdue"
			add(NotDoubtful, f)
		}
	}
	if balance > 0 {
		if missing := missingFields(c); len(missing) > 0 {
			f := base
			f.Amount, f.Missing = balance, missing
			add(Incomplete, f)
		}
	}
}

// missingFields names what customer c's record lacks for collecting: a postal address,
// an e-mail, a SIREN for a French business, a salesperson.
func missingFields(c *ledger.Customer) []string {
	var out []string
	if len(c.Address.Lines) == 0 || c.Address.City == "" {
		out = append(out, "address")
	}
	email := false
	for _, ct := range c.Contacts {
		email = email || ct.Email != ""
	}
	if !email {
		out = append(out, "email")
	}
	if c.Kind == ledger.Business && c.SIREN == "" && c.SIRET == "" && (c.Address.Country == "" || c.Address.Country == "FR") {
		out = append(out, "siren") // a French company's identity (an injonction names it)
	}
	if c.Salesperson == "" {
		out = append(out, "salesperson")
	}
	return out
}

func nameOf(book *ledger.Book, id string) string {
	if a := book.Account(id); a != nil {
		return a.Customer.Name
	}
	return id
}

func abs(c ledger.Cents) ledger.Cents {
	if c < 0 {
		return -c
	}
	return c
}
