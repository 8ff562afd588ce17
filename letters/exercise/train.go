package exercise

import (
	"strconv"
	"strings"

	"relance/letters/check"
)

// MarksFromCorrection reads a trainee's corrected letter as marks on the original:
// every deleted or replaced piece of the original marks its span, an insertion marks
// the point where it goes (a zero-width mark), and each missing item the checker found
// in the original (before) but no longer finds in the corrected letter (after) is
// named. Offsets are in runes of the original.
func MarksFromCorrection(original, corrected string, before, after *check.Result) []check.Mark {
	var marks []check.Mark
	pos := 0 // rune offset in the original
	for _, op := range check.Diff(original, corrected) {
		n := len([]rune(op.Text))
		switch op.Kind {
		case "=":
			pos += n
		case "-":
			if strings.TrimSpace(op.Text) != "" {
				marks = append(marks, check.Mark{Start: pos, End: pos + n})
			}
			pos += n
		case "+":
			if strings.TrimSpace(op.Text) != "" {
				marks = append(marks, check.Mark{Start: pos, End: pos})
			}
		}
	}
	for _, f := range before.Findings {
		if f.Missing() && !after.Has(f.Rule) {
			marks = append(marks, check.Mark{Start: -1, End: -1, Rule: f.Rule})
		}
	}
	return marks
}

// ParseMarks reads marks written START-END (rune offsets of the letter, end
// excluded) or a rule ID (a missing item), separated by commas: "12-18,40-45,CLAR.PAYMENT_MEANS".
// It returns the first bad piece when there is one.
func ParseMarks(s string, runes int) ([]check.Mark, string) {
	var out []check.Mark
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		a, b, ok := strings.Cut(p, "-")
		if !ok {
			if strings.Contains(p, ".") && strings.ToUpper(p) == p {
				out = append(out, check.Mark{Start: -1, End: -1, Rule: p})
				continue
			}
			return nil, p
		}
		i, err1 := strconv.Atoi(a)
		j, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || i < 0 || j < i || j > runes {
			return nil, p
		}
		out = append(out, check.Mark{Start: i, End: j})
	}
	return out, ""
}
