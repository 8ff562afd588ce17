package cli

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"relance/ledger/store"
	"relance/letters/archive"
)

// demoInsolvent returns the customer of the demo's procedure.
func demoInsolvent(t *testing.T, path string) string {
	t.Helper()
	code, out, stderr := run(t, "en", "procedures", "--db", path, "--format", "json")
	var doc proceduresDoc
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || len(doc.Procedures) != 1 {
		t.Fatalf("procedures: %d %s %s", code, out, stderr)
	}
	return doc.Procedures[0].Customer
}

var isoDate = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`)

// relance procedure-event records an event and prints the procedure's steps with
// French dates, the unsourced rules marked « à vérifier »; relance procedures lists
// them, in French dates too.
func TestProcedureEventCLI(t *testing.T) {
	path := demoFile(t)
	cust := demoInsolvent(t, path)
	code, out, stderr := run(t, "fr", "procedure-event", "--db", path, "--customer", cust, "--event", "contestation",
		"--date", "20/11/2026", "--by", "test")
	if code != 0 {
		t.Fatalf("procedure-event: %d %s", code, stderr)
	}
	for _, want := range []string{"Contestation reçue du mandataire le 20/11/2026", "Réponse à la contestation : 20/12/2026",
		"C. com. L622-27 — à vérifier", "Déclaration de créance : "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if isoDate.MatchString(out) {
		t.Errorf("ISO date in French output:\n%s", out)
	}
	code, _, stderr = run(t, "fr", "procedure-event", "--db", path, "--customer", cust, "--event", "contract-notice",
		"--date", "2026-11-21")
	if code != 1 || !strings.Contains(stderr, "« contract »") {
		t.Errorf("contract notice without its contract: %d %s", code, stderr)
	}
	if code, _, _ := run(t, "fr", "procedure-event", "--db", path, "--customer", cust, "--event", "appel", "--date", "2026-11-21"); code != 2 {
		t.Errorf("unknown event: exit %d", code)
	}
	code, out, stderr = run(t, "fr", "procedures", "--db", path)
	if code != 0 {
		t.Fatalf("procedures: %s", stderr)
	}
	if !strings.Contains(out, "Réponse à la contestation") || !strings.Contains(out, "à vérifier") || isoDate.MatchString(out) {
		t.Errorf("procedures table:\n%s", out)
	}
}

// relance procedure-letter archives each follow-up letter, then writes its PDF with
// the articles it rests on.
func TestProcedureLetterCLI(t *testing.T) {
	path := demoFile(t)
	cust := demoInsolvent(t, path)
	dir := t.TempDir()
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"--kind", "contract", "--contract", "bail commercial du 1er mars 2024"}, []string{"L622-13", "bail commercial du 1er mars 2024"}},
		{[]string{"--kind", "post-opening"}, []string{"L622-17", "Créances postérieures"}},
		{[]string{"--kind", "forclusion", "--reason", "unknown", "--facts", "facture découverte en avril 2027", "--at", "2027-05-10",
			"--lang", "en"}, []string{"L622-26", "Courtesy translation", "within one year"}},
	}
	for i, c := range cases {
		out := filepath.Join(dir, "l"+string(rune('a'+i))+".pdf")
		args := append([]string{"procedure-letter", "--db", path, "--customer", cust, "--out", out, "--by", "test"}, c.args...)
		code, stdout, stderr := run(t, "fr", args...)
		if code != 0 || !strings.Contains(stdout, "LT0000") {
			t.Fatalf("%v: %d %s %s", c.args, code, stdout, stderr)
		}
		txt := strings.Join(strings.Fields(pdfText(t, out)), " ")
		for _, w := range c.want {
			if !strings.Contains(txt, w) {
				t.Errorf("%v: the PDF lacks %q", c.args, w)
			}
		}
	}
	code, _, stderr := run(t, "fr", "procedure-letter", "--db", path, "--customer", cust, "--kind", "forclusion")
	if code != 1 || !strings.Contains(stderr, "délai de déclaration") {
		t.Errorf("relevé within the filing period: %d %s", code, stderr)
	}
	if code, _, _ := run(t, "fr", "procedure-letter", "--db", path, "--customer", cust, "--kind", "appel"); code != 2 {
		t.Errorf("unknown letter: exit %d", code)
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *store.Tx) error {
		recs, err := archive.List(tx, archive.Filter{Customer: cust})
		stages := map[string]bool{}
		for _, r := range recs {
			stages[string(r.Stage)] = true
		}
		if len(recs) != 3 || !stages["ins_contract"] || !stages["ins_post_opening"] || !stages["ins_forclusion"] {
			t.Errorf("archived: %+v", stages)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
