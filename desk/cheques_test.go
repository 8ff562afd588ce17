package desk_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/cheque"
	"relance/ledger/store"
	"relance/letters/archive"
)

// The demo has one unpaid cheque whose certificate of non-payment is due: presented 37
// days before the demo's day, the thirty days of CMF L131-73 have run.
func TestDemoCheque(t *testing.T) {
	s := openDemo(t)
	rows, err := s.Cheques(anchor)
	if err != nil || len(rows) != 1 {
		t.Fatalf("cheques %+v %v", rows, err)
	}
	r := rows[0]
	if r.Next == nil || r.Next.Kind != cheque.KindCertRequested || r.Next.Status != cheque.Due || r.Days != -6 {
		t.Errorf("next %+v days %d", r.Next, r.Days)
	}
	if r.Name == r.Customer || len(r.Invoices) != 1 || len(r.Steps) != 8 {
		t.Errorf("row %+v", r)
	}
}

// A cheque typed is recorded in one transaction (nothing when refused), its steps are
// added in order, and the letter to the drawer passes the checker, is archived with
// its record and marks the step.
func TestRecordChequeAndLetter(t *testing.T) {
	s := openDemo(t)
	acc, inv := undisputedOverdue(t, s)
	f := desk.ChequeForm{Customer: acc.Customer.ID, Number: "1234567", Bank: "CIC", Amount: inv.Open.String(),
		Written: "20/10/2026", Presented: "2026-10-22", Rejected: "26/10/2026", Reason: "provision", Invoices: []string{inv.Number}}
	for _, c := range []struct {
		change func(*desk.ChequeForm)
		key    string
		fr     string
	}{
		{func(f *desk.ChequeForm) { f.Amount = "beaucoup" }, "cheque.err.typed", "Valeur invalide pour « montant » : « beaucoup »"},
		{func(f *desk.ChequeForm) { f.Presented = "31/02/2026" }, "cheque.err.typed", "première présentation"},
		{func(f *desk.ChequeForm) { f.Reason = "lune" }, "cheque.err.typed", "« lune »"},
		{func(f *desk.ChequeForm) { f.Presented = " " }, "cheque.err.missing", "Renseignez « première présentation »"},
		{func(f *desk.ChequeForm) { f.Invoices = []string{"NOPE-1"} }, "cheque.err.invoice", "NOPE-1"},
		{func(f *desk.ChequeForm) { f.Rejected = "20/10/2026" }, "cheque.err.before", "20/10/2026"},
	} {
		g := f
		c.change(&g)
		_, err := s.ParseChequeForm(g)
		if !errors.Is(err, &ledger.Problem{Key: c.key}) || !strings.Contains(ledger.Localize(err, "fr"), c.fr) {
			t.Errorf("%+v: %v (fr: %s), want %s saying %q", g, err, ledger.Localize(err, "fr"), c.key, c.fr)
		}
	}
	c, err := s.ParseChequeForm(f)
	if err != nil {
		t.Fatal(err)
	}
	rev := revision(t, s)
	late := c
	if err := s.RecordCheque(&late, ledger.NewDate(2026, time.October, 25), ""); !errors.Is(err, &ledger.Problem{Key: "cheque.err.future"}) {
		t.Errorf("rejected after today: %v", err)
	}
	if revision(t, s) != rev {
		t.Error("a refused cheque was written")
	}
	if err := s.RecordCheque(&c, anchor, "Claire"); err != nil || c.ID != "CH2026-0002" || c.By != "Claire" {
		t.Fatalf("%v %+v", err, c)
	}
	if _, err := s.RecordChequeStep(c.ID, "certificat", "20/11/2026", "", anchor); !errors.Is(err, &ledger.Problem{Key: "cheque.err.cert_early"}) ||
		!strings.Contains(ledger.Localize(err, "fr"), "22/11/2026") {
		t.Errorf("certificate before the thirty days: %v", err)
	}
	if _, err := s.RecordChequeStep(c.ID, "titre", "22/11/2026", "", anchor); !errors.Is(err, &ledger.Problem{Key: "cheque.err.needs"}) {
		t.Errorf("title before the service: %v", err)
	}
	got, err := s.RecordChequeStep(c.ID, "demande", "23/11/2026", "", anchor)
	if err != nil || got.CertRequested != ledger.NewDate(2026, time.November, 23) {
		t.Fatalf("%v %+v", err, got)
	}
	rec, pdf, err := s.IssueChequeLetter(c.ID, anchor, "", "Claire", time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(pdf) == 0 || rec.Stage != "cheque" || rec.Reference != c.ID || !strings.Contains(rec.Text, "L131-73") {
		t.Errorf("record %+v", rec)
	}
	err = s.DB.View(func(tx *store.Tx) error {
		ch, err := tx.Cheque(c.ID)
		if err != nil || ch.Letter != anchor || ch.LetterID != rec.ID {
			t.Errorf("letter step %+v %v", ch, err)
		}
		acts, err := tx.Actions(c.Customer)
		found := false
		for _, a := range acts {
			found = found || a.Letter == rec.ID
		}
		if !found {
			t.Error("no action in the customer's history")
		}
		recs, err2 := archive.List(tx, archive.Filter{Customer: c.Customer})
		if len(recs) == 0 || recs[0].ID != rec.ID {
			t.Errorf("archive %v", err2)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := s.Cheques(anchor)
	if len(rows) != 2 {
		t.Fatalf("rows %d", len(rows))
	}
}
