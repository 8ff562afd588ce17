package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/law"
	"relance/ledger/proof"
)

// proofTab is the customer card's « Preuves » tab: the proof of the debt of each
// invoice open at the as-of date — its order, its delivery proof, its copy — with a
// summary (« 2 factures sans bon de livraison · 1 facture à renseigner »), and for
// each invoice a « Pièces… » button that opens the form setting them
// (desk.Session.SetProof, the same as `relance proof set`).
func (a *App) proofTab(id string) fyne.CanvasObject {
	if a.sess == nil {
		return widget.NewLabel("")
	}
	r, err := a.sess.ProofReport(id, a.asOf)
	if err != nil {
		l := widget.NewLabel(ledger.Localize(err, a.lang))
		l.Wrapping, l.Importance = fyne.TextWrapWord, widget.DangerImportance
		return l
	}
	a.trace("shown", "what", "proof", "customer", id, "invoices", len(r.Lines), "complete", r.Complete,
		"incomplete", r.Incomplete, "unrecorded", r.Unrecorded)
	title := widget.NewLabel(a.t("proof.ui.title"))
	title.TextStyle.Bold = true
	title.Wrapping = fyne.TextWrapWord
	sum := widget.NewLabel(desk.ProofSummary(a.lang, r))
	sum.Wrapping, sum.TextStyle.Bold = fyne.TextWrapWord, true
	switch {
	case r.Incomplete > 0:
		sum.Importance = widget.DangerImportance
	case r.Unrecorded > 0:
		sum.Importance = widget.WarningImportance
	case len(r.Lines) > 0:
		sum.Importance = widget.SuccessImportance
	}
	help := caption(a.t("proof.ui.help"))
	help.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(title, sum, help)
	readOnly := a.db == nil || a.db.ReadOnly()
	if readOnly {
		box.Add(caption(a.t("proof.ui.readonly")))
	}
	for i := range r.Lines {
		ln := r.Lines[i]
		head := widget.NewLabel(a.t("proof.ui.line", "number", ln.Number, "date", a.date(ln.DocDate), "due", a.date(ln.DueDate),
			"open", a.money(ln.Open)))
		head.Wrapping, head.TextStyle.Bold = fyne.TextWrapWord, true
		pieces := widget.NewLabel(a.t("proof.ui.pieces", "order", desk.PieceText(a.lang, proof.Order, ln.Proof.Order),
			"delivery", desk.PieceText(a.lang, proof.Delivery, ln.Proof.Delivery), "invoice", desk.PieceText(a.lang, proof.Copy, ln.Proof.Copy)))
		pieces.Wrapping = fyne.TextWrapWord
		switch ln.Verdict {
		case proof.Incomplete:
			pieces.Importance = widget.DangerImportance
		case proof.Unrecorded:
			pieces.Importance = widget.WarningImportance
		}
		edit := widget.NewButtonWithIcon(a.t("proof.ui.edit"), theme.DocumentCreateIcon(), func() { a.askProof(id, ln) })
		if readOnly {
			edit.Disable()
		}
		box.Add(widget.NewSeparator())
		box.Add(container.NewBorder(nil, nil, nil, container.NewVBox(edit), container.NewVBox(head, pieces)))
	}
	return box
}

// proofForm is the form of one invoice's three pieces: for each, its state (not
// recorded, present, missing), where it is filed and its date.
type proofForm struct {
	states map[proof.Kind]*widget.Select
	refs   map[proof.Kind]*widget.Entry
	dates  map[proof.Kind]*widget.Entry
}

// proofStates are the states in the order the form offers them.
func proofStates() []proof.State { return []proof.State{proof.Unknown, proof.Present, proof.Missing} }

// newProofForm makes the form filled with v.
func (a *App) newProofForm(v proof.Invoice) (*proofForm, fyne.CanvasObject) {
	f := &proofForm{states: map[proof.Kind]*widget.Select{}, refs: map[proof.Kind]*widget.Entry{}, dates: map[proof.Kind]*widget.Entry{}}
	var names []string
	for _, s := range proofStates() {
		name := "unknown"
		if s != proof.Unknown {
			name = string(s)
		}
		names = append(names, a.t("proof.state."+name))
	}
	box := container.NewVBox()
	for _, k := range proof.Kinds() {
		p := v.Piece(k)
		sel := widget.NewSelect(names, nil)
		for i, s := range proofStates() {
			if s == p.State {
				sel.SetSelectedIndex(i)
			}
		}
		ref := widget.NewEntry()
		ref.SetPlaceHolder(a.t("proof.ui.ref_hint"))
		ref.SetText(p.Ref)
		date := widget.NewEntry()
		date.SetPlaceHolder(a.t("proof.ui.date_hint"))
		if p.Date.Valid() {
			date.SetText(a.date(p.Date))
		}
		f.states[k], f.refs[k], f.dates[k] = sel, ref, date
		head := widget.NewLabel(a.t("proof.piece." + string(k)))
		head.TextStyle.Bold = true
		box.Add(head)
		box.Add(widget.NewForm(widget.NewFormItem(a.t("proof.ui.state"), sel), widget.NewFormItem(a.t("proof.ui.ref"), ref),
			widget.NewFormItem(a.t("proof.ui.date"), date)))
	}
	return f, box
}

// change reads the form into the change of invoice item of customer.
func (a *App) proofChange(f *proofForm, customer, item string) (desk.ProofChange, error) {
	ch := desk.ProofChange{Customer: customer, Item: item, Pieces: map[proof.Kind]proof.Piece{}}
	for _, k := range proof.Kinds() {
		p := proof.Piece{State: proofStates()[max(f.states[k].SelectedIndex(), 0)], Ref: strings.TrimSpace(f.refs[k].Text)}
		if t := strings.TrimSpace(f.dates[k].Text); t != "" {
			d, err := parseDate(t)
			if err != nil {
				return ch, &ledger.Problem{Key: "proof.err.date", Args: []string{"piece_key", "proof.kind." + string(k), "value", t}}
			}
			p.Date = d
		}
		ch.Pieces[k] = p
	}
	return ch, nil
}

// askProof shows the form of invoice ln's pieces; saving records them in one
// transaction and shows the card again. A refused form comes back as typed, under the
// reason.
func (a *App) askProof(customer string, ln proof.Line) {
	f, content := a.newProofForm(ln.Proof)
	a.trace("dialog", "what", "proof", "state", "shown", "id", ln.Number)
	var show func()
	show = func() {
		d := dialog.NewCustomConfirm(a.t("proof.ui.edit_title", "number", ln.Number), a.t("ui.set.save"), a.t("ui.dialog.cancel"),
			container.NewVScroll(content), func(ok bool) {
				if !ok {
					a.trace("dialog", "what", "proof", "state", "cancelled")
					return
				}
				if err := a.saveProof(f, customer, ln); err != nil {
					show()
					a.showError(a.t("proof.ui.edit_title", "number", ln.Number), ledger.Localize(err, a.lang))
				}
			}, a.win)
		d.Resize(fyne.NewSize(min(a.win.Canvas().Size().Width-40, 560), min(a.win.Canvas().Size().Height-40, 600)))
		d.Show()
	}
	show()
}

// saveProof records the form's pieces and shows the customer's card again.
func (a *App) saveProof(f *proofForm, customer string, ln proof.Line) error {
	ch, err := a.proofChange(f, customer, ln.Item)
	if err != nil {
		return err
	}
	v, err := a.sess.SetProof(ch, a.asOf, "")
	if err != nil {
		return err
	}
	verdict := proof.Judge(*v).Verdict
	a.trace("written", "what", "proof", "id", ln.Number, "customer", customer, "verdict", string(verdict))
	a.showCustomer(customer)
	a.setStatus(a.t("proof.ui.saved", "number", ln.Number, "verdict", desk.VerdictText(a.lang, verdict)))
	return nil
}

// proofWarnings shows the warnings of a pack or a claim about the pieces of proof
// missing or not recorded (law.IPPack.ProofWarnings, law.InsolvencyClaim.ProofWarnings),
// in the warning colour; nil when there are none.
func (a *App) proofWarnings(notes []law.Note, currency string) fyne.CanvasObject {
	if len(notes) == 0 {
		return nil
	}
	box := container.NewVBox()
	title := widget.NewLabel(a.t("proof.ui.ip_title"))
	title.TextStyle.Bold, title.Importance = true, widget.WarningImportance
	box.Add(title)
	for _, n := range notes {
		l := widget.NewLabel("• " + law.FormatNote(n, a.lang, currency))
		l.Wrapping, l.Importance = fyne.TextWrapWord, widget.WarningImportance
		box.Add(l)
	}
	a.trace("shown", "what", "proof_warnings", "count", len(notes))
	return box
}

// proofMenuItem is « Preuve de la facture… » in the row menu of an invoice of the
// customer card's item table: the form of its pieces (askProof), disabled on a
// read-only dossier.
func (a *App) proofMenuItem(customer string, it ledger.Item) *fyne.MenuItem {
	m := fyne.NewMenuItem(a.t("proof.ui.menu"), func() {
		v, err := a.sess.InvoiceProof(customer, it.ID)
		if err != nil {
			a.showError(a.t("proof.ui.edit_title", "number", it.Number), ledger.Localize(err, a.lang))
			return
		}
		a.askProof(customer, proof.Line{Item: it.ID, Number: it.Number, Proof: v})
	})
	m.Disabled = a.db == nil || a.db.ReadOnly() || it.Amount <= 0
	return m
}
