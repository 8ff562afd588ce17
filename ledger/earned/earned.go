// Package earned says what collection brought in over a period (« valoriser les
// relances », améliorer la trésorerie et le résultat financier): the cash received after
// each kind of action — letters, calls, formal notices, promises and plans, legal steps —
// with the delay from the action to the payment; the DSO gained over the period; and,
// at the firm's own financing rate, what those days are worth a year (days × average
// daily sales × rate). Every figure takes explicit dates; nothing reads the clock.
package earned

import (
	"iter"
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/dunning"
)

// Lever is the kind of action a payment is credited to.
type Lever string

// The levers, and None for the cash received with no action in the window before it.
const (
	Letter Lever = "letter" // reminder letters and e-mails
	Call   Lever = "call"   // calls and visits
	Notice Lever = "notice" // formal notices (mise en demeure)
	Plan   Lever = "plan"   // promises to pay and payment plans agreed
	Legal  Lever = "legal"  // hand-over to litigation
	None   Lever = "none"   // no action in the window before the payment
)

// Levers lists the levers in report order.
func Levers() []Lever { return []Lever{Letter, Call, Notice, Plan, Legal, None} }

// AttributionDays is how long after an action a payment of its customer is credited to
// it: a reminder letter is usually answered within a month. A payment is credited to the
// latest action before it (on the same day or earlier) within that window.
const AttributionDays = 30

// leverOf is the lever of action a, when it is one done (not planned or cancelled).
func leverOf(a *dunning.Action) (Lever, bool) {
	if a.Status != "" && a.Status != dunning.ActionDone {
		return "", false
	}
	switch a.Kind {
	case dunning.ActionKind(dunning.ChanLetter), dunning.ActionKind(dunning.ChanEmail):
		return Letter, true
	case dunning.ActionKind(dunning.ChanCall), dunning.ActionKind(dunning.ChanVisit):
		return Call, true
	case dunning.ActionKind(dunning.ChanNotice):
		return Notice, true
	case dunning.KindPromise, dunning.KindPlan:
		return Plan, true
	case dunning.ActionKind(dunning.ChanLegal):
		return Legal, true
	}
	return "", false
}

// Input is what Compute reads.
type Input struct {
	// Accounts are the customers' whole accounts (a session holding part of the history
	// reads them in turn).
	Accounts iter.Seq[*ledger.Account]
	Actions  []dunning.Action
	// From and To bound the period (From excluded, To included).
	From, To ledger.Date
	// DSOFrom and DSOTo are the accounting DSO at From and at To (credit.KeyDSOAccounting),
	// nil when undefined.
	DSOFrom, DSOTo *decimal.Decimal
	// Rate is the firm's annual financing rate in percent (its overdraft or factoring
	// cost); nil: not given, and Value is not computed.
	Rate *decimal.Decimal
}

// Row is the cash credited to one lever over the period.
type Row struct {
	Lever Lever `json:"lever"`
	// Actions counts the lever's actions done in the period; Payments the payments
	// credited to it and Collected their amount.
	Actions   int          `json:"actions"`
	Payments  int          `json:"payments"`
	Collected ledger.Cents `json:"collected"`
	// Share is Collected over the period's total, in percent (2 decimals).
	Share decimal.Decimal `json:"share"`
	// Delay is the average number of days from the action to the payment, weighted by
	// the amounts (1 decimal; 0 for None).
	Delay decimal.Decimal `json:"delay"`
}

// Report is what collection brought in over a period.
type Report struct {
	From ledger.Date `json:"from"`
	To   ledger.Date `json:"to"`
	Rows []Row       `json:"rows"`
	// Collected is every payment received in the period.
	Collected ledger.Cents `json:"collected"`
	// DSOFrom, DSOTo: the accounting DSO at each end; Gained = DSOFrom − DSOTo days
	// (nil when either is undefined).
	DSOFrom *decimal.Decimal `json:"dso_from,omitempty"`
	DSOTo   *decimal.Decimal `json:"dso_to,omitempty"`
	Gained  *decimal.Decimal `json:"dso_gained,omitempty"`
	// DailySales are the period's sales (invoices less credit notes) per day.
	DailySales ledger.Cents `json:"daily_sales"`
	// Rate is the financing rate given, and Value what the days gained are worth a year
	// at it: Gained × DailySales × Rate / 100 (negative when the DSO grew). Both nil when
	// no rate was given or no DSO gained could be computed.
	Rate  *decimal.Decimal `json:"rate,omitempty"`
	Value *ledger.Cents    `json:"value,omitempty"`
}

// Compute credits each payment received in (From, To] to the latest action on its
// customer in the AttributionDays before it, and adds up the levers.
func Compute(in Input) *Report {
	r := &Report{From: in.From, To: in.To, DSOFrom: in.DSOFrom, DSOTo: in.DSOTo}
	byCust := map[string][]*dunning.Action{}
	rows := map[Lever]*Row{}
	for _, l := range Levers() {
		rows[l] = &Row{Lever: l}
	}
	for i := range in.Actions {
		a := &in.Actions[i]
		l, ok := leverOf(a)
		if !ok || !a.Date.Valid() || a.Date > in.To {
			continue
		}
		byCust[a.Customer] = append(byCust[a.Customer], a)
		if a.Date > in.From {
			rows[l].Actions++
		}
	}
	weighted := map[Lever]decimal.Decimal{}
	var sales ledger.Cents
	for acc := range in.Accounts {
		acts := byCust[acc.Customer.ID]
		for i := range acc.Items {
			it := &acc.Items[i]
			if it.DocDate <= in.From || it.DocDate > in.To {
				continue
			}
			if it.IsSale() {
				sales += it.Amount
			}
			if it.Kind != ledger.Payment || it.Amount >= 0 {
				continue
			}
			paid := -it.Amount
			r.Collected += paid
			lever, delay := None, 0
			var latest *dunning.Action
			for _, a := range acts {
				if a.Date <= it.DocDate && it.DocDate.DaysSince(a.Date) <= AttributionDays && (latest == nil || a.Date >= latest.Date) {
					latest = a
				}
			}
			if latest != nil {
				lever, _ = leverOf(latest)
				delay = it.DocDate.DaysSince(latest.Date)
			}
			row := rows[lever]
			row.Payments++
			row.Collected += paid
			weighted[lever] = weighted[lever].Add(decimal.NewFromInt(int64(delay)).Mul(paid.Decimal()))
		}
	}
	for _, l := range Levers() {
		row := rows[l]
		if r.Collected > 0 {
			row.Share = row.Collected.Decimal().Mul(decimal.NewFromInt(100)).Div(r.Collected.Decimal()).Round(2)
		}
		if row.Collected > 0 && l != None {
			row.Delay = weighted[l].Div(row.Collected.Decimal()).Round(1)
		}
		r.Rows = append(r.Rows, *row)
	}
	if days := in.To.DaysSince(in.From); days > 0 {
		r.DailySales = ledger.CentsFromDecimal(sales.Decimal().Div(decimal.NewFromInt(int64(days))))
	}
	if in.DSOFrom != nil && in.DSOTo != nil {
		g := in.DSOFrom.Sub(*in.DSOTo)
		r.Gained = &g
		if in.Rate != nil {
			rate := *in.Rate
			v := ledger.CentsFromDecimal(g.Mul(r.DailySales.Decimal()).Mul(rate).Div(decimal.NewFromInt(100)))
			r.Rate, r.Value = &rate, &v
		}
	}
	return r
}

// ParseRate reads a financing rate as a person types it: a yearly percentage between 0
// and 100, with a decimal comma or point and an optional « % » ("4,5", "4.5 %"). ""
// is no rate (nil). Anything else is a problem naming the value (earned.err.rate).
func ParseRate(s string) (*decimal.Decimal, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if s == "" {
		return nil, nil
	}
	d, err := decimal.NewFromString(strings.Replace(s, ",", ".", 1))
	if err != nil || d.IsNegative() || d.GreaterThan(decimal.NewFromInt(100)) {
		return nil, &ledger.Problem{Key: "earned.err.rate", Args: []string{"value", s}}
	}
	return &d, nil
}
