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
	"relance/ledger/classroom"
	"relance/ledger/quiz"
	"relance/letters"
	"relance/letters/certificate"
)

// showQuizResult shows a scored quiz: the score, each question with the answer given,
// the right one and where it comes from, and « Attestation PDF… » for the trainee's
// certificate.
func (a *App) showQuizResult(t classroom.Trainee, res *quiz.Result, att *classroom.Attempt, timeUp bool) {
	on20 := res.On20().String()
	if a.lang == "fr" {
		on20 = strings.ReplaceAll(on20, ".", ",")
	}
	head := widget.NewLabelWithStyle(a.t("quiz.ui.score", "trainee", t.Name, "score", strconv.Itoa(res.Score),
		"out_of", strconv.Itoa(res.OutOf), "on20", on20), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(head)
	if timeUp {
		up := widget.NewLabel(a.t("quiz.ui.time_up"))
		up.Importance = widget.WarningImportance
		top.Add(up)
	}
	list := container.NewVBox()
	for i, l := range res.Lines {
		mark, imp := "✔ ", widget.SuccessImportance
		if !l.OK {
			mark, imp = "✘ ", widget.DangerImportance
		}
		h := widget.NewLabelWithStyle(mark+a.t("quiz.ui.question", "i", strconv.Itoa(i+1), "n", strconv.Itoa(len(res.Lines)),
			"module", quiz.ModuleName(a.lang, l.Module)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		h.Importance = imp
		q := widget.NewLabel(l.Question)
		q.Wrapping = fyne.TextWrapWord
		given := l.Given
		if given == "" {
			given = a.t("quiz.ui.no_answer")
		}
		ans := widget.NewLabel(a.t("quiz.ui.given", "answer", given) + "\n" + a.t("quiz.ui.right", "answer", l.Right))
		ans.Wrapping = fyne.TextWrapWord
		list.Add(h)
		list.Add(q)
		list.Add(ans)
		if l.Why != "" {
			why := widget.NewLabel(l.Why)
			why.Wrapping = fyne.TextWrapWord
			why.TextStyle = fyne.TextStyle{Italic: true}
			list.Add(why)
		}
		list.Add(widget.NewSeparator())
	}
	var d *dialog.CustomDialog
	cert := widget.NewButtonWithIcon(a.t("quiz.ui.certificate"), theme.DocumentSaveIcon(), func() { a.saveCertificate(t) })
	closeBtn := widget.NewButtonWithIcon(a.t("quiz.ui.close"), theme.ConfirmIcon(), func() {
		d.Hide()
		a.trace("dialog", "what", "quiz_result", "state", "closed", "attempt", att.ID)
	})
	closeBtn.Importance = widget.HighImportance
	body := container.NewBorder(top, container.NewHBox(layout.NewSpacer(), cert, closeBtn), nil, nil, container.NewVScroll(list))
	d = dialog.NewCustomWithoutButtons(a.t("quiz.ui.result_title"), body, a.win)
	d.Resize(fyne.NewSize(1000, 680))
	d.Show()
	a.trace("shown", "what", "quiz_result", "attempt", att.ID, "score", res.Score, "out_of", res.OutOf)
}

// saveCertificate asks where to save trainee t's certificate-style summary
// (desk.Session.Certificate) and writes it.
func (a *App) saveCertificate(t classroom.Trainee) {
	sum, err := a.sess.Certificate(t.ID, a.lang, a.asOf)
	if err != nil {
		a.showError(a.t("ui.dialog.error"), ledger.Localize(err, a.lang))
		return
	}
	name := fmt.Sprintf("%s-%s-%s.pdf", a.t("quiz.ui.certificate_file"), safeFileName(t.Name), a.asOf)
	a.askSave(name, "quiz.ui.certificate_done", func(path string) error {
		if err := letters.WriteFile(path, func(w io.Writer) error { return certificate.Render(w, sum, a.pdf()) }); err != nil {
			return err
		}
		a.trace("written", "what", "certificate", "trainee", t.ID, "attempts", len(sum.Attempts))
		return nil
	})
}
