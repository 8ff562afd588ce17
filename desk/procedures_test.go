package desk_test

import (
	"errors"
	"testing"

	"relance/ledger"
	"relance/ledger/law"
)

// Each recorded procedure is listed with its customer's name and its deadlines.
func TestProcedureDeadlines(t *testing.T) {
	s := openDemo(t)
	rows := s.ProcedureDeadlines(anchor)
	if len(s.Procedures) == 0 || len(rows) != len(s.Procedures) {
		t.Fatalf("%d rows for %d procedures", len(rows), len(s.Procedures))
	}
	for _, r := range rows {
		if r.Name != s.Book.Account(r.Customer).Customer.Name || len(r.Deadlines) == 0 {
			t.Errorf("%s: name %q, %d deadlines", r.ID, r.Name, len(r.Deadlines))
		}
	}
}

// A procedure is recorded with the customer's insolvency status in one transaction
// and then governs the customer from its judgment; an unknown customer is refused and
// the procedure keeps no ID.
func TestRecordProcedure(t *testing.T) {
	s := openDemo(t)
	acc, _ := undisputedOverdue(t, s)
	judgment := anchor.AddDays(-10)
	p := law.Procedure{Customer: "NOPE", Kind: law.Sauvegarde, Judgment: judgment, BODACC: anchor.AddDays(-3),
		Mandataire: "Maître Test", Recorded: anchor, By: "test"}
	rev := revision(t, s)
	refused(t, s, "unknown customer", s.RecordProcedure(&p), "law.proc.err.customer", rev)
	if p.ID != "" {
		t.Errorf("refused procedure numbered %s", p.ID)
	}
	bad := p
	bad.Customer, bad.Mandataire = acc.Customer.ID, ""
	refused(t, s, "no mandataire", s.RecordProcedure(&bad), "law.proc.err.field", rev)

	p.Customer = acc.Customer.ID
	if err := s.RecordProcedure(&p); err != nil {
		t.Fatal(err)
	}
	written(t, s, "procedure", rev)
	if p.ID == "" {
		t.Fatal("no ID written back")
	}
	if st := s.Book.Account(acc.Customer.ID).Customer.Status; st != ledger.StatusInsolvency {
		t.Errorf("customer status %q", st)
	}
	got, err := s.ActiveProcedure(acc.Customer.ID, anchor)
	if err != nil || got.ID != p.ID {
		t.Errorf("active procedure %+v, %v; want %s", got, err, p.ID)
	}
	_, err = s.ActiveProcedure(acc.Customer.ID, judgment.AddDays(-1))
	var pb *ledger.Problem
	if !errors.As(err, &pb) || pb.Key != "law.proc.err.none" {
		t.Errorf("before the judgment: %v", err)
	}
}
