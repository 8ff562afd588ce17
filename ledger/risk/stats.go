package risk

import (
	"relance/ledger"
)

// window holds the as-of date and the boundaries every account is measured against,
// computed once per assessment (month arithmetic is not free).
type window struct {
	asOf           ledger.Date
	m1, m2, m3     ledger.Date // asOf − 1, 2, 3 months
	m6, m12, m15   ledger.Date
	bounce, broken ledger.Date // start (exclusive) of the signal windows
	dispute, term  ledger.Date
}

func newWindow(asOf ledger.Date, s SignalPolicy) window {
	return window{asOf: asOf, m1: asOf.AddMonths(-1), m2: asOf.AddMonths(-2), m3: asOf.AddMonths(-3),
		m6: asOf.AddMonths(-6), m12: asOf.AddMonths(-12), m15: asOf.AddMonths(-15),
		bounce: asOf.AddDays(-s.BounceDays), broken: asOf.AddDays(-s.BrokenDays),
		dispute: asOf.AddDays(-s.DisputeDays), term: asOf.AddDays(-s.TermDays)}
}

// lateAvg accumulates days late weighted by amount.
type lateAvg struct {
	n        int
	amount   ledger.Cents
	weighted int64
}

func (l *lateAvg) add(amount ledger.Cents, days int) {
	l.n++
	l.amount += amount
	l.weighted += int64(amount) * int64(days)
}

// days returns the weighted average in whole days (rounded half away from zero), and
// false when there is nothing to average.
func (l *lateAvg) days() (int, bool) {
	if l.amount <= 0 {
		return 0, false
	}
	w, a := l.weighted, int64(l.amount)
	if w >= 0 {
		return int((w + a/2) / a), true
	}
	return int((w - a/2) / a), true
}

// lateItem is an invoice paid late, kept as evidence.
type lateItem struct {
	number  string
	settled ledger.Date
	amount  ledger.Cents
	days    int
}

// group is a lettering group, for partial payments.
type group struct {
	net      ledger.Cents
	smallest ledger.Cents
	invoices int
	first    string // number of the group's first invoice of the 12-month window
	date     ledger.Date
}

// stats are the figures of one account, gathered in one pass over its items.
type stats struct {
	balance, overdue     ledger.Cents
	openLate             lateAvg // overdue open invoices: days past due
	late12, late6, prev6 lateAvg // settled invoices by settlement date
	recent, base         lateAvg // settled in (m3, asOf] and (m15, m3]
	recentWorst          []lateItem
	sales12, sales3      ledger.Cents
	salesPrev3           ledger.Cents
	lastInvoice          ledger.Date
	// debits open and overdue at asOf, m1, m2, m3 (approximation, see approxOpen),
	// and the net balance at m3.
	openAt, overdueAt [4]ledger.Cents
	balanceM3         ledger.Cents
	balanceNow        ledger.Cents // same approximation at asOf
	partial, paid     int
	partialRefs       []Evidence
	bounced           []Evidence
	doubtful          []Evidence
	lastOverdueDue    ledger.Date
}

// gather reads the account's items once. groups is scratch space reused across
// accounts. When the account has activity after asOf (an assessment at a past date),
// the open amounts at asOf are rebuilt (openAt, else approxOpen) and the pass is made
// again.
func gather(a *ledger.Account, w *window, openAt OpenAtFunc, groups *groupTable, pool *[]group) stats {
	s, future := gatherWith(a, w, nil, groups, pool)
	if !future {
		return s
	}
	if openAt == nil {
		openAt = approxOpen
	}
	s, _ = gatherWith(a, w, openAt(a, w.asOf), groups, pool)
	return s
}

// OpenAtFunc returns the open amount at asOf of each item of a that was open then
// (items absent from the map were not). Callers pass credit.OpenAtMap, which rebuilds
// the lettering faithfully; risk does not import credit, so that the demo package
// (which records risk data) stays importable from credit's tests.
type OpenAtFunc = ledger.OpenAtFunc

// approxOpen is the open amounts at a past asOf when no OpenAtFunc is given: an item
// settled after asOf was wholly open then; one never settled carries its open amount.
func approxOpen(a *ledger.Account, asOf ledger.Date) map[*ledger.Item]ledger.Cents {
	m := map[*ledger.Item]ledger.Cents{}
	for i := range a.Items {
		it := &a.Items[i]
		switch {
		case it.DocDate > asOf:
		case it.Settled.Valid():
			if it.Settled > asOf {
				m[it] = it.Amount
			}
		case it.Open != 0:
			m[it] = it.Open
		}
	}
	return m
}

// gatherWith makes the pass, with the open amounts of opens when not nil (else the
// stored ones), and reports whether an item is dated or settled after asOf. An account
// read in part (History) adds its past items: closed, so open at no date it looks at
// since History.Since, they count in the payment behaviour (visit) only.
func gatherWith(a *ledger.Account, w *window, opens map[*ledger.Item]ledger.Cents, groups *groupTable, pool *[]group) (s stats, future bool) {
	asOf := w.asOf
	groups.reset(len(a.Items))
	*pool = (*pool)[:0]
	for i := range a.Items {
		it := &a.Items[i]
		if it.Settled > asOf {
			future = true
		}
		if it.DocDate > asOf {
			future = true
			continue
		}
		open := it.Open
		if opens != nil {
			open = opens[it]
		}
		if open != 0 {
			s.balance += open
			if open > 0 && it.DueDate.Valid() && it.DueDate < asOf {
				s.overdue += open
				s.openLate.add(open, asOf.DaysSince(it.DueDate))
				if it.DueDate > s.lastOverdueDue {
					s.lastOverdueDue = it.DueDate
				}
			}
			if it.Flags&ledger.FlagDoubtful != 0 && open > 0 {
				s.doubtful = append(s.doubtful, Evidence{Date: it.DocDate, Ref: it.Number, Amount: open,
					Reason: reason("risk.ev.doubtful_item", "ref", it.Number, "amount", txt(open), "date", txt(it.DocDate))})
			}
		}
		var g *group
		if it.Match != "" && it.Flags&ledger.FlagFIFO == 0 && it.DocDate > w.m12 {
			gi := groups.find(it.Match, len(*pool))
			if gi == len(*pool) {
				*pool = append(*pool, group{})
			}
			g = &(*pool)[gi]
		}
		s.visit(w, &view{kind: it.Kind, flags: it.Flags, doc: it.DocDate, due: it.DueDate, settled: it.Settled,
			amount: it.Amount, open: it.Open, number: it.Number}, g)
		if a.History == nil && it.IsSale() {
			s.addSale(w, it.DocDate, it.Amount)
			if it.Kind == ledger.Invoice && it.DocDate > s.lastInvoice {
				s.lastInvoice = it.DocDate
			}
		}
	}
	if h := a.History; h != nil { // items read in part
		groups.numbered = groups.numbered[:0]
		for p := range h.Past.All() {
			if p.DocDate > asOf {
				continue // never: an account is read in part at or after its last activity
			}
			var g *group
			if p.Group > 0 && p.DocDate > w.m12 {
				for len(groups.numbered) <= p.Group {
					groups.numbered = append(groups.numbered, -1)
				}
				if groups.numbered[p.Group] < 0 {
					groups.numbered[p.Group] = int32(len(*pool))
					*pool = append(*pool, group{})
				}
				g = &(*pool)[groups.numbered[p.Group]]
			}
			s.visit(w, &view{kind: p.Kind, flags: p.Flags, doc: p.DocDate, due: p.DueDate, settled: p.Settled,
				amount: p.Amount, number: p.Number}, g)
		}
		for d := range h.Sales.Latest() { // the sales of the whole history
			if d.Date <= w.m12 {
				break // addSale counts the last 12 months only
			}
			if d.Date <= asOf {
				s.addSale(w, d.Date, d.Amount)
			}
		}
		if h.LastInvoice <= asOf {
			s.lastInvoice = h.LastInvoice
		}
	}
	for gi := range *pool {
		g := &(*pool)[gi]
		if g.smallest == 0 || g.invoices == 0 {
			continue
		}
		s.paid += g.invoices
		if g.smallest < g.net {
			s.partial += g.invoices
			s.partialRefs = append(s.partialRefs, Evidence{Date: g.date, Ref: g.first, Amount: g.net,
				Reason: reason("risk.ev.partial", "ref", g.first, "amount", txt(g.net), "paid_amount", txt(g.smallest), "date", txt(g.date))})
		}
	}
	sortEvidence(s.partialRefs) // the five latest as evidence
	if len(s.partialRefs) > 5 {
		s.partialRefs = s.partialRefs[:5]
	}
	return s, future
}

// view is what visit reads of an item: a ledger.Item, or a past item of an account read
// in part (ledger.PastItem, closed).
type view struct {
	kind              ledger.ItemKind
	flags             uint32
	doc, due, settled ledger.Date
	amount, open      ledger.Cents
	number            string
}

// visit counts an item dated on or before the as-of date in the payment behaviour: its
// approximate open amounts at the month points, its lateness if it is a paid invoice, a
// bounced payment, and its lettering group g (nil: none, or out of the 12-month window).
func (s *stats) visit(w *window, v *view, g *group) {
	// Approximate open amounts at the month points: a settled debit was wholly open from
	// its date to its settlement; an unsettled one carries its open amount now.
	for k, d := range [4]ledger.Date{w.asOf, w.m1, w.m2, w.m3} {
		if v.doc > d {
			continue
		}
		var o ledger.Cents
		switch {
		case v.settled.Valid():
			if v.settled > d {
				o = v.amount
			}
		default:
			o = v.open
		}
		if k == 0 {
			s.balanceNow += o
		}
		if k == 3 {
			s.balanceM3 += o
		}
		if o > 0 {
			s.openAt[k] += o
			if v.due.Valid() && v.due < d {
				s.overdueAt[k] += o
			}
		}
	}
	if v.kind == ledger.Invoice && v.amount > 0 && v.settled.Valid() && v.settled <= w.asOf && v.due.Valid() && v.settled > w.m15 {
		days := v.settled.DaysSince(v.due)
		if v.settled > w.m12 {
			s.late12.add(v.amount, days)
			if v.settled > w.m6 {
				s.late6.add(v.amount, days)
			} else {
				s.prev6.add(v.amount, days)
			}
		}
		if v.settled > w.m3 {
			s.recent.add(v.amount, days)
			s.recentWorst = keepWorst(s.recentWorst, lateItem{v.number, v.settled, v.amount, days})
		} else {
			s.base.add(v.amount, days)
		}
	}
	if v.flags&(ledger.FlagUnpaidCheque|ledger.FlagRejectedDebit) != 0 && v.doc > w.bounce {
		key := "risk.ev.unpaid_cheque"
		if v.flags&ledger.FlagUnpaidCheque == 0 {
			key = "risk.ev.rejected_debit"
		}
		amt := v.amount
		if amt < 0 {
			amt = -amt
		}
		s.bounced = append(s.bounced, Evidence{Date: v.doc, Ref: v.number, Amount: amt,
			Reason: reason(key, "ref", v.number, "amount", txt(amt), "date", txt(v.doc))})
	}
	if g == nil {
		return
	}
	switch v.kind {
	case ledger.Invoice, ledger.CreditNote:
		g.net += v.amount
		if v.kind == ledger.Invoice {
			g.invoices++
			if g.first == "" {
				g.first, g.date = v.number, v.doc
			}
		}
	case ledger.Payment:
		if pay := -v.amount; pay > 0 && v.doc <= w.asOf && (g.smallest == 0 || pay < g.smallest) {
			g.smallest = pay
		}
	}
}

// addSale counts sales of amount dated d in the 12-month, 3-month and previous 3-month
// sales.
func (s *stats) addSale(w *window, d ledger.Date, amount ledger.Cents) {
	if d > w.m12 {
		s.sales12 += amount
		if d > w.m3 {
			s.sales3 += amount
		} else if d > w.m6 {
			s.salesPrev3 += amount
		}
	}
}

// groupTable maps lettering codes to group indexes: an open-addressing table reused
// from account to account (cheaper than a Go map cleared each time).
type groupTable struct {
	keys []string
	idx  []int32
	mask uint32
	// numbered maps the numbered groups of an account's past items to their indexes
	// (-1: none yet).
	numbered []int32
}

// reset empties the table and sizes it for n keys.
func (t *groupTable) reset(n int) {
	size := 16
	for size < 2*n {
		size *= 2
	}
	if cap(t.keys) < size {
		t.keys, t.idx = make([]string, size), make([]int32, size)
	} else {
		t.keys, t.idx = t.keys[:size], t.idx[:size]
		clear(t.keys)
	}
	t.mask = uint32(size - 1)
}

// find returns the index of key, or adds it with index next and returns next.
func (t *groupTable) find(key string, next int) int {
	h := uint32(2166136261)
	for i := 0; i < len(key); i++ {
		h = (h ^ uint32(key[i])) * 16777619
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case "":
			t.keys[i], t.idx[i] = key, int32(next)
			return next
		case key:
			return int(t.idx[i])
		}
	}
}

// keepWorst keeps the three latest-paid invoices, worst first (then the latest settled,
// then by number and amount: an order that does not depend on the items' order).
func keepWorst(v []lateItem, li lateItem) []lateItem {
	v = append(v, li)
	for i := len(v) - 1; i > 0 && worse(v[i], v[i-1]); i-- {
		v[i], v[i-1] = v[i-1], v[i]
	}
	if len(v) > 3 {
		v = v[:3]
	}
	return v
}

// worse reports whether a comes before b among the worst late payments.
func worse(a, b lateItem) bool {
	switch {
	case a.days != b.days:
		return a.days > b.days
	case a.settled != b.settled:
		return a.settled > b.settled
	case a.number != b.number:
		return a.number < b.number
	}
	return a.amount > b.amount
}

// Since returns the earliest date at which the assessment at asOf with policy p looks
// at the items: the payments of the last 15 months, the unpaid cheques and rejected
// debits of the bounce window, the month points. The sales and the last invoice before
// it come from the accounts' History when they are read in part (store.Tx.LoadSince);
// the promises and plans, whose state adds up the payments since they were made, are
// the caller's to add (desk.Reach).
func Since(asOf ledger.Date, p Policy) ledger.Date {
	w := newWindow(asOf, p.Signals)
	return min(w.m15, w.m12, w.m3, w.bounce)
}
