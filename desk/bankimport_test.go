package desk_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/payment"
	"relance/ledger/risk"
)

// bankDay is the day the demo statements of testdata/bank were written for.
var bankDay = ledger.NewDate(2026, time.December, 4)

func openBankDemo(t *testing.T) *desk.Session {
	t.Helper()
	return openDemoAt(t, bankDay)
}

func review(t *testing.T, s *desk.Session, name string) *desk.BankReview {
	t.Helper()
	st, err := desk.ReadStatement(filepath.Join("..", "testdata", "bank", name))
	if err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	r, err := s.ReviewStatement(st, bankDay)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func lineAt(t *testing.T, r *desk.BankReview, pos string) *desk.BankLine {
	t.Helper()
	for i := range r.Lines {
		if r.Lines[i].Pos == pos {
			return &r.Lines[i]
		}
	}
	t.Fatalf("no line %s", pos)
	return nil
}

// The morning routine on the demo's camt.053: --auto records the exact matches (the
// direct debit of Ntry 1 and its rejection Ntry 12, the cheque of Ntry 9 returned
// unpaid among them) and leaves the rest; the balances fall by the payments and rise by
// the returns; the unpaid-cheque signal is raised; importing the file again records
// nothing and the lines are shown done.
func TestStatementAutoImport(t *testing.T) {
	s := openBankDemo(t)
	r := review(t, s, "releve-demo.camt053.xml")
	if l := lineAt(t, r, "Ntry 1"); l.TakenBack < 0 || !l.Auto || r.Lines[l.TakenBack].Pos != "Ntry 12" {
		t.Errorf("Ntry 1: taken back by %d, auto %v", l.TakenBack, l.Auto)
	}
	for _, pos := range []string{"Ntry 6", "Ntry 8", "Ntry 11"} {
		if lineAt(t, r, pos).Auto {
			t.Errorf("%s is recorded without asking", pos)
		}
	}
	if l := lineAt(t, r, "Ntry 4"); l.State != desk.BankOther {
		t.Errorf("a bank fee is %s", l.State)
	}
	before := map[string]ledger.Cents{}
	for _, id := range []string{"C00022", "C00010", "C00011", "C00029"} {
		before[id] = s.Book.Account(id).Balance()
	}
	choices := r.AutoChoices()
	res, err := s.ApplyStatement(r, choices, bankDay, "test")
	if err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	var returns int
	for _, p := range res.Payments {
		if p.IsReturn() {
			returns++
		}
	}
	if returns != 2 || res.Left == 0 {
		t.Errorf("%d returns recorded, %d lines left, want 2 and some", returns, res.Left)
	}
	want := map[string]ledger.Cents{
		"C00022": before["C00022"] - 663201, // paid FA2026-02455
		"C00029": before["C00029"] - 126713, // two invoices
		"C00010": before["C00010"] + 41857,  // cheque returned unpaid
		"C00011": before["C00011"],          // paid then rejected
	}
	for id, w := range want {
		if got := s.Book.Account(id).Balance(); got != w {
			t.Errorf("%s balance %s, want %s", id, got, w)
		}
	}
	res2, _, err := s.Risk(bankDay, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"C00010", "C00011"} {
		if a := res2.Get(id); a == nil || !a.HasSignal(risk.SigBounced) {
			t.Errorf("%s: no unpaid-cheque signal after the return", id)
		}
	}
	// Again: nothing new.
	r2 := review(t, s, "releve-demo.camt053.xml")
	if r2.Seen == nil {
		t.Error("the second import does not know the file")
	}
	if again := r2.AutoChoices(); len(again) != 0 {
		t.Errorf("the same file again proposes %d lines", len(again))
	}
	if l := lineAt(t, r2, "Ntry 3"); l.State != desk.BankDone || l.Payment == "" {
		t.Errorf("Ntry 3 after import: %s %q", l.State, l.Payment)
	}
	if _, err := s.ApplyStatement(r2, []desk.BankChoice{r.Choose(lineAt(t, r, "Ntry 3").Index, 0)}, bankDay, "test"); err == nil {
		t.Error("a line recorded twice")
	}
}

// One line that cannot be recorded refuses the whole import: nothing written.
func TestStatementAllOrNothing(t *testing.T) {
	s := openBankDemo(t)
	r := review(t, s, "releve-demo.camt053.xml")
	rev, err := s.DB.Revision()
	if err != nil {
		t.Fatal(err)
	}
	choices := r.AutoChoices()
	bad := r.Choose(lineAt(t, r, "Ntry 6").Index, 0)
	bad.Customer = "NOBODY"
	_, err = s.ApplyStatement(r, append(choices, bad), bankDay, "test")
	var p *ledger.Problem
	if !errors.As(err, &p) || p.Key != "bankimp.err.customer" {
		t.Fatalf("unknown customer: %v", err)
	}
	if got, _ := s.DB.Revision(); got != rev {
		t.Error("a refused import wrote something")
	}
	pays, err := s.Payments("")
	if err != nil || len(pays) != 0 {
		t.Errorf("%d payments after a refused import (%v)", len(pays), err)
	}
}

// A credit chosen by hand (the name-only transfer of Textiles Roy) settles the oldest
// invoices first; a return of a credit left is refused.
func TestStatementChoices(t *testing.T) {
	s := openBankDemo(t)
	r := review(t, s, "releve-demo.camt053.xml")
	l := lineAt(t, r, "Ntry 8")
	if len(l.Candidates) == 0 || l.Candidates[0].Customer != "C00040" {
		t.Fatalf("Ntry 8: %+v", l.Candidates)
	}
	bal := s.Book.Account("C00040").Balance()
	res, err := s.ApplyStatement(r, []desk.BankChoice{r.Choose(l.Index, 0)}, bankDay, "test")
	if err != nil {
		t.Fatal(ledger.Localize(err, "fr"))
	}
	if len(res.Payments) != 1 || len(res.Payments[0].Allocations) == 0 || res.Payments[0].Method != payment.Transfer {
		t.Errorf("Ntry 8 recorded as %+v", res.Payments)
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	if got := s.Book.Account("C00040").Balance(); got != bal-1000000 {
		t.Errorf("C00040 balance %s, want %s", got, bal-1000000)
	}
	r = review(t, s, "releve-demo.camt053.xml")
	rej := r.Choose(lineAt(t, r, "Ntry 12").Index, 0)
	if rej.Take == nil {
		t.Fatal("Ntry 12 takes nothing back")
	}
	_, err = s.ApplyStatement(r, []desk.BankChoice{rej}, bankDay, "test")
	var p *ledger.Problem
	if !errors.As(err, &p) || p.Key != "bankimp.err.return_left" {
		t.Errorf("return of a credit left: %v", err)
	}
}
