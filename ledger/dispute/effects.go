package dispute

import (
	"sort"

	"relance/ledger"
)

// Effects of disputes on the figures. While a dispute is active at an as-of date
// (ActiveAt: opened on or before it, not yet resolved or cancelled then), the disputed
// amount of each of its items:
//
//   - stays in the receivables and the aged balance, shown apart in the Disputed memo
//     column (credit.AgedOptions.Disputed = Index.DisputedFunc());
//   - weighs in the "weight of disputes" KPI (credit.KPIOptions.Disputed, same hook);
//   - takes the item out of the reminder flow (Excluded), as the course teaches: one
//     does not chase an invoice the firm itself is examining;
//   - is left out of the late-penalty base (PenaltyBase), since a penalty on a sum the
//     creditor may credit back would not survive the dispute's outcome.

// key identifies an item across customers (item IDs are unique within a customer).
type key struct{ customer, item string }

// entry is one dispute's claim on an item.
type entry struct {
	d      *Dispute
	amount ledger.Cents
}

// Index answers "how much of this item is in dispute at this date" in constant time.
// Build it once per screen or command with NewIndex; it is read-only afterwards and
// safe for concurrent use.
type Index struct {
	disputes []Dispute
	byItem   map[key][]entry
}

// NewIndex indexes disputes (copied, so later changes to the slice do not show).
func NewIndex(disputes []Dispute) *Index {
	x := &Index{disputes: append([]Dispute(nil), disputes...), byItem: map[key][]entry{}}
	for i := range x.disputes {
		d := &x.disputes[i]
		for _, it := range d.Items {
			k := key{d.Customer, it.ItemID}
			x.byItem[k] = append(x.byItem[k], entry{d, it.Amount})
		}
	}
	return x
}

// Disputes returns the indexed disputes.
func (x *Index) Disputes() []Dispute { return x.disputes }

// DisputedAmount returns the part of item it in dispute at asOf: Σ amounts of the
// disputes active at asOf that name it, capped at the item's open amount (an invoice
// partly paid since the dispute was opened cannot be disputed beyond what is left).
// Credits (open ≤ 0) are never disputed.
func (x *Index) DisputedAmount(it *ledger.Item, asOf ledger.Date) ledger.Cents {
	return x.disputedOf(it, asOf, it.Open)
}

func (x *Index) disputedOf(it *ledger.Item, asOf ledger.Date, open ledger.Cents) ledger.Cents {
	if x == nil || open <= 0 {
		return 0
	}
	var t ledger.Cents
	for _, e := range x.byItem[key{it.Customer, it.ID}] {
		if e.d.ActiveAt(asOf) {
			t += e.amount
		}
	}
	return min(t, open)
}

// DisputedFunc returns the hook credit.AgedOptions.Disputed and credit.KPIOptions.Disputed
// take (the func type is assignable to credit.DisputedFunc): the disputed part of an
// item open for open at asOf. A nil Index gives a hook that always says 0.
func (x *Index) DisputedFunc() func(it *ledger.Item, asOf ledger.Date, open ledger.Cents) ledger.Cents {
	return x.disputedOf
}

// Excluded reports whether item it leaves the reminder flow at asOf: some of it is in
// an active dispute. The reminder agenda (dunning) must skip it, and a statement may
// show it with a "disputed" mention rather than ask for it. The rest of the customer's
// account is still reminded.
func (x *Index) Excluded(it *ledger.Item, asOf ledger.Date) bool {
	return x.DisputedAmount(it, asOf) > 0
}

// PenaltyBase returns the amount of item it on which late penalties run at asOf:
// its open amount minus the part in dispute (never below 0). The legal computation
// (ledger/law) takes this base for each day the dispute is active; once the dispute is
// rejected the whole open amount bears penalties again from its due date.
func (x *Index) PenaltyBase(it *ledger.Item, asOf ledger.Date) ledger.Cents {
	if it.Open <= 0 {
		return 0
	}
	return it.Open - x.DisputedAmount(it, asOf)
}

// Open returns the disputes active at asOf, in ID order.
func Open(disputes []Dispute, asOf ledger.Date) []Dispute {
	var out []Dispute
	for i := range disputes {
		if disputes[i].ActiveAt(asOf) {
			out = append(out, disputes[i])
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Open returns the indexed disputes active at asOf, in ID order.
func (x *Index) Open(asOf ledger.Date) []Dispute { return Open(x.disputes, asOf) }

// Frequency is how often a customer disputes: the disputes opened in a period and
// their total amount, an input of the risk classes ("fréquence des litiges").
type Frequency struct {
	Customer string       `json:"customer"`
	From     ledger.Date  `json:"from"` // first day of the period
	To       ledger.Date  `json:"to"`   // last day (the as-of date)
	Count    int          `json:"count"`
	Amount   ledger.Cents `json:"amount"`
	IDs      []string     `json:"ids,omitempty"` // the disputes counted, the evidence
}

// FrequencyWindowMonths is the period of Frequencies: the 12 months up to the as-of date.
const FrequencyWindowMonths = 12

// Frequencies returns, per customer, the disputes opened in the 12 months up to asOf
// (from asOf − 12 months + 1 day to asOf inclusive) and their amount. Cancelled
// disputes are left out: a dispute withdrawn or opened by mistake says nothing of the
// customer. Customers without disputes in the period are absent.
func Frequencies(disputes []Dispute, asOf ledger.Date) map[string]Frequency {
	from := asOf.AddMonths(-FrequencyWindowMonths) + 1
	out := map[string]Frequency{}
	sorted := append([]Dispute(nil), disputes...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	for i := range sorted {
		d := &sorted[i]
		if d.Opened < from || d.Opened > asOf || d.StatusAt(asOf) == StatusCancelled {
			continue
		}
		f := out[d.Customer]
		f.Customer, f.From, f.To = d.Customer, from, asOf
		f.Count++
		f.Amount += d.Total()
		f.IDs = append(f.IDs, d.ID)
		out[d.Customer] = f
	}
	return out
}
