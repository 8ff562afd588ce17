package negotiation

import (
	"slices"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/dunning"
)

// Result is how a negotiation ended.
type Result string

// The two outcomes.
const (
	Agreement    Result = "agreement"
	Disagreement Result = "disagreement"
)

// ParseResult returns the result named s, or a problem naming the value.
func ParseResult(s string) (Result, error) {
	if r := Result(s); r == Agreement || r == Disagreement {
		return r, nil
	}
	return "", &ledger.Problem{Key: "nego.err.outcome", Args: []string{"value", s}}
}

// Outcome is what the meeting obtained.
type Outcome struct {
	Result Result      `json:"result"`
	Date   ledger.Date `json:"date"`
	// Instalments is the plan agreed (an agreement only).
	Instalments []dunning.Instalment `json:"instalments,omitempty"`
	// Obtained lists the counterparts the customer gave.
	Obtained []Counterpart `json:"obtained,omitempty"`
	// WaiveInterest and WaiveIndemnity say what the agreement gives up.
	WaiveInterest  bool `json:"waive_interest,omitempty"`
	WaiveIndemnity bool `json:"waive_indemnity,omitempty"`
	// Plan is the payment plan the agreement created ("E2026-000001").
	Plan string `json:"plan,omitempty"`
	// Next is the step that follows a disagreement, on NextDate.
	Next     Step        `json:"next,omitempty"`
	NextDate ledger.Date `json:"next_date,omitempty"`
	// Planned is the agenda action that step became ("A2026-000001").
	Planned string `json:"planned,omitempty"`
	Note    string `json:"note,omitempty"`
	By      string `json:"by,omitempty"`
}

// Total returns the sum of the instalments.
func (o *Outcome) Total() ledger.Cents {
	var t ledger.Cents
	for _, in := range o.Instalments {
		t += in.Amount
	}
	return t
}

// Has reports whether counterpart c was obtained.
func (o *Outcome) Has(c Counterpart) bool { return slices.Contains(o.Obtained, c) }

// Validate checks the outcome against sheet s: a valid date not before the sheet's; an
// agreement with at least one instalment, each dated after the previous one and from
// the outcome's date, for a positive amount; a disagreement without instalments.
func (o *Outcome) Validate(s *Sheet) error {
	if !o.Date.Valid() || o.Date < s.AsOf {
		return &ledger.Problem{Key: "nego.err.date", Args: []string{"value", o.Date.String()}}
	}
	switch o.Result {
	case Agreement:
		if len(o.Instalments) == 0 {
			return &ledger.Problem{Key: "nego.err.no_instalment", Args: []string{"customer", s.Customer}}
		}
		prev := o.Date.AddDays(-1)
		for i, in := range o.Instalments {
			n := []string{"n", itoa(i + 1)}
			if !in.Due.Valid() || in.Due <= prev {
				return &ledger.Problem{Key: "nego.err.instalment_date", Args: append(n, "value", in.Due.String())}
			}
			if in.Amount <= 0 {
				return &ledger.Problem{Key: "nego.err.instalment_amount", Args: append(n, "value", in.Amount.String())}
			}
			prev = in.Due
		}
	case Disagreement:
		if len(o.Instalments) > 0 {
			return &ledger.Problem{Key: "nego.err.disagreement_plan", Args: []string{"customer", s.Customer}}
		}
	default:
		return &ledger.Problem{Key: "nego.err.outcome", Args: []string{"value", string(o.Result)}}
	}
	for _, c := range o.Obtained {
		if _, err := ParseCounterpart(string(c)); err != nil {
			return err
		}
	}
	return nil
}

// PaymentPlan returns the payment plan an agreement creates: the instalments, the
// acknowledgement of debt when obtained (it interrupts the limitation period, C. civ.
// 2240) and the acceleration clause when obtained.
func (o *Outcome) PaymentPlan(customer string) dunning.Plan {
	return dunning.Plan{Customer: customer, Agreed: o.Date, Total: o.Total(), Instalments: o.Instalments,
		Acknowledgement: o.Has(Acknowledgement), Acceleration: o.Has(Acceleration), Status: dunning.PlanActive,
		By: o.By, Note: o.Note}
}

// NextStep returns the first consequence of sheet s on or after date d (the step a
// disagreement leads to), or the formal notice on d when the sheet lists none.
func (s *Sheet) NextStep(d ledger.Date) Consequence {
	for _, c := range s.Then {
		if c.Date >= d {
			return c
		}
	}
	return Consequence{Step: Notice, Date: d}
}

// Planned returns the agenda action a disagreement leads to: consequence c planned on
// its date for the customer of sheet s, as the scenario's step of the same channel
// (the formal notice, the delivery block, the hand-over to the court procedure), so
// that the agenda brings it up on that day whoever recorded the negotiation.
func (c Consequence) Planned(s *Sheet, o *Outcome) dunning.Action {
	ch, stage := dunning.ChanNotice, "med"
	switch c.Step {
	case Block:
		ch, stage = dunning.ChanBlock, "block"
	case Legal:
		ch, stage = dunning.ChanLegal, "legal"
	}
	return dunning.Action{Customer: s.Customer, Kind: dunning.ActionKind(ch), Stage: stage, Date: c.Date,
		Status: dunning.ActionPlanned, Assignee: o.By, By: o.By, Recorded: o.Date, Note: o.Note, Record: s.ID}
}

// Point is one line of the negotiation grid and whether it was met.
type Point struct {
	Key string `json:"key"` // catalogue key of the criterion
	OK  bool   `json:"ok"`
}

// Grade is the score of a negotiation: one point per criterion of the grid.
type Grade struct {
	Points []Point         `json:"points"`
	Score  decimal.Decimal `json:"score"`
	OutOf  int             `json:"out_of"`
}

// Graded scores the outcome against sheet s with the grid of the module: the objective
// stated (the agreement covers at least the principal, or the disagreement names the
// next step), the margins held (no more instalments than the floor, the last one no
// later, the first payment at least the floor's), a counterpart obtained for each
// concession granted (instalments, waived penalties), the consequences announced
// (stated by the negotiator: announced).
func (o *Outcome) Graded(s *Sheet, announced bool) Grade {
	var pts []Point
	if o.Result == Agreement {
		pts = append(pts, Point{Key: "nego.grid.objective", OK: o.Total() >= s.Floor.Amount})
		n := len(o.Instalments)
		held := n > 0 && n <= s.Floor.Instalments && o.Instalments[n-1].Due <= s.Floor.Last &&
			o.Instalments[0].Amount >= s.Floor.First &&
			(s.Floor.WaiveInterest || !o.WaiveInterest) && (s.Floor.WaiveIndemnity || !o.WaiveIndemnity)
		pts = append(pts, Point{Key: "nego.grid.margins", OK: held})
		counter := true
		if n > 1 && !o.Has(Acknowledgement) && !o.Has(DirectDebit) && !o.Has(Guarantee) {
			counter = false
		}
		if (o.WaiveInterest || o.WaiveIndemnity) && !o.Has(Acceleration) {
			counter = false
		}
		pts = append(pts, Point{Key: "nego.grid.counterparts", OK: counter})
	} else {
		pts = append(pts, Point{Key: "nego.grid.objective", OK: o.Next != ""},
			Point{Key: "nego.grid.margins", OK: true},
			Point{Key: "nego.grid.counterparts", OK: true})
	}
	pts = append(pts, Point{Key: "nego.grid.consequences", OK: announced})
	var ok int64
	for _, p := range pts {
		if p.OK {
			ok++
		}
	}
	return Grade{Points: pts, Score: decimal.NewFromInt(ok * 20).Div(decimal.NewFromInt(int64(len(pts)))), OutOf: 20}
}
