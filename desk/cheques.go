package desk

import (
	"slices"
	"strings"

	"relance/ledger"
	"relance/ledger/cheque"
	"relance/ledger/payment"
	"relance/ledger/store"
)

// ChequeForm is an unpaid cheque as a person types it, in the window's form or on the
// command line: both fronts read it with Session.ParseChequeForm.
type ChequeForm struct {
	Customer, Number, Bank string
	Amount                 string // "1 250,00"
	// Written, Presented, Rejected and Represented are DD/MM/YYYY or YYYY-MM-DD; Written
	// and Represented may be empty.
	Written, Presented, Rejected, Represented string
	Reason                                    string   // a cheque.Reason or its French name; empty: lack of funds
	Invoices                                  []string // numbers or IDs of the invoices the cheque was to pay
	// Return is a payment taken back recorded with `relance payment return` (RG…): what
	// the form leaves empty is taken from it — customer, amount, the cheque's number
	// (the payment's reference), the presentation (the payment's day), the rejection
	// (the return's day) and the invoices. It may also be the ledger's item booking
	// the return (OD:…).
	Return string
	Notes  string
}

// ParseChequeForm reads a typed unpaid cheque. A bad value is refused naming the field
// and the value as typed (cheque.err.typed); the cheque then validates
// (cheque.Cheque.Validate).
func (s *Session) ParseChequeForm(f ChequeForm) (cheque.Cheque, error) {
	typed := func(field, value string) error {
		if strings.TrimSpace(value) == "" { // a field left empty: say it is needed
			return &ledger.Problem{Key: "cheque.err.missing", Args: []string{"field_key", "cheque.field." + field}}
		}
		return &ledger.Problem{Key: "cheque.err.typed", Args: []string{"field_key", "cheque.field." + field, "value", value}}
	}
	if err := s.fromReturn(&f); err != nil {
		return cheque.Cheque{}, err
	}
	c := cheque.Cheque{Customer: strings.TrimSpace(f.Customer), Number: strings.TrimSpace(f.Number), Bank: strings.TrimSpace(f.Bank),
		Return: strings.TrimSpace(f.Return), Notes: strings.TrimSpace(f.Notes), Represented: []ledger.Date{}, Invoices: []string{}}
	if c.Customer == "" {
		return c, typed("customer", f.Customer)
	}
	r, ok := cheque.ParseReason(f.Reason)
	if !ok {
		return c, typed("reason", f.Reason)
	}
	c.Reason = r
	a, err := payment.ParseAmount(f.Amount)
	if err != nil || a <= 0 {
		return c, typed("amount", f.Amount)
	}
	c.Amount = a
	for _, d := range []struct {
		field, text string
		dst         *ledger.Date
		optional    bool
	}{{"written", f.Written, &c.Written, true}, {"presented", f.Presented, &c.Presented, false},
		{"rejected", f.Rejected, &c.Rejected, false}} {
		if strings.TrimSpace(d.text) == "" && d.optional {
			continue
		}
		v, err := payment.ParseDay(d.text)
		if err != nil {
			return c, typed(d.field, d.text)
		}
		*d.dst = v
	}
	if t := strings.TrimSpace(f.Represented); t != "" {
		v, err := payment.ParseDay(t)
		if err != nil {
			return c, typed("represented", f.Represented)
		}
		c.Represented = append(c.Represented, v)
	}
	if c.Invoices, err = s.chequeInvoices(c.Customer, f.Invoices); err != nil {
		return c, err
	}
	return c, c.Validate()
}

// fromReturn fills what the form leaves empty from the payment taken back f.Return,
// when it is one recorded in Relance.
func (s *Session) fromReturn(f *ChequeForm) error {
	id := strings.TrimSpace(f.Return)
	if id == "" || !strings.HasPrefix(strings.ToUpper(id), payment.Prefix) {
		return nil
	}
	var ret, orig *payment.Payment
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		if ret, err = tx.Payment(id); err != nil || ret == nil || ret.Returns == "" {
			return err
		}
		orig, err = tx.Payment(ret.Returns)
		return err
	})
	if err != nil {
		return err
	}
	if ret == nil || ret.Kind != payment.KindReturn {
		return &ledger.Problem{Key: "cheque.err.return", Args: []string{"id", f.Number, "value", id, "customer", f.Customer}}
	}
	fill := func(dst *string, v string) {
		if strings.TrimSpace(*dst) == "" {
			*dst = v
		}
	}
	fill(&f.Customer, ret.Customer)
	fill(&f.Amount, ret.Amount.String())
	fill(&f.Rejected, ret.Date.String())
	fill(&f.Number, ret.Ref)
	if orig != nil {
		fill(&f.Number, orig.Ref)
		fill(&f.Presented, orig.Date.String())
	}
	if len(f.Invoices) == 0 {
		for _, a := range ret.Allocations {
			f.Invoices = append(f.Invoices, a.Item)
		}
	}
	return nil
}

// chequeInvoices resolves the invoices typed (number or ID) among customer's items.
func (s *Session) chequeInvoices(customer string, typed []string) ([]string, error) {
	out := []string{}
	var wanted []string
	for _, t := range typed {
		wanted = append(wanted, strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == ';' || r == ' ' })...)
	}
	if len(wanted) == 0 {
		return out, nil
	}
	s, err := s.WithAccount(customer)
	if err != nil {
		return nil, err
	}
	acct := s.Book.Account(customer)
	if acct == nil {
		return nil, &ledger.Problem{Key: "cheque.err.customer", Args: []string{"value", customer}}
	}
	for _, w := range wanted {
		i := slices.IndexFunc(acct.Items, func(it ledger.Item) bool { return it.ID == w || strings.EqualFold(it.Number, w) })
		if i < 0 {
			return nil, &ledger.Problem{Key: "cheque.err.invoice", Args: []string{"id", "", "value", w, "customer", customer}}
		}
		if id := acct.Items[i].ID; !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// RecordCheque records unpaid cheque c, entered today by by (the dossier's signatory
// when empty), in one transaction; c's ID is written back. A date after today is
// refused, as is a cheque that does not validate or that the store refuses (unknown
// customer, invoice or return, the same cheque followed twice): nothing is written.
func (s *Session) RecordCheque(c *cheque.Cheque, today ledger.Date, by string) error {
	dates := []struct {
		field string
		v     ledger.Date
	}{{"written", c.Written}, {"presented", c.Presented}, {"rejected", c.Rejected}}
	for _, r := range c.Represented {
		dates = append(dates, struct {
			field string
			v     ledger.Date
		}{"represented", r})
	}
	for _, d := range dates {
		if d.v > today {
			return future(d.field, d.v, today)
		}
	}
	n := *c
	n.Recorded, n.By = today, s.Who(by)
	if err := s.DB.Update(func(tx *store.Tx) error { return tx.PutCheque(&n) }); err != nil {
		return err
	}
	*c = n
	return nil
}

// future is the refusal of a date after today.
func future(field string, d, today ledger.Date) error {
	return &ledger.Problem{Key: "cheque.err.future", Args: []string{"field_key", "cheque.field." + field,
		"date", d.String(), "end", today.String()}}
}

// RecordChequeStep records on cheque id the step typed (a cheque.Kind or its French
// name) taken on the day typed (DD/MM/YYYY or YYYY-MM-DD), not after today, in one
// transaction, and returns the cheque as stored; officer names the commissaire de
// justice who served the certificate. A step out of the procedure's order is refused
// naming the first day it could be taken (cheque.Cheque.Record).
func (s *Session) RecordChequeStep(id, step, date, officer string, today ledger.Date) (*cheque.Cheque, error) {
	k, ok := cheque.ParseKind(step)
	if !ok {
		return nil, &ledger.Problem{Key: "cheque.err.typed", Args: []string{"field_key", "cheque.field.step", "value", step}}
	}
	d, err := payment.ParseDay(date)
	if err != nil {
		return nil, &ledger.Problem{Key: "cheque.err.typed", Args: []string{"field_key", "cheque.field." + string(k), "value", date}}
	}
	if d > today {
		return nil, future(string(k), d, today)
	}
	var c *cheque.Cheque
	err = s.DB.Update(func(tx *store.Tx) error {
		var err error
		c, err = tx.RecordChequeStep(strings.TrimSpace(id), k, d, officer)
		return err
	})
	return c, err
}

// ChequeRow is an unpaid cheque with its customer's name (its ID when the customer is
// gone) and, at a date, the procedure's steps and the next one.
type ChequeRow struct {
	cheque.Cheque
	Name  string        `json:"name"`
	Steps []cheque.Step `json:"steps"`
	// Next is the next step to take (nil: paid, closed, or the title issued); Days the
	// days from the as-of date to its first day (negative: possible for that many days).
	Next *cheque.Step `json:"next"`
	Days int          `json:"days"`
}

// Cheques lists the dossier's unpaid cheques at asOf: the open ones first, by the
// first day of their next step (the most urgent first), then the others in ID order.
func (s *Session) Cheques(asOf ledger.Date) ([]ChequeRow, error) {
	cs, err := s.DB.LoadCheques("")
	if err != nil {
		return nil, err
	}
	rows := make([]ChequeRow, 0, len(cs))
	for _, c := range cs {
		r := ChequeRow{Cheque: c, Name: c.Customer, Steps: c.Steps(asOf), Next: c.Next(asOf)}
		if acc := s.Book.Account(c.Customer); acc != nil {
			r.Name = acc.Customer.Name
		}
		if r.Next != nil && r.Next.From.Valid() {
			r.Days = r.Next.From.DaysSince(asOf)
		}
		rows = append(rows, r)
	}
	slices.SortStableFunc(rows, func(a, b ChequeRow) int {
		switch {
		case a.Next != nil && b.Next == nil:
			return -1
		case a.Next == nil && b.Next != nil:
			return 1
		case a.Next != nil && a.Next.From != b.Next.From:
			return int(a.Next.From - b.Next.From)
		}
		return cmpText(a.ID, b.ID)
	})
	return rows, nil
}

// cmpText orders two strings.
func cmpText(a, b string) int { return strings.Compare(a, b) }
