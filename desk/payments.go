package desk

import (
	"maps"
	"slices"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/dunning"
	"relance/ledger/payment"
	"relance/ledger/store"
)

// Payments recorded by hand between two ledger imports (ledger/payment): the store
// applies the active ones to the book each time it is loaded, so that after a write
// and a Reload every figure, promise, plan and the agenda see them; the next ledger
// import that brings the same payment supersedes it (ledger/importer, Report.Payments…).

// AllocatePayment returns the payment of req as RecordPayment would record it at date
// at, its allocations included (the chosen invoices, or the oldest due first), without
// writing anything: the form's proposal. It refuses what RecordPayment refuses.
func (s *Session) AllocatePayment(req payment.Request, at ledger.Date, by string) (payment.Payment, error) {
	p := req.Payment
	p.ID, p.Entered, p.By = "", at, s.Who(by)
	if p.Source == "" {
		p.Source = payment.SourceManual
	}
	alloc := p.Allocations
	p.Allocations = nil
	if err := p.Validate(); err != nil {
		return p, err
	}
	if p.Date > at {
		return p, &ledger.Problem{Key: "payment.err.future", Args: []string{"customer", p.Customer, "field", "date", "value", p.Date.String(), "at", at.String()}}
	}
	a := s.Book.Account(p.Customer)
	if a == nil {
		return p, &ledger.Problem{Key: "payment.err.customer_unknown", Args: []string{"customer", p.Customer, "field", "customer", "value", p.Customer}}
	}
	if len(alloc) > 0 && len(req.Wants) == 0 {
		p.Allocations = alloc
		if err := p.Validate(); err != nil {
			return p, err
		}
		return p, payment.CheckAllocations(a, &p, credit.OpenAtMap)
	}
	return p, payment.Allocate(a, &p, req.Wants, credit.OpenAtMap)
}

// PayableItems returns the debits of customer that a payment dated d can settle, oldest
// due first, each with the amount it can take (the form's checklist); none for an
// unknown customer.
func (s *Session) PayableItems(customer string, d ledger.Date) []payment.Allocation {
	a := s.Book.Account(customer)
	if a == nil || !d.Valid() {
		return nil
	}
	return payment.Open(a, d, credit.OpenAtMap)
}

// RecordPayment records the payment of req (payment.ParseForm, or allocations given
// item by item) received from a customer, entered at date at by by, in one
// transaction with the action « Règlement » in the customer's history, and returns it
// as stored (its ID, its allocations). It is allocated to the invoices chosen, or to
// the oldest due first; what is not allocated stays an open credit. It is refused,
// nothing written, naming the field and the value: an unknown customer, a date after
// at, an amount that is not positive, an unknown method, an invoice that is not an
// open debit of the customer at the payment's date, an amount above an invoice's
// open amount, invoices asking for more than the payment. The fronts Reload after it.
func (s *Session) RecordPayment(req payment.Request, at ledger.Date, by string) (*payment.Payment, error) {
	p, err := s.AllocatePayment(req, at, by)
	if err != nil {
		return nil, err
	}
	err = s.DB.Update(func(tx *store.Tx) error { return addPayment(tx, &p, at) })
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// ReversePayment records that payment id no longer holds from date (a cheque returned
// unpaid, a rejected direct debit, a payment entered by mistake), entered at date at
// by by, with the reason, in one transaction with the action in the customer's
// history; it returns the payment as stored. A reversed payment is no longer applied
// to the book: its invoices are open again, at every date. It is refused, nothing
// written: an unknown payment, one already reversed, one the ledger already brought (to
// be reversed in the accounts), a date before the payment's or after at.
func (s *Session) ReversePayment(id string, date ledger.Date, reason string, at ledger.Date, by string) (*payment.Payment, error) {
	if !date.Valid() || date > at {
		return nil, &ledger.Problem{Key: "payment.err.reversal_future", Args: []string{"field", "date", "value", date.String(), "at", at.String()}}
	}
	var out *payment.Payment
	err := s.DB.Update(func(tx *store.Tx) error {
		q, err := tx.Payment(id)
		if err != nil {
			return err
		}
		if err := notReturned(tx, q); err != nil {
			return err
		}
		p, err := tx.ReversePayment(id, payment.Reversal{Date: date, Reason: reason, By: s.Who(by), Entered: at})
		if err != nil {
			return err
		}
		out = p
		act := dunning.Action{Customer: p.Customer, Kind: payment.KindReversal, Date: date, Amount: p.Amount, Note: reason,
			By: s.Who(by), Record: p.ID, Status: dunning.ActionDone}
		if at != date {
			act.Recorded = at
		}
		return tx.AddAction(&act)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ReturnPayment records that the bank took payment id back on date (a cheque returned
// unpaid, a direct debit rejected), entered at date at by by, in one transaction with
// « Impayé » in the customer's history, and returns the record (payment.KindReturn): the
// payment stays received, the debt it settled is open again as a debit due when its
// invoices were due, and the unpaid-cheque signal is raised. Unlike ReversePayment
// (entered by mistake: as if it never was), the customer did pay, and the bank took it
// back. It is refused, nothing written: an unknown payment, one no longer applied
// (reversed, or brought by the ledger: take it back there), one already taken back, a
// return itself, a date before the payment's or after at.
func (s *Session) ReturnPayment(id string, date ledger.Date, at ledger.Date, by string) (*payment.Payment, error) {
	if !date.Valid() || date > at {
		return nil, &ledger.Problem{Key: "payment.err.reversal_future", Args: []string{"field", "date", "value", date.String(), "at", at.String()}}
	}
	var out *payment.Payment
	err := s.DB.Update(func(tx *store.Tx) error {
		p, err := tx.Payment(id)
		if err != nil {
			return err
		}
		switch {
		case p == nil || p.IsReturn():
			return &ledger.Problem{Key: "payment.err.unknown", Args: []string{"field", "id", "value", id}}
		case p.Reversed != nil:
			return &ledger.Problem{Key: "payment.err.reversed", Args: []string{"field", "id", "value", id, "date", p.Reversed.Date.String()}}
		case p.SupersededBy != "":
			return &ledger.Problem{Key: "payment.err.superseded", Args: []string{"field", "id", "value", id, "item", p.SupersededBy}}
		case date < p.Date:
			return &ledger.Problem{Key: "payment.err.reversal_date", Args: []string{"customer", p.Customer, "field", "date", "value", date.String(), "paid", p.Date.String()}}
		}
		if err := notReturned(tx, p); err != nil {
			return err
		}
		r := payment.Payment{Kind: payment.KindReturn, Returns: id, Customer: p.Customer, Date: date, Amount: p.Amount,
			Method: p.Method, Ref: p.Ref, Allocations: p.Allocations, Entered: at, By: s.Who(by), Source: payment.SourceManual}
		out = &r
		return addPayment(tx, &r, at)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// addPayment stores p (a payment received or a return, entered at date at) with its
// action in the customer's history — « Règlement » or « Impayé », on the payment's
// date, the invoices it settles or opens again — in transaction tx.
func addPayment(tx *store.Tx, p *payment.Payment, at ledger.Date) error {
	if err := tx.AddPayment(p); err != nil {
		return err
	}
	act := dunning.Action{Customer: p.Customer, Kind: payment.KindPayment, Date: p.Date, Amount: p.Amount, Note: p.Ref,
		By: p.By, Record: p.ID, Status: dunning.ActionDone}
	if p.IsReturn() {
		act.Kind = payment.KindReturned
	}
	for _, al := range p.Allocations {
		act.Items = append(act.Items, al.Item)
	}
	if at != p.Date {
		act.Recorded = at
	}
	return tx.AddAction(&act)
}

// notReturned refuses payment p (nil: nothing to check) when a return still applied
// takes it back.
func notReturned(tx *store.Tx, p *payment.Payment) error {
	if p == nil {
		return nil
	}
	all, err := tx.Payments(p.Customer)
	if err != nil {
		return err
	}
	if ret, ok := payment.ReturnedBy(all)[p.ID]; ok {
		return &ledger.Problem{Key: "payment.err.returned", Args: []string{"field", "id", "value", p.ID, "return", ret}}
	}
	return nil
}

// Payments returns the payments recorded by hand for customer (every customer's when
// customer is empty), by date then ID: active, superseded by an import or reversed.
func (s *Session) Payments(customer string) ([]payment.Payment, error) {
	var out []payment.Payment
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		out, err = tx.Payments(customer)
		return err
	})
	return out, err
}

// ReloadCustomer reads customer id's account again after a write that changed it alone
// (RecordPayment, ReversePayment) and puts it in a new book that shares every other
// account with the previous one (accounts are never changed in place): on a
// 50,000-customer dossier this takes milliseconds where Reload takes a second. On
// failure the session keeps what it had.
func (s *Session) ReloadCustomer(id string) error {
	var a *ledger.Account
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		a, err = tx.Account(id)
		return err
	})
	if err != nil {
		return err
	}
	s.Book = withAccount(s.Book, id, a)
	if s.Partial { // the account just read is whole
		s.whole = maps.Clone(s.whole)
		if s.whole == nil {
			s.whole = map[string]bool{}
		}
		s.whole[id] = true
	}
	return nil
}

// withAccount returns a new book: book with customer id's account replaced by a (added
// when book has none; removed when a is nil). book itself is not changed.
func withAccount(book *ledger.Book, id string, a *ledger.Account) *ledger.Book {
	return withAccounts(book, map[string]*ledger.Account{id: a})
}

// withAccounts returns a new book: book with the account of each customer of read
// replaced by its value (added when book has none; removed when nil). book itself is not
// changed.
func withAccounts(book *ledger.Book, read map[string]*ledger.Account) *ledger.Book {
	accounts := make([]*ledger.Account, 0, len(book.Accounts)+len(read))
	seen := make(map[string]bool, len(read))
	for _, x := range book.Accounts {
		id := x.Customer.ID
		a, ok := read[id]
		switch {
		case !ok:
			accounts = append(accounts, x)
			continue
		case a != nil:
			accounts = append(accounts, a)
		}
		seen[id] = true
	}
	ids := slices.Sorted(maps.Keys(read))
	for _, id := range ids {
		if a := read[id]; a != nil && !seen[id] {
			accounts = append(accounts, a)
		}
	}
	return ledger.NewBook(book.Settings, book.Salespeople, accounts)
}
