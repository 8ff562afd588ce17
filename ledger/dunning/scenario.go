package dunning

import (
	"slices"
	"strconv"

	"relance/ledger"
)

// Step is one step of a reminder scenario: on the day Offset days after the due date of
// the customer's oldest unpaid item (negative: before it), reach the customer by
// Channel, with the letter Template for letters and formal notices.
type Step struct {
	Code      string       `json:"code"`               // unique in the scenario: "pre", "r1", "call1", "r2", "med", "legal"…
	Offset    int          `json:"offset"`             // days from the due date; negative = before due
	Channel   Channel      `json:"channel"`            // letter, email, call, visit, notice, block, legal
	Template  string       `json:"template,omitempty"` // letter stage code: pre r1 r2 r3 med conf plan dispute block statement
	MinAmount ledger.Cents `json:"min_amount,omitempty"`
	Manual    bool         `json:"manual,omitempty"` // the step needs a manual validation before it is done
}

// Scenario is the reminder procedure of one risk class: ordered steps.
type Scenario struct {
	Class string `json:"class"` // "A", "B", "C", "D"
	Steps []Step `json:"steps"`
}

// Scenarios are the scenarios of a dossier by class.
type Scenarios map[string]Scenario

// Classes are the default risk classes: A strategic, B standard, C under watch, D at risk.
var Classes = []string{"A", "B", "C", "D"}

// DefaultClass is the class of a customer that has none.
const DefaultClass = "B"

// Channels lists every channel, in the order of a scenario's escalation.
var Channels = []Channel{ChanEmail, ChanCall, ChanLetter, ChanVisit, ChanBlock, ChanNotice, ChanLegal}

// Stages are the letter stage codes a step may name as its template.
var Stages = []string{"pre", "r1", "r2", "r3", "med", "conf", "plan", "dispute", "block", "statement"}

// Known reports whether c is one of the channels.
func (c Channel) Known() bool { return slices.Contains(Channels, c) }

// DefaultScenarios returns the scenarios a new dossier starts with. Class A (strategic
// customers) gets a courtesy call before the due date and a slower, phone-first
// escalation; class D (at risk) a faster one with an early delivery-block proposal.
// Formal notices and the hand-over to litigation need a manual validation.
func DefaultScenarios() Scenarios {
	const minNotice = 15000 // €150: below, a formal notice costs more than it recovers
	return Scenarios{
		"A": {Class: "A", Steps: []Step{
			{Code: "pre", Offset: -5, Channel: ChanCall},
			{Code: "r1", Offset: 10, Channel: ChanLetter, Template: "r1"},
			{Code: "call1", Offset: 15, Channel: ChanCall},
			{Code: "r2", Offset: 25, Channel: ChanLetter, Template: "r2"},
			{Code: "visit", Offset: 35, Channel: ChanVisit, Manual: true},
			{Code: "med", Offset: 45, Channel: ChanNotice, Template: "med", MinAmount: minNotice, Manual: true},
			{Code: "legal", Offset: 60, Channel: ChanLegal, MinAmount: minNotice, Manual: true},
		}},
		"B": {Class: "B", Steps: []Step{
			{Code: "r1", Offset: 7, Channel: ChanLetter, Template: "r1"},
			{Code: "call1", Offset: 15, Channel: ChanCall},
			{Code: "r2", Offset: 21, Channel: ChanLetter, Template: "r2"},
			{Code: "med", Offset: 35, Channel: ChanNotice, Template: "med", MinAmount: minNotice, Manual: true},
			{Code: "legal", Offset: 50, Channel: ChanLegal, MinAmount: minNotice, Manual: true},
		}},
		"C": {Class: "C", Steps: []Step{
			{Code: "pre", Offset: -5, Channel: ChanEmail, Template: "pre"},
			{Code: "r1", Offset: 5, Channel: ChanLetter, Template: "r1"},
			{Code: "call1", Offset: 10, Channel: ChanCall},
			{Code: "r2", Offset: 15, Channel: ChanLetter, Template: "r2"},
			{Code: "block", Offset: 20, Channel: ChanBlock, Template: "block", Manual: true},
			{Code: "med", Offset: 30, Channel: ChanNotice, Template: "med", MinAmount: minNotice, Manual: true},
			{Code: "legal", Offset: 45, Channel: ChanLegal, MinAmount: minNotice, Manual: true},
		}},
		"D": {Class: "D", Steps: []Step{
			{Code: "pre", Offset: -7, Channel: ChanCall},
			{Code: "r1", Offset: 3, Channel: ChanLetter, Template: "r1"},
			{Code: "call1", Offset: 7, Channel: ChanCall},
			{Code: "block", Offset: 10, Channel: ChanBlock, Template: "block", Manual: true},
			{Code: "r2", Offset: 14, Channel: ChanLetter, Template: "r2"},
			{Code: "med", Offset: 21, Channel: ChanNotice, Template: "med", MinAmount: minNotice, Manual: true},
			{Code: "legal", Offset: 35, Channel: ChanLegal, MinAmount: minNotice, Manual: true},
		}},
	}
}

// For returns the scenario of class (DefaultClass when class is empty), falling back to
// the default scenario of that class, then to the default class's.
func (s Scenarios) For(class string) Scenario {
	if class == "" {
		class = DefaultClass
	}
	if sc, ok := s[class]; ok {
		return sc
	}
	d := DefaultScenarios()
	if sc, ok := d[class]; ok {
		return sc
	}
	return d[DefaultClass]
}

// Step returns the step with code, or nil.
func (s *Scenario) Step(code string) *Step {
	for i := range s.Steps {
		if s.Steps[i].Code == code {
			return &s.Steps[i]
		}
	}
	return nil
}

// Validate checks a scenario: a class, at least one step, unique non-empty step codes,
// known channels and template stages, offsets in ascending order (a scenario is an
// escalation), offsets within a year either side of the due date, no negative minimum.
func (s *Scenario) Validate() error {
	if s.Class == "" {
		return &ledger.Problem{Key: "dunning.err.scenario_class", Args: []string{"field", "class", "value", s.Class}}
	}
	if len(s.Steps) == 0 {
		return &ledger.Problem{Key: "dunning.err.scenario_empty", Args: []string{"class", s.Class}}
	}
	seen := map[string]bool{}
	for i, st := range s.Steps {
		args := []string{"class", s.Class, "step", strconv.Itoa(i + 1)}
		switch {
		case st.Code == "" || seen[st.Code]:
			return &ledger.Problem{Key: "dunning.err.step_code", Args: append(args, "value", st.Code)}
		case !st.Channel.Known():
			return &ledger.Problem{Key: "dunning.err.step_channel", Args: append(args, "value", string(st.Channel))}
		case st.Template != "" && !slices.Contains(Stages, st.Template):
			return &ledger.Problem{Key: "dunning.err.step_template", Args: append(args, "value", st.Template)}
		case st.Offset < -365 || st.Offset > 365:
			return &ledger.Problem{Key: "dunning.err.step_offset", Args: append(args, "value", strconv.Itoa(st.Offset))}
		case i > 0 && st.Offset < s.Steps[i-1].Offset:
			return &ledger.Problem{Key: "dunning.err.step_order", Args: append(args, "value", strconv.Itoa(st.Offset))}
		case st.MinAmount < 0:
			return &ledger.Problem{Key: "dunning.err.step_min", Args: append(args, "value", st.MinAmount.String())}
		}
		seen[st.Code] = true
	}
	return nil
}
