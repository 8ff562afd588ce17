package ui

import (
	"fmt"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
	"relance/letters"
)

// askProcedureLetter shows what the claim filing (or the retention-of-title claim) of
// the selected procedure claims, asks for the claim's rank, then where to save it: the
// letter is archived with its record before the file is written (writeClaimLetter,
// the same desk use case as `relance claim`). A letter that cannot be written is
// refused before the save dialog.
func (sv *legalView) askProcedureLetter(rows []procRow, retention bool) {
	a := sv.a
	i := sv.more.procSelected - 1
	if i < 0 || i >= len(rows) {
		return
	}
	p := rows[i].p
	req := desk.ClaimLetterRequest{Customer: p.Customer, Retention: retention, AsOf: a.asOf}
	cl, err := a.sess.PrepareClaimLetter(req)
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	summary := widget.NewLabel(sv.claimSummary(cl))
	summary.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(summary)
	if cl.Claim != nil { // pieces of proof missing (ui/proof.go)
		if w := a.proofWarnings(cl.Claim.ProofWarnings, a.book.Settings.Currency); w != nil {
			box.Add(w)
		}
	}
	var rot *widget.Check
	if !retention {
		rot = widget.NewCheck(a.t("insolv3.ui.rot"), nil)
		if c, err := a.sess.ContractClauses(p.Customer); err == nil && c != nil {
			rot.SetChecked(c.RetentionOfTitle) // the clause recorded in the customer's contract (ui/contract.go)
		}
		box.Add(rot)
	}
	notes := []string{"insolv3.ui.archive_note"}
	if !retention {
		notes = append(notes, "insolv3.ui.limitation_note")
	}
	for _, k := range notes {
		note := caption(a.t(k))
		note.Wrapping = fyne.TextWrapWord
		box.Add(note)
	}
	title, file := "insolv3.ui.claim_title", "ui.legal2.claim_file"
	if retention {
		title, file = "insolv3.ui.ret_title", "ui.legal2.retention_file"
	}
	d := dialog.NewCustomConfirm(a.t(title, "id", p.ID), a.t("insolv2.ui.write"), a.t("ui.dialog.cancel"), box, func(ok bool) {
		if !ok {
			return
		}
		if rot != nil {
			req.Security = law.Unsecured
			if rot.Checked {
				req.Security = law.RetentionOfTitle
			}
		}
		a.askSave(fmt.Sprintf("%s-%s-%s.pdf", a.t(file), p.Customer, a.asOf), "insolv2.ui.saved", func(path string) error {
			return sv.writeClaimLetter(req, path)
		})
	}, a.win)
	d.Resize(fyne.NewSize(660, 340))
	d.Show()
}

// claimSummary says what claim letter cl claims, to whom, and its deadline (or that
// it has passed).
func (sv *legalView) claimSummary(cl *desk.ClaimLetter) string {
	a := sv.a
	l := cl.Letter
	to := ""
	if len(l.Recipient) > 0 {
		to = l.Recipient[0]
	}
	key := "insolv3.ui.claim_summary"
	if cl.Retention != nil {
		key = "insolv3.ui.ret_summary"
	}
	s := a.t(key, "debtor", l.CustomerName, "total", a.money(l.Totals.Claimed), "count", a.count(len(l.Invoices)), "to", to)
	if d := cl.Deadline; d.Date.Valid() {
		key = "insolv3.ui.deadline"
		if a.asOf > d.Date {
			key = "insolv3.ui.late"
		}
		s += "\n" + a.t(key, "date", a.date(d.Date), "rule", d.Rule)
	}
	return s
}

// writeClaimLetter issues claim letter req at the as-of date, archived with its record
// in one transaction (desk.Session.IssueClaimLetter), then writes its PDF to path.
func (sv *legalView) writeClaimLetter(req desk.ClaimLetterRequest, path string) error {
	a := sv.a
	cl, err := a.sess.IssueClaimLetter(req, a.book.Settings.Signatory.Name, time.Now(), a.pdf())
	if err != nil {
		return err
	}
	rec := cl.Record
	a.trace("issued", "id", rec.ID, "customer", rec.Customer, "stage", string(rec.Stage))
	return letters.WriteFile(path, func(w io.Writer) error { _, err := w.Write(cl.PDF); return err })
}
