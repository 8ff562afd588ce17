package risk

import (
	"strings"

	"relance/ledger"
)

// Changes are what a recomputation records: the initial class of customers that have
// none in force yet, the proposals of class changes, and the decisions that close
// proposals made moot (superseded).
type Changes struct {
	Initial    []Assignment `json:"initial,omitempty"`
	Proposals  []Proposal   `json:"proposals,omitempty"`
	Superseded []Decision   `json:"superseded,omitempty"`
}

// Empty reports whether there is nothing to record.
func (c *Changes) Empty() bool {
	return len(c.Initial) == 0 && len(c.Proposals) == 0 && len(c.Superseded) == 0
}

// Recompute compares each customer's computed class with the class in force and says
// what to record at res.AsOf:
//   - no class in force yet (no assignment): the computed class is adopted (initial);
//   - a manual override in force: nothing (the user decided by hand; the computed class
//     stays visible beside it);
//   - computed ≠ assigned: a proposal from the assigned class to the computed one, with
//     the score, the active signals and the per-axis reasons — unless the same change is
//     already pending, or was rejected less than Signals.ReproposeDays ago;
//   - a pending proposal whose target is no longer the computed class is superseded.
//
// Proposal IDs are left empty: the store numbers them.
func Recompute(res *Result, recs Records) Changes {
	var ch Changes
	p := &res.Policy
	rejected := map[string]*Decision{}
	for i := range recs.Decisions {
		if d := &recs.Decisions[i]; d.Outcome == Rejected {
			rejected[d.Proposal] = d
		}
	}
	lastRejected := map[string]ledger.Date{} // customer|from|to → latest rejection date
	for i := range recs.Proposals {
		pr := &recs.Proposals[i]
		if d := rejected[pr.ID]; d != nil {
			k := pr.Customer + "|" + pr.From + "|" + pr.To
			lastRejected[k] = max(lastRejected[k], d.Date)
		}
	}
	for i := range res.Assessments {
		as := &res.Assessments[i]
		if as.Assigned == "" {
			ch.Initial = append(ch.Initial, Assignment{Customer: as.Customer, Class: as.Computed, Date: res.AsOf, Source: SourceInitial})
			continue
		}
		if as.Pending != nil && (as.Pending.To != as.Computed || as.Pending.From != as.Assigned || as.Override != nil) {
			ch.Superseded = append(ch.Superseded, Decision{Proposal: as.Pending.ID, Customer: as.Customer, Outcome: Superseded,
				Date: res.AsOf, Comment: "computed " + as.Computed})
			as.Pending = nil
		}
		if as.Override != nil || as.Computed == as.Assigned || as.Pending != nil {
			continue
		}
		if d, ok := lastRejected[as.Customer+"|"+as.Assigned+"|"+as.Computed]; ok && res.AsOf.DaysSince(d) < p.Signals.ReproposeDays {
			continue
		}
		if as.Why.Key == "" { // assessed without explanations: say why the computed class
			cp := *as
			classify(&cp, p, true)
			as.Why = cp.Why
		}
		ch.Proposals = append(ch.Proposals, NewProposal(as, res.AsOf))
	}
	return ch
}

// NewProposal builds the proposal of moving as from its assigned class to its computed
// class at date, with its evidence.
func NewProposal(as *Assessment, date ledger.Date) Proposal {
	pr := Proposal{Customer: as.Customer, Date: date, From: as.Assigned, To: as.Computed, Score: as.Score}
	if as.Why.Key != "" { // no overall reason when the class comes from the axes alone
		pr.Reasons = append(pr.Reasons, as.Why)
	}
	for _, ax := range as.Axes {
		pr.Reasons = append(pr.Reasons, reason("risk.reason.axis_points."+ax.Axis, "points", itoa(ax.Points), "weight", itoa(ax.Weight)))
	}
	for i := range as.Signals {
		if s := &as.Signals[i]; s.Active() {
			pr.Signals = append(pr.Signals, s.Key)
			pr.Reasons = append(pr.Reasons, s.Summary)
		}
	}
	return pr
}

// Decide closes proposal pr with outcome Accepted or Rejected, by whom, when and why.
// An accepted proposal also gives the assignment that puts its class in force. A
// decision without an author, a date, or on another outcome is refused.
func Decide(pr *Proposal, outcome Outcome, by, comment string, date ledger.Date) (Decision, *Assignment, error) {
	if outcome != Accepted && outcome != Rejected {
		return Decision{}, nil, &ledger.Problem{Key: "risk.err.field", Args: []string{"field", "outcome", "value", string(outcome)}}
	}
	if strings.TrimSpace(by) == "" {
		return Decision{}, nil, &ledger.Problem{Key: "risk.err.field", Args: []string{"field", "by", "value", by}}
	}
	if !date.Valid() || date < pr.Date {
		return Decision{}, nil, &ledger.Problem{Key: "risk.err.decision_date", Args: []string{"id", pr.ID, "date", txt(date), "proposed", txt(pr.Date)}}
	}
	d := Decision{Proposal: pr.ID, Customer: pr.Customer, Outcome: outcome, By: by, Date: date, Comment: comment}
	if outcome == Rejected {
		return d, nil, nil
	}
	return d, &Assignment{Customer: pr.Customer, Class: pr.To, Date: date, Source: SourceProposal, Proposal: pr.ID}, nil
}
