package exercise

import (
	"archive/zip"
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/store"
	"relance/letters/check"
)

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const wordXML = `<?xml version="1.0" encoding="UTF-8"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>Objet : relance</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Madame </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Durand,</w:t></w:r></w:p>
<w:p><w:r><w:t>Montant :</w:t></w:r><w:r><w:tab/><w:t>1 250,00 €</w:t></w:r></w:p>
<w:sectPr><w:pgSz w:w="11906"/></w:sectPr></w:body></w:document>`

const odtXML = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
<office:body><office:text><text:h>Objet : relance</text:h>
<text:p>Madame <text:span>Durand,</text:span></text:p><text:p>Montant :<text:s text:c="2"/>1 250,00 €<text:line-break/>Merci.</text:p></office:text></office:body></office:document-content>`

// Letters are read from .txt (UTF-8 or Windows-1252), .docx and .odt; any other format
// is refused naming the file.
func TestReadText(t *testing.T) {
	want := "Objet : relance\nMadame Durand,\nMontant :\t1 250,00 €"
	if got, err := ReadText("lettre.docx", zipOf(t, map[string]string{"word/document.xml": wordXML, "word/styles.xml": "<x/>"})); err != nil || got != want {
		t.Errorf("docx: %q %v", got, err)
	}
	if got, err := ReadText("lettre.ODT", zipOf(t, map[string]string{"content.xml": odtXML})); err != nil || got != "Objet : relance\nMadame Durand,\nMontant :  1 250,00 €\nMerci." {
		t.Errorf("odt: %q %v", got, err)
	}
	if got, err := ReadText("l.txt", []byte("\xEF\xBB\xBFMadame,\r\nMerci.\r\n")); err != nil || got != "Madame,\nMerci." {
		t.Errorf("txt: %q %v", got, err)
	}
	if got, err := ReadText("l.txt", []byte("Montant : 80 \x80, d\xE9j\xE0 r\xE9clam\xE9")); err != nil || got != "Montant : 80 €, déjà réclamé" {
		t.Errorf("cp1252: %q %v", got, err)
	}
	for name, data := range map[string][]byte{"/tmp/lettre.pdf": []byte("%PDF"), "x.docx": []byte("not a zip"), "vide.txt": []byte(" \n"),
		"x.odt": zipOf(t, map[string]string{"other.xml": "<a/>"})} {
		_, err := ReadText(name, data)
		var p *ledger.Problem
		if !errors.As(err, &p) || !strings.Contains(p.Localize("fr"), filepath.Base(name)) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := ReadText("lettre.pdf", nil); !strings.Contains(ledger.Localize(err, "fr"), "format non pris en charge (.pdf)") {
		t.Errorf("pdf: %v", ledger.Localize(err, "fr"))
	}
}

func openBank(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Create(filepath.Join(t.TempDir(), "d.db"), ledger.DefaultSettings())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// The bank adds, lists, refuses a duplicate (same text, other line ends), deletes,
// exports and merges a file into another dossier's bank.
func TestBank(t *testing.T) {
	day := ledger.NewDate(2026, 12, 4)
	known := func(id string) bool { return id == "TONE.ACCUSATORY" || id == "CLAR.PAYMENT_MEANS" }
	e := Exercise{Title: "Relance 1 – ton", Stage: check.StageR1, Audience: check.B2B, Lang: "fr", Text: "Madame,\nVous n'avez toujours pas payé.\n",
		Expected: []string{"TONE.ACCUSATORY"}, Added: day, By: "Claire"}
	db := openBank(t)
	var file []byte
	err := db.Update(func(tx *store.Tx) error {
		if err := Add(tx, &e, known); err != nil || e.ID != "EX0001" || e.Hash == "" {
			t.Fatalf("add: %+v %v", e, err)
		}
		dup := e
		dup.ID, dup.Title, dup.Text = "", "Copie", "Madame,\r\nVous n'avez toujours pas payé."
		if err := Add(tx, &dup, known); !errors.Is(err, &ledger.Problem{Key: "exercise.err.duplicate"}) {
			t.Errorf("duplicate: %v", err)
		}
		bad := e
		bad.ID, bad.Text, bad.Expected = "", "Autre", []string{"NO.SUCH_RULE"}
		if err := Add(tx, &bad, known); err == nil || !strings.Contains(ledger.Localize(err, "fr"), "NO.SUCH_RULE") {
			t.Errorf("unknown rule: %v", err)
		}
		other := Exercise{Title: "Mise en demeure", Stage: check.StageMED, Audience: check.Public, Lang: "en", Text: "Dear Sir,", Added: day}
		if err := Add(tx, &other, known); err != nil || other.ID != "EX0002" {
			t.Fatalf("add 2: %v", err)
		}
		var err error
		if file, err = Export(tx); err != nil {
			return err
		}
		return Delete(tx, "EX0002")
	})
	if err != nil {
		t.Fatal(err)
	}
	// into another dossier holding the first letter already
	db2 := openBank(t)
	err = db2.Update(func(tx *store.Tx) error {
		mine := Exercise{Title: "Ma relance", Stage: check.StageR1, Audience: check.B2B, Lang: "fr", Text: e.Text, Added: day}
		if err := Add(tx, &mine, known); err != nil {
			return err
		}
		im, err := Import(tx, "banque.json", file, known, "Paul", day)
		if err != nil || len(im.Added) != 1 || len(im.Duplicates) != 1 || im.Added[0].ID != "EX0002" || im.Duplicates[0] != e.Title {
			t.Errorf("import: %+v %v", im, err)
		}
		all, _ := All(tx)
		if len(all) != 2 || all[1].Title != "Mise en demeure" || all[1].Added != day {
			t.Errorf("after import: %+v", all)
		}
		if _, err := Import(tx, "autre.json", []byte(`{"format":"x"}`), known, "", day); !strings.Contains(ledger.Localize(err, "fr"), "autre.json") {
			t.Errorf("bad file: %v", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A corrected letter is read as marks: replaced words mark their span, a missing item
// now present is named.
func TestMarksFromCorrection(t *testing.T) {
	e, err := check.New()
	if err != nil {
		t.Fatal(err)
	}
	orig := "Objet : relance\n\nMadame,\n\nVous n'avez toujours pas payé notre facture FA-1 de 1 250,00 €. Merci de régler au plus tard le 15 décembre 2026.\n\nCordialement,\nClaire Dupont"
	corr := strings.Replace(orig, "Vous n'avez toujours pas payé", "Sauf erreur, nous n'avons pas reçu le règlement de", 1)
	corr = strings.Replace(corr, "2026.", "2026, par virement sur le compte FR76 1234 5678 9012 3456 7890 123.", 1)
	opts := check.Options{Lang: "fr", Stage: check.StageR1, Audience: check.B2B}
	before, after := e.Check(orig, opts), e.Check(corr, opts)
	marks := MarksFromCorrection(orig, corr, before, after)
	start := len([]rune(orig[:strings.Index(orig, "Vous")]))
	hit := false
	for _, m := range marks {
		hit = hit || m.Start <= start && m.End > start
	}
	if !hit {
		t.Errorf("replaced phrase not marked: %+v", marks)
	}
	if before.Has("CLAR.PAYMENT_MEANS") && !slicesHasRule(marks, "CLAR.PAYMENT_MEANS") {
		t.Errorf("payment means added but not named: %+v", marks)
	}
	if ms, bad := ParseMarks("12-18, 40-45,CLAR.PAYMENT_MEANS", 50); bad != "" || len(ms) != 3 || ms[2].Rule != "CLAR.PAYMENT_MEANS" || ms[0] != (check.Mark{Start: 12, End: 18}) {
		t.Errorf("parse: %+v %q", ms, bad)
	}
	if _, bad := ParseMarks("12-80", 50); bad != "12-80" {
		t.Errorf("out of the letter: %q", bad)
	}
}

func slicesHasRule(ms []check.Mark, rule string) bool {
	for _, m := range ms {
		if m.Rule == rule {
			return true
		}
	}
	return false
}
