// Package digest prints what the collector sends the sales force and the customers
// about disputes: a salesperson's digest (their active disputes, their overdue
// customers, the delivery blocks waiting for a decision) as CSV or PDF, and the
// acknowledgement letter of a dispute to the customer as a PDF.
//
// The figures come from ledger/dispute (SalesDigest, Dispute); this package only lays
// them out, in French or English.
package digest

import (
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/dispute"
	"relance/letters/pdfdoc"
)

// Options tune a print. The zero value prints in the dossier's language.
type Options struct {
	Lang    string          // "fr" or "en"; empty: the dossier's language
	Created time.Time       // PDF creation date; zero: noon UTC on the as-of date
	Factory *pdfdoc.Factory // nil: a new one
}

func (o Options) norm(s *ledger.Settings, asOf ledger.Date) Options {
	if o.Lang == "" {
		o.Lang = s.Lang
	}
	if o.Lang != "en" {
		o.Lang = "fr"
	}
	if o.Created.IsZero() {
		o.Created = asOf.Time().Add(12 * time.Hour)
	}
	if o.Factory == nil {
		o.Factory = pdfdoc.NewFactory()
	}
	return o
}

// amount formats money for CSV: "1234,50" in French (what French spreadsheets read),
// "1234.50" in English.
func amount(lang string, c ledger.Cents) string {
	s := c.String()
	if lang == "fr" {
		for i := range len(s) {
			if s[i] == '.' {
				return s[:i] + "," + s[i+1:]
			}
		}
	}
	return s
}

// WriteCSV writes the digest as one CSV table (";" and decimal comma in French, ","
// and point in English) with a first "section" column: dispute, customer or block.
func WriteCSV(w io.Writer, dg *dispute.SalesDigest, lang string) error {
	if lang != "en" {
		lang = "fr"
	}
	t := func(k string, args ...string) string { return i18n.T(lang, k, args...) }
	cw := csv.NewWriter(w)
	if lang == "fr" {
		cw.Comma = ';'
	}
	rows := [][]string{{t("dispute.csv.section"), t("dispute.col.id"), t("dispute.col.customer"), t("dispute.col.name"),
		t("dispute.col.detail"), t("dispute.col.status"), t("dispute.col.amount"), t("dispute.col.disputed"),
		t("dispute.col.date"), t("dispute.col.dueby"), t("dispute.col.dayslate")}}
	for _, d := range dg.Disputes {
		rows = append(rows, []string{t("dispute.csv.dispute"), d.ID, d.Customer, dg.Names[d.Customer],
			t("dispute.reason." + string(d.Reason)), t("dispute.status." + string(d.Status)), "", amount(lang, d.Total()),
			d.Opened.String(), d.DueBy.String(), ""})
	}
	for _, c := range dg.Customers {
		status := ""
		if c.Blocked {
			status = t("dispute.block.state.blocked")
		}
		rows = append(rows, []string{t("dispute.csv.customer"), "", c.ID, c.Name, "", status, amount(lang, c.Overdue),
			amount(lang, c.Disputed), "", "", strconv.Itoa(c.DaysLate)})
	}
	for _, b := range dg.Blocks {
		rows = append(rows, []string{t("dispute.csv.block"), b.ID, b.Customer, dg.Names[b.Customer], reasons(lang, &b),
			t("dispute.block.state." + string(b.State())), amount(lang, b.Proposed.Overdue), "",
			b.Proposed.Date.String(), "", ""})
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

// reasons joins a block's reasons in lang.
func reasons(lang string, b *dispute.Block) string {
	s := ""
	for i, r := range b.Proposed.Reasons {
		if i > 0 {
			s += " ; "
		}
		s += i18n.T(lang, r.Key, r.Args...)
	}
	return s
}

// RenderPDF writes the digest of the dossier with settings s to w as a PDF: a title,
// the totals, then three tables (disputes, overdue customers, blocks to decide).
func RenderPDF(w io.Writer, s ledger.Settings, dg *dispute.SalesDigest, opt Options) (err error) {
	defer pdfdoc.Guard(&err, "pdfsafe.kind.digest", nil)
	opt = opt.norm(&s, dg.AsOf)
	title := i18n.T(opt.Lang, "dispute.digest.title", "name", dg.Salesperson.Name, "date", pdfdoc.FormatDate(opt.Lang, dg.AsOf))
	m := pdfdoc.Meta{Title: title, Subject: s.Company.Name, Author: s.Company.Name, Lang: opt.Lang,
		Currency: s.Currency, Created: opt.Created}
	return opt.Factory.Render(w, m, func(d *pdfdoc.Doc) error {
		drawDigest(d, &s, dg, title)
		return nil
	})
}

func drawDigest(d *pdfdoc.Doc, s *ledger.Settings, dg *dispute.SalesDigest, title string) {
	d.ReportHead(&s.Company, s.Currency, title, "")
	d.SetFont("", 9)
	y := d.Para(d.Left, d.Y(), d.TextWidth(), pdfdoc.LineHeight(9), d.T("dispute.digest.summary",
		"disputes", strconv.Itoa(len(dg.Disputes)), "disputed", d.Money(dg.DisputedTotal()),
		"customers", strconv.Itoa(len(dg.Customers)), "overdue", d.Money(dg.OverdueTotal()),
		"blocks", strconv.Itoa(len(dg.Blocks))), "L")
	heading := func(key string) { d.Heading(d.T(key), 20) }
	d.SetY(y)

	heading("dispute.digest.disputes")
	t := d.NewTable(
		pdfdoc.Column{Title: d.T("dispute.col.id"), Width: 22, Align: "L"},
		pdfdoc.Column{Title: d.T("dispute.col.name"), Width: 48, Align: "L"},
		pdfdoc.Column{Title: d.T("dispute.col.detail"), Width: 30, Align: "L"},
		pdfdoc.Column{Title: d.T("dispute.col.status"), Width: 28, Align: "L"},
		pdfdoc.Column{Title: d.T("dispute.col.dueby"), Width: 20, Align: "L"},
		pdfdoc.Column{Title: d.T("dispute.col.disputed"), Width: 26, Align: "R"})
	t.Size, t.RowH, t.Zebra = 8, 5, true
	t.Header()
	for _, x := range dg.Disputes {
		t.Row(x.ID, dg.Names[x.Customer], d.T("dispute.reason."+string(x.Reason)), d.T("dispute.status."+string(x.Status)),
			d.Date(x.DueBy), d.Money(x.Total()))
	}
	t.Total(d.T("dispute.digest.total"), "", "", "", "", d.Money(dg.DisputedTotal()))

	heading("dispute.digest.customers")
	t = d.NewTable(
		pdfdoc.Column{Title: d.T("dispute.col.customer"), Width: 22, Align: "L"},
		pdfdoc.Column{Title: d.T("dispute.col.name"), Width: 62, Align: "L"},
		pdfdoc.Column{Title: d.T("dispute.col.amount"), Width: 28, Align: "R"},
		pdfdoc.Column{Title: d.T("dispute.col.disputed"), Width: 26, Align: "R"},
		pdfdoc.Column{Title: d.T("dispute.col.dayslate"), Width: 16, Align: "R"},
		pdfdoc.Column{Title: d.T("dispute.col.status"), Width: 20, Align: "L"})
	t.Size, t.RowH, t.Zebra = 8, 5, true
	t.Header()
	for _, c := range dg.Customers {
		st := ""
		if c.Blocked {
			st = d.T("dispute.block.state.blocked")
		}
		t.Row(c.ID, c.Name, d.Money(c.Overdue), d.Money(c.Disputed), strconv.Itoa(c.DaysLate), st)
	}
	t.Total("", d.T("dispute.digest.total"), d.Money(dg.OverdueTotal()), "", "", "")

	heading("dispute.digest.blocks")
	if len(dg.Blocks) == 0 {
		d.SetFont("I", 9)
		d.Text(d.Left, d.Y(), d.TextWidth(), 5, d.T("dispute.digest.noblocks"), "L")
		return
	}
	t = d.NewTable(
		pdfdoc.Column{Title: d.T("dispute.col.id"), Width: 22, Align: "L"},
		pdfdoc.Column{Title: d.T("dispute.col.name"), Width: 44, Align: "L"},
		pdfdoc.Column{Title: d.T("dispute.col.date"), Width: 20, Align: "L"},
		pdfdoc.Column{Title: d.T("dispute.col.detail"), Width: 62, Align: "L"},
		pdfdoc.Column{Title: d.T("dispute.col.amount"), Width: 26, Align: "R"})
	t.Size, t.RowH, t.Zebra = 8, 5, true
	t.Header()
	for _, b := range dg.Blocks {
		t.Row(b.ID, dg.Names[b.Customer], d.Date(b.Proposed.Date), reasons(d.Lang(), &b), d.Money(b.Proposed.Overdue))
	}
}
