package payment

import (
	"sort"
	"strings"

	"relance/ledger"
)

// Want is a debit the person chose to settle: by its item ID (a form's checklist) or
// by its document number (the command line's --invoice N[:A]); Amount 0 settles as
// much of it as is open, within what is left of the payment.
type Want struct {
	Item   string       `json:"item,omitempty"`
	Number string       `json:"number,omitempty"`
	Amount ledger.Cents `json:"amount,omitempty"`
}

// label names the wanted debit for people.
func (w Want) label() string {
	if w.Number != "" {
		return w.Number
	}
	return w.Item
}

// debit is a debit item that a payment dated d can settle, with what it can take.
type debit struct {
	it   *ledger.Item
	open ledger.Cents
}

// sortKey is the date a debit is settled by: its due date, or its document date when
// it has none (an opening balance).
func sortKey(it *ledger.Item) ledger.Date {
	if it.DueDate.Valid() {
		return it.DueDate
	}
	return it.DocDate
}

// Open returns the debits of a that a payment dated d can settle, oldest due first: the
// debits open at d (openAt, which rebuilds the lettering at a past date) that are
// still open in the book, each with the smaller of the two open amounts (a debit paid
// since d by an imported payment cannot take the same money twice).
func Open(a *ledger.Account, d ledger.Date, openAt ledger.OpenAtFunc) []Allocation {
	var out []Allocation
	for _, db := range openDebits(a, d, openAt) {
		out = append(out, Allocation{Item: db.it.ID, Number: db.it.Number, Amount: db.open})
	}
	return out
}

func openDebits(a *ledger.Account, d ledger.Date, openAt ledger.OpenAtFunc) []debit {
	var out []debit
	for it, then := range openAt(a, d) {
		if it.Amount <= 0 || then <= 0 || it.Open <= 0 {
			continue
		}
		out = append(out, debit{it, min(then, it.Open)})
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i].it, out[j].it
		if kx, ky := sortKey(x), sortKey(y); kx != ky {
			return kx < ky
		}
		if x.DocDate != y.DocDate {
			return x.DocDate < y.DocDate
		}
		return x.ID < y.ID
	})
	return out
}

// Allocate sets p.Allocations for the customer's account a: with no wants, the oldest
// due first over the debits open at the payment's date (FIFO); otherwise the debits
// wanted, each by as much as asked (or as is open), in the order given. What is left
// of the payment stays an open credit. It refuses, naming the invoice: a number or
// item that is not an open debit of the customer at that date, one asked twice, an
// amount above what is open, wants adding up to more than the payment.
func Allocate(a *ledger.Account, p *Payment, wants []Want, openAt ledger.OpenAtFunc) error {
	p.Allocations = nil
	debits := openDebits(a, p.Date, openAt)
	rest := p.Amount
	if len(wants) == 0 {
		for _, d := range debits {
			if rest == 0 {
				break
			}
			take := min(d.open, rest)
			p.Allocations = append(p.Allocations, Allocation{Item: d.it.ID, Number: d.it.Number, Amount: take})
			rest -= take
		}
		return nil
	}
	used := map[*ledger.Item]bool{}
	var asked ledger.Cents
	for _, w := range wants {
		if w.Amount < 0 {
			return p.problem("payment.err.alloc_amount", "invoice", w.label(), "amount", w.Amount.String())
		}
		var match []debit
		for _, d := range debits {
			if (w.Item != "" && d.it.ID == w.Item) || (w.Item == "" && sameNumber(d.it.Number, w.Number)) {
				match = append(match, d)
			}
		}
		if len(match) == 0 {
			return notOpen(a, p, w)
		}
		var open ledger.Cents
		for _, d := range match {
			if used[d.it] {
				return p.problem("payment.err.invoice_twice", "invoice", w.label())
			}
			open += d.open
		}
		want := w.Amount
		if want == 0 {
			want = min(open, rest)
		}
		if want > open {
			return p.problem("payment.err.invoice_over", "invoice", w.label(), "amount", want.String(), "open", open.String())
		}
		asked += want
		if asked > p.Amount {
			return p.problem("payment.err.wants_over", "amount", p.Amount.String(), "allocated", asked.String())
		}
		for _, d := range match {
			used[d.it] = true
			take := min(d.open, want)
			if take > 0 {
				p.Allocations = append(p.Allocations, Allocation{Item: d.it.ID, Number: d.it.Number, Amount: take})
			}
			want -= take
			rest -= take
		}
	}
	return nil
}

// notOpen says why the wanted debit w cannot take the payment: no such invoice on the
// account, or not open at the payment's date.
func notOpen(a *ledger.Account, p *Payment, w Want) error {
	for i := range a.Items {
		it := &a.Items[i]
		if (w.Item != "" && it.ID == w.Item) || (w.Item == "" && sameNumber(it.Number, w.Number)) {
			return p.problem("payment.err.invoice_closed", "invoice", w.label(), "date", p.Date.String())
		}
	}
	return p.problem("payment.err.invoice_unknown", "invoice", w.label())
}

// CheckAllocations refuses, naming the invoice, an allocation of p to an item that is
// not a debit of account a open at the payment's date, or by more than is open then
// (and still open in the book).
func CheckAllocations(a *ledger.Account, p *Payment, openAt ledger.OpenAtFunc) error {
	if len(p.Allocations) == 0 {
		return nil
	}
	open := map[string]ledger.Cents{}
	for _, d := range openDebits(a, p.Date, openAt) {
		open[d.it.ID] = d.open
	}
	for _, al := range p.Allocations {
		o, ok := open[al.Item]
		if !ok {
			return notOpen(a, p, Want{Item: al.Item, Number: al.Number})
		}
		if al.Amount > o {
			return p.problem("payment.err.invoice_over", "invoice", al.label(), "amount", al.Amount.String(), "open", o.String())
		}
	}
	return nil
}

// sameNumber compares two invoice numbers as a person reads them: without case or
// spaces (a FEC's « FA  220396 » is the « FA 220396 » or « FA220396 » typed).
func sameNumber(a, b string) bool {
	squash := strings.NewReplacer(" ", "", "\u00a0", "", "\t", "")
	return strings.EqualFold(squash.Replace(a), squash.Replace(b))
}
