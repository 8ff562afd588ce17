package dunning

import (
	"strconv"

	"relance/ledger"
)

// Records are the reminder-procedure records of a dossier: the history of actions, the
// promises to pay, the payment plans and the register of limitation interruptions.
type Records struct {
	Actions  []Action
	Promises []Promise
	Plans    []Plan
	Register []InterruptionRecord // interruptions.go
}

// Validate checks an action before it is recorded: a customer, a kind, a valid date,
// a known status, a reference for a cancellation.
func (a *Action) Validate() error {
	args := []string{"customer", a.Customer}
	switch {
	case a.Customer == "":
		return &ledger.Problem{Key: "dunning.err.action_customer", Args: []string{"field", "customer", "value", ""}}
	case a.Kind == "":
		return &ledger.Problem{Key: "dunning.err.action_kind", Args: append(args, "value", "")}
	case !a.Date.Valid():
		return &ledger.Problem{Key: "dunning.err.action_date", Args: append(args, "value", a.Date.String())}
	case a.Status != "" && a.Status != ActionDone && a.Status != ActionPlanned && a.Status != ActionCancelled:
		return &ledger.Problem{Key: "dunning.err.action_status", Args: append(args, "value", string(a.Status))}
	case a.Status == ActionCancelled && a.Ref == "":
		return &ledger.Problem{Key: "dunning.err.action_ref", Args: append(args, "value", "")}
	}
	return nil
}

// Validate checks a promise: a customer, the date it was made, a due date on or after
// it, a positive amount, a known status, and a closing date once kept or broken.
func (p *Promise) Validate() error {
	args := []string{"customer", p.Customer}
	switch {
	case p.Customer == "":
		return &ledger.Problem{Key: "dunning.err.action_customer", Args: []string{"field", "customer", "value", ""}}
	case !p.Made.Valid():
		return &ledger.Problem{Key: "dunning.err.promise_made", Args: append(args, "value", p.Made.String())}
	case !p.Due.Valid() || p.Due < p.Made:
		return &ledger.Problem{Key: "dunning.err.promise_due", Args: append(args, "value", p.Due.String())}
	case p.Amount <= 0:
		return &ledger.Problem{Key: "dunning.err.promise_amount", Args: append(args, "value", p.Amount.String())}
	}
	switch p.Status {
	case PromisePending:
	case PromiseKept, PromiseBroken, PromiseCancelled:
		if !p.Closed.Valid() || p.Closed < p.Made {
			return &ledger.Problem{Key: "dunning.err.promise_closed", Args: append(args, "value", p.Closed.String())}
		}
	default:
		return &ledger.Problem{Key: "dunning.err.promise_status", Args: append(args, "value", string(p.Status))}
	}
	return nil
}

// Validate checks a payment plan: a customer, the date agreed, at least one instalment,
// instalments on or after that date in strictly ascending order with positive amounts
// adding up to Total, a known status.
func (p *Plan) Validate() error {
	args := []string{"customer", p.Customer}
	switch {
	case p.Customer == "":
		return &ledger.Problem{Key: "dunning.err.action_customer", Args: []string{"field", "customer", "value", ""}}
	case !p.Agreed.Valid():
		return &ledger.Problem{Key: "dunning.err.plan_agreed", Args: append(args, "value", p.Agreed.String())}
	case len(p.Instalments) == 0:
		return &ledger.Problem{Key: "dunning.err.plan_empty", Args: args}
	}
	var sum ledger.Cents
	prev := p.Agreed.AddDays(-1)
	for i, in := range p.Instalments {
		a := append(args, "n", strconv.Itoa(i+1))
		if !in.Due.Valid() || in.Due <= prev {
			return &ledger.Problem{Key: "dunning.err.plan_date", Args: append(a, "value", in.Due.String())}
		}
		if in.Amount <= 0 {
			return &ledger.Problem{Key: "dunning.err.plan_amount", Args: append(a, "value", in.Amount.String())}
		}
		prev = in.Due
		sum += in.Amount
	}
	if sum != p.Total {
		return &ledger.Problem{Key: "dunning.err.plan_total", Args: append(args, "value", p.Total.String(), "sum", sum.String())}
	}
	switch p.Status {
	case PlanActive:
	case PlanCompleted, PlanDefaulted, PlanCancelled:
		if !p.Closed.Valid() {
			return &ledger.Problem{Key: "dunning.err.plan_closed", Args: append(args, "value", p.Closed.String())}
		}
	default:
		return &ledger.Problem{Key: "dunning.err.plan_status", Args: append(args, "value", string(p.Status))}
	}
	return nil
}

// PromisesAt are the promises already made on date at (Made ≤ at): a list "as of" a past
// date shows what existed then, not promises made later.
func (r *Records) PromisesAt(at ledger.Date) []Promise {
	return existingAt(r.Promises, at, func(p *Promise) ledger.Date { return p.Made })
}

// PlansAt are the payment plans already agreed on date at (Agreed ≤ at).
func (r *Records) PlansAt(at ledger.Date) []Plan {
	return existingAt(r.Plans, at, func(p *Plan) ledger.Date { return p.Agreed })
}

// existingAt are the records of xs dated (by date) on or before at, never nil.
func existingAt[T any](xs []T, at ledger.Date, date func(*T) ledger.Date) []T {
	out := []T{}
	for i := range xs {
		if date(&xs[i]) <= at {
			out = append(out, xs[i])
		}
	}
	return out
}
