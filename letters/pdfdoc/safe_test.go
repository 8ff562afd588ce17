package pdfdoc

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"relance/ledger"
)

// hostile holds the names a tester typed or an accounting export can hold.
var hostile = []struct{ name, in, want string }{
	{"emoji", "Café 😀 Dupont", "Café \uFFFD Dupont"},
	{"flag", "Boulangerie 🇫🇷", "Boulangerie \uFFFD"},
	{"family", "A 👨‍👩‍👧 B", "A \uFFFD B"},
	{"heart", "I ❤️ Paris", "I ❤ Paris"},
	{"fraktur", "𝔘nion", "Union"},
	{"cjk", "株式会社テスト 北京", "\uFFFD \uFFFD"},
	{"greek", "Ελληνικά", "Ελληνικά"},
	{"cyrillic", "Москва", "Москва"},
	{"arabic", "شركة", "شركة"},
	{"combining", "Cafe\u0301 Noe\u0308l", "Café Noël"},
	{"controls", "A\x00B\x07C\x1bD\u0085E\u009fF", "ABCDEF"},
	{"tab and newline", "a\tb\nc\r\n", "a b\nc\n"},
	{"separators", "a\u2028b\u2029c", "a\nb\nc"},
	{"invisible", "\ufeffa\u200bb\u00adc\u202ed\u2066", "abcd"},
	{"invalid utf-8", "Soci\xe9t\xe9", "Soci\uFFFDt\uFFFD"},
	{"replacement itself", "a\uFFFDb", "a\uFFFDb"},
	{"noncharacter", "a\uffffb", "a\uFFFDb"},
	{"private use", "a\ue000b", "a\uFFFDb"},
}

func TestCleanHostile(t *testing.T) {
	d := NewFactory().newDoc(Meta{Created: created}, true, false)
	for _, c := range hostile {
		if got := d.clean(c.in); got != c.want {
			t.Errorf("%s: clean(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
	for _, r := range []rune{'😀', '株', -1} {
		if !d.replaced[r] {
			t.Errorf("%q not recorded as replaced", r)
		}
	}
	if d.replaced['Ω'] || d.replaced['é'] {
		t.Error("a drawable character recorded as replaced")
	}
}

// The oblique font has no Arabic: in italics, Arabic is replaced, not drawn as boxes.
func TestCleanPerStyle(t *testing.T) {
	d := NewFactory().newDoc(Meta{Created: created}, true, false)
	d.SetFont("I", 10)
	if got := d.clean("شركة"); got != "\uFFFD" {
		t.Errorf("oblique Arabic: %q", got)
	}
}

func TestCleanASCIIDoesNotAllocate(t *testing.T) {
	d := NewFactory().newDoc(Meta{Created: created}, true, false)
	s := "Sauf erreur de notre part, la facture FA-2026-001 reste impayée."[:40]
	if n := testing.AllocsPerRun(100, func() { _ = d.clean(s) }); n != 0 {
		t.Errorf("%v allocations for ASCII", n)
	}
}

// Random runes through the filter: the output is valid UTF-8, holds nothing beyond
// U+FFFF, no control character but "\n", only characters the font draws, and
// filtering it again changes nothing.
func TestCleanRandomRunes(t *testing.T) {
	rng := rand.New(rand.NewPCG(20, 2026))
	d := NewFactory().newDoc(Meta{Created: created}, true, false)
	cov := &covered()[0]
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for n := rng.IntN(24); n > 0; n-- {
			switch rng.IntN(5) {
			case 0:
				b.WriteByte(byte(rng.IntN(256))) // any byte, valid or not
			case 1:
				b.WriteRune(rune(rng.IntN(0x250)))
			case 2:
				b.WriteRune(rune(0x10000 + rng.IntN(0x100000)))
			default:
				b.WriteRune(rune(rng.IntN(0x10000)))
			}
		}
		in := b.String()
		if unchanged(in, &kept()[0]) && !norm.NFC.IsNormalString(in) {
			t.Fatalf("%q passes the fast path but is not in NFC", in)
		}
		out := d.clean(in)
		if !utf8.ValidString(out) {
			t.Fatalf("clean(%q) = %q: not UTF-8", in, out)
		}
		for _, r := range out {
			if r > 0xffff || (r < 0x20 && r != '\n') || (r >= 0x7f && r < 0xa0) || (r != '\n' && r != ' ' && !cov.has(r)) {
				t.Fatalf("clean(%q) = %q: holds %U", in, out, r)
			}
		}
		if again := d.clean(out); again != out {
			t.Fatalf("clean not idempotent: %q → %q → %q", in, out, again)
		}
		if m := metaText(in); !utf8.ValidString(m) || strings.ContainsFunc(m, func(r rune) bool { return r > 0xffff || r < 0x20 }) {
			t.Fatalf("metaText(%q) = %q", in, m)
		}
	}
}

// Every hostile string through every drawing call, in both font modes, as the title
// too: no panic, a PDF, Greek and Cyrillic extractable, the replacement visible, the
// factory's warning naming the characters.
func TestRenderHostile(t *testing.T) {
	f := NewFactory()
	var all []string
	for _, c := range hostile {
		all = append(all, c.in)
	}
	text := strings.Join(all, " | ")
	var buf bytes.Buffer
	err := f.Render(&buf, Meta{Title: "Relevé 😀 " + text, Subject: text, Created: created}, func(d *Doc) error {
		co := company
		co.Name = "Ωmega Москва 😀 株式会社"
		d.StartSection()
		d.Letterhead(&co)
		d.AddressBlock(PostalLines("Ωmega Москва 😀\x1b", ledger.Address{Lines: []string{"株式会社 \x00"}, City: "Αθήνα"}, "FR"))
		for _, style := range []string{"", "B", "I"} {
			d.SetFont(style, 10)
			d.Text(d.Left, d.Y(), 30, 5, text, "L") // shrunk and cut
			d.SetY(d.Para(d.Left, d.Y()+5, d.TextWidth(), 5, text, "J"))
			d.PDF().CellFormat(100, 5, d.Enc(text), "", 1, "L", false, 0, "")
			d.PDF().Write(5, d.Enc(text+"\n"))
			_ = d.Width(text)
		}
		t := d.NewTable(Column{"😀 N°", 30, "L"}, Column{"Москва", 60, "L"})
		t.Header()
		t.Row("株式会社", "Ελληνικά \x07")
		t.Total("😀", "Ωmega")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatal("not a PDF")
	}
	got := pdfText(t, buf.Bytes())
	for _, w := range []string{"Ελληνικά", "Москва", "Ωmega", "Café", "Union", "\uFFFD"} {
		if !strings.Contains(got, w) {
			t.Errorf("%q not in the PDF's text", w)
		}
	}
	for _, bad := range []string{"\x00", "\x07", "\x1b", "\u0085"} {
		if strings.Contains(got, bad) {
			t.Errorf("%q in the PDF's text", bad)
		}
	}
	for _, lang := range []string{"fr", "en"} {
		w := f.Warning(lang)
		if !strings.Contains(w, "😀 (U+1F600)") || !strings.Contains(w, "«") && lang == "fr" {
			t.Errorf("warning %s: %q", lang, w)
		}
	}
}

// A document with no character to replace leaves no warning.
func TestNoWarning(t *testing.T) {
	f := NewFactory()
	var buf bytes.Buffer
	if err := f.Render(&buf, Meta{Created: created}, func(d *Doc) error { letter(d, 1); return nil }); err != nil {
		t.Fatal(err)
	}
	if w := f.Warning("fr"); w != "" || len(f.Replaced()) != 0 {
		t.Errorf("warning %q", w)
	}
}

// boom panics as a bug in a renderer would (an index out of range).
func boom(d *Doc) error {
	rows := make([]string, d.Pages())
	_ = rows[len(rows)]
	return nil
}

// A panic while drawing becomes a *ledger.Problem naming the document; Guard names
// its kind and customer; nothing is written.
func TestRenderPanic(t *testing.T) {
	var buf bytes.Buffer
	err := NewFactory().Render(&buf, Meta{Title: "Relevé", Created: created}, func(d *Doc) error {
		d.StartSection()
		return boom(d)
	})
	var p *ledger.Problem
	if !errors.As(err, &p) || p.Key != "pdfsafe.panic" || !strings.Contains(p.Localize("fr"), "Relevé") {
		t.Fatalf("error %v", err)
	}
	if buf.Len() != 0 {
		t.Error("bytes written after a panic")
	}
	render := func(customer string) (err error) {
		defer Guard(&err, "pdfsafe.kind.statement", func() string { return customer })
		return NewFactory().Render(&buf, Meta{Created: created}, func(d *Doc) error { panic("fpdf") })
	}
	if err := render("C00042"); !errors.As(err, &p) || p.Key != "pdfsafe.panic_customer" ||
		p.Localize("fr") != "Le document « relevé de compte » du client C00042 n’a pas pu être produit (erreur interne : fpdf)." {
		t.Errorf("guarded: %v", err)
	}
	direct := func() (err error) {
		var a *ledger.Account
		defer Guard(&err, "pdfsafe.kind.claim", func() string { return a.Customer.ID })
		_ = a.Customer.Name
		return nil
	}
	if err := direct(); !errors.As(err, &p) || p.Key != "pdfsafe.panic_kind" || !strings.Contains(p.Localize("en"), "proof of claim") {
		t.Errorf("direct panic: %v", err)
	}
}
