package check

import "testing"

// TestScoreFairness is a worked example of the scoring rules on a hand-made result:
// a mark on an advice (a real fault the reveal shows) is not false; a mark touching a
// zero-width finding finds it; a trainer's rule list decides what is expected.
func TestScoreFairness(t *testing.T) {
	res := &Result{Findings: []Finding{
		{Rule: "TONE.ACCUSATORY", Category: CatTone, Severity: Error, Start: 10, End: 30},          // weight 2
		{Rule: "TYPO.SPACE", Category: CatTypography, Severity: Warning, Start: 40, End: 40},       // zero-width, weight 1
		{Rule: "STYLE.PASSIVE", Category: CatStyle, Severity: Advice, Start: 50, End: 60},          // advice: not expected
		{Rule: "CLAR.PAYMENT_MEANS", Category: CatClarity, Severity: Blocking, Start: -1, End: -1}, // weight 3
	}}
	marks := []Mark{
		{Start: 12, End: 15},                             // inside the accusatory phrase: found
		{Start: 36, End: 40},                             // the word before the missing space: found
		{Start: 52, End: 55},                             // on the advice: a real fault, not false
		{Start: 70, End: 75},                             // on nothing: false
		{Start: -1, End: -1, Rule: "CLAR.PAYMENT_MEANS"}, // the missing item named: found
	}
	s := Score(res, marks)
	// 6 of 6 points found → 20, minus 0.5 for the one false mark
	if s.Found != 3 || s.Expected != 3 || s.FalseMarks != 1 || s.Extra != 1 || s.Score != 19.5 {
		t.Errorf("default: %+v", s)
	}
	// the trainer expects only the accusatory phrase and the advice: 2 + 1 points
	s = ScoreFor(res, marks[:3], []string{"TONE.ACCUSATORY", "STYLE.PASSIVE"})
	if s.Found != 2 || s.Expected != 2 || s.FalseMarks != 0 || s.Extra != 1 || s.Score != 20 {
		t.Errorf("listed: %+v", s)
	}
	// nothing marked on the listed rules: 0; the missing item is a real fault, not false
	s = ScoreFor(res, marks[4:], []string{"TONE.ACCUSATORY"})
	if s.Found != 0 || s.FalseMarks != 0 || s.Score != 0 {
		t.Errorf("none: %+v", s)
	}
	if c := s.ByCategory[CatTone]; c != [2]int{0, 1} {
		t.Errorf("by category: %v", c)
	}
}
