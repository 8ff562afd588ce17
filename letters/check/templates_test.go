package check

import (
	"testing"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/law"
	"relance/letters/compose"
	"relance/letters/templates"
)

// TestShippedTemplatesCheckClean composes every shipped template of the reminder
// ladder for demo customers (a business, a consumer) and checks the letter at its own
// stage: no blocking or error finding is allowed.
func TestShippedTemplatesCheckClean(t *testing.T) {
	e := engine(t)
	today := ledger.NewDate(2026, 11, 23)
	book := demo.Book(today)
	rates := testRates(t)
	stages := map[templates.Stage]Stage{templates.Pre: StagePre, templates.R1: StageR1, templates.R2: StageR2,
		templates.R3: StageR3, templates.MED: StageMED, templates.Conf: StageConf}
	// a customer with an overdue invoice and one with an invoice not yet due, per kind
	pick := func(kind ledger.CustomerKind, overdue bool) *ledger.Account {
		for _, a := range book.Accounts {
			if a.Customer.Kind != kind {
				continue
			}
			for _, it := range a.Items {
				if it.Kind == ledger.Invoice && it.Open > 0 && it.OverdueAt(today) == overdue && it.Number != "" {
					return a
				}
			}
		}
		return nil
	}
	checked := 0
	for _, kind := range []ledger.CustomerKind{ledger.Business, ledger.Consumer, ledger.PublicBody} {
		for ts, st := range stages {
			acc := pick(kind, ts != templates.Pre)
			if acc == nil {
				t.Fatalf("no demo customer of kind %s for %s", kind, ts)
			}
			for _, lang := range []string{"fr", "en"} {
				in := compose.Input{Settings: book.Settings, Account: acc, Stage: ts, Lang: lang, Date: today, Rates: rates}
				if ts == templates.Conf {
					in.Promise = &compose.Promise{Amount: acc.Balance(), Date: today.AddDays(10)}
				}
				if ts == templates.R2 || ts == templates.R3 || ts == templates.MED {
					in.Previous = []compose.Previous{{Date: today.AddDays(-20), Stage: templates.R1}}
				}
				l, err := compose.Compose(in)
				if err != nil {
					t.Errorf("%s %s %s: compose: %v", acc.Customer.ID, ts, lang, err)
					continue
				}
				text := l.PlainText()
				res := e.Check(text, Options{Lang: lang, Stage: st, Audience: AudienceOf(kind), Date: today})
				checked++
				for _, f := range res.Findings {
					if f.Severity >= Error {
						span := ""
						if f.Start >= 0 {
							span = string([]rune(text)[f.Start:f.End])
						}
						t.Errorf("%s %s %s: %s %s %q: %s\n%s", acc.Customer.ID, ts, lang, f.Severity, f.Rule, span, f.Message, text)
					}
				}
			}
		}
	}
	t.Logf("%d composed letters checked", checked)
}

// testRates adds the 2026-H2 rates to the embedded tables (as the compose tests do).
func testRates(t *testing.T) *law.Rates {
	base, err := law.DefaultRates()
	if err != nil {
		t.Fatal(err)
	}
	nd := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.RequireFromString(s)) }
	r, err := base.With(law.HalfYearRates{Half: law.Half{Year: 2026, H: 2}, ECB: nd("2.15"), LegalPrivate: nd("6.67"),
		LegalOther: nd("2.62"), UKBase: nd("3.75")})
	if err != nil {
		t.Fatal(err)
	}
	return r
}
