package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/store"
)

// pdfText extracts a PDF's text with pdftotext, or skips when it is not installed.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// demoNoticeCustomer returns the demo customer with a formal notice and no procedure.
func demoNoticeCustomer(t *testing.T, path string) string {
	t.Helper()
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	id := ""
	err = db.View(func(tx *store.Tx) error {
		acts, err := tx.Actions("")
		for _, a := range acts {
			if strings.Contains(a.Note, "(démo)") {
				c, _ := tx.Customer(a.Customer)
				if c != nil && c.Status != ledger.StatusInsolvency {
					id = a.Customer
				}
			}
		}
		return err
	})
	if err != nil || id == "" {
		t.Fatalf("no demo customer with a formal notice (%v)", err)
	}
	return id
}

type proceduresDoc struct {
	Procedures []struct {
		ID, Customer, Kind, Bodacc string
		Deadlines                  []struct{ Kind, Date, Level, Rule string }
	} `json:"procedures"`
}

func TestProceduresAndClaim(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := run(t, "en", "procedures", "--db", path, "--at", "2026-11-23", "--format", "json")
	if code != 0 {
		t.Fatalf("procedures: %d %s", code, stderr)
	}
	var doc proceduresDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Procedures) != 1 || doc.Procedures[0].Kind != "redressement" || len(doc.Procedures[0].Deadlines) != 3 {
		t.Fatalf("demo procedures: %s", out)
	}
	insolvent := doc.Procedures[0].Customer
	bodacc, _ := ledger.ParseDate(doc.Procedures[0].Bodacc)
	if d := doc.Procedures[0].Deadlines[0]; d.Kind != "claim" || d.Date != bodacc.AddMonths(2).String() {
		t.Errorf("claim deadline %+v, BODACC %s", d, bodacc)
	}

	// Record a second procedure, creditor abroad: 4 months.
	other := demoNoticeCustomer(t, path)
	code, out, stderr = run(t, "en", "procedure", "--db", path, "--customer", other, "--kind", "liquidation",
		"--judgment", "2026-11-02", "--bodacc", "2026-11-12", "--mandataire", "Me Martin", "--address", "3 rue X, 69003 Lyon", "--abroad")
	if code != 0 || !strings.Contains(out, "J2026-0002") || !strings.Contains(out, "2027-03-12") {
		t.Fatalf("procedure: %d %q %s", code, out, stderr)
	}
	code, out, _ = run(t, "en", "deadlines", "--db", path, "--at", "2026-11-23", "--format", "json")
	if code != 0 || !strings.Contains(out, `"procedures"`) || !strings.Contains(out, "J2026-0002") {
		t.Errorf("deadlines lack the procedures: %d", code)
	}
	// Its injonction is now refused: claim filing instead.
	code, out, _ = run(t, "en", "injonction", "--db", path, "--customer", other, "--at", "2026-11-23", "--format", "json")
	if code != 0 || !strings.Contains(out, `"route": "claim_filing"`) {
		t.Errorf("injonction after a procedure: %d %s", code, out[:min(len(out), 400)])
	}

	dir := t.TempDir()
	claim := filepath.Join(dir, "claim.pdf")
	if code, _, stderr := run(t, "fr", "claim", "--db", path, "--customer", insolvent, "--at", "2026-11-23", "--out", claim, "--rot"); code != 0 {
		t.Fatalf("claim: %d %s", code, stderr)
	}
	txt := pdfText(t, claim)
	for _, want := range []string{"Objet : déclaration de créance", "Sommes échues au jour du jugement", "Sommes à échoir",
		"réserve de propriété", "certifions sincère et véritable", "Maître Anne Rivière", "Total déclaré", "Claire Moreau"} {
		if !strings.Contains(strings.Join(strings.Fields(txt), " "), want) {
			t.Errorf("claim PDF lacks %q", want)
		}
	}
	ret := filepath.Join(dir, "ret.pdf")
	if code, _, stderr := run(t, "fr", "claim", "--db", path, "--customer", insolvent, "--at", "2026-11-23", "--out", ret, "--retention"); code != 0 {
		t.Fatalf("retention: %d %s", code, stderr)
	}
	txt = strings.Join(strings.Fields(pdfText(t, ret)), " ")
	for _, want := range []string{"revendication", "L624-9", "Maître Paul Girard", "Copie : Maître Anne Rivière"} {
		if !strings.Contains(txt, want) {
			t.Errorf("retention PDF lacks %q", want)
		}
	}
}

func TestInjonctionPDF(t *testing.T) {
	path := demoFile(t)
	id := demoNoticeCustomer(t, path)
	pdf := filepath.Join(t.TempDir(), "ip.pdf")
	code, out, stderr := run(t, "fr", "injonction", "--db", path, "--customer", id, "--at", "2026-11-23", "--out", pdf)
	if code != 0 {
		t.Fatalf("injonction: %d %s", code, stderr)
	}
	if !strings.Contains(out, "peut faire l'objet d'une requête") {
		t.Errorf("not eligible: %s", out)
	}
	txt := strings.Join(strings.Fields(pdfText(t, pdf)), " ")
	for _, want := range []string{"Requête en injonction de payer", "Recevabilité", "Cerfa n° 12946*02",
		"1. Demandeur (créancier)", "3. Débiteur", "4. Montant de la créance", "Décompte des sommes réclamées",
		"Indemnité forfaitaire", "Bordereau des pièces justificatives", "Conditions générales de vente",
		"Bon de livraison signé", "Mise en demeure du", "Avis de réception", "Estimation des frais", "Signification de l'ordonnance",
		"CPC 1411"} {
		if !strings.Contains(txt, want) {
			t.Errorf("injonction PDF lacks %q", want)
		}
	}
	if info, err := os.Stat(pdf); err != nil || info.Size() < 5000 {
		t.Errorf("pdf %v %v", info, err)
	}
}

func TestProcedureUsage(t *testing.T) {
	path := demoFile(t)
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"bad kind", []string{"procedure", "--db", path, "--customer", "C00001", "--kind", "faillite", "--judgment", "2026-10-01",
			"--bodacc", "2026-10-10", "--mandataire", "Me X"}, 2, "kind"},
		{"missing mandataire", []string{"procedure", "--db", path, "--customer", "C00001", "--kind", "rj", "--judgment", "2026-10-01",
			"--bodacc", "2026-10-10"}, 2, "--mandataire"},
		{"unknown customer", []string{"procedure", "--db", path, "--customer", "NOPE", "--kind", "rj", "--judgment", "2026-10-01",
			"--bodacc", "2026-10-10", "--mandataire", "Me X"}, 1, "NOPE"},
		{"bodacc before judgment", []string{"procedure", "--db", path, "--customer", "C00001", "--kind", "rj", "--judgment", "2026-10-01",
			"--bodacc", "2026-09-10", "--mandataire", "Me X"}, 1, "BODACC"},
		{"claim without procedure", []string{"claim", "--db", path, "--customer", "C00001", "--out", filepath.Join(t.TempDir(), "x.pdf")}, 1, "C00001"},
		{"injonction unknown customer", []string{"injonction", "--db", path, "--customer", "NOPE"}, 1, "NOPE"},
	}
	for _, c := range cases {
		code, _, stderr := run(t, "en", c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d, stderr %q", c.name, code, stderr)
		}
	}
}
