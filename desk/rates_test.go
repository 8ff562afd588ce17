package desk_test

import (
	"errors"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
)

// A rates file is imported all or nothing: one bad line and the dossier is unchanged;
// the good file's half-years are recorded, dated, and the missing rates go.
func TestImportRatesAllOrNothing(t *testing.T) {
	s := newImportDossier(t, "acme.db")
	today := ledger.NewDate(2026, 7, 3)
	h2 := law.Half{Year: 2026, H: 2}
	if h, missing := s.MissingRates(ledger.NewDate(2026, 9, 1)); h != h2 || len(missing) != 2 {
		t.Fatalf("a new dossier in 2026-H2 misses %v for %s", missing, h)
	}
	bad := "half,private_pct,other_pct,source\n2026-H2,6.80,3.05,ok\n2027-H1,6.9,abc,x\n"
	imp, err := s.ImportRates("taux.csv", strings.NewReader(bad), false, today)
	if !errors.Is(err, &ledger.Problem{Key: "rates.err.import.refused"}) || imp == nil || len(imp.Problems) != 1 {
		t.Fatalf("bad file: %v %+v", err, imp)
	}
	if rec, err := s.HalfYearRates(); err != nil || len(rec) != 0 {
		t.Fatalf("a refused file wrote %+v (%v)", rec, err)
	}
	good := "half;private_pct;other_pct;source\n2026-S2;6,80;3,05;arrêté du 18 juin 2026\n"
	if _, err := s.ImportRates("taux.csv", strings.NewReader(good), false, today); err != nil {
		t.Fatal(err)
	}
	ecb := "date,rate_pct,kind\n2026-07-01,2.15,known\n"
	if _, err := s.ImportRates("bce.csv", strings.NewReader(ecb), false, today); err != nil {
		t.Fatal(err)
	}
	rec, err := s.HalfYearRates()
	if err != nil || len(rec) != 1 {
		t.Fatalf("recorded %+v %v", rec, err)
	}
	if x := rec[0]; x.Half != h2 || !x.ECB.Valid || !x.LegalOther.Valid || x.Entered != today ||
		x.Source != "arrêté du 18 juin 2026 ; bce.csv:2" {
		t.Errorf("recorded %+v", x)
	}
	s2, err := desk.Load(s.DB, s.Path)
	if err != nil {
		t.Fatal(err)
	}
	if _, missing := s2.MissingRates(ledger.NewDate(2026, 9, 1)); len(missing) != 0 {
		t.Errorf("still missing %v", missing)
	}
	// The same file again changes nothing; one that contradicts is refused, then
	// accepted with replace.
	imp, err = s.ImportRates("bce.csv", strings.NewReader(ecb), false, today)
	if err != nil || len(imp.Unchanged) != 1 || len(imp.Records) != 0 {
		t.Errorf("again: %v %+v", err, imp)
	}
	other := "date,rate_pct,kind\n2026-06-11,2.40,change\n2026-07-01,2.40,known\n"
	if _, err := s.ImportRates("bce2.csv", strings.NewReader(other), false, today); err == nil {
		t.Error("a contradicting file was accepted without replace")
	}
	if _, err := s.ImportRates("bce2.csv", strings.NewReader(other), true, today); err != nil {
		t.Error(err)
	}
	if err := s.AddHalfYearRates(law.HalfYearRates{Half: h2, ECB: rec[0].ECB}, today, false); !errors.Is(err, &ledger.Problem{Key: "law.err.half_recorded"}) {
		t.Errorf("add over a recorded half-year: %v", err)
	}
}
