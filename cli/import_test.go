package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/store"
)

const importFEC = "JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise\r\n" +
	"VE|Ventes|1|20251015|411000|Clients|C1|Société Éric|F1|20251015|Facture F1|1200,00|0,00|||20251016||\r\n" +
	"VE|Ventes|1|20251015|706000|Prestations|||F1|20251015|Facture F1|0,00|1200,00|||20251016||\r\n" +
	"VE|Ventes|2|20251020|411000|Clients|C2|Dupont|F2|20251020|Facture F2|300,00|0,00|||20251021||\r\n" +
	"VE|Ventes|2|20251020|706000|Prestations|||F2|20251020|Facture F2|0,00|300,00|||20251021||\r\n"

// runImportCLI runs the command line in process.
func runImportCLI(t *testing.T, lang string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb, Lang: lang, Today: ledger.NewDate(2026, 11, 23)}
	code := env.run(args)
	return code, out.String(), errb.String()
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "d.db")
	db, err := store.Create(dbPath, ledger.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	good := filepath.Join(dir, "123456789FEC20251231.txt")
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(good, []byte(importFEC), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte(strings.Replace(importFEC, "|20251020|411000", "|20251320|411000", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		lang     string
		args     []string
		code     int
		out, err []string // substrings expected
	}{
		{"no source", "fr", []string{"import", "--db", dbPath}, 2, nil, []string{"au moins un fichier"}},
		{"bad terms", "en", []string{"import", "--db", dbPath, "--terms", "x", good}, 2, nil, []string{"--terms"}},
		{"unknown mapping", "en", []string{"import", "--db", dbPath, "--mapping", "nope", good}, 1, nil, []string{"nope", "generic"}},
		{"fatal date", "fr", []string{"import", "--db", dbPath, bad}, 1,
			[]string{"Import refusé"}, []string{"bad.txt", "ligne 4", "EcritureDate", "20251320"}},
		{"import", "fr", []string{"import", "--db", dbPath, "--terms", "45", good}, 0,
			[]string{"Clients : 2 (dont 2 nouveaux)", "1\u202f500,00\u00a0€"}, nil},
		{"again", "en", []string{"import", "--db", dbPath, good}, 0, []string{"already imported"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runImportCLI(t, tc.lang, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out, errs)
			}
			for _, s := range tc.out {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tc.err {
				if !strings.Contains(errs, s) {
					t.Errorf("stderr lacks %q:\n%s", s, errs)
				}
			}
		})
	}
	db, err = store.Open(dbPath, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	c1 := book.Account("C1")
	if c1 == nil || c1.Customer.Terms == nil || c1.Customer.Terms.Days != 45 || c1.Items[0].DueDate != ledger.NewDate(2025, 11, 29) {
		t.Errorf("C1 = %+v", c1)
	}
}
