package letterpdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/law"
	"relance/letters/compose"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// The formal notice's décompte annex marks a rate entered in the dossier and says when
// and from what source (French dates in a French letter), or that the demo's rate is
// assumed.
func TestAnnexSaysWhereTheRateComesFrom(t *testing.T) {
	book := demo.Book(today)
	base, err := law.DefaultRates()
	if err != nil {
		t.Fatal(err)
	}
	nd := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.RequireFromString(s)) }
	h2 := law.HalfYearRates{Half: law.Half{Year: 2026, H: 2}, ECB: nd("2.15"), LegalPrivate: nd("6.80"), LegalOther: nd("3.05"),
		UKBase: nd("3.75"), Source: "arrêté du 18 juin 2026, JORF 26/06/2026", Entered: ledger.NewDate(2026, 7, 3)}
	assumed := h2
	assumed.Source, assumed.Assumed = "", true
	for _, c := range []struct {
		name string
		x    law.HalfYearRates
		lang string
		want string
	}{
		{"entered", h2, "fr", "† taux BCE du 2nd semestre 2026 (2,15 %) : taux saisi le 03/07/2026 — source : arrêté du 18 juin 2026, JORF 26/06/2026."},
		{"entered.en", h2, "en", "† ECB rate for the second half of 2026 (2.15%): rate entered on 2026-07-03 — source: arrêté du 18 juin 2026, JORF 26/06/2026."},
		{"assumed", assumed, "fr", "† taux BCE du 2nd semestre 2026 (2,15 %) : taux supposé inchangé (démonstration), saisi le 03/07/2026 — ce n'est pas un taux publié."},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := base.With(c.x)
			if err != nil {
				t.Fatal(err)
			}
			in := input(t, book, "C00030", templates.MED, c.lang)
			in.Rates = r
			l, err := compose.Compose(in)
			if err != nil {
				t.Fatal(ledger.Localize(err, "en"))
			}
			if l.Decompte == nil {
				t.Fatal("no décompte annexed to the formal notice")
			}
			var buf bytes.Buffer
			if err := Render(&buf, l, Options{Factory: pdfdoc.NewFactory()}); err != nil {
				t.Fatal(err)
			}
			flat := strings.Join(strings.Fields(pdfText(t, buf.Bytes())), " ")
			if !strings.Contains(flat, c.want) {
				t.Errorf("the annex lacks %q:\n%s", c.want, flat)
			}
			if !strings.Contains(flat, "†") || !strings.Contains(l.PlainText(), c.want) {
				t.Errorf("no mark on the line, or the letter's text lacks the mention:\n%s", l.PlainText())
			}
		})
	}
}
