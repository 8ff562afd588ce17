// Package termsheet prints the argument sheet for negotiating a customer's payment
// terms (« Arguments pour négocier les délais de paiement »): what the customer
// accepted and the legal caps, how it actually pays, what granting it more days would
// cost the firm (the cash tied up and its financing cost), and the arguments and
// counter-offers a credit manager brings to the meeting. The figures come from desk
// (ledger/contract.TermsCost); this package only lays them out.
package termsheet

import (
	"io"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/contract"
	"relance/letters/pdfdoc"
)

// Sheet is what the argument sheet shows.
type Sheet struct {
	Company  ledger.Company
	Currency string
	Lang     string // "fr" (default) or "en": the credit manager's language
	AsOf     ledger.Date
	Customer ledger.Customer
	// Terms are the terms in force (the customer's or the dossier's default) in the
	// user's words; OverCap says they exceed the caps of C. com. L441-10 I.
	Terms   string
	OverCap bool
	// Asked is how many days more the customer asks for, Rate the firm's financing rate
	// (percent a year), YearSales the customer's sales over the year to AsOf; Cash and
	// Cost what the days would tie up and cost a year (contract.TermsCost).
	Asked     int
	Rate      decimal.Decimal
	YearSales ledger.Cents
	Cash      ledger.Cents
	Cost      ledger.Cents
	// Late12m is how late the customer paid over 12 months, in days ("" unknown).
	Late12m  string
	Contract contract.Contract
	Findings []contract.Finding
}

// Render writes the argument sheet to w.
func Render(w io.Writer, s Sheet, f *pdfdoc.Factory) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.termsheet", func() string { return s.Customer.ID })
	if f == nil {
		f = pdfdoc.NewFactory()
	}
	if s.Lang == "" {
		s.Lang = "fr"
	}
	m := pdfdoc.Meta{Author: s.Company.Name, Keywords: s.Customer.ID, Lang: s.Lang, Currency: s.Currency,
		Created: s.AsOf.Time().Add(12 * time.Hour)}
	return f.Render(w, m, func(d *pdfdoc.Doc) error {
		draw(d, &s)
		return nil
	})
}

func draw(d *pdfdoc.Doc, s *Sheet) {
	c := &s.Customer
	d.ReportHead(&s.Company, s.Currency, d.T("terms.pdf.title", "customer", c.Name),
		d.T("terms.pdf.subtitle", "date", d.Date(s.AsOf), "id", c.ID))
	terms := s.Terms
	if s.OverCap {
		terms += " — " + d.T("terms.pdf.over_cap")
	}
	late := s.Late12m
	if late == "" {
		late = "—"
	}
	d.Heading(d.T("terms.pdf.situation"), 30)
	rows := [][2]string{
		{d.T("terms.pdf.terms"), terms},
		{d.T("terms.pdf.cap"), d.T("terms.pdf.cap_text")},
		{d.T("terms.pdf.late"), late},
		{d.T("terms.pdf.sales"), d.Money(s.YearSales)},
	}
	k := &s.Contract
	if k.Accepted.Valid() {
		rows = append(rows, [2]string{d.T("terms.pdf.cgv"), d.T("terms.pdf.cgv_text", "cgv", k.CGV, "date", d.Date(k.Accepted))})
	} else {
		rows = append(rows, [2]string{d.T("terms.pdf.cgv"), d.T("terms.pdf.cgv_none")})
	}
	d.LabelBox(rows, 58)

	d.Heading(d.T("terms.pdf.cost", "days", strconv.Itoa(s.Asked)), 30)
	d.LabelBox([][2]string{
		{d.T("terms.pdf.cash"), d.Money(s.Cash)},
		{d.T("terms.pdf.rate"), d.Percent(s.Rate)},
		{d.T("terms.pdf.yearcost"), d.Money(s.Cost)},
		{d.T("terms.pdf.how"), d.T("terms.pdf.how_text", "sales", d.Money(s.YearSales), "days", strconv.Itoa(s.Asked),
			"rate", d.Percent(s.Rate))},
	}, 58)

	d.Heading(d.T("terms.pdf.arguments"), 24)
	d.SetFont("", 9)
	y := d.Y()
	for i := 1; i <= 6; i++ {
		y = d.Para(d.Left, y, d.TextWidth(), 4.6, "• "+d.T("terms.pdf.arg"+strconv.Itoa(i)), "L") + 1
	}
	d.SetY(y + 1)
	if len(s.Findings) > 0 {
		d.Heading(d.T("terms.pdf.findings"), 16)
		d.SetFont("", 9)
		y := d.Y()
		for _, f := range s.Findings {
			y = d.Para(d.Left, y, d.TextWidth(), 4.6, "• "+f.Text(d.Lang(), d.Date, d.Money), "L") + 1
		}
		d.SetY(y)
	}
}
