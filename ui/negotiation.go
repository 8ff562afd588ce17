package ui

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/earned"
	"relance/ledger/negotiation"
	"relance/ledger/payment"
	"relance/letters"
	"relance/letters/negotiationpdf"
)

// appWords lets the PDF's phrasing helpers (negotiationpdf.Counterpart, Consequence)
// speak the window's language.
type appWords struct{ a *App }

func (w appWords) T(key string, args ...string) string { return w.a.t(key, args...) }

// askNegotiation is « Préparer une négociation… » in a customer's « … » menu: the sheet
// prefilled from the ledger at the as-of date (desk.Session.PrepareNegotiation, as
// `relance negotiation prepare`), its one-page PDF, and the outcome recorded — an
// agreement becomes the payment plan, a disagreement names the next step
// (desk.Session.RecordNegotiation) — and, for a trainee, scored and kept.
func (a *App) askNegotiation(id string) {
	sh, err := a.sess.PrepareNegotiation(id, a.asOf)
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	if sh.Overdue <= 0 {
		dialog.ShowInformation(a.t("nego.menu"), a.t("nego.ui.nothing", "customer", sh.Name, "date", a.date(a.asOf)), a.win)
		return
	}
	a.trace("shown", "what", "negotiation", "customer", id, "principal", sh.Principal.String(), "floor", sh.Floor.Amount.String())
	w := appWords{a}
	box := container.NewVBox()
	head := func(key string) {
		l := widget.NewLabel(a.t(key))
		l.TextStyle = fyne.TextStyle{Bold: true}
		box.Add(l)
	}
	line := func(text string) {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	head("nego.objective")
	line(a.t("nego.objective_text", "amount", a.money(sh.Principal), "date", a.date(sh.Opening.FirstDate)))
	line(a.t("nego.overdue") + " : " + a.money(sh.Overdue) + " · " + a.t("nego.disputed") + " : " + a.money(sh.Disputed) +
		" · " + a.t("nego.interest") + " : " + a.money(sh.Interest) + " · " + a.t("nego.indemnity") + " : " + a.money(sh.Indemnity))
	for _, b := range sh.Broken {
		line("• " + a.t("nego.broken", "amount", a.money(b.Amount), "made", a.date(b.Made), "due", a.date(b.Due)))
	}
	head("nego.margins")
	yes := func(b bool) string {
		if b {
			return a.t("nego.waived")
		}
		return a.t("nego.kept")
	}
	for _, m := range []struct {
		key string
		m   negotiation.Margins
	}{{"nego.opening", sh.Opening}, {"nego.floor", sh.Floor}} {
		line(a.t(m.key) + " : " + a.money(m.m.Amount) + " · " + a.t("nego.instalments") + " " + strconv.Itoa(m.m.Instalments) +
			" · " + a.t("nego.first") + " " + a.money(m.m.First) + " (" + a.date(m.m.FirstDate) + ") · " + a.t("nego.last") + " " +
			a.date(m.m.Last) + " · " + a.t("nego.interest") + " " + yes(m.m.WaiveInterest) + " · " + a.t("nego.indemnity") + " " +
			yes(m.m.WaiveIndemnity))
	}
	head("nego.trades")
	for _, tr := range sh.Trades {
		var cs []string
		for _, c := range tr.Counterpart {
			cs = append(cs, negotiationpdf.Counterpart(w, &sh, c))
		}
		line("• " + a.t("nego.ui.counterparts_for", "concession", a.t("nego.concession."+string(tr.Concession))) + " " + strings.Join(cs, " ; "))
	}
	head("nego.then")
	for _, c := range sh.Then {
		line("• " + a.date(c.Date) + " : " + negotiationpdf.Consequence(w, c))
	}
	var d dialog.Dialog
	pdf := widget.NewButtonWithIcon(a.t("nego.ui.pdf"), theme.DocumentPrintIcon(), func() {
		a.askSave(fmt.Sprintf("%s-%s-%s.pdf", a.t("nego.pdf.kind"), id, a.asOf), "nego.ui.saved_pdf_done", func(path string) error {
			if err := letters.WriteFile(path, func(out io.Writer) error { return a.sess.NegotiationPDF(out, &sh, a.lang, a.pdf()) }); err != nil {
				return err
			}
			a.trace("written", "what", "negotiation", "customer", id, "path", path)
			return nil
		})
	})
	record := widget.NewButtonWithIcon(a.t("nego.ui.record"), theme.ConfirmIcon(), func() {
		d.Hide()
		a.askNegotiationOutcome(sh)
	})
	record.Importance = widget.HighImportance
	if a.db == nil || a.db.ReadOnly() {
		record.Disable()
	}
	d = dialog.NewCustom(a.t("nego.title", "customer", sh.Name), a.t("nego.ui.close"),
		container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), pdf, record), nil, nil, container.NewVScroll(box)), a.win)
	d.Resize(fyne.NewSize(980, 620))
	d.Show()
}

// askNegotiationOutcome records how negotiation sh ended: an agreement with its
// instalments (one per line, « 15/01/2027 1 500,00 ») and the counterparts obtained,
// or a disagreement; with a trainee chosen, the negotiation is scored and kept.
func (a *App) askNegotiationOutcome(sh negotiation.Sheet) {
	result := widget.NewRadioGroup([]string{a.t("nego.ui.agreement"), a.t("nego.ui.disagreement")}, nil)
	result.SetSelected(a.t("nego.ui.agreement"))
	date := widget.NewEntry()
	date.SetText(a.date(a.asOf))
	inst := widget.NewMultiLineEntry()
	inst.SetMinRowsVisible(4)
	var lines []string
	for _, in := range sh.Floor.Schedule() { // the floor's payments, its first one as the sheet sets it
		lines = append(lines, a.date(in.Due)+" "+in.Amount.Format(a.lang, ""))
	}
	inst.SetText(strings.Join(lines, "\n"))
	w := appWords{a}
	obtained := map[negotiation.Counterpart]*widget.Check{}
	checks := container.NewVBox()
	for _, c := range negotiation.Counterparts() {
		ck := widget.NewCheck(negotiationpdf.Counterpart(w, &sh, c), nil)
		obtained[c] = ck
		checks.Add(ck)
	}
	waiveI := widget.NewCheck(a.t("nego.waive_interest"), nil)
	waiveI.SetChecked(sh.Floor.WaiveInterest)
	waiveC := widget.NewCheck(a.t("nego.waive_indemnity"), nil)
	waiveC.SetChecked(sh.Floor.WaiveIndemnity)
	names := []string{a.t("nego.ui.no_trainee")}
	ts, err := a.sess.Trainees()
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	for _, t := range ts {
		names = append(names, t.Name)
	}
	trainee := widget.NewSelect(names, nil)
	trainee.SetSelectedIndex(0)
	announced := widget.NewCheck(a.t("nego.ui.announced"), nil)
	items := []*widget.FormItem{
		widget.NewFormItem(a.t("nego.ui.result"), result),
		widget.NewFormItem(a.t("nego.ui.date"), date),
		widget.NewFormItem(a.t("nego.ui.instalments"), inst),
		widget.NewFormItem(a.t("nego.ui.obtained"), checks),
		widget.NewFormItem("", waiveI),
		widget.NewFormItem("", waiveC),
		widget.NewFormItem(a.t("nego.ui.trainee"), trainee),
		widget.NewFormItem("", announced),
	}
	a.trace("dialog", "purpose", "negotiation", "state", "shown", "customer", sh.Customer)
	dlg := dialog.NewForm(a.t("nego.ui.record"), a.t("nego.ui.save"), a.t("nego.ui.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		on, err := parseDate(strings.TrimSpace(date.Text))
		if err != nil {
			a.showError(a.t("ui.dialog.error"), a.t("nego.err.date", "value", date.Text))
			return
		}
		o := negotiation.Outcome{Result: negotiation.Disagreement, Date: on, By: a.user()}
		if result.Selected == a.t("nego.ui.agreement") {
			o.Result = negotiation.Agreement
			o.WaiveInterest, o.WaiveIndemnity = waiveI.Checked, waiveC.Checked
			for i, l := range strings.Split(strings.TrimSpace(inst.Text), "\n") {
				if strings.TrimSpace(l) == "" {
					continue
				}
				f := strings.Fields(l)
				var in dunning.Instalment
				if len(f) >= 2 {
					d, derr := parseDate(f[0])
					c, cerr := payment.ParseAmount(strings.Join(f[1:], " "))
					if derr == nil && cerr == nil {
						in = dunning.Instalment{Due: d, Amount: c}
					}
				}
				if !in.Due.Valid() {
					a.showError(a.t("ui.dialog.error"), a.t("nego.ui.bad_line", "n", strconv.Itoa(i+1), "value", l))
					return
				}
				o.Instalments = append(o.Instalments, in)
			}
			for _, c := range negotiation.Counterparts() {
				if obtained[c].Checked {
					o.Obtained = append(o.Obtained, c)
				}
			}
		}
		stored, err := a.sess.RecordNegotiation(sh, o)
		if err != nil {
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		msg := a.t("nego.ui.recorded_disagreement", "next", a.t("nego.step."+string(stored.Outcome.Next)), "on", a.date(stored.Outcome.NextDate), "action", stored.Outcome.Planned)
		if o.Result == negotiation.Agreement {
			msg = a.t("nego.ui.recorded_agreement", "n", strconv.Itoa(len(o.Instalments)), "amount", a.money(stored.Outcome.Total()))
		}
		a.trace("recorded", "what", "negotiation", "customer", sh.Customer, "result", string(o.Result), "plan", stored.Outcome.Plan)
		if i := trainee.SelectedIndex(); i > 0 {
			at, g, err := a.sess.ScoreNegotiation(ts[i-1].ID, stored, announced.Checked, a.user())
			if err != nil {
				a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
				return
			}
			a.trace("recorded", "what", "negotiation_score", "trainee", ts[i-1].ID, "attempt", at.ID, "score", g.Score.String())
			msg += " " + a.t("nego.ui.scored", "trainee", ts[i-1].Name, "score", earned.Num(a.lang, at.On20()))
		}
		a.reloadThen(msg)
	}, a.win)
	dlg.Resize(fyne.NewSize(860, 640))
	dlg.Show()
}
