package law

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readFile reads a rates file of testdata/rates.
func readFile(t *testing.T, name string) *RatesImport {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "rates", name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	imp, err := ReadRatesFile(path, f)
	if err != nil {
		t.Fatal(err)
	}
	return imp
}

func readText(t *testing.T, name, text string) *RatesImport {
	t.Helper()
	imp, err := ReadRatesFile(name, strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return imp
}

// The three formats of assets/rates: rows the shipped tables hold are skipped and
// counted, the others become half-years, with their source.
func TestReadRatesFiles(t *testing.T) {
	h2 := Half{2026, 2}
	entered := day("2026-07-03")

	legal := readFile(t, "taux-2026-S2.csv")
	legal.Merge(nil, false, entered)
	if legal.Kind != RatesFileLegal || legal.Rows != 2 || legal.Skipped != 1 || len(legal.Problems) != 0 ||
		len(legal.Added) != 1 || legal.Added[0] != h2 || len(legal.Records) != 1 {
		t.Fatalf("legal file: %+v", legal)
	}
	x := legal.Records[0]
	if !x.LegalPrivate.Decimal.Equal(dec("6.80")) || !x.LegalOther.Decimal.Equal(dec("3.05")) || x.ECB.Valid ||
		x.Source != "arrêté du 18 juin 2026, JORF 26/06/2026 (exemple)" || x.Entered != entered {
		t.Errorf("legal record %+v", x)
	}

	ecb := readFile(t, "bce-2026.csv") // ';' separator, decimal comma, a French date
	ecb.Merge(nil, false, entered)
	if ecb.Kind != RatesFileECB || ecb.Skipped != 2 || len(ecb.Problems) != 0 || len(ecb.Records) != 1 {
		t.Fatalf("ECB file: %+v", ecb)
	}
	if x := ecb.Records[0]; x.Half != h2 || !x.ECB.Decimal.Equal(dec("2.40")) || x.Source != "bce-2026.csv:8" {
		t.Errorf("ECB record %+v", x)
	}

	uk := readFile(t, "boe-2026.csv")
	uk.Merge(nil, false, entered)
	if uk.Kind != RatesFileUK || uk.Skipped != 1 || len(uk.Records) != 1 || uk.Records[0].Half != h2 ||
		!uk.Records[0].UKBase.Decimal.Equal(dec("3.50")) {
		t.Fatalf("BoE file: %+v", uk)
	}

	// The rates are accepted by the tables and answer for 2026-H2.
	r, err := mustRates(t).With(mergeRecords(legal.Records, ecb.Records, uk.Records)...)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := r.B2BDefaultRate(h2); err != nil || !got.Rate.Equal(dec("12.40")) || got.Entry == nil {
		t.Errorf("B2B 2026-H2: %+v %v", got, err)
	}

	// An ECB change after the table, with no row on the half-year's first day: the
	// rate held since the table's end.
	later := readText(t, "bce.csv", "date,rate_pct,kind\n2026-09-10,2.40,change\n")
	later.Merge(nil, false, entered)
	if len(later.Records) != 1 || !later.Records[0].ECB.Decimal.Equal(dec("2.15")) || later.Records[0].Source != "bce.csv:2" {
		t.Errorf("a change after 1 July: %+v", later.Records)
	}
	// Semicolons and decimal commas in a legal file; a row before the tables ignored.
	semi := readText(t, "legal.csv", "# c\nHALF;Private_pct;other_pct\n2010-H1;0,65;0,65\n2026-S2;6,80 %;3,05\n")
	semi.Merge(nil, false, entered)
	if semi.Ignored != 1 || len(semi.Records) != 1 || !semi.Records[0].LegalOther.Decimal.Equal(dec("3.05")) ||
		semi.Records[0].Source != "legal.csv:4" || len(semi.Problems) != 0 {
		t.Errorf("semicolons: %+v", semi)
	}
}

// mergeRecords joins the records of several imports of different tables by half-year.
func mergeRecords(sets ...[]HalfYearRates) []HalfYearRates {
	by := map[Half]HalfYearRates{}
	var order []Half
	for _, set := range sets {
		for _, x := range set {
			old, ok := by[x.Half]
			if !ok {
				order = append(order, x.Half)
				by[x.Half] = x
				continue
			}
			m, _, _ := mergeHalf(old, x)
			by[x.Half] = m
		}
	}
	out := make([]HalfYearRates, len(order))
	for i, h := range order {
		out[i] = by[h]
	}
	return out
}

// Every bad line is refused with a message naming the file, the line, the field and
// the value, in the user's language.
func TestReadRatesFileProblems(t *testing.T) {
	cases := []struct {
		file, text, key string
		want            []string // in the French message
	}{
		{file: "bad/semestre-invalide.csv", key: "rates.err.import.half", want: []string{"semestre-invalide.csv", "ligne 3", "half", "2026-H3"}},
		{file: "bad/taux-invalide.csv", key: "rates.err.import.rate", want: []string{"taux-invalide.csv", "ligne 2", "other_pct", "3.0x5"}},
		{file: "bad/colonne-manquante.csv", key: "rates.err.import.missing", want: []string{"colonne-manquante.csv", "ligne 2", "other_pct"}},
		{file: "bad/entete-inconnu.csv", key: "rates.err.import.header", want: []string{"entete-inconnu.csv", "ligne 1", "semestre,taux_particulier,taux_autres"}},
		{file: "bad/contredit-publie.csv", key: "rates.err.import.contradicts", want: []string{"contredit-publie.csv", "ligne 4", "private_pct", "6.70 %", "6.67 %", "2026-H1"}},
		{file: "bad/jour-reference.csv", key: "rates.err.import.refday", want: []string{"jour-reference.csv", "ligne 2", "date", "2026-05-15"}},
		{file: "kind.csv", text: "date,rate_pct,kind\n2026-07-01,2.15,hausse\n", key: "rates.err.import.kind", want: []string{"kind.csv", "ligne 2", "kind", "hausse"}},
		{file: "order.csv", text: "date,rate_pct,kind\n2026-07-01,2.15,known\n2026-03-01,2.15,change\n", key: "rates.err.import.order", want: []string{"ligne 3", "date", "2026-03-01", "2026-07-01"}},
		{file: "known.csv", text: "date,rate_pct,kind\n2026-07-01,2.40,known\n", key: "rates.err.import.known", want: []string{"ligne 2", "rate_pct", "2.40 %", "2.15 %"}},
		{file: "twice.csv", text: "half,private_pct,other_pct\n2026-H2,6.8,3.05\n2026-S2,6.8,3.05\n", key: "rates.err.import.twice", want: []string{"ligne 3", "half", "2026-H2", "ligne 2"}},
		{file: "date.csv", text: "date,base_pct\n31/13/2026,3.5\n", key: "rates.err.import.date", want: []string{"ligne 2", "date", "31/13/2026"}},
		{file: "empty.csv", text: "# nothing\nhalf,private_pct,other_pct,source\n", key: "rates.err.import.empty", want: []string{"empty.csv"}},
	}
	for _, c := range cases {
		var imp *RatesImport
		if c.text != "" {
			imp = readText(t, c.file, c.text)
		} else {
			imp = readFile(t, c.file)
		}
		imp.Merge(nil, false, day("2026-07-03"))
		if len(imp.Problems) != 1 || imp.Problems[0].Problem.Key != c.key {
			t.Errorf("%s: problems %+v, want one %s", c.file, imp.Problems, c.key)
			continue
		}
		msg := imp.Problems[0].Problem.Localize("fr")
		for _, w := range c.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: %q lacks %q", c.file, msg, w)
			}
		}
		if en := imp.Problems[0].Problem.Localize("en"); !strings.Contains(en, filepath.Base(c.file)) {
			t.Errorf("%s: English %q", c.file, en)
		}
		if err := imp.Refused(); err == nil {
			t.Errorf("%s: not refused", c.file)
		}
		report := strings.Join(imp.Report("fr", false), "\n")
		if !strings.Contains(report, msg) || !strings.Contains(report, "Rien n'a été enregistré") {
			t.Errorf("%s: report\n%s", c.file, report)
		}
	}
}

// Merging with the dossier: a new half-year is added, a recorded one completed with the
// file's other figures or left alone when the same; a different figure is refused
// unless replace, and so are assumed rates.
func TestMergeRatesWithDossier(t *testing.T) {
	h2 := Half{2026, 2}
	entered := day("2026-07-03")
	file := func() *RatesImport { return readFile(t, "taux-2026-S2.csv") }

	ecbOnly := HalfYearRates{Half: h2, ECB: nd("2.15"), Source: "communiqué BCE", Entered: day("2026-07-01")}
	imp := file()
	imp.Merge([]HalfYearRates{ecbOnly}, false, entered)
	if len(imp.Completed) != 1 || len(imp.Records) != 1 || len(imp.Problems) != 0 {
		t.Fatalf("completing: %+v", imp)
	}
	if x := imp.Records[0]; !x.ECB.Decimal.Equal(dec("2.15")) || !x.LegalOther.Decimal.Equal(dec("3.05")) ||
		x.Source != "communiqué BCE ; arrêté du 18 juin 2026, JORF 26/06/2026 (exemple)" || x.Entered != entered {
		t.Errorf("completed record %+v", x)
	}

	same := HalfYearRates{Half: h2, LegalPrivate: nd("6.8"), LegalOther: nd("3.05"), Source: "saisi à la main"}
	imp = file()
	imp.Merge([]HalfYearRates{same}, false, entered)
	if len(imp.Unchanged) != 1 || len(imp.Records) != 0 || len(imp.Problems) != 0 {
		t.Errorf("same figures: %+v", imp)
	}

	other := HalfYearRates{Half: h2, LegalPrivate: nd("6.8"), LegalOther: nd("3.10")}
	imp = file()
	imp.Merge([]HalfYearRates{other}, false, entered)
	if len(imp.Problems) != 1 || imp.Problems[0].Problem.Key != "rates.err.import.recorded" || !imp.OnlyConflicts() {
		t.Fatalf("conflict: %+v", imp.Problems)
	}
	msg := imp.Problems[0].Problem.Localize("fr")
	for _, w := range []string{"taux-2026-S2.csv", "ligne 7", "other_pct", "3.05 %", "3.10 %", "2026-H2", "--replace"} {
		if !strings.Contains(msg, w) {
			t.Errorf("conflict message %q lacks %q", msg, w)
		}
	}
	imp = file()
	imp.Merge([]HalfYearRates{other}, true, entered)
	if len(imp.Replaced) != 1 || len(imp.Problems) != 0 || !imp.Records[0].LegalOther.Decimal.Equal(dec("3.05")) {
		t.Errorf("replace: %+v", imp)
	}

	assumed := HalfYearRates{Half: h2, ECB: nd("2.15"), Assumed: true}
	imp = file()
	imp.Merge([]HalfYearRates{assumed}, false, entered)
	if len(imp.Problems) != 1 || imp.Problems[0].Problem.Key != "rates.err.import.assumed" {
		t.Fatalf("assumed: %+v", imp.Problems)
	}
	imp = file()
	imp.Merge([]HalfYearRates{assumed}, true, entered)
	if x := imp.Records[0]; x.Assumed || x.ECB.Valid || !x.LegalOther.Valid {
		t.Errorf("assumed replaced by the file's figures only: %+v", x)
	}
	if !strings.Contains(strings.Join(imp.Report("fr", true), "\n"), "Semestres remplacés : 2nd semestre 2026 (2026-H2)") {
		t.Errorf("report %q", imp.Report("fr", true))
	}
}
