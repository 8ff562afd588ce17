package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
)

// A consumer's civility and the law governing a customer's contracts from the command
// line (desk.EditCustomer checks them): shown in words in the table, as stored in the
// JSON; a bad value refused with its message, nothing written; "" clears them.
func TestCustomerCivilityAndLaw(t *testing.T) {
	db := filepath.Join(t.TempDir(), "acme.db")
	if code, _, stderr := run(t, "fr", "new", "--db", db, "--company", "ACME SAS"); code != 0 {
		t.Fatalf("new: %s", stderr)
	}
	if code, _, stderr := run(t, "fr", "customer", "add", "--db", db, "--customer", "ROUX", "--name", "Anne ROUX",
		"--kind", "consumer", "--civility", "Madame"); code != 0 {
		t.Fatalf("add: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "fr", "customer", "add", "--db", db, "--customer", "WHIT", "--name", "Whitfield & Sons Ltd",
		"--country", "GB", "--law", "gb"); code != 0 {
		t.Fatalf("add: %d %s", code, stderr)
	}
	_, out, _ := run(t, "fr", "customer", "--db", db, "--customer", "ROUX")
	for _, want := range []string{"Civilité", "Madame", "Loi applicable", "Droit français (par défaut)"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = run(t, "en", "customer", "--db", db, "--customer", "WHIT")
	if !strings.Contains(out, "Governing law") || !strings.Contains(out, "English law (United Kingdom)") || strings.Contains(out, "Title") {
		t.Errorf("show:\n%s", out)
	}
	show := func(id string) ledger.Customer {
		t.Helper()
		_, out, _ := run(t, "fr", "customer", "--db", db, "--customer", id, "--format", "json")
		var c ledger.Customer
		if err := json.Unmarshal([]byte(out), &c); err != nil {
			t.Fatalf("%v:\n%s", err, out)
		}
		return c
	}
	if c := show("ROUX"); c.Civility != "mme" || c.Law != "" {
		t.Errorf("ROUX %+v", c)
	}
	if c := show("WHIT"); c.Civility != "" || c.Law != "GB" {
		t.Errorf("WHIT %+v", c)
	}

	before := revision(t, db)
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"--civility", "Docteur"}, "civilité « Docteur » non reconnue"},
		{[]string{"--law", "Angleterre"}, "loi applicable « Angleterre » non reconnue"},
	} {
		code, _, stderr := run(t, "fr", append([]string{"customer", "set", "--db", db, "--customer", "ROUX"}, bad.args...)...)
		if code == 0 || !strings.Contains(stderr, bad.want) {
			t.Errorf("%v: %d %s", bad.args, code, stderr)
		}
	}
	if revision(t, db) != before {
		t.Error("a refused change wrote to the dossier")
	}
	if code, _, stderr := run(t, "fr", "customer", "set", "--db", db, "--customer", "ROUX", "--civility", "m", "--law", "DE"); code != 0 {
		t.Fatalf("set: %d %s", code, stderr)
	}
	if _, out, _ := run(t, "fr", "customer", "--db", db, "--customer", "ROUX"); !strings.Contains(out, "Monsieur") || !strings.Contains(out, "(DE)") {
		t.Errorf("show:\n%s", out)
	}
	if code, _, stderr := run(t, "fr", "customer", "set", "--db", db, "--customer", "ROUX", "--civility", "", "--law", "FR"); code != 0 {
		t.Fatalf("set: %d %s", code, stderr)
	}
	if c := show("ROUX"); c.Civility != "" || c.Law != "" {
		t.Errorf("cleared: %+v", c)
	}
}
