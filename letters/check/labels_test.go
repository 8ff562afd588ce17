package check

import (
	"strings"
	"testing"
)

// The readability line writes its figures in the reader's number format.
func TestScoreLinesDecimalSeparator(t *testing.T) {
	var sc Scores
	sc.Readability.IndexName = "Kandel-Moles"
	sc.Readability.Index = 85.25
	sc.Readability.LIX = 40.5
	sc.Readability.AvgWords = 12.4
	fr := ScoreLines("fr", sc)[0]
	if !strings.Contains(fr, "85,3") || strings.Contains(fr, "85.3") {
		t.Errorf("fr: %q, want 85,3", fr)
	}
	en := ScoreLines("en", sc)[0]
	if !strings.Contains(en, "85.3") {
		t.Errorf("en: %q, want 85.3", en)
	}
}
