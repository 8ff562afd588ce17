package compose

import (
	"testing"

	"relance/ledger"
)

func TestSalutation(t *testing.T) {
	for _, c := range []struct {
		kind     ledger.CustomerKind
		name     string
		civility string
		lang     string
		want     string
		named    bool
	}{
		{ledger.Consumer, "Isabelle GARNIER", ledger.CivilityMadame, "fr", "Madame", true},
		{ledger.Consumer, "Pierre LEGRAND", ledger.CivilityMonsieur, "fr", "Monsieur", true},
		{ledger.Consumer, "Camille MARTIN", "", "fr", "Madame, Monsieur", false},
		{ledger.Consumer, "Isabelle GARNIER", ledger.CivilityMadame, "en", "Dear Ms Garnier", true},
		{ledger.Consumer, "Jean-Luc BERNARD-DUPONT", ledger.CivilityMonsieur, "en", "Dear Mr Bernard-Dupont", true},
		{ledger.PublicBody, "Commune de Villeurbanne", "", "fr", "Madame, Monsieur le Maire", false},
		{ledger.PublicBody, "Département du Rhône", "", "fr", "Madame, Monsieur le Président", false},
		{ledger.PublicBody, "Centre hospitalier de Vienne", "", "fr", "Madame, Monsieur le Directeur", false},
		{ledger.PublicBody, "Commune de Villeurbanne", "", "en", "Dear Sir or Madam", false},
		{ledger.Business, "Garage Dupuy SAS", "", "fr", "Madame, Monsieur", false},
	} {
		got, named := Salutation(&ledger.Customer{Kind: c.kind, Name: c.name, Civility: c.civility}, c.lang)
		if got != c.want || named != c.named {
			t.Errorf("%s (%s): %q %v, want %q %v", c.name, c.lang, got, named, c.want, c.named)
		}
	}
}
