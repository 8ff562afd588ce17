package pdfdoc

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/color/palette"
	"image/jpeg"
	"image/png"
	"strconv"
	"strings"
	"testing"
)

// logos returns a paletted PNG (its palette is a stream of its own), an RGBA PNG with
// transparency (a soft mask) and a JPEG.
func logos(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	pal := image.NewPaletted(image.Rect(0, 0, 40, 20), palette.Plan9)
	rgba := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := range 40 {
		for y := range 20 {
			pal.SetColorIndex(x, y, uint8(x*5+y))
			rgba.Set(x, y, color.RGBA{uint8(x * 6), uint8(y * 12), 90, uint8(128 + x)})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, pal); err != nil {
		t.Fatal(err)
	}
	out["paletted"] = bytes.Clone(b.Bytes())
	b.Reset()
	if err := png.Encode(&b, rgba); err != nil {
		t.Fatal(err)
	}
	out["rgba"] = bytes.Clone(b.Bytes())
	b.Reset()
	if err := jpeg.Encode(&b, rgba, nil); err != nil {
		t.Fatal(err)
	}
	out["jpeg"] = bytes.Clone(b.Bytes())
	return out
}

// TestOwnDeflateIdentical: compressing the page contents after fpdf (deflate.go)
// gives the very bytes fpdf gives when it compresses them itself: one letter, many
// letters in one PDF, logos of every kind (a palette is compressed too), the UTF-8
// fonts' fallback, uncompressed print runs, one Factory reused.
func TestOwnDeflateIdentical(t *testing.T) {
	own, fpdfs := NewFactory(), NewFactory()
	fpdfs.fpdfAlone = true
	type doc struct {
		name string
		m    Meta
		f    func(d *Doc)
	}
	docs := []doc{
		{"one", Meta{Created: created, Title: "Rappel"}, func(d *Doc) { letter(d, 7) }},
		{"merged", Meta{Created: created}, func(d *Doc) {
			for i := range 30 {
				letter(d, i)
			}
		}},
		{"uncompressed", Meta{Created: created, Uncompressed: true}, func(d *Doc) { letter(d, 3); letter(d, 4) }},
		{"unicode", Meta{Created: created}, func(d *Doc) {
			letter(d, 1)
			d.Text(d.Left, 250, 100, 5, "Ооо Ромашка – Ελληνικά", "L")
		}},
		{"empty", Meta{Created: created}, func(d *Doc) {}},
	}
	for name, logo := range logos(t) {
		docs = append(docs, doc{"logo-" + name, Meta{Created: created}, func(d *Doc) {
			c := company
			c.Logo = logo
			d.StartSection()
			d.Letterhead(&c)
			d.Para(d.Left, 120, d.TextWidth(), 5, "Madame, Monsieur, "+strings.Repeat("bla ", 200), "J")
		}})
	}
	for round := range 2 { // the second round reuses the pooled writers
		for _, dc := range docs {
			build := func(d *Doc) error { dc.f(d); return nil }
			got, want := render(t, own, dc.m, build), render(t, fpdfs, dc.m, build)
			if !bytes.Equal(got, want) {
				t.Errorf("round %d, %s: own deflate gives %d bytes, fpdf %d, not the same", round, dc.name, len(got), len(want))
			}
			if dc.name == "logo-paletted" && !bytes.Contains(got, []byte("/Indexed")) {
				t.Errorf("%s: no palette in the file", dc.name)
			}
			if dc.name == "one" && !strings.Contains(pdfText(t, got), "premier rappel") {
				t.Errorf("%s: text not read back", dc.name)
			}
		}
	}
}

// TestDeflateLayout: a file that is not laid out as fpdf writes it is refused with
// errLayout (Render then lets fpdf compress), never a panic nor a wrong file.
func TestDeflateLayout(t *testing.T) {
	f := NewFactory()
	d, err := f.run(Meta{Created: created}, false, false, func(d *Doc) error { letter(d, 1); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if !d.own {
		t.Fatal("the prebuilt fonts' documents should be rewritten")
	}
	d.endSection()
	d.pdf.Close()
	var raw bytes.Buffer
	if err := d.pdf.Output(&raw); err != nil {
		t.Fatal(err)
	}
	pdf := raw.Bytes()
	fonts := 0
	for _, a := range d.added {
		if a {
			fonts++
		}
	}
	z := &deflater{}
	z.raw.Write(pdf)
	if err := z.rewrite(true, &f.stubs, &f.files, fonts); err != nil {
		t.Fatalf("fpdf's own file: %v", err)
	}
	alone := NewFactory()
	alone.fpdfAlone = true
	if want := render(t, alone, Meta{Created: created}, func(d *Doc) error { letter(d, 1); return nil }); !bytes.Equal(z.out.Bytes(), want) {
		t.Errorf("rewrite: %d bytes, fpdf alone %d, not the same", z.out.Len(), len(want))
	}
	z.raw.Reset()
	z.raw.Write(pdf)
	if err := z.rewrite(true, &f.stubs, &f.files, fonts+1); !errors.Is(err, errLayout) {
		t.Errorf("a font stub missing: %v, want errLayout", err)
	}
	bad := map[string][]byte{"empty": nil, "garbage": []byte("%PDF-1.3\nhello\nstartxref\n12\n%%EOF\n")}
	for _, n := range []int{10, len(pdf) / 3, len(pdf) / 2, len(pdf) - 300, len(pdf) - 40} {
		bad["cut"+strconv.Itoa(n)] = pdf[:n]
	}
	for _, s := range [][2]string{{"0 obj\n", "0 obj \n"}, {">>\nstream\n", ">> \nstream\n"}, {"\nendstream\n", "\nendstreem\n"},
		{" 00000 n \n", " 00001 n \n"}, {"xref\n0 ", "xref\n1 "}} {
		bad[s[0]] = bytes.Replace(bytes.Clone(pdf), []byte(s[0]), []byte(s[1]), -1)
	}
	for name, b := range bad {
		z.raw.Reset()
		z.raw.Write(b)
		if err := z.rewrite(true, &f.stubs, &f.files, fonts); !errors.Is(err, errLayout) && !(name == ">>\nstream\n" && err == nil) {
			t.Errorf("%q: %v, want errLayout", name, err)
		}
	}
}
