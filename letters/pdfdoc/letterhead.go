package pdfdoc

import (
	"bytes"
	"image"
	_ "image/jpeg" // logo formats
	_ "image/png"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"relance/ledger"
)

// Rect is a rectangle on the page, in millimetres from the top-left corner.
type Rect struct{ X, Y, W, H float64 }

// Window areas of an A4 letter folded in three for a DL (110 × 220 mm) envelope with a
// right window (100 × 45 mm, 20 mm from the right edge and 15 mm from the bottom).
// The letter can move a few millimetres inside the envelope, so the address goes where
// the window always shows it, and nothing else is drawn in the wider zone around it.
//
// AddressBox is where the recipient's address is printed: 100 mm from the left edge,
// 50 mm from the top, 88 × 34 mm (6 lines of 10 pt).
func AddressBox() Rect { return Rect{X: 100, Y: 50, W: 88, H: 34} }

// WindowZone is kept clear of everything but the address (see AddressBox).
func WindowZone() Rect { return Rect{X: 95, Y: 40, W: 115, H: 55} }

// Color is an RGB colour, 0xRRGGBB.
type Color uint32

// Colours used by the documents.
const (
	Black  Color = 0x000000
	Grey   Color = 0x646464
	Accent Color = 0x1f497d // headings and rules
	Alert  Color = 0xaa1414 // overdue amounts
	Light  Color = 0xebf0f6 // header and totals fill
	Zebra  Color = 0xf6f7f9 // alternate rows
)

// RGB returns the colour's components.
func (c Color) RGB() (r, g, b int) { return int(c >> 16 & 0xff), int(c >> 8 & 0xff), int(c & 0xff) }

// TextColor sets the colour of the text that follows.
func (d *Doc) TextColor(c Color) { d.pdf.SetTextColor(c.RGB()) }

// FillColor sets the colour of filled cells and rectangles.
func (d *Doc) FillColor(c Color) { d.pdf.SetFillColor(c.RGB()) }

// DrawColor sets the colour of lines.
func (d *Doc) DrawColor(c Color) { d.pdf.SetDrawColor(c.RGB()) }

// Letterhead draws the company's identity in the top-left corner (logo if any, name,
// legal form and capital, address, SIREN/RCS, VAT, phone and e-mail), clear of the
// window zone, sets the footer's legal line, and returns the y below it.
func (d *Doc) Letterhead(c *ledger.Company) float64 {
	d.SetLegal(legalLine(d.lang, d.currency, c, d.f.t))
	x, y, w := d.Left, 12.0, WindowZone().X-d.Left-3
	if h := d.logo(c.Logo, x, y, 45, 16); h > 0 {
		y += h + 2
	}
	d.TextColor(Accent)
	d.SetFont("B", 13)
	y = d.Para(x, y, w, LineHeight(13), c.Name, "L")
	d.TextColor(Black)
	d.SetFont("", 8)
	lh := LineHeight(8)
	var lines []string
	if c.LegalForm != "" && c.Capital > 0 {
		lines = append(lines, d.T("pdf.legal.capital", "form", c.LegalForm, "amount", Capital(d.lang, d.currency, c.Capital)))
	}
	lines = append(lines, c.Address.Lines...)
	if city := strings.TrimSpace(c.Address.Postcode + " " + c.Address.City); city != "" {
		lines = append(lines, city)
	}
	if c.Phone != "" {
		lines = append(lines, d.T("pdf.phone", "value", c.Phone))
	}
	if c.Email != "" {
		lines = append(lines, c.Email)
	}
	for _, l := range lines {
		d.Text(x, y, w, lh, l, "L")
		y += lh
	}
	d.TextColor(Grey)
	d.SetFont("", 7)
	var ids []string
	if c.SIREN != "" {
		ids = append(ids, strings.TrimSpace("RCS "+strings.TrimSpace(strings.TrimPrefix(c.RCSCity, "RCS"))+" "+GroupSIREN(c.SIREN)))
	}
	if c.VATNumber != "" {
		ids = append(ids, d.T("pdf.legal.vat", "value", c.VATNumber))
	}
	if len(ids) > 0 {
		y = d.Para(x, y+0.5, w, LineHeight(7), strings.Join(ids, " – "), "L")
	}
	d.TextColor(Black)
	d.SetFont("", 10)
	return y
}

// logo draws a PNG or JPEG logo scaled into a maxW × maxH box and returns its height;
// 0 when there is no logo or it cannot be read (a bad logo never fails a document).
func (d *Doc) logo(b []byte, x, y, maxW, maxH float64) float64 {
	if len(b) == 0 {
		return 0
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil || cfg.Width == 0 || cfg.Height == 0 {
		return 0
	}
	tp := map[string]string{"png": "PNG", "jpeg": "JPG"}[format]
	if tp == "" {
		return 0
	}
	opt := fpdf.ImageOptions{ImageType: tp}
	info := d.pdf.RegisterImageOptionsReader("logo", opt, bytes.NewReader(b))
	if info == nil || d.pdf.Err() {
		d.pdf.ClearError()
		return 0
	}
	w, h := maxW, maxW*float64(cfg.Height)/float64(cfg.Width)
	if h > maxH {
		w, h = maxH*float64(cfg.Width)/float64(cfg.Height), maxH
	}
	d.pdf.ImageOptions("logo", x, y, w, h, false, opt, 0, "")
	return h
}

// SetLegal sets the legal line printed in every page's footer (Letterhead sets it).
func (d *Doc) SetLegal(s string) {
	if s != d.legal {
		d.legal, d.legalLines = s, nil
	}
}

const pageNumberWidth = 20.0

// drawFooter is fpdf's footer function: a rule and the legal line, in at most two
// lines. The page number is drawn by endSection.
func (d *Doc) drawFooter() {
	style, size := d.style, d.size
	y := d.H - 15
	d.DrawColor(Accent)
	d.pdf.SetLineWidth(0.2)
	d.pdf.Line(d.Left, y, d.W-d.Right, y)
	d.TextColor(Grey)
	w := d.W - d.Left - d.Right - 2*pageNumberWidth
	if d.legalLines == nil {
		d.legalSize = 6.5
		d.SetFont("", d.legalSize)
		if d.legalLines = d.Lines(d.legal, w); len(d.legalLines) > 2 {
			d.legalSize = 5.5
			d.SetFont("", d.legalSize)
			d.legalLines = d.Lines(d.legal, w)
		}
	}
	d.SetFont("", d.legalSize)
	for i, l := range d.legalLines {
		if i < 2 {
			d.Text(d.Left+pageNumberWidth, y+1.5+3*float64(i), w, 3, l, "C")
		}
	}
	d.TextColor(Black)
	d.SetFont(style, size)
}

// pageNumber writes "Page n/total" at the right of the current page's footer.
func (d *Doc) pageNumber(n, total int) {
	d.pdf.SetFont(family, d.addFont(""), 1) // force fpdf to restate the font on this page
	d.SetFont("", 7)
	d.TextColor(Grey)
	d.Text(d.W-d.Right-pageNumberWidth, d.H-15+1.5, pageNumberWidth, 3,
		d.T("pdf.page", "page", strconv.Itoa(n), "pages", strconv.Itoa(total)), "R")
	d.TextColor(Black)
}

// AddressBlock prints a postal address in AddressBox, for the window envelope: at most
// 6 lines, long lines wrapped, a smaller font if needed.
func (d *Doc) AddressBlock(lines []string) {
	b := AddressBox()
	for _, size := range []float64{10, 9, 8} {
		d.SetFont("", size)
		var out []string
		for i, l := range lines {
			if i == 0 {
				d.SetFont("B", size)
			}
			out = append(out, d.Lines(l, b.W)...)
			d.SetFont("", size)
		}
		lh := LineHeight(size)
		if (len(out) > 6 || float64(len(out))*lh > b.H) && size > 8 {
			continue
		}
		y := b.Y
		first := len(d.Lines(lines[0], b.W))
		for i, l := range out {
			if float64(i+1)*lh > b.H {
				break
			}
			if i < first {
				d.SetFont("B", size)
			} else {
				d.SetFont("", size)
			}
			d.Text(b.X, y, b.W, lh, l, "L")
			y += lh
		}
		break
	}
	d.SetFont("", 10)
}

// FoldMarks draws short ticks in the left margin where an A4 sheet is folded in three
// for a DL envelope (99 and 198 mm from the top).
func (d *Doc) FoldMarks() {
	d.pdf.SetDrawColor(160, 160, 160)
	d.pdf.SetLineWidth(0.15)
	for _, y := range []float64{99, 198} {
		d.pdf.Line(4, y, 8, y)
	}
}

// PostalLines lays out a customer's postal address (NF Z 10-011 practice): name, street
// lines, then "POSTCODE CITY" in capitals; abroad, the country in capitals on the last
// line (in French, understood by every postal service); in the United Kingdom the town
// and the postcode on lines of their own.
func PostalLines(name string, a ledger.Address, home string) []string {
	out := []string{name}
	out = append(out, a.Lines...)
	city := strings.ToUpper(a.City)
	country := a.Country
	if country == "" {
		country = home
	}
	switch {
	case country == "GB":
		out = append(out, city, strings.ToUpper(a.Postcode))
	case a.Postcode != "" || city != "":
		out = append(out, strings.TrimSpace(a.Postcode+" "+city))
	}
	if country != "" && country != home {
		out = append(out, countryName(country))
	}
	return out
}

func countryName(code string) string {
	names := map[string]string{"BE": "BELGIQUE", "DE": "ALLEMAGNE", "GB": "ROYAUME-UNI", "CH": "SUISSE",
		"IT": "ITALIE", "ES": "ESPAGNE", "LU": "LUXEMBOURG", "NL": "PAYS-BAS", "PT": "PORTUGAL",
		"IE": "IRLANDE", "AT": "AUTRICHE", "MC": "MONACO", "US": "ÉTATS-UNIS", "FR": "FRANCE"}
	if n, ok := names[strings.ToUpper(code)]; ok {
		return n
	}
	return strings.ToUpper(code)
}

// Signatory opens a letter's signature block in the right half of the page, below the
// text, keeping need millimetres on the page: the signatory's name in bold, their title
// under it. It returns where the block's next line goes (x, y) and its width w, for
// what the letter adds (the company signed for, its representative).
func (d *Doc) Signatory(name, title string, need float64) (x, y, w float64) {
	d.Need(need)
	y = d.Y() + 3
	x = d.Left + d.TextWidth()/2 + 10
	w = d.W - d.Right - x
	d.SetFont("B", 10)
	d.Text(x, y, w, 5, name, "L")
	if title != "" {
		d.SetFont("", 9)
		d.Text(x, y+5, w, 5, title, "L")
	}
	return x, y + 11, w
}
