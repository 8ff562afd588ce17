// Package pdfdoc is the PDF foundation of Relance's documents: an A4 document builder on
// fpdf with the embedded DejaVu fonts, a letterhead, a footer with the company's legal
// mentions and page numbers, a window-envelope address block, a table helper, and money
// and date formatting per language. It imports no GUI package.
//
// Speed: fpdf parses and subsets a UTF-8 TrueType font for every document (~7 ms per
// font for DejaVu). A Factory instead uses prebuilt subsets of DejaVu in the
// relance-1252 encoding (Windows-1252 plus U+202F and a few symbols, see
// assets/fonts), which cost nothing to add. A document whose text needs a character
// outside that set is rendered again, transparently, with the full UTF-8 fonts. With
// the prebuilt fonts, Render also compresses the page contents and embeds the font
// files itself, after fpdf, with a reused zlib writer (deflate.go): fpdf allocated a
// new one per page. A one-page letter costs about half a millisecond.
//
// Text never crashes a document: every string given to fpdf goes through one filter
// (Doc.Enc and the drawing methods; see Replacement) that drops control characters,
// draws Latin, Greek and Cyrillic with DejaVu, and replaces visibly, by « � », what the
// fonts cannot draw (emoji, CJK, anything beyond U+FFFF), recording it for a warning
// (Factory.Warning). A panic while building a document is returned as an error.
//
// Output is reproducible: the creation date comes from Meta, never from the clock, and
// two renders of the same input are byte-identical.
package pdfdoc

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"relance/assets/fonts"
)

const family = "dejavu"

// Factory makes documents with Relance's fonts. One Factory serves any number of
// goroutines; create it once and reuse it. It records the characters its documents
// could not draw (see Replaced and Warning).
type Factory struct {
	enc   *[0x10000]byte // relance-1252 code of each BMP rune, 0 when absent; nil forces the UTF-8 fonts
	latin [3]fonts.Prebuilt

	mu       sync.Mutex
	replaced map[rune]bool // characters the documents replaced (see Replaced)
	order    []rune        // the same, in the order met

	tmemo     tmemo     // catalogue texts already asked for (see tmemo.go)
	zpool     sync.Pool // *deflater: compresses the page contents (see deflate.go)
	stubs     [3][]byte // what fpdf embeds in place of the latin fonts' files (see deflate.go)
	files     [3][]byte // the latin fonts' files
	fpdfAlone bool      // let fpdf compress and embed, as before deflate.go (tests compare)
}

// NewFactory returns a factory holding the prebuilt fonts and their encoding table.
func NewFactory() *Factory {
	f := &Factory{latin: [3]fonts.Prebuilt{fonts.RegularLatin(), fonts.BoldLatin(), fonts.ObliqueLatin()}}
	for i, l := range f.latin {
		f.stubs[i] = []byte("%relance prebuilt font " + strconv.Itoa(i) + "%")
		f.files[i] = l.Z
	}
	if m := parseMap(fonts.Encoding); m != nil {
		f.enc = new([0x10000]byte)
		for r, c := range m {
			if r < 0x10000 && c != 0 {
				f.enc[r] = c
			}
		}
	}
	return f
}

// parseMap reads an fpdf .map file ("!81 U+202F uni202F" per line) into rune → code.
func parseMap(s string) map[rune]byte {
	m := map[rune]byte{}
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) != 3 || len(fs[0]) != 3 || fs[0][0] != '!' || !strings.HasPrefix(fs[1], "U+") || fs[2] == ".notdef" {
			continue
		}
		code, err1 := strconv.ParseUint(fs[0][1:], 16, 8)
		r, err2 := strconv.ParseUint(fs[1][2:], 16, 32)
		if err1 != nil || err2 != nil {
			return nil
		}
		m[rune(r)] = byte(code)
	}
	if len(m) < 200 {
		return nil
	}
	return m
}

// Meta describes a document: its PDF metadata, language and page orientation.
type Meta struct {
	Title, Subject, Author, Keywords string
	Lang                             string // "fr" (default) or "en": formats money and dates
	Currency                         string // ISO 4217, EUR by default
	// Created is written as the PDF's creation and modification dates. It is required:
	// the package never reads the clock, so that output is reproducible.
	Created   time.Time
	Landscape bool
	// Uncompressed leaves page contents unzipped: about twice as fast to write, four
	// times larger for text-heavy print runs (fonts stay compressed). For print runs
	// sent straight to a printer, not for archived letters.
	Uncompressed bool
}

// ErrNoDate is returned by Render when Meta.Created is zero.
var ErrNoDate = errors.New("pdfdoc: Meta.Created is required (reproducible output)")

// Render builds a document with build and writes the PDF to w. build draws the content
// through the Doc; Render calls it a second time, with the full UTF-8 fonts, when the
// text needs a character outside the prebuilt fonts' set. The characters no font can
// draw are replaced (see Replacement) and recorded in f. A panic in build or in fpdf
// is returned as a *ledger.Problem "pdfsafe.panic" naming the document by its title;
// nothing is written to w then.
func (f *Factory) Render(w io.Writer, m Meta, build func(*Doc) error) (err error) {
	if m.Created.IsZero() {
		return ErrNoDate
	}
	defer func() {
		if v := recover(); v != nil {
			err = panicProblem(metaText(m.Title), v)
		}
	}()
	alone := f.fpdfAlone
	d, err := f.run(m, f.enc == nil, alone, build)
	if err == nil && d.missing {
		d, err = f.run(m, true, alone, build)
	}
	if err != nil {
		return err
	}
	if d.own {
		err := f.output(w, d, !m.Uncompressed)
		if !errors.Is(err, errLayout) {
			return err
		}
		// fpdf's output is not what rewrite knows: fpdf does it all, as it used to
		if d, err = f.run(m, d.unicode, true, build); err != nil {
			return err
		}
	}
	d.endSection()
	d.pdf.Close() // builds the whole file in memory: a panic here leaves w untouched
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("pdfdoc: %w", err)
	}
	f.note(d)
	return nil
}

// output writes the document d, built with fpdf's compression off and font stubs, to
// w with its page contents compressed when compress is set and its fonts embedded (see
// deflate.go). Nothing is written to w on error.
func (f *Factory) output(w io.Writer, d *Doc, compress bool) error {
	d.endSection()
	d.pdf.Close()
	z := f.getDeflater()
	defer f.putDeflater(z)
	if err := d.pdf.Output(&z.raw); err != nil {
		return fmt.Errorf("pdfdoc: %w", err)
	}
	fonts := 0
	for _, a := range d.added {
		if a {
			fonts++
		}
	}
	if err := z.rewrite(compress, &f.stubs, &f.files, fonts); err != nil {
		return err
	}
	if _, err := w.Write(z.out.Bytes()); err != nil {
		return fmt.Errorf("pdfdoc: %w", err)
	}
	f.note(d)
	return nil
}

// run builds a document: with the UTF-8 fonts when unicode is set; fpdf compresses
// its page contents and embeds its fonts when alone is set or the fonts are the UTF-8
// ones, else Render does (see deflate.go).
func (f *Factory) run(m Meta, unicode, alone bool, build func(*Doc) error) (*Doc, error) {
	d := f.newDoc(m, unicode, alone)
	if err := build(d); err != nil {
		return nil, err
	}
	if err := d.pdf.Error(); err != nil {
		return nil, fmt.Errorf("pdfdoc: %w", err)
	}
	return d, nil
}

// Doc is a document being built: an fpdf document with Relance's fonts, margins,
// footer and formatting. Text given to Doc methods is plain UTF-8; Doc encodes it for
// the fonts in use. Positions and sizes are in millimetres, font sizes in points.
type Doc struct {
	pdf      *fpdf.Fpdf
	f        *Factory
	unicode  bool
	own      bool // fpdf leaves the page contents uncompressed and the fonts stubbed: Render does it (deflate.go)
	missing  bool
	lang     string
	currency string

	// W and H are the page size; Left, Right, Top and Bottom the margins of the body.
	W, H, Left, Right, Top, Bottom float64

	size              float64
	style             string
	added             [3]bool       // fonts added so far: regular, bold, oblique (unused ones are not embedded)
	legal             string        // footer legal line
	header            func(d *Doc)  // draws the top of continuation pages
	numbered          int           // last section whose pages are numbered
	replaced          map[rune]bool // characters replaced by the text filter (-1: invalid bytes)
	order             []rune        // the same, in the order met
	legalLines        []string
	legalSize         float64
	section, secStart int
}

func (f *Factory) newDoc(m Meta, unicode, alone bool) *Doc {
	orient := "P"
	if m.Landscape {
		orient = "L"
	}
	p := fpdf.New(orient, "mm", "A4", "")
	d := &Doc{pdf: p, f: f, unicode: unicode, lang: normLang(m.Lang), currency: m.Currency,
		Left: 18, Right: 18, Top: 15, Bottom: 22}
	if d.currency == "" {
		d.currency = "EUR"
	}
	d.W, d.H = p.GetPageSize()
	p.SetCreationDate(m.Created)
	p.SetModificationDate(m.Created)
	p.SetCatalogSort(true)
	d.own = !unicode && !alone
	p.SetCompression(!m.Uncompressed && !d.own)
	p.SetTitle(metaText(m.Title), true)
	p.SetSubject(metaText(m.Subject), true)
	p.SetAuthor(metaText(m.Author), true)
	p.SetKeywords(metaText(m.Keywords), true)
	p.SetCreator("Relance", false)
	p.SetProducer("Relance (fpdf)", false)
	p.SetLang(d.lang)
	p.SetMargins(d.Left, d.Top, d.Right)
	p.SetAutoPageBreak(false, d.Bottom)
	p.SetFooterFunc(d.drawFooter)
	d.SetFont("", 10)
	return d
}

func normLang(l string) string {
	if strings.HasPrefix(strings.ToLower(l), "en") {
		return "en"
	}
	return "fr"
}

// PDF returns the underlying fpdf document for drawing that Doc does not cover. Text
// passed to it directly must go through Enc first.
func (d *Doc) PDF() *fpdf.Fpdf { return d.pdf }

// Lang returns the document's language, "fr" or "en".
func (d *Doc) Lang() string { return d.lang }

// SetLang changes the language of what follows (each letter of a merged print run
// speaks its recipient's language). Call it after StartSection.
func (d *Doc) SetLang(lang string) { d.lang = normLang(lang) }

// Unicode reports whether the document uses the full UTF-8 fonts (the fallback).
func (d *Doc) Unicode() bool { return d.unicode }

// Enc returns s filtered (see Replacement) and encoded for the document's fonts:
// every string given to fpdf directly goes through it. A character the prebuilt fonts
// lack becomes '?' and marks the document for rendering again with UTF-8 fonts.
func (d *Doc) Enc(s string) string {
	s = d.clean(s)
	if d.unicode {
		return s
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '\t' {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder // one allocation
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ') // fpdf draws tabs as boxes
		case r < 0x80:
			b.WriteByte(byte(r))
		case r < 0x10000 && d.f.enc[r] != 0:
			b.WriteByte(d.f.enc[r])
		default:
			d.missing = true
			b.WriteByte('?')
		}
	}
	return b.String()
}

// SetFont selects the body font: style "" (regular), "B" (bold) or "I" (oblique).
// Selecting the font already in use writes nothing: fpdf would write the font
// operator again, which changes nothing to the page (three quarters of a letter's
// font operators were such repeats). fpdf's current font is the page's, but for a
// page gone back to (endSection, which restates the font).
func (d *Doc) SetFont(style string, size float64) {
	d.style, d.size = style, size
	style = d.addFont(style)
	if pt, _ := d.pdf.GetFontSize(); pt == size && d.pdf.GetFontFamily() == family && d.pdf.GetFontStyle() == style {
		return
	}
	d.pdf.SetFont(family, style, size)
}

// addFont adds the font of style to the document on first use and returns the style.
func (d *Doc) addFont(style string) string {
	i := strings.Index("BI", style) + 1
	if len(style) != 1 || i == 0 {
		style, i = "", 0
	}
	if d.added[i] {
		return style
	}
	d.added[i] = true
	if d.unicode {
		d.pdf.AddUTF8FontFromBytes(family, style, [][]byte{fonts.Regular, fonts.Bold, fonts.Oblique}[i])
	} else {
		z := d.f.latin[i].Z
		if d.own {
			z = d.f.stubs[i]
		}
		d.pdf.AddFontFromBytes(family, style, d.f.latin[i].JSON, z)
	}
	return style
}

// Font returns the current style and size.
func (d *Doc) Font() (string, float64) { return d.style, d.size }

// Width returns the width of s in the current font.
func (d *Doc) Width(s string) float64 { return d.pdf.GetStringWidth(d.Enc(s)) }

// LineHeight returns a comfortable line height for a font size: 1.25 × size.
func LineHeight(size float64) float64 { return size * 0.3528 * 1.25 }

// Text writes s on one line in the box at (x, y) of width w and height h, aligned "L",
// "C" or "R". Text wider than the box is first drawn smaller (down to 80 % of the
// font size), then cut with an ellipsis: it never overflows its box.
func (d *Doc) Text(x, y, w, h float64, s, align string) {
	d.cell(x, y, w, h, s, align, false)
}

func (d *Doc) cell(x, y, w, h float64, s, align string, fill bool) {
	const pad = 1.0
	style, size := d.style, d.size
	s = strings.ReplaceAll(d.clean(s), "\n", " ")
	e := d.Enc(s)
	if d.pdf.GetStringWidth(e) > w-2*pad { // else fit keeps s and the font (the common case)
		e = d.Enc(d.fit(s, w-2*pad))
	}
	d.pdf.SetXY(x, y)
	d.pdf.CellFormat(w, h, e, "", 0, align+"M", fill, 0, "")
	d.SetFont(style, size)
}

// fit shrinks the font (to 80 % at most) or cuts s with "…" so that it fits in w.
// It leaves the font it chose selected.
func (d *Doc) fit(s string, w float64) string {
	style, size := d.style, d.size
	if d.Width(s) <= w {
		return s
	}
	for sz := size - 0.5; sz >= size*0.8; sz -= 0.5 {
		d.pdf.SetFont(family, d.addFont(style), sz)
		if d.pdf.GetStringWidth(d.Enc(s)) <= w {
			return s
		}
	}
	r := []rune(s)
	for len(r) > 1 && d.Width(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return strings.TrimRight(string(r), " ") + "…"
}

// Lines splits s into lines no wider than w in the current font, at spaces (a word
// longer than w is cut). Explicit newlines are kept.
func (d *Doc) Lines(s string, w float64) []string {
	s = d.clean(s)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			for d.Width(word) > w && len([]rune(word)) > 1 {
				r := []rune(word)
				n := len(r) - 1
				for n > 1 && d.Width(string(r[:n])) > w {
					n--
				}
				if line != "" {
					out = append(out, line)
					line = ""
				}
				out = append(out, string(r[:n]))
				word = string(r[n:])
			}
			switch {
			case line == "":
				line = word
			case d.Width(line+" "+word) <= w:
				line += " " + word
			default:
				out = append(out, line)
				line = word
			}
		}
		out = append(out, line)
	}
	return out
}

// Para writes s wrapped to width w from (x, y), one line every lh, aligned "L", "C",
// "R" or "J", breaking the page when a line does not fit. It returns the y below it.
func (d *Doc) Para(x, y, w, lh float64, s, align string) float64 {
	lines := d.Lines(s, w)
	for i, l := range lines {
		if y+lh > d.H-d.Bottom {
			d.NewPage()
			y = d.pdf.GetY()
		}
		a := align
		if a == "J" && i == len(lines)-1 {
			a = "L"
		}
		d.pdf.SetXY(x, y)
		if a == "J" {
			d.pdf.SetWordSpacing(0)
			if n := strings.Count(l, " "); n > 0 {
				d.pdf.SetWordSpacing((w - d.Width(l)) / float64(n))
			}
			d.pdf.CellFormat(w, lh, d.Enc(l), "", 0, "L", false, 0, "")
			d.pdf.SetWordSpacing(0)
		} else {
			d.pdf.CellFormat(w, lh, d.Enc(l), "", 0, a, false, 0, "")
		}
		y += lh
	}
	d.pdf.SetXY(d.Left, y)
	return y
}

// Y returns the current vertical position.
func (d *Doc) Y() float64 { return d.pdf.GetY() }

// SetY moves to y at the left margin.
func (d *Doc) SetY(y float64) { d.pdf.SetXY(d.Left, y) }

// TextWidth returns the width between the margins.
func (d *Doc) TextWidth() float64 { return d.W - d.Left - d.Right }

// Need makes sure h millimetres are left above the bottom margin, starting a new page
// (with the continuation header) when they are not. It reports whether it did.
func (d *Doc) Need(h float64) bool {
	if d.pdf.GetY()+h <= d.H-d.Bottom {
		return false
	}
	d.NewPage()
	return true
}

// NewPage starts a page in the current section and draws the continuation header.
func (d *Doc) NewPage() {
	d.pdf.AddPage()
	d.SetY(d.Top)
	if d.header != nil {
		style, size := d.style, d.size
		d.header(d)
		d.SetFont(style, size)
	}
}

// OnNewPage sets the function that draws the top of the section's continuation pages.
func (d *Doc) OnNewPage(header func(d *Doc)) { d.header = header }

// StartSection starts a new document within the PDF (a letter in a merged print run):
// a new page whose page numbers count from 1, with no continuation header.
func (d *Doc) StartSection() {
	d.endSection()
	d.header = nil
	d.pdf.AddPage() // draws the footer of the previous section's last page first
	d.section++
	d.secStart = d.pdf.PageNo()
	d.SetY(d.Top)
}

// endSection numbers the pages of the current section, "Page n/N", now that N is
// known. (fpdf's page-count aliases would do it at output time, but they cost
// sections × pages string scans: 3 s for a 1,000-letter print run.)
func (d *Doc) endSection() {
	if d.section == 0 || d.numbered == d.section {
		return
	}
	d.numbered = d.section
	last := d.pdf.PageNo()
	style, size := d.style, d.size
	for p := d.secStart; p <= last; p++ {
		d.pdf.SetPage(p)
		d.pageNumber(p-d.secStart+1, last-d.secStart+1)
	}
	d.pdf.SetPage(last)
	d.SetFont(style, size)
}

// Pages returns the number of pages in the PDF so far.
func (d *Doc) Pages() int { return d.pdf.PageCount() }
