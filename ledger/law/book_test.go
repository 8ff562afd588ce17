package law_test

import (
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/law"
)

func TestBookDeadlinesAndCustomerInvoices(t *testing.T) {
	today := ledger.NewDate(2026, time.November, 23)
	book := demo.Book(today)
	ds := law.BookDeadlines(book, today)
	open := 0
	for _, a := range book.Accounts {
		for _, it := range a.Items {
			if it.Open > 0 {
				open++
			}
		}
	}
	if len(ds) != open || open == 0 {
		t.Fatalf("%d deadlines for %d open debits", len(ds), open)
	}
	for i := 1; i < len(ds); i++ {
		a, b := ds[i-1].State, ds[i].State
		if a.Level.Urgency() > b.Level.Urgency() || (a.Level == b.Level && a.Deadline > b.Deadline) {
			t.Fatalf("not sorted by urgency at %d", i)
		}
	}
	for _, a := range book.Accounts {
		invs := law.CustomerInvoices(a, today, nil)
		var want ledger.Cents
		for _, it := range a.Items {
			if it.OverdueAt(today) {
				want += it.Open
			}
		}
		var got ledger.Cents
		for _, inv := range invs {
			got += inv.Amount
			if inv.Due >= today {
				t.Errorf("%s: invoice %s not yet due", a.Customer.ID, inv.Ref)
			}
		}
		if got != want {
			t.Errorf("%s: invoices %s, overdue %s", a.Customer.ID, got, want)
		}
	}
}

func TestDebtorOf(t *testing.T) {
	cases := []struct {
		c    ledger.Customer
		want law.Debtor
	}{
		{ledger.Customer{Kind: ledger.Business, Address: ledger.Address{Country: "FR"}}, law.DebtorB2B},
		// a UK business under French law (the default: Rome I art. 4): L441-10
		{ledger.Customer{Kind: ledger.Business, Address: ledger.Address{Country: "GB"}}, law.DebtorB2B},
		// under English law: the Late Payment Act
		{ledger.Customer{Kind: ledger.Business, Address: ledger.Address{Country: "GB"}, Law: "GB"}, law.DebtorUK},
		{ledger.Customer{Kind: ledger.Business, Address: ledger.Address{Country: "GB"}, Law: "gb"}, law.DebtorUK},
		{ledger.Customer{Kind: ledger.Business, Address: ledger.Address{Country: "DE"}}, law.DebtorB2B},
		{ledger.Customer{Kind: ledger.Consumer, Address: ledger.Address{Country: "GB"}}, law.DebtorConsumer},
		{ledger.Customer{Kind: ledger.PublicBody}, law.DebtorPublic},
	}
	for _, c := range cases {
		if got := law.DebtorOf(&c.c); got != c.want {
			t.Errorf("%+v: %v, want %v", c.c, got, c.want)
		}
	}
}
