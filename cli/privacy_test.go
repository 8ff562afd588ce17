package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestExportAndEraseCustomer(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := run(t, "fr", "export-customer", "--db", path, "--customer", "C00012")
	if code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	var e struct {
		Customer struct{ Name string } `json:"customer"`
		Items    []any                 `json:"items"`
	}
	if err := json.Unmarshal([]byte(out), &e); err != nil || e.Customer.Name == "" || len(e.Items) == 0 {
		t.Fatalf("export: %v %+v", err, e)
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
