package desk_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"relance/ledger/classroom"
)

// Trainees are kept with their attempts, found by name, and erased with them.
func TestClassroom(t *testing.T) {
	s := openDemo(t)
	a := classroom.Trainee{Name: "Léa Martin", Group: "Lyon décembre", Added: anchor}
	if err := s.SaveTrainee(&a); err != nil || a.ID != "T0001" {
		t.Fatalf("trainee %+v %v", a, err)
	}
	if err := s.SaveTrainee(&classroom.Trainee{Name: " ", Added: anchor}); !isProblem(err, "classroom.err.name") {
		t.Errorf("blank name: %v", err)
	}
	at := classroom.Attempt{Trainee: a.ID, Kind: classroom.Letter, Exercise: "fr_r1_b2b", Date: anchor, Score: decimal.RequireFromString("14.5"), OutOf: 20}
	if err := s.RecordAttempt(&at); err != nil || at.ID == "" {
		t.Fatalf("attempt %+v %v", at, err)
	}
	bad := at
	bad.ID, bad.Score = "", decimal.NewFromInt(21)
	if err := s.RecordAttempt(&bad); !isProblem(err, "classroom.err.attempt") {
		t.Errorf("score over the maximum: %v", err)
	}
	if r, err := s.TraineeByName("Léa Martin"); err != nil || r.ID != a.ID {
		t.Errorf("by name: %+v %v", r, err)
	}
	as, _ := s.Attempts("")
	if len(as) != 1 || as[0].On20().String() != "14.5" {
		t.Errorf("attempts %+v", as)
	}
	if n, err := s.DeleteTrainee(a.ID); err != nil || n != 1 {
		t.Errorf("erase: %d %v", n, err)
	}
	if as, _ := s.Attempts(""); len(as) != 0 {
		t.Errorf("attempts left %+v", as)
	}
}

// A session's list is added in one go: the trainees already in the group (case and
// spaces aside) and the list's own repeats are left out and named; one invalid name
// refuses the whole list, nothing written.
func TestAddTrainees(t *testing.T) {
	s := openDemo(t)
	lea := classroom.Trainee{Name: "Léa Martin", Group: "Lyon", Added: anchor}
	if err := s.SaveTrainee(&lea); err != nil {
		t.Fatal(err)
	}
	day := anchor.AddDays(3)
	list := []classroom.Trainee{
		{Name: "Paul Roux", Group: "Lyon"},
		{Name: "léa  MARTIN ", Group: "Lyon"}, // already there
		{Name: "Léa Martin", Group: "Paris"},  // another group: another person
		{Name: "Paul Roux", Group: "Lyon"},    // twice in the list
		{Name: "Zoé Petit", Group: " Lyon "},
	}
	added, skipped, err := s.AddTrainees(list, day)
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 3 || added[0].ID != "T0002" || added[0].Added != day || added[2].Group != "Lyon" {
		t.Errorf("added %+v", added)
	}
	if strings.Join(skipped, "|") != "Léa Martin|Paul Roux" {
		t.Errorf("skipped %q", skipped)
	}
	if ts, _ := s.Trainees(); len(ts) != 4 {
		t.Errorf("stored %+v", ts)
	}

	bad := []classroom.Trainee{{Name: "Ana Bel", Group: "Nice"}, {Name: " ", Group: "Nice"}}
	if added, _, err := s.AddTrainees(bad, day); !isProblem(err, "classroom.err.name") || added != nil {
		t.Errorf("blank name: %v %+v", err, added)
	}
	if ts, _ := s.Trainees(); len(ts) != 4 {
		t.Errorf("a refused list left %d trainees", len(ts))
	}
	if added, skipped, err := s.AddTrainees(nil, day); err != nil || len(added)+len(skipped) != 0 {
		t.Errorf("empty list: %v %v %v", added, skipped, err)
	}
}
