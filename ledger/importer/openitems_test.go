package importer

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/credit"
)

// lettered ledger generator: every customer's open lines are known, and the imported
// buckets must equal them to the cent (issue 26). An opening lump is "open" for what the
// payments lettered with last year's invoices did not pay.
type genLedger struct {
	lines []entryLine
	open  map[string]ledger.Cents // customer|piece → what the ledger leaves open
	fifo  map[string]bool         // customers with no lettering at all and open credits
	n     int
}

func (g *genLedger) entry(j, date, aux, name, piece, lib string, d, c int64, let, dateLet string) {
	g.n++
	num := fmt.Sprint(g.n)
	jlib := map[string]string{"VE": "Ventes", "BQ": "Banque", "ANO": "À nouveaux"}[j]
	g.lines = append(g.lines, entryLine{j, jlib, num, date, "411000", "Clients", aux, name, piece, date, lib, d, c, let, dateLet})
	other := map[string]string{"VE": "706000", "BQ": "512000", "ANO": "890000"}[j]
	g.lines = append(g.lines, entryLine{j, jlib, num, date, other, "Contrepartie", "", "", piece, date, lib, c, d, "", ""})
}

// genLettered writes n customers: invoices paid in full and lettered, paid in part (the
// payment lettered with its invoice, a partial group), paid by two lettered payments,
// left open; unlettered payments and credit notes; some customers with no lettering at all.
func genLettered(n int, seed uint64) *genLedger {
	r := rand.New(rand.NewPCG(seed, 7))
	g := &genLedger{open: map[string]ledger.Cents{}, fifo: map[string]bool{}}
	day := func(base ledger.Date, span int) (ledger.Date, string) {
		d := base.AddDays(r.IntN(span))
		return d, strings.ReplaceAll(d.String(), "-", "")
	}
	start := ledger.NewDate(2025, 6, 1)
	for c := 0; c < n; c++ {
		aux := fmt.Sprintf("C%04d", c)
		name := fmt.Sprintf("Client %d", c)
		noLettering := c%7 == 3
		letters := 0
		code := func() string { letters++; return fmt.Sprintf("%s%d", string(rune('A'+c%26)), letters) }
		hasCredit, hasDebit := false, false
		if c%5 == 1 { // last year's invoices as one opening lump, paid in part by payments lettered
			// with those invoices (absent from the file): alone, or with this year's invoice
			lump := int64(100000 + r.IntN(900000))
			paid := int64(0)
			g.entry("ANO", "20250601", aux, name, "RAN", "Report à nouveau", lump, 0, "", "")
			for k := 0; k < 1+r.IntN(3); k++ {
				amt := lump / 5
				_, d := day(start.AddDays(5), 60)
				g.entry("BQ", d, aux, name, fmt.Sprintf("VIRAN%d", k), "Virement", 0, amt, code(), d)
				paid += amt
			}
			if r.IntN(2) == 0 { // one payment for this year's invoice and some of last year's
				inv, over := int64(20000+r.IntN(50000)), lump/10
				_, d := day(start.AddDays(20), 60)
				k := code()
				g.entry("VE", d, aux, name, fmt.Sprintf("F%04d-N", c), "Facture", inv, 0, k, d)
				g.entry("BQ", d, aux, name, fmt.Sprintf("VIRNX%04d", c), "Virement", 0, inv+over, k, d)
				paid += over
			}
			g.open[aux+"|RAN"] = ledger.Cents(lump - paid)
			hasDebit = true
		}
		for i := 0; i < 1+r.IntN(8); i++ {
			piece := fmt.Sprintf("F%04d-%d", c, i)
			amt := int64(1000 + r.IntN(500000))
			docD, doc := day(start, 520)
			pay, payS := day(docD.AddDays(10), 90)
			outcome := r.IntN(10)
			if noLettering {
				outcome = 9
			}
			switch {
			case outcome < 4: // paid in full, lettered
				k := code()
				g.entry("VE", doc, aux, name, piece, "Facture "+piece, amt, 0, k, payS)
				g.entry("BQ", payS, aux, name, "VIR"+piece, "Virement", 0, amt, k, payS)
			case outcome < 6: // part payment lettered with its invoice: the rest stays on the invoice
				k := code()
				part := amt * int64(20+r.IntN(60)) / 100
				g.entry("VE", doc, aux, name, piece, "Facture "+piece, amt, 0, k, payS)
				g.entry("BQ", payS, aux, name, "VIR"+piece, "Acompte", 0, part, k, payS)
				g.open[aux+"|"+piece] = ledger.Cents(amt - part)
				hasDebit = true
			case outcome < 7: // two payments, lettered together
				k := code()
				part := amt / 3
				g.entry("VE", doc, aux, name, piece, "Facture "+piece, amt, 0, k, payS)
				g.entry("BQ", payS, aux, name, "CHQ"+piece, "Chèque", 0, part, k, payS)
				_, pay2 := day(pay.AddDays(1), 30)
				g.entry("BQ", pay2, aux, name, "VIR"+piece, "Virement", 0, amt-part, k, payS)
			default: // open
				g.entry("VE", doc, aux, name, piece, "Facture "+piece, amt, 0, "", "")
				g.open[aux+"|"+piece] = ledger.Cents(amt)
				hasDebit = true
			}
		}
		if r.IntN(3) == 0 { // a payment the ledger did not match
			_, d := day(start.AddDays(400), 150)
			amt := int64(500 + r.IntN(200000))
			piece := fmt.Sprintf("VIRX%04d", c)
			g.entry("BQ", d, aux, name, piece, "Virement non identifié", 0, amt, "", "")
			g.open[aux+"|"+piece] = ledger.Cents(-amt)
			hasCredit = true
		}
		if r.IntN(5) == 0 { // a credit note not yet lettered
			_, d := day(start.AddDays(300), 200)
			amt := int64(500 + r.IntN(50000))
			piece := fmt.Sprintf("AV%04d", c)
			g.entry("VE", d, aux, name, piece, "Avoir "+piece, 0, amt, "", "")
			g.open[aux+"|"+piece] = ledger.Cents(-amt)
			hasCredit = true
		}
		if letters == 0 && hasCredit && hasDebit { // noLettering, or only open invoices drawn
			g.fifo[aux] = true
		}
	}
	return g
}

// Lettered customers keep exactly the ledger's open lines — a partial group's rest on its
// invoice, unmatched payments and credit notes as unallocated credits — so their aged
// buckets equal the buckets of those lines to the cent; FIFO only for customers with no
// lettering at all, each named in the report.
func TestOpenItemsFollowLettering(t *testing.T) {
	g := genLettered(400, 26)
	path := writeFile(t, "123456789FEC20261130.txt", variants[0].render(g.lines))
	p := prepared(t, path)
	// Each FIFO customer is named (the report keeps the first examples and counts them all).
	reported := map[string]bool{}
	for _, is := range p.rep.Issues() {
		if is.Key == "import.issue.fifo" {
			reported[is.Value] = true
		}
	}
	nReported := 0
	for _, c := range p.rep.Counts() {
		if c.Key == "import.issue.fifo" {
			nReported = c.N
		}
	}
	if nReported != len(g.fifo) {
		t.Errorf("report names %d FIFO customers, want %d", nReported, len(g.fifo))
	}
	var accounts []*ledger.Account
	want := map[string]*ledger.Account{}
	checked, fifoSeen := 0, 0
	for _, pc := range p.customers {
		id := pc.Customer.ID
		items, _ := p.itemsOf(pc)
		for i := range items { // as Apply does for a file without DateLimitReglmt: 30 days net
			if !items[i].DueDate.Valid() {
				items[i].DueDate = ledger.DefaultTerms.Due(items[i].DocDate)
			}
		}
		accounts = append(accounts, &ledger.Account{Customer: pc.Customer, Items: items})
		if g.fifo[id] != pc.fifo || (reported[id] && !g.fifo[id]) {
			t.Errorf("%s: FIFO %v, reported %v, want %v", id, pc.fifo, reported[id], g.fifo[id])
		}
		if pc.fifo {
			fifoSeen++
			continue
		}
		// The ledger's open lines, with the due dates the import gave them.
		exp := &ledger.Account{Customer: pc.Customer}
		for _, it := range items {
			o := g.open[id+"|"+it.Number]
			if it.Open != o {
				t.Errorf("%s %s: open %s, ledger leaves %s", id, it.Number, it.Open, o)
			}
			if it.Flags&ledger.FlagFIFO != 0 {
				t.Errorf("%s %s flagged FIFO", id, it.Number)
			}
			e := it
			e.Open, e.Settled = o, ledger.NoDate
			if o == 0 {
				e.Settled = it.Settled
			}
			exp.Items = append(exp.Items, e)
		}
		want[id] = exp
		checked++
	}
	if checked < 300 || fifoSeen == 0 {
		t.Fatalf("generator too narrow: %d lettered customers checked, %d FIFO", checked, fifoSeen)
	}

	asOf := ledger.NewDate(2026, 12, 4)
	s := ledger.DefaultSettings()
	got := credit.AgedBalance(ledger.NewBook(s, nil, accounts), asOf, func(a *ledger.Account) bool { return !g.fifo[a.Customer.ID] })
	var exp []*ledger.Account
	for _, a := range want {
		exp = append(exp, a)
	}
	ref := credit.AgedBalance(ledger.NewBook(s, nil, exp), asOf, nil)
	if len(got.Lines) != len(ref.Lines) {
		t.Fatalf("%d aged lines, want %d", len(got.Lines), len(ref.Lines))
	}
	for i := range got.Lines {
		a, b := got.Lines[i].Buckets, ref.Lines[i].Buckets
		if a.NotDue != b.NotDue || a.Credits != b.Credits || fmt.Sprint(a.Late) != fmt.Sprint(b.Late) {
			t.Errorf("%s: buckets %+v, ledger's open lines give %+v", got.Lines[i].Customer.ID, a, b)
		}
	}
	if got.Total.Credits == 0 || got.Total.Late[len(got.Total.Late)-1] == 0 {
		t.Errorf("the generated ledger should have unallocated credits and > 90 days: %+v", got.Total)
	}
	t.Logf("%d customers checked to the cent (%d FIFO), credits %s, > 90 days %s", checked, fifoSeen,
		got.Total.Credits, got.Total.Late[len(got.Total.Late)-1])
}
