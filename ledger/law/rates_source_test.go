package law

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

func nd(s string) decimal.NullDecimal { return decimal.NewNullDecimal(dec(s)) }

// notesText renders a décompte's notes as the documents do (FormatNote).
func notesText(d *Decompte, lang string) string {
	var out []string
	for _, n := range d.Notes {
		out = append(out, FormatNote(n, lang, d.Currency))
	}
	return strings.Join(out, "\n")
}

// A rate typed into the dossier is marked on its décompte line and named in a note:
// when it was entered and from what source, dates as the language writes them; the
// shipped tables' own rates are not marked.
func TestDecompteSaysEnteredRate(t *testing.T) {
	h2 := Half{2026, 2}
	hr, err := ParseHalfYearRates("2026-S2", "2,15", "6,80", "3,05", "", " arrêté du 18 juin 2026, JORF 26/06/2026 ")
	if err != nil {
		t.Fatal(err)
	}
	hr.Entered = day("2026-07-03")
	r, err := mustRates(t).With(hr)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Compute(r, Terms{Debtor: DebtorB2B, End: day("2026-09-30")}, Invoice{Ref: "F1", Amount: 100000, Due: day("2026-05-31")})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Lines) != 2 {
		t.Fatalf("lines %+v", d.Lines)
	}
	if e := d.Lines[0].Rate.Entry; e != nil || d.Lines[0].Rate.EntryMark() != "" {
		t.Errorf("2026-H1 is a shipped rate, marked %+v", e)
	}
	e := d.Lines[1].Rate.Entry
	if e == nil || e.Half != h2.String() || e.Kind != SourceECB || e.Entered != day("2026-07-03") ||
		e.Source != "arrêté du 18 juin 2026, JORF 26/06/2026" || e.Assumed || d.Lines[1].Rate.EntryMark() == "" {
		t.Fatalf("2026-H2 entry %+v", e)
	}
	fr := notesText(d, "fr")
	for _, want := range []string{"† taux BCE du 2nd semestre 2026 (2,15 %) : taux saisi le 03/07/2026 — source : arrêté du 18 juin 2026, JORF 26/06/2026."} {
		if !strings.Contains(fr, want) {
			t.Errorf("French notes lack %q:\n%s", want, fr)
		}
	}
	if en := notesText(d, "en"); !strings.Contains(en, "ECB rate for the second half of 2026 (2.15%): rate entered on 2026-07-03 — source: arrêté du 18 juin 2026") {
		t.Errorf("English notes:\n%s", en)
	}
	if strings.Count(fr, "†") != 1 {
		t.Errorf("one note per entered rate, got:\n%s", fr)
	}

	// A consumer's legal rate from the dossier, a record without a date (written
	// before the entry date was kept): said too, without a date.
	r2, err := mustRates(t).With(HalfYearRates{Half: h2, LegalPrivate: nd("6.80"), LegalOther: nd("3.05")})
	if err != nil {
		t.Fatal(err)
	}
	d, err = Compute(r2, Terms{Debtor: DebtorConsumer, End: day("2026-08-31"), Notice: day("2026-07-15")},
		Invoice{Ref: "F2", Amount: 50000, Due: day("2026-06-30")})
	if err != nil {
		t.Fatal(err)
	}
	if got := notesText(d, "fr"); !strings.Contains(got, "taux de l'intérêt légal du 2nd semestre 2026 (3,05 %) : taux saisi dans le dossier — source : non précisée") {
		t.Errorf("consumer notes:\n%s", got)
	}
}

// The demo's assumed rates say they are assumed, not published.
func TestDecompteSaysAssumedRate(t *testing.T) {
	r, err := mustRates(t).With(HalfYearRates{Half: Half{2026, 2}, ECB: nd("2.15"), UKBase: nd("3.75"), Assumed: true,
		Entered: day("2026-11-23")})
	if err != nil {
		t.Fatal(err)
	}
	for _, debtor := range []Debtor{DebtorB2B, DebtorUK, DebtorPublic} {
		d, err := Compute(r, Terms{Debtor: debtor, End: day("2026-11-23")}, Invoice{Ref: "F1", Amount: 100000, Due: day("2026-08-31")})
		if err != nil {
			t.Fatal(err)
		}
		if !d.Lines[0].Rate.Entry.Assumed {
			t.Errorf("%s: entry %+v", debtor, d.Lines[0].Rate.Entry)
		}
		if got := notesText(d, "fr"); !strings.Contains(got, "du 2nd semestre 2026") || !strings.Contains(got, "taux supposé inchangé (démonstration), saisi le 23/11/2026 — ce n'est pas un taux publié") {
			t.Errorf("%s notes:\n%s", debtor, got)
		}
	}
}

// The rates a computation at a date needs and the tables lack.
func TestMissingRates(t *testing.T) {
	r := mustRates(t)
	h1, h2 := Half{2026, 1}, Half{2026, 2}
	if got := r.MissingRates(h1, true); len(got) != 0 {
		t.Errorf("2026-H1 missing %v", got)
	}
	if got := r.MissingRates(h2, false); len(got) != 2 || got[0] != SourceECB || got[1] != SourceLegal {
		t.Errorf("2026-H2 missing %v", got)
	}
	if got := r.MissingRates(h2, true); len(got) != 3 || got[2] != SourceUKBase {
		t.Errorf("2026-H2 with a UK customer missing %v", got)
	}
	r2, err := r.With(HalfYearRates{Half: h2, ECB: nd("2.15")})
	if err != nil {
		t.Fatal(err)
	}
	if got := r2.MissingRates(h2, false); len(got) != 1 || got[0] != SourceLegal {
		t.Errorf("2026-H2 with its ECB rate missing %v", got)
	}
	if HalfText("fr", h2) != "2nd semestre 2026" || HalfText("en", h1) != "first half of 2026" {
		t.Errorf("half-years in words: %q %q", HalfText("fr", h2), HalfText("en", h1))
	}
}

// The source is one line of at most 200 characters.
func TestParseHalfYearRatesSource(t *testing.T) {
	for _, src := range []string{"ligne 1\nligne 2", strings.Repeat("x", 201)} {
		if _, err := ParseHalfYearRates("2026-H2", "2.15", "", "", "", src); !errors.Is(err, &ledger.Problem{Key: "rates.err.source"}) {
			t.Errorf("source %q: %v", src, err)
		}
	}
}

// The messages that refuse a computation for lack of rates name the screen and the
// command that add them, in both languages.
func TestRangeErrorsNameTheFix(t *testing.T) {
	r := mustRates(t)
	_, e1 := r.ECBRateOn(day("2026-07-01"))
	_, e2 := r.LegalRate(Half{2026, 2}, OtherCases)
	_, e3 := r.BaseRateOn(day("2026-06-30"))
	capped := Note{Key: "law.ip.note.rates_cap", Args: []string{"date", "2026-06-30", "end", "2026-11-23"}}
	for _, c := range []struct {
		lang, screen string
	}{{"fr", "Contentieux › Taux"}, {"en", "Legal › Rates"}} {
		for _, msg := range []string{ledger.Localize(e1, c.lang), ledger.Localize(e2, c.lang), ledger.Localize(e3, c.lang), FormatNote(capped, c.lang, "EUR")} {
			if !strings.Contains(msg, c.screen) || !strings.Contains(msg, "relance rates add") {
				t.Errorf("%s: %q does not name %s and relance rates add", c.lang, msg, c.screen)
			}
		}
	}
}
