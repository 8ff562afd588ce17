package desk_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"relance/ledger/classroom"
	"relance/ledger/roleplay"
)

// A role-play on a demo customer: the cards carry its figures, the grid is scored and
// kept with the trainee, the grid in its Detail.
func TestRolePlayDesk(t *testing.T) {
	s := openDemo(t)
	var id string
	for _, a := range s.Book.Accounts {
		if a.Overdue(anchor) > 0 {
			id = a.Customer.ID
			break
		}
	}
	c, err := s.RolePlayCards(id, anchor, "")
	if err != nil {
		t.Fatal(err)
	}
	if c.Customer != id || c.Overdue <= 0 || c.Target != c.Undisputed || c.Profile != c.Suggested || len(c.Objections) < 3 {
		t.Fatalf("cards %+v", c)
	}
	if _, err := s.RolePlayCards(id, anchor, "grumpy"); !isProblem(err, "roleplay.err.profile") {
		t.Errorf("bad profile: %v", err)
	}
	if _, err := s.RolePlayCards("NOPE", anchor, ""); !isProblem(err, "pdf.err.customer") {
		t.Errorf("unknown customer: %v", err)
	}
	var pdf bytes.Buffer
	if err := s.RolePlayCardsPDF(&pdf, c, "fr", nil); err != nil || pdf.Len() < 1000 {
		t.Fatalf("cards PDF: %d bytes, %v", pdf.Len(), err)
	}

	tr := classroom.Trainee{Name: "Léa Martin", Added: anchor}
	if err := s.SaveTrainee(&tr); err != nil {
		t.Fatal(err)
	}
	g := roleplay.Grid{Customer: id, Profile: roleplay.Aggressive, Contact: true, Understand: true, Convince: true,
		Conclude: true, Open: true, Amount: 50000, Date: anchor.AddDays(7), Tone: 2, DESC: true}
	at, sc, err := s.ScoreRolePlay("Léa Martin", g, anchor, "Formateur")
	if err != nil {
		t.Fatal(err)
	}
	// 8 (4 C) + 1 (open) + 3 (commitment) + 2 (tone) + 1 (DESC) = 15 / 20.
	if sc.Points.String() != "15" || sc.OutOf != 20 || at.Kind != classroom.RolePlay || at.Module != "phone" {
		t.Fatalf("score %v/%d attempt %+v", sc.Points, sc.OutOf, at)
	}
	as, _ := s.Attempts(tr.ID)
	var back roleplay.Grid
	if len(as) != 1 || json.Unmarshal(as[0].Detail, &back) != nil || back.Amount != 50000 || !back.DESC {
		t.Fatalf("kept %+v", as)
	}
	if err := s.RolePlayGridPDF(&pdf, "Léa Martin", g, anchor, "en", nil); err != nil {
		t.Fatal(err)
	}
	bad := g
	bad.Tone = 5
	if _, _, err := s.ScoreRolePlay("Léa Martin", bad, anchor, ""); !isProblem(err, "roleplay.err.grid") {
		t.Errorf("bad tone: %v", err)
	}
	if _, _, err := s.ScoreRolePlay("Nobody", g, anchor, ""); !isProblem(err, "classroom.err.trainee") {
		t.Errorf("unknown trainee: %v", err)
	}
	if as, _ := s.Attempts(tr.ID); len(as) != 1 {
		t.Errorf("a refused grid was kept: %d attempts", len(as))
	}
}
