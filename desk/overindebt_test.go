package desk_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/law"
	"relance/ledger/overindebt"
	"relance/letters/archive"
	"relance/letters/templates"
)

// demoOverindebt returns the demo's over-indebted consumer: its file and its row at
// the demo's date.
func demoOverindebt(t *testing.T, s *desk.Session) *desk.OverindebtRow {
	t.Helper()
	rows, err := s.Overindebts(anchor)
	if err != nil || len(rows) != 1 {
		t.Fatalf("files = %+v, %v", rows, err)
	}
	return &rows[0]
}

// The demo's file is admitted six weeks before the demo's date and its état du passif
// notified 10 days before: the reminders are held, the penalties frozen, 20 days left
// to justify the claim; the debtor declared 85 % of the claim.
func TestOverindebtDemo(t *testing.T) {
	s := openDemo(t)
	r := demoOverindebt(t, s)
	if r.Status.Phase != overindebt.PhaseLiabilities || !r.Status.Held || !r.Status.Frozen || r.Status.FrozenFrom != anchor.AddDays(-42) {
		t.Errorf("status = %+v", r.Status)
	}
	if d, ok := r.Status.Next(); !ok || d.Kind != overindebt.DeadlineJustify || d.DaysLeft != 20 {
		t.Errorf("next = %+v", d)
	}
	if r.Claim <= 0 || r.DebtorAmount >= r.Claim || r.DebtorAmount <= 0 {
		t.Errorf("claim %s, debtor's %s", r.Claim, r.DebtorAmount)
	}
	// The agenda skips the customer with the file's reason.
	ag, err := s.Agenda(anchor, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ag.Entries {
		if e.Customer == r.Customer {
			t.Errorf("agenda entry for the held customer: %+v", e)
		}
	}
	found := false
	for _, sk := range ag.Skipped {
		if sk.Customer == r.Customer {
			found = len(sk.Why) == 1 && sk.Why[0].Key == "overindebt.why.admitted" &&
				strings.Contains(sk.Why[0].Text("fr"), anchor.AddDays(-42).French())
		}
	}
	if !found {
		t.Error("the held customer is not among the skipped with the file's reason")
	}
	// A reminder letter is refused, a statement is not.
	_, err = s.ComposeLetter(desk.LetterRequest{Customer: r.Customer, Stage: templates.R2, Date: anchor})
	if !errors.Is(err, &ledger.Problem{Key: "overindebt.err.held"}) {
		t.Errorf("r2 letter: %v", err)
	}
	if _, err := s.ComposeLetter(desk.LetterRequest{Customer: r.Customer, Stage: templates.Statement, Date: anchor}); errors.Is(err, &ledger.Problem{Key: "overindebt.err.held"}) {
		t.Errorf("statement letter refused: %v", err)
	}
	// The penalty invoice is refused, the injonction is not eligible.
	_, err = s.PenaltyInvoice(desk.PenaltyInvoiceRequest{Customer: r.Customer, AsOf: anchor})
	if !errors.Is(err, &ledger.Problem{Key: "overindebt.err.penalty"}) {
		t.Errorf("penalty invoice: %v", err)
	}
	p, err := s.InjonctionPack(r.Customer, anchor, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Eligibility.Eligible || len(p.Eligibility.Checks) == 0 || p.Eligibility.Checks[0].Note.Key != "overindebt.ip.check.held" {
		t.Errorf("injonction eligibility = %+v", p.Eligibility)
	}
	// The décompte stops on the admissibility's eve, with its note.
	d, err := s.Decompte(r.Customer, law.Terms{End: anchor, Notice: anchor.AddDays(-60)}) // a consumer: from a formal notice
	if err != nil {
		t.Fatal(err)
	}
	if d.End > anchor.AddDays(-43) {
		t.Errorf("décompte ends %s, want at most %s", d.End, anchor.AddDays(-43))
	}
	noted := false
	for _, n := range d.Notes {
		noted = noted || n.Key == "overindebt.note.frozen"
	}
	if !noted {
		t.Errorf("notes = %+v", d.Notes)
	}
}

// The letter to the commission is issued in one transaction with its archive record
// and the file's justified amount; a customer without a file is refused.
func TestIssueOverindebtLetter(t *testing.T) {
	s := openDemo(t)
	r := demoOverindebt(t, s)
	if _, err := s.PrepareOverindebtLetter("C00001", anchor); !errors.Is(err, &ledger.Problem{Key: "overindebt.err.none"}) {
		t.Errorf("no file: %v", err)
	}
	ol, err := s.IssueOverindebtLetter(r.Customer, anchor, "test", time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	if ol.Record == nil || len(ol.PDF) == 0 || ol.Claim.Total != r.Claim || ol.Letter.Stage != "overindebt_claim" ||
		ol.Letter.Totals.Claimed != r.Claim || !ol.Found || ol.Deadline.DaysLeft != 20 {
		t.Errorf("letter = %+v", ol)
	}
	recs, err := s.Archive(archive.Filter{Customer: r.Customer})
	if err != nil || len(recs) == 0 || recs[0].Stage != "overindebt_claim" {
		t.Errorf("archive = %+v %v", recs, err)
	}
	after, err := s.Overindebt(r.Customer, anchor)
	if err != nil || after.Justified != r.Claim || after.JustifiedOn != anchor {
		t.Errorf("file after = %+v %v", after, err)
	}
	if j, _ := after.Status.Find(overindebt.DeadlineJustify); !j.Done {
		t.Errorf("justify deadline not done: %+v", j)
	}
}

// Recording a file: a business customer is refused, a consumer's is stored and the
// justification already sent is kept by an update; the form names a bad field.
func TestSetOverindebt(t *testing.T) {
	s := openDemo(t)
	r := demoOverindebt(t, s)
	f := desk.OverindebtForm{Customer: "C00001", Commission: "Commission du Rhône", Filed: "01/09/2026",
		Address: "Banque de France, 14 rue de la République, 69002 Lyon", DebtorAmount: "1 020,00"}
	k, err := desk.ParseOverindebtForm(f)
	if err != nil || k.CommissionAddress.City != "Lyon" || len(k.CommissionAddress.Lines) != 2 || k.DebtorAmount != 102000 {
		t.Fatalf("parsed %+v %v", k, err)
	}
	if _, err := s.SetOverindebt(k, anchor, "test"); !errors.Is(err, &ledger.Problem{Key: "overindebt.err.business"}) {
		t.Errorf("public body: %v", err)
	}
	f.Filed = "31/02/2026"
	if _, err := desk.ParseOverindebtForm(f); !errors.Is(err, &ledger.Problem{Key: "overindebt.err.typed"}) ||
		!strings.Contains(ledger.Localize(err, "fr"), "date de dépôt") {
		t.Errorf("bad date: %v", err)
	}
	if _, err := s.IssueOverindebtLetter(r.Customer, anchor, "test", time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	k = r.Case
	k.Justified, k.JustifiedOn = 0, ledger.NoDate
	k.Outcome, k.OutcomeDate = overindebt.Plan, anchor
	got, err := s.SetOverindebt(k, anchor, "test")
	if err != nil || got.Justified != r.Claim || got.Status.Phase != overindebt.PhaseDecided || got.By != "test" {
		t.Errorf("updated = %+v %v", got, err)
	}
	if err := s.DeleteOverindebt(r.Customer); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteOverindebt(r.Customer); !errors.Is(err, &ledger.Problem{Key: "overindebt.err.none"}) {
		t.Errorf("second delete: %v", err)
	}
}

// The data export holds the file; the erasure keeps it with its reference and note
// erased.
func TestOverindebtExportErase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.Create(path, anchor); err != nil {
		t.Fatal(err)
	}
	s, err := desk.OpenWrite(path)
	if err != nil {
		t.Fatal(err)
	}
	r := demoOverindebt(t, s)
	k := r.Case
	k.Note = "Mme Legrand a appelé le 20/11"
	if _, err := s.SetOverindebt(k, anchor, "test"); err != nil {
		t.Fatal(err)
	}
	e, err := s.ExportCustomer(r.Customer, anchor)
	if err != nil || e.Overindebtedness == nil || e.Overindebtedness.Note != k.Note {
		t.Fatalf("export = %+v %v", e.Overindebtedness, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	er, err := desk.EraseCustomerFile(path, r.Customer, anchor, "test", "fr")
	if err != nil || er.Records.Overindebt != 1 {
		t.Fatalf("erasure = %+v %v", er, err)
	}
	s, err = desk.OpenRead(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	after, err := s.Overindebt(r.Customer, anchor)
	if err != nil || after == nil || strings.Contains(after.Note, "Legrand") || strings.Contains(after.Ref, "0742026") || after.Admitted != r.Admitted {
		t.Errorf("after the erasure: %+v %v", after, err)
	}
}
