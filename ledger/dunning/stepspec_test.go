package dunning

import (
	"errors"
	"testing"

	"relance/ledger"
)

// The shipped scenarios pass the stage check; a step written DAY:CHANNEL[:STAGE]
// reads back, and a replaced scenario keeps the codes, minimums and validations of
// the steps it keeps.
func TestStepSpecAndStages(t *testing.T) {
	for c, sc := range DefaultScenarios() {
		if err := sc.CheckStages(); err != nil {
			t.Errorf("shipped %s: %v", c, err)
		}
	}
	st, err := ParseStepSpec(" -5 : Email : PRE ")
	if err != nil || st.Offset != -5 || st.Channel != ChanEmail || st.Template != "pre" {
		t.Errorf("%+v %v", st, err)
	}
	for _, bad := range []struct{ spec, key string }{{"7", "admin.err.step_spec"}, {"7:a:b:c", "admin.err.step_spec"}, {"J7:call", "admin.err.step_day"}} {
		if _, err := ParseStepSpec(bad.spec); !errors.Is(err, &ledger.Problem{Key: bad.key}) {
			t.Errorf("%q: %v", bad.spec, err)
		}
	}
	old := DefaultScenarios()["A"]
	sc := ReplaceSteps(old, []Step{{Offset: 40, Channel: ChanNotice, Template: "med"}, {Offset: 50, Channel: ChanCall},
		{Offset: 55, Channel: ChanCall}, {Offset: 70, Channel: ChanVisit}, {Offset: 80, Channel: ChanLetter, Template: "r3"}})
	want := []string{"med", "pre", "call1", "visit", "r3"}
	for i, st := range sc.Steps {
		if st.Code != want[i] {
			t.Errorf("step %d: code %q, want %q", i+1, st.Code, want[i])
		}
	}
	if sc.Steps[0].MinAmount != 15000 || !sc.Steps[0].Manual || !sc.Steps[3].Manual || sc.Steps[4].Manual {
		t.Errorf("minimums and validations: %+v", sc.Steps)
	}
	if err := sc.Validate(); err != nil {
		t.Error(err)
	}
	bad := Scenario{Class: "B", Steps: []Step{{Code: "x", Offset: 1, Channel: ChanBlock, Template: "r1"}}}
	if err := bad.CheckStages(); !errors.Is(err, &ledger.Problem{Key: "admin.err.step_stage"}) {
		t.Errorf("block with r1: %v", err)
	}
}
