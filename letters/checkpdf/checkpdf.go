// Package checkpdf renders the correction report of a letter checked by letters/check:
// the original letter with numbered markers coloured by category, the numbered
// findings with why and how to fix them, the scores, and the corrected letter with
// the word-level changes (deleted words struck through in red, inserted ones in green).
// Trainers hand it out after the "correct a reminder letter" exercise.
package checkpdf

import (
	"io"
	"strconv"
	"strings"
	"time"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/letters/check"
	"relance/letters/pdfdoc"
)

// Report is what the PDF shows.
type Report struct {
	Lang     string        // language of the report's own words
	Result   *check.Result // the check of the original letter
	Original string        // the letter as checked
	// Corrected is the corrected letter; empty: the original with every automatic fix
	// applied.
	Corrected string
	// Score, when set, is the trainee's score (training mode).
	Score *check.TrainingScore
	// Trainee, when set, is the name of the trainee whose marks were scored, printed
	// under the title.
	Trainee string
	// Created dates the PDF (required: the package never reads the clock).
	Created time.Time
	Factory *pdfdoc.Factory // nil: a new one
}

const lh = 5.0 // line height of the letter text, mm

// Render writes the report to w.
func Render(w io.Writer, r Report) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.check", nil)
	if r.Result == nil {
		return &ledger.Problem{Key: "checkpdf.err.noresult"}
	}
	f := r.Factory
	if f == nil {
		f = pdfdoc.NewFactory()
	}
	if r.Corrected == "" {
		r.Corrected = check.Apply(r.Original, r.Result.Findings)
	}
	lang := r.Lang
	t := func(key string, args ...string) string { return i18n.T(lang, key, args...) }
	meta := pdfdoc.Meta{Title: t("checkpdf.title"), Lang: lang, Created: r.Created, Author: "Relance"}
	return f.Render(w, meta, func(d *pdfdoc.Doc) error {
		res := r.Result
		d.StartSection()
		date := t("check.nodate")
		if res.Date.Valid() {
			date = pdfdoc.FormatLongDate(lang, res.Date)
		}
		sub := t("check.context", "stage", check.StageLabel(lang, res.Stage), "audience", check.AudienceLabel(lang, res.Audience), "lang", res.Lang, "date", date)
		d.TextColor(pdfdoc.Accent)
		d.SetFont("B", 15)
		d.Text(d.Left, d.Top, d.TextWidth(), 8, t("checkpdf.title"), "L")
		d.TextColor(pdfdoc.Grey)
		d.SetFont("", 9)
		d.Text(d.Left, d.Top+9, d.TextWidth(), 5, sub, "L")
		y := d.Top + 15
		summary := t("check.summary", "total", strconv.Itoa(len(res.Findings)), "blocking", strconv.Itoa(res.Count(check.Blocking)),
			"error", strconv.Itoa(res.Count(check.Error)-res.Count(check.Blocking)), "warning", strconv.Itoa(res.Count(check.Warning)-res.Count(check.Error)),
			"advice", strconv.Itoa(len(res.Findings)-res.Count(check.Warning)))
		d.Text(d.Left, y, d.TextWidth(), 5, summary, "L")
		y += 5
		if r.Trainee != "" {
			d.TextColor(pdfdoc.Black)
			d.SetFont("B", 10)
			d.Text(d.Left, y, d.TextWidth(), 5, t("exercise.pdf.trainee", "name", r.Trainee), "L")
			y += 5
		}
		if r.Score != nil {
			d.TextColor(pdfdoc.Accent)
			d.SetFont("B", 10)
			d.Text(d.Left, y, d.TextWidth(), 5, t("checkpdf.score", "score", scoreNumber(lang, r.Score.Score),
				"found", strconv.Itoa(r.Score.Found), "expected", strconv.Itoa(r.Score.Expected), "false", strconv.Itoa(r.Score.FalseMarks)), "L")
			y += 5
		}
		notes := []string{}
		if res.SpellingOff {
			notes = append(notes, t("check.note.spelling_off"))
		}
		if n := check.GrammarNote(r.Lang, res); n != "" {
			notes = append(notes, n)
		}
		d.TextColor(pdfdoc.Grey)
		d.SetFont("I", 8)
		for _, n := range notes {
			y = d.Para(d.Left, y, d.TextWidth(), 4, n, "L")
		}
		d.TextColor(pdfdoc.Black)
		d.SetY(y + 2)

		d.Heading(t("checkpdf.original"), 20)
		original(d, r.Original, res)

		d.Heading(t("checkpdf.findings"), 20)
		findings(d, lang, r.Original, res)

		d.Heading(t("checkpdf.scores"), 20)
		d.SetFont("", 9)
		y = d.Y()
		for _, s := range check.ScoreLines(lang, res.Scores) {
			y = d.Para(d.Left, y, d.TextWidth(), 4.5, s, "L")
		}
		d.SetY(y + 2)

		d.Heading(t("checkpdf.corrected"), 20)
		d.TextColor(pdfdoc.Grey)
		d.SetFont("I", 8)
		d.SetY(d.Para(d.Left, d.Y(), d.TextWidth(), 4, t("checkpdf.legend"), "L") + 2)
		corrected(d, r.Original, r.Corrected)
		return nil
	})
}

// flow writes text with fpdf's Write (wrapping at the margins, breaking pages).
func flow(d *pdfdoc.Doc, s string) {
	if s == "" {
		return
	}
	d.PDF().Write(lh, d.Enc(s))
}

func setRGB(d *pdfdoc.Doc, c check.Category) {
	r, g, b := check.CategoryColor(c)
	d.PDF().SetTextColor(int(r), int(g), int(b))
}

// original writes the letter with each finding's span in its category colour and
// underlined, followed by its number as a small bold marker.
func original(d *pdfdoc.Doc, text string, res *check.Result) {
	p := d.PDF()
	p.SetAutoPageBreak(true, d.Bottom)
	defer p.SetAutoPageBreak(false, d.Bottom)
	rs := []rune(text)
	type mark struct {
		start, end, n int
		cat           check.Category
	}
	var marks []mark
	for i, f := range res.Findings {
		if !f.Missing() {
			marks = append(marks, mark{f.Start, f.End, i + 1, f.Category})
		}
	}
	p.SetX(d.Left)
	d.SetFont("", 9.5)
	pos := 0
	for k := 0; k < len(marks); k++ {
		m := marks[k]
		if m.start < pos { // overlaps the previous span: marker only
			m.start = pos
		}
		if m.end < m.start {
			m.end = m.start
		}
		d.TextColor(pdfdoc.Black)
		d.SetFont("", 9.5)
		flow(d, string(rs[pos:m.start]))
		setRGB(d, m.cat)
		p.SetFontStyle("U")
		flow(d, string(rs[m.start:m.end]))
		p.SetFontStyle("B")
		p.SetFontSize(7)
		flow(d, "["+strconv.Itoa(m.n)+"]")
		p.SetFontSize(9.5)
		pos = m.end
	}
	d.TextColor(pdfdoc.Black)
	d.SetFont("", 9.5)
	flow(d, string(rs[pos:]))
	p.Ln(lh)
	d.SetY(p.GetY() + 2)
}

// findings writes the numbered list.
func findings(d *pdfdoc.Doc, lang, text string, res *check.Result) {
	t := func(key string, args ...string) string { return i18n.T(lang, key, args...) }
	rs := []rune(text)
	w := d.TextWidth()
	for i, f := range res.Findings {
		d.Need(14)
		y := d.Y()
		r, g, b := check.CategoryColor(f.Category)
		d.PDF().SetFillColor(int(r), int(g), int(b))
		d.PDF().Rect(d.Left, y+0.8, 2.2, 3.2, "F")
		d.SetFont("B", 9)
		d.TextColor(pdfdoc.Black)
		where := t("check.missing") + " – " + check.SectionLabel(lang, f.Section)
		if !f.Missing() {
			where = "« " + oneLine(string(rs[f.Start:f.End]), 70) + " »"
		}
		head := strconv.Itoa(i+1) + ". " + check.SeverityLabel(lang, f.Severity) + " · " + check.CategoryLabel(lang, f.Category) + " · " + f.Rule
		y = d.Para(d.Left+4, y, w-4, 4.2, head, "L")
		d.SetFont("I", 8.5)
		d.TextColor(pdfdoc.Grey)
		y = d.Para(d.Left+4, y, w-4, 4, where, "L")
		d.TextColor(pdfdoc.Black)
		d.SetFont("", 8.5)
		y = d.Para(d.Left+4, y, w-4, 4, f.Message, "L")
		why := f.Why
		if f.Legal != "" {
			why += " (" + f.Legal + ")"
		}
		y = d.Para(d.Left+4, y, w-4, 4, t("check.why")+" "+why, "L")
		for _, s := range f.Suggestions {
			y = d.Para(d.Left+4, y, w-4, 4, "→ "+oneLine(s, 300), "L")
		}
		d.SetY(y + 1.5)
	}
}

// corrected writes the corrected letter with the changes marked: deletions in red
// struck through, insertions in green.
func corrected(d *pdfdoc.Doc, before, after string) {
	p := d.PDF()
	p.SetAutoPageBreak(true, d.Bottom)
	defer p.SetAutoPageBreak(false, d.Bottom)
	p.SetX(d.Left)
	for _, op := range check.Diff(before, after) {
		d.SetFont("", 9.5)
		switch op.Kind {
		case "-":
			p.SetTextColor(0xc6, 0x28, 0x28)
			p.SetFontStyle("S")
		case "+":
			p.SetTextColor(0x2e, 0x7d, 0x32)
			p.SetFontStyle("B")
		default:
			d.TextColor(pdfdoc.Black)
		}
		flow(d, op.Text)
	}
	d.TextColor(pdfdoc.Black)
	d.SetFont("", 9.5)
	p.Ln(lh)
	d.SetY(p.GetY() + 2)
}

func oneLine(s string, max int) string {
	out := []rune{}
	space := false
	for _, r := range s {
		if r == '\n' || r == '\t' || r == ' ' {
			if !space && len(out) > 0 {
				out = append(out, ' ')
			}
			space = true
			continue
		}
		space = false
		out = append(out, r)
	}
	if len(out) > max {
		return string(out[:max-1]) + "…"
	}
	return string(out)
}

// scoreNumber is a score out of 20 in the language's number format: « 14,5 » in
// French, "14.5" in English, « 15 » for a whole score.
func scoreNumber(lang string, v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if lang == "fr" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
