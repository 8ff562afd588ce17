package importer

import (
	"slices"
	"sort"

	"relance/ledger"
	"relance/ledger/importer/report"
)

// planCustomer is what an import brings for one customer.
type planCustomer struct {
	Customer ledger.Customer
	Items    []ledger.Item
	// dueSet[i] is true when Items[i].DueDate came from the file (DateLimitReglmt or a
	// due-date column); the others are computed from the customer's terms on apply.
	dueSet []bool
	fifo   bool
	// A FEC's customer keeps its items in compact form once derived (compact.go):
	// the scan's line of each item, where what the derivation decided for it is
	// written, and its totals; Items and dueSet are then nil.
	lines     []int32
	seqs      []uint32 // while deriving: the number of each item among those with its base ID
	compacted bool
	nItems    int          // compacted: number of items
	nOpen     int          // compacted: number of open items
	total     ledger.Cents // compacted: Σ open amounts
}

// Balance returns Σ open amounts.
func (p *planCustomer) Balance() ledger.Cents {
	var s ledger.Cents
	for i := range p.Items {
		s += p.Items[i].Open
	}
	return s + p.total
}

// buildFEC turns the receivable lines of a scan into customers and items
// (reference/fec.md §2.5): lettering groups keyed by (account, aux, code); a balanced
// group is closed; the residual of a partial one first settles the unlettered opening
// balances of the other sign (payments lettered with last year's invoices, which the file
// carries as one à-nouveau lump), then stays on the group's own latest debits (or credits):
// a partial payment. Unlettered lines stay open, so a payment the ledger did not match
// stays an unallocated credit. FIFO only for a customer with no lettering at all
// that has both open debits and open credits, and the report says so for each: once the
// accountant letters an account, Relance follows the lettering and nothing else.
func buildFEC(s *scan, rep *report.Collector) []*planCustomer {
	noLettering := s.lettered == 0
	if noLettering && s.nrec > 0 {
		rep.Addf(report.Warning, "import.issue.nolettering", s.file, 0, "EcritureLet", "")
	}
	custs := mergeSameID(s.custs)
	out := make([]*planCustomer, 0, len(custs))
	journals := map[[2]string]journalInfo{}
	for _, cl := range custs {
		pc := &planCustomer{Customer: ledger.Customer{ID: cl.id, Account: cl.account, Name: cl.name},
			Items: make([]ledger.Item, 0, len(cl.lines)), dueSet: make([]bool, 0, len(cl.lines)),
			lines: make([]int32, 0, len(cl.lines)), seqs: make([]uint32, 0, len(cl.lines))}
		seq := map[string]int{}
		type group struct {
			items   []int
			net     ledger.Cents
			settled ledger.Date
		}
		groups := map[string]*group{}
		var gorder []string
		lettered := false
		for _, li := range cl.lines {
			lv := s.view(int(li))
			l := &lv
			if l.net == 0 {
				continue
			}
			kind, flags := classify(l, journals)
			if flags&ledger.FlagDoubtful != 0 {
				pc.Customer.Doubtful = true
			}
			base := itemBase(l)
			seq[base]++
			// Only what the derivation reads: the item is made whole from the scan when it
			// is shown or written (Plan.itemsOf).
			pc.Items = append(pc.Items, ledger.Item{Kind: kind, DocDate: docDate(l), Amount: l.net, Open: l.net,
				Match: l.let, Flags: flags, Line: l.line})
			pc.dueSet = append(pc.dueSet, l.due.Valid())
			pc.lines = append(pc.lines, li)
			pc.seqs = append(pc.seqs, uint32(seq[base]))
			if l.let == "" {
				continue
			}
			lettered = true
			gk := l.account + "\x00" + l.aux + "\x00" + l.let
			g := groups[gk]
			if g == nil {
				g = &group{}
				groups[gk] = g
				gorder = append(gorder, gk)
			}
			g.items = append(g.items, len(pc.Items)-1)
			g.net += l.net
			d := l.dateLet
			if !d.Valid() {
				d = l.date
			}
			if d > g.settled {
				g.settled = d
			}
		}
		// Unlettered opening balances (à-nouveaux), oldest first: what a group lettering
		// last year's invoices, carried there as one lump, settles.
		var opening []int
		for i := range pc.Items {
			if pc.Items[i].Kind == ledger.Opening && pc.Items[i].Match == "" {
				opening = append(opening, i)
			}
		}
		sort.SliceStable(opening, func(a, b int) bool { return pc.Items[opening[a]].DocDate < pc.Items[opening[b]].DocDate })
		for _, gk := range gorder {
			g := groups[gk]
			for _, i := range g.items {
				pc.Items[i].Open = 0
				pc.Items[i].Settled = g.settled
			}
			if g.net == 0 {
				continue
			}
			first := pc.Items[g.items[0]]
			// A residual of the other sign than an open opening balance (payments lettered
			// with last year's invoices, which the file carries as one à-nouveau lump) settles
			// the à-nouveaux first; what is left is a partial payment, and stays on the
			// group's own latest items.
			rest := settleOpening(pc.Items, opening, g.net, g.settled)
			if rest != g.net {
				rep.Addf(report.Info, "import.issue.letopening", s.file, first.Line, "EcritureLet",
					first.Match, "amount", (g.net - rest).String(), "customer", cl.id)
			}
			if rest != 0 {
				rep.Addf(report.Info, "import.issue.letgroup", s.file, first.Line, "EcritureLet",
					first.Match, "amount", rest.String(), "customer", cl.id)
				spread(pc.Items, g.items, rest)
			}
		}
		hasDebit, hasCredit := false, false
		for i := range pc.Items {
			hasDebit = hasDebit || pc.Items[i].Open > 0
			hasCredit = hasCredit || pc.Items[i].Open < 0
		}
		if !lettered && hasDebit && hasCredit {
			fifo(pc)
			if !noLettering { // a file without any lettering is said once, above
				rep.Addf(report.Warning, "import.issue.fifo", s.file, pc.Items[0].Line, "EcritureLet", cl.id)
			}
		}
		// Σ open items must equal the customer's balance (all its lines, à-nouveaux
		// included); the derivation guarantees it, this guards against regressions.
		var bal ledger.Cents
		for _, li := range cl.lines {
			bal += s.rec(int(li)).net
		}
		if got := pc.Balance(); got != bal {
			rep.Addf(report.Error, "import.issue.reconcile", s.file, 0, "", cl.id, "open", got.String(), "balance", bal.String())
		}
		pc.compact(s)
		out = append(out, pc)
	}
	return out
}

// settleOpening applies a lettering group's residual net to the open opening balances of
// the other sign, oldest first, and returns what is left of it.
func settleOpening(items []ledger.Item, opening []int, net ledger.Cents, settled ledger.Date) ledger.Cents {
	for _, i := range opening {
		o := items[i].Open
		if net == 0 {
			break
		}
		if o == 0 || (o > 0) == (net > 0) {
			continue
		}
		take := -net
		if (o > 0 && take > o) || (o < 0 && take < o) {
			take = o
		}
		items[i].Open -= take
		net += take
		if items[i].Open == 0 {
			items[i].Settled = settled
		}
	}
	return net
}

// spread leaves a group's residual net open on its latest items of the same sign
// (latest debits for a debit residual, latest credits for a credit one).
func spread(items []ledger.Item, idx []int, net ledger.Cents) {
	cand := make([]int, 0, len(idx))
	for _, i := range idx {
		if (net > 0) == (items[i].Amount > 0) {
			cand = append(cand, i)
		}
	}
	sort.SliceStable(cand, func(a, b int) bool {
		x, y := &items[cand[a]], &items[cand[b]]
		if x.DocDate != y.DocDate {
			return x.DocDate > y.DocDate
		}
		return x.Line > y.Line
	})
	rest := net
	for _, i := range cand {
		if rest == 0 {
			break
		}
		part := items[i].Amount
		if (net > 0 && part > rest) || (net < 0 && part < rest) {
			part = rest
		}
		items[i].Open = part
		items[i].Settled = ledger.NoDate
		rest -= part
	}
}

// fifo applies the customer's open credits to its oldest open debits (the usual
// credit-management heuristic when lettering is absent or inconsistent) and flags
// every item FlagFIFO.
func fifo(pc *planCustomer) {
	pc.fifo = true
	var debits, credits []int
	for i := range pc.Items {
		pc.Items[i].Flags |= ledger.FlagFIFO
		switch {
		case pc.Items[i].Open > 0:
			debits = append(debits, i)
		case pc.Items[i].Open < 0:
			credits = append(credits, i)
		}
	}
	byDate := func(v []int) {
		sort.SliceStable(v, func(a, b int) bool {
			x, y := &pc.Items[v[a]], &pc.Items[v[b]]
			if x.DocDate != y.DocDate {
				return x.DocDate < y.DocDate
			}
			return x.Line < y.Line
		})
	}
	byDate(debits)
	byDate(credits)
	d := 0
	for _, ci := range credits {
		c := &pc.Items[ci]
		for c.Open < 0 && d < len(debits) {
			db := &pc.Items[debits[d]]
			take := min(db.Open, -c.Open)
			db.Open -= take
			c.Open += take
			when := max(db.DocDate, c.DocDate)
			if db.Open == 0 {
				db.Settled = when
				d++
			}
			if c.Open == 0 {
				c.Settled = when
			}
		}
	}
}

// mergeSameID sorts customers by ID and merges those that share one (an auxiliary
// account number equal to another line's 411 account), keeping lines in file order.
func mergeSameID(in []*custLines) []*custLines {
	custs := append([]*custLines(nil), in...)
	sort.SliceStable(custs, func(i, j int) bool { return custs[i].id < custs[j].id })
	out := custs[:0]
	for _, cl := range custs {
		if n := len(out); n > 0 && out[n-1].id == cl.id {
			prev := out[n-1]
			merged := &custLines{id: prev.id, account: prev.account, name: prev.name, aux: prev.aux, idx: prev.idx}
			merged.lines = append(append(merged.lines, prev.lines...), cl.lines...)
			slices.Sort(merged.lines)
			if merged.name == "" {
				merged.name = cl.name
			}
			out[n-1] = merged
			continue
		}
		out = append(out, cl)
	}
	return out
}
