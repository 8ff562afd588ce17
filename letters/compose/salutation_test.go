package compose

import (
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/credit"
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

// A formal notice leaves out an invoice that fell due after the last reminder: it was
// never chased (issue 22, point 6).
func TestFormalNoticeKeepsChasedInvoices(t *testing.T) {
	d := func(m, day int) ledger.Date { return ledger.NewDate(2026, time.Month(m), day) }
	old := &credit.OpenItem{Item: &ledger.Item{ID: "1", DueDate: d(9, 30)}}
	recent := &credit.OpenItem{Item: &ledger.Item{ID: "2", DueDate: d(11, 17)}}
	got := chased([]*credit.OpenItem{old, recent}, []Previous{{Date: d(10, 20)}, {Date: d(11, 8)}})
	if len(got) != 1 || got[0] != old {
		t.Errorf("kept %d invoices, want only the one overdue at the last reminder", len(got))
	}
	if got := chased([]*credit.OpenItem{old, recent}, nil); len(got) != 2 {
		t.Errorf("without reminders on record every overdue invoice stays: %d", len(got))
	}
	if got := chased([]*credit.OpenItem{recent}, []Previous{{Date: d(11, 8)}}); len(got) != 1 {
		t.Errorf("when none was chased, the overdue ones stay: %d", len(got))
	}
}
