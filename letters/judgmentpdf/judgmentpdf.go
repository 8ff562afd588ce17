// Package judgmentpdf prints the post-judgment décompte (ledger/law.JudgmentDecompte)
// for the commissaire de justice who enforces the decision: the creditor and the
// debtor, the decision and the day it became enforceable, the sums awarded and what
// remains of them, the interest line by line with the CMF L313-3 majoration, the
// capitalisations (C. civ. 1343-2) and the payments with their imputation, the total
// due, the ten-year enforcement deadline (CPCE L111-4) and the rules applied.
package judgmentpdf

import (
	"io"
	"time"

	"relance/ledger"
	"relance/ledger/law"
	"relance/letters/decomptepdf"
	"relance/letters/pdfdoc"
)

// Options tune the PDF. The zero value is ready to use.
type Options struct {
	// Created is the PDF's creation date; zero means noon UTC on the as-of date.
	Created time.Time
	// Factory makes the document; nil creates one.
	Factory *pdfdoc.Factory
}

// Render writes the décompte's PDF to w in lang, for the creditor of book.
func Render(w io.Writer, book *ledger.Book, d *law.JudgmentDecompte, lang string, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "judgment.pdf.kind", func() string { return d.Judgment.Customer })
	if opt.Created.IsZero() {
		opt.Created = d.AsOf.Time().Add(12 * time.Hour)
	}
	if opt.Factory == nil {
		opt.Factory = pdfdoc.NewFactory()
	}
	debtor := d.Judgment.Customer
	if acc := book.Account(d.Judgment.Customer); acc != nil {
		debtor = acc.Customer.Name
	}
	m := pdfdoc.Meta{Title: "Décompte après jugement — " + debtor, Subject: d.Judgment.ID, Author: book.Settings.Company.Name,
		Keywords: d.Judgment.Customer, Lang: lang, Currency: d.Currency, Created: opt.Created}
	if lang != "fr" {
		m.Title = "Post-judgment statement — " + debtor
	}
	return opt.Factory.Render(w, m, func(doc *pdfdoc.Doc) error {
		draw(doc, book, d)
		return nil
	})
}

type kv struct{ k, v string }

func draw(d *pdfdoc.Doc, book *ledger.Book, jd *law.JudgmentDecompte) {
	co := &book.Settings.Company
	j := &jd.Judgment
	home := book.Settings.Country
	debtorName, debtorLines := j.Customer, []string{}
	var debtorSIREN string
	if acc := book.Account(j.Customer); acc != nil {
		c := &acc.Customer
		debtorName, debtorSIREN = c.Name, c.SIREN
		debtorLines = pdfdoc.PostalLines(c.Name, c.Address, home)[1:]
	}
	d.ReportHead(co, jd.Currency, d.T("judgment.pdf.title"), d.T("judgment.pdf.subtitle",
		"customer", debtorName, "id", j.Customer, "date", d.LongDate(jd.AsOf)))

	parties(d, co, home, debtorName, debtorSIREN, debtorLines, j.Customer)

	// The decision.
	d.Heading(d.T("judgment.pdf.h.decision"), 30)
	decision := d.T(j.Kind.KindKey())
	if j.Court != "" {
		decision += " — " + j.Court
	}
	rows := []kv{{d.T("judgment.pdf.decision"), decision}}
	if j.Ref != "" {
		rows = append(rows, kv{d.T("judgment.pdf.ref"), j.Ref})
	}
	rows = append(rows,
		kv{d.T("judgment.pdf.date"), d.LongDate(j.Decision)},
		kv{d.T("judgment.pdf.enforceable"), d.LongDate(j.Enforceable)},
		kv{d.T("judgment.pdf.interest"), interestText(d, j)},
		kv{d.T("judgment.pdf.capitalise"), d.T(capKey(j.Capitalise))},
	)
	if j.Interest == law.InterestLegal || j.Indemnity > 0 || j.Art700 > 0 {
		rows = append(rows, kv{d.T("judgment.pdf.majoration"), d.T("judgment.pdf.majoration_from", "date", d.LongDate(jd.Majoration))})
	}
	box(d, rows)
	deadline(d, jd)

	sums(d, jd)
	if len(jd.Lines) > 0 {
		d.Heading(d.T("judgment.pdf.h.interest", "date", d.Date(jd.InterestEnd)), 25)
		decomptepdf.LinesTitled(d, jd.Decompte(d.Lang()), d.T("judgment.pdf.col.sum"))
	}
	events(d, jd)

	d.SetY(d.Y() + 3)
	tot := jd.Totals
	costs := jd.Sum(law.AwardCosts).Owed + jd.Sum(law.AwardArt700).Owed + jd.Sum(law.AwardIndemnity).Owed
	d.TotalsBox([][2]string{
		{d.T("judgment.pdf.tot.principal"), d.Money(jd.Sum(law.AwardPrincipal).Owed)},
		{d.T("judgment.pdf.tot.costs"), d.Money(costs)},
		{d.T("judgment.pdf.tot.interest"), d.Money(tot.InterestOwed)},
		{d.T("judgment.pdf.tot.due", "date", d.Date(jd.AsOf)), d.Money(tot.TotalDue)},
	}, 120)

	d.Heading(d.T("judgment.pdf.h.notes"), 15)
	d.TextColor(pdfdoc.Grey)
	d.SetFont("", 7.5)
	for _, n := range jd.Notes {
		d.SetY(d.Para(d.Left, d.Y()+0.5, d.TextWidth(), pdfdoc.LineHeight(7.5), "• "+jd.NoteText(n, d.Lang()), "L"))
	}
	d.TextColor(pdfdoc.Black)
	signature(d, book, jd)
}

// parties draws the creditor and the debtor side by side.
func parties(d *pdfdoc.Doc, co *ledger.Company, home, debtorName, debtorSIREN string, debtorLines []string, id string) {
	half := d.TextWidth()/2 - 2
	block := func(x float64, title, name string, lines []string, siren string) float64 {
		y := d.Y()
		d.TextColor(pdfdoc.Grey)
		d.SetFont("", 8)
		d.Text(x, y, half, 4.5, title, "L")
		d.TextColor(pdfdoc.Black)
		d.SetFont("B", 9.5)
		y = d.Para(x, y+4.5, half, pdfdoc.LineHeight(9.5), name, "L")
		d.SetFont("", 9)
		for _, l := range lines {
			y = d.Para(x, y, half, pdfdoc.LineHeight(9), l, "L")
		}
		if siren != "" {
			y = d.Para(x, y, half, pdfdoc.LineHeight(9), "SIREN "+pdfdoc.GroupSIREN(siren), "L")
		}
		return y
	}
	d.Need(30)
	y0 := d.Y() + 2
	d.SetY(y0)
	credLines := pdfdoc.PostalLines(co.Name, co.Address, home)[1:]
	y1 := block(d.Left, d.T("judgment.pdf.creditor"), co.Name, credLines, co.SIREN)
	d.SetY(y0)
	y2 := block(d.Left+half+4, d.T("judgment.pdf.debtor", "id", id), debtorName, debtorLines, debtorSIREN)
	d.SetY(max(y1, y2) + 2)
}

// box draws label/value pairs on a light background (pdfdoc.LabelBox).
func box(d *pdfdoc.Doc, rows []kv) {
	pairs := make([][2]string, len(rows))
	for i, r := range rows {
		pairs[i] = [2]string{r.k, r.v}
	}
	d.LabelBox(pairs, 58.0)
}

// deadline states the L111-4 deadline, in the alert colour when it is near or past.
func deadline(d *pdfdoc.Doc, jd *law.JudgmentDecompte) {
	key := "judgment.pdf.enforce_until"
	if jd.DaysLeft < 0 {
		key = "judgment.pdf.enforce_passed"
	}
	level := law.EnforcementLevel(jd.EnforceUntil, jd.AsOf)
	d.TextColor(pdfdoc.Accent)
	if level != law.LevelOK {
		d.TextColor(pdfdoc.Alert)
	}
	d.SetFont("B", 9.5)
	d.SetY(d.Para(d.Left, d.Y()+1, d.TextWidth(), pdfdoc.LineHeight(9.5),
		d.T(key, "date", d.LongDate(jd.EnforceUntil), "end", d.LongDate(jd.Judgment.Enforceable)), "L") + 1)
	d.TextColor(pdfdoc.Black)
}

// sums draws the sums awarded: what was paid on each, what remains, its interest.
func sums(d *pdfdoc.Doc, jd *law.JudgmentDecompte) {
	d.Heading(d.T("judgment.pdf.h.sums"), 30)
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("judgment.pdf.col.sum"), Width: 34, Align: "L"},
		pdfdoc.Column{Title: d.T("judgment.pdf.col.awarded"), Width: 23, Align: "R"},
		pdfdoc.Column{Title: d.T("judgment.pdf.col.paid"), Width: 22, Align: "R"},
		pdfdoc.Column{Title: d.T("judgment.pdf.col.owed"), Width: 23, Align: "R"},
		pdfdoc.Column{Title: d.T("judgment.pdf.col.accrued"), Width: 25, Align: "R"},
		pdfdoc.Column{Title: d.T("judgment.pdf.col.interest_paid"), Width: 25, Align: "R"},
		pdfdoc.Column{Title: d.T("judgment.pdf.col.interest_owed"), Width: 22, Align: "R"},
	)
	t.Size, t.Zebra = 7.5, true
	t.Header()
	var paid, owed, ip ledger.Cents
	for _, s := range jd.Sums {
		if s.Awarded == 0 {
			continue
		}
		paid, owed, ip = paid+s.Paid, owed+s.Owed, ip+s.InterestPaid
		t.Row(d.T(law.AwardKey(s.Award)), d.Money(s.Awarded), d.Money(s.Paid), d.Money(s.Owed), d.Money(s.Accrued),
			d.Money(s.InterestPaid), d.Money(s.InterestOwed))
	}
	tot := jd.Totals
	t.Total(d.T("judgment.pdf.total"), d.Money(tot.Awarded), d.Money(paid), d.Money(owed), d.Money(tot.Accrued),
		d.Money(ip), d.Money(tot.InterestOwed))
}

// events draws the capitalisations and the payments with their imputation.
func events(d *pdfdoc.Doc, jd *law.JudgmentDecompte) {
	if len(jd.Events) == 0 {
		return
	}
	d.Heading(d.T("judgment.pdf.h.events"), 25)
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("judgment.pdf.col.date"), Width: 20, Align: "C"},
		pdfdoc.Column{Title: d.T("judgment.pdf.col.event"), Width: 70, Align: "L"},
		pdfdoc.Column{Title: d.T("judgment.pdf.col.amount"), Width: 22, Align: "R"},
		pdfdoc.Column{Title: d.T("judgment.pdf.col.to_costs"), Width: 20, Align: "R"},
		pdfdoc.Column{Title: d.T("judgment.pdf.col.to_interest"), Width: 20, Align: "R"},
		pdfdoc.Column{Title: d.T("judgment.pdf.col.to_principal"), Width: 22, Align: "R"},
	)
	t.Size, t.Zebra = 7.5, true
	t.Header()
	for _, e := range jd.Events {
		if e.Kind == law.JudgmentCapitalised {
			t.Row(d.Date(e.Date), d.T("judgment.event.capitalised", "claim", d.T(law.AwardKey(e.Award))),
				d.Money(e.Amount), "", "", "")
			continue
		}
		what := d.T("judgment.event.payment")
		if e.Ref != "" {
			what += " — " + e.Ref
		}
		t.Row(d.Date(e.Date), what, d.Money(e.Amount), d.Money(e.ToCosts), d.Money(e.ToInterest), d.Money(e.ToPrincipal))
	}
}

// interestText says the rate the decision awards on the principal and from when.
func interestText(d *pdfdoc.Doc, j *law.Judgment) string {
	s := d.T(j.Interest.InterestKey())
	if j.Interest == law.InterestContract {
		s += " (" + d.Percent(j.Rate.Decimal) + ")"
	}
	return d.T("judgment.pdf.interest_from", "rate", s, "date", d.LongDate(j.InterestStart()))
}

func capKey(ordered bool) string {
	if ordered {
		return "judgment.pdf.yes"
	}
	return "judgment.pdf.no"
}

// signature closes the statement: place and date, the creditor.
func signature(d *pdfdoc.Doc, book *ledger.Book, jd *law.JudgmentDecompte) {
	d.Need(22)
	y := d.Y() + 5
	x := d.Left + d.TextWidth()/2 + 10
	w := d.W - d.Right - x
	d.SetFont("", 9.5)
	d.Text(x, y, w, 5, d.T("judgment.pdf.place_date", "place", book.Settings.Company.Address.City, "date", d.LongDate(jd.AsOf)), "L")
	d.SetFont("B", 10)
	d.Text(x, y+6, w, 5, book.Settings.Company.Name, "L")
	if n := book.Settings.Signatory.Name; n != "" {
		d.SetFont("", 9)
		d.Text(x, y+11, w, 5, n, "L")
	}
	d.SetY(y + 20)
}
