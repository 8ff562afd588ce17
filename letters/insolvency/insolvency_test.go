package insolvency

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
	"relance/ledger/store"
)

func TestDemoLetters(t *testing.T) {
	today := ledger.NewDate(2026, time.November, 23)
	path := filepath.Join(t.TempDir(), "d.db")
	if err := demo.Create(path, today); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	book, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := db.LoadProcedures()
	if err != nil || len(ps) != 1 {
		t.Fatalf("demo procedures %v %v", ps, err)
	}
	if _, err := Procedure(db, "NOPE", today); err == nil {
		t.Error("procedure found for an unknown customer")
	}
	p, err := Procedure(db, ps[0].Customer, today)
	if err != nil {
		t.Fatal(err)
	}
	acct := book.Account(p.Customer)
	rates, err := db.Rates()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		retention bool
		want      []string
	}{
		{"claim", false, []string{"déclaration de créance", "Sommes à échoir", "Total déclaré", "certifions sincère", "chirographaire"}},
		{"retention", true, []string{"revendication", "L624-16", "juge-commissaire", "Maître Paul Girard"}},
	} {
		var buf bytes.Buffer
		if c.retention {
			err = RenderRetention(&buf, book, acct, *p, today, Options{})
		} else {
			err = RenderClaim(&buf, book, acct, *p, rates, today, Options{})
		}
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if _, err := exec.LookPath("pdftotext"); err != nil {
			continue
		}
		f := filepath.Join(t.TempDir(), c.name+".pdf")
		os.WriteFile(f, buf.Bytes(), 0o600)
		out, err := exec.Command("pdftotext", f, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		txt := strings.Join(strings.Fields(string(out)), " ")
		for _, w := range c.want {
			if !strings.Contains(txt, w) {
				t.Errorf("%s lacks %q", c.name, w)
			}
		}
	}
}
