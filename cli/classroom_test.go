package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	lettercheck "relance/letters/check"
)

// A trainer adds a trainee and a bank exercise, scores a corrected letter and marks,
// reads the progress as a table, JSON and an Excel CSV, shares the bank with another
// dossier (the duplicate left out), and removes the trainee with their results.
func TestClassroomCommands(t *testing.T) {
	db, dir := demoFile(t), t.TempDir()
	must := func(lang string, args ...string) string {
		t.Helper()
		code, out, stderr := run(t, lang, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		return out
	}
	must("fr", "trainee", "add", "--db", db, "--name", "Léa Martin", "--group", "Lyon", "--at", "2026-12-04")
	samples, err := lettercheck.Samples()
	if err != nil {
		t.Fatal(err)
	}
	orig := samples[0].Text // fr_r1_b2b
	letter := filepath.Join(dir, "lettre.txt")
	corrected := filepath.Join(dir, "corrigee.txt")
	if err := os.WriteFile(letter, []byte(orig), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(corrected, []byte(strings.Replace(orig, "Vous n'avez toujours pas payé", "Sauf erreur, nous n'avons pas reçu", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	out := must("fr", "train", "--db", db, "--trainee", "Léa Martin", "--exercise", samples[0].Name, "--file", corrected, "--seconds", "600", "--at", "2026-12-04")
	if !strings.Contains(out, "Léa Martin – Lettre fournie – première relance – professionnel (fr) : ") || !strings.Contains(out, " / 20 (") {
		t.Errorf("train: %s", out)
	}
	out = must("fr", "exercises", "add", "--db", db, "--stage", "r1", "--expected", "TONE.ACCUSATORY,CLAR.PAYMENT_MEANS", "--title", "Relance 1 – ton", "--at", "2026-12-04", letter)
	if !strings.Contains(out, "EX0001") {
		t.Errorf("add: %s", out)
	}
	at := len([]rune(orig[:strings.Index(orig, "Vous n'avez")]))
	marks := []string{itoa(at) + "-" + itoa(at+4), "CLAR.PAYMENT_MEANS"}
	var att struct {
		Score  string `json:"score"`
		OutOf  int    `json:"out_of"`
		Detail struct {
			Expected []struct {
				Rule  string
				Found bool
			}
		}
	}
	out = must("en", "train", "--db", db, "--trainee", "T0001", "--exercise", "EX0001", "--marks", strings.Join(marks, ","), "--at", "2026-12-05", "--format", "json")
	if err := json.Unmarshal([]byte(out), &att); err != nil || att.Score != "20" || len(att.Detail.Expected) != 2 || !att.Detail.Expected[0].Found {
		t.Errorf("train json: %v\n%s", err, out)
	}
	out = must("fr", "progress", "--db", db, "--at", "2026-12-05")
	if !strings.Contains(out, "Relance 1 – ton") || !strings.Contains(out, "20 / 20") || !strings.Contains(out, "10 min 00 s") || !strings.Contains(out, "Moyenne") {
		t.Errorf("progress:\n%s", out)
	}
	csv := must("fr", "progress", "--db", db, "--format", "csv")
	if !strings.HasPrefix(csv, "\uFEFFGroupe;Stagiaire;") || strings.Count(csv, "\r\n") != 3 {
		t.Errorf("csv:\n%s", csv)
	}
	var p struct {
		Trainees []struct {
			Attempts []json.RawMessage
		}
	}
	if err := json.Unmarshal([]byte(must("en", "progress", "--db", db, "--trainee", "Léa Martin", "--format", "json")), &p); err != nil || len(p.Trainees) != 1 || len(p.Trainees[0].Attempts) != 2 {
		t.Errorf("progress json: %v %+v", err, p)
	}
	pdf := filepath.Join(dir, "p.pdf")
	must("fr", "progress", "--db", db, "--format", "pdf", "--out", pdf)
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("pdf: %v", err)
	}

	// the bank shared with another dossier: the same letter is left out
	bank := filepath.Join(dir, "banque.json")
	must("fr", "exercises", "export", "--db", db, "--out", bank)
	other := demoFile(t)
	must("fr", "exercises", "add", "--db", other, "--stage", "r1", letter)
	if out := must("fr", "exercises", "import", "--db", other, bank); !strings.Contains(out, "0 exercice(s) importé(s) ; 1 déjà") {
		t.Errorf("import: %s", out)
	}
	// refusals name the file, the value
	png := filepath.Join(dir, "lettre.pdf")
	_ = os.WriteFile(png, []byte("%PDF"), 0o600)
	if code, _, stderr := run(t, "fr", "exercises", "add", "--db", db, "--stage", "r1", png); code != 1 || !strings.Contains(stderr, "lettre.pdf : format non pris en charge") {
		t.Errorf("pdf letter: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "fr", "train", "--db", db, "--trainee", "Personne", "--exercise", "EX0001", "--marks", "1-2"); code != 1 || !strings.Contains(stderr, "Personne") {
		t.Errorf("unknown trainee: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "fr", "train", "--db", db, "--trainee", "T0001", "--exercise", "EX0001", "--marks", "9-99999"); code != 1 || !strings.Contains(stderr, "9-99999") {
		t.Errorf("bad marks: %d %s", code, stderr)
	}
	if out := must("fr", "trainee", "remove", "--db", db, "--trainee", "Léa Martin"); !strings.Contains(out, "2 résultat(s)") {
		t.Errorf("remove: %s", out)
	}
	if out := must("fr", "progress", "--db", db, "--format", "csv"); strings.Count(out, "\r\n") != 1 {
		t.Errorf("after removal:\n%s", out)
	}
}

// A trainer adds a session's attendance list — an Excel CSV with a header, a BOM and
// Windows line ends — at once, the trainee already enrolled left out and named; a list
// saved in Latin-1 is refused, naming the file, the line and the value, nothing added.
func TestTraineeImport(t *testing.T) {
	db, dir := demoFile(t), t.TempDir()
	if code, _, stderr := run(t, "fr", "trainee", "add", "--db", db, "--name", "Léa Martin", "--group", "Lyon – décembre 2026"); code != 0 {
		t.Fatal(stderr)
	}
	list := filepath.Join(dir, "émargement.csv")
	if err := os.WriteFile(list, []byte("\ufeffNom;Groupe\r\nPaul Roux;\r\nLÉA MARTIN;\r\n\r\n\"Dupont, Marie\";\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "fr", "trainee", "import", "--db", db, list, "--group", "Lyon – décembre 2026", "--at", "2026-12-04")
	if code != 0 || strings.TrimSpace(out) != "2 stagiaires ajoutés (groupe Lyon – décembre 2026) ; déjà inscrit : Léa Martin." {
		t.Errorf("import: %d %q %s", code, out, stderr)
	}
	code, out, _ = run(t, "en", "trainee", "list", "--db", db, "--format", "json")
	if code != 0 || !strings.Contains(out, `"Dupont, Marie"`) || !strings.Contains(out, `"added": "2026-12-04"`) || strings.Count(out, `"id"`) != 3 {
		t.Errorf("list:\n%s", out)
	}
	text := filepath.Join(dir, "liste.txt")
	_ = os.WriteFile(text, []byte("Zoé Petit\nPaul Roux\n"), 0o600)
	if code, out, _ := run(t, "en", "trainee", "import", "--db", db, "--group", "Lyon – décembre 2026", text); code != 0 || strings.TrimSpace(out) != "1 trainee added (group Lyon – décembre 2026); already enrolled: Paul Roux." {
		t.Errorf("import en: %d %q", code, out)
	}

	latin := filepath.Join(dir, "latin1.csv")
	_ = os.WriteFile(latin, []byte("Nom;Groupe\r\nAna Bel;Nice\r\nH\xe9l\xe8ne Roy;Nice\r\n"), 0o600)
	code, _, stderr = run(t, "fr", "trainee", "import", "--db", db, latin)
	if code != 1 || !strings.Contains(stderr, "latin1.csv, ligne 3 : ") || !strings.Contains(stderr, "« H�l�ne Roy;Nice »") {
		t.Errorf("latin-1: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "fr", "trainee", "import", "--db", db, filepath.Join(dir, "absent.txt")); code != 1 || !strings.Contains(stderr, "absent.txt") {
		t.Errorf("missing file: %d %s", code, stderr)
	}
	if code, _, _ := run(t, "fr", "trainee", "import", "--db", db); code != 2 {
		t.Errorf("no file: exit %d", code)
	}
	if code, out, _ := run(t, "en", "trainee", "list", "--db", db, "--format", "json"); code != 0 || strings.Contains(out, "Ana Bel") || strings.Count(out, `"id"`) != 4 {
		t.Errorf("a refused list added trainees:\n%s", out)
	}
}
