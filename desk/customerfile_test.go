package desk_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/importer/custfile"
	"relance/ledger/importer/tabular"
	"relance/ledger/store"
)

var (
	customerSample = filepath.Join("..", "testdata", "customers", "fichier-clients.csv")
	customerBad    = filepath.Join("..", "testdata", "bad", "customers", "fichier-clients-erreurs.csv")
)

// customerDossier is a new dossier with two salespeople and three customers of the
// sample file already in it (from a ledger import: a name, items), opened for writing.
func customerDossier(t testing.TB) *desk.Session {
	t.Helper()
	path := filepath.Join(t.TempDir(), "clients.db")
	set := ledger.DefaultSettings()
	set.Company.Name = "ACME SAS"
	db, err := store.Create(path, set)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *store.Tx) error {
		for _, sp := range []ledger.Salesperson{{ID: "JMA", Name: "Julien Marchetti"}, {ID: "SLE", Name: "Sophie Leroy"}} {
			if err := tx.PutSalesperson(sp); err != nil {
				return err
			}
		}
		for _, c := range []ledger.Customer{
			{ID: "CCALIX", Name: "JARDINS DE CALIXTE", Notes: "gardé"},
			{ID: "CFLORE", Name: "JARDIN DE FLORETTE", Contacts: []ledger.Contact{{Name: "Florette Ginoux", Email: "florette@exemple.fr"}}},
			{ID: "CLAURE", Name: "LAURENT PRIMEURS", Kind: ledger.Business},
		} {
			if err := tx.PutCustomer(&c); err != nil {
				return err
			}
			it := ledger.Item{ID: "VE|1|" + c.ID, Customer: c.ID, Number: "F1", DocDate: ledger.NewDate(2022, 5, 2),
				DueDate: ledger.NewDate(2022, 6, 1), Amount: 120000, Open: 120000}
			if err := tx.PutItems(c.ID, []ledger.Item{it}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := desk.OpenWrite(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

func importCustomers(t testing.TB, s *desk.Session, path string, o desk.CustomerFileOptions) *custfile.Result {
	t.Helper()
	sh, err := desk.ReadCustomerFile(path, tabular.Presets()["generic"])
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.ImportCustomerFile(sh, o)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// The sample merges into the dossier by customer code: the three known customers
// updated (their items and what the file leaves empty kept), the others created, the
// salespeople found by ID or name, one history entry per customer; all in one
// transaction. The same file again changes nothing.
func TestImportCustomerFileMerges(t *testing.T) {
	s := customerDossier(t)
	rev := revision(t, s)
	at := ledger.NewDate(2026, 11, 23)
	dry := importCustomers(t, s, customerSample, desk.CustomerFileOptions{DryRun: true, At: at})
	if dry.Refused || dry.Written || dry.Created != 27 || dry.Updated != 3 || revision(t, s) != rev {
		t.Fatalf("dry run: %+v %v", dry, dry.List("fr"))
	}
	res := importCustomers(t, s, customerSample, desk.CustomerFileOptions{At: at, By: "Léa"})
	if res.Refused || !res.Written || res.Rows != 30 || res.Created != 27 || res.Updated != 3 || res.Unchanged != 0 {
		t.Fatalf("%+v %v", res, res.List("fr"))
	}
	written(t, s, "customer file", rev)
	get := func(id string) *ledger.Customer {
		a := s.Book.Account(id)
		if a == nil {
			t.Fatalf("customer %s missing", id)
		}
		return &a.Customer
	}
	c := get("CCALIX")
	if c.Address.OneLine() != "Mas de Calixte, Route de Maillane, 13210 Saint-Rémy-de-Provence" || c.Terms == nil ||
		*c.Terms != (ledger.Terms{Days: 30, EOM: ledger.DaysThenEOM}) || c.CreditLimit != 1500000 || c.Salesperson != "JMA" ||
		c.Notes != "gardé" || len(c.Contacts) != 1 || c.Contacts[0].Email != "compta@jardins-calixte.fr" ||
		!ledger.ValidSIRET(c.SIRET) || c.SIREN != c.SIRET[:9] || c.VATNumber == "" || c.IBAN == "" || c.Lang != "fr" {
		t.Errorf("CCALIX %+v", c)
	}
	if n := len(s.Book.Account("CCALIX").Items); n != 1 {
		t.Errorf("CCALIX's items: %d", n)
	}
	if c := get("CFLORE"); c.Contacts[0].Email != "florette@exemple.fr" || c.Terms == nil || c.Terms.Days != 0 {
		t.Errorf("CFLORE: an empty e-mail cell changed the record: %+v", c)
	}
	if c := get("CMOURL"); c.Salesperson != "SLE" || c.Kind != ledger.Business || len(c.Address.Lines) != 2 {
		t.Errorf("CMOURL (salesperson by name, an address line with a comma) %+v", c)
	}
	if c := get("CCUISI"); c.Kind != ledger.PublicBody || c.Terms.Days != 30 {
		t.Errorf("CCUISI %+v", c)
	}
	if c := get("CPERUZ"); c.SIRET != "" || !ledger.ValidSIREN(c.SIREN) {
		t.Errorf("CPERUZ (a SIREN in the SIRET column) %+v", c)
	}
	if c := get("CRIJK0"); c.Address.Country != "BE" || c.Lang != "en" || c.Address.Postcode != "1000" {
		t.Errorf("CRIJK0 %+v", c)
	}
	if c := get("CNOURR"); c.Kind != ledger.Consumer || c.Name != "JULES NOURRIT" {
		t.Errorf("CNOURR %+v", c)
	}
	var acts []dunning.Action
	err := s.DB.View(func(tx *store.Tx) error {
		for _, id := range []string{"CCALIX", "CBASTI"} {
			a, err := tx.Actions(id)
			if err != nil {
				return err
			}
			acts = append(acts, a...)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(acts) != 2 || acts[0].Kind != dunning.KindRecordEdit || acts[0].By != "Léa" || acts[0].Date != at ||
		strings.HasPrefix(acts[0].Note, "created") || !strings.HasPrefix(acts[1].Note, "created,name,") {
		t.Errorf("history %+v", acts)
	}
	rev = revision(t, s)
	again := importCustomers(t, s, customerSample, desk.CustomerFileOptions{At: at})
	if again.Unchanged != 30 || again.Created+again.Updated != 0 || again.Written || revision(t, s) != rev {
		t.Errorf("the same file again: %+v", again)
	}
}

// A file with problems is refused whole: every problem listed with its line, column
// and value, nothing written.
func TestImportCustomerFileRefusesBadFile(t *testing.T) {
	s := customerDossier(t)
	rev := revision(t, s)
	res := importCustomers(t, s, customerBad, desk.CustomerFileOptions{})
	if !res.Refused || res.Written || revision(t, s) != rev {
		t.Fatalf("%+v", res)
	}
	want := []custfile.Problem{
		{Line: 3, Column: "SIRET", Field: "siret", Value: "56567003100288", Key: "cust.err.siret"},
		{Line: 4, Column: "E-mail", Field: "email", Value: "laurent.primeurs@orange", Key: "cust.err.email"},
		{Line: 5, Column: "Code postal", Field: "postcode", Value: "1315", Key: "cust.err.address"},
		{Line: 6, Column: "Code client", Field: "id", Value: "CCALIX", Key: "custfile.issue.duplicate"},
		{Line: 7, Column: "Conditions de paiement", Field: "terms", Value: "30 jours fin de mois le 10", Key: "err.terms_text"},
		{Line: 8, Column: "Catégorie", Field: "kind", Value: "VIP", Key: "custfile.issue.kind"},
		{Line: 9, Column: "Raison sociale", Field: "name", Value: "CNEW01", Key: "custfile.issue.noname"},
		{Line: 10, Column: "Commercial", Field: "salesperson", Value: "ZZZ", Key: "custfile.issue.salesperson"},
		{Line: 11, Column: "SIRET", Field: "siret", Value: "12345678901234", Key: "cust.err.siret"},
		{Line: 11, Column: "E-mail", Field: "email", Value: "verger retayon@free.fr", Key: "cust.err.email"},
	}
	got := res.List("fr")
	if len(got) != len(want) {
		t.Fatalf("%d problems, want %d:\n%+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		g.Message = ""
		if g != w {
			t.Errorf("problem %d: %+v\nwant        %+v", i, g, w)
		}
	}
	if msg := got[3].Message; !strings.Contains(msg, "ligne 2") {
		t.Errorf("the duplicate does not name the first line: %s", msg)
	}
	var out strings.Builder
	if err := res.Render(&out, "fr"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "refusé") || !strings.Contains(out.String(), "ligne 5, colonne « Code postal »") {
		t.Errorf("report:\n%s", out.String())
	}
}

// A British address (town then postcode), a Belgian one, a postcode Excel left
// without its leading zero: each read as the record form reads it.
func TestImportCustomerFileForeignAddresses(t *testing.T) {
	s := customerDossier(t)
	path := filepath.Join(t.TempDir(), "clients.csv")
	data := "Code;Nom;Adresse;CP;Ville;Pays\n" +
		"UK1;Thames Greens Ltd;10 Downing Street;SW1A 2AA;London;Royaume-Uni\n" +
		"BE1;Legumes SPRL;Rue de la Loi 12;1000;Bruxelles;BE\n" +
		"FR1;Primeurs de l'Ain;2 rue du Lac;01000;Bourg-en-Bresse;France\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	res := importCustomers(t, s, path, desk.CustomerFileOptions{})
	if res.Refused || res.Created != 3 {
		t.Fatalf("%+v %v", res, res.List("en"))
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]ledger.Address{
		"UK1": {Lines: []string{"10 Downing Street"}, Postcode: "SW1A 2AA", City: "London", Country: "GB"},
		"BE1": {Lines: []string{"Rue de la Loi 12"}, Postcode: "1000", City: "Bruxelles", Country: "BE"},
		"FR1": {Lines: []string{"2 rue du Lac"}, Postcode: "01000", City: "Bourg-en-Bresse"},
	} {
		got := s.Book.Account(id).Customer.Address
		if got.OneLine() != want.OneLine() || got.Country != want.Country || got.Postcode != want.Postcode {
			t.Errorf("%s: %+v, want %+v", id, got, want)
		}
	}
}

// writeBigFile writes a customer file of n rows (half of them for customers the
// dossier has, the rest new) in the sample's layout.
func writeBigFile(t testing.TB, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("Code client;Raison sociale;Adresse 1;Code postal;Ville;E-mail;Téléphone;Contact;SIRET;Conditions de paiement;Plafond;Commercial;Catégorie;Langue\r\n")
	for i := range n {
		fmt.Fprintf(&b, "C%06d;Client %d SARL;%d rue des Lilas;69003;Lyon;compta%d@client%d.fr;04 72 00 %02d %02d;Jean Martin;;30 jours fin de mois;%d 000,00;%s;Entreprise;Français\r\n",
			i, i, i%200+1, i, i, i%100, (i/100)%100, i%50+1, []string{"JMA", "Sophie Leroy", ""}[i%3])
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// BenchmarkImportCustomerFile50k reads, checks and writes a 50,000-row customer file
// into a new dossier (one transaction, one history entry per customer).
func BenchmarkImportCustomerFile50k(b *testing.B) {
	path := writeBigFile(b, 50000)
	for b.Loop() {
		b.StopTimer()
		s := customerDossier(b)
		b.StartTimer()
		res := importCustomers(b, s, path, desk.CustomerFileOptions{At: ledger.NewDate(2026, 11, 23)})
		if res.Refused || res.Created != 50000 {
			b.Fatalf("%+v %v", res.Summary("en"), res.List("en")[:1])
		}
	}
}
