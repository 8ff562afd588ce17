package desk_test

import (
	"testing"

	"relance/desk"
	"relance/ledger"
)

// A consumer in arrears without a civility is what the letters lack (their salutation
// can only be « Madame, Monsieur, »): listed, largest overdue first, until a civility
// is recorded. A business needs none.
func TestReadinessNoCivility(t *testing.T) {
	s := customerDossier(t)
	at := ledger.NewDate(2026, 11, 23)
	if r := s.Readiness(at); len(r.NoCivility) != 0 || r.Overdue != 3 {
		t.Fatalf("businesses only: %+v", r)
	}
	for _, id := range []string{"CLAURE", "CFLORE"} {
		if _, err := s.EditCustomer(id, desk.CustomerChange{Kind: ptr("consumer")}, at, ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	r := s.Readiness(at)
	if len(r.NoCivility) != 2 || r.Ready() {
		t.Fatalf("two consumers without a civility: %+v", r.NoCivility)
	}
	if _, err := s.EditCustomer("CLAURE", desk.CustomerChange{Civility: ptr("Monsieur")}, at, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	if r = s.Readiness(at); len(r.NoCivility) != 1 || r.NoCivility[0].ID != "CFLORE" {
		t.Errorf("after CLAURE's civility: %+v", r.NoCivility)
	}
}

// The line about the customers without an address agrees with their number: one or
// more, all the overdue customers or some of them, in both languages.
func TestAddressesKey(t *testing.T) {
	some := make([]ledger.CustomerSummary, 3)
	for _, c := range []struct {
		noAddress, overdue int
		lang, want         string
	}{
		{1, 1, "fr", "ui.ready.addresses_all.one"},
		{3, 3, "fr", "ui.ready.addresses_all.other"},
		{1, 3, "fr", "ui.ready.addresses.one"},
		{2, 3, "fr", "ui.ready.addresses.other"},
		{1, 3, "en", "ui.ready.addresses.one"},
		{3, 3, "en", "ui.ready.addresses_all.other"},
	} {
		r := desk.Readiness{NoAddress: some[:c.noAddress], Overdue: c.overdue}
		if got := r.AddressesKey(c.lang); got != c.want {
			t.Errorf("%d of %d overdue without an address, %s: %s, want %s", c.noAddress, c.overdue, c.lang, got, c.want)
		}
	}
}
