package law

import (
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/credit"
)

// paidAccount is a customer of kind k with one invoice of amount due on due, lettered
// with payments (date, amount) given as "YYYY-MM-DD:AMOUNT".
func paidAccount(k ledger.CustomerKind, amount, docDate, due string, pays ...string) *ledger.Account {
	acc := &ledger.Account{Customer: ledger.Customer{ID: "C1", Name: "Client", Kind: k}}
	inv := ledger.Item{ID: "I1", Customer: "C1", Kind: ledger.Invoice, Number: "F100", DocDate: day(docDate), DueDate: day(due),
		Amount: cents(amount), Open: cents(amount), Match: "A"}
	var items []ledger.Item
	var last ledger.Date
	for i, p := range pays {
		ds, as, _ := strings.Cut(p, ":")
		a := cents(as)
		items = append(items, ledger.Item{ID: "P" + string(rune('1'+i)), Customer: "C1", Kind: ledger.Payment, Number: "VIR",
			DocDate: day(ds), DueDate: day(ds), Amount: -a, Match: "A"})
		inv.Open -= a
		last = day(ds)
	}
	if inv.Open == 0 {
		inv.Settled = last
		for i := range items {
			items[i].Settled = last
		}
	} else {
		for i := range items { // a partly paid invoice: the payments are lettered, open 0 each
			items[i].Open = 0
		}
	}
	acc.Items = append([]ledger.Item{inv}, items...)
	ledger.SortItems(acc.Items)
	return acc
}

func underEnglishLaw(acc *ledger.Account) *ledger.Account {
	acc.Customer.Law = "GB"
	return acc
}

func TestSettlementsFromLettering(t *testing.T) {
	acc := paidAccount(ledger.Business, "10000", "2025-05-16", "2025-06-15", "2025-06-25:4000", "2025-08-15:6000")
	st := Settlements(acc, day("2025-12-31"), credit.OpenAtMap)
	if len(st) != 1 || len(st[0].Payments) != 2 {
		t.Fatalf("settlements: %+v", st)
	}
	if p := st[0].Payments; p[0].Date != day("2025-06-25") || p[0].Amount != cents("4000") || p[1].Date != day("2025-08-15") || p[1].Amount != cents("6000") {
		t.Errorf("payments: %+v", p)
	}
}

func TestPenaltyInvoiceFigures(t *testing.T) {
	r := mustRates(t)
	cases := []struct {
		name      string
		acc       *ledger.Account
		in        PenaltyInput
		lines     []wantLine
		interest  string
		indemnity string
	}{
		{
			// Paid in full 40 days late across 30 June: 15 days of 2025 H1 at 13.15 %
			// (ECB 3.15 on 1 January + 10) and 25 days of 2025 H2 at 12.15 % (2.15 + 10).
			// 10 000 × 13.15 % × 15 / 365 = 54.0411 → 54.04; × 12.15 % × 25 / 365 = 83.2192 → 83.22.
			name: "b2b 40 days",
			acc:  paidAccount(ledger.Business, "10000", "2025-05-16", "2025-06-15", "2025-07-25:10000"),
			in:   PenaltyInput{AsOf: day("2025-12-31")},
			lines: []wantLine{{"2025-06-16", "2025-06-30", 15, "13.15", "10000.00", "54.04"},
				{"2025-07-01", "2025-07-25", 25, "12.15", "10000.00", "83.22"}},
			interest: "137.26", indemnity: "40.00",
		},
		{
			// 4 000 paid 10 days late, the rest 61 days late: each amount for its own period.
			// 10 000 × 13.15 % × 10/365 = 36.0274 → 36.03; 6 000 × 13.15 % × 5/365 = 10.8082 → 10.81;
			// 6 000 × 12.15 % × 46/365 = 91.8740 → 91.87.
			name: "partial late then the rest",
			acc:  paidAccount(ledger.Business, "10000", "2025-05-16", "2025-06-15", "2025-06-25:4000", "2025-08-15:6000"),
			in:   PenaltyInput{AsOf: day("2025-12-31")},
			lines: []wantLine{{"2025-06-16", "2025-06-25", 10, "13.15", "10000.00", "36.03"},
				{"2025-06-26", "2025-06-30", 5, "13.15", "6000.00", "10.81"},
				{"2025-07-01", "2025-08-15", 46, "12.15", "6000.00", "91.87"}},
			interest: "138.71", indemnity: "40.00",
		},
		{
			// Public buyer (legal-fr PUB-1): ECB on the first day of the half-year interest
			// started + 8, fixed: 3.15 + 8 = 11.15 %; 10 000 × 11.15 % × 61/365 = 186.34; €40
			// (C. commande publique L2192-13, D2192-35).
			name:     "public buyer",
			acc:      paidAccount(ledger.PublicBody, "10000", "2025-05-16", "2025-06-15", "2025-08-15:10000"),
			in:       PenaltyInput{AsOf: day("2025-12-31")},
			lines:    []wantLine{{"2025-06-16", "2025-08-15", 61, "11.15", "10000.00", "186.34"}},
			interest: "186.34", indemnity: "40.00",
		},
		{
			// Consumer: legal interest (2025 H1, other cases: 3.71 %) from the formal notice
			// of 1 April to the payment on 1 May; no indemnity.
			// 1 000 × 3.71 % × 30/365 = 3.0493 → 3.05.
			name:     "consumer",
			acc:      paidAccount(ledger.Consumer, "1000", "2025-02-01", "2025-03-01", "2025-05-01:1000"),
			in:       PenaltyInput{AsOf: day("2025-12-31"), Notices: []Notice{{Date: day("2025-04-01")}}},
			lines:    []wantLine{{"2025-04-02", "2025-05-01", 30, "3.71", "1000.00", "3.05"}},
			interest: "3.05", indemnity: "0.00",
		},
		{
			// A UK business under English law, in a dossier kept in pounds: the Late Payment
			// Act rate fixed by the half-year the debt became overdue (2025 H1: base rate
			// 4.75 on 31 Dec 2024 + 8 = 12.75 %), and the band of the whole debt (£1,000 to
			// £9,999.99: £70). 5 000 × 12.75 % × 30/365 = 52.3973 → 52.40.
			name:     "uk",
			acc:      underEnglishLaw(paidAccount(ledger.Business, "5000", "2025-05-16", "2025-06-15", "2025-07-15:5000")),
			in:       PenaltyInput{AsOf: day("2025-12-31"), Currency: "GBP"},
			lines:    []wantLine{{"2025-06-16", "2025-07-15", 30, "12.75", "5000.00", "52.40"}},
			interest: "52.40", indemnity: "70.00",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pi, err := BuildPenaltyInvoice(r, c.acc, c.in, credit.OpenAtMap)
			if err != nil {
				t.Fatal(err)
			}
			if pi.Empty() {
				t.Fatalf("nothing billed: %+v", pi.Left)
			}
			d := pi.Decompte
			if len(d.Lines) != len(c.lines) {
				t.Fatalf("lines: got %d, want %d: %+v", len(d.Lines), len(c.lines), d.Lines)
			}
			for i, w := range c.lines {
				g := d.Lines[i]
				if g.From != day(w.from) || g.To != day(w.to) || g.Days != w.days || !g.Rate.Rate.Equal(dec(w.rate)) ||
					g.Base != cents(w.base) || g.Interest != cents(w.interest) {
					t.Errorf("line %d: got %s–%s %d d %s%% base %s → %s, want %+v", i, g.From, g.To, g.Days, g.Rate.Rate, g.Base, g.Interest, w)
				}
			}
			if pi.Interest != cents(c.interest) || pi.Indemnity != cents(c.indemnity) || pi.Total != cents(c.interest)+cents(c.indemnity) {
				t.Errorf("totals: interest %s indemnity %s total %s, want %s + %s", pi.Interest, pi.Indemnity, pi.Total, c.interest, c.indemnity)
			}
			if d.Totals.Interest != pi.Interest || d.Totals.Indemnity != pi.Indemnity {
				t.Errorf("décompte totals %+v differ from the invoice's", d.Totals)
			}
		})
	}
}

func TestPenaltyInvoiceNothingOwed(t *testing.T) {
	r := mustRates(t)
	// Paid on the due date: nothing (C. com. L441-10 II: from the day after).
	onTime := paidAccount(ledger.Business, "1000", "2025-05-16", "2025-06-15", "2025-06-15:1000")
	pi, err := BuildPenaltyInvoice(r, onTime, PenaltyInput{AsOf: day("2025-12-31")}, credit.OpenAtMap)
	if err != nil {
		t.Fatal(err)
	}
	if !pi.Empty() || pi.Decompte != nil || pi.Total != 0 {
		t.Errorf("paid on time billed: %+v", pi)
	}
	// Still unpaid: not a penalty invoice's business (the formal notice and the
	// injonction claim the open amount with its interest).
	unpaid := paidAccount(ledger.Business, "1000", "2025-05-16", "2025-06-15")
	if pi, _ := BuildPenaltyInvoice(r, unpaid, PenaltyInput{AsOf: day("2025-12-31")}, credit.OpenAtMap); !pi.Empty() {
		t.Errorf("unpaid invoice billed: %+v", pi)
	}
	// A consumer without a formal notice owes no interest: left out, said why.
	cons := paidAccount(ledger.Consumer, "1000", "2025-02-01", "2025-03-01", "2025-05-01:1000")
	pi, err = BuildPenaltyInvoice(r, cons, PenaltyInput{AsOf: day("2025-12-31")}, credit.OpenAtMap)
	if err != nil || !pi.Empty() || len(pi.Left) != 1 || pi.Left[0].Key != "penaltyinv.left.no_notice" {
		t.Errorf("consumer without notice: %+v %v", pi, err)
	}
	// Time-barred: paid late more than five years before (C. com. L110-4).
	old := paidAccount(ledger.Business, "1000", "2019-01-01", "2019-02-01", "2019-03-01:1000")
	pi, err = BuildPenaltyInvoice(r, old, PenaltyInput{AsOf: day("2025-12-31")}, credit.OpenAtMap)
	if err != nil || !pi.Empty() || len(pi.Left) != 1 || pi.Left[0].Key != "penaltyinv.left.time_barred" {
		t.Errorf("time-barred: %+v %v", pi, err)
	}
}

func TestPenaltyInvoiceNoDoubleBilling(t *testing.T) {
	r := mustRates(t)
	acc := paidAccount(ledger.Business, "10000", "2025-05-16", "2025-06-15", "2025-06-25:4000", "2025-08-15:6000")
	// First invoice: the payments up to 31 July only (the period filter): 4 000 × 13.15 %
	// × 10/365 = 14.4110 → 14.41, and the €40.
	first, err := BuildPenaltyInvoice(r, acc, PenaltyInput{AsOf: day("2025-08-01"), To: day("2025-07-31")}, credit.OpenAtMap)
	if err != nil {
		t.Fatal(err)
	}
	if first.Interest != cents("14.41") || first.Indemnity != cents("40") {
		t.Fatalf("first: %s + %s", first.Interest, first.Indemnity)
	}
	if first.Number, err = NextPenaltyNumber(nil, first.Date); err != nil || first.Number != "ND-2025-0001" {
		t.Fatalf("number %q %v", first.Number, err)
	}
	issued := []PenaltyInvoice{first.Record()}
	// Later, the rest: 6 000 for its own period, no second €40.
	// 6 000 × 13.15 % × 15/365 = 32.4247 → 32.42; 6 000 × 12.15 % × 46/365 = 91.87.
	second, err := BuildPenaltyInvoice(r, acc, PenaltyInput{AsOf: day("2025-12-31"), Issued: issued}, credit.OpenAtMap)
	if err != nil {
		t.Fatal(err)
	}
	if second.Interest != cents("124.29") || second.Indemnity != 0 || len(second.Invoices[0].Payments) != 1 {
		t.Fatalf("second: %s + %s %+v", second.Interest, second.Indemnity, second.Invoices)
	}
	if second.Number, err = NextPenaltyNumber(issued, second.Date); err != nil || second.Number != "ND-2025-0002" {
		t.Fatalf("number %q %v", second.Number, err)
	}
	issued = append(issued, second.Record())
	// A third run bills nothing: every late payment was billed, the notes say where.
	third, err := BuildPenaltyInvoice(r, acc, PenaltyInput{AsOf: day("2025-12-31"), Issued: issued}, credit.OpenAtMap)
	if err != nil {
		t.Fatal(err)
	}
	if !third.Empty() || len(third.Left) != 2 {
		t.Fatalf("third billed again: %+v", third)
	}
	for _, n := range third.Left {
		if n.Key != "penaltyinv.left.billed" {
			t.Errorf("left: %+v", n)
		}
	}
	// Numbers follow the dates: a penalty invoice dated before the last one is refused.
	if _, err := NextPenaltyNumber(issued, day("2025-09-01")); err == nil {
		t.Error("a date before the last penalty invoice was numbered")
	}
	if n, _ := NextPenaltyNumber(issued, day("2026-01-05")); n != "ND-2026-0001" {
		t.Errorf("new year: %q", n)
	}
}

func TestPenaltyInvoiceRefusedInInsolvency(t *testing.T) {
	r := mustRates(t)
	acc := paidAccount(ledger.Business, "1000", "2025-05-16", "2025-06-15", "2025-07-25:1000")
	procs := []Procedure{{ID: "J1", Customer: "C1", Kind: Redressement, Judgment: day("2025-10-01"), BODACC: day("2025-10-10"), Mandataire: "Me X"}}
	if _, err := BuildPenaltyInvoice(r, acc, PenaltyInput{AsOf: day("2025-12-31"), Procedures: procs}, credit.OpenAtMap); err == nil {
		t.Error("a penalty invoice was billed to a customer in a collective procedure")
	}
}

func TestPenaltiesClaimedOnce(t *testing.T) {
	r := mustRates(t)
	// An invoice paid 4 000 late, 6 000 still open: the penalty invoice bills the
	// 4 000's interest and the €40; the injonction claims it on its own line, and the
	// open 6 000 with its interest but without a second €40.
	acc := paidAccount(ledger.Business, "10000", "2025-05-16", "2025-06-15", "2025-06-25:4000")
	pi, err := BuildPenaltyInvoice(r, acc, PenaltyInput{AsOf: day("2025-07-01")}, credit.OpenAtMap)
	if err != nil || pi.Empty() {
		t.Fatalf("%+v %v", pi, err)
	}
	pi.Number = "ND-2025-0001"
	pens := PenaltiesDue([]PenaltyInvoice{pi.Record()}, acc, day("2025-09-30"), credit.OpenAtMap)
	if len(pens) != 1 || pens[0].Open != pi.Total || len(pens[0].Indemnities) != 1 {
		t.Fatalf("due: %+v", pens)
	}
	acc.Customer.Address = ledger.Address{Lines: []string{"1 rue A"}, Postcode: "69001", City: "Lyon", Country: "FR"}
	in := IPInput{Customer: &acc.Customer, Items: acc.Items, AsOf: day("2025-09-30"), Country: "FR", Penalties: pens}
	p, err := BuildInjonction(r, ledger.DefaultSettings(), in, PackOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var penLine *ClaimLine
	for i := range p.Lines {
		if p.Lines[i].Kind == KindPenaltyInvoice {
			penLine = &p.Lines[i]
		}
	}
	if penLine == nil || penLine.Number != "ND-2025-0001" || penLine.Claimed != pi.Total {
		t.Fatalf("no penalty invoice line: %+v", p.Lines)
	}
	if p.Decompte == nil || p.Decompte.Totals.Indemnity != 0 || p.Penalties != pi.Total {
		t.Fatalf("décompte: %+v, penalties %s", p.Decompte, p.Penalties)
	}
	if p.Total != p.Decompte.Totals.TotalDue+pi.Total || p.Principal != cents("6000")+pi.Total {
		t.Errorf("total %s, principal %s", p.Total, p.Principal)
	}
	// The claim filing, the same way.
	proc := Procedure{ID: "J1", Customer: "C1", Kind: Redressement, Judgment: day("2025-10-01"), BODACC: day("2025-10-10"), Mandataire: "Me X"}
	c, err := BuildClaimWith(r, acc, proc, Unsecured, day("2025-10-15"), pens)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.PenaltyInvoices) != 1 || c.PenaltyInvoiceTotal != pi.Total || c.Indemnity != 0 {
		t.Errorf("claim: %+v", c)
	}
	if c.Total != c.DueTotal+c.Penalties+c.PenaltyInvoiceTotal {
		t.Errorf("claim total %s", c.Total)
	}
	// Booked in the accounts and paid: nothing more is claimed, and the booked item
	// is not claimed as an invoice.
	acc.Items = append(acc.Items, ledger.Item{ID: "ND", Customer: "C1", Kind: ledger.Invoice, Number: "ND-2025-0001",
		DocDate: day("2025-07-01"), DueDate: day("2025-07-01"), Amount: pi.Total, Open: 0, Match: "B", Settled: day("2025-07-20")},
		ledger.Item{ID: "PN", Customer: "C1", Kind: ledger.Payment, DocDate: day("2025-07-20"), DueDate: day("2025-07-20"), Amount: -pi.Total, Match: "B", Settled: day("2025-07-20")})
	ledger.SortItems(acc.Items)
	pens = PenaltiesDue([]PenaltyInvoice{pi.Record()}, acc, day("2025-09-30"), credit.OpenAtMap)
	if len(pens) != 1 || pens[0].Open != 0 || pens[0].Item != "ND" {
		t.Fatalf("booked and paid: %+v", pens)
	}
	in.Items, in.Penalties = acc.Items, pens
	p, err = BuildInjonction(r, ledger.DefaultSettings(), in, PackOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range p.Lines {
		if l.Number == "ND-2025-0001" {
			t.Errorf("paid penalty invoice claimed: %+v", l)
		}
	}
	if p.Decompte.Totals.Indemnity != 0 {
		t.Error("the €40 billed (and paid) is claimed again")
	}
}
