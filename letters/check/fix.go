package check

import (
	"sort"
	"strings"
	"unicode"
)

// Apply applies the fixes of the chosen findings to the original text and returns the
// corrected text. Fixes are applied from the end so that offsets stay valid; a fix that
// overlaps one already applied is skipped. Findings without a fix are ignored.
func Apply(original string, findings []Finding) string {
	var fixes []Fix
	for _, f := range findings {
		if f.Fix != nil {
			fixes = append(fixes, *f.Fix)
		}
	}
	return ApplyFixes(original, fixes)
}

// ApplyFixes applies replacements (rune offsets of original).
func ApplyFixes(original string, fixes []Fix) string {
	rs := []rune(original)
	sort.SliceStable(fixes, func(i, j int) bool {
		if fixes[i].Start != fixes[j].Start {
			return fixes[i].Start > fixes[j].Start
		}
		return fixes[i].End > fixes[j].End
	})
	limit := len(rs) + 1
	for _, f := range fixes {
		if f.Start < 0 || f.End > len(rs) || f.Start > f.End || f.End > limit || (f.End == limit && f.Start != f.End) {
			continue
		}
		text := []rune(f.Text)
		// deleting a word: also drop one space around it
		if len(text) == 0 && f.End < len(rs) && rs[f.End] == ' ' && f.Start > 0 && rs[f.Start-1] == ' ' {
			f.End++
		}
		out := make([]rune, 0, len(rs)+len(text))
		out = append(out, rs[:f.Start]...)
		out = append(out, text...)
		out = append(out, rs[f.End:]...)
		rs = out
		limit = f.Start
	}
	return string(rs)
}

// DiffOp is one piece of a word-level diff.
type DiffOp struct {
	Kind string `json:"kind"` // "=", "-", "+"
	Text string `json:"text"`
}

// tokens splits text into words, runs of spaces and single punctuation marks, so that
// the diff works on words and keeps the layout.
func tokens(s string) []string {
	var out []string
	rs := []rune(s)
	i := 0
	for i < len(rs) {
		j := i + 1
		switch {
		case isWordRune(rs[i]):
			for j < len(rs) && (isWordRune(rs[j]) || (rs[j] == '\'' || rs[j] == '’' || rs[j] == '-') && j+1 < len(rs) && isWordRune(rs[j+1])) {
				j++
			}
		case unicode.IsSpace(rs[i]):
			for j < len(rs) && unicode.IsSpace(rs[j]) && (rs[j] == '\n') == (rs[i] == '\n') {
				j++
			}
		}
		out = append(out, string(rs[i:j]))
		i = j
	}
	return out
}

// Diff returns the word-level difference between before and after (longest common
// subsequence on tokens), with consecutive pieces of the same kind merged.
func Diff(before, after string) []DiffOp {
	a, b := tokens(before), tokens(after)
	// trim the common prefix and suffix: letters differ in few places
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	var ops []DiffOp
	add := func(kind, text string) {
		if n := len(ops); n > 0 && ops[n-1].Kind == kind {
			ops[n-1].Text += text
			return
		}
		ops = append(ops, DiffOp{kind, text})
	}
	add("=", strings.Join(a[:p], ""))
	ma, mb := a[p:len(a)-s], b[p:len(b)-s]
	// LCS table
	n, m := len(ma), len(mb)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && ma[i] == mb[j]:
			add("=", ma[i])
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			add("+", mb[j])
			j++
		default:
			add("-", ma[i])
			i++
		}
	}
	add("=", strings.Join(a[len(a)-s:], ""))
	return cleanup(ops)
}

// cleanup makes the diff readable: a blank kept between two changes joins them, so
// that « dans les plus brefs délais » → « au plus tard le 8 décembre » reads as one
// deletion and one insertion instead of alternating words.
func cleanup(ops []DiffOp) []DiffOp {
	var out []DiffOp
	var del, ins strings.Builder
	flush := func() {
		if del.Len() > 0 {
			out = append(out, DiffOp{"-", del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, DiffOp{"+", ins.String()})
		}
		del.Reset()
		ins.Reset()
	}
	for i, o := range ops {
		if o.Text == "" {
			continue
		}
		switch {
		case o.Kind == "-":
			del.WriteString(o.Text)
		case o.Kind == "+":
			ins.WriteString(o.Text)
		case (del.Len() > 0 || ins.Len() > 0) && i+1 < len(ops) && ops[i+1].Kind != "=" && strings.TrimSpace(o.Text) == "" && !strings.Contains(o.Text, "\n"):
			del.WriteString(o.Text)
			ins.WriteString(o.Text)
		default:
			flush()
			out = append(out, o)
		}
	}
	flush()
	return out
}

// Mark is a span the trainee marked as wrong in training mode (rune offsets of the
// original letter), or a missing item they named (Rule set, Start = -1).
type Mark struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Rule  string `json:"rule,omitempty"`
}

// TrainingScore is the score of a trainee's marks against the engine's findings.
type TrainingScore struct {
	Score      float64 `json:"score"` // out of 20, to the half point
	Found      int     `json:"found"`
	Expected   int     `json:"expected"`
	FalseMarks int     `json:"false_marks"`
	// Extra counts the marks on a real fault that was not expected (an advice, a rule
	// the trainer did not list): neither found nor false.
	Extra      int                 `json:"extra,omitempty"`
	ByCategory map[Category][2]int `json:"by_category"` // found, expected
	// Hit[i] tells whether expected finding i (index in the result) was found.
	Hit map[int]bool `json:"-"`
}

// Score scores training-mode marks out of 20 against every finding of at least a
// warning (ScoreFor with no rule list).
func Score(res *Result, marks []Mark) TrainingScore { return ScoreFor(res, marks, nil) }

// ScoreFor scores training-mode marks out of 20. The expected findings are those of
// rules when the trainer listed some (an exercise of the bank), else every finding of
// at least a warning; a blocking finding weighs 3, an error 2, a warning or less 1.
// A mark finds a finding when their spans overlap, or when it touches a zero-width
// finding (a missing space, an item to insert) at either end; a missing item is found
// when the mark names its rule.
//
// Fairness: a mark that overlaps any finding of the letter — expected or not, of any
// severity, the same the reveal then shows — is a mark on a real fault and never
// counts as a false mark; only a mark that matches no finding at all costs half a
// point.
func ScoreFor(res *Result, marks []Mark, rules []string) TrainingScore {
	ts := TrainingScore{ByCategory: map[Category][2]int{}, Hit: map[int]bool{}}
	listed := map[string]bool{}
	for _, r := range rules {
		listed[r] = true
	}
	expected := func(f *Finding) bool {
		if len(listed) > 0 {
			return listed[f.Rule]
		}
		return f.Severity >= Warning
	}
	used := make([]bool, len(marks)) // the mark found an expected finding
	real := make([]bool, len(marks)) // the mark lies on a finding of the letter
	var got, want float64
	for i := range res.Findings {
		f := &res.Findings[i]
		exp := expected(f)
		w := max(1, float64(f.Severity-Advice))
		if exp {
			want += w
			ts.Expected++
		}
		c := ts.ByCategory[f.Category]
		if exp {
			c[1]++
		}
		for k, m := range marks {
			if !markHits(m, f) {
				continue
			}
			real[k] = true
			if !exp {
				continue
			}
			used[k] = true
			if !ts.Hit[i] {
				ts.Hit[i] = true
				got += w
				ts.Found++
				c[0]++
			}
		}
		if exp {
			ts.ByCategory[f.Category] = c
		}
	}
	for k := range marks {
		switch {
		case used[k]:
		case real[k]:
			ts.Extra++
		default:
			ts.FalseMarks++
		}
	}
	if want > 0 {
		ts.Score = 20 * got / want
	} else {
		ts.Score = 20
	}
	ts.Score -= 0.5 * float64(ts.FalseMarks)
	ts.Score = max(0, min(20, float64(int(ts.Score*2+0.5))/2)) // to the half point
	return ts
}

// markHits reports whether mark m designates finding f.
func markHits(m Mark, f *Finding) bool {
	switch {
	case f.Missing():
		return m.Start < 0 && m.Rule == f.Rule
	case m.Start < 0:
		return false
	case f.Start == f.End: // zero-width: the mark touches the point
		return m.Start <= f.Start && m.End >= f.Start
	}
	return m.Start < f.End && m.End > f.Start
}
