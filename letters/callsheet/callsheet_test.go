package callsheet_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
	"relance/ledger/store"
	"relance/letters/callsheet"
)

// The call sheet of a demo customer with a promise, in both languages: it renders, its
// text holds the customer, the 4 C's and the outcome boxes. CALLSHEET_OUT=DIR keeps
// the PDFs to look at.
func TestRenderDemo(t *testing.T) {
	today := ledger.NewDate(2026, time.November, 23)
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := demo.Create(path, today); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	book, _ := db.Load()
	sc, rec, err := db.LoadDunning()
	if err != nil {
		t.Fatal(err)
	}
	ds, _, _ := db.LoadDisputes()
	ag := dunning.Run(dunning.Input{Book: book, AsOf: today, Scenarios: sc, Records: rec, Disputes: dispute.NewIndex(ds)})
	// A customer with a plan, one with a call on the agenda.
	ids := []string{rec.Plans[0].Customer}
	for _, e := range ag.Entries {
		if e.Channel == dunning.ChanCall {
			ids = append(ids, e.Customer)
			break
		}
	}
	for _, lang := range []string{"fr", "en"} {
		for _, id := range ids {
			s := callsheet.Gather(book, book.Account(id), today, ag, rec, ds, "")
			s.Lang = lang
			var buf bytes.Buffer
			if err := callsheet.Render(&buf, s, callsheet.Options{}); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), id+"-"+lang+".pdf")
			if dir := os.Getenv("CALLSHEET_OUT"); dir != "" {
				file = filepath.Join(dir, id+"-"+lang+".pdf")
			}
			if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			txt, err := exec.Command("pdftotext", "-layout", file, "-").Output()
			if err != nil {
				t.Skip("pdftotext not available")
			}
			want := map[string][]string{
				"fr": {"Fiche de relance", "1. Contact", "2. Comprendre", "3. Convaincre", "4. Conclure", "DESC", "Issue de l'appel", "Promesse de règlement"},
				"en": {"Call sheet", "1. Contact", "2. Understand", "3. Convince", "4. Conclude", "DESC", "Outcome of the call", "Promise to pay"},
			}[lang]
			want = append(want, book.Account(id).Customer.Name)
			for _, w := range want {
				if !strings.Contains(string(txt), w) {
					t.Errorf("%s %s: %q missing", id, lang, w)
				}
			}
		}
	}
	if err := callsheet.Render(&bytes.Buffer{}, callsheet.Sheet{AsOf: today}, callsheet.Options{}); err == nil {
		t.Error("a sheet without an account rendered")
	}
}
