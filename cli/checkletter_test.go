package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/letters/spell"
)

type checkDoc struct {
	Lang       string `json:"lang"`
	Stage      string `json:"stage"`
	GrammarOff bool   `json:"grammar_off"`
	Findings   []struct {
		Rule        string   `json:"rule"`
		Severity    string   `json:"severity"`
		Start       *int     `json:"start"`
		End         *int     `json:"end"`
		Message     string   `json:"message"`
		Suggestions []string `json:"suggestions"`
	} `json:"findings"`
	Scores struct {
		Readability struct {
			Words int `json:"words"`
		} `json:"readability"`
		Tone struct {
			Firmness int `json:"firmness"`
			Target   struct {
				FirmMin  int `json:"firm_min"`
				FirmMax  int `json:"firm_max"`
				CourtMin int `json:"court_min"`
				CourtMax int `json:"court_max"`
			} `json:"target"`
		} `json:"tone"`
		DESC struct {
			Describe bool `json:"describe"`
		} `json:"desc"`
	} `json:"scores"`
}

func letterFile(t *testing.T, name string) string {
	t.Helper()
	return filepath.Join("..", "letters", "check", "testdata", "letters", name)
}

func TestCheckLetter(t *testing.T) {
	cases := []struct {
		name     string
		args     []string
		code     int
		has      []string
		hasNot   []string
		contains string
	}{
		{"flawed FR R1 json", []string{letterFile(t, "fr_r1_b2b.txt"), "--stage", "r1", "--format", "json", "--no-grammar"}, 1,
			[]string{"TONE.ACCUSATORY", "CLAR.INVOICE_REF", "STRUCT.SIGNATURE"}, []string{"LEGAL.MED_WORDS"}, ""},
		{"formal notice json, flags first", []string{"--stage", "med", "--format", "json", "--no-grammar", letterFile(t, "fr_med_b2b.txt")}, 1,
			[]string{"LEGAL.MED_WORDS", "LEGAL.UNLAWFUL_THREAT"}, nil, ""},
		{"good letter exits 0", []string{letterFile(t, "good_fr_med_b2b.txt"), "--stage", "med", "--format", "json", "--no-grammar"}, 0,
			nil, []string{"LEGAL.MED_WORDS", "CLAR.AMOUNT"}, ""},
		{"english text", []string{letterFile(t, "en_r2_b2b.txt"), "--stage", "r2", "--lang", "en"}, 1, nil, nil, "FINAL WARNING"},
		{"bad stage", []string{letterFile(t, "fr_r1_b2b.txt"), "--stage", "r9"}, 2, nil, nil, ""},
		{"bad audience", []string{letterFile(t, "fr_r1_b2b.txt"), "--audience", "x"}, 2, nil, nil, ""},
		{"no file", []string{"--stage", "r1"}, 2, nil, nil, ""},
		{"missing file", []string{"/nonexistent/letter.txt"}, 1, nil, nil, ""},
		{"customer without db", []string{letterFile(t, "fr_r1_b2b.txt"), "--customer", "C1"}, 2, nil, nil, ""},
	}
	for _, c := range cases {
		code, out, stderr := run(t, "fr", append([]string{"check-letter"}, c.args...)...)
		if code != c.code {
			t.Errorf("%s: exit %d, want %d (%s)", c.name, code, c.code, stderr)
			continue
		}
		if c.contains != "" && !strings.Contains(out, c.contains) {
			t.Errorf("%s: output lacks %q", c.name, c.contains)
		}
		if len(c.has)+len(c.hasNot) == 0 {
			continue
		}
		var doc checkDoc
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%s: %v\n%s", c.name, err, out)
		}
		if !doc.GrammarOff || doc.Scores.Readability.Words == 0 {
			t.Errorf("%s: grammar_off %v, words %d", c.name, doc.GrammarOff, doc.Scores.Readability.Words)
		}
		// The tone's target zone in snake_case keys (firm_min… court_max), not Go's field names.
		if z := doc.Scores.Tone.Target; z.FirmMax == 0 || z.CourtMax == 0 || z.FirmMin > z.FirmMax || z.CourtMin > z.CourtMax ||
			strings.Contains(out, `"FirmMin"`) || strings.Contains(out, `"CourtMax"`) || !strings.Contains(out, `"describe"`) {
			t.Errorf("%s: target zone %+v\n%s", c.name, z, out)
		}
		rules := map[string]bool{}
		for _, f := range doc.Findings {
			rules[f.Rule] = true
			if (f.Start == nil) != (f.End == nil) || f.Message == "" || f.Suggestions == nil {
				t.Errorf("%s: bad finding %+v", c.name, f)
			}
		}
		for _, r := range c.has {
			if !rules[r] {
				t.Errorf("%s: %s missing", c.name, r)
			}
		}
		for _, r := range c.hasNot {
			if rules[r] {
				t.Errorf("%s: %s present", c.name, r)
			}
		}
	}
}

// TestCheckLetterLedger cross-checks a letter with a demo customer's account: an
// invoice number the customer does not have, and a wrong amount for one it has.
func TestCheckLetterLedger(t *testing.T) {
	db := demoFile(t)
	book := demo.Book(testToday)
	var acc *ledger.Account
	var inv *ledger.Item
	for _, a := range book.Accounts {
		for i := range a.Items {
			if it := &a.Items[i]; it.Kind == ledger.Invoice && it.Open > 0 && it.Number != "" && a.Customer.Kind == ledger.Business {
				acc, inv = a, it
				break
			}
		}
		if acc != nil {
			break
		}
	}
	if acc == nil {
		t.Fatal("no open invoice in the demo")
	}
	wrong := (inv.Amount + 12345).Format("fr", "EUR")
	letter := "Lyon, le 23 novembre 2026\n\nObjet : Relance – facture n° " + inv.Number + "\n\nMadame, Monsieur,\n\n" +
		"La facture n° " + inv.Number + " d'un montant de " + wrong + " reste impayée. La facture n° ZZ-9999-001 aussi.\n\n" +
		"Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.\n\nJeanne Martin\nResponsable du recouvrement\n"
	path := filepath.Join(t.TempDir(), "l.txt")
	if err := os.WriteFile(path, []byte(letter), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "en", "check-letter", path, "--db", db, "--customer", acc.Customer.ID, "--format", "json")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc checkDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	var total, unknown bool
	for _, f := range doc.Findings {
		total = total || f.Rule == "CLAR.TOTAL_CONSISTENCY" && strings.Contains(f.Message, inv.Number)
		unknown = unknown || f.Rule == "CLAR.INVOICE_REF" && strings.Contains(f.Message, "ZZ-9999-001")
	}
	if !total || !unknown || doc.Lang != "fr" {
		t.Errorf("ledger cross-check: total %v unknown %v lang %s\n%s", total, unknown, doc.Lang, out)
	}
	if code, _, _ := run(t, "fr", "check-letter", path, "--db", db, "--customer", "NOPE"); code != 1 {
		t.Errorf("unknown customer: exit %d", code)
	}
}

// With libhunspell (cgo builds), check-letter reports misspelt words with suggestions,
// and --no-spelling turns it off.
func TestCheckLetterSpelling(t *testing.T) {
	if err := spell.Available(); err != nil {
		t.Skipf("spelling unavailable in this build: %v", err)
	}
	path := filepath.Join(t.TempDir(), "lettre.txt")
	text := "Objet : Relance facture FA-2026-118\n\nMadame, Monsieur,\n\nNous vous rappelons que le prélevement de l'echeance du 15 octobre 2026 n'a pas été honoré.\n\nNous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.\n"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, off := range []bool{false, true} {
		args := []string{"check-letter", path, "--stage", "r1", "--date", "2026-11-23", "--format", "json", "--no-grammar"}
		if off {
			args = append(args, "--no-spelling")
		}
		_, out, stderr := run(t, "fr", args...)
		var doc struct {
			SpellingOff bool `json:"spelling_off"`
			Findings    []struct {
				Rule        string   `json:"rule"`
				Suggestions []string `json:"suggestions"`
			} `json:"findings"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%v\n%s\n%s", err, out, stderr)
		}
		got := map[string]bool{} // first suggestions of the spelling findings
		for _, f := range doc.Findings {
			if f.Rule == "SPELL.WORD" && len(f.Suggestions) > 0 {
				got[f.Suggestions[0]] = true
			}
		}
		if off {
			if !doc.SpellingOff || len(got) > 0 {
				t.Errorf("--no-spelling: spelling_off %v, suggestions %v", doc.SpellingOff, got)
			}
			continue
		}
		// "rappellons" is caught first by the domain rule GRAM.DOMAIN_AGREEMENT (merged).
		for _, want := range []string{"prélèvement", "l'échéance"} {
			if !got[want] {
				t.Errorf("no SPELL.WORD suggesting %q; got %v", want, got)
			}
		}
	}
}

// --report writes the correction report PDF next to the findings.
func TestCheckLetterReport(t *testing.T) {
	out := filepath.Join(t.TempDir(), "rapport.pdf")
	code, _, stderr := run(t, "fr", "check-letter", letterFile(t, "fr_r2_b2b.txt"), "--stage", "r2", "--no-grammar", "--no-spelling", "--report", out)
	if code != 1 {
		t.Fatalf("exit %d (the letter has errors): %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") || len(b) < 2000 {
		t.Fatalf("report: %d bytes, %v", len(b), err)
	}
}
