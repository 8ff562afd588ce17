package custfile

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"relance/ledger"
	"relance/ledger/importer/report"
	"relance/ledger/importer/tabular"
)

var sampleCSV = filepath.Join("..", "..", "..", "testdata", "customers", "fichier-clients.csv")
var sampleXLSX = filepath.Join("..", "..", "..", "testdata", "customers", "fichier-clients.xlsx")

func generic() tabular.Mapping { return tabular.Presets()["generic"] }

func readRows(t *testing.T, sh *Sheet) ([]Row, *report.Collector) {
	t.Helper()
	rep := &report.Collector{Cap: 1000}
	return sh.Rows(rep), rep
}

func value(t *testing.T, r Row, f tabular.Field) string {
	t.Helper()
	c, _ := r.Cell(f)
	return c.Value
}

// The sample written as French Excel does (Windows-1252, ';'): every field found by
// its header, every row read, every value normalised.
func TestSampleCSV(t *testing.T) {
	sh, err := Open(sampleCSV, generic())
	if err != nil {
		t.Fatal(err)
	}
	if sh.Table.Encoding != "Windows-1252" || sh.Table.Sep != ";" || sh.Header != 0 {
		t.Errorf("encoding %s, separator %s, header %d", sh.Table.Encoding, sh.Table.Sep, sh.Header)
	}
	for _, f := range Fields() {
		if _, ok := sh.Columns[f]; !ok && f != SIREN && f != Civility && f != Law { // columns the sample lacks
			t.Errorf("field %s not found in %q", f, sh.Headers())
		}
	}
	rows, rep := readRows(t, sh)
	if rep.Worst() != report.Info || len(rows) != 30 {
		t.Fatalf("%d rows, findings %v", len(rows), rep.Issues())
	}
	byID := map[string]Row{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	for _, c := range []struct {
		id    string
		f     tabular.Field
		value string
	}{
		{"CCALIX", Name, "JARDINS DE CALIXTE"}, {"CCALIX", Terms, "30fdm"}, {"CCALIX", Limit, "15000.00"},
		{"CCALIX", Kind, "business"}, {"CCALIX", Lang, "fr"}, {"CCALIX", Country, "FR"}, {"CCALIX", Address2, "Route de Maillane"},
		{"CCUIPO", Limit, "8000.00"}, {"CCUIPO", Terms, "45fdm"}, {"CCUIPO", Notes, "Livraison le mardi et le vendredi"},
		{"CCUISI", Kind, "public"}, {"CCUISI", SIRET, "96308212800231"}, {"CCUISI", Terms, "30"},
		{"CDISCO", Address3, "1 rue de la Tour"}, {"CDISCO", Terms, "60"},
		{"CFLORE", Terms, "0"}, {"CLAURE", Terms, "30"}, {"CLAURE", Limit, "12500.00"},
		{"CPMTN0", Terms, "fdm+45"}, {"CNOURR", Kind, "consumer"}, {"CNOURR", Terms, "0"},
		{"CRIJK0", Country, "BE"}, {"CRIJK0", Lang, "en"},
		{"CRIJK0", Terms, "30fdm"}, {"CSCOL0", Kind, "public"}, {"CLUXEM", Terms, "30"}, {"CLUXEM", Country, "LU"},
		{"CEPICE", Name, "ÉPICERIE FINE DU FORUM"}, {"CMOURL", Kind, "business"},
	} {
		if got := value(t, byID[c.id], c.f); got != c.value {
			t.Errorf("%s %s = %q, want %q", c.id, c.f, got, c.value)
		}
	}
	if v := value(t, byID["CPERUZ"], SIRET); len(v) != 9 || !ledger.ValidSIREN(v) {
		t.Errorf("CPERUZ: a SIREN in the SIRET column: %q", v)
	}
	if _, ok := byID["CMARTI"].Cell(Country); ok {
		t.Error("an empty cell gave a value")
	}
}

// The XLSX version holds the same customers as the CSV (UPDATE_TESTDATA=1 writes it
// from the CSV with excelize, credit limits and SIRETs as numbers, as a spreadsheet
// keeps them).
func TestSampleXLSX(t *testing.T) {
	csvSheet, err := Open(sampleCSV, generic())
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("UPDATE_TESTDATA") == "1" {
		writeXLSX(t, csvSheet, sampleXLSX)
	}
	sh, err := Open(sampleXLSX, generic())
	if err != nil {
		t.Fatal(err)
	}
	want, _ := readRows(t, csvSheet)
	got, rep := readRows(t, sh)
	if rep.Worst() != report.Info || len(got) != len(want) {
		t.Fatalf("%d rows (want %d), findings %v", len(got), len(want), rep.Issues())
	}
	for i := range want {
		for _, c := range want[i].Cells {
			if g, _ := got[i].Cell(c.Field); g.Value != c.Value {
				t.Errorf("%s %s: xlsx %q, csv %q", want[i].ID, c.Field, g.Value, c.Value)
			}
		}
		if len(got[i].Cells) != len(want[i].Cells) || got[i].Line != want[i].Line {
			t.Errorf("%s: %d cells line %d, want %d line %d", want[i].ID, len(got[i].Cells), got[i].Line, len(want[i].Cells), want[i].Line)
		}
	}
}

func writeXLSX(t *testing.T, sh *Sheet, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Clients"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	siret, limit := sh.Columns[SIRET], sh.Columns[Limit]
	for ri, row := range sh.Table.Rows {
		vals := make([]any, len(row.Cells))
		for ci, c := range row.Cells {
			vals[ci] = c.Text
			digitsOnly := strings.NewReplacer(" ", "", ",", ".").Replace(c.Text)
			if n, err := strconv.ParseFloat(digitsOnly, 64); err == nil && ri > 0 && ((ci == siret && len(digitsOnly) == 14) || ci == limit) {
				vals[ci] = n
			}
		}
		if err := f.SetSheetRow(sheet, "A"+strconv.Itoa(ri+1), &vals); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func TestSynonymsAndExplicitColumns(t *testing.T) {
	head := "N° client;Nom;Adresse;Complément d'adresse;CP;Localité;Courriel;Tél.;Interlocuteur;SIREN;TVA intracommunautaire;" +
		"Mode de règlement;Encours autorisé;Représentant;Type client;Langue;Observations\n"
	row := "411DUP;Dupont SA;1 rue A;Bât B;69003;Lyon;a@b.fr;0102030405;Jean;732829320;FR44732829320;30J;1 000;JD;pro;fr;x\n"
	sh, err := Read(strings.NewReader("Liste des clients\n\n"+head+row), "c.csv", generic())
	if err != nil {
		t.Fatal(err)
	}
	want := []tabular.Field{ID, Name, Address1, Address2, Postcode, City, Email, Phone, Contact, SIREN, VAT, Terms, Limit,
		Salesperson, Kind, Lang, Notes}
	for i, f := range want {
		if sh.Columns[f] != i {
			t.Errorf("%s → column %d, want %d", f, sh.Columns[f], i)
		}
	}
	if n := sh.Table.Rows[sh.Header].N; n != 3 {
		t.Errorf("header on line %d, want 3 (after a title and a blank line)", n)
	}
	rows, rep := readRows(t, sh)
	if len(rows) != 1 || rows[0].Line != 4 || rep.Worst() != report.Info || value(t, rows[0], Limit) != "1000.00" {
		t.Fatalf("%+v %v", rows, rep.Issues())
	}
	// Explicit columns: a letter, a number, a header text; one missing is fatal.
	m := tabular.Mapping{Name: "mine", Columns: map[tabular.Field]string{Name: "$G", Email: "#2", Phone: "CP"}}
	sh.Remap(m)
	if sh.Columns[Name] != 6 || sh.Columns[Email] != 1 || sh.Columns[Phone] != 4 {
		t.Errorf("explicit columns %v", sh.Columns)
	}
	// NoColumn: the field is not taken from the file, not even by its header.
	sh.Remap(tabular.Mapping{Columns: map[tabular.Field]string{Email: tabular.NoColumn, Contact: "-"}})
	if _, ok := sh.Columns[Email]; ok || len(sh.Columns) != len(want)-2 {
		t.Errorf("no column for the e-mail: %v", sh.Columns)
	}
	if rows, rep := readRows(t, sh); len(rows) != 1 || rep.Worst() != report.Info {
		t.Errorf("%v %v", rows, rep.Issues())
	}
	sh.Remap(tabular.Mapping{Name: "mine", Columns: map[tabular.Field]string{Email: "Courriel2", Phone: "$AZ"}})
	rows, rep = readRows(t, sh)
	issues := rep.Issues()
	if rows != nil || len(issues) != 2 || issues[0].Key != "import.issue.mapcolumn" || issues[0].Field != "email" ||
		issues[0].Value != "Courriel2" || issues[1].Field != "phone" || issues[1].Value != "$AZ" {
		t.Errorf("missing columns: %v", issues)
	}
	// No code column: the whole file is refused.
	sh, _ = Read(strings.NewReader("Nom;Ville\nA;B\n"), "c.csv", generic())
	if rows, rep := readRows(t, sh); rows != nil || rep.Worst() != report.Fatal || rep.Issues()[0].Key != "custfile.issue.noheader" {
		t.Errorf("no code column: %v", rep.Issues())
	}
}

// Every cell that cannot be read is named by line, column and value; the other rows
// and cells are still read, so that one run lists every problem.
func TestRowProblems(t *testing.T) {
	data := "Code;Nom;Pays;Catégorie;Conditions;Plafond;Langue\n" +
		"C1;Un;Atlantide;VIP;30 jours fin de mois le 10;beaucoup;klingon\n" +
		";Sans code;;;;;\n" +
		"C2;Deux;France;particulier;comptant;-5;fr\n" +
		"C1;Doublon;;;;;\n" +
		"\n" +
		"C3;Trois;;collectivité territoriale;;;\n"
	sh, err := Read(strings.NewReader(data), "pb.csv", generic())
	if err != nil {
		t.Fatal(err)
	}
	rows, rep := readRows(t, sh)
	type pb struct {
		key    string
		line   int
		column string
		value  string
	}
	want := []pb{
		{"custfile.issue.country", 2, "Pays", "Atlantide"}, {"err.terms_text", 2, "Conditions", "30 jours fin de mois le 10"},
		{"cust.err.limit", 2, "Plafond", "beaucoup"}, {"custfile.issue.kind", 2, "Catégorie", "VIP"},
		{"cust.err.lang", 2, "Langue", "klingon"}, {"custfile.issue.noid", 3, "Code", "Sans code"},
		{"cust.err.limit", 4, "Plafond", "-5"}, {"custfile.issue.duplicate", 5, "Code", "C1"},
	}
	got := rep.Issues()
	if len(got) != len(want) {
		t.Fatalf("%d problems, want %d: %v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Key != w.key || g.Line != w.line || g.Field != w.column || g.Value != w.value || g.File != "pb.csv" {
			t.Errorf("problem %d: %+v, want %+v", i, g, w)
		}
	}
	if msg := got[7].Problem().Localize("fr"); !strings.Contains(msg, "ligne 2") {
		t.Errorf("the duplicate does not name the first line: %s", msg)
	}
	if len(rows) != 3 || rows[2].ID != "C3" || value(t, rows[2], Kind) != "public" || value(t, rows[1], Kind) != "consumer" {
		t.Errorf("rows %+v", rows)
	}
}

func TestValues(t *testing.T) {
	for in, want := range map[string]string{"France": "FR", "belgique": "BE", "Royaume-Uni": "GB", "UK": "GB", "de": "DE",
		"CHE": "CH", "": ""} {
		if got, ok := countryCode(in); !ok || got != want {
			t.Errorf("countryCode(%q) = %q %v", in, got, ok)
		}
	}
	for in, want := range map[string]ledger.CustomerKind{"Entreprise": ledger.Business, "Société": ledger.Business,
		"professionnel": ledger.Business, "B2B": ledger.Business, "Particulier": ledger.Consumer, "consommateur": ledger.Consumer,
		"Administration": ledger.PublicBody, "Collectivité locale": ledger.PublicBody, "public": ledger.PublicBody,
		"Établissement public": ledger.PublicBody} {
		if got, ok := kindOf(in); !ok || got != want {
			t.Errorf("kindOf(%q) = %v %v", in, got, ok)
		}
	}
	for in, want := range map[string]string{"Français": "fr", "FR": "fr", "anglais": "en", "English": "en"} {
		if got, ok := langOf(in); !ok || got != want {
			t.Errorf("langOf(%q) = %q %v", in, got, ok)
		}
	}
	for in, want := range map[string]ledger.Cents{"15 000,00 €": 1500000, "7500": 750000, "1,234.50": 123450, "EUR 300": 30000} {
		if got, ok := amount(in, false); !ok || got != want {
			t.Errorf("amount(%q) = %v %v", in, got, ok)
		}
	}
	if plainNumber("7.3282932000074E13") != "73282932000074" || plainNumber("1000") != "1000" {
		t.Error("plainNumber")
	}
	// A spreadsheet's number drops a French postcode's or phone's leading zero: put back.
	if v, _ := normalise(Postcode, "1000", true, true); v != "01000" {
		t.Errorf("postcode %q", v)
	}
	if v, _ := normalise(Postcode, "1000", true, false); v != "1000" {
		t.Errorf("Belgian postcode %q", v)
	}
	if v, _ := normalise(Phone, "612345678", true, true); v != "0612345678" {
		t.Errorf("phone %q", v)
	}
	if f, ok := ParseField("Address1"); !ok || f != Address1 {
		t.Error("ParseField")
	}
	for _, f := range Fields() {
		for _, lang := range []string{"fr", "en"} {
			if l := FieldLabel(lang, string(f)); l == "" || strings.HasPrefix(l, "custfile.") {
				t.Errorf("field %s has no %s label", f, lang)
			}
		}
	}
}

// The civility and governing law columns, found by their French or English header:
// a civility is read as the record form takes it (desk checks it), a company's legal
// form in a "Titre" column is no civility; a law is read as a country code from a code,
// a country or the law's own name, and a law it does not know is named by line, column
// and value.
func TestCivilityAndLaw(t *testing.T) {
	for _, head := range []string{"Code;Nom;Civilité;Loi applicable", "Code;Nom;CIVILITE;DROIT APPLICABLE", "Code;Nom;Titre;Loi",
		"Code;Nom;Civility;Governing law", "Code;Nom;Title;Law"} {
		sh, err := Read(strings.NewReader(head+"\nC1;Un;Mme;GB\n"), "c.csv", generic())
		if err != nil {
			t.Fatal(err)
		}
		if sh.Columns[Civility] != 2 || sh.Columns[Law] != 3 {
			t.Errorf("%s: columns %v", head, sh.Columns)
		}
	}
	data := "Code;Nom;Civilité;Loi applicable\n" +
		"C1;Anne Roux;Mme;France\n" +
		"C2;Paul Roux;M.;droit anglais\n" +
		"C3;Roux SARL;SARL;GB\n" +
		"C4;Whitfield Ltd;;English law\n" +
		"C5;Lux SA;;Luxembourg\n" +
		"C6;Atlantis;Mme;droit atlante\n"
	sh, err := Read(strings.NewReader(data), "loi.csv", generic())
	if err != nil {
		t.Fatal(err)
	}
	rows, rep := readRows(t, sh)
	if len(rows) != 6 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, c := range []struct {
		row      int
		f        tabular.Field
		value    string
		nonEmpty bool
	}{
		{0, Civility, "Mme", true}, {0, Law, "FR", true}, {1, Civility, "M.", true}, {1, Law, "GB", true},
		{2, Civility, "", true}, {2, Law, "GB", true}, {3, Civility, "", false}, {3, Law, "GB", true}, {4, Law, "LU", true},
		{5, Civility, "Mme", true},
	} {
		cell, ok := rows[c.row].Cell(c.f)
		if ok != c.nonEmpty || cell.Value != c.value {
			t.Errorf("%s %s = %q (%v), want %q", rows[c.row].ID, c.f, cell.Value, ok, c.value)
		}
	}
	if _, ok := rows[5].Cell(Law); ok {
		t.Error("an unknown law gave a value")
	}
	got := rep.Issues()
	if len(got) != 1 || got[0].Key != "cust.err.law" || got[0].Line != 7 || got[0].Field != "Loi applicable" || got[0].Value != "droit atlante" || got[0].File != "loi.csv" {
		t.Fatalf("problems %v", got)
	}
	if msg := got[0].Localize("fr"); !strings.Contains(msg, "droit atlante") || !strings.Contains(msg, "loi.csv") || !strings.Contains(msg, "7") {
		t.Errorf("message %s", msg)
	}
	for in, want := range map[string]string{"GB": "GB", "gb": "GB", "UK": "GB", "Royaume-Uni": "GB", "Droit du Royaume-Uni": "GB",
		"Loi anglaise": "GB", "English law": "GB", "Laws of England and Wales": "", "FR": "FR", "Droit français": "FR",
		"French law": "FR", "Allemagne": "DE", "droit allemand": "DE", "DE": "DE", "": ""} {
		got, ok := lawCode(in)
		if want == "" && in != "" {
			if ok {
				t.Errorf("lawCode(%q) = %q, want refused", in, got)
			}
			continue
		}
		if !ok || got != want {
			t.Errorf("lawCode(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	if _, err := Read(bytes.NewReader([]byte{0xff, 0xfe, 'a', 0}), "u16.csv", generic()); err == nil || !strings.Contains(err.Error(), "UTF-16") {
		t.Errorf("UTF-16: %v", err)
	}
	if _, err := Read(strings.NewReader("Code;Nom\n\"C1;x\n"), "q.csv", generic()); err == nil {
		t.Error("an unclosed quote was accepted")
	}
	m := generic()
	m.Sheet = "Nope"
	if _, err := Open(sampleXLSX, m); err == nil || !strings.Contains(ledger.Localize(err, "fr"), "Nope") {
		t.Errorf("missing sheet: %v", err)
	}
}
