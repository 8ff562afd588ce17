package desk_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"relance/desk"
	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/insolvency"
)

// demoProcedure returns the demo's procedure.
func demoProcedure(t *testing.T, s *desk.Session) law.Procedure {
	t.Helper()
	if len(s.Procedures) == 0 {
		t.Fatal("no procedure in the demo")
	}
	return s.Procedures[0]
}

// An event is recorded on the procedure in one transaction, refused whole when bad;
// its steps are then listed with the procedure's deadlines and on the agenda.
func TestRecordProcedureEvent(t *testing.T) {
	s := openDemo(t)
	p := demoProcedure(t, s)
	received := anchor.AddDays(-3)
	ok := law.ProcEvent{Kind: law.EventContestation, Date: received, Recorded: anchor, By: "test"}
	rev := revision(t, s)
	future := ok
	future.Date = anchor.AddDays(1)
	refused(t, s, "future", fail(s.RecordProcedureEvent(p.Customer, "", future)), "insolv2.err.event_future", rev)
	refused(t, s, "unknown procedure", fail(s.RecordProcedureEvent(p.Customer, "J1999-0001", ok)), "insolv2.err.procedure", rev)
	refused(t, s, "other customer", fail(s.RecordProcedureEvent("C00001", p.ID, ok)), "insolv2.err.procedure_customer", rev)
	contract := ok
	contract.Kind = law.EventContractNotice
	refused(t, s, "contract unnamed", fail(s.RecordProcedureEvent(p.Customer, p.ID, contract)), "insolv2.err.event", rev)

	got, err := s.RecordProcedureEvent(p.Customer, "", ok)
	if err != nil {
		t.Fatal(err)
	}
	written(t, s, "event", rev)
	if got.ID != p.ID || len(got.Events) != 1 || got.Events[0] != ok {
		t.Fatalf("stored %+v", got)
	}
	want := received.AddDays(30) // C. com. L622-27
	found := false
	for _, r := range s.ProcedureDeadlines(anchor) {
		for _, d := range r.Deadlines {
			if d.Kind == law.DeadlineContestation {
				found = d.Date == want && d.Unverified
			}
		}
	}
	if !found {
		t.Errorf("no contestation step on %s in %+v", want, s.ProcedureDeadlines(anchor))
	}
	ag, err := s.Agenda(anchor, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	listed := false
	for _, d := range ag.Legal {
		listed = listed || (d.Kind == string(law.DeadlineContestation) && d.Date == want && d.Customer == p.Customer)
	}
	if !listed {
		t.Errorf("the agenda does not list the contestation step: %+v", ag.Legal)
	}
}

func fail(_ *law.Procedure, err error) error { return err }

// Each follow-up letter is archived with its record and a history action, in one
// transaction, its PDF the archived bytes; a letter that cannot be written writes
// nothing.
func TestIssueProcedureLetter(t *testing.T) {
	s := openDemo(t)
	p := demoProcedure(t, s)
	rev := revision(t, s)
	// At the anchor the claim filing period still runs: no relevé request yet.
	_, _, err := s.IssueProcedureLetter(p.Customer, insolvency.FollowUpRequest{Kind: insolvency.Forclusion}, anchor, "test", time.Now(), nil)
	refused(t, s, "relevé too early", err, "insolv2.err.forclusion_early", rev)
	_, _, err = s.IssueProcedureLetter(p.Customer, insolvency.FollowUpRequest{Kind: insolvency.Contract}, anchor, "test", time.Now(), nil)
	refused(t, s, "contract unnamed", err, "insolv2.err.field", rev)

	late := p.BODACC.AddMonths(2).AddDays(10)
	for _, c := range []struct {
		req   insolvency.FollowUpRequest
		asOf  string
		stage string
	}{
		{insolvency.FollowUpRequest{Kind: insolvency.Forclusion, Reason: insolvency.ReasonOmitted}, late.String(), "ins_forclusion"},
		{insolvency.FollowUpRequest{Kind: insolvency.Contract, Contract: "bail commercial"}, anchor.String(), "ins_contract"},
		{insolvency.FollowUpRequest{Kind: insolvency.PostOpening, Lang: "en"}, anchor.String(), "ins_post_opening"},
	} {
		asOf := late
		if c.asOf == anchor.String() {
			asOf = anchor
		}
		rev := revision(t, s)
		rec, pdf, err := s.IssueProcedureLetter(p.Customer, c.req, asOf, "test", time.Now(), nil)
		if err != nil {
			t.Fatalf("%s: %v", c.req.Kind, err)
		}
		written(t, s, string(c.req.Kind), rev)
		sum := sha256.Sum256(pdf)
		if string(rec.Stage) != c.stage || rec.Customer != p.Customer || rec.PDFHash != hex.EncodeToString(sum[:]) ||
			rec.Reference != p.ID || rec.Date != asOf || rec.Channel != "lrar" {
			t.Errorf("%s: record %+v", c.req.Kind, rec)
		}
		err = s.DB.View(func(tx *store.Tx) error {
			b, err := archive.PDF(tx, rec.ID)
			if err != nil {
				return err
			}
			if string(b) != string(pdf) {
				t.Errorf("%s: archived PDF differs", c.req.Kind)
			}
			acts, err := tx.Actions(p.Customer)
			for _, a := range acts {
				if a.Letter == rec.ID {
					return err
				}
			}
			t.Errorf("%s: no history action for %s", c.req.Kind, rec.ID)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if c.req.Kind == insolvency.PostOpening && (!strings.Contains(rec.Text, "L622-17") || rec.Lang != "en") {
			t.Errorf("post-opening record text: %s", rec.Text)
		}
	}
}
