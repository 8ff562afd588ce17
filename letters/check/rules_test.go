package check

import (
	"strings"
	"testing"

	"relance/ledger"
)

// wordSpeller is a tiny word-list Speller for the tests: every word of the list (and
// every word with a capital, digits or an apostrophe-elided known word) is correct.
type wordSpeller map[string]bool

func newWordSpeller(text string) wordSpeller {
	w := wordSpeller{}
	for _, f := range strings.Fields(text) {
		w[strings.ToLower(f)] = true
	}
	return w
}

func (w wordSpeller) Correct(lang, word string) bool {
	lw := strings.ToLower(word)
	if w[lw] {
		return true
	}
	if i := strings.LastIndexByte(lw, '\''); i >= 0 {
		return w[lw[i+1:]]
	}
	return false
}

func (w wordSpeller) Suggest(lang, word string) []string {
	if strings.ToLower(word) == "rappellons" {
		return []string{"rappelons"}
	}
	if strings.ToLower(word) == "recieved" {
		return []string{"received"}
	}
	return nil
}

const testWords = `nous vous rappelons que la facture reste due we have not yet received your payment`

func engine(t testing.TB) *Engine {
	t.Helper()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestCatalogueCoverage(t *testing.T) {
	e := engine(t)
	families := map[string]int{}
	for _, r := range e.Catalogue().Rules {
		families[strings.SplitN(r.ID, ".", 2)[0]]++
	}
	if n := len(e.Catalogue().Rules); n < 40 {
		t.Errorf("%d rules, want at least 40", n)
	}
	// every rule of the LEGAL, CLAR and TONE families of letter-rules.md §6
	for _, id := range []string{
		"LEGAL.MED_WORDS", "LEGAL.MED_EFFECTS", "LEGAL.MED_SENDING", "LEGAL.PENALTIES", "LEGAL.INDEMNITY_40", "LEGAL.MISSTATED",
		"LEGAL.NEXT_STEP", "LEGAL.UNLAWFUL_THREAT", "LEGAL.AGENCY_MENTIONS", "LEGAL.PRESCRIPTION", "LEGAL.UK_PROTOCOL", "LEGAL.COMPANY_ID",
		"CLAR.AMOUNT", "CLAR.INVOICE_REF", "CLAR.INVOICE_DATES", "CLAR.TOTAL_CONSISTENCY", "CLAR.DEADLINE_PRECISE", "CLAR.DEADLINE_COHERENT",
		"CLAR.PAYMENT_MEANS", "CLAR.CONTACT", "CLAR.PRIOR_REMINDERS", "CLAR.OBJECT_LINE",
		"TONE.ACCUSATORY", "TONE.AGGRESSIVE", "TONE.VAGUE_THREAT", "TONE.GENERALIZATION", "TONE.WEAK", "TONE.SAUF_ERREUR_STAGE",
		"TONE.CUSHION_MISSING", "TONE.BALANCE", "TONE.SELF_EXPOSURE",
	} {
		if e.Catalogue().Rule(id) == nil {
			t.Errorf("rule %s missing", id)
		}
	}
	t.Logf("%d rules: %v", len(e.Catalogue().Rules), families)
}

// TestRuleExamples runs every example sentence of the catalogue: each bad one must
// produce its rule, no good one may.
func TestRuleExamples(t *testing.T) {
	e := engine(t)
	sp := newWordSpeller(testWords)
	n := 0
	for _, r := range e.Catalogue().Rules {
		if r.Kind != "external" && len(r.Examples) == 0 && r.ID != "STYLE.LETTER_LENGTH" && r.ID != "STYLE.READABILITY" && r.ID != "GRAM.ENGINE" {
			t.Errorf("%s: no examples", r.ID)
		}
		for _, ex := range r.Examples {
			opt := Options{Lang: ex.Lang, Stage: ex.Stage, Audience: ex.Audience, Sender: ex.Sender, Country: ex.Country, Only: []string{r.ID}, Speller: sp}
			if opt.Stage == "" {
				opt.Stage = firstStage(r)
			}
			if ex.Date != "" {
				d, err := ledger.ParseDate(ex.Date)
				if err != nil {
					t.Fatal(err)
				}
				opt.Date = d
			}
			for _, s := range ex.Bad {
				n++
				if res := e.Check(s, opt); !res.Has(r.ID) {
					t.Errorf("%s (%s, %s): bad example not caught: %q", r.ID, ex.Lang, opt.Stage, s)
				}
			}
			for _, s := range ex.Good {
				n++
				if res := e.Check(s, opt); res.Has(r.ID) {
					for _, f := range res.Findings {
						t.Errorf("%s (%s, %s): good example flagged: %q: %q [%d:%d]", r.ID, ex.Lang, opt.Stage, s, f.Message, f.Start, f.End)
					}
				}
			}
		}
	}
	t.Logf("%d example sentences", n)
}

func firstStage(r *Rule) Stage {
	if len(r.Stages) > 0 {
		return r.Stages[0]
	}
	return StageR1
}

func TestSamples(t *testing.T) {
	s, err := Samples()
	if err != nil {
		t.Fatal(err)
	}
	if len(s) < 12 || s[0].Text == "" || !s[len(s)-1].Good {
		t.Errorf("%d samples", len(s))
	}
	c := engine(t).Catalogue()
	if n := len(c.MissingCandidates("fr", StageMED, B2B)); n < 10 {
		t.Errorf("%d missing-item candidates", n)
	}
}
