package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger/store"
)

// newCompanyDossier makes an empty dossier with `relance new`.
func newCompanyDossier(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "acme.db")
	if code, _, stderr := run(t, "fr", "new", "--db", db, "--company", "ACME SAS"); code != 0 {
		t.Fatalf("new: %d %s", code, stderr)
	}
	return db
}

// revision is the dossier's revision: it moves with every write.
func revision(t *testing.T, db string) uint64 {
	t.Helper()
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := s.Revision()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// A half-year typed with its source: listed with it and the day it was entered, and
// every décompte that uses it says so — table and JSON.
func TestRatesSourceInDecompte(t *testing.T) {
	db := newCompanyDossier(t)
	src := "arrêté du 18 juin 2026, JORF 26/06/2026"
	if code, out, stderr := run(t, "fr", "rates", "add", "--db", db, "--half", "2026-S2", "--ecb", "2,15",
		"--legal-private", "6,80", "--legal-other", "3,05", "--source", src); code != 0 {
		t.Fatalf("rates add: %d %s %s", code, out, stderr)
	}
	_, out, _ := run(t, "fr", "rates", "list", "--db", db)
	if !strings.Contains(out, "Saisi le") || !strings.Contains(out, "23/11/2026") || !strings.Contains(out, src) {
		t.Errorf("rates list:\n%s", out)
	}
	_, out, _ = run(t, "fr", "rates", "list", "--db", db, "--format", "json")
	var list struct {
		Recorded []struct {
			Half    string
			Source  string `json:"source"`
			Entered string `json:"entered"`
		} `json:"recorded"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list.Recorded) != 1 ||
		list.Recorded[0].Source != src || list.Recorded[0].Entered != "2026-11-23" {
		t.Errorf("rates list json: %v\n%s", err, out)
	}

	args := []string{"penalties", "--db", db, "--amount", "1000", "--due", "2026-05-31", "--paid", "2026-09-30"}
	_, out, stderr := run(t, "fr", args...)
	want := "taux saisi le 23/11/2026 — source : " + src
	if !strings.Contains(out, want) || !strings.Contains(out, "12,15\u00a0†") || strings.Count(out, "†") != 2 {
		t.Errorf("penalties table lacks %q or the mark:\n%s%s", want, out, stderr)
	}
	_, out, _ = run(t, "fr", append(args, "--format", "json")...)
	var doc struct {
		Lines []struct {
			From  string `json:"from"`
			Entry *struct {
				Half, Source, Entered string
			} `json:"rate_entry"`
			Mention string `json:"rate_mention"`
		} `json:"lines"`
		Notes []string `json:"notes"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Lines) != 2 {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if doc.Lines[0].Entry != nil || doc.Lines[0].Mention != "" {
		t.Errorf("the shipped 2026-H1 rate is marked: %+v", doc.Lines[0])
	}
	if e := doc.Lines[1].Entry; e == nil || e.Half != "2026-H2" || e.Source != src || e.Entered != "2026-11-23" ||
		!strings.Contains(doc.Lines[1].Mention, want) || !strings.Contains(strings.Join(doc.Notes, "\n"), want) {
		t.Errorf("2026-H2 line: %+v, notes %q", doc.Lines[1], doc.Notes)
	}
	// In English, English words and dates.
	if _, out, _ := run(t, "en", args...); !strings.Contains(out, "rate entered on 2026-11-23 — source: "+src) {
		t.Errorf("English penalties:\n%s", out)
	}
}

// The demo's assumed rates say they are assumed in the décompte of a customer.
func TestDemoAssumedRateInDecompte(t *testing.T) {
	db := demoFile(t)
	_, out, _ := run(t, "fr", "customers", "--db", db, "--format", "json", "--at", "2026-11-23")
	var doc struct {
		Customers []struct {
			ID, Kind, Overdue string
		} `json:"customers"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	tried := 0
	for _, c := range doc.Customers {
		if c.Kind != "business" || c.Overdue == "0.00" || tried == 10 {
			continue
		}
		tried++
		_, out, _ := run(t, "fr", "penalties", "--db", db, "--customer", c.ID)
		if strings.Contains(out, "†") {
			if !strings.Contains(out, "taux BCE du 2nd semestre 2026 (2,15 %) : taux supposé inchangé (démonstration), saisi le 23/11/2026") {
				t.Errorf("%s:\n%s", c.ID, out)
			}
			return
		}
	}
	t.Fatalf("no décompte of %d demo customers uses the assumed 2026-H2 rate", tried)
}

// `relance rates import`: the sample file is recorded with its report; a bad file is
// refused whole, each line named with the file, line, field and value, and the
// dossier is unchanged.
func TestRatesImport(t *testing.T) {
	db := newCompanyDossier(t)
	sample := filepath.Join("..", "testdata", "rates", "taux-2026-S2.csv")
	before := revision(t, db)
	for _, bad := range []struct {
		file string
		want []string
	}{
		{"semestre-invalide.csv", []string{"semestre-invalide.csv, ligne 3, colonne half : semestre « 2026-H3 » invalide"}},
		{"taux-invalide.csv", []string{"taux-invalide.csv, ligne 2, colonne other_pct : taux « 3.0x5 » invalide"}},
		{"colonne-manquante.csv", []string{"colonne-manquante.csv, ligne 2 : colonne other_pct manquante"}},
		{"entete-inconnu.csv", []string{"entete-inconnu.csv, ligne 1 : en-tête « semestre,taux_particulier,taux_autres » inconnu"}},
		{"contredit-publie.csv", []string{"contredit-publie.csv, ligne 4, colonne private_pct : 6.70 % contredit le taux publié de 6.67 %"}},
	} {
		code, out, stderr := run(t, "fr", "rates", "import", "--db", db, filepath.Join("..", "testdata", "rates", "bad", bad.file))
		if code != 1 || !strings.Contains(stderr, "rien n'a été enregistré") {
			t.Errorf("%s: exit %d, stderr %s", bad.file, code, stderr)
		}
		for _, w := range bad.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: report lacks %q:\n%s", bad.file, w, out)
			}
		}
	}
	if revision(t, db) != before {
		t.Fatal("a refused rates file changed the dossier")
	}
	code, out, stderr := run(t, "fr", "rates", "import", "--db", db, sample)
	if code != 0 || !strings.Contains(out, "Semestres ajoutés : 2nd semestre 2026 (2026-H2)") ||
		!strings.Contains(out, "tables publiées de Relance, avec les mêmes taux (ignorées) : 1") {
		t.Fatalf("import: %d\n%s%s", code, out, stderr)
	}
	if _, out, _ := run(t, "fr", "rates", "list", "--db", db); !strings.Contains(out, "3.05") || !strings.Contains(out, "JORF 26/06/2026 (exemple)") {
		t.Errorf("list after import:\n%s", out)
	}
	// Again: nothing to do. A file contradicting the dossier: refused unless --replace.
	if code, out, _ := run(t, "en", "rates", "import", "--db", db, "--format", "json", sample); code != 0 || !strings.Contains(out, `"unchanged": [`) {
		t.Errorf("again: %d %s", code, out)
	}
	other := filepath.Join(t.TempDir(), "autre.csv")
	if err := os.WriteFile(other, []byte("half;private_pct;other_pct;source\n2026-H2;6,80;3,10;correction\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = run(t, "fr", "rates", "import", "--db", db, other)
	if code != 1 || !strings.Contains(out, "autre.csv, ligne 2, colonne other_pct : semestre 2026-H2, 3.10 % alors que le dossier enregistre 3.05 %") ||
		!strings.Contains(out, "--replace") {
		t.Errorf("conflict: %d\n%s%s", code, out, stderr)
	}
	if code, out, stderr := run(t, "fr", "rates", "import", "--db", db, "--replace", other); code != 0 || !strings.Contains(out, "Semestres remplacés") {
		t.Errorf("replace: %d\n%s%s", code, out, stderr)
	}
	if code, _, stderr := run(t, "fr", "rates", "import", "--db", db); code != 2 || !strings.Contains(stderr, "relance rates import --db") {
		t.Errorf("no file: %d %s", code, stderr)
	}
}
