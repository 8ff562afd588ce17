package desk_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/store"
)

func ptr(s string) *string { return &s }

// A consumer's civility is read as people write it (Madame, Mme, Mrs, M., Mr…) and
// kept as mme or m; the governing law as a country code, French law ("" or FR) kept
// empty. Both are recorded in the history by name; a value neither takes is refused
// with a Problem naming the field and the value, and nothing is written.
func TestEditCustomerCivilityAndLaw(t *testing.T) {
	for in, want := range map[string]string{"mme": "mme", "Madame": "mme", "MRS": "mme", "Ms": "mme", "Mlle": "mme",
		"m": "m", "M.": "m", "monsieur": "m", "Mr.": "m", "": "", " ": "", "M. et Mme": ""} {
		if got, ok := desk.ParseCivility(in); !ok || got != want {
			t.Errorf("ParseCivility(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"Dr", "SARL", "mm", "madam e x"} {
		if _, ok := desk.ParseCivility(in); ok {
			t.Errorf("ParseCivility(%q) accepted", in)
		}
	}
	for in, want := range map[string]string{"GB": "GB", "gb": "GB", " de ": "DE", "UK": "GB", "FR": "", "fr": "", "": ""} {
		if got, ok := desk.ParseLaw(in); !ok || got != want {
			t.Errorf("ParseLaw(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"GBR", "G", "anglais", "1A", "É1"} {
		if _, ok := desk.ParseLaw(in); ok {
			t.Errorf("ParseLaw(%q) accepted", in)
		}
	}

	s := customerDossier(t)
	at := ledger.NewDate(2026, 11, 23)
	c, err := s.EditCustomer("CLAURE", desk.CustomerChange{Kind: ptr("consumer"), Civility: ptr("Madame"), Law: ptr("gb")}, at, "Léa")
	if err != nil {
		t.Fatal(err)
	}
	if c.Civility != ledger.CivilityMadame || c.Law != "GB" || c.GoverningLaw() != "GB" {
		t.Errorf("record %+v", c)
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	if got := s.Book.Account("CLAURE").Customer; got.Civility != "mme" || got.Law != "GB" {
		t.Errorf("stored %+v", got)
	}
	// French law is the default: FR is kept as "".
	if c, err = s.EditCustomer("CLAURE", desk.CustomerChange{Civility: ptr("M."), Law: ptr("FR")}, at, ""); err != nil {
		t.Fatal(err)
	}
	if c.Civility != ledger.CivilityMonsieur || c.Law != "" || c.GoverningLaw() != "FR" {
		t.Errorf("record %+v", c)
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	var acts []dunning.Action
	if err := s.DB.View(func(tx *store.Tx) (err error) { acts, err = tx.Actions("CLAURE"); return }); err != nil {
		t.Fatal(err)
	}
	if len(acts) != 2 || acts[0].Note != "kind,civility,law" || acts[1].Note != "civility,law" {
		t.Errorf("history %+v", acts)
	}
	if !slices.Contains(desk.CustomerFieldNames(), "civility") || !slices.Contains(desk.CustomerFieldNames(), "law") {
		t.Error("the history's field names lack civility or law")
	}
	for _, f := range desk.CustomerFieldNames() {
		for _, lang := range []string{"fr", "en"} {
			if l := ledger.Localize(&ledger.Problem{Key: "cust.field." + f}, lang); strings.HasPrefix(l, "cust.") {
				t.Errorf("cust.field.%s has no %s label", f, lang)
			}
		}
	}

	// Refused: the field and the value named, nothing written.
	rev := revision(t, s)
	for _, bad := range []struct {
		ch        desk.CustomerChange
		key, text string
	}{
		{desk.CustomerChange{Civility: ptr("Docteur")}, "cust.err.civility", "civilité « Docteur »"},
		{desk.CustomerChange{Law: ptr("droit anglais")}, "cust.err.law", "loi applicable « droit anglais »"},
		{desk.CustomerChange{Law: ptr("GBR")}, "cust.err.law", "« GBR »"},
		{desk.CustomerChange{Name: ptr("X"), Civility: ptr("Mme"), Law: ptr("1")}, "cust.err.law", "« 1 »"},
	} {
		_, err := s.EditCustomer("CLAURE", bad.ch, at, "")
		p, ok := err.(*ledger.Problem)
		if !ok || p.Key != bad.key || !strings.Contains(ledger.Localize(err, "fr"), bad.text) {
			t.Errorf("%+v: %v", bad.ch, err)
		}
	}
	if revision(t, s) != rev {
		t.Error("a refused change was written")
	}
	// A new customer takes them too.
	if c, err = s.AddCustomer("CNEW", desk.CustomerChange{Name: ptr("Anne Roux"), Kind: ptr("consumer"), Civility: ptr("mrs")}, at, ""); err != nil ||
		c.Civility != "mme" || c.Law != "" {
		t.Errorf("AddCustomer: %+v %v", c, err)
	}
}

// A customer file's civility and governing law columns: read as the record form
// reads them (a legal form in the "Titre" column is no civility), a bad value named by
// file, line, column and value, the whole file then refused.
func TestImportCustomerFileCivilityAndLaw(t *testing.T) {
	s := customerDossier(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "civilites.csv")
	data := "Code client;Raison sociale;Catégorie;Civilité;Loi applicable\n" +
		"CLAURE;LAURENT PRIMEURS;entreprise;SARL;\n" +
		"CANNE;Anne ROUX;particulier;Mme;\n" +
		"CPAUL;Paul ROUX;particulier;M.;France\n" +
		"CWHIT;Whitfield & Sons Ltd;entreprise;;droit anglais\n" +
		"CDUO;Jean et Marie MARTIN;particulier;M. et Mme;FR\n"
	if err := os.WriteFile(good, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	res := importCustomers(t, s, good, desk.CustomerFileOptions{})
	if res.Refused || res.Created != 4 || res.Updated != 0 {
		t.Fatalf("%+v %v", res, res.List("fr"))
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string][2]string{"CLAURE": {"", ""}, "CANNE": {"mme", ""}, "CPAUL": {"m", ""},
		"CWHIT": {"", "GB"}, "CDUO": {"", ""}} {
		c := s.Book.Account(id).Customer
		if c.Civility != want[0] || c.Law != want[1] {
			t.Errorf("%s: civility %q law %q, want %v", id, c.Civility, c.Law, want)
		}
	}

	bad := filepath.Join(dir, "erreurs.csv")
	data = "Code client;Raison sociale;Titre;Droit applicable\n" +
		"CANNE;Anne ROUX;Docteur;\n" +
		"CPAUL;Paul ROUX;M.;Atlantide\n" +
		"CWHIT;Whitfield & Sons Ltd;;GBR1\n"
	if err := os.WriteFile(bad, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	rev := revision(t, s)
	res = importCustomers(t, s, bad, desk.CustomerFileOptions{})
	if !res.Refused || res.Written || revision(t, s) != rev {
		t.Fatalf("%+v", res)
	}
	got := res.List("fr")
	want := []struct {
		line          int
		column, value string
		key           string
	}{
		{2, "Titre", "Docteur", "cust.err.civility"},
		{3, "Droit applicable", "Atlantide", "cust.err.law"},
		{4, "Droit applicable", "GBR1", "cust.err.law"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d problems, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Line != w.line || g.Column != w.column || g.Value != w.value || g.Key != w.key || !strings.Contains(g.Message, w.value) {
			t.Errorf("problem %d: %+v, want %+v", i, g, w)
		}
	}
	var out strings.Builder
	if err := res.Render(&out, "fr"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "erreurs.csv") || !strings.Contains(out.String(), "ligne 2, colonne « Titre »") ||
		!strings.Contains(out.String(), "« Docteur »") {
		t.Errorf("report:\n%s", out.String())
	}
}
