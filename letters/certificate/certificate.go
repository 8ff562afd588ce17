// Package certificate prints a trainee's certificate-style summary of the course
// (« Attestation de suivi et d'évaluation des acquis »): the modules covered and the
// score of every exercise kept with the trainee — letters corrected, phone role-plays,
// negotiations, quizzes — with, for each kind, how many were done and the best, last
// and mean score out of 20. The attempts come from desk (classroom.Attempt); this
// package only sums them up and lays them out.
package certificate

import (
	"io"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/classroom"
	"relance/ledger/quiz"
	"relance/letters/pdfdoc"
)

// Summary is what the certificate shows.
type Summary struct {
	Company  ledger.Company
	Lang     string // "fr" (default) or "en"
	AsOf     ledger.Date
	Trainee  classroom.Trainee
	Attempts []classroom.Attempt
}

// KindTotal sums the attempts of one kind of exercise, scores out of 20.
type KindTotal struct {
	Kind classroom.Kind
	N    int
	Best decimal.Decimal
	Last decimal.Decimal
	Mean decimal.Decimal // to one decimal
}

// Totals returns one line per kind of exercise done, in the order of a course day.
func Totals(as []classroom.Attempt) []KindTotal {
	var out []KindTotal
	for _, k := range classroom.Kinds() {
		t := KindTotal{Kind: k}
		sum := decimal.Zero
		for i := range as {
			if as[i].Kind != k {
				continue
			}
			s := as[i].On20()
			if t.N == 0 || s.GreaterThan(t.Best) {
				t.Best = s
			}
			t.Last = s // attempts come by date
			sum = sum.Add(s)
			t.N++
		}
		if t.N > 0 {
			t.Mean = sum.Div(decimal.NewFromInt(int64(t.N))).Round(1)
			out = append(out, t)
		}
	}
	return out
}

// moduleOfKind is the course module an exercise of kind k practises (the quiz says
// its own).
func moduleOfKind(k classroom.Kind) string {
	switch k {
	case classroom.Letter:
		return "writing"
	case classroom.RolePlay:
		return "phone"
	case classroom.Negotiation:
		return "negotiate"
	}
	return ""
}

// Modules returns the course modules the attempts cover, in the programme's order:
// a quiz on every module covers them all.
func Modules(as []classroom.Attempt) []string {
	seen := map[string]bool{}
	for i := range as {
		m := as[i].Module
		if m == "" {
			m = moduleOfKind(as[i].Kind)
		}
		if m == "all" && as[i].Kind == classroom.Quiz {
			for _, q := range quiz.Modules() {
				seen[q] = true
			}
		}
		seen[m] = true
	}
	var out []string
	for _, m := range quiz.Modules() {
		if seen[m] {
			out = append(out, m)
		}
	}
	return out
}

// Render writes the certificate to w.
func Render(w io.Writer, s Summary, f *pdfdoc.Factory) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.certificate", func() string { return s.Trainee.ID })
	if f == nil {
		f = pdfdoc.NewFactory()
	}
	if s.Lang == "" {
		s.Lang = "fr"
	}
	m := pdfdoc.Meta{Author: s.Company.Name, Keywords: s.Trainee.ID, Lang: s.Lang,
		Created: s.AsOf.Time().Add(12 * time.Hour)}
	return f.Render(w, m, func(d *pdfdoc.Doc) error {
		draw(d, &s)
		return nil
	})
}

func draw(d *pdfdoc.Doc, s *Summary) {
	t := &s.Trainee
	d.ReportHead(&s.Company, "", d.T("certificate.pdf.title"), d.T("certificate.pdf.subtitle", "date", d.Date(s.AsOf)))
	rows := [][2]string{{d.T("certificate.pdf.trainee"), t.Name}}
	if t.Group != "" {
		rows = append(rows, [2]string{d.T("certificate.pdf.group"), t.Group})
	}
	if len(s.Attempts) > 0 {
		rows = append(rows, [2]string{d.T("certificate.pdf.period"), d.T("certificate.pdf.period_text",
			"from", d.Date(s.Attempts[0].Date), "to", d.Date(s.Attempts[len(s.Attempts)-1].Date))})
	}
	d.LabelBox(rows, 50)

	d.Heading(d.T("certificate.pdf.modules"), 20)
	d.SetFont("", 9)
	y := d.Y()
	mods := Modules(s.Attempts)
	if len(mods) == 0 {
		y = d.Para(d.Left, y, d.TextWidth(), 4.6, d.T("certificate.pdf.no_module"), "L") + 1
	}
	for _, mod := range mods {
		y = d.Para(d.Left, y, d.TextWidth(), 4.6, "• "+quiz.ModuleName(d.Lang(), mod), "L") + 0.5
	}
	d.SetY(y + 2)

	d.Heading(d.T("certificate.pdf.results"), 20)
	tb := d.NewTable(pdfdoc.Column{Title: d.T("certificate.pdf.kind"), Width: 62},
		pdfdoc.Column{Title: d.T("certificate.pdf.count"), Width: 28, Align: "R"},
		pdfdoc.Column{Title: d.T("certificate.pdf.best"), Width: 30, Align: "R"},
		pdfdoc.Column{Title: d.T("certificate.pdf.last"), Width: 30, Align: "R"},
		pdfdoc.Column{Title: d.T("certificate.pdf.mean"), Width: 30, Align: "R"})
	tb.Size = 9
	tb.RowH = 6
	tb.Header()
	totals := Totals(s.Attempts)
	for _, k := range totals {
		tb.Row(d.T("classroom.kind."+string(k.Kind)), strconv.Itoa(k.N), on20(d, k.Best), on20(d, k.Last), on20(d, k.Mean))
	}
	if len(totals) == 0 {
		tb.Row(d.T("certificate.pdf.none"))
	}
	d.SetY(d.Y() + 4)

	if len(s.Attempts) > 0 {
		d.Heading(d.T("certificate.pdf.detail"), 20)
		dt := d.NewTable(pdfdoc.Column{Title: d.T("certificate.pdf.date"), Width: 22},
			pdfdoc.Column{Title: d.T("certificate.pdf.kind"), Width: 44},
			pdfdoc.Column{Title: d.T("certificate.pdf.exercise"), Width: 70},
			pdfdoc.Column{Title: d.T("certificate.pdf.score"), Width: 22, Align: "R"},
			pdfdoc.Column{Title: d.T("certificate.pdf.on20"), Width: 22, Align: "R"})
		dt.Zebra = true
		dt.Header()
		for i := range s.Attempts {
			a := &s.Attempts[i]
			title := a.Title
			if title == "" {
				title = a.Exercise
			}
			dt.Row(d.Date(a.Date), d.T("classroom.kind."+string(a.Kind)), title,
				num(d, a.Score)+"/"+strconv.Itoa(a.OutOf), on20(d, a.On20()))
		}
	}
	d.SetY(d.Y() + 10)
	d.Need(20)
	d.SetFont("", 9)
	y = d.Para(d.Left, d.Y(), d.TextWidth(), 4.6, d.T("certificate.pdf.sign", "date", d.LongDate(s.AsOf)), "L")
	d.SetY(y)
}

// num writes a score with the language's decimal mark.
func num(d *pdfdoc.Doc, v decimal.Decimal) string {
	s := v.String()
	if d.Lang() == "fr" {
		for i := range s {
			if s[i] == '.' {
				return s[:i] + "," + s[i+1:]
			}
		}
	}
	return s
}

func on20(d *pdfdoc.Doc, v decimal.Decimal) string { return num(d, v) + " / 20" }
