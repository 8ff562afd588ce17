package check

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"relance/ledger"
)

// manifestEntry is one letter of testdata/letters with the findings it must and must
// not produce. An item is a rule ID, optionally with "@text": then a finding of that
// rule must overlap the first occurrence of text in the letter.
type manifestEntry struct {
	File     string   `json:"file"`
	Lang     string   `json:"lang"`
	Stage    Stage    `json:"stage"`
	Audience Audience `json:"audience"`
	Must     []string `json:"must"`
	MustNot  []string `json:"must_not"`
	Misspelt []string `json:"misspelt"`
	Ledger   bool     `json:"ledger"`
	Clean    bool     `json:"clean"`
}

// loadManifest reads every testdata/letters/manifest*.json: manifest.json (the first
// letters), manifest_good.json and manifest_flawed.json (the scored corpus).
func loadManifest(t testing.TB) []manifestEntry {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "letters", "manifest*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no manifest: %v", err)
	}
	var all []manifestEntry
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var m []manifestEntry
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		all = append(all, m...)
	}
	return all
}

// rejectSpeller accepts every word except the listed ones.
type rejectSpeller map[string]bool

func (r rejectSpeller) Correct(lang, word string) bool     { return !r[strings.ToLower(word)] }
func (r rejectSpeller) Suggest(lang, word string) []string { return []string{"rappelons"} }

// ledgerAccount is the customer account the "ledger" letter is checked against.
func ledgerAccount() *ledger.Account {
	d := func(y, m, day int) ledger.Date { return ledger.NewDate(y, time.Month(m), day) }
	return &ledger.Account{
		Customer: ledger.Customer{ID: "C042", Name: "Menuiserie Girard SARL"},
		Items: []ledger.Item{
			{ID: "1", Customer: "C042", Kind: ledger.Invoice, Number: "FA-2026-0700", DocDate: d(2026, 9, 15), DueDate: d(2026, 10, 15), Amount: 180000, Open: 180000},
			{ID: "2", Customer: "C042", Kind: ledger.Invoice, Number: "FA-2026-0701", DocDate: d(2026, 10, 1), DueDate: d(2026, 10, 31), Amount: 95000, Open: 95000},
		},
	}
}

func matches(res *Result, item, letter string) bool {
	rule, text, anchored := strings.Cut(item, "@")
	start, end := -1, -1
	if anchored {
		i := strings.Index(letter, text)
		if i < 0 {
			return false
		}
		start = len([]rune(letter[:i]))
		end = start + len([]rune(text))
	}
	for _, f := range res.Findings {
		if f.Rule != rule {
			continue
		}
		if !anchored || f.Start < end && f.End > start {
			return true
		}
	}
	return false
}

// TestFlawedLetters checks the corpus: recall on the MUST items ≥ 95 %, no MUST-NOT
// finding, and no blocking or error finding in the good letters.
// TestLetterCorpus scores the checker on the corpus: every MUST item found (recall at
// least 95 %), no MUST-NOT item, no error or blocking finding on a good letter, and no
// message quoting words the letter does not contain.
func TestLetterCorpus(t *testing.T) {
	e := engine(t)
	var sc corpusScore
	stages := map[Stage]bool{}
	goodStages := map[Stage]bool{}
	for _, m := range loadManifest(t) {
		b, err := os.ReadFile(filepath.Join("testdata", "letters", m.File))
		if err != nil {
			t.Fatal(err)
		}
		letter := string(b)
		opt := Options{Lang: m.Lang, Stage: m.Stage, Audience: m.Audience}
		if len(m.Misspelt) > 0 {
			rs := rejectSpeller{}
			for _, w := range m.Misspelt {
				rs[w] = true
			}
			opt.Speller = rs
		}
		if m.Ledger {
			opt.Account = ledgerAccount()
		}
		res := e.Check(letter, opt)
		if !res.Date.Valid() {
			t.Errorf("%s: no letter date found", m.File)
		}
		if m.Clean {
			sc.good++
			goodStages[m.Stage] = true
		} else {
			sc.flawed++
			stages[m.Stage] = true
		}
		for _, item := range m.Must {
			sc.must++
			if matches(res, item, letter) {
				sc.found++
			} else {
				t.Logf("%s: MUST %s not found (a miss: counted in the recall)", m.File, item)
			}
		}
		for _, item := range m.MustNot {
			if matches(res, item, letter) {
				sc.wrong++
				t.Errorf("%s: MUST-NOT %s found", m.File, item)
			}
		}
		for _, f := range res.Findings {
			if q := absentQuote(letter, f); q != "" {
				t.Errorf("%s: %s quotes « %s », which the letter does not contain: %s", m.File, f.Rule, q, f.Message)
			}
			if !m.Clean {
				continue
			}
			switch {
			case f.Severity >= Error:
				sc.goodErrors++
				t.Errorf("%s: good letter has %s %s %q: %s", m.File, f.Severity, f.Rule, spanOf(letter, f), f.Message)
			case f.Severity == Warning:
				sc.goodWarnings++
			default:
				sc.goodAdvice++
			}
		}
		if testing.Verbose() {
			for _, f := range res.Findings {
				t.Logf("%s: %-8s %-24s %q %s", m.File, f.Severity, f.Rule, spanOf(letter, f), f.Message)
			}
		}
	}
	for _, s := range Stages {
		if !stages[s] {
			t.Errorf("no flawed letter at stage %s", s)
		}
		if !goodStages[s] {
			t.Errorf("no good letter at stage %s", s)
		}
	}
	t.Log(sc.String())
	if sc.recall() < 0.95 {
		t.Errorf("recall %.3f < 0.95", sc.recall())
	}
}

// corpusScore counts what TestLetterCorpus measures.
type corpusScore struct {
	good, flawed                         int
	must, found, wrong                   int // MUST items, found; MUST-NOT items found
	goodErrors, goodWarnings, goodAdvice int // findings on the good letters
}

func (s corpusScore) recall() float64 { return float64(s.found) / float64(max(s.must, 1)) }

// precision counts as false every MUST-NOT hit and every warning or worse on a good letter.
func (s corpusScore) precision() float64 {
	fp := s.wrong + s.goodErrors + s.goodWarnings
	return float64(s.found) / float64(max(s.found+fp, 1))
}

func (s corpusScore) String() string {
	return fmt.Sprintf("%d flawed + %d good letters; recall %d/%d = %.1f %%; precision %.1f %% (%d MUST-NOT hits); "+
		"good letters: %d errors, %d warnings, %d advice",
		s.flawed, s.good, s.found, s.must, 100*s.recall(), 100*s.precision(), s.wrong, s.goodErrors, s.goodWarnings, s.goodAdvice)
}

func spanOf(letter string, f Finding) string {
	if f.Start < 0 {
		return ""
	}
	return string([]rune(letter)[f.Start:f.End])
}

// reQuote finds the quotations of a message: « … » in French, “…” in English.
var reQuote = regexp.MustCompile(`«\s*([^»]+?)\s*»|“([^”]+)”`)

// reSuggestCue introduces a quotation that is advice, not a citation of the letter.
var reSuggestCue = regexp.MustCompile(`(?i)(?:écrivez|on écrit|proposez|préférez|remplacez par|plutôt|appelle|write|calls for|use|suggest|instead)\s*:?\s*$`)

// absentQuote returns the first quotation of f's message that cites words absent from the
// letter (whitespace, case and apostrophes folded); "" when every quotation is found. Findings
// of something missing, and advice quotations (« écrivez … »), are not citations.
func absentQuote(letter string, f Finding) string {
	if f.Start < 0 {
		return ""
	}
	fold := func(s string) string {
		s = strings.NewReplacer("’", "'", "\u00a0", " ", "\u202f", " ").Replace(strings.ToLower(s))
		return strings.Join(strings.Fields(s), " ")
	}
	body := fold(letter)
	for _, m := range reQuote.FindAllStringSubmatchIndex(f.Message, -1) {
		if reSuggestCue.MatchString(f.Message[:m[0]]) {
			continue
		}
		q := ""
		if m[2] >= 0 {
			q = f.Message[m[2]:m[3]]
		} else {
			q = f.Message[m[4]:m[5]]
		}
		if !strings.Contains(body, fold(strings.TrimRight(q, " ,."))) {
			return q
		}
	}
	return ""
}

func TestAbsentQuote(t *testing.T) {
	letter := "Bonjour,\n\nLa facture n° FA-1 reste due.\n"
	for _, c := range []struct {
		msg, want string
	}{
		{"Formule d'appel familière ou commerciale (« Cher client », « Bonjour »).", "Cher client"},
		{"Formule d'appel familière ou commerciale : « Bonjour ».", ""},
		{"Montant mal écrit : « reste  due » ; écrivez « 1 250,00 € ».", ""},
		{"Informal salutation: “Hello”.", "Hello"},
	} {
		if got := absentQuote(letter, Finding{Start: 0, End: 7, Message: c.msg}); got != c.want {
			t.Errorf("%s: got %q, want %q", c.msg, got, c.want)
		}
	}
	if got := absentQuote(letter, Finding{Start: -1, End: -1, Message: "Aucune mention « mise en demeure »."}); got != "" {
		t.Errorf("a missing item's message is not a citation: %q", got)
	}
}
