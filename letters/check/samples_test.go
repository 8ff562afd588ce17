package check

import (
	"strings"
	"testing"
)

// TestSamplesCoverEveryContext: the built-in letters hold a flawed letter, with at
// least two findings of a warning or more, for every stage × audience × language, so
// that a trainer has an exercise for each.
func TestSamplesCoverEveryContext(t *testing.T) {
	samples, err := Samples()
	if err != nil {
		t.Fatal(err)
	}
	e := engine(t)
	have := map[[3]string]bool{}
	for _, s := range samples {
		if s.Good {
			continue
		}
		res := e.Check(s.Text, Options{Lang: s.Lang, Stage: s.Stage, Audience: s.Audience})
		if res.Count(Warning) < 2 && !strings.HasSuffix(s.Name, "_ledger") { // the ledger letter is checked against its account

			t.Errorf("%s: only %d findings of a warning or more", s.Name, res.Count(Warning))
		}
		have[[3]string{s.Lang, string(s.Stage), string(s.Audience)}] = true
	}
	for _, l := range []string{"fr", "en"} {
		for _, st := range Stages {
			for _, a := range []Audience{B2B, B2C, Public} {
				if !have[[3]string{l, string(st), string(a)}] {
					t.Errorf("no flawed sample for %s %s %s", l, st, a)
				}
			}
		}
	}
	if samples[0].Name != "fr_r1_b2b" || !samples[len(samples)-1].Good {
		t.Errorf("order: first %s, last good %v", samples[0].Name, samples[len(samples)-1].Good)
	}
}
