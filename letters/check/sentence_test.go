package check

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// sentenceLengths returns the word count of every body sentence of text.
func sentenceLengths(e *Engine, text string, opt Options) []int {
	l := e.read(text, opt)
	var out []int
	for _, s := range l.sents {
		if s.sec == SecBody {
			out = append(out, l.wordCount(s.start, s.end))
		}
	}
	return out
}

// TestSentenceLengthThresholds measures the sentences of the good letters of the corpus
// and the catalogue's model sentences against the thresholds of STYLE.SENTENCE_LENGTH:
// every model sentence passes, at most 5 % of the good letters' sentences get a
// warning, and none an error.
func TestSentenceLengthThresholds(t *testing.T) {
	e := engine(t)
	var good []int
	for _, m := range loadManifest(t) {
		if !m.Clean {
			continue
		}
		b, err := os.ReadFile(filepath.Join("testdata", "letters", m.File))
		if err != nil {
			t.Fatal(err)
		}
		good = append(good, sentenceLengths(e, string(b), Options{Lang: m.Lang, Stage: m.Stage, Audience: m.Audience})...)
	}
	var models []int
	for _, r := range e.cat.Rules {
		for lang, tx := range r.Text {
			for _, m := range append([]string{tx.Model}, altModels(tx)...) {
				if m == "" {
					continue
				}
				for _, n := range sentenceLengths(e, fill(m, sampleFacts()), Options{Lang: lang}) {
					models = append(models, n)
					if n > sentenceWarn {
						t.Errorf("%s (%s): model sentence of %d words gets a warning: %s", r.ID, lang, n, m)
					}
				}
			}
		}
	}
	sort.Ints(good)
	sort.Ints(models)
	warned := 0
	for _, n := range good {
		if n > sentenceWarn {
			warned++
		}
		if n > sentenceError {
			t.Errorf("a good letter's sentence of %d words is an error (threshold %d)", n, sentenceError)
		}
	}
	pct := func(xs []int, p float64) int { return xs[int(p*float64(len(xs)-1))] }
	t.Logf("good letters: %d sentences, median %d, p90 %d, p95 %d, max %d words; %d above %d (warning)",
		len(good), pct(good, .5), pct(good, .9), pct(good, .95), good[len(good)-1], warned, sentenceWarn)
	t.Logf("model sentences: %d, max %d words", len(models), models[len(models)-1])
	if warned*100 > 5*len(good) {
		t.Errorf("%d of %d good sentences (%.1f %%) get a warning: above 5 %%", warned, len(good), 100*float64(warned)/float64(len(good)))
	}
}

// altModels are a rule text's alternative model sentences (alt keys model_…).
func altModels(tx Text) []string {
	var out []string
	for k, v := range tx.Alt {
		if len(k) > 6 && k[:6] == "model_" {
			out = append(out, v)
		}
	}
	return out
}

// sampleFacts fill the placeholders of model sentences as a letter's facts would.
func sampleFacts() map[string]string {
	return map[string]string{"amount": "1 250,00 €", "total": "1 250,00 €", "invoice": "FA-2026-0412",
		"date": "23 novembre 2026", "deadline": "8 décembre 2026", "due": "30 octobre 2026"}
}
