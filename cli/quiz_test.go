package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `relance quiz export` writes a quiz to fill in; `relance quiz score` scores it for a
// trainee and keeps the attempt; `relance certificate` prints the summary.
func TestQuizExportScoreCertificate(t *testing.T) {
	db := demoFile(t)
	dir := t.TempDir()
	if code, _, stderr := run(t, "fr", "trainee", "add", "--db", db, "--name", "Léa Martin", "--at", "2026-12-04"); code != 0 {
		t.Skipf("relance trainee (another part of issue 25) not available: %s", stderr)
	}
	qf := filepath.Join(dir, "quiz.json")
	code, out, stderr := run(t, "en", "quiz", "export", "--module", "dashboard", "--n", "2", "--seed", "3", "--lang", "en", "--out", qf)
	if code != 0 || !strings.Contains(out, "2 question") {
		t.Fatalf("export %d: %s %s", code, out, stderr)
	}
	var f struct {
		Lang      string `json:"lang"`
		Module    string `json:"module"`
		Questions []struct {
			ID, Kind, Text, Answer string
		} `json:"questions"`
	}
	b, _ := os.ReadFile(qf)
	if err := json.Unmarshal(b, &f); err != nil || len(f.Questions) != 2 || f.Lang != "en" || f.Module != "dashboard" {
		t.Fatalf("quiz file %s %v", b, err)
	}
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	qs := m["questions"].([]any)
	right := map[string]string{"dashboard-1": "49", "dashboard-2": "67", "dashboard-3": "22.5", "dashboard-4": "5"}
	for i, q := range f.Questions {
		qs[i].(map[string]any)["answer"] = right[q.ID]
	}
	qs[1].(map[string]any)["answer"] = "1000"
	af := filepath.Join(dir, "answers.json")
	b, _ = json.Marshal(m)
	if err := os.WriteFile(af, b, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = run(t, "fr", "quiz", "score", "--db", db, "--trainee", "Léa Martin", "--answers", af, "--at", "2026-12-04",
		"--seconds", "80", "--format", "json")
	if code != 0 {
		t.Fatalf("score %d: %s", code, stderr)
	}
	var res struct {
		Score int `json:"score"`
		OutOf int `json:"out_of"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Score != 1 || res.OutOf != 2 {
		t.Fatalf("result %s %v", out, err)
	}
	code, out, _ = run(t, "fr", "quiz", "score", "--db", db, "--trainee", "Léa Martin", "--answers", af, "--at", "2026-12-04")
	if code != 0 || !strings.Contains(out, "1 sur 2 (10 sur 20)") || !strings.Contains(out, "faux") {
		t.Errorf("table: %s", out)
	}
	// refused: unknown trainee, unreadable file, unknown module — each named
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"quiz", "score", "--db", db, "--trainee", "Personne", "--answers", af}, "Personne"},
		{[]string{"quiz", "score", "--db", db, "--trainee", "Léa Martin", "--answers", filepath.Join(dir, "none.json")}, "none.json"},
		{[]string{"quiz", "export", "--module", "astrologie", "--out", qf}, "astrologie"},
	} {
		if code, _, stderr := run(t, "fr", c.args...); code == 0 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: %d %s", c.args, code, stderr)
		}
	}
	pdf := filepath.Join(dir, "c.pdf")
	code, out, stderr = run(t, "fr", "certificate", "--db", db, "--trainee", "Léa Martin", "--out", pdf, "--at", "2026-12-04")
	if code != 0 || !strings.Contains(out, "c.pdf") {
		t.Fatalf("certificate %d: %s %s", code, out, stderr)
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("certificate file: %v", err)
	}
}
