package ledger

import (
	"errors"
	"testing"
)

// A salesperson is stored trimmed with an upper-cased ID; an ID with a space, a
// missing name or a malformed e-mail address is refused by name.
func TestSalespersonValidate(t *testing.T) {
	sp := Salesperson{ID: " sla ", Name: " Sophie Laurent ", Email: " sophie@acme.fr "}.Normalize()
	if sp.ID != "SLA" || sp.Name != "Sophie Laurent" || sp.Email != "sophie@acme.fr" || sp.Validate() != nil {
		t.Errorf("%+v: %v", sp, sp.Validate())
	}
	for _, c := range []struct {
		sp  Salesperson
		key string
	}{
		{Salesperson{ID: "SLA"}, "err.salesperson.invalid"},
		{Salesperson{ID: "S LA", Name: "S"}, "admin.err.sp_id"},
		{Salesperson{ID: "SLA", Name: "S", Email: "sophie@acme"}, "admin.err.sp_email"},
		{Salesperson{ID: "SLA", Name: "S", Email: "Sophie <sophie@acme.fr>"}, "admin.err.sp_email"},
	} {
		if err := c.sp.Validate(); !errors.Is(err, &Problem{Key: c.key}) {
			t.Errorf("%+v: %v, want %s", c.sp, err, c.key)
		}
	}
}
