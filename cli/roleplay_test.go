package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger/classroom"
)

// `relance roleplay` writes both cards of a demo customer; `relance roleplay score`
// keeps a grid with a trainee and refuses a bad profile and an unknown trainee.
func TestRolePlayCLI(t *testing.T) {
	db := demoFile(t)
	ss, err := desk.OpenWrite(db)
	if err != nil {
		t.Fatal(err)
	}
	id := ss.Book.Accounts[0].Customer.ID
	for _, a := range ss.Book.Accounts {
		if a.Overdue(testToday) > 0 {
			id = a.Customer.ID
			break
		}
	}
	if err := ss.SaveTrainee(&classroom.Trainee{Name: "Léa Martin", Added: testToday}); err != nil {
		t.Fatal(err)
	}
	ss.Close()

	dir := t.TempDir()
	cards := filepath.Join(dir, "cards.pdf")
	code, out, stderr := run(t, "fr", "roleplay", "--db", db, "--customer", id, "--profile", "aggressive", "--out", cards)
	if code != 0 || !strings.Contains(out, "Agressif") {
		t.Fatalf("cards: exit %d %s %s", code, out, stderr)
	}
	if b, err := os.ReadFile(cards); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("cards PDF: %v", err)
	}
	code, _, stderr = run(t, "fr", "roleplay", "--db", db, "--customer", id, "--profile", "grumpy", "--out", cards)
	if code != 1 || !strings.Contains(stderr, "« grumpy »") {
		t.Errorf("bad profile: exit %d %s", code, stderr)
	}

	grid := filepath.Join(dir, "grid.json")
	g := `{"customer":"` + id + `","profile":"talkative","contact":true,"understand":true,"convince":true,"conclude":true,` +
		`"open_questions":true,"closed_questions":true,"reformulated":true,"amount":"500.00","date":"2026-12-01","tone":2}`
	if err := os.WriteFile(grid, []byte(g), 0o600); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "grid.pdf")
	code, out, stderr = run(t, "fr", "roleplay", "score", "--db", db, "--trainee", "Léa Martin", "--grid", grid, "--pdf", pdf, "--by", "Formatrice")
	// 8 + 2 + 2 + 3 + 2 = 17 / 19 → 17,9 / 20.
	if code != 0 || !strings.Contains(out, "17/19") || !strings.Contains(out, "17,9/20") {
		t.Fatalf("score: exit %d %s %s", code, out, stderr)
	}
	if _, err := os.Stat(pdf); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, "en", "roleplay", "score", "--db", db, "--trainee", "T0001", "--grid", grid, "--profile", "aggressive", "--format", "json")
	var doc struct {
		Attempt string `json:"attempt"`
		Score   struct {
			Points string `json:"points"`
			OutOf  int    `json:"out_of"`
		} `json:"score"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || doc.Score.OutOf != 20 || doc.Score.Points != "17" || doc.Attempt == "" {
		t.Fatalf("json: %d %s", code, out)
	}
	code, _, stderr = run(t, "fr", "roleplay", "score", "--db", db, "--trainee", "Personne", "--grid", grid)
	if code != 1 || !strings.Contains(stderr, "Personne") {
		t.Errorf("unknown trainee: exit %d %s", code, stderr)
	}
	if err := os.WriteFile(grid, []byte(`{"customer":`), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = run(t, "fr", "roleplay", "score", "--db", db, "--trainee", "Léa Martin", "--grid", grid)
	if code != 1 || !strings.Contains(stderr, "grid.json") {
		t.Errorf("bad grid file: exit %d %s", code, stderr)
	}
	ss, err = desk.OpenRead(db)
	if err != nil {
		t.Fatal(err)
	}
	defer ss.Close()
	if as, _ := ss.Attempts("T0001"); len(as) != 2 || as[0].Kind != classroom.RolePlay {
		t.Errorf("attempts kept: %+v", as)
	}
}
