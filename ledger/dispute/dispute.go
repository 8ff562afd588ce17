// Package dispute models customer disputes (litiges) and delivery blocks (blocages de
// livraison), the two places where the collector and the sales force work together:
// a dispute on some invoices is handed to the salesperson who owns it, answered, then
// resolved by a credit note, rejected, partly granted or cancelled; a block is
// proposed (by a rule or by hand), answered by sales, decided, then lifted.
//
// Every status change is checked (nonsense is refused with a localized
// *ledger.Problem naming the dispute and both statuses) and recorded in an
// append-only history. Effects on the figures are in effects.go: while a dispute is
// active its amount is shown apart in the aged balance, weighs in the dispute KPI,
// leaves the reminder flow and the penalty base.
//
// The package reads no clock and imports no store: every function takes its as-of
// date, and ledger/store persists the values.
package dispute

import (
	"slices"

	"relance/ledger"
)

// Reason is why the customer disputes the invoices.
type Reason string

// Reasons. Administrative covers a missing purchase order (PO) and duplicate billing.
const (
	ReasonPrice          Reason = "price"
	ReasonQuantity       Reason = "quantity"
	ReasonQuality        Reason = "quality"
	ReasonDelivery       Reason = "delivery"
	ReasonAdministrative Reason = "administrative"
	ReasonOther          Reason = "other"
)

// Reasons lists the reasons in display order.
func Reasons() []Reason {
	return []Reason{ReasonPrice, ReasonQuantity, ReasonQuality, ReasonDelivery, ReasonAdministrative, ReasonOther}
}

// Valid reports whether r is one of Reasons.
func (r Reason) Valid() bool { return slices.Contains(Reasons(), r) }

// Status is where a dispute stands.
type Status string

// Statuses. The flow is open → with_sales → answer_received → resolved, with
// cancelled possible from any non-final status; resolved and cancelled are final.
const (
	StatusOpen           Status = "open"
	StatusWithSales      Status = "with_sales"
	StatusAnswerReceived Status = "answer_received"
	StatusResolved       Status = "resolved"
	StatusCancelled      Status = "cancelled"
)

// Statuses lists the statuses in flow order.
func Statuses() []Status {
	return []Status{StatusOpen, StatusWithSales, StatusAnswerReceived, StatusResolved, StatusCancelled}
}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool { return slices.Contains(Statuses(), s) }

// Final reports whether no change may follow s.
func (s Status) Final() bool { return s == StatusResolved || s == StatusCancelled }

// Active reports whether a dispute in status s still holds its amount apart.
func (s Status) Active() bool { return s.Valid() && !s.Final() }

// allowed is the status flow: from → the statuses it may go to.
//   - open → resolved directly covers what the collector settles alone (a duplicate
//     invoice owned "internal");
//   - answer_received → with_sales sends it back when the answer is not enough.
var allowed = map[Status][]Status{
	StatusOpen:           {StatusWithSales, StatusResolved, StatusCancelled},
	StatusWithSales:      {StatusAnswerReceived, StatusCancelled},
	StatusAnswerReceived: {StatusWithSales, StatusResolved, StatusCancelled},
}

// CanMove reports whether the flow allows from → to (resolution checks aside).
func CanMove(from, to Status) bool { return slices.Contains(allowed[from], to) }

// Next returns the statuses a dispute in status s may move to.
func Next(s Status) []Status { return slices.Clone(allowed[s]) }

// ResolutionKind is how a dispute ended.
type ResolutionKind string

// Resolution kinds: a credit note for the whole disputed amount, the dispute
// rejected (the customer owes everything), a partial credit note, or cancelled (the
// customer withdrew it, or it was opened by mistake).
const (
	ResolvedCreditNote ResolutionKind = "credit_note"
	ResolvedRejected   ResolutionKind = "rejected"
	ResolvedPartial    ResolutionKind = "partial"
	ResolvedCancelled  ResolutionKind = "cancelled"
)

// Internal is the owner of a dispute handled without the sales force.
const Internal = "internal"

// DisputedItem is one invoice in dispute, for all or part of its open amount.
type DisputedItem struct {
	ItemID string       `json:"item"`
	Amount ledger.Cents `json:"amount"`
}

// StatusChange is one entry of a dispute's history. The first has From "".
type StatusChange struct {
	From    Status      `json:"from,omitempty"`
	To      Status      `json:"to"`
	Date    ledger.Date `json:"date"`
	By      string      `json:"by"`
	Comment string      `json:"comment,omitempty"`
}

// Note is a dated remark on a dispute (a call, a visit, a document received).
type Note struct {
	Date ledger.Date `json:"date"`
	By   string      `json:"by"`
	Text string      `json:"text"`
}

// Resolution is how and when a dispute ended. Amount is the credit granted: the
// disputed total for a credit note, 0 when rejected or cancelled, in between when partial.
type Resolution struct {
	Kind    ResolutionKind `json:"kind"`
	Amount  ledger.Cents   `json:"amount"`
	Date    ledger.Date    `json:"date"`
	Comment string         `json:"comment,omitempty"`
}

// Dispute is a customer's contest of one or more of its invoices.
type Dispute struct {
	ID          string         `json:"id"` // "L2026-0001", given by the store
	Customer    string         `json:"customer"`
	Items       []DisputedItem `json:"items"`
	Reason      Reason         `json:"reason"`
	Opened      ledger.Date    `json:"opened"`
	OpenedBy    string         `json:"opened_by"`
	Owner       string         `json:"owner"` // Salesperson.ID, or Internal
	DueBy       ledger.Date    `json:"due_by,omitempty"`
	Status      Status         `json:"status"`
	History     []StatusChange `json:"history"`
	Notes       []Note         `json:"notes,omitempty"`
	Attachments []string       `json:"attachments,omitempty"` // file references
	Resolution  *Resolution    `json:"resolution,omitempty"`
}

// New returns an open dispute with the first history entry. It does not validate:
// call Validate (the store does).
func New(customer string, items []DisputedItem, reason Reason, opened ledger.Date, by, owner string, dueBy ledger.Date, comment string) Dispute {
	return Dispute{Customer: customer, Items: items, Reason: reason, Opened: opened, OpenedBy: by, Owner: owner,
		DueBy: dueBy, Status: StatusOpen,
		History: []StatusChange{{To: StatusOpen, Date: opened, By: by, Comment: comment}}}
}

// Total returns the amount in dispute: Σ item amounts.
func (d *Dispute) Total() ledger.Cents {
	var t ledger.Cents
	for _, it := range d.Items {
		t += it.Amount
	}
	return t
}

// Amount returns the disputed amount of item itemID, 0 when it is not in the dispute.
func (d *Dispute) Amount(itemID string) ledger.Cents {
	var t ledger.Cents
	for _, it := range d.Items {
		if it.ItemID == itemID {
			t += it.Amount
		}
	}
	return t
}

// Closed returns the date the dispute reached a final status, NoDate while active.
func (d *Dispute) Closed() ledger.Date {
	if !d.Status.Final() {
		return ledger.NoDate
	}
	for i := len(d.History) - 1; i >= 0; i-- {
		if d.History[i].To.Final() {
			return d.History[i].Date
		}
	}
	if d.Resolution != nil {
		return d.Resolution.Date
	}
	return d.Opened
}

// ActiveAt reports whether the dispute holds its amount apart at asOf: opened on or
// before asOf and not closed on or before it (dated history: the state at asOf, not now).
func (d *Dispute) ActiveAt(asOf ledger.Date) bool {
	if !d.Opened.Valid() || d.Opened > asOf {
		return false
	}
	c := d.Closed()
	return !c.Valid() || c > asOf
}

// StatusAt returns the status the dispute had at asOf ("" before it was opened).
func (d *Dispute) StatusAt(asOf ledger.Date) Status {
	var s Status
	for _, h := range d.History {
		if h.Date > asOf {
			break
		}
		s = h.To
	}
	return s
}

// lastDate is the date of the latest history entry.
func (d *Dispute) lastDate() ledger.Date {
	if n := len(d.History); n > 0 {
		return d.History[n-1].Date
	}
	return d.Opened
}

func (d *Dispute) problem(key string, args ...string) error {
	return &ledger.Problem{Key: key, Args: append([]string{"id", d.label()}, args...)}
}

func (d *Dispute) label() string {
	if d.ID == "" {
		return "(" + d.Customer + ")"
	}
	return d.ID
}

// Validate checks the dispute on its own (the store also checks the customer, the
// items and their open amounts): customer, at least one item with a positive amount
// and no item twice, a known reason and status, an owner, dates in order, a history
// that starts with "open" on the opening date and follows the flow, and a resolution
// consistent with the status.
func (d *Dispute) Validate() error {
	if d.Customer == "" {
		return d.problem("dispute.err.customer")
	}
	if len(d.Items) == 0 {
		return d.problem("dispute.err.noitems")
	}
	seen := map[string]bool{}
	for _, it := range d.Items {
		if it.ItemID == "" || seen[it.ItemID] {
			return d.problem("dispute.err.item", "item", it.ItemID)
		}
		seen[it.ItemID] = true
		if it.Amount <= 0 {
			return d.problem("dispute.err.amount", "item", it.ItemID, "value", it.Amount.String())
		}
	}
	if !d.Reason.Valid() {
		return d.problem("dispute.err.reason", "value", string(d.Reason))
	}
	if !d.Opened.Valid() {
		return d.problem("dispute.err.opened")
	}
	if d.Owner == "" {
		return d.problem("dispute.err.owner")
	}
	if d.DueBy.Valid() && d.DueBy < d.Opened {
		return d.problem("dispute.err.dueby", "date", d.DueBy.String(), "opened", d.Opened.String())
	}
	if !d.Status.Valid() {
		return d.problem("dispute.err.status", "value", string(d.Status))
	}
	if len(d.History) == 0 || d.History[0].From != "" || d.History[0].To != StatusOpen || d.History[0].Date != d.Opened {
		return d.problem("dispute.err.history")
	}
	for i := 1; i < len(d.History); i++ {
		h, prev := d.History[i], d.History[i-1]
		if h.From != prev.To || !CanMove(h.From, h.To) || h.Date < prev.Date {
			return d.problem("dispute.err.history")
		}
	}
	if d.History[len(d.History)-1].To != d.Status {
		return d.problem("dispute.err.history")
	}
	switch {
	case d.Status == StatusResolved:
		return d.checkResolution(d.Status, d.Resolution)
	case d.Status == StatusCancelled:
		if d.Resolution == nil || d.Resolution.Kind != ResolvedCancelled {
			return d.problem("dispute.err.noresolution", "from", string(d.Status), "to", string(d.Status))
		}
	case d.Resolution != nil:
		return d.problem("dispute.err.early_resolution", "status", string(d.Status))
	}
	for _, n := range d.Notes {
		if n.Text == "" || !n.Date.Valid() {
			return d.problem("dispute.err.note")
		}
	}
	return nil
}

// checkResolution checks r for a dispute going (or gone) to status to.
func (d *Dispute) checkResolution(to Status, r *Resolution) error {
	from := string(d.Status)
	if r == nil || r.Kind == "" || r.Kind == ResolvedCancelled {
		return d.problem("dispute.err.noresolution", "from", from, "to", string(to))
	}
	total := d.Total()
	switch r.Kind {
	case ResolvedCreditNote:
		if r.Amount != total {
			return d.problem("dispute.err.credit_amount", "value", r.Amount.String(), "disputed", total.String())
		}
	case ResolvedRejected:
		if r.Amount != 0 {
			return d.problem("dispute.err.rejected_amount", "value", r.Amount.String())
		}
	case ResolvedPartial:
		if r.Amount <= 0 || r.Amount >= total {
			return d.problem("dispute.err.partial", "value", r.Amount.String(), "disputed", total.String())
		}
	default:
		return d.problem("dispute.err.resolution_kind", "value", string(r.Kind))
	}
	return nil
}

// Move changes the status to to on date by someone, recording it in the history. A
// move to resolved needs a resolution (credit_note: the disputed total, which an Amount
// of 0 stands for; rejected: 0; partial: strictly between 0 and the total); a move to
// cancelled records a "cancelled" resolution. Nonsense is refused and leaves d as it
// was: a final status, a move the flow does not allow, a date before the last change.
func (d *Dispute) Move(to Status, date ledger.Date, by, comment string, r *Resolution) error {
	from := string(d.Status)
	switch {
	case !to.Valid():
		return d.problem("dispute.err.status", "value", string(to))
	case d.Status.Final():
		return d.problem("dispute.err.final", "from", from, "to", string(to))
	case !CanMove(d.Status, to):
		return d.problem("dispute.err.transition", "from", from, "to", string(to))
	case !date.Valid() || date < d.lastDate():
		return d.problem("dispute.err.date", "date", date.String(), "last", d.lastDate().String())
	case by == "":
		return d.problem("dispute.err.by")
	}
	var res *Resolution
	switch to {
	case StatusResolved:
		if r != nil {
			c := *r
			if c.Kind == ResolvedCreditNote && c.Amount == 0 {
				c.Amount = d.Total()
			}
			res = &c
		}
		if err := d.checkResolution(to, res); err != nil {
			return err
		}
	case StatusCancelled:
		res = &Resolution{Kind: ResolvedCancelled}
		if r != nil && r.Kind != "" && r.Kind != ResolvedCancelled {
			return d.problem("dispute.err.resolution_kind", "value", string(r.Kind))
		}
	default:
		if r != nil && r.Kind != "" {
			return d.problem("dispute.err.early_resolution", "status", string(to))
		}
	}
	if res != nil {
		res.Date = date
		if res.Comment == "" {
			res.Comment = comment
		}
	}
	d.History = append(d.History, StatusChange{From: d.Status, To: to, Date: date, By: by, Comment: comment})
	d.Status = to
	d.Resolution = res
	return nil
}

// AddNote appends a note. Notes are append-only, dated on or after the opening.
func (d *Dispute) AddNote(date ledger.Date, by, text string) error {
	if text == "" || by == "" || !date.Valid() || date < d.Opened {
		return d.problem("dispute.err.note")
	}
	d.Notes = append(d.Notes, Note{Date: date, By: by, Text: text})
	return nil
}
