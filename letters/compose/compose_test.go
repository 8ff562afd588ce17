package compose

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/law"
	"relance/letters/templates"
)

var today = ledger.NewDate(2026, 11, 23)

func rates(t *testing.T) *law.Rates {
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

func TestAudiences(t *testing.T) {
	book := demo.Book(today)
	r := rates(t)
	cases := []struct {
		customer string
		stage    templates.Stage
		lang     string
		want     []string
		not      []string
	}{
		{"C00030", templates.R2, "fr", []string{"L441-10", "12,15\u00a0%", "40\u00a0€ par facture"}, []string{"taux légal"}},
		{"C00016", templates.R2, "fr", []string{"taux légal"}, []string{"40\u00a0€", "L441-10"}},
		{"C00016", templates.MED, "fr", []string{"mise en demeure", "taux de l’intérêt légal", "1231-6", "complet paiement"}, []string{"40\u00a0€", "Annexe", "{"}},
		{"C00001", templates.R3, "fr", []string{"L2192-13", "10,15\u00a0%", "40\u00a0€"}, []string{"L441-10"}},
		{"C00006", templates.R2, "en", []string{"Late Payment of Commercial Debts", "11.75%"}, []string{"€40", "L441-10"}},
		{"C00030", templates.MED, "en", []string{"formal notice", "injonction de payer", "Registered letter", "Annex"}, []string{"{"}},
		{"C00030", templates.R1, "fr", []string{"Sauf erreur ou omission", "Objet\u00a0: Rappel", "Madame, Monsieur,", "Claire Moreau\nResponsable du recouvrement"}, []string{"L441-10"}},
	}
	for _, c := range cases {
		l, err := Compose(Input{Settings: book.Settings, Account: book.Account(c.customer), Stage: c.stage, Lang: c.lang, Date: today, Rates: r})
		if err != nil {
			t.Errorf("%s %s: %v", c.customer, c.stage, err)
			continue
		}
		text := l.PlainText()
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s %s: %q missing from\n%s", c.customer, c.stage, w, text)
			}
		}
		for _, w := range c.not {
			if strings.Contains(text, w) {
				t.Errorf("%s %s: %q present in\n%s", c.customer, c.stage, w, text)
			}
		}
	}
}

// A field without a value is an error listing every such field; the embedded rate
// tables stop at 2026-H1, so the penalty rate of 2026-H2 is one of them.
func TestMissingFields(t *testing.T) {
	book := demo.Book(today)
	s := book.Settings
	s.Signatory.Phone = ""
	_, err := Compose(Input{Settings: s, Account: book.Account("C00030"), Stage: templates.R2, Date: today})
	var p *ledger.Problem
	if !errors.As(err, &p) || p.Key != "letters.err.missing" {
		t.Fatalf("got %v", err)
	}
	msg := p.Localize("fr")
	for _, w := range []string{"{signataire.telephone}", "{penalites.taux}", "C00030"} {
		if !strings.Contains(msg, w) {
			t.Errorf("%q missing from %q", w, msg)
		}
	}
	_, err = Compose(Input{Settings: book.Settings, Account: book.Account("C00030"), Stage: templates.Conf, Date: today, Rates: rates(t)})
	if !errors.As(err, &p) || !strings.Contains(p.Localize("fr"), "{promesse.montant}, {promesse.date}") {
		t.Errorf("conf without promise: %v", err)
	}
	_, err = Compose(Input{Settings: book.Settings, Account: book.Account("C00030"), Stage: templates.R1, Date: today, ItemIDs: []string{"X"}})
	if !errors.Is(err, &ledger.Problem{Key: "letters.err.item"}) {
		t.Errorf("unknown item: %v", err)
	}
}

func TestSpecificLetter(t *testing.T) {
	book := demo.Book(today)
	acct := book.Account("C00030")
	var id string
	for _, it := range acct.Items {
		if it.Number == "FA2026-01658" {
			id = it.ID
		}
	}
	l, err := Compose(Input{Settings: book.Settings, Account: acct, Stage: templates.R1, Date: today, ItemIDs: []string{"FA2026-01658"},
		Specific: &Specific{Subject: "Facture {facture.numero}", Salutation: "{appel},", Closing: "Bien à vous.",
			Body: "Comme convenu avec M. Renard, merci de régler {total.du} avant le {date.limite}."}})
	if err != nil {
		t.Fatal(err)
	}
	if !l.Specific || len(l.ItemIDs) != 1 || l.ItemIDs[0] != id || l.Subject != "Facture FA2026-01658" {
		t.Errorf("letter: %+v", l)
	}
	if !strings.Contains(l.PlainText(), "merci de régler 1\u202f610,47\u00a0€ avant le 3 décembre 2026") {
		t.Errorf("text:\n%s", l.PlainText())
	}
	if len(l.Body) != 2 || !l.Body[1].Table {
		t.Errorf("the invoice table is not placed after the first paragraph: %+v", l.Body)
	}
}
