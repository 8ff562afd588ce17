package desk_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
	"relance/ledger/payment"
	"relance/letters/statement"
)

// customerOutput is what a customer's own commands print from session s at asOf: its
// record, its statement of account (PDF bytes), its data export (JSON) and the décompte
// of its late penalties up to asOf (JSON).
func customerOutput(t *testing.T, s *desk.Session, id string, asOf ledger.Date) string {
	t.Helper()
	acc := s.Book.Account(id)
	if acc == nil {
		return "no account"
	}
	rec, err := json.Marshal(acc.Customer)
	if err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	if err := s.Statement(&pdf, id, asOf, statement.Options{PaymentDays: 90}); err != nil {
		pdf.WriteString("error: " + err.Error())
	}
	e, err := s.ExportCustomer(id, asOf)
	if err != nil {
		t.Fatal(err)
	}
	exp, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var dec string
	if d, err := s.Decompte(id, law.Terms{End: asOf}); err != nil {
		dec = "error: " + err.Error()
	} else if b, err := json.Marshal(d); err != nil {
		t.Fatal(err)
	} else {
		dec = string(b)
	}
	return string(rec) + "\n" + pdf.String() + "\n" + string(exp) + "\n" + dec
}

// OpenReadCustomer gives each customer's record, statement and data export byte for
// byte as the whole book does, at dates before, at and after the dossier's latest
// activity, from its account alone; an unknown customer has no account in it either.
func TestOpenReadCustomer(t *testing.T) {
	path := demoFile(t)
	// A payment recorded by hand, which the customer's account carries (Tx.Account).
	w, err := desk.OpenWrite(path)
	if err != nil {
		t.Fatal(err)
	}
	paid := ""
	for _, a := range w.Book.Accounts {
		if b := a.Balance(); b > 10000 {
			req := payment.Request{Payment: payment.Payment{Customer: a.Customer.ID, Date: anchor, Amount: 10000, Method: payment.Transfer, Ref: "VIR TEST"}}
			if _, err := w.RecordPayment(req, anchor, "test"); err != nil {
				t.Fatal(err)
			}
			paid = a.Customer.ID
			break
		}
	}
	if err := w.Close(); err != nil || paid == "" {
		t.Fatalf("no payment recorded (%v)", err)
	}
	full, err := desk.OpenRead(path)
	if err != nil {
		t.Fatal(err)
	}
	defer full.Close()
	exact := exactFrom(t, path)
	for _, a := range full.Book.Accounts {
		id := a.Customer.ID
		s, err := desk.OpenReadCustomer(path, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Book.Accounts) != 1 || s.Customer != id {
			t.Fatalf("%s: %d accounts read (Customer %q)", id, len(s.Book.Accounts), s.Customer)
		}
		for _, at := range []ledger.Date{exact.AddDays(-200), exact.AddDays(-30), exact, exact.AddDays(60)} {
			if got, want := customerOutput(t, s, id, at), customerOutput(t, full, id, at); got != want {
				t.Errorf("%s at %s: the customer's documents differ from the whole book's\n got %.300s\nwant %.300s", id, at, diffAt(got, want), diffAt(want, got))
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"NOPE", ""} {
		s, err := desk.OpenReadCustomer(path, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Book.Accounts) != 0 {
			t.Errorf("customer %q: %d accounts read", id, len(s.Book.Accounts))
		}
		got, _ := json.Marshal([]any{s.Book.Settings, s.Book.Salespeople, s.Rates, s.Disputes, s.Procedures})
		want, _ := json.Marshal([]any{full.Book.Settings, full.Book.Salespeople, full.Rates, full.Disputes, full.Procedures})
		if string(got) != string(want) {
			t.Errorf("customer %q: the settings, salespeople, rates or records differ from the whole book's", id)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
