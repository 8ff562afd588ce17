package dunning

import (
	"slices"
	"strconv"
	"strings"

	"relance/ledger"
)

// StagesFor returns the letter stages a step on channel may issue: the reminders and
// the other ordinary letters by post or e-mail, the formal notice (med) on the notice
// channel, the delivery-block notice on the block channel, none for a call, a visit or
// the hand-over to litigation.
func StagesFor(ch Channel) []string {
	switch ch {
	case ChanLetter, ChanEmail:
		return []string{"pre", "r1", "r2", "r3", "conf", "plan", "dispute", "statement"}
	case ChanNotice:
		return []string{"med"}
	case ChanBlock:
		return []string{"block"}
	}
	return nil
}

// CheckStages refuses a step whose letter stage does not go with its channel
// (StagesFor), naming the class, the step (from 1) and the stage. Unknown channels and
// stages are Validate's to name.
func (s *Scenario) CheckStages() error {
	for i, st := range s.Steps {
		if st.Template == "" || !st.Channel.Known() || !slices.Contains(Stages, st.Template) {
			continue
		}
		allowed := StagesFor(st.Channel)
		if slices.Contains(allowed, st.Template) {
			continue
		}
		args := []string{"class", s.Class, "step", strconv.Itoa(i + 1), "field", "template", "value", st.Template, "channel", string(st.Channel)}
		if len(allowed) == 0 {
			return &ledger.Problem{Key: "admin.err.step_no_stage", Args: args}
		}
		return &ledger.Problem{Key: "admin.err.step_stage", Args: append(args, "allowed", strings.Join(allowed, ", "))}
	}
	return nil
}

// ParseStepSpec reads a step written DAY:CHANNEL[:STAGE] — "7:letter:r1", "-5:call",
// "35:notice:med" —, DAY the days from the due date (negative before it). Only the
// form is checked here: the channel, the stage and the order are the scenario's
// (Validate, CheckStages).
func ParseStepSpec(spec string) (Step, error) {
	parts := strings.Split(spec, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return Step{}, &ledger.Problem{Key: "admin.err.step_spec", Args: []string{"value", spec}}
	}
	day, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(parts[0]), "+"))
	if err != nil {
		return Step{}, &ledger.Problem{Key: "admin.err.step_day", Args: []string{"value", spec, "day", parts[0]}}
	}
	st := Step{Offset: day, Channel: Channel(strings.ToLower(strings.TrimSpace(parts[1])))}
	if len(parts) == 3 {
		st.Template = strings.ToLower(strings.TrimSpace(parts[2]))
	}
	return st, nil
}

// ReplaceSteps returns old's class with steps, given by day, channel and stage: a step
// on the same channel and stage as one of old's (taken in order, each once) keeps its
// code, minimum amount and manual validation, so that the actions already planned on
// it stay attached; a new step takes those of the shipped scenarios' steps on that
// channel and stage (a formal notice is validated by hand and needs €150 due…) and a
// code of its own: the stage's, else a name for the channel ("call1", "visit"),
// numbered when taken.
func ReplaceSteps(old Scenario, steps []Step) Scenario {
	out := Scenario{Class: old.Class, Steps: make([]Step, len(steps))}
	usedOld := make([]bool, len(old.Steps))
	taken := map[string]bool{}
	fresh := []int{}
	for i, st := range steps {
		out.Steps[i] = Step{Offset: st.Offset, Channel: st.Channel, Template: st.Template}
		j := slices.IndexFunc(old.Steps, func(o Step) bool { return o.Channel == st.Channel && o.Template == st.Template })
		for j >= 0 && usedOld[j] {
			k := slices.IndexFunc(old.Steps[j+1:], func(o Step) bool { return o.Channel == st.Channel && o.Template == st.Template })
			if k < 0 {
				j = -1
			} else {
				j += 1 + k
			}
		}
		if j < 0 || taken[old.Steps[j].Code] {
			fresh = append(fresh, i)
			continue
		}
		usedOld[j] = true
		o := old.Steps[j]
		out.Steps[i].Code, out.Steps[i].MinAmount, out.Steps[i].Manual = o.Code, o.MinAmount, o.Manual
		taken[o.Code] = true
	}
	for _, i := range fresh {
		st := &out.Steps[i]
		if like, ok := shippedLike(st.Channel, st.Template); ok {
			st.MinAmount, st.Manual = like.MinAmount, like.Manual
		}
		st.Code = freeCode(*st, taken)
		taken[st.Code] = true
	}
	return out
}

// shippedLike is the first step of the shipped scenarios (classes in order) on channel
// ch with letter stage tmpl.
func shippedLike(ch Channel, tmpl string) (Step, bool) {
	d := DefaultScenarios()
	for _, c := range Classes {
		for _, st := range d[c].Steps {
			if st.Channel == ch && st.Template == tmpl {
				return st, true
			}
		}
	}
	return Step{}, false
}

// freeCode is a code for a new step not in taken: its stage, else "call1" for a call
// or the channel's name, else that name numbered from 2.
func freeCode(st Step, taken map[string]bool) string {
	base := string(st.Channel)
	var cands []string
	if st.Template != "" {
		cands = append(cands, st.Template)
	}
	if st.Channel == ChanCall {
		base = "call"
		cands = append(cands, "call1")
	} else if base != "" {
		cands = append(cands, base)
	} else {
		base = "step"
	}
	for _, c := range cands {
		if !taken[c] {
			return c
		}
	}
	for n := 2; ; n++ {
		if c := base + strconv.Itoa(n); !taken[c] {
			return c
		}
	}
}
