package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	bolt "go.etcd.io/bbolt"

	"relance/ledger"
	"relance/ledger/law"
	"relance/ledger/store"
)

// letterDossier is the demo dossier with the 2026-H2 rates recorded, as a user does
// once the half-year's rates are published (the embedded tables stop at 2026-H1).
// The figures are test data.
func letterDossier(t *testing.T) string {
	t.Helper()
	path := demoFile(t)
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	nd := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.RequireFromString(s)) }
	err = db.Update(func(tx *store.Tx) error {
		return tx.PutHalfYearRates(law.HalfYearRates{Half: law.Half{Year: 2026, H: 2}, ECB: nd("2.15"),
			LegalPrivate: nd("6.67"), LegalOther: nd("2.62"), UKBase: nd("3.75")})
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func pdfToText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	s := strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace(string(out))
	return strings.Join(strings.Fields(s), " ")
}

func TestLetterCommand(t *testing.T) {
	path := letterDossier(t)
	dir := t.TempDir()
	cases := []struct {
		name  string
		args  []string
		code  int
		want  []string // in the PDF's text (code 0) or on stderr
		noout bool
	}{
		{"r2 fr", []string{"--customer", "C00030", "--stage", "r2"}, 0,
			[]string{"Agence Renard EURL", "FA2025-00913", "FA2026-01658", "6 938,79 €", "12,15 %", "40 €"}, false},
		{"med en", []string{"--customer", "C00030", "--stage", "med", "--lang", "en"}, 0,
			[]string{"Registered letter with acknowledgement of receipt", "€6,938.79", "12.15%", "€40", "Annex"}, false},
		{"med consumer", []string{"--customer", "C00013", "--stage", "med"}, 0,
			[]string{"Sarah GIRAUD", "intérêt légal", "mise en demeure"}, false},
		{"med over-indebted consumer", []string{"--customer", "C00016", "--stage", "med"}, 1,
			[]string{"Pierre LEGRAND", "surendettement", "L722-2"}, true},
		{"chosen items", []string{"--customer", "C00030", "--stage", "r1", "--items", "FA2025-00414"}, 0,
			[]string{"FA2025-00414", "1 406,44 €"}, false},
		{"conf without promise", []string{"--customer", "C00030", "--stage", "conf"}, 1,
			[]string{"{promesse.montant}", "{promesse.date}"}, true},
		{"conf", []string{"--customer", "C00030", "--stage", "conf", "--promise", "500.00:2026-12-05"}, 0,
			[]string{"500,00 €", "5 décembre 2026", "6 438,79 €"}, false},
		{"unknown item", []string{"--customer", "C00030", "--stage", "r1", "--items", "NOPE"}, 1, []string{"NOPE"}, true},
		{"unknown customer", []string{"--customer", "ZZZ", "--stage", "r1"}, 1, []string{"ZZZ"}, true},
		{"bad stage", []string{"--customer", "C00030", "--stage", "r9"}, 2, []string{"r9"}, true},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, c.name+".pdf")
			args := append([]string{"letter", "--db", path, "--at", "2026-11-23", "--out", out}, c.args...)
			code, _, stderr := run(t, "fr", args...)
			if code != c.code {
				t.Fatalf("case %d: exit %d, want %d: %s", i, code, c.code, stderr)
			}
			if c.noout {
				if _, err := os.Stat(out); err == nil {
					t.Error("a file was written")
				}
				for _, w := range c.want {
					if !strings.Contains(stderr, w) {
						t.Errorf("%q missing from stderr %q", w, stderr)
					}
				}
				return
			}
			text := pdfToText(t, out)
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("%q missing from:\n%s", w, text)
				}
			}
		})
	}
}

func TestLetterEmail(t *testing.T) {
	path := letterDossier(t)
	out := filepath.Join(t.TempDir(), "r1.eml")
	if code, _, stderr := run(t, "fr", "letter", "--db", path, "--customer", "C00030", "--stage", "r1", "--at", "2026-11-23", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Subject: =?utf-8?q?", "Content-Type: application/pdf", "filename=r1-C00030-2026-11-23.pdf",
		"multipart/mixed", "JVBERi0", "\r\nX-Unsent: 1\r\n",
		// the letter's issue date, at noon in the machine's zone
		"\r\nDate: " + time.Date(2026, 11, 23, 12, 0, 0, 0, time.Local).Format(time.RFC1123Z) + "\r\n"} {
		if !strings.Contains(string(b), w) {
			t.Errorf("%q missing from the .eml", w)
		}
	}
	// In another zone the day stays the letter's and the offset is the zone's.
	paris := time.FixedZone("CET", 3600)
	if d := noonIn(ledger.NewDate(2026, 12, 4), paris).Format(time.RFC1123Z); d != "Fri, 04 Dec 2026 12:00:00 +0100" {
		t.Errorf("date %q", d)
	}
	if d := noonIn(ledger.NewDate(2026, 12, 4), time.FixedZone("", -10*3600)).Format(time.RFC1123Z); d != "Fri, 04 Dec 2026 12:00:00 -1000" {
		t.Errorf("date %q", d)
	}
}

// Issued letters are frozen and chained; changing one archived PDF in the file, through
// bbolt and not the archive, makes verify fail and name that letter.
func TestIssueVerifyTamper(t *testing.T) {
	path := letterDossier(t)
	dir := t.TempDir()
	for i, st := range []string{"r1", "r2", "med"} {
		at := []string{"2026-11-09", "2026-11-23", "2026-11-23"}[i]
		code, stdout, stderr := run(t, "fr", "letter", "--db", path, "--customer", "C00030", "--stage", st, "--at", at,
			"--issue", "--by", "Claire Moreau", "--out", filepath.Join(dir, st+".pdf"))
		if code != 0 || !strings.Contains(stdout, "archivé") {
			t.Fatalf("%s: exit %d: %s %s", st, code, stdout, stderr)
		}
	}
	// R2 cites the R1 issued before it.
	if text := pdfToText(t, filepath.Join(dir, "r2.pdf")); !strings.Contains(text, "Ce courrier fait suite à notre courrier du 9 novembre 2026") {
		t.Errorf("R2 does not cite R1:\n%s", text)
	}
	code, stdout, _ := run(t, "en", "verify", "--db", path)
	if code != 0 || !strings.Contains(stdout, "3 archived letters verified") {
		t.Fatalf("verify before tampering: %d %q", code, stdout)
	}
	tamper(t, path, 'p', 2, func(v []byte) []byte { v[len(v)/2] ^= 0x20; return v })
	code, stdout, stderr := run(t, "en", "verify", "--db", path)
	if code != 1 || !strings.Contains(stdout, "LT000002") || strings.Contains(stdout, "LT000001") || !strings.Contains(stdout, "SHA-256 of the PDF") {
		t.Fatalf("verify after tampering with the PDF: exit %d, %q %q", code, stdout, stderr)
	}
	tamper(t, path, 'r', 3, func(v []byte) []byte {
		var m map[string]any
		json.Unmarshal(v, &m)
		m["total"] = "1.00"
		b, _ := json.Marshal(m)
		return b
	})
	code, stdout, _ = run(t, "fr", "verify", "--db", path)
	if code != 1 || !strings.Contains(stdout, "LT000003") || !strings.Contains(stdout, "empreinte de l’enregistrement") {
		t.Fatalf("verify after tampering with a record: exit %d, %q", code, stdout)
	}
}

// tamper changes the value of key prefix+seq in the letters bucket directly with bbolt.
func tamper(t *testing.T, path string, prefix byte, seq uint64, change func([]byte) []byte) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	k := []byte{prefix, 0, 0, 0, 0, 0, 0, 0, byte(seq)}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(store.BucketLetters)
		v := b.Get(k)
		if v == nil {
			t.Fatalf("no key %q", k)
		}
		return b.Put(k, change(append([]byte(nil), v...)))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestLettersBatch(t *testing.T) {
	path := letterDossier(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "r2")
	merged := filepath.Join(dir, "print.pdf")
	code, stdout, stderr := run(t, "en", "letters", "--db", path, "--at", "2026-11-23", "--stage", "r2", "--out", out,
		"--merged", merged, "--issue", "--by", "Claire Moreau")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	t.Log(stdout, stderr)
	entries, _ := os.ReadDir(out)
	if len(entries) < 20 || !strings.Contains(stdout, "letters written") {
		t.Fatalf("%d files; stdout %q; stderr %q", len(entries), stdout, stderr)
	}
	if text := pdfToText(t, merged); !strings.Contains(text, "Agence Renard EURL") || !strings.Contains(text, "Whitfield") {
		t.Error("merged PDF lacks letters")
	}
	code, stdout, _ = run(t, "en", "verify", "--db", path)
	if code != 0 || !strings.Contains(stdout, "verified") {
		t.Fatalf("verify: %d %q", code, stdout)
	}
}

// Without --stage, relance letters writes the letters of the day's agenda (a promise's
// confirmation included, an e-mail step as an .eml beside its PDF); issued, they leave
// the agenda and the chain verifies. Two demo dossiers (made on the 23rd and on the 24th,
// both worked on the 23rd) give between them letters, confirmations and an e-mail step.
func TestLettersFromTheAgenda(t *testing.T) {
	emails := 0
	for _, made := range []string{"2026-11-23", "2026-11-24"} {
		db := filepath.Join(t.TempDir(), "d.db")
		if code, _, stderr := run(t, "fr", "demo", "--out", db, "--today", made); code != 0 {
			t.Fatalf("demo: %d %s", code, stderr)
		}
		count := func(ch string) int {
			code, out, stderr := run(t, "en", "agenda", "--db", db, "--at", "2026-11-23", "--channel", ch, "--format", "json")
			if code != 0 {
				t.Fatalf("agenda: %d %s", code, stderr)
			}
			return strings.Count(out, `"channel": "`+ch+`"`)
		}
		letters, mails := count("letter"), count("email")
		emails += mails
		if letters == 0 {
			t.Fatalf("demo made on %s: no letter on the agenda", made)
		}
		dir := t.TempDir()
		code, out, stderr := run(t, "en", "letters", "--db", db, "--at", "2026-11-23", "--out", dir, "--issue", "--by", "Claire")
		if code != 0 || strings.Contains(stderr, "C0") {
			t.Fatalf("letters: %d %s %s", code, out, stderr)
		}
		pdfs, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
		emls, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
		if len(pdfs) != letters+mails || len(emls) != mails {
			t.Errorf("demo made on %s: %d PDFs and %d .eml for %d letters and %d e-mails on the agenda", made, len(pdfs), len(emls), letters, mails)
		}
		if n := count("letter") + count("email"); n != 0 {
			t.Errorf("demo made on %s: %d letters still on the agenda after issuing them", made, n)
		}
		if code, out, _ := run(t, "en", "verify", "--db", db); code != 0 {
			t.Errorf("verify: %s", out)
		}
	}
	if emails == 0 {
		t.Error("no e-mail step on either agenda: the .eml path is not exercised")
	}
}

// A dispute acknowledgement without --dispute answers the customer's latest dispute in
// progress.
func TestDisputeLetterDefaultsToTheLatestDispute(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	if code, _, stderr := run(t, "fr", "demo", "--out", db, "--today", "2026-11-23"); code != 0 {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	_, out, _ := run(t, "en", "disputes", "--db", db, "--at", "2026-11-23", "--status", "open", "--format", "json")
	var doc struct {
		Disputes []struct{ ID, Customer string } `json:"disputes"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Disputes) == 0 {
		t.Fatalf("disputes: %v %s", err, out)
	}
	d := doc.Disputes[0]
	pdf := filepath.Join(t.TempDir(), "ar.pdf")
	if code, _, stderr := run(t, "fr", "letter", "--db", db, "--customer", d.Customer, "--stage", "dispute", "--at", "2026-11-23", "--out", pdf); code != 0 {
		t.Fatalf("letter: %d %s", code, stderr)
	}
	if b, _ := os.ReadFile(pdf); len(b) < 1000 {
		t.Fatalf("no PDF")
	}
}
