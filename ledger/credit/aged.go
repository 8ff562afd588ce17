package credit

import (
	"sort"
	"strconv"

	"relance/ledger"
)

// Buckets are the columns of an aged balance: not yet due, one column per range of days
// past due (the last one open-ended), and the open credits (unapplied payments and
// credit notes), so that Σ columns = balance. Disputed is a memo column shown apart:
// the part of those columns that is in dispute, not added to Total.
type Buckets struct {
	NotDue   ledger.Cents   `json:"not_due"`
	Late     []ledger.Cents `json:"-"` // one per range of Ranges
	Credits  ledger.Cents   `json:"credits"`
	Disputed ledger.Cents   `json:"disputed"`
}

// Total returns Σ columns, which is the balance.
func (b *Buckets) Total() ledger.Cents {
	t := b.NotDue + b.Credits
	for _, v := range b.Late {
		t += v
	}
	return t
}

// Overdue returns Σ late columns.
func (b *Buckets) Overdue() ledger.Cents {
	var t ledger.Cents
	for _, v := range b.Late {
		t += v
	}
	return t
}

func (b *Buckets) add(o *Buckets) {
	b.NotDue += o.NotDue
	b.Credits += o.Credits
	b.Disputed += o.Disputed
	for i := range o.Late {
		b.Late[i] += o.Late[i]
	}
}

// Range is a range of days past due, From..To inclusive; To = 0 means "and more".
type Range struct{ From, To int }

// Label returns "1-30" or "over_90", the key used in exports.
func (r Range) Label() string {
	if r.To == 0 {
		return "over_" + strconv.Itoa(r.From-1)
	}
	return strconv.Itoa(r.From) + "-" + strconv.Itoa(r.To)
}

// Ranges turns the settings' bucket bounds {30, 60, 90} into 1–30, 31–60, 61–90, > 90.
func Ranges(bounds []int) []Range {
	var out []Range
	from := 1
	for _, b := range bounds {
		out = append(out, Range{from, b})
		from = b + 1
	}
	return append(out, Range{From: from})
}

// AgedLine is one customer's line of the aged balance.
type AgedLine struct {
	Customer *ledger.Customer
	Buckets  Buckets
	Items    []OpenItem // the open items behind the line, for drill-down
}

// Aged is an aged balance at a date.
//
// The doubtful customers (ledger.Customer.Doubtful, account 416) are kept apart: their
// lines are in Doubtful and their sum in DoubtfulTotal, out of Lines and Total, so that
// Total is the receivables of every other figure (the KPIs' receivables, the customer
// list's footer) and the doubtful amount is always shown on a line of its own.
type Aged struct {
	AsOf   ledger.Date
	Ranges []Range
	Lines  []AgedLine // customers with a non-zero balance or open items, in ID order
	Total  Buckets    // Σ Lines
	// Doubtful are the doubtful customers' lines, in ID order, and DoubtfulTotal their sum.
	Doubtful      []AgedLine
	DoubtfulTotal Buckets
}

// bucketOf returns the index in ranges of an item daysLate days past due.
func bucketOf(ranges []Range, daysLate int) int {
	for i, r := range ranges {
		if r.To == 0 || daysLate <= r.To {
			return i
		}
	}
	return len(ranges) - 1
}

// DisputedFunc returns the part of an item, open for open at asOf, that is in dispute
// (0 when none; at most open). It is the hook through which the disputes feature feeds
// the aged balance and the KPIs; nil means no disputes.
type DisputedFunc func(it *ledger.Item, asOf ledger.Date, open ledger.Cents) ledger.Cents

// AgedOptions tune AgedBalanceWith. The zero value keeps every customer and has no disputes.
type AgedOptions struct {
	// Keep selects customers (nil keeps all); see AgedFilter.Keep.
	Keep func(*ledger.Account) bool
	// Disputed feeds the Disputed memo column (nil: zero everywhere).
	Disputed DisputedFunc
}

// AgedBalance computes the aged balance of the book at asOf, over the customers for
// which keep returns true (nil keeps all).
func AgedBalance(book *ledger.Book, asOf ledger.Date, keep func(*ledger.Account) bool) *Aged {
	return AgedBalanceWith(book, asOf, AgedOptions{Keep: keep})
}

// AgedBalanceWith is AgedBalance with options: a customer filter and the disputes hook.
func AgedBalanceWith(book *ledger.Book, asOf ledger.Date, opt AgedOptions) *Aged {
	ranges := Ranges(book.Settings.Buckets)
	ag := &Aged{AsOf: asOf, Ranges: ranges, Total: Buckets{Late: make([]ledger.Cents, len(ranges))},
		DoubtfulTotal: Buckets{Late: make([]ledger.Cents, len(ranges))}}
	keep := opt.Keep
	ag.Lines = make([]AgedLine, 0, len(book.Accounts))
	late := make([]ledger.Cents, len(ranges)*len(book.Accounts)) // the lines' columns, one allocation
	for _, a := range book.Accounts {
		if keep != nil && !keep(a) {
			continue
		}
		items := OpenAt(a, asOf)
		if len(items) == 0 {
			continue
		}
		line := AgedLine{Customer: &a.Customer, Items: items, Buckets: Buckets{Late: late[:len(ranges):len(ranges)]}}
		late = late[len(ranges):]
		for _, o := range items {
			if opt.Disputed != nil {
				line.Buckets.Disputed += opt.Disputed(o.Item, asOf, o.OpenAt)
			}
			switch {
			case o.OpenAt < 0:
				line.Buckets.Credits += o.OpenAt
			case !o.DueDate.Valid() || o.DueDate >= asOf:
				line.Buckets.NotDue += o.OpenAt
			default:
				line.Buckets.Late[bucketOf(ranges, asOf.DaysSince(o.DueDate))] += o.OpenAt
			}
		}
		if a.Customer.Doubtful {
			ag.DoubtfulTotal.add(&line.Buckets)
			ag.Doubtful = append(ag.Doubtful, line)
			continue
		}
		ag.Total.add(&line.Buckets)
		ag.Lines = append(ag.Lines, line)
	}
	sort.SliceStable(ag.Lines, func(i, j int) bool { return ag.Lines[i].Customer.ID < ag.Lines[j].Customer.ID })
	sort.SliceStable(ag.Doubtful, func(i, j int) bool { return ag.Doubtful[i].Customer.ID < ag.Doubtful[j].Customer.ID })
	return ag
}
