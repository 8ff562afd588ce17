package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger/law"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/insolvency"
)

// Issue 22, insolvency follow-up: in Contentieux › Procédures, « Événement… » records a
// contestation received through the same desk use case as the command line (a bad
// date or a contract without its name writes nothing); after the reload the table
// lists the answer's step with its article marked « à vérifier » and the selected
// step's basis under it; « Courrier de suivi… » writes the post-opening letter, archived
// with its record before the file exists.
func TestProcedureFollowUpInTheProceduresTab(t *testing.T) {
	a := openDemoApp(t, "fr")
	a.legal.tab = 4
	a.showScreen(screenLegal)
	for _, b := range []string{"Événement…", "Courrier de suivi…"} {
		if !button(t, a.win, b).Disabled() {
			t.Errorf("« %s » enabled with no procedure selected", b)
		}
	}
	if len(a.sess.Procedures) != 1 {
		t.Fatalf("demo procedures: %d", len(a.sess.Procedures))
	}
	p := a.sess.Procedures[0]
	rev, _ := a.db.Revision()

	f := a.legal.newEventForm()
	f.date.SetText("31/02/2026")
	if _, err := a.legal.recordEvent(p, f); err == nil || !strings.Contains(err.Error(), "31/02/2026") {
		t.Errorf("bad date: %v", err)
	}
	f.kind.SetSelectedIndex(3) // contract notice, without its contract
	f.date.SetText(a.date(a.asOf))
	if _, err := a.legal.recordEvent(p, f); err == nil || !strings.Contains(err.Error(), "contract") {
		t.Errorf("contract notice without its contract: %v", err)
	}
	if after, _ := a.db.Revision(); after != rev {
		t.Fatal("a refused event wrote to the dossier")
	}
	f.kind.SetSelectedIndex(0) // contestation received 3 days ago
	received := a.asOf.AddDays(-3)
	f.date.SetText(a.date(received))
	var out *law.Procedure
	err := waitLoaded(t, a, func() {
		var err error
		if out, err = a.legal.recordEvent(p, f); err != nil {
			t.Fatal(err)
		}
		a.reloadThen("")
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Events) != 1 || out.Events[0].Kind != law.EventContestation || out.Events[0].Date != received {
		t.Fatalf("recorded %+v", out.Events)
	}
	a.legal.tab = 4
	a.legal.more.procSelected = 1
	a.showScreen(screenLegal)
	for _, want := range []string{"Réponse à la contestation", "C. com. L622-27 — à vérifier", a.date(received.AddDays(30))} {
		if !hasText(a.win, want) {
			t.Errorf("the Procédures tab lacks %q", want)
		}
	}
	if dir := os.Getenv("RELANCE_SHOTS"); dir != "" { // a look at the tab
		if fh, err := os.Create(filepath.Join(dir, "procedures-followup.png")); err == nil {
			_ = png.Encode(fh, a.win.Canvas().Capture())
			fh.Close()
		}
	}

	lf := a.legal.newLetterForm()
	lf.kind.SetSelectedIndex(2) // post-opening claims
	if !lf.reason.Disabled() || !lf.contract.Disabled() || lf.lang.Disabled() {
		t.Error("the post-opening letter leaves the relevé's or the contract's fields enabled")
	}
	req := lf.request()
	if req.Kind != insolvency.PostOpening || req.Lang != "fr" {
		t.Fatalf("request %+v", req)
	}
	path := filepath.Join(t.TempDir(), "po.pdf")
	if err := a.legal.writeFollowUp(p, req, path); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Fatalf("no PDF written: %v", err)
	}
	err = a.db.View(func(tx *store.Tx) error {
		recs, err := archive.List(tx, archive.Filter{Customer: p.Customer})
		if err == nil && (len(recs) == 0 || recs[0].Stage != insolvency.StageOf(insolvency.PostOpening)) {
			t.Errorf("archive: %+v", recs)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// A relevé request within the filing period is refused before the save dialog.
	lf.kind.SetSelectedIndex(0)
	if _, _, err := a.sess.ProcedureLetter(p.Customer, lf.request(), a.asOf); err == nil {
		t.Error("relevé de forclusion accepted within the filing period")
	}
}
