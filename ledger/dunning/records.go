// Package dunning is the reminder procedure: scenarios per risk class, the engine that
// decides each customer's next step at an as-of date, the day's agenda, promises to pay,
// payment plans and the append-only history of actions.
package dunning

import "relance/ledger"

// Channel is how a reminder step reaches the customer.
type Channel string

// Channels of a scenario step or an action.
const (
	ChanLetter Channel = "letter" // reminder letter (pre, r1, r2, r3…)
	ChanEmail  Channel = "email"
	ChanCall   Channel = "call" // phone call with a call sheet (4 C's)
	ChanVisit  Channel = "visit"
	ChanNotice Channel = "notice" // formal notice (mise en demeure, LRAR)
	ChanBlock  Channel = "block"  // delivery-block proposal to the sales force
	ChanLegal  Channel = "legal"  // hand-over to litigation (injonction de payer…)
)

// ActionKind is what an action records. The reminder channels are action kinds too.
type ActionKind string

// Action kinds besides the channels.
const (
	KindTermRequest ActionKind = "term_request" // the customer asked for longer terms (a degradation sign)
	KindNote        ActionKind = "note"
	KindPromise     ActionKind = "promise"     // a promise to pay was recorded
	KindPlan        ActionKind = "plan"        // a payment plan was agreed
	KindRecordEdit  ActionKind = "record_edit" // the customer's record was created or changed (Note: the fields)
)

// Action is one step taken with a customer (or planned and then done, rescheduled or
// cancelled). Actions are append-only: a correction is a new action, never an edit.
type Action struct {
	ID       string      `json:"id"` // "A2026-000001"
	Customer string      `json:"customer"`
	Kind     ActionKind  `json:"kind"`            // a Channel as ActionKind, or one of the kinds above
	Stage    string      `json:"stage,omitempty"` // letter stage or scenario step code (r1, r2, med…)
	Date     ledger.Date `json:"date"`            // when it was done (or is planned)
	Items    []string    `json:"items,omitempty"` // item IDs concerned
	Outcome  string      `json:"outcome,omitempty"`
	Note     string      `json:"note,omitempty"`
	By       string      `json:"by,omitempty"`     // author
	Letter   string      `json:"letter,omitempty"` // archived letter ID when a letter was issued

	// Status is empty (or ActionDone) for an action done on Date; ActionPlanned for one
	// planned for Date (a callback, a rescheduled or assigned step); ActionCancelled for
	// the cancellation of the planned action Ref.
	Status   ActionStatus `json:"status,omitempty"`
	Ref      string       `json:"ref,omitempty"`      // the planned action this one carries out, replaces or cancels
	Assignee string       `json:"assignee,omitempty"` // who is to do a planned action
	Amount   ledger.Cents `json:"amount,omitempty"`   // amount claimed (overdue covered) when done
	Recorded ledger.Date  `json:"recorded,omitempty"` // when it was entered, if not on Date
	Record   string       `json:"record,omitempty"`   // promise, plan or dispute ID this action created
}

// ActionStatus tells a done action from a planned or cancelled one.
type ActionStatus string

// Action statuses. The empty status means done: actions recorded by other packages
// (a term request, a note) need not set it.
const (
	ActionDone      ActionStatus = "done"
	ActionPlanned   ActionStatus = "planned"
	ActionCancelled ActionStatus = "cancelled"
)

// Done reports whether the action was carried out (not merely planned or cancelled).
func (a *Action) Done() bool { return a.Status == "" || a.Status == ActionDone }

// Call and visit outcomes (Action.Outcome).
const (
	OutcomePromise      = "promise"       // promise to pay: a Promise is recorded
	OutcomeDispute      = "dispute"       // the customer disputes: a dispute is opened
	OutcomePlan         = "plan"          // a payment plan is requested
	OutcomeCallback     = "callback"      // call back on a date
	OutcomeWrongContact = "wrong_contact" // wrong number or person
	OutcomeRefusal      = "refusal"       // refuses to pay
	OutcomeNoAnswer     = "no_answer"     // nobody answered, voicemail
	OutcomeSent         = "sent"          // a letter, e-mail or notice was sent
	OutcomePaid         = "paid"          // the customer says it has paid
)

// Outcomes lists the outcomes of a call or visit, in the order a form offers them.
var Outcomes = []string{OutcomePromise, OutcomeDispute, OutcomePlan, OutcomeCallback, OutcomeWrongContact,
	OutcomeRefusal, OutcomeNoAnswer, OutcomePaid}

// PromiseStatus is where a promise to pay stands.
type PromiseStatus string

// Promise statuses.
const (
	PromisePending   PromiseStatus = "pending"
	PromiseKept      PromiseStatus = "kept"
	PromiseBroken    PromiseStatus = "broken"
	PromiseCancelled PromiseStatus = "cancelled"
)

// Promise is a customer's promise to pay an amount by a date, obtained on a call, a
// visit or in writing.
type Promise struct {
	ID       string        `json:"id"` // "P2026-000001"
	Customer string        `json:"customer"`
	Made     ledger.Date   `json:"made"` // when it was obtained
	Due      ledger.Date   `json:"due"`  // the promised payment date
	Amount   ledger.Cents  `json:"amount"`
	Items    []string      `json:"items,omitempty"`
	Status   PromiseStatus `json:"status"`
	Closed   ledger.Date   `json:"closed,omitempty"` // when it was found kept or broken
	By       string        `json:"by,omitempty"`
	Note     string        `json:"note,omitempty"`
}

// Instalment is one due date of a payment plan.
type Instalment struct {
	Due    ledger.Date  `json:"due"`
	Amount ledger.Cents `json:"amount"`
}

// PlanStatus is where a payment plan stands.
type PlanStatus string

// Payment plan statuses.
const (
	PlanActive    PlanStatus = "active"
	PlanCompleted PlanStatus = "completed"
	PlanDefaulted PlanStatus = "defaulted" // an instalment was missed: acceleration (déchéance du terme)
	PlanCancelled PlanStatus = "cancelled"
)

// Plan is a payment plan (moratorium, échéancier) agreed with a customer. When the
// customer signs an acknowledgement of debt, limitation is interrupted (C. civ. 2240).
type Plan struct {
	ID              string       `json:"id"` // "E2026-000001"
	Customer        string       `json:"customer"`
	Agreed          ledger.Date  `json:"agreed"`
	Items           []string     `json:"items,omitempty"`
	Total           ledger.Cents `json:"total"`
	Instalments     []Instalment `json:"instalments"`
	Acknowledgement bool         `json:"acknowledgement,omitempty"` // signed acknowledgement of debt (C. civ. 2240)
	Acceleration    bool         `json:"acceleration,omitempty"`    // acceleration clause on a missed instalment
	Status          PlanStatus   `json:"status"`
	Closed          ledger.Date  `json:"closed,omitempty"`
	By              string       `json:"by,omitempty"`
	Note            string       `json:"note,omitempty"`
}
