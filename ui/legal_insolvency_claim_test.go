package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/insolvency"
)

// Contentieux › Procédures collectives: « Déclaration de créance (PDF)… » first says
// what the letter claims, to whom and by when, with the retention-of-title choice;
// the letter written is in the archive (same desk use case as `relance claim`), its
// file the archived bytes, and Courriers › Archive lists it under its name.
func TestClaimLetterArchivedFromProceduresTab(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.legal.tab = 4
	a.legal.more.procSelected = 1
	a.showScreen(screenLegal)
	rows := a.legal.procedureRows()
	if len(rows) == 0 {
		t.Fatal("no procedure in the demo")
	}
	p := rows[0].p
	a.legal.askProcedureLetter(rows, false)
	for _, want := range []string{"Déclaration de créance — procédure " + p.ID, "Déclaration de créance contre", "Total déclaré",
		"Délai\u00a0: jusqu'au", "C. com. L622-24", "réserve de propriété", "archive des courriers", "C. civ. 2241"} {
		if !hasText(a.win, want) {
			t.Errorf("the claim dialog lacks %q", want)
		}
	}
	if dir := os.Getenv("RELANCE_SHOTS"); dir != "" { // a look at the dialog
		if fh, err := os.Create(filepath.Join(dir, "claim-dialog.png")); err == nil {
			_ = png.Encode(fh, a.win.Canvas().Capture())
			fh.Close()
		}
	}
	dismiss := func() {
		for ov := a.win.Canvas().Overlays(); ov.Top() != nil; {
			ov.Remove(ov.Top())
		}
	}
	dismiss()
	// The revendication's dialog: its deadline, no word of limitation.
	a.legal.askProcedureLetter(rows, true)
	if !hasText(a.win, "Revendication contre") || !hasText(a.win, "C. com. L624-9") || hasText(a.win, "demande en justice") {
		t.Errorf("the retention dialog: %q", texts(a.win))
	}
	dismiss()
	rev, _ := a.db.Revision()
	if rev2, _ := a.db.Revision(); rev2 != rev {
		t.Fatal("the dialog wrote to the dossier")
	}

	path := filepath.Join(t.TempDir(), "claim.pdf")
	req := desk.ClaimLetterRequest{Customer: p.Customer, AsOf: a.asOf, Security: law.RetentionOfTitle}
	if err := a.legal.writeClaimLetter(req, path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || len(b) == 0 {
		t.Fatalf("no PDF written: %v", err)
	}
	sum := sha256.Sum256(b)
	id := ""
	err = a.db.View(func(tx *store.Tx) error {
		recs, err := archive.List(tx, archive.Filter{Customer: p.Customer})
		if err == nil && (len(recs) != 1 || recs[0].Stage != insolvency.ClaimStage || recs[0].PDFHash != hex.EncodeToString(sum[:]) ||
			!strings.Contains(recs[0].Text, "réserve de propriété")) {
			t.Errorf("archive: %+v", recs)
		}
		if len(recs) > 0 {
			id = recs[0].ID
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	a.lettersView.tab = 1
	a.showScreen(screenLetters)
	// the stage column is narrow in the test window: its label starts the cell
	if id == "" || !hasText(a.win, id) || !hasText(a.win, "Déclaration de cré") {
		t.Errorf("Courriers › Archive does not list the claim filing: %q", texts(a.win))
	}
}
