package pdfdoc

import "relance/ledger"

// ReportHead starts a printed report (aged balance, dashboard, digest): a new
// section, the company's legal line in the footer, the company's name and the title
// on the first page, an optional grey subtitle, and on every later page a running
// head "company – title". It returns the y where the report's body starts.
func (d *Doc) ReportHead(c *ledger.Company, currency, title, subtitle string) float64 {
	d.StartSection()
	d.SetLegal(LegalLine(d.Lang(), currency, c))
	d.OnNewPage(func(d *Doc) {
		d.TextColor(Grey)
		d.SetFont("", 8)
		d.Text(d.Left, d.Top, d.TextWidth(), 4, c.Name+" – "+title, "L")
		d.TextColor(Black)
		d.SetY(d.Top + 7)
	})
	d.TextColor(Accent)
	d.SetFont("B", 11)
	d.Text(d.Left, d.Top, d.TextWidth(), 6, c.Name, "L")
	d.SetFont("B", 15)
	d.Text(d.Left, d.Top+7, d.TextWidth(), 8, title, "L")
	y := d.Top + 17
	if subtitle != "" {
		d.TextColor(Grey)
		d.SetFont("", 9)
		d.Text(d.Left, d.Top+16, d.TextWidth(), 5, subtitle, "L")
		y = d.Top + 23
	}
	d.TextColor(Black)
	d.SetY(y)
	return y
}

// Heading writes a section heading of a report, keeping at least need millimetres
// of the page for what follows it (a new page otherwise).
func (d *Doc) Heading(text string, need float64) {
	d.Need(need)
	y := d.Y() + 3
	d.TextColor(Accent)
	d.SetFont("B", 11)
	d.Text(d.Left, y, d.TextWidth(), 6, text, "L")
	d.TextColor(Black)
	d.SetY(y + 8)
}
