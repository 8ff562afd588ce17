package desk_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/letters/letterpdf"
	"relance/letters/statement"
	"relance/letters/templates"
)

// One definition of the receivables at every date: Σ customers (doubtful apart) =
// the aged balance's total = the KPIs' receivables, and the doubtful amount the same
// in the three.
func TestReceivablesAgreeAtEveryDate(t *testing.T) {
	s := openDemo(t)
	for _, back := range []int{0, 45, 200} {
		at := anchor.AddDays(-back)
		tot := ledger.Totals(s.Customers(at))
		d, err := s.Dashboard(at, 1, 0)
		if err != nil {
			t.Fatal(err)
		}
		p := d.Snapshot.Position
		if tot.Balance != p.Receivables || tot.Balance != d.Aged.Total.Total() || tot.Overdue != p.Overdue ||
			tot.Doubtful != p.Doubtful || tot.Doubtful != d.Aged.DoubtfulTotal.Total() {
			t.Errorf("%s: customers %s/%s/%s, KPIs %s/%s/%s, aged %s/%s", at, tot.Balance, tot.Overdue, tot.Doubtful,
				p.Receivables, p.Overdue, p.Doubtful, d.Aged.Total.Total(), d.Aged.DoubtfulTotal.Total())
		}
		if back == 0 && (p.Disputed == 0 || d.Aged.Total.Disputed == 0) {
			t.Errorf("%s: disputes in progress but disputed %s / %s", at, p.Disputed, d.Aged.Total.Disputed)
		}
		if tot.DoubtfulCustomers == 0 {
			t.Errorf("%s: the demo's doubtful customers are missing", at)
		}
	}
}

// The décompte of a customer in procedure stops on the eve of the judgment, with a
// note; an unknown customer is an error.
func TestDecompteStopsAtTheJudgment(t *testing.T) {
	s := openDemo(t)
	if len(s.Procedures) == 0 {
		t.Fatal("the demo has no procedure")
	}
	p := s.Procedures[0]
	d, err := s.Decompte(p.Customer, law.Terms{End: anchor})
	if err != nil {
		t.Fatal(err)
	}
	if d.End != law.OpeningEve(&p) {
		t.Errorf("interest to %s, want the eve of %s", d.End, p.Judgment)
	}
	found := false
	for _, n := range d.Notes {
		found = found || n.Key == "law.note.interest_stopped"
	}
	if !found {
		t.Errorf("no stop note: %+v", d.Notes)
	}
	if _, err := s.Decompte("NOPE", law.Terms{End: anchor}); err == nil {
		t.Error("an unknown customer gives a décompte")
	}
}

// The agenda's letters are composed with the dossier's edited template of their stage
// (issue 17: the window's batch once used the shipped one), issued into the archive and
// recorded as done on the agenda.
func TestAgendaLettersUseEditedTemplateAndIssue(t *testing.T) {
	s := openDemo(t)
	ag, err := s.Agenda(anchor, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	todo := ag.Writings([]dunning.Channel{dunning.ChanLetter}, false)
	if len(todo) == 0 {
		t.Fatal("no letter on the demo's agenda")
	}
	todo = todo[:1]
	st, err := templates.ParseStage(todo[0].Template)
	if err != nil {
		t.Fatal(err)
	}
	lang := s.Book.Account(todo[0].Customer).Customer.Language()
	tpl, err := templates.Shipped(st, lang)
	if err != nil {
		t.Fatal(err)
	}
	edited := *tpl
	edited.Subject = "Objet modifié par le cabinet"
	if err := s.SaveTemplate(&edited, "test", anchor); err != nil {
		t.Fatal(err)
	}
	b, err := s.WriteAgendaLetters(anchor, todo, &ag.Records, letterpdf.BatchOptions{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Results) != 1 || b.Results[0].Err != nil || b.Results[0].Letter.Subject != edited.Subject {
		t.Fatalf("results %+v", b.Results)
	}
	ids, err := s.Issue(b, "test", anchor, time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC))
	if err != nil || len(ids) != 1 || ids[0] == "" {
		t.Fatalf("issue: %v %v", ids, err)
	}
	if rep, err := s.VerifyArchive(); err != nil || rep.Count == 0 || len(rep.Altered) != 0 {
		t.Errorf("archive: %+v %v", rep, err)
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	after, err := s.Agenda(anchor, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range after.Entries {
		if e.Customer == todo[0].Customer && e.Stage == todo[0].Stage {
			t.Errorf("the issued letter's step is still on the agenda: %+v", e)
		}
	}
}

// A letter to an unknown customer is an error naming it; a letter is composed with the
// dossier's sources.
func TestComposeLetter(t *testing.T) {
	s := openDemo(t)
	if _, err := s.ComposeLetter(desk.LetterRequest{Customer: "NOPE", Stage: templates.R1, Date: anchor}); err == nil ||
		!strings.Contains(ledger.Localize(err, "fr"), "NOPE") {
		t.Errorf("unknown customer: %v", err)
	}
	id := ""
	for _, c := range s.Customers(anchor) {
		if c.Overdue > 0 && !c.Doubtful {
			id = c.ID
			break
		}
	}
	l, err := s.ComposeLetter(desk.LetterRequest{Customer: id, Stage: templates.R1, Date: anchor})
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := s.RenderLetter(l, nil)
	if err != nil || len(pdf) < 1000 {
		t.Fatalf("render: %d bytes, %v", len(pdf), err)
	}
}

// Recomputing the risk twice records nothing the second time; the classes are those
// of Classes.
func TestRecomputeRiskIsStable(t *testing.T) {
	s := openDemo(t)
	res, err := s.RecomputeRisk(anchor)
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.RecomputeRisk(anchor)
	if err != nil {
		t.Fatal(err)
	}
	classOf, err := s.Classes(anchor)
	if err != nil {
		t.Fatal(err)
	}
	for i := range res.Assessments {
		as := &res.Assessments[i]
		if again.ClassOfID(as.Customer) != as.Class || classOf(as.Customer) != as.Class {
			t.Errorf("%s: %s, then %s, Classes %s", as.Customer, as.Class, again.ClassOfID(as.Customer), classOf(as.Customer))
		}
	}
}

// The deadlines at a past date are the items open then, with their open amount then.
func TestDeadlinesAtPastDate(t *testing.T) {
	s := openDemo(t)
	now, err := s.Deadlines(anchor)
	if err != nil {
		t.Fatal(err)
	}
	then, err := s.Deadlines(anchor.AddDays(-200))
	if err != nil {
		t.Fatal(err)
	}
	if len(now) == 0 || len(then) == 0 || len(now) == len(then) {
		t.Errorf("%d deadlines anchor, %d 200 days back", len(now), len(then))
	}
	for _, d := range then {
		if d.Item.DocDate > anchor.AddDays(-200) || d.Open <= 0 {
			t.Errorf("%s %s: issued %s, open %s", d.Customer.ID, d.Item.Number, d.Item.DocDate, d.Open)
		}
	}
}

// The statement and the call sheet of a customer are written from the session; an
// unknown customer is an error naming it.
func TestStatementAndCallSheet(t *testing.T) {
	s := openDemo(t)
	ag, err := s.Agenda(anchor, false, nil)
	if err != nil || len(ag.Entries) == 0 {
		t.Fatalf("agenda: %v", err)
	}
	id := ag.Entries[0].Customer
	var buf bytes.Buffer
	if err := s.Statement(&buf, id, anchor, statement.Options{}); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) {
		t.Fatalf("statement: %v", err)
	}
	sheet, err := s.CallSheet(id, anchor, ag.Agenda, ag.Records)
	if err != nil || sheet.Account == nil || sheet.Account.Customer.ID != id {
		t.Fatalf("call sheet: %+v %v", sheet.Account, err)
	}
	// The class in force, an override included, even for a customer with nothing on
	// the agenda (the sheet once said the default class B where the list says C).
	classOf, err := s.Classes(anchor)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range s.Customers(anchor)[:20] {
		sh, err := s.CallSheet(c.ID, anchor, ag.Agenda, ag.Records)
		if err != nil || sh.Class != classOf(c.ID) {
			t.Errorf("%s: call sheet class %q, in force %q (%v)", c.ID, sh.Class, classOf(c.ID), err)
		}
	}
	if _, err := s.CallSheet("NOPE", anchor, ag.Agenda, ag.Records); err == nil {
		t.Error("a call sheet for an unknown customer")
	}
	if err := s.Statement(&buf, "NOPE", anchor, statement.Options{}); err == nil {
		t.Error("a statement for an unknown customer")
	}
}

// The settings are checked in one place for both fronts: no company name, or a bad
// SIREN, is refused and nothing is written.
func TestSaveSettingsChecks(t *testing.T) {
	s := openDemo(t)
	rev := revision(t, s)
	for key, change := range map[string]func(*ledger.Settings){
		"err.company": func(set *ledger.Settings) { set.Company.Name = " " },
		"err.siren":   func(set *ledger.Settings) { set.Company.SIREN = "123456789" },
	} {
		set := s.Book.Settings
		change(&set)
		if err := s.SaveSettings(set); !errors.Is(err, &ledger.Problem{Key: key}) {
			t.Errorf("%s: %v", key, err)
		}
	}
	if revision(t, s) != rev {
		t.Error("refused settings were written")
	}
}
