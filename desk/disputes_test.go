package desk_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/dispute"
)

// anchor is the demo dossiers' "today".
var anchor = ledger.NewDate(2026, time.November, 23)

// openDemo opens a fresh demo dossier anchored at anchor for writing.
func openDemo(t *testing.T) *desk.Session {
	t.Helper()
	return openDemoAt(t, anchor)
}

// openDemoAt opens a fresh demo dossier anchored at day for writing.
func openDemoAt(t *testing.T, day ledger.Date) *desk.Session {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.Create(path, day); err != nil {
		t.Fatal(err)
	}
	s, err := desk.OpenWrite(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// revision is the dossier's revision counter, incremented by every write transaction.
func revision(t *testing.T, s *desk.Session) uint64 {
	t.Helper()
	rev, err := s.DB.Revision()
	if err != nil {
		t.Fatal(err)
	}
	return rev
}

// refused checks that err is a *ledger.Problem of key and that nothing was written
// since revision rev.
func refused(t *testing.T, s *desk.Session, what string, err error, key string, rev uint64) {
	t.Helper()
	var p *ledger.Problem
	switch {
	case err == nil:
		t.Errorf("%s: accepted", what)
	case key != "" && (!errors.As(err, &p) || p.Key != key):
		t.Errorf("%s: %v, want the problem %s", what, err, key)
	}
	if after := revision(t, s); after != rev {
		t.Errorf("%s: revision %d → %d, something was written", what, rev, after)
	}
}

// written checks that exactly one transaction was written since rev and reloads.
func written(t *testing.T, s *desk.Session, what string, rev uint64) {
	t.Helper()
	if after := revision(t, s); after != rev+1 {
		t.Errorf("%s: revision %d → %d, not one transaction", what, rev, after)
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
}

// undisputedOverdue returns a customer with a salesperson and an overdue invoice
// not in dispute at anchor.
func undisputedOverdue(t *testing.T, s *desk.Session) (*ledger.Account, *ledger.Item) {
	t.Helper()
	for _, a := range s.Book.Accounts {
		if a.Customer.Salesperson == "" || a.Customer.Doubtful {
			continue
		}
		for i := range a.Items {
			it := &a.Items[i]
			if it.Kind == ledger.Invoice && it.Open > 0 && it.OverdueAt(anchor) && s.Index.DisputedAmount(it, anchor) == 0 {
				return a, it
			}
		}
	}
	t.Fatal("no undisputed overdue invoice in the demo")
	return nil, nil
}

func findDispute(s *desk.Session, id string) *dispute.Dispute {
	for i := range s.Disputes {
		if s.Disputes[i].ID == id {
			return &s.Disputes[i]
		}
	}
	return nil
}

func findBlock(s *desk.Session, id string) *dispute.Block {
	for i := range s.Blocks {
		if s.Blocks[i].ID == id {
			return &s.Blocks[i]
		}
	}
	return nil
}

// A dispute is opened in one transaction, owned by the customer's salesperson when
// no owner is given; an unknown customer or an amount above the open amount is
// refused and writes nothing.
func TestOpenDispute(t *testing.T) {
	s := openDemo(t)
	acc, it := undisputedOverdue(t, s)
	req := desk.DisputeRequest{Customer: acc.Customer.ID, Items: []dispute.DisputedItem{{ItemID: it.ID, Amount: it.Open}},
		Reason: dispute.ReasonPrice, Date: anchor, By: "test", DueBy: anchor.AddDays(15), Comment: "tarif"}

	rev := revision(t, s)
	bad := req
	bad.Customer = "NOPE"
	_, err := s.OpenDispute(bad)
	refused(t, s, "unknown customer", err, "dispute.err.unknown_customer", rev)
	bad = req
	bad.Items = []dispute.DisputedItem{{ItemID: it.ID, Amount: it.Open + 1}}
	_, err = s.OpenDispute(bad)
	refused(t, s, "amount above the open amount", err, "dispute.err.over_open", rev)
	bad = req
	bad.Owner = "NOBODY"
	_, err = s.OpenDispute(bad)
	refused(t, s, "unknown owner", err, "dispute.err.unknown_owner", rev)

	n := len(s.Disputes)
	d, err := s.OpenDispute(req)
	if err != nil {
		t.Fatal(err)
	}
	written(t, s, "open", rev)
	if d.ID == "" || d.Owner != acc.Customer.Salesperson || d.Status != dispute.StatusOpen {
		t.Errorf("opened %+v", d)
	}
	if len(s.Disputes) != n+1 || findDispute(s, d.ID) == nil {
		t.Fatalf("%d disputes after opening one to %d", len(s.Disputes), n)
	}
	if got := s.Index.DisputedAmount(it, anchor); got != it.Open {
		t.Errorf("disputed amount %s, want %s", got, it.Open)
	}
}

// A dispute's status moves, notes and reassignments are one transaction each; an
// unknown ID, a move the flow refuses or a failing change writes nothing.
func TestChangeDispute(t *testing.T) {
	s := openDemo(t)
	var id string
	for _, d := range s.Disputes {
		if d.Status == dispute.StatusOpen {
			id = d.ID
			break
		}
	}
	if id == "" {
		t.Fatal("no open dispute in the demo")
	}
	rev := revision(t, s)
	err := s.ChangeDispute("L2099-9999", func(d *dispute.Dispute) error { return d.AddNote(anchor, "test", "x") })
	refused(t, s, "unknown dispute", err, "dispute.err.notfound", rev)
	err = s.ChangeDispute(id, func(d *dispute.Dispute) error { return d.Move(dispute.StatusAnswerReceived, anchor, "test", "", nil) })
	refused(t, s, "move the flow refuses", err, "", rev)
	boom := errors.New("boom")
	err = s.ChangeDispute(id, func(d *dispute.Dispute) error {
		_ = d.AddNote(anchor, "test", "half done")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("the change's error: %v", err)
	}
	refused(t, s, "failing change", err, "", rev)

	if err := s.ChangeDispute(id, func(d *dispute.Dispute) error {
		return d.Move(dispute.StatusWithSales, anchor, "test", "envoyé", nil)
	}); err != nil {
		t.Fatal(err)
	}
	written(t, s, "move", rev)
	if d := findDispute(s, id); d == nil || d.Status != dispute.StatusWithSales {
		t.Fatalf("after the move: %+v", d)
	}
	rev = revision(t, s)
	if err := s.ChangeDispute(id, func(d *dispute.Dispute) error { return d.AddNote(anchor, "test", "relancé") }); err != nil {
		t.Fatal(err)
	}
	written(t, s, "note", rev)
	if d := findDispute(s, id); len(d.Notes) == 0 || d.Notes[len(d.Notes)-1].Text != "relancé" {
		t.Errorf("note not recorded: %+v", d.Notes)
	}
}

// The rule's proposals are recorded together and numbered; proposing again finds
// none (the customers are now pending) and writes nothing.
func TestProposeBlocks(t *testing.T) {
	s := openDemo(t)
	rule := dispute.BlockRule{MinDaysLate: 1, MinOverdue: 1}
	want := dispute.ProposeBlocks(s.Book, anchor, rule, s.Index, s.Blocks)
	if len(want) == 0 {
		t.Fatal("the rule proposes nothing on the demo")
	}
	n, rev := len(s.Blocks), revision(t, s)
	props, err := s.ProposeBlocks(anchor, rule)
	if err != nil {
		t.Fatal(err)
	}
	written(t, s, "proposals", rev)
	if len(props) != len(want) || len(s.Blocks) != n+len(want) {
		t.Fatalf("%d proposed, %d blocks after, want %d and %d", len(props), len(s.Blocks), len(want), n+len(want))
	}
	for _, b := range props {
		if b.ID == "" || findBlock(s, b.ID) == nil {
			t.Errorf("proposal %+v not recorded", b)
		}
	}
	rev = revision(t, s)
	again, err := s.ProposeBlocks(anchor, rule)
	if err != nil || len(again) != 0 {
		t.Errorf("proposing again: %d, %v", len(again), err)
	}
	if after := revision(t, s); after != rev {
		t.Error("no proposal but something written")
	}
}

// A block proposed by hand carries its reason; an unknown customer is refused.
func TestProposeBlockByHand(t *testing.T) {
	s := openDemo(t)
	rev := revision(t, s)
	_, err := s.ProposeBlock("NOPE", anchor, "test", "chèque impayé")
	refused(t, s, "unknown customer", err, "err.customer.unknown", rev)
	acc, _ := undisputedOverdue(t, s)
	b, err := s.ProposeBlock(acc.Customer.ID, anchor, "test", "chèque impayé")
	if err != nil {
		t.Fatal(err)
	}
	written(t, s, "manual proposal", rev)
	got := findBlock(s, b.ID)
	if got == nil || got.Proposed.Automatic || got.Proposed.By != "test" || len(got.Proposed.Reasons) != 1 ||
		got.State() != dispute.BlockProposed {
		t.Errorf("manual proposal: %+v", got)
	}
}

// A block's steps are one transaction each; an unknown ID or a step its state does
// not allow writes nothing.
func TestChangeBlock(t *testing.T) {
	s := openDemo(t)
	var proposed string
	for _, b := range s.Blocks {
		if b.State() == dispute.BlockProposed {
			proposed = b.ID
		}
	}
	if proposed == "" {
		t.Fatal("no proposed block in the demo")
	}
	lift := func(b *dispute.Block) error { return b.LiftBlock(dispute.Lift{Date: anchor, By: "test"}) }
	rev := revision(t, s)
	refused(t, s, "unknown block", s.ChangeBlock("B2099-9999", lift), "dispute.cli.no_block", rev)
	refused(t, s, "lifting a block not decided", s.ChangeBlock(proposed, lift), "", rev)
	if err := s.ChangeBlock(proposed, func(b *dispute.Block) error {
		return b.Decide(dispute.Decision{Date: anchor, By: "test", Blocked: true}, "paiement de l'échu")
	}); err != nil {
		t.Fatal(err)
	}
	written(t, s, "decision", rev)
	if b := findBlock(s, proposed); b.State() != dispute.BlockActive || b.LiftConditions != "paiement de l'échu" {
		t.Errorf("after the decision: %+v", b)
	}
	rev = revision(t, s)
	if err := s.ChangeBlock(proposed, lift); err != nil {
		t.Fatal(err)
	}
	written(t, s, "lift", rev)
	if b := findBlock(s, proposed); b.State() != dispute.BlockLifted {
		t.Errorf("after the lift: %s", b.State())
	}
}

// The digest is the domain's for the session's disputes and blocks.
func TestDigest(t *testing.T) {
	s := openDemo(t)
	for _, sp := range s.Book.Salespeople {
		got, want := s.Digest(sp, anchor), dispute.Digest(s.Book, s.Index, s.Blocks, sp, anchor)
		if len(got.Disputes) != len(want.Disputes) || len(got.Customers) != len(want.Customers) || len(got.Blocks) != len(want.Blocks) {
			t.Errorf("%s: digest %d/%d/%d, want %d/%d/%d", sp.ID, len(got.Disputes), len(got.Customers), len(got.Blocks),
				len(want.Disputes), len(want.Customers), len(want.Blocks))
		}
	}
}

// A salesperson is saved in one transaction; one without an ID or a name is refused.
func TestSaveSalesperson(t *testing.T) {
	s := openDemo(t)
	rev := revision(t, s)
	refused(t, s, "no name", s.SaveSalesperson(ledger.Salesperson{ID: "JDU"}), "err.salesperson.invalid", rev)
	n := len(s.Book.Salespeople)
	if err := s.SaveSalesperson(ledger.Salesperson{ID: "JDU", Name: "Jeanne Dupré"}); err != nil {
		t.Fatal(err)
	}
	written(t, s, "salesperson", rev)
	if len(s.Book.Salespeople) != n+1 || s.Book.Salesperson("JDU") == nil {
		t.Errorf("%d salespeople after adding one to %d", len(s.Book.Salespeople), n)
	}
}
