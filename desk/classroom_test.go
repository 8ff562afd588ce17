package desk_test

import (
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
