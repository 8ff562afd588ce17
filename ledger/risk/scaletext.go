package risk

import (
	"strconv"
	"strings"
)

// Text writes the scale as people type it, "from:points, from:points" in increasing
// order, from in whole euros when money (the scale holds cents).
func (s Scale) Text(money bool) string {
	parts := make([]string, 0, len(s))
	for _, st := range s {
		from := st.From
		if money {
			from /= euro
		}
		parts = append(parts, strconv.FormatInt(from, 10)+":"+strconv.Itoa(st.Points))
	}
	return strings.Join(parts, ", ")
}

// ParseScale reads a scale written as Text writes it (spaces inside a number allowed:
// "5 000:20"); false when a part is not two whole numbers. The order and the ranges
// are Policy.Validate's to check.
func ParseScale(s string, money bool) (Scale, bool) {
	var out Scale
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		f, p, ok := strings.Cut(part, ":")
		from, err1 := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(f), " ", ""), 10, 64)
		pts, err2 := strconv.Atoi(strings.TrimSpace(p))
		if !ok || err1 != nil || err2 != nil {
			return nil, false
		}
		if money {
			from *= euro
		}
		out = append(out, Step{From: from, Points: pts})
	}
	return out, true
}
