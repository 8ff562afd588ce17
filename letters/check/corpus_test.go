package check

import (
	"encoding/json"
	"os"
	"path/filepath"
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

func loadManifest(t testing.TB) []manifestEntry {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "letters", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m []manifestEntry
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
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
func TestFlawedLetters(t *testing.T) {
	e := engine(t)
	total, found := 0, 0
	stages := map[Stage]bool{}
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
		if !m.Clean {
			stages[m.Stage] = true
		}
		for _, item := range m.Must {
			total++
			if matches(res, item, letter) {
				found++
			} else {
				t.Errorf("%s: MUST %s not found", m.File, item)
			}
		}
		for _, item := range m.MustNot {
			if matches(res, item, letter) {
				t.Errorf("%s: MUST-NOT %s found", m.File, item)
			}
		}
		if m.Clean {
			for _, f := range res.Findings {
				if f.Severity >= Error {
					t.Errorf("%s: good letter has %s %s: %s [%d:%d]", m.File, f.Severity, f.Rule, f.Message, f.Start, f.End)
				}
			}
		}
		if testing.Verbose() {
			for _, f := range res.Findings {
				span := ""
				if f.Start >= 0 {
					span = string([]rune(letter)[f.Start:f.End])
				}
				t.Logf("%s: %-8s %-24s %q %s", m.File, f.Severity, f.Rule, span, f.Message)
			}
		}
	}
	for _, s := range Stages {
		if !stages[s] {
			t.Errorf("no flawed letter at stage %s", s)
		}
	}
	recall := float64(found) / float64(total)
	t.Logf("recall on MUST: %d/%d = %.1f %%", found, total, 100*recall)
	if recall < 0.95 {
		t.Errorf("recall %.3f < 0.95", recall)
	}
}
