package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestExportAndEraseCustomer(t *testing.T) {
	path := demoFile(t)
	// A payment entered by hand is part of what the dossier holds about the customer.
	if code, _, stderr := run(t, "fr", "payment", "add", "--db", path, "--customer", "C00012", "--date", "2026-11-20", "--amount", "10"); code != 0 {
		t.Fatalf("payment: %s", stderr)
	}
	code, out, stderr := run(t, "fr", "export-customer", "--db", path, "--customer", "C00012")
	if code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	var e struct {
		Customer struct{ Name string }   `json:"customer"`
		Items    []any                   `json:"items"`
		Actions  []struct{ Kind string } `json:"actions"`
		Payments []struct{ ID string }   `json:"payments"`
		Promises []any                   `json:"promises"`
	}
	if err := json.Unmarshal([]byte(out), &e); err != nil || e.Customer.Name == "" || len(e.Items) == 0 {
		t.Fatalf("export: %v %+v", err, e)
	}
	if len(e.Payments) != 1 || len(e.Actions) == 0 || e.Actions[len(e.Actions)-1].Kind != "payment" || e.Promises == nil {
		t.Errorf("the export lacks the customer's history: %d payments, actions %+v, promises %v", len(e.Payments), e.Actions, e.Promises)
	}
	if code, _, stderr := run(t, "fr", "erase-customer", "--db", path, "--customer", "C00012"); code != 0 {
		t.Fatalf("erase: %s", stderr)
	}
	_, out, _ = run(t, "fr", "export-customer", "--db", path, "--customer", "C00012")
	if strings.Contains(out, e.Customer.Name) || !strings.Contains(out, "RGPD") {
		t.Errorf("personal data left:\n%s", out[:min(len(out), 600)])
	}
	if code, _, stderr := run(t, "fr", "erase-customer", "--db", path, "--customer", "C00020"); code != 1 || !strings.Contains(stderr, "particulier") {
		t.Errorf("erasing a business: %d %s", code, stderr)
	}
}
