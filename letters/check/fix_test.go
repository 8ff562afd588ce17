package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestApplyAndDiff(t *testing.T) {
	tests := []struct {
		name, in string
		fixes    []Fix
		want     string
	}{
		{"replace", "Suite à notre appel", []Fix{{0, 7, "À la suite de"}}, "À la suite de notre appel"},
		{"two", "a b c", []Fix{{0, 1, "x"}, {4, 5, "z"}}, "x b z"},
		{"overlap skipped", "abcdef", []Fix{{0, 4, "X"}, {2, 5, "Y"}}, "abYf"},
		{"insert", "ab", []Fix{{1, 1, "-"}}, "a-b"},
		{"delete word", "we enclose herewith a statement", []Fix{{11, 19, ""}}, "we enclose a statement"},
		{"out of range ignored", "ab", []Fix{{1, 9, "x"}}, "ab"},
	}
	for _, tc := range tests {
		if got := ApplyFixes(tc.in, tc.fixes); got != tc.want {
			t.Errorf("%s: got %q want %q", tc.name, got, tc.want)
		}
	}
	d := Diff("Merci de régler dans les plus brefs délais.", "Merci de régler au plus tard le 8 décembre 2026.")
	var del, ins string
	for _, o := range d {
		switch o.Kind {
		case "-":
			del += o.Text
		case "+":
			ins += o.Text
		}
	}
	if !strings.Contains(del, "brefs délais") || !strings.Contains(ins, "8 décembre 2026") || strings.Contains(del, "Merci") {
		t.Errorf("diff: %+v", d)
	}
}

// TestFixAllImproves applies every automatic fix of a flawed letter and checks again:
// the corrected letter must have fewer findings, and fixed spans must be gone.
func TestFixAllImproves(t *testing.T) {
	e := engine(t)
	for _, name := range []string{"fr_r1_b2b.txt", "fr_med_b2b.txt", "en_r2_b2b.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", "letters", name))
		if err != nil {
			t.Fatal(err)
		}
		opt := Options{Lang: name[:2], Stage: Stage(strings.Split(name, "_")[1]), Audience: B2B}
		res := e.Check(string(b), opt)
		fixed := Apply(string(b), res.Findings)
		res2 := e.Check(fixed, opt)
		if len(res2.Findings) >= len(res.Findings) {
			t.Errorf("%s: %d findings before, %d after fixing", name, len(res.Findings), len(res2.Findings))
		}
		if res2.Count(Blocking) > res.Count(Blocking) {
			t.Errorf("%s: fixes added blocking findings", name)
		}
	}
}

func TestTrainingScore(t *testing.T) {
	e := engine(t)
	b, _ := os.ReadFile(filepath.Join("testdata", "letters", "fr_r1_b2b.txt"))
	res := e.Check(string(b), Options{Lang: "fr", Stage: StageR1})
	var all []Mark
	for _, f := range res.Findings {
		if f.Severity >= Warning {
			if f.Missing() {
				all = append(all, Mark{Start: -1, End: -1, Rule: f.Rule})
			} else {
				all = append(all, Mark{Start: f.Start, End: f.End})
			}
		}
	}
	if s := Score(res, all); s.Score != 20 || s.FalseMarks != 0 {
		t.Errorf("perfect marks: %+v", s)
	}
	if s := Score(res, nil); s.Score != 0 {
		t.Errorf("no marks: %+v", s)
	}
	half := Score(res, append(all[:len(all)/2:len(all)/2], Mark{Start: 0, End: 3}))
	if half.Score <= 0 || half.Score >= 20 || half.FalseMarks != 1 {
		t.Errorf("half marks: %+v", half)
	}
}

// Messages follow MessageLang; model sentences inserted into the letter stay in the
// letter's language.
func TestMessageLang(t *testing.T) {
	e := engine(t)
	b, _ := os.ReadFile(filepath.Join("testdata", "letters", "fr_r1_b2b.txt"))
	res := e.Check(string(b), Options{Lang: "fr", MessageLang: "en", Stage: StageR1})
	for _, f := range res.Findings {
		if f.Rule == "CLAR.PAYMENT_MEANS" {
			if !strings.HasPrefix(f.Message, "No means of payment") || f.Fix == nil || !strings.Contains(f.Fix.Text, "virement") {
				t.Errorf("message %q, fix %+v", f.Message, f.Fix)
			}
			return
		}
	}
	t.Error("CLAR.PAYMENT_MEANS not found")
}
