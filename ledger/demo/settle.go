package demo

import (
	"fmt"
	"strings"

	"relance/ledger"
)

// How each invoice is settled: planned first (so that scale mode can fit an exact
// number of items), then written with its payments, credit notes and lettering.

// plan draws how an invoice will be settled, so that its number of items is known
// before it is written (scale mode fits each customer's item quota exactly).
func (b *builder) plan(e *invoiceEvent) {
	r := b.rng
	a := e.a
	span := float64(b.s.today.DaysSince(b.start))
	frac := float64(e.date.DaysSince(b.start)) / span
	due := a.terms.Due(e.date)
	if b.s.named && r.IntN(25) == 0 {
		e.creditAt = e.date.AddDays(5 + r.IntN(15))
		e.creditFrac = 0.1 + 0.2*r.Float64()
		if e.creditAt > b.s.today {
			e.creditAt = ledger.NoDate
		}
	}
	late, pays := b.delay(a.prof, frac)
	e.payAt = due.AddDays(late)
	if e.payAt <= e.date {
		e.payAt = e.date.AddDays(1 + r.IntN(3))
	}
	if !pays || e.payAt > b.s.today {
		e.payAt = ledger.NoDate
		return
	}
	e.payFrac = 1
	if a.prof == partial && r.IntN(3) > 0 {
		e.payFrac = 0.5 + 0.3*r.Float64()
		if r.IntN(2) == 0 {
			e.restAt = e.payAt.AddDays(25 + r.IntN(40))
			if e.restAt > b.s.today {
				e.restAt = ledger.NoDate
			}
		}
	}
}

// cost is the number of items the invoice will produce.
func (e *invoiceEvent) cost() int {
	n := 1
	if e.creditAt.Valid() {
		n++
	}
	if e.payAt.Valid() {
		n++
		if e.restAt.Valid() {
			n++
		}
	}
	return n
}

// fit trims the customer's planned invoices to exactly its quota of items, keeping the
// most recent history: the oldest invoices go first, and an invoice that does not fit
// whole is left unpaid (one item) so that older ones can fill the remaining room.
func fit(events []*invoiceEvent, quota int) []*invoiceEvent {
	used, first := 0, len(events)
	for i := len(events) - 1; i >= 0 && used < quota; i-- {
		e := events[i]
		if used+e.cost() > quota {
			e.creditAt, e.restAt, e.payAt = ledger.NoDate, ledger.NoDate, ledger.NoDate
		}
		used += e.cost()
		first = i
	}
	return events[first:]
}

func (b *builder) settle(e *invoiceEvent) {
	a := e.a
	num := b.nextNumber("FA", e.date, 5)
	inv := ledger.Item{
		ID: "VE:" + num, Customer: a.c.ID, Kind: ledger.Invoice, Number: num, Journal: "VE",
		Label: "Facture " + num, DocDate: e.date, DueDate: a.terms.Due(e.date), Amount: e.amount, Open: e.amount,
	}
	var credit *ledger.Item
	if e.creditAt.Valid() {
		cn := b.nextNumber("AV", e.creditAt, 4)
		amt := -ledger.Cents(float64(e.amount) * e.creditFrac)
		credit = &ledger.Item{ID: "VE:" + cn, Customer: a.c.ID, Kind: ledger.CreditNote, Number: cn, Journal: "VE",
			Label: "Avoir " + cn + " sur " + num, DocDate: e.creditAt, DueDate: e.creditAt, Amount: amt}
		inv.Open += amt
	}
	if !e.payAt.Valid() {
		if credit != nil {
			m := strings.ToLower(a.nextMatch()) // partial lettering, lower case as in many French packages
			inv.Match, credit.Match = m, m
			a.items = append(a.items, *credit)
		}
		a.items = append(a.items, inv)
		return
	}
	pay := inv.Open
	if e.payFrac < 1 {
		pay = ledger.Cents(float64(pay)*e.payFrac) / 100 * 100
	}
	m := a.nextMatch()
	p := b.payment(a, e.payAt, pay, num)
	inv.Open -= pay
	group := []*ledger.Item{&inv, &p}
	if credit != nil {
		group = append(group, credit)
	}
	settled := e.payAt
	if inv.Open > 0 && e.restAt.Valid() {
		// The rest of a partial payment, later, when the customer gets round to it.
		p2 := b.payment(a, e.restAt, inv.Open, num)
		inv.Open = 0
		group = append(group, &p2)
		settled = e.restAt
	}
	if inv.Open > 0 {
		m, settled = strings.ToLower(m), ledger.NoDate // partial lettering
	}
	for _, it := range group {
		it.Match, it.Settled = m, settled
		a.items = append(a.items, *it)
	}
}

func (b *builder) payment(a *acct, d ledger.Date, amount ledger.Cents, ref string) ledger.Item {
	n := b.nextNumber("RG", d, 6)
	label := "Virement reçu " + a.c.Name
	if b.rng.IntN(5) == 0 && a.c.Kind != ledger.PublicBody {
		b.chq++
		label = fmt.Sprintf("Chèque n° %07d", 1000000+b.chq*37)
	}
	if ref != "" {
		label += " – " + ref
	}
	return ledger.Item{ID: "BQ:" + n, Customer: a.c.ID, Kind: ledger.Payment, Number: n, Journal: "BQ",
		Label: label, DocDate: d, DueDate: d, Amount: -amount}
}

// extras adds what a real ledger always has: unapplied payments, two returned cheques,
// and two accounts moved to doubtful receivables (416).
func (b *builder) extras() {
	r := b.rng
	var unapplied, cheques, doubtful int
	for _, a := range b.accts {
		if a.c.Kind == ledger.Business && a.prof == punctual && unapplied < 6 && r.IntN(8) == 0 {
			d := b.s.today.AddDays(-5 - r.IntN(60))
			p := b.payment(a, d, ledger.Cents(100*(100+r.IntN(20)*50)), "")
			p.Label = "Virement non affecté " + a.c.Name
			p.Open = p.Amount
			a.items = append(a.items, p)
			unapplied++
		}
		if a.c.Kind == ledger.Business && (a.prof == late || a.prof == stopped) && cheques < 2 && len(a.items) > 3 {
			d := b.s.today.AddDays(-20 - r.IntN(40))
			num := b.nextNumber("OD", d, 4)
			amt := ledger.Cents(100 * (800 + r.IntN(3000)))
			a.items = append(a.items, ledger.Item{ID: "OD:" + num, Customer: a.c.ID, Kind: ledger.Adjustment,
				Number: num, Journal: "OD", Label: "Chèque impayé retourné par la banque", DocDate: d, DueDate: d,
				Amount: amt, Open: amt, Flags: ledger.FlagUnpaidCheque})
			cheques++
		}
		if a.prof == veryLate && a.c.Kind == ledger.Business && doubtful < 2 {
			a.c.Doubtful = true
			a.c.Account = "416" + a.c.ID[1:]
			for i := range a.items {
				if a.items[i].Open != 0 {
					a.items[i].Flags |= ledger.FlagDoubtful
				}
			}
			doubtful++
		}
	}
}
