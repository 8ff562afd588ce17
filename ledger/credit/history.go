package credit

import (
	"iter"
	"slices"
	"sort"

	"relance/ledger"
)

// KPIsAt computes the dashboard at asOf: the position (receivables, overdue, > 90 days…),
// and every KPI with its method and inputs. It runs the same code as History, so the
// figures at a month end are those of that month in the history.
func KPIsAt(book *ledger.Book, asOf ledger.Date, opt KPIOptions) *Snapshot {
	return &History(book, asOf, 1, opt)[0]
}

// HistoryPoints returns the dates of a monthly history of months months up to asOf:
// the end of each month, the last one being asOf itself (its month is not over).
func HistoryPoints(asOf ledger.Date, months int) []ledger.Date {
	out := make([]ledger.Date, 0, months)
	first := asOf.StartOfMonth()
	for m := months - 1; m >= 0; m-- {
		out = append(out, min(first.AddMonths(-m).EndOfMonth(), asOf))
	}
	return out
}

// History computes the dashboard at each date of HistoryPoints(asOf, months), oldest
// first. It is incremental: one pass over the items gives the sales of every day of the
// range (prefix sums) and, for each item, the dates at which it is open and for how
// much, so that the cost grows with the items, not with items × months. The result is
// the same as KPIsAt at each date (checked against PositionAt, built on AgedBalance).
func History(book *ledger.Book, asOf ledger.Date, months int, opt KPIOptions) []Snapshot {
	return HistoryOver(slices.Values(book.Accounts), book.Settings.Currency, asOf, months, opt)
}

// HistoryOver is History over accounts, in currency: the dashboard's history of a
// dossier whose book holds part of its history reads each account whole from the dossier
// in turn (store.Tx.EachAccount) and keeps none (issue 26).
func HistoryOver(accounts iter.Seq[*ledger.Account], currency string, asOf ledger.Date, months int, opt KPIOptions) []Snapshot {
	o := opt.norm()
	if months < 1 {
		months = 1
	}
	pts := HistoryPoints(asOf, months)
	// Positions are needed at each point and at the beginning of its CEI period.
	all := make([]ledger.Date, 0, 2*len(pts))
	for _, p := range pts {
		all = append(all, p, o.ceiBegin(p))
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	all = dedupe(all)
	first := pts[0]
	lo := min(first.AddDays(-o.Days), first.StartOfMonth().AddMonths(-o.CountBackMonths), o.ceiBegin(first)) - 1
	sales := newSalesIndex(lo, asOf)
	pos := positionsAt(accounts, all, o.Disputed, sales)
	at := func(d ledger.Date) *Position {
		return &pos[sort.Search(len(all), func(k int) bool { return all[k] >= d })]
	}
	out := make([]Snapshot, len(pts))
	for i, p := range pts {
		out[i] = assemble(at(p), at(o.ceiBegin(p)), sales.between, o, currency)
	}
	return out
}

func dedupe(v []ledger.Date) []ledger.Date {
	out := v[:0]
	for i, d := range v {
		if i == 0 || d != v[i-1] {
			out = append(out, d)
		}
	}
	return out
}

// salesIndex holds the running total of sales by document date over a range of days.
type salesIndex struct {
	base ledger.Date
	cum  []ledger.Cents // cum[i] = Σ sales dated in [base, base+i)
}

// newSalesIndex returns an empty index of the days from..to: add the items, then call sum.
func newSalesIndex(from, to ledger.Date) *salesIndex {
	return &salesIndex{base: from, cum: make([]ledger.Cents, max(0, to.DaysSince(from)+1)+1)}
}

// add counts the item if it is a sale (invoice or credit note) dated in the range.
func (s *salesIndex) add(it *ledger.Item) {
	if it.IsSale() {
		s.addDay(it.DocDate, it.Amount)
	}
}

// addDay counts sales of amount dated d if d is in the range.
func (s *salesIndex) addDay(d ledger.Date, amount ledger.Cents) {
	if i := int(d-s.base) + 1; i >= 1 && i < len(s.cum) {
		s.cum[i] += amount
	}
}

// sum turns the daily sales into running totals.
func (s *salesIndex) sum() {
	for i := 1; i < len(s.cum); i++ {
		s.cum[i] += s.cum[i-1]
	}
}

// upTo returns the sales dated from the index's base to d inclusive.
func (s *salesIndex) upTo(d ledger.Date) ledger.Cents {
	i := int(d-s.base) + 1
	return s.cum[max(0, min(i, len(s.cum)-1))]
}

// between returns the sales dated in (from, to].
func (s *salesIndex) between(from, to ledger.Date) ledger.Cents { return s.upTo(to) - s.upTo(from) }

// engine computes positions at many dates in one pass over the book, with exactly the
// semantics of OpenAt (which it must match: see TestHistoryMatchesAgedBalance).
type engine struct {
	points  []ledger.Date
	pos     []Position
	dispute DisputedFunc
	sales   *salesIndex
	// per account
	items    []ledger.Item
	doubtful bool
	// kMin is the first point the account's items give (0, or the first on or after
	// History.Since for an account read in part: before it, its balance by day gives
	// the receivables, the only figure of such a point that a KPI uses).
	kMin int
	// scratch
	lettered, fifo, deb, cred []int32
}

// positionsAt returns the position at each of points (ascending, distinct) over the
// accounts, and fills sales in the same pass over the items (one pass over memory is
// most of the cost).
func positionsAt(accounts iter.Seq[*ledger.Account], points []ledger.Date, dispute DisputedFunc, sales *salesIndex) []Position {
	e := &engine{points: points, pos: make([]Position, len(points)), dispute: dispute, sales: sales}
	for k, p := range points {
		e.pos[k].AsOf = p
	}
	for a := range accounts {
		e.account(a)
	}
	e.items = nil // the last account is not kept
	sales.sum()
	return e.pos
}

// first returns the index of the first point on or after d.
func (e *engine) first(d ledger.Date) int {
	lo, hi := 0, len(e.points)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if e.points[m] < d {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func (e *engine) emit(k int, it *ledger.Item, open ledger.Cents) {
	if k >= e.kMin {
		e.pos[k].add(it, open, e.doubtful, e.dispute)
	}
}

func (e *engine) account(a *ledger.Account) {
	e.items, e.doubtful = a.Items, a.Customer.Doubtful
	items := a.Items
	n := len(e.points)
	e.kMin = 0
	if h := a.History; h != nil {
		e.kMin = e.first(h.Since)
		for k := range e.kMin {
			if b := h.BalanceAt(e.points[k]); e.doubtful {
				e.pos[k].Doubtful += b
			} else {
				e.pos[k].Receivables += b
			}
		}
	}
	var last ledger.Date
	for i := range items {
		it := &items[i]
		last = max(last, it.DocDate, it.Settled) // lastActivity
		if a.History == nil {
			e.sales.add(it)
		}
	}
	if a.History != nil { // items read in part: the sales of the whole history
		for d := range a.History.Sales.Latest() {
			if d.Date < e.sales.base {
				break // before the index's range
			}
			e.sales.addDay(d.Date, d.Amount)
		}
	}
	// At or after the last activity, OpenAt gives the stored open amounts; before it, the
	// state is rebuilt from the lettering (see OpenAt).
	kEnd := e.first(last)
	e.lettered, e.fifo = e.lettered[:0], e.fifo[:0]
	for i := range items {
		it := &items[i]
		if it.Open != 0 {
			for k := kEnd; k < n; k++ {
				e.emit(k, it, it.Open)
			}
		}
		if kEnd == 0 {
			continue
		}
		k0 := e.first(it.DocDate)
		if k0 >= kEnd {
			continue
		}
		switch {
		case it.RebuiltByFIFO():
			e.fifo = append(e.fifo, int32(i))
		case it.Match == "":
			if it.Amount != 0 {
				for k := k0; k < kEnd; k++ {
					e.emit(k, it, it.Amount)
				}
			}
		default:
			// An item in a lettered group is in its group's state at the points from
			// its document date until its settlement; one that is at no point is left out.
			if !it.Settled.Valid() || e.first(it.Settled) > k0 {
				e.lettered = append(e.lettered, int32(i))
			}
		}
	}
	if len(e.lettered) > 0 {
		lt := e.lettered
		sort.SliceStable(lt, func(i, j int) bool { return items[lt[i]].Match < items[lt[j]].Match })
		for i := 0; i < len(lt); {
			j := i + 1
			for j < len(lt) && items[lt[j]].Match == items[lt[i]].Match {
				j++
			}
			e.settle(lt[i:j], true, kEnd)
			i = j
		}
	}
	if len(e.fifo) > 0 {
		e.settle(e.fifo, false, kEnd)
	}
}

// settle replays the function settle of OpenAt for one group of items at each point
// before kEnd where the group exists: the credits present (in due-date order) settle
// the debits present (in due-date order), and what remains open is emitted.
func (e *engine) settle(group []int32, lettered bool, kEnd int) {
	items := e.items
	e.deb, e.cred = e.deb[:0], e.cred[:0]
	kFrom, kTo := kEnd, 0
	for _, i := range group {
		it := &items[i]
		switch {
		case it.Amount > 0:
			e.deb = append(e.deb, i)
		case it.Amount < 0:
			e.cred = append(e.cred, i)
		default:
			continue
		}
		kFrom = min(kFrom, e.first(it.DocDate))
		if !lettered || !it.Settled.Valid() {
			kTo = kEnd
		} else {
			kTo = max(kTo, min(kEnd, e.first(it.Settled)))
		}
	}
	if kFrom >= kTo {
		return
	}
	sortDue(items, e.deb)
	sortDue(items, e.cred)
	for k := kFrom; k < kTo; k++ {
		p := e.points[k]
		present := func(it *ledger.Item) bool {
			return it.DocDate <= p && !(lettered && it.Settled.Valid() && it.Settled <= p)
		}
		var credit ledger.Cents
		for _, i := range e.cred {
			if it := &items[i]; present(it) {
				credit -= it.Amount
			}
		}
		rest := credit
		for _, i := range e.deb {
			it := &items[i]
			if !present(it) {
				continue
			}
			take := min(it.Amount, rest)
			rest -= take
			if open := it.Amount - take; open != 0 {
				e.emit(k, it, open)
			}
		}
		used := credit - rest
		for _, i := range e.cred {
			it := &items[i]
			if !present(it) {
				continue
			}
			take := min(-it.Amount, used)
			used -= take
			if open := it.Amount + take; open != 0 {
				e.emit(k, it, open)
			}
		}
	}
}

// sortDue orders item indexes by due date, then document date, keeping the given order
// on ties (the order of settle in OpenAt).
func sortDue(items []ledger.Item, v []int32) {
	less := func(a, b int32) bool {
		x, y := &items[a], &items[b]
		if x.DueDate != y.DueDate {
			return x.DueDate < y.DueDate
		}
		return x.DocDate < y.DocDate
	}
	if len(v) > 12 {
		sort.SliceStable(v, func(i, j int) bool { return less(v[i], v[j]) })
		return
	}
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && less(v[j], v[j-1]); j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
}

// Since returns the earliest date at which the dashboard of months month ends up to
// asOf (History) looks at the items: its first month end. When the accounts are read in
// part (store.Tx.LoadSince), the sales come from their History, and so do the
// receivables at the beginnings of the CEI periods before that date (their balance by
// day: the CEI uses only the receivables of that position).
func (o KPIOptions) Since(asOf ledger.Date, months int) ledger.Date {
	return HistoryPoints(asOf, max(months, 1))[0]
}
