package classroom

import (
	"testing"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// TestSummarise is the worked example of Summarise: Alice, a letter at 14 / 20 and a
// quiz at 8 / 10 → 15 on 20; Bruno in the same group, a letter at 9 / 20 → 9; the
// group's average is (14 + 16 + 9) / 3 = 13.
func TestSummarise(t *testing.T) {
	d := ledger.NewDate(2026, 12, 4)
	ts := []Trainee{{ID: "T0001", Name: "Alice", Group: "Lyon"}, {ID: "T0002", Name: "Bruno", Group: "Lyon"}, {ID: "T0003", Name: "Chloé"}}
	as := []Attempt{
		{Trainee: "T0001", Kind: Quiz, Exercise: "Q1", Date: d + 1, Score: decimal.NewFromInt(8), OutOf: 10, Seconds: 300},
		{Trainee: "T0001", Kind: Letter, Exercise: "fr_r1_b2b", Date: d, Score: decimal.NewFromInt(14), OutOf: 20, Seconds: 600},
		{Trainee: "T0002", Kind: Letter, Exercise: "fr_r1_b2b", Date: d, Score: decimal.NewFromInt(9), OutOf: 20},
		{Trainee: "T0009", Kind: Letter, Exercise: "x", Date: d, Score: decimal.NewFromInt(20), OutOf: 20}, // erased trainee: left out
	}
	p := Summarise(ts, as)
	if len(p.Trainees) != 3 || p.Attempts != 3 || !p.Average.Equal(decimal.NewFromInt(13)) {
		t.Fatalf("progress: %+v", p)
	}
	a := p.Trainees[0]
	if !a.Average.Equal(decimal.NewFromInt(15)) || a.Seconds != 900 || a.Attempts[0].Kind != Letter || !a.ByKind[Quiz].Equal(decimal.NewFromInt(16)) {
		t.Errorf("Alice: %+v", a)
	}
	if len(p.Groups) != 2 || p.Groups[0].Group != "" || p.Groups[1].Trainees != 2 || !p.Groups[1].Average.Equal(decimal.NewFromInt(13)) {
		t.Errorf("groups: %+v", p.Groups)
	}
}
