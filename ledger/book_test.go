package ledger

import (
	"errors"
	"testing"
	"time"
)

func TestSummaries(t *testing.T) {
	asOf := NewDate(2026, time.March, 31)
	inv := func(id string, due Date, amt, open Cents) Item {
		return Item{ID: id, Kind: Invoice, DocDate: due.AddDays(-30), DueDate: due, Amount: amt, Open: open}
	}
	a := &Account{Customer: Customer{ID: "C1", Name: "Un", CreditLimit: 1000}, Items: []Item{
		inv("1", NewDate(2026, time.January, 31), 50000, 50000),             // 59 days late
		inv("2", NewDate(2026, time.March, 30), 20000, 5000),                // 1 day late, partly paid
		inv("3", NewDate(2026, time.March, 31), 10000, 10000),               // due today: not overdue
		{ID: "4", Kind: Payment, DocDate: asOf, Amount: -3000, Open: -3000}, // unapplied payment
		inv("5", NewDate(2025, time.December, 31), 7000, 0),                 // paid
	}}
	b := NewBook(DefaultSettings(), nil, []*Account{a})
	s := b.Summaries(asOf)[0]
	if s.Balance != 62000 || s.Overdue != 55000 || s.DaysLate != 59 || s.OpenItems != 4 || !s.CreditOver {
		t.Errorf("summary %+v", s)
	}
	if a.Balance() != s.Balance || a.Overdue(asOf) != s.Overdue || a.OldestOverdue(asOf) != NewDate(2026, time.January, 31) {
		t.Error("Account methods disagree with Summaries")
	}
	if len(a.OpenItems()) != 4 {
		t.Error("OpenItems")
	}
	if b.Account("C1") != a || b.Account("nope") != nil {
		t.Error("Account lookup")
	}
}

func TestProblemLocalize(t *testing.T) {
	p := &Problem{Key: "err.terms", Args: []string{"value", "abc"}}
	if got := p.Localize("fr"); got == "" || got == "err.terms" {
		t.Errorf("fr: %q", got)
	}
	if p.Error() == p.Localize("fr") {
		t.Error("Error() should be English")
	}
	wrapped := errors.Join(errors.New("context"), p)
	_ = wrapped
	w2 := &Problem{Key: "err.dossier.read", Args: []string{"file", "x.db"}, Err: p}
	if !errors.Is(w2, &Problem{Key: "err.terms"}) {
		t.Error("errors.Is through Err")
	}
	if got := Localize(w2, "fr"); got == "" {
		t.Error("Localize")
	}
}
