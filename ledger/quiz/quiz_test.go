package quiz

import (
	"strings"
	"testing"

	"relance/assets/i18n"
	"relance/ledger/law"
)

func bank(t *testing.T) *Bank {
	t.Helper()
	r, err := law.DefaultRates()
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewBank(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWorkedExamples checks the engine-computed answers against hand computations.
func TestWorkedExamples(t *testing.T) {
	b := bank(t)
	for _, c := range []struct{ id, fr, en string }{
		// 12 000 € × (ECB 2,15 % + 10) × 60 days (16/03–14/05) / 365 = 239,67 €
		{"legal-1", "239,67", "239.67"},
		{"legal-2", "40", "40.00"}, // C. com. D441-5
		// 8 400 € × 12 % × 30 days (01/02–02/03) / 365 = 82,85 €
		{"legal-3", "82,85 €", "82.85"},
		// 214 000 / 390 000 × 90 = 49,38 days → 49
		{"dashboard-1", "49", "49 days"},
		// 30 + 31 + 10 000 / 50 000 × 30 = 67 days
		{"dashboard-2", "67 jours", "67"},
		// 42 300 / 188 000 × 100 = 22,5 %
		{"dashboard-3", "22,5 %", "22.5%"},
		{"dashboard-4", "5", "5.0"},
		{"prevent-1", "30/04/2027", "2027-04-30"},    // C. com. L110-4: 5 years
		{"prevent-2", "15/09/2027", "15/09/2027"},    // C. consom. L218-2: 2 years
		{"prevent-3", "12/06/2029", "2029-06-12"},    // C. civ. 2240, 2231
		{"categories-2", "31/12/2027", "2027-12-31"}, // loi 68-1250: 1/1/2024 + 4 years
		{"insolvency-1", "16/12/2026", "2026-12-16"}, // 2 months
		{"insolvency-2", "16/01/2027", "2027-01-16"}, // 3 months
		{"insolvency-3", "16/02/2027", "16/02/2027"}, // 4 months abroad
		{"phone-1", "1", "1."},
	} {
		for lang, ans := range map[string]string{"fr": c.fr, "en": c.en} {
			res, err := b.Score(lang, []Given{{ID: c.id, Answer: ans}})
			if err != nil {
				t.Fatal(err)
			}
			if !res.Lines[0].OK {
				t.Errorf("%s (%s): %q refused, right answer %q", c.id, lang, ans, res.Lines[0].Right)
			}
		}
	}
}

func TestWrongAndUnreadable(t *testing.T) {
	b := bank(t)
	res, err := b.Score("fr", []Given{{"legal-1", "239,68"}, {"prevent-1", "demain"}, {"phone-1", "2"},
		{"dashboard-1", ""}, {"diagnose-1", "3"}, {"diagnose-1", "1"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Score != 0 || res.OutOf != 5 {
		t.Errorf("score %d/%d, want 0/5 (a question answered twice counts once, the last answer)", res.Score, res.OutOf)
	}
	if res.On20().String() != "0" {
		t.Errorf("on 20: %s", res.On20())
	}
	_, err = b.Score("fr", []Given{{"nope-9", "1"}})
	if err == nil || !strings.Contains(err.Error(), "nope-9") {
		t.Errorf("unknown question: %v", err)
	}
	if _, err := b.Score("fr", nil); err == nil {
		t.Error("no answers accepted")
	}
}

func TestBankCoversEveryModuleInBothLanguages(t *testing.T) {
	b := bank(t)
	if b.Len() < 30 {
		t.Errorf("%d questions, want at least 30", b.Len())
	}
	for _, m := range Modules() {
		for _, lang := range i18n.Languages {
			qs := b.Questions(lang, m)
			if len(qs) == 0 {
				t.Errorf("module %s has no question", m)
			}
			if !i18n.Has(lang, "quiz.module."+m) {
				t.Errorf("module %s has no name in %s", m, lang)
			}
			for _, q := range qs {
				if !i18n.Has(lang, "quiz.q."+q.ID) || strings.Contains(q.Text, "{") {
					t.Errorf("%s %s: text %q", lang, q.ID, q.Text)
				}
				for i, c := range q.Choices {
					if c == "" || strings.HasPrefix(c, "quiz.") {
						t.Errorf("%s %s: choice %d is %q", lang, q.ID, i+1, c)
					}
				}
				if q.Kind == Choice && len(q.Choices) < 3 {
					t.Errorf("%s: %d choices", q.ID, len(q.Choices))
				}
			}
		}
	}
	// no ISO date in a French question
	for _, q := range b.Questions("fr", "") {
		if strings.Contains(q.Text, "-20") || strings.Contains(q.Text, "2026-") {
			t.Errorf("%s: ISO date in %q", q.ID, q.Text)
		}
	}
}

func TestDraw(t *testing.T) {
	b := bank(t)
	a, err := b.Draw("fr", "all", 10, 7)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := b.Draw("fr", "all", 10, 7)
	if len(a) != 10 || a[0].ID != c[0].ID || a[9].ID != c[9].ID {
		t.Errorf("the same seed must draw the same quiz: %v / %v", a[0].ID, c[0].ID)
	}
	d, _ := b.Draw("en", "dashboard", 0, 1)
	if len(d) != 4 {
		t.Errorf("dashboard: %d questions", len(d))
	}
	if _, err := b.Draw("fr", "astrology", 3, 1); err == nil || !strings.Contains(err.Error(), "astrology") {
		t.Errorf("unknown module: %v", err)
	}
	if _, err := b.Draw("fr", "all", -1, 1); err == nil {
		t.Error("negative n accepted")
	}
}

func TestReadNumber(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		{"fr", "1 234,56 €", "1234.56"}, {"fr", "1234.56", "1234.56"}, {"fr", "1.234,5", "1234.5"},
		{"en", "€1,234.56", "1234.56"}, {"en", "1,234", "1234"}, {"en", "22,5", "22.5"}, {"fr", "49 j", "49"},
	} {
		d, ok := readNumber(c.lang, c.in)
		if !ok || d.String() != c.want {
			t.Errorf("%s %q: %v %v, want %s", c.lang, c.in, d, ok, c.want)
		}
	}
}
