package pdfdoc

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"relance/ledger"
)

var created = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

var company = ledger.Company{
	Name: "Société Exemple SAS", LegalForm: "SAS", Capital: 15000000, SIREN: "552100554", RCSCity: "Lyon",
	VATNumber: "FR32552100554", Phone: "04 72 00 12 34", Email: "recouvrement@exemple.fr",
	Address: ledger.Address{Lines: []string{"12 rue de la Charité"}, Postcode: "69002", City: "Lyon"},
}

// letter draws a one-page letter of the kind the letters issue sends by the hundred.
func letter(d *Doc, n int) {
	d.StartSection()
	d.FoldMarks()
	d.Letterhead(&company)
	d.AddressBlock(PostalLines("Client "+strconv.Itoa(n)+" SARL", ledger.Address{
		Lines: []string{"14 avenue Jean-Jaurès"}, Postcode: "69007", City: "Lyon"}, "FR"))
	d.SetFont("", 10)
	d.Text(AddressBox().X, 98, 92, 5, "Lyon, le "+FormatLongDate("fr", ledger.NewDate(2026, 11, 23)), "R")
	d.SetFont("B", 11)
	d.Text(d.Left, 108, d.TextWidth(), 6, "Objet : facture FA2026-0"+strconv.Itoa(n)+" échue – premier rappel", "L")
	d.SetFont("", 10)
	y := d.Para(d.Left, 118, d.TextWidth(), LineHeight(10), "Madame, Monsieur,\n\nSauf erreur de notre part, "+
		"la facture ci-dessous reste impayée à ce jour. Si votre règlement a croisé ce courrier, nous vous remercions "+
		"de ne pas en tenir compte. À défaut, nous vous remercions de bien vouloir nous adresser votre règlement "+
		"sous huit jours, par virement ou par chèque à l’ordre de Société Exemple SAS.", "J")
	d.SetY(y + 4)
	t := d.NewTable(Column{"N° pièce", 40, "L"}, Column{"Date", 30, "C"}, Column{"Échéance", 30, "C"},
		Column{"Montant", 40, "R"}, Column{"Retard (j)", 34, "R"})
	t.Header()
	t.RowStyled(RowStyle{Color: Alert}, "FA2026-0"+strconv.Itoa(n), "12/09/2026", "12/10/2026", d.Money(1234567), "42")
	t.Total("Total", "", "", d.Money(1234567), "")
	d.SetY(d.Y() + 8)
	d.Para(d.Left, d.Y(), d.TextWidth(), LineHeight(10), "Nous vous prions d’agréer, Madame, Monsieur, "+
		"l’expression de nos salutations distinguées.", "L")
}

func pdfText(t testing.TB, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(string(out))
}

func render(t testing.TB, f *Factory, m Meta, build func(*Doc) error) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Render(&buf, m, build); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReproducibleAndMetadata(t *testing.T) {
	f := NewFactory()
	m := Meta{Title: "Relevé", Author: "Société Exemple SAS", Created: created}
	build := func(d *Doc) error { letter(d, 1); return nil }
	a, b := render(t, f, m, build), render(t, f, m, build)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders differ")
	}
	m.Created = created.Add(time.Hour)
	if bytes.Equal(a, render(t, f, m, build)) {
		t.Error("the creation date is not in the PDF")
	}
	for _, want := range []string{"/Creator (Relance)", "/CreationDate (D:20261123120000"} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("%q missing", want)
		}
	}
	if err := f.Render(&bytes.Buffer{}, Meta{}, build); !errors.Is(err, ErrNoDate) {
		t.Errorf("no date: %v", err)
	}
}

func TestLetterText(t *testing.T) {
	text := pdfText(t, render(t, NewFactory(), Meta{Created: created}, func(d *Doc) error { letter(d, 7); return nil }))
	for _, want := range []string{"Société Exemple SAS", "SAS au capital de 150 000 €", "RCS Lyon 552 100 554",
		"12 345,67 €", "69007 LYON", "Page 1/1", "l’ordre", "Lyon, le 23 novembre 2026", "TVA intracommunautaire FR32552100554"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing from:\n%s", want, text)
		}
	}
}

// A character outside the prebuilt fonts switches the document to the UTF-8 fonts.
func TestUnicodeFallback(t *testing.T) {
	var unicode bool
	pdf := render(t, NewFactory(), Meta{Created: created}, func(d *Doc) error {
		d.StartSection()
		d.Text(d.Left, 30, 100, 6, "Łódź Dvořák – 1\u202f234,56\u00a0€ Œuvre", "L")
		unicode = d.Unicode()
		return nil
	})
	if !unicode {
		t.Error("still on the prebuilt fonts")
	}
	if text := pdfText(t, pdf); !strings.Contains(text, "Łódź Dvořák – 1 234,56 € Œuvre") {
		t.Errorf("text: %q", text)
	}
}

func TestTextNeverOverflows(t *testing.T) {
	long := strings.Repeat("Établissements Très-Long-Nom-De-Société & Compagnie ", 6)
	render(t, NewFactory(), Meta{Created: created}, func(d *Doc) error {
		d.StartSection()
		d.SetFont("B", 10)
		for _, w := range []float64{8, 30, 88} {
			s := d.fit(long, w-2)
			if got := d.Width(s); got > w-2 {
				t.Errorf("fit in %v mm: %q is %v mm wide", w, s, got)
			}
			d.SetFont("B", 10)
			for _, l := range d.Lines(long, w) {
				if d.Width(l) > w {
					t.Errorf("line %q wider than %v mm", l, w)
				}
			}
		}
		d.AddressBlock([]string{long, "1 rue de la Paix", "75002 PARIS"})
		return nil
	})
}

func TestPagesPerSectionAndTableHeader(t *testing.T) {
	pdf := render(t, NewFactory(), Meta{Created: created}, func(d *Doc) error {
		for s := 0; s < 2; s++ {
			d.StartSection()
			d.Letterhead(&company)
			d.SetY(100)
			tab := d.NewTable(Column{"Numéro", 50, "L"}, Column{"Montant", 50, "R"})
			tab.Zebra = true
			tab.Header()
			for i := 0; i < 100-90*s; i++ {
				tab.Row("F"+strconv.Itoa(i), d.Money(ledger.Cents(i*100)))
			}
		}
		return nil
	})
	text := pdfText(t, pdf)
	for _, want := range []string{"Page 1/3", "Page 2/3", "Page 3/3", "Page 1/1"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing", want)
		}
	}
	if n := strings.Count(text, "Numéro"); n != 4 {
		t.Errorf("table header printed %d times, want 4 (once per page)", n)
	}
}

func TestFormats(t *testing.T) {
	d := ledger.NewDate(2026, 12, 1)
	for _, c := range []struct{ got, want string }{
		{FormatDate("fr", d), "01/12/2026"}, {FormatDate("en", d), "1 Dec 2026"},
		{FormatLongDate("fr", d), "1er décembre 2026"}, {FormatLongDate("en", d), "1 December 2026"},
		{Capital("fr", "EUR", 15000000), "150\u202f000\u00a0€"}, {Capital("en", "EUR", 15000050), "€150,000.50"},
		{ledger.Cents(123456).Format("en", "EUR"), "€1,234.56"},
		{strings.Join(PostalLines("Whitfield & Sons Ltd", ledger.Address{Lines: []string{"12 Portland Street"},
			Postcode: "M1 4BT", City: "Manchester", Country: "GB"}, "FR"), "|"),
			"Whitfield & Sons Ltd|12 Portland Street|MANCHESTER|M1 4BT|ROYAUME-UNI"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
	legal := LegalLine("fr", "EUR", &company)
	for _, want := range []string{"SAS au capital de", "RCS Lyon 552\u00a0100\u00a0554", "siège\u00a0: 12 rue de la Charité, 69002 Lyon"} {
		if !strings.Contains(legal, want) {
			t.Errorf("legal line %q lacks %q", legal, want)
		}
	}
}

// One Factory serves several goroutines (run with -race).
func TestFactoryConcurrent(t *testing.T) {
	f := NewFactory()
	want := render(t, f, Meta{Created: created}, func(d *Doc) error { letter(d, 3); return nil })
	errs := make(chan error, 4)
	for g := 0; g < 4; g++ {
		go func() {
			var buf bytes.Buffer
			err := f.Render(&buf, Meta{Created: created}, func(d *Doc) error { letter(d, 3); return nil })
			if err == nil && !bytes.Equal(buf.Bytes(), want) {
				err = errors.New("concurrent render differs")
			}
			errs <- err
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
