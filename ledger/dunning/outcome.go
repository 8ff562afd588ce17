package dunning

import (
	"slices"

	"relance/ledger"
	"relance/ledger/cause"
	"relance/ledger/dispute"
)

// Days until the follow-up that an outcome plans.
const (
	CallbackDays     = 2  // no answer: call again
	ContactDays      = 1  // wrong contact: find the right one
	PlanFollowUpDays = 3  // a plan was requested without instalments: call back with a proposal
	PaidCheckDays    = 5  // the customer says it paid: check the bank
	DisputeReplyDays = 15 // a dispute raised on a call: the owner's answer is due
)

// Outcome is what came of an agenda entry: a letter sent, or a call or visit and its
// result, with what that result needs.
type Outcome struct {
	Kind         string      // an Outcome* constant; OutcomeSent for a letter, e-mail or notice
	Date         ledger.Date // when the action was done
	By           string
	Note         string
	Amount       ledger.Cents   // promise: the amount promised
	PayBy        ledger.Date    // promise: the promised payment date
	Items        []string       // promise, dispute, plan: the items concerned (default: the entry's)
	Callback     ledger.Date    // callback: when to call again (default: Date + CallbackDays)
	Reason       dispute.Reason // dispute: its reason (default: other)
	Instalments  []Instalment   // plan: the instalments agreed (none: plan requested, to propose)
	Ack          bool           // plan: a signed acknowledgement of debt (C. civ. 2240)
	Acceleration bool           // plan: acceleration clause on a missed instalment
	Letter       string         // letter: the archived letter ID
	// Cause is why the customer pays late, as the call or visit told it ("" when not
	// learnt): recorded on each invoice late at Date (cause.FromCall).
	Cause cause.Cause
}

// Effects are the records an outcome creates, to store in one transaction (see
// store.Tx.ApplyOutcome): the done action first, then the planned follow-ups.
type Effects struct {
	Actions []Action
	Promise *Promise
	Plan    *Plan
	Dispute *dispute.Dispute
	Causes  []cause.Record // the cause of late payment learnt, on each late invoice
}

// Record turns the outcome o of entry en (for account a) into records: the action done,
// and according to the outcome a promise (and a confirmation letter to issue, stage
// conf), a dispute on the items, a payment plan (and its agreement letter, stage plan)
// or a call to propose one, a callback, a search for the right contact, or a check of
// the payment the customer announces. A refusal records the action only: the scenario's
// next step follows.
func Record(en Entry, a *ledger.Account, o Outcome) (Effects, error) {
	var eff Effects
	if !o.Date.Valid() {
		return eff, &ledger.Problem{Key: "dunning.err.action_date", Args: []string{"customer", en.Customer, "value", o.Date.String()}}
	}
	if o.Kind == "" {
		o.Kind = OutcomeSent
	}
	if o.Kind != OutcomeSent && !slices.Contains(Outcomes, o.Kind) {
		return eff, &ledger.Problem{Key: "dunning.err.outcome", Args: []string{"customer", en.Customer, "value", o.Kind}}
	}
	items := o.Items
	if len(items) == 0 {
		items = en.Items
	}
	done := Action{Customer: en.Customer, Kind: ActionKind(en.Channel), Stage: en.Stage, Date: o.Date, Items: en.Items,
		Outcome: o.Kind, Note: o.Note, By: o.By, Letter: o.Letter, Status: ActionDone, Amount: en.Amount}
	if len(en.Refs) > 0 {
		done.Ref = en.Refs[0]
	}
	eff.Actions = append(eff.Actions, done)
	if o.Cause != "" {
		if !o.Cause.Valid() {
			return eff, &ledger.Problem{Key: "cause.err.cause", Args: []string{"value", string(o.Cause), "allowed", ""}}
		}
		for i := range a.Items {
			if it := &a.Items[i]; it.OverdueAt(o.Date) {
				eff.Causes = append(eff.Causes, cause.Record{Customer: en.Customer, Item: it.ID, Cause: o.Cause,
					Source: cause.FromCall, Note: o.Note, Date: o.Date, By: o.By})
			}
		}
	}
	for _, ref := range en.Refs[min(1, len(en.Refs)):] {
		eff.Actions = append(eff.Actions, Action{Customer: en.Customer, Kind: KindNote, Date: o.Date, Ref: ref, By: o.By, Status: ActionDone})
	}
	plan := func(ch Channel, stage string, on ledger.Date) {
		eff.Actions = append(eff.Actions, Action{Customer: en.Customer, Kind: ActionKind(ch), Stage: stage, Date: on,
			Items: items, Status: ActionPlanned, By: o.By, Recorded: o.Date})
	}
	switch o.Kind {
	case OutcomePromise:
		p := Promise{Customer: en.Customer, Made: o.Date, Due: o.PayBy, Amount: o.Amount, Items: items,
			Status: PromisePending, By: o.By, Note: o.Note}
		if err := p.Validate(); err != nil {
			return eff, err
		}
		eff.Promise = &p
		plan(ChanLetter, "conf", o.Date) // confirmation letter restating the commitment
	case OutcomeDispute:
		reason := o.Reason
		if reason == "" {
			reason = dispute.ReasonOther
		}
		var dis []dispute.DisputedItem
		for _, id := range items {
			if i := slices.IndexFunc(a.Items, func(it ledger.Item) bool { return it.ID == id }); i >= 0 && a.Items[i].Open > 0 {
				dis = append(dis, dispute.DisputedItem{ItemID: id, Amount: a.Items[i].Open})
			}
		}
		owner := a.Customer.Salesperson
		if owner == "" {
			owner = dispute.Internal
		}
		d := dispute.New(en.Customer, dis, reason, o.Date, o.By, owner, o.Date.AddDays(DisputeReplyDays), o.Note)
		if err := d.Validate(); err != nil {
			return eff, err
		}
		eff.Dispute = &d
	case OutcomePlan:
		if len(o.Instalments) == 0 {
			plan(ChanCall, "plan", o.Date.AddDays(PlanFollowUpDays))
			break
		}
		var total ledger.Cents
		for _, in := range o.Instalments {
			total += in.Amount
		}
		p := Plan{Customer: en.Customer, Agreed: o.Date, Items: items, Total: total, Instalments: o.Instalments,
			Acknowledgement: o.Ack, Acceleration: o.Acceleration, Status: PlanActive, By: o.By, Note: o.Note}
		if err := p.Validate(); err != nil {
			return eff, err
		}
		eff.Plan = &p
		plan(ChanLetter, "plan", o.Date) // agreement letter with the instalments
	case OutcomeCallback, OutcomeNoAnswer:
		on := o.Callback
		if !on.Valid() {
			on = o.Date.AddDays(CallbackDays)
		}
		if on < o.Date {
			return eff, &ledger.Problem{Key: "dunning.err.callback", Args: []string{"customer", en.Customer, "value", on.String()}}
		}
		plan(ChanCall, "callback", on)
	case OutcomeWrongContact:
		plan(ChanCall, "contact", o.Date.AddDays(ContactDays))
	case OutcomePaid:
		plan(ChanCall, "check", o.Date.AddDays(PaidCheckDays))
	}
	return eff, nil
}

// Reschedule returns the actions that move entry en to date to, assigned to assignee
// (empty: unchanged), decided by by on date at: a planned action of the same channel
// and stage replaces the entry's planned actions.
func Reschedule(en Entry, to ledger.Date, assignee, by string, at ledger.Date) ([]Action, error) {
	if !to.Valid() || to < at {
		return nil, &ledger.Problem{Key: "dunning.err.reschedule", Args: []string{"customer", en.Customer, "value", to.String()}}
	}
	if assignee == "" {
		assignee = en.Assignee
	}
	p := Action{Customer: en.Customer, Kind: ActionKind(en.Channel), Stage: en.Stage, Date: to, Items: en.Items,
		Status: ActionPlanned, Assignee: assignee, By: by, Recorded: at}
	if len(en.Refs) > 0 {
		p.Ref = en.Refs[0]
	}
	out := []Action{p}
	for _, ref := range en.Refs[min(1, len(en.Refs)):] {
		out = append(out, Action{Customer: en.Customer, Kind: KindNote, Date: at, Ref: ref, By: by, Status: ActionCancelled})
	}
	return out, nil
}
