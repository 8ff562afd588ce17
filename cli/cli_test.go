package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/store"
)

// TestMain lets a test start this test binary as the relance command line, to check
// what a second process sees.
func TestMain(m *testing.M) {
	if os.Getenv("RELANCE_CLI_CHILD") == "1" {
		os.Exit(Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

var testToday = ledger.NewDate(2026, time.November, 23)

// run runs the command line in process, in the given language.
func run(t *testing.T, lang string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb, Lang: lang, Today: testToday}
	code := env.run(args)
	return code, out.String(), errb.String()
}

func demoFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "d.db")
	if code, _, stderr := run(t, "fr", "demo", "--out", path); code != 0 {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	return path
}

func TestCustomersJSONMatchesItems(t *testing.T) {
	path := demoFile(t)
	code, out, stderr := run(t, "fr", "customers", "--db", path, "--format", "json", "--at", "2026-11-23")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		AsOf      string `json:"as_of"`
		Customers []struct {
			ID      string `json:"id"`
			Name    string `json:"name"`
			Kind    string `json:"kind"`
			Balance string `json:"balance"`
			Overdue string `json:"overdue"`
		} `json:"customers"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, out[:min(len(out), 500)])
	}
	if doc.AsOf != "2026-11-23" || len(doc.Customers) < 140 || len(doc.Customers) > 160 {
		t.Fatalf("as_of %s, %d customers", doc.AsOf, len(doc.Customers))
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *store.Tx) error {
		for _, c := range doc.Customers {
			items, err := tx.Items(c.ID)
			if err != nil {
				return err
			}
			var sum ledger.Cents
			for _, it := range items {
				sum += it.Open
			}
			if sum.String() != c.Balance {
				t.Errorf("%s: balance %s, Σ open items %s", c.ID, c.Balance, sum)
			}
			if c.Name == "" || (c.Kind != "business" && c.Kind != "consumer" && c.Kind != "public") {
				t.Errorf("%s: name %q kind %q", c.ID, c.Name, c.Kind)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCustomersTable(t *testing.T) {
	path := demoFile(t)
	for _, lang := range []string{"fr", "en"} {
		code, out, _ := run(t, lang, "customers", "--db", path)
		head := map[string]string{"fr": "Solde", "en": "Balance"}[lang]
		if code != 0 || !strings.Contains(out, head) || !strings.Contains(out, "Commune de Villeurbanne") {
			t.Errorf("%s: exit %d\n%s", lang, code, out[:min(len(out), 400)])
		}
	}
}

func TestUsageErrors(t *testing.T) {
	path := demoFile(t)
	cases := [][]string{
		{"nosuchcommand"},
		{"customers"},
		{"customers", "--db", path, "--format", "xml"},
		{"customers", "--db", path, "--at", "2026-02-30"},
		{"customers", "--db", path, "--bogus"},
		{"customers", "--db", path, "stray"},
		{"gen", "--out", "x.db", "--customers", "0", "--items", "5"},
		{"demo"},
	}
	for _, args := range cases {
		code, _, stderr := run(t, "fr", args...)
		if code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if code, out, _ := run(t, "en", "version"); code != 0 || !strings.HasPrefix(out, "relance "+Version) {
		t.Errorf("version: %d %q", code, out)
	}
	if code, out, _ := run(t, "en", "help"); code != 0 || !strings.Contains(out, "customers") {
		t.Errorf("help: %d", code)
	}
}

func TestNotADossier(t *testing.T) {
	path := filepath.Join(t.TempDir(), "facture.db")
	content := []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + strings.Repeat("x", 5000))
	os.WriteFile(path, content, 0o644)
	code, _, stderr := run(t, "fr", "customers", "--db", path)
	if code != 1 || !strings.Contains(stderr, "n'est pas un dossier Relance") {
		t.Errorf("exit %d: %q", code, stderr)
	}
	after, _ := os.ReadFile(path)
	if sha256.Sum256(after) != sha256.Sum256(content) {
		t.Error("file modified")
	}
}

// A second process opening a dossier held by a first one gets a clear message within a
// second and a non-zero exit.
func TestSecondProcessGetsAlreadyOpen(t *testing.T) {
	path := demoFile(t)
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, lang := range []string{"fr", "en"} {
		cmd := exec.Command(os.Args[0], "customers", "--db", path)
		cmd.Env = append(os.Environ(), "RELANCE_CLI_CHILD=1", "RELANCE_LANG="+lang)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		err := cmd.Run()
		elapsed := time.Since(start)
		want := map[string]string{"fr": "déjà ouvert", "en": "already open"}[lang]
		if err == nil || !strings.Contains(stderr.String(), want) {
			t.Errorf("%s: err %v, stderr %q", lang, err, stderr.String())
		}
		if elapsed > time.Second {
			t.Errorf("%s: took %v", lang, elapsed)
		}
	}
}

func TestGenSmall(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	code, out, stderr := run(t, "en", "gen", "--customers", "30", "--items", "500", "--seed", "3", "--out", path)
	if code != 0 || !strings.Contains(out, "30 customers, 500 items") {
		t.Fatalf("exit %d: %s %s", code, out, stderr)
	}
	if code, _, _ := run(t, "en", "gen", "--customers", "30", "--items", "500", "--out", path); code != 1 {
		t.Errorf("overwrote: exit %d", code)
	}
}

func TestAgedJSON(t *testing.T) {
	path := demoFile(t)
	for _, at := range []string{"2026-11-23", "2026-03-31"} {
		code, out, stderr := run(t, "en", "aged", "--db", path, "--at", at, "--format", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var doc struct {
			AsOf      string            `json:"as_of"`
			Total     string            `json:"total"`
			Buckets   map[string]string `json:"buckets"`
			Customers []struct {
				Balance string            `json:"balance"`
				Buckets map[string]string `json:"buckets"`
			} `json:"customers"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		sum := func(m map[string]string) ledger.Cents {
			var s ledger.Cents
			for _, v := range m {
				c, err := ledger.ParseCents(v)
				if err != nil {
					t.Fatal(err)
				}
				s += c
			}
			return s
		}
		var total ledger.Cents
		for _, c := range doc.Customers {
			if len(c.Buckets) != 6 || sum(c.Buckets).String() != c.Balance {
				t.Errorf("customer buckets %v vs balance %s", c.Buckets, c.Balance)
			}
			b, _ := ledger.ParseCents(c.Balance)
			total += b
		}
		if doc.AsOf != at || total.String() != doc.Total || sum(doc.Buckets).String() != doc.Total || len(doc.Customers) < 50 {
			t.Errorf("at %s: total %s, Σ customers %s, Σ buckets %s", at, doc.Total, total, sum(doc.Buckets))
		}
	}
	if code, out, _ := run(t, "fr", "aged", "--db", path, "--format", "csv"); code != 0 || !strings.Contains(out, "Non échu;") {
		t.Errorf("csv: %d %s", code, out[:min(200, len(out))])
	}
}

func TestVersionMatchesFyneAppToml(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `Version = "`+Version+`"`) {
		t.Errorf("FyneApp.toml and cli.Version (%s) disagree", Version)
	}
}
