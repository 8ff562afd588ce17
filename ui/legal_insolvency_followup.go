package ui

import (
	"fmt"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"relance/ledger"
	"relance/ledger/law"
	"relance/letters"
	"relance/letters/insolvency"
)

// Contentieux › Procédures, the follow-up of a procedure: record an event the
// deadlines run from (a contestation received, a decision notified, a revendication or
// a contract notice received, the end of the observation period), read a step's basis,
// and issue the three follow-up letters (relevé de forclusion, ongoing contract,
// post-opening claims) through the save dialog, each archived with its record.

// stepText is the detail of a selected step: what it is, its date, its basis and
// article, « à vérifier » when the legal reference does not source the rule.
func (sv *legalView) stepText(r procRow) string {
	a := sv.a
	d := r.d
	rule := d.Rule
	if d.Unverified {
		rule += " — " + a.t("insolv2.unverified")
	}
	why := law.FormatNote(d.Reason, a.lang, a.book.Settings.Currency)
	what := a.t("law.proc.deadline." + string(d.Kind))
	if d.Subject != "" && !strings.Contains(why, d.Subject) {
		what += " (" + d.Subject + ")"
	}
	return a.t("insolv2.ui.step", "id", r.p.ID, "what", what, "date", a.date(d.Date), "why", why, "rule", rule)
}

// stepName names a step in the table, with the start of what its event is about (the
// contract…); the detail under the table says it whole.
func (sv *legalView) stepName(d law.ProcDeadline) string {
	what := sv.a.t("law.proc.deadline." + string(d.Kind))
	if s := []rune(d.Subject); len(s) > 0 {
		if len(s) > 24 {
			s = append(s[:23], '…')
		}
		what += " (" + string(s) + ")"
	}
	return what
}

// stepRule is a step's article for the table, marked when unverified.
func (sv *legalView) stepRule(d law.ProcDeadline) string {
	if d.Unverified {
		return d.Rule + " — " + sv.a.t("insolv2.unverified")
	}
	return d.Rule
}

// eventForm is the form recording a procedure event, and what it records.
type eventForm struct {
	kind    *widget.Select
	date    *widget.Entry
	hint    *widget.Label // which date: the receipt, the notification…
	subject *widget.Entry
	items   []*widget.FormItem
}

func (sv *legalView) newEventForm() *eventForm {
	a := sv.a
	f := &eventForm{date: widget.NewEntry(), subject: widget.NewEntry(), hint: caption("")}
	labels := make([]string, len(law.ProcEventKinds))
	for i, k := range law.ProcEventKinds {
		labels[i] = a.t("insolv2.event." + string(k))
	}
	f.kind = widget.NewSelect(labels, func(string) {
		i := max(f.kind.SelectedIndex(), 0)
		k := law.ProcEventKinds[i]
		// the article of the event's first step, as law.EventDeadlines gives it
		steps := law.EventDeadlines(law.Procedure{Events: []law.ProcEvent{{Kind: k, Date: a.asOf}}}, a.asOf)
		rule := ""
		if len(steps) > 0 {
			rule = sv.stepRule(steps[0])
		}
		f.hint.SetText(a.t("insolv2.ui.event_help", "date", a.t("insolv2.event_hint."+string(k)), "rule", rule))
	})
	f.date.SetText(a.date(a.asOf))
	f.subject.SetPlaceHolder(a.t("insolv2.ui.subject_hint"))
	f.kind.SetSelectedIndex(0)
	f.items = []*widget.FormItem{
		widget.NewFormItem(a.t("insolv2.ui.event"), f.kind),
		widget.NewFormItem(a.t("insolv2.ui.date"), f.date),
		widget.NewFormItem("", f.hint),
		widget.NewFormItem(a.t("insolv2.ui.subject"), f.subject),
	}
	return f
}

// record records the form's event on procedure p (desk.RecordProcedureEvent) and
// returns the procedure as stored, or the message to show.
func (sv *legalView) recordEvent(p law.Procedure, f *eventForm) (*law.Procedure, error) {
	a := sv.a
	d, err := parseDate(strings.TrimSpace(f.date.Text))
	if err != nil {
		return nil, errText(a.t("ui.legal.bad_date", "value", f.date.Text))
	}
	e := law.ProcEvent{Kind: law.ProcEventKinds[max(f.kind.SelectedIndex(), 0)], Date: d,
		Subject: strings.TrimSpace(f.subject.Text), Recorded: a.asOf, By: a.book.Settings.Signatory.Name}
	out, err := a.sess.RecordProcedureEvent(p.Customer, p.ID, e)
	if err != nil {
		return nil, errText(ledger.Localize(err, a.lang))
	}
	return out, nil
}

// askProcedureEvent asks for an event of procedure p and records it; the steps it
// starts appear in the table after the reload.
func (sv *legalView) askProcedureEvent(p law.Procedure) {
	a := sv.a
	f := sv.newEventForm()
	d := dialog.NewForm(a.t("insolv2.ui.event_title", "id", p.ID), a.t("ui.set.save"), a.t("ui.dialog.cancel"), f.items, func(ok bool) {
		if !ok {
			return
		}
		out, err := sv.recordEvent(p, f)
		if err != nil {
			a.showError(a.t("ui.dialog.error"), err.Error())
			return
		}
		a.trace("recorded", "what", "procedure_event", "id", out.ID, "event", string(out.Events[len(out.Events)-1].Kind))
		sv.tab = 4
		a.reloadThen(a.t("insolv2.ui.event_recorded", "id", out.ID))
	}, a.win)
	d.Resize(fyne.NewSize(660, 340))
	d.Show()
}

// letterForm is the form choosing a follow-up letter.
type letterForm struct {
	kind, reason, lang     *widget.Select
	facts, contract, court *widget.Entry
	form                   *widget.Form
	kinds                  []insolvency.FollowUpKind
	reasons                []insolvency.ForclusionReason
	langs                  []string
}

func (sv *legalView) newLetterForm() *letterForm {
	a := sv.a
	f := &letterForm{kinds: insolvency.FollowUpKinds, reasons: insolvency.ForclusionReasons, langs: []string{"fr", "en"},
		facts: widget.NewMultiLineEntry(), contract: widget.NewEntry(), court: widget.NewEntry()}
	kinds := make([]string, len(f.kinds))
	for i, k := range f.kinds {
		kinds[i] = a.t("insolv2.title." + strings.ReplaceAll(string(k), "-", "_"))
	}
	reasons := make([]string, len(f.reasons))
	for i, r := range f.reasons {
		reasons[i] = a.t("insolv2.reason_name." + string(r))
	}
	f.reason = widget.NewSelect(reasons, nil)
	f.reason.SetSelectedIndex(0)
	f.lang = widget.NewSelect([]string{a.t("insolv2.ui.lang_fr"), a.t("insolv2.ui.lang_en")}, nil)
	f.lang.SetSelectedIndex(0)
	if a.book.Settings.Lang == "en" {
		f.lang.SetSelectedIndex(1)
	}
	f.facts.SetPlaceHolder(a.t("insolv2.ui.facts_hint"))
	f.facts.SetMinRowsVisible(3)
	f.facts.Wrapping = fyne.TextWrapWord
	f.contract.SetPlaceHolder(a.t("insolv2.ui.contract_hint"))
	f.court.SetPlaceHolder(a.t("ui.legal2.address_hint"))
	f.kind = widget.NewSelect(kinds, func(string) { f.enable() })
	f.form = widget.NewForm(
		widget.NewFormItem(a.t("insolv2.ui.letter"), f.kind),
		widget.NewFormItem(a.t("insolv2.ui.reason"), f.reason),
		widget.NewFormItem(a.t("insolv2.ui.facts"), f.facts),
		widget.NewFormItem(a.t("insolv2.ui.court_address"), f.court),
		widget.NewFormItem(a.t("insolv2.ui.contract"), f.contract),
		widget.NewFormItem(a.t("insolv2.ui.lang"), f.lang),
	)
	f.kind.SetSelectedIndex(0)
	return f
}

// enable leaves enabled the fields the chosen letter uses.
func (f *letterForm) enable() {
	k := f.kinds[max(f.kind.SelectedIndex(), 0)]
	for _, w := range []fyne.Disableable{f.reason, f.facts, f.court} {
		if k == insolvency.Forclusion {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	if k == insolvency.Contract {
		f.contract.Enable()
	} else {
		f.contract.Disable()
	}
	if f.form != nil {
		f.form.Refresh() // the labels of disabled fields are dimmed
	}
}

// request is the letter the form asks for.
func (f *letterForm) request() insolvency.FollowUpRequest {
	r := insolvency.FollowUpRequest{Kind: f.kinds[max(f.kind.SelectedIndex(), 0)],
		Reason: f.reasons[max(f.reason.SelectedIndex(), 0)], Facts: f.facts.Text, Contract: f.contract.Text,
		Lang: f.langs[max(f.lang.SelectedIndex(), 0)]}
	if strings.TrimSpace(f.court.Text) != "" {
		r.CourtAddress = ledger.ParseAddressLine(f.court.Text)
	}
	return r
}

// askFollowUpLetter asks which follow-up letter of procedure p to write, checks it can
// be written, then asks where to save it; the letter is archived with its record
// before the file is written.
func (sv *legalView) askFollowUpLetter(p law.Procedure) {
	a := sv.a
	f := sv.newLetterForm()
	d := dialog.NewCustomConfirm(a.t("insolv2.ui.letter_title", "id", p.ID), a.t("insolv2.ui.write"), a.t("ui.dialog.cancel"), f.form, func(ok bool) {
		if !ok {
			return
		}
		req := f.request()
		if _, _, err := a.sess.ProcedureLetter(p.Customer, req, a.asOf); err != nil { // said before the save dialog
			a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
			return
		}
		name := fmt.Sprintf("%s-%s-%s.pdf", a.t("insolv2.ui.file."+strings.ReplaceAll(string(req.Kind), "-", "_")), p.Customer, a.asOf)
		a.askSave(name, "insolv2.ui.saved", func(path string) error { return sv.writeFollowUp(p, req, path) })
	}, a.win)
	d.Resize(fyne.NewSize(680, 520))
	d.Show()
}

// writeFollowUp issues the follow-up letter req of p's customer at the as-of date
// (archived with its record in one transaction: desk.IssueProcedureLetter) and writes
// its PDF to path.
func (sv *legalView) writeFollowUp(p law.Procedure, req insolvency.FollowUpRequest, path string) error {
	a := sv.a
	rec, pdf, err := a.sess.IssueProcedureLetter(p.Customer, req, a.asOf, a.book.Settings.Signatory.Name, time.Now(), a.pdf())
	if err != nil {
		return err
	}
	a.trace("issued", "id", rec.ID, "customer", rec.Customer, "stage", string(rec.Stage))
	return letters.WriteFile(path, func(w io.Writer) error { _, err := w.Write(pdf); return err })
}
