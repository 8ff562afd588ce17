package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// `relance overindebt` on the demo: the list (table and JSON) shows the file with its
// 20 days to justify the claim, show prints it in French, the letter is issued and
// written, and a business customer and a bad date are refused with their field.
func TestOverindebtCLI(t *testing.T) {
	db := demoFile(t)
	code, out, stderr := run(t, "en", "overindebt", "list", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		AsOf  string `json:"as_of"`
		Files []struct {
			Customer string `json:"customer"`
			Claim    string `json:"claim"`
			Status   struct {
				Phase     string `json:"phase"`
				Held      bool   `json:"held"`
				Frozen    bool   `json:"frozen"`
				Deadlines []struct {
					Kind     string `json:"kind"`
					DaysLeft int    `json:"days_left"`
				} `json:"deadlines"`
			} `json:"status"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Files) != 1 || doc.Files[0].Status.Phase != "liabilities" || !doc.Files[0].Status.Held || !doc.Files[0].Status.Frozen {
		t.Fatalf("files = %+v", doc.Files)
	}
	f := doc.Files[0]
	left := -1
	for _, d := range f.Status.Deadlines {
		if d.Kind == "justify" {
			left = d.DaysLeft
		}
	}
	if left != 20 {
		t.Errorf("justify: %d days left, want 20", left)
	}
	_, table, _ := run(t, "fr", "overindebt", "show", "--db", db, "--customer", f.Customer)
	for _, want := range []string{"suspendues", "Justifier la créance à la commission", "dans 20 jour(s)", "arrêtées au 11/10/2026"} {
		if !strings.Contains(table, want) {
			t.Errorf("show lacks %q:\n%s", want, table)
		}
	}
	pdf := filepath.Join(t.TempDir(), "commission.pdf")
	code, out, stderr = run(t, "fr", "overindebt", "letter", "--db", db, "--customer", f.Customer, "--out", pdf)
	if code != 0 || !strings.Contains(out, "Créance déclarée") {
		t.Fatalf("letter: %d %s %s", code, out, stderr)
	}
	if _, err := os.Stat(pdf); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		txt, err := exec.Command("pdftotext", pdf, "-").Output()
		if err != nil || !strings.Contains(string(txt), "justification de notre créance") || strings.Contains(string(txt), "pénalités de retard de") {
			t.Errorf("PDF text: %v\n%s", err, txt)
		}
	}
	code, _, stderr = run(t, "fr", "overindebt", "set", "--db", db, "--customer", "C00001", "--commission", "X", "--filed", "01/09/2026")
	if code == 0 || !strings.Contains(stderr, "seul un particulier") {
		t.Errorf("public body: %d %s", code, stderr)
	}
	code, _, stderr = run(t, "en", "overindebt", "set", "--db", db, "--customer", f.Customer, "--commission", "X", "--filed", "31/02/2026")
	if code == 0 || !strings.Contains(stderr, "filing date") {
		t.Errorf("bad date: %d %s", code, stderr)
	}
	code, _, stderr = run(t, "fr", "overindebt", "frobnicate")
	if code != 2 || !strings.Contains(stderr, "frobnicate") {
		t.Errorf("bad subcommand: %d %s", code, stderr)
	}
	// The agenda lists the customer among those skipped, with the reason.
	_, ag, _ := run(t, "fr", "agenda", "--db", db, "--dry-run")
	if !strings.Contains(ag, f.Customer) || !strings.Contains(ag, "Dossier de surendettement recevable depuis le") {
		t.Errorf("agenda --dry-run does not say why %s is skipped", f.Customer)
	}
}
