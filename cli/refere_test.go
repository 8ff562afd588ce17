package cli

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
)

// relance refere on the demo's public buyers: the pack in JSON adds up, its text is in
// the user's language, its PDF in French; relance injonction on a public buyer points
// to it; a business customer is refused with a message naming it.
func TestRefereCommand(t *testing.T) {
	path := demoFile(t)
	at := testToday.String()

	code, out, stderr := run(t, "fr", "refere", "--db", path, "--customer", "C00003", "--at", at,
		"--notice", "2026-09-20:LR1A", "--format", "json")
	if code != 0 {
		t.Fatalf("refere: %d %s", code, stderr)
	}
	var p struct {
		Eligible                                    bool
		Principal, Interest, Indemnity, Total, Name string
		LegalInterest                               string `json:"legal_interest"`
		Court                                       struct{ Seat string }
		Lines                                       []struct {
			Number, Excluded, Paid string
			Claimed                string
		}
		Prior struct{ Rejection string }
	}
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	sum := func(v ...string) ledger.Cents {
		var s ledger.Cents
		for _, x := range v {
			c, err := ledger.ParseCents(x)
			if err != nil {
				t.Fatalf("amount %q: %v", x, err)
			}
			s += c
		}
		return s
	}
	if !p.Eligible || p.Court.Seat != "Lyon" || p.Prior.Rejection != "2026-11-20" || sum(p.Total) <= 0 ||
		sum(p.Principal, p.Interest, p.Indemnity, p.LegalInterest) != sum(p.Total) {
		t.Errorf("pack: %+v", p)
	}
	paidLate := 0
	for _, l := range p.Lines {
		if l.Paid != "" && l.Excluded == "" {
			paidLate++
		}
	}
	if paidLate == 0 {
		t.Errorf("the demo's public buyer pays late: no invoice paid late claimed in %+v", p.Lines)
	}

	// Without the invoices paid late, the total is the principal, its interest and €40 each.
	code, out, _ = run(t, "fr", "refere", "--db", path, "--customer", "C00003", "--at", at, "--paid-late=false", "--format", "json")
	var q struct{ Total string }
	if code != 0 || json.Unmarshal([]byte(out), &q) != nil || sum(q.Total) >= sum(p.Total) {
		t.Errorf("--paid-late=false: %d %s (was %s)", code, q.Total, p.Total)
	}

	// The text in English, the PDF in French; without --notice, the demo's formal notice
	// sent 75 days before (ledger/demo putPublicNotices) is the prior demand.
	pdf := filepath.Join(t.TempDir(), "refere.pdf")
	code, out, stderr = run(t, "en", "refere", "--db", path, "--customer", "C00003", "--at", at, "--out", pdf)
	if code != 0 {
		t.Fatalf("refere --out: %d %s", code, stderr)
	}
	for _, want := range []string{"Référé-provision — Département du Rhône (C00003)", "Tribunal administratif de Lyon",
		"Interim payment requested", "Statement of facts", "mandatement d'office", "Demand for payment of 2026-09-09 unanswered: implicit rejection on 2026-11-09"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(stderr, "PDF pack written in French") {
		t.Errorf("stderr %q", stderr)
	}
	if txt, err := exec.Command("pdftotext", "-layout", pdf, "-").Output(); err == nil {
		s := string(txt)
		for _, want := range []string{"Dossier de requête en référé-provision", "Juge des référés du Tribunal administratif de Lyon",
			"Exposé des faits", "Par ces motifs", "Bordereau des pièces", "mandatement d’office", "€"} {
			if !strings.Contains(s, want) {
				t.Errorf("PDF lacks %q", want)
			}
		}
		if strings.Contains(s, "…") {
			t.Errorf("PDF has text cut with « … »")
		}
	} else {
		t.Logf("pdftotext: %v (PDF not read back)", err)
	}

	// relance injonction on a public buyer: usage error pointing to relance refere.
	code, out, stderr = run(t, "fr", "injonction", "--db", path, "--customer", "C00003", "--at", at)
	if code != 2 || out != "" || !strings.Contains(stderr, "relance refere --db "+path+" --customer C00003") ||
		!strings.Contains(stderr, "acheteur public") {
		t.Errorf("injonction on a public buyer: %d %q %q", code, out, stderr)
	}

	// A business customer is refused, by name.
	code, _, stderr = run(t, "fr", "refere", "--db", path, "--customer", "C00020", "--at", at)
	if code != 1 || !strings.Contains(stderr, "Garage Dupuy SAS (C00020)") || !strings.Contains(stderr, "pas un acheteur public") {
		t.Errorf("refere on a business: %d %q", code, stderr)
	}
	code, _, stderr = run(t, "fr", "refere", "--db", path, "--customer", "NOPE", "--at", at)
	if code != 1 || !strings.Contains(stderr, "NOPE") {
		t.Errorf("refere on an unknown customer: %d %q", code, stderr)
	}
}
