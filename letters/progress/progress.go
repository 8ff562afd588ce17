// Package progress prints a course's progress (ledger/classroom.Progress): a CSV that
// opens in Excel (UTF-8 with a BOM, « ; » between fields and the decimal comma in
// French) and a PDF — per group, each trainee's attempts (date, exercise, score on 20,
// time) with the averages.
package progress

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/classroom"
	"relance/letters/pdfdoc"
)

// Number formats a score with one decimal at most, in the language's way: « 14,5 »
// in French, "14.5" in English; a whole score without decimals (« 15 »).
func Number(lang string, d decimal.Decimal) string {
	s := d.Round(1).String()
	if lang == "fr" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// On20 is a score on 20 as read on screen and paper: « 14,5 / 20 ».
func On20(lang string, d decimal.Decimal) string { return Number(lang, d) + " / 20" }

// Duration is a time spent, « 12 min 05 s » (« 45 s » under a minute, "" for none).
func Duration(lang string, seconds int) string {
	if seconds <= 0 {
		return ""
	}
	if seconds < 60 {
		return fmt.Sprintf("%d s", seconds)
	}
	return fmt.Sprintf("%d min %02d s", seconds/60, seconds%60)
}

// KindLabel names a kind of exercise (« Correction de courrier »).
func KindLabel(lang string, k classroom.Kind) string {
	return i18n.T(lang, "classroom.kind."+string(k))
}

// exerciseName is what an attempt was on: its title, else its exercise reference.
func exerciseName(a *classroom.Attempt) string {
	if a.Title != "" {
		return a.Title
	}
	return a.Exercise
}

// WriteCSV writes every attempt, one a row: group, trainee, date, kind, exercise,
// score on 20, score, out of, time in seconds. In French the fields are separated by
// « ; » and decimals take a comma, as Excel expects on a French Windows; the file
// starts with a UTF-8 BOM so that Excel reads the accents.
func WriteCSV(w io.Writer, lang string, p *classroom.Progress) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return fmt.Errorf("progress: csv: %w", err)
	}
	cw := csv.NewWriter(w)
	if lang == "fr" {
		cw.Comma = ';'
	}
	cw.UseCRLF = true
	t := func(k string) string { return i18n.T(lang, "exercise.progress.col."+k) }
	rows := [][]string{{t("group"), t("trainee"), t("date"), t("kind"), t("exercise"), t("on20"), t("score"), t("out_of"), t("seconds")}}
	for _, tp := range p.Trainees {
		for i := range tp.Attempts {
			a := &tp.Attempts[i]
			rows = append(rows, []string{tp.Trainee.Group, tp.Trainee.Name, pdfdoc.FormatDate(lang, a.Date), KindLabel(lang, a.Kind),
				exerciseName(a), Number(lang, a.On20()), Number(lang, a.Score), fmt.Sprint(a.OutOf), fmt.Sprint(a.Seconds)})
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("progress: csv: %w", err)
	}
	return nil
}

// Options tune the PDF.
type Options struct {
	Lang    string
	AsOf    ledger.Date     // the date printed under the title and the PDF's date
	Factory *pdfdoc.Factory // nil: a new one
}

// Render writes the progress as an A4 PDF: a summary of the groups, then per trainee
// the attempts and averages.
func Render(w io.Writer, s ledger.Settings, p *classroom.Progress, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "exercise.progress.title", nil)
	lang := opt.Lang
	if lang == "" {
		lang = s.Lang
	}
	if opt.Factory == nil {
		opt.Factory = pdfdoc.NewFactory()
	}
	title := i18n.T(lang, "exercise.progress.title")
	m := pdfdoc.Meta{Title: title, Subject: s.Company.Name, Author: s.Company.Name, Lang: lang,
		Currency: s.Currency, Created: opt.AsOf.Time().Add(12 * time.Hour)}
	return opt.Factory.Render(w, m, func(d *pdfdoc.Doc) error {
		draw(d, &s, p, title, opt.AsOf)
		return nil
	})
}

func draw(d *pdfdoc.Doc, s *ledger.Settings, p *classroom.Progress, title string, asOf ledger.Date) {
	lang := d.Lang()
	t := func(k string, args ...string) string { return i18n.T(lang, "exercise.progress."+k, args...) }
	d.ReportHead(&s.Company, s.Currency, title, t("subtitle", "date", pdfdoc.FormatLongDate(lang, asOf),
		"n", fmt.Sprint(len(p.Trainees)), "attempts", fmt.Sprint(p.Attempts), "average", On20(lang, p.Average)))
	tw := d.TextWidth()
	d.Heading(t("groups"), 20)
	g := d.NewTable(pdfdoc.Column{Title: t("col.group"), Width: tw - 90, Align: "L"}, pdfdoc.Column{Title: t("col.trainees"), Width: 30, Align: "R"},
		pdfdoc.Column{Title: t("col.attempts"), Width: 30, Align: "R"}, pdfdoc.Column{Title: t("col.average"), Width: 30, Align: "R"})
	g.Header()
	for _, gp := range p.Groups {
		name := gp.Group
		if name == "" {
			name = t("no_group")
		}
		avg := "–" // no attempt yet: no average, not a zero
		if gp.Attempts > 0 {
			avg = On20(lang, gp.Average)
		}
		g.Row(name, fmt.Sprint(gp.Trainees), fmt.Sprint(gp.Attempts), avg)
	}
	for _, tp := range p.Trainees {
		head := tp.Trainee.Name
		if tp.Trainee.Group != "" {
			head += " – " + tp.Trainee.Group
		}
		d.Heading(head, 30)
		if len(tp.Attempts) == 0 {
			d.SetFont("", 9)
			d.Text(d.Left, d.Y(), tw, 5, t("none"), "L")
			d.SetY(d.Y() + 6)
			continue
		}
		tab := d.NewTable(pdfdoc.Column{Title: t("col.date"), Width: 24, Align: "L"}, pdfdoc.Column{Title: t("col.kind"), Width: 40, Align: "L"},
			pdfdoc.Column{Title: t("col.exercise"), Width: tw - 24 - 40 - 26 - 28, Align: "L"},
			pdfdoc.Column{Title: t("col.on20"), Width: 26, Align: "R"}, pdfdoc.Column{Title: t("col.time"), Width: 28, Align: "R"})
		tab.Header()
		for i := range tp.Attempts {
			a := &tp.Attempts[i]
			tab.Row(pdfdoc.FormatDate(lang, a.Date), KindLabel(lang, a.Kind), exerciseName(a), On20(lang, a.On20()), Duration(lang, a.Seconds))
		}
		tab.Total("", "", t("average"), On20(lang, tp.Average), Duration(lang, tp.Seconds))
	}
}
