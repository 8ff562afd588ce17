package ledger

import (
	"encoding/json"
	"testing"
)

// TestRepresentative derives the capacity from the legal form, prefers the one typed,
// and reads old settings without a representative as an empty one.
func TestRepresentative(t *testing.T) {
	for form, want := range map[string]string{"SAS": "Président", "sasu": "Président", "SARL": "Gérant", "EURL": "Gérant",
		"SA": "Directeur général", "EI": "Entrepreneur individuel", "GIE": ""} {
		if got := DefaultCapacity(form); got != want {
			t.Errorf("%s: %q, want %q", form, got, want)
		}
	}
	if got := (Representative{Name: "J", Capacity: "Présidente"}).CapacityFor("SAS"); got != "Présidente" {
		t.Errorf("typed capacity ignored: %q", got)
	}
	var s Settings
	if err := json.Unmarshal([]byte(`{"company":{"name":"X","legal_form":"SAS"},"signatory":{"name":"C"}}`), &s); err != nil {
		t.Fatal(err)
	}
	if s.Representative != (Representative{}) {
		t.Errorf("old settings read a representative %+v", s.Representative)
	}
	s.Representative = Representative{Name: "Jeanne", Capacity: "Présidente"}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var back Settings
	if err := json.Unmarshal(b, &back); err != nil || back.Representative != s.Representative {
		t.Errorf("round trip %+v %v", back.Representative, err)
	}
}
