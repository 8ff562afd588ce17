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
