package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/store"
)

var (
	customerFileCSV  = filepath.Join("..", "testdata", "customers", "fichier-clients.csv")
	customerFileXLSX = filepath.Join("..", "testdata", "customers", "fichier-clients.xlsx")
	customerFileBad  = filepath.Join("..", "testdata", "bad", "customers", "fichier-clients-erreurs.csv")
)

// realFEC returns the real FEC whose customers the sample customer file describes,
// or skips.
func realFEC(t *testing.T) string {
	t.Helper()
	p := filepath.Join("..", "..", "shared", "testdata", "fec", "0000000001FEC20220831.txt")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared test data not found: %v", err)
	}
	return p
}

// addSalespeople records the sample file's two salespeople in the dossier.
func addSalespeople(t *testing.T, path string) {
	t.Helper()
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *store.Tx) error {
		for _, sp := range []ledger.Salesperson{{ID: "JMA", Name: "Julien Marchetti"}, {ID: "SLE", Name: "Sophie Leroy"}} {
			if err := tx.PutSalesperson(sp); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A real company's first day (issue 18): the FEC imported, then the customer file
// from the invoicing program: the formal notice, refused for want of an address
// before, is written after.
func TestImportCustomersAfterFEC(t *testing.T) {
	fec := realFEC(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "acme.db")
	if code, _, stderr := run(t, "fr", "new", "--db", db, "--company", "ACME SAS"); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	if code, _, stderr := runImportCLI(t, "fr", "import", "--db", db, fec); code != 0 {
		t.Fatalf("import: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "fr", "settings", "set", "--db", db, "--address", "3 place Bellecour, 69002 Lyon",
		"--signatory", "Claire Martin", "--signatory-phone", "04 72 00 00 00", "--signatory-email", "recouvrement@acme.fr"); code != 0 {
		t.Fatalf("settings set: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "fr", "rates", "add", "--db", db, "--half", "2026-H2", "--ecb", "2.15",
		"--legal-private", "6.67", "--legal-other", "2.62"); code != 0 {
		t.Fatalf("rates add: %d %s", code, stderr)
	}
	pdf := filepath.Join(dir, "med.pdf")
	letter := func() (int, string) {
		code, _, stderr := run(t, "fr", "letter", "--db", db, "--customer", "CLAURE", "--stage", "med", "--out", pdf)
		return code, stderr
	}
	if code, stderr := letter(); code == 0 || !strings.Contains(stderr, "{client.adresse}") {
		t.Fatalf("a formal notice without the customer's address: %d %s", code, stderr)
	}

	// Without the salespeople in the dossier the file is refused, naming each.
	before := revision(t, db)
	code, out, stderr := run(t, "fr", "import-customers", "--db", db, customerFileCSV)
	if code != 1 || !strings.Contains(out, "commercial inconnu « JMA »") || !strings.Contains(out, "ligne 2, colonne « Commercial »") ||
		!strings.Contains(stderr, "refusé") || revision(t, db) != before {
		t.Fatalf("unknown salespeople: %d\n%s\n%s", code, out, stderr)
	}
	addSalespeople(t, db)
	before = revision(t, db)
	code, out, stderr = run(t, "fr", "import-customers", "--db", db, "--dry-run", customerFileCSV)
	if code != 0 || !strings.Contains(out, "14 à créer, 16 à mettre à jour") || revision(t, db) != before {
		t.Fatalf("dry run: %d\n%s\n%s", code, out, stderr)
	}
	code, out, stderr = run(t, "fr", "import-customers", "--db", db, "--save-mapping", "Facturation", customerFileCSV)
	if code != 0 || !strings.Contains(out, "14 créé(s), 16 mis à jour") || !strings.Contains(out, "« Facturation » enregistré") {
		t.Fatalf("import-customers: %d\n%s\n%s", code, out, stderr)
	}
	if code, stderr := letter(); code != 0 {
		t.Fatalf("formal notice: %d %s", code, stderr)
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("no PDF: %v", err)
	}
	// The same customers from the XLSX version, with the saved mapping: nothing changes.
	before = revision(t, db)
	code, out, stderr = run(t, "en", "import-customers", "--db", db, "--mapping", "Facturation", "--format", "json", customerFileXLSX)
	var doc struct {
		Rows, Created, Updated, Unchanged int
		Refused                           bool
		Problems                          []any
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != 0 {
		t.Fatalf("json: %d %v\n%s\n%s", code, err, out, stderr)
	}
	if doc.Rows != 30 || doc.Unchanged != 30 || doc.Refused || len(doc.Problems) != 0 || revision(t, db) != before {
		t.Errorf("the XLSX version changed something: %+v", doc)
	}
	// A re-import of the ledger keeps the records.
	if code, _, stderr := runImportCLI(t, "fr", "import", "--db", db, fec); code != 0 {
		t.Fatalf("re-import: %d %s", code, stderr)
	}
	_, out, _ = run(t, "fr", "customer", "--db", db, "--customer", "CLAURE", "--format", "json")
	if !strings.Contains(out, `"postcode": "84300"`) || !strings.Contains(out, "laurent.primeurs@orange.fr") {
		t.Errorf("the record was lost on re-import:\n%s", out)
	}
}

// The customer file first: every customer created without items, then the FEC fills
// the items of those it holds and keeps their records.
func TestImportCustomersBeforeFEC(t *testing.T) {
	fec := realFEC(t)
	db := filepath.Join(t.TempDir(), "acme.db")
	if code, _, stderr := run(t, "fr", "new", "--db", db, "--company", "ACME SAS"); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	addSalespeople(t, db)
	if code, out, stderr := run(t, "en", "import-customers", "--db", db, customerFileCSV); code != 0 || !strings.Contains(out, "30 created") {
		t.Fatalf("import-customers: %d\n%s\n%s", code, out, stderr)
	}
	if code, _, stderr := runImportCLI(t, "fr", "import", "--db", db, fec); code != 0 {
		t.Fatalf("import: %d %s", code, stderr)
	}
	_, out, _ := run(t, "fr", "customer", "--db", db, "--customer", "CPRO00", "--format", "json")
	if !strings.Contains(out, `"postcode": "69007"`) || !strings.Contains(out, `"salesperson": "SLE"`) || !strings.Contains(out, `"account": "411000"`) {
		t.Errorf("CPRO00 after the FEC:\n%s", out)
	}
	_, out, _ = run(t, "fr", "customers", "--db", db, "--format", "json", "--at", "2026-11-23")
	var doc struct {
		Customers []struct {
			ID      string
			Balance ledger.Cents
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	balance := map[string]ledger.Cents{}
	for _, c := range doc.Customers {
		balance[c.ID] = c.Balance
	}
	if len(doc.Customers) != 31 || balance["CPRO00"] != 2712329 || balance["CBASTI"] != 0 {
		t.Errorf("%d customers (30 of the file and CATTEN), CPRO00 %s, CBASTI %s", len(doc.Customers), balance["CPRO00"], balance["CBASTI"])
	}
}

// The bad sample: every problem named with its line, column and value, nothing
// written; a column of --map that the file lacks refuses the file; a field --map does
// not know is a usage error.
func TestImportCustomersRefusesBadFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "acme.db")
	if code, _, stderr := run(t, "fr", "new", "--db", db, "--company", "ACME SAS"); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	before := revision(t, db)
	code, out, stderr := run(t, "fr", "import-customers", "--db", db, customerFileBad)
	if code != 1 || !strings.Contains(stderr, "10 problème(s)") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	for _, want := range []string{
		"ligne 3, colonne « SIRET » : SIRET invalide « 56567003100288 »",
		"ligne 4, colonne « E-mail » : adresse e-mail invalide « laurent.primeurs@orange »",
		"ligne 5, colonne « Code postal » : adresse incomplète ou code postal invalide « 1315 »",
		"ligne 6, colonne « Code client » : code client « CCALIX » déjà présent ligne 2",
		"ligne 7, colonne « Conditions de paiement » : conditions de paiement non reconnues « 30 jours fin de mois le 10 »",
		"ligne 8, colonne « Catégorie » : catégorie non reconnue « VIP »",
		"ligne 9, colonne « Raison sociale » : le client CNEW01",
		"ligne 10, colonne « Commercial » : commercial inconnu « ZZZ »",
		"ligne 11, colonne « SIRET » : SIRET invalide « 12345678901234 »",
		"ligne 11, colonne « E-mail » : adresse e-mail invalide « verger retayon@free.fr »",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	code, out, _ = run(t, "en", "import-customers", "--db", db, "--map", "email=Courriel2", "--format", "json", customerFileBad)
	var doc struct {
		Refused  bool
		Problems []struct{ Key, Field, Value string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || code != 1 || !doc.Refused || len(doc.Problems) != 1 ||
		doc.Problems[0].Key != "import.issue.mapcolumn" || doc.Problems[0].Value != "Courriel2" {
		t.Errorf("unknown column in --map: %d %v %+v\n%s", code, err, doc, out)
	}
	if code, _, stderr := run(t, "fr", "import-customers", "--db", db, "--map", "courriel=E-mail", customerFileBad); code != 2 || !strings.Contains(stderr, "courriel=E-mail") {
		t.Errorf("unknown field: %d %s", code, stderr)
	}
	if revision(t, db) != before {
		t.Error("a refused file changed the dossier")
	}
}
