package payment_test

import (
	"errors"
	"slices"
	"testing"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/payment"
)

func day(s string) ledger.Date {
	d, err := ledger.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func inv(id, doc, due string, amount ledger.Cents) ledger.Item {
	return ledger.Item{ID: id, Customer: "C1", Kind: ledger.Invoice, Number: id, DocDate: day(doc), DueDate: day(due), Amount: amount, Open: amount}
}

// account: three unlettered invoices, 1,800.00 open.
func account() *ledger.Account {
	return &ledger.Account{Customer: ledger.Customer{ID: "C1", Name: "Client"}, Items: []ledger.Item{
		inv("F1", "2026-01-01", "2026-01-31", 100000),
		inv("F2", "2026-02-01", "2026-02-28", 50000),
		inv("F3", "2026-03-01", "2026-03-31", 30000),
	}}
}

// openAt returns item ID → open amount at d.
func openAt(a *ledger.Account, d ledger.Date) map[string]ledger.Cents {
	m := map[string]ledger.Cents{}
	for it, v := range credit.OpenAtMap(a, d) {
		m[it.ID] = v
	}
	return m
}

func balance(m map[string]ledger.Cents) ledger.Cents {
	var s ledger.Cents
	for _, v := range m {
		s += v
	}
	return s
}

func newPayment(date string, amount ledger.Cents) payment.Payment {
	return payment.Payment{ID: "RG2026-000001", Customer: "C1", Date: day(date), Amount: amount, Method: payment.Cheque,
		Ref: "CHQ 123456", Entered: day(date), Source: payment.SourceManual}
}

func problemKey(err error) string {
	var p *ledger.Problem
	if errors.As(err, &p) {
		return p.Key
	}
	return ""
}

func TestFIFOAllocationAndApply(t *testing.T) {
	a := account()
	p := newPayment("2026-04-10", 120000)
	if err := payment.Allocate(a, &p, nil, credit.OpenAtMap); err != nil {
		t.Fatal(err)
	}
	want := []payment.Allocation{{Item: "F1", Number: "F1", Amount: 100000}, {Item: "F2", Number: "F2", Amount: 20000}}
	if !slices.Equal(p.Allocations, want) {
		t.Fatalf("FIFO allocations %+v, want %+v", p.Allocations, want)
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	// A later invoice, so that dates before it are rebuilt from the lettering.
	a.Items = append(a.Items, inv("F4", "2026-05-01", "2026-05-31", 10000))
	payment.Apply(a, []payment.Payment{p})
	if got := a.Balance(); got != 190000-120000 {
		t.Errorf("balance %s after the payment", got)
	}
	before := openAt(a, day("2026-04-09"))
	if before["F1"] != 100000 || before["F2"] != 50000 || before["F3"] != 30000 || balance(before) != 180000 {
		t.Errorf("open the day before the payment: %v", before)
	}
	for _, d := range []string{"2026-04-10", "2026-04-30", "2026-06-01"} {
		after := openAt(a, day(d))
		if after["F1"] != 0 || after["F2"] != 30000 || after["F3"] != 30000 || balance(after) != 60000+after["F4"] {
			t.Errorf("open on %s: %v", d, after)
		}
	}
	var f1 ledger.Item
	for _, it := range a.Items {
		if it.ID == "F1" {
			f1 = it
		}
	}
	if f1.Settled != day("2026-04-10") || f1.Open != 0 || f1.Match != "RG2026-000001/1" {
		t.Errorf("F1 after the payment: %+v", f1)
	}
	if o := a.Overdue(day("2026-04-10")); o != 60000 {
		t.Errorf("overdue %s", o)
	}
}

func TestChosenAllocationAndRemainder(t *testing.T) {
	a := account()
	p := newPayment("2026-04-10", 50000)
	err := payment.Allocate(a, &p, []payment.Want{{Number: "f3"}, {Number: "F2", Amount: 10000}}, credit.OpenAtMap)
	if err != nil {
		t.Fatal(err)
	}
	want := []payment.Allocation{{Item: "F3", Number: "F3", Amount: 30000}, {Item: "F2", Number: "F2", Amount: 10000}}
	if !slices.Equal(p.Allocations, want) || p.Unallocated() != 10000 {
		t.Fatalf("allocations %+v, unallocated %s", p.Allocations, p.Unallocated())
	}
	payment.Apply(a, []payment.Payment{p})
	open := openAt(a, day("2026-04-10"))
	if open["F1"] != 100000 || open["F2"] != 40000 || open["F3"] != 0 || open["RG2026-000001"] != -10000 {
		t.Errorf("open after the chosen allocation: %v", open)
	}
	if a.Balance() != 130000 {
		t.Errorf("balance %s", a.Balance())
	}
}

func TestAllocationRefusals(t *testing.T) {
	a := account()
	a.Items[0].Open, a.Items[0].Settled, a.Items[0].Match = 0, day("2026-02-10"), "AA"
	a.Items = append(a.Items, ledger.Item{ID: "R1", Customer: "C1", Kind: ledger.Payment, DocDate: day("2026-02-10"), Amount: -100000, Match: "AA", Settled: day("2026-02-10")})
	for _, c := range []struct {
		name  string
		date  string
		wants []payment.Want
		key   string
	}{
		{"unknown", "2026-04-10", []payment.Want{{Number: "F9"}}, "payment.err.invoice_unknown"},
		{"paid", "2026-04-10", []payment.Want{{Number: "F1"}}, "payment.err.invoice_closed"},
		{"not yet issued", "2026-02-15", []payment.Want{{Number: "F3"}}, "payment.err.invoice_closed"},
		{"above open", "2026-04-10", []payment.Want{{Number: "F3", Amount: 30001}}, "payment.err.invoice_over"},
		{"above payment", "2026-04-10", []payment.Want{{Number: "F2", Amount: 40000}, {Number: "F3", Amount: 30000}}, "payment.err.wants_over"},
		{"twice", "2026-04-10", []payment.Want{{Number: "F2", Amount: 100}, {Number: "F2", Amount: 100}}, "payment.err.invoice_twice"},
	} {
		p := newPayment(c.date, 60000)
		if err := payment.Allocate(a, &p, c.wants, credit.OpenAtMap); problemKey(err) != c.key {
			t.Errorf("%s: %v, want %s", c.name, err, c.key)
		}
	}
	// A payment dated before F3 was issued cannot be allocated to it by FIFO either.
	p := newPayment("2026-02-15", 60000)
	if err := payment.Allocate(a, &p, nil, credit.OpenAtMap); err != nil || len(p.Allocations) != 1 || p.Allocations[0].Item != "F2" {
		t.Errorf("FIFO on 15/02: %+v %v", p.Allocations, err)
	}
	// CheckAllocations refuses an allocation given by hand above the open amount.
	p.Allocations = []payment.Allocation{{Item: "F2", Number: "F2", Amount: 50001}}
	if err := payment.CheckAllocations(a, &p, credit.OpenAtMap); problemKey(err) != "payment.err.invoice_over" {
		t.Errorf("check above open: %v", err)
	}
}

func TestValidate(t *testing.T) {
	ok := newPayment("2026-04-10", 1000)
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	for key, change := range map[string]func(p *payment.Payment){
		"payment.err.customer":     func(p *payment.Payment) { p.Customer = "" },
		"payment.err.date":         func(p *payment.Payment) { p.Date = ledger.NoDate },
		"payment.err.amount":       func(p *payment.Payment) { p.Amount = 0 },
		"payment.err.method":       func(p *payment.Payment) { p.Method = "barter" },
		"payment.err.alloc_amount": func(p *payment.Payment) { p.Allocations = []payment.Allocation{{Item: "F1", Amount: -1}} },
		"payment.err.alloc_item": func(p *payment.Payment) {
			p.Allocations = []payment.Allocation{{Item: "F1", Amount: 1}, {Item: "F1", Amount: 1}}
		},
		"payment.err.over": func(p *payment.Payment) { p.Allocations = []payment.Allocation{{Item: "F1", Amount: 1001}} },
		"payment.err.reversal_date": func(p *payment.Payment) {
			p.Reversed = &payment.Reversal{Date: day("2026-04-09"), Entered: day("2026-04-09")}
		},
	} {
		p := newPayment("2026-04-10", 1000)
		change(&p)
		if err := p.Validate(); problemKey(err) != key {
			t.Errorf("%s: %v", key, err)
		}
	}
}

// An invoice partly lettered by the ledger (an unbalanced group) takes the payment into
// its group; the group, now balanced, is settled on the payment's date.
func TestPartlyLetteredInvoice(t *testing.T) {
	a := account()
	a.Items[0].Match, a.Items[0].Open = "AB", 60000
	a.Items = append(a.Items, ledger.Item{ID: "R1", Customer: "C1", Kind: ledger.Payment, DocDate: day("2026-02-10"), Amount: -40000, Match: "AB", Settled: day("2026-02-10")})
	p := newPayment("2026-04-10", 60000)
	if err := payment.Allocate(a, &p, []payment.Want{{Number: "F1"}}, credit.OpenAtMap); err != nil {
		t.Fatal(err)
	}
	a.Items = append(a.Items, inv("F4", "2026-05-01", "2026-05-31", 10000))
	payment.Apply(a, []payment.Payment{p})
	for _, it := range a.Items {
		if it.Match == "AB" && (it.Open != 0 || !it.Settled.Valid()) {
			t.Errorf("group AB not settled: %+v", it)
		}
	}
	if o := openAt(a, day("2026-04-10")); o["F1"] != 0 || balance(o) != 80000 {
		t.Errorf("open on the payment's date: %v", o)
	}
}

// On an account whose open amounts were derived by FIFO, the payment's items are rebuilt
// by FIFO too: Σ open at every date stays Σ amounts dated until then.
func TestFIFOAccount(t *testing.T) {
	a := account()
	for i := range a.Items {
		a.Items[i].Flags |= ledger.FlagFIFO
	}
	p := newPayment("2026-04-10", 110000)
	if err := payment.Allocate(a, &p, nil, credit.OpenAtMap); err != nil {
		t.Fatal(err)
	}
	a.Items = append(a.Items, inv("F4", "2026-05-01", "2026-05-31", 10000))
	payment.Apply(a, []payment.Payment{p})
	if o := openAt(a, day("2026-04-20")); o["F1"] != 0 || o["F2"] != 40000 || balance(o) != 70000 {
		t.Errorf("open on 20/04: %v", o)
	}
	if o := openAt(a, day("2026-04-01")); balance(o) != 180000 {
		t.Errorf("open on 01/04: %v", o)
	}
}

// A reversed or superseded payment is not applied; one whose invoice was settled since
// (by an import) leaves its money as an open credit.
func TestNotAppliedAndStale(t *testing.T) {
	a := account()
	p := newPayment("2026-04-10", 30000)
	p.Allocations = []payment.Allocation{{Item: "F3", Number: "F3", Amount: 30000}}
	rev := p
	rev.Reversed = &payment.Reversal{Date: day("2026-04-20"), Entered: day("2026-04-20")}
	sup := p
	sup.SupersededBy = "BQ|1|20260410|1"
	payment.Apply(a, []payment.Payment{rev, sup})
	if len(a.Items) != 3 || a.Balance() != 180000 {
		t.Fatalf("reversed or superseded applied: %d items, balance %s", len(a.Items), a.Balance())
	}
	a.Items[2].Open, a.Items[2].Settled = 0, day("2026-04-12")
	payment.Apply(a, []payment.Payment{p})
	if a.Balance() != 150000-30000 {
		t.Errorf("stale allocation: balance %s", a.Balance())
	}
	for _, it := range a.Items {
		if it.ID == "RG2026-000001" && it.Open != -30000 {
			t.Errorf("remainder %+v", it)
		}
	}
}

func TestReconcile(t *testing.T) {
	pay := func(id, date string, amount ledger.Cents, ref string) payment.Payment {
		p := newPayment(date, amount)
		p.ID, p.Ref = id, ref
		return p
	}
	fec := func(id, date string, amount ledger.Cents, number, label string) ledger.Item {
		return ledger.Item{ID: id, Customer: "C1", Kind: ledger.Payment, Number: number, Label: label, DocDate: day(date), Amount: -amount}
	}
	pays := []payment.Payment{
		pay("RG1", "2026-04-10", 30000, ""),           // same amount, 3 days later
		pay("RG2", "2026-04-11", 50000, "VIR 998877"), // reference in the label
		pay("RG3", "2026-04-12", 12000, "CHQ 4455"),   // reference as the number, another amount
		pay("RG4", "2026-04-12", 77700, ""),           // not in the file
		pay("RG5", "2026-06-01", 10000, ""),           // after the file's period
		pay("RG6", "2026-04-01", 10000, ""),           // already superseded by an earlier import
		pay("RG7", "2026-04-02", 10000, ""),           // the same amount as RG6's item: not paired with it
		pay("RG8", "2026-04-20", 30000, "")}           // same amount as RG1's, too far
	pays[5].SupersededBy = "BQ|6"
	items := map[string][]ledger.Item{"C1": {
		fec("BQ|1", "2026-04-13", 30000, "", "Virement"),
		fec("BQ|2", "2026-04-14", 50000, "", "Vir reçu VIR998877 client"),
		fec("BQ|3", "2026-04-12", 12500, "chq4455", ""),
		fec("BQ|6", "2026-04-01", 10000, "", ""),
		inv("F9", "2026-04-12", "2026-05-12", 77700),
	}}
	pairs, unpaired := payment.Reconcile(pays, items, day("2026-04-30"))
	want := []payment.Pairing{{"RG1", "C1", "BQ|1"}, {"RG2", "C1", "BQ|2"}, {"RG3", "C1", "BQ|3"}}
	if !slices.Equal(pairs, want) {
		t.Errorf("pairs %+v, want %+v", pairs, want)
	}
	var ids []string
	for _, p := range unpaired {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, []string{"RG7", "RG4", "RG8"}) {
		t.Errorf("unpaired %v", ids)
	}
}

func TestParseForm(t *testing.T) {
	r, err := payment.ParseForm(payment.Form{Customer: " C1 ", Date: "10/04/2026", Amount: "1 234,56 €", Method: "Chèque",
		Ref: "123", Invoices: []string{"F1", "F2:100,50"}})
	if err != nil {
		t.Fatal(err)
	}
	p := r.Payment
	if p.Customer != "C1" || p.Date != day("2026-04-10") || p.Amount != 123456 || p.Method != payment.Cheque ||
		!slices.Equal(r.Wants, []payment.Want{{Number: "F1"}, {Number: "F2", Amount: 10050}}) {
		t.Errorf("parsed %+v %+v", p, r.Wants)
	}
	for key, f := range map[string]payment.Form{
		"payment.err.customer":      {Date: "2026-04-10", Amount: "1"},
		"payment.err.date_typed":    {Customer: "C1", Date: "31/02/2026", Amount: "1"},
		"payment.err.amount_typed":  {Customer: "C1", Date: "2026-04-10", Amount: "-5"},
		"payment.err.method":        {Customer: "C1", Date: "2026-04-10", Amount: "5", Method: "troc"},
		"payment.err.invoice_typed": {Customer: "C1", Date: "2026-04-10", Amount: "5", Invoices: []string{"F1:abc"}},
	} {
		if _, err := payment.ParseForm(f); problemKey(err) != key {
			t.Errorf("%s: %v", key, err)
		}
	}
}

// A payment taken back by the bank is one open debit of its amount, flagged (cheque:
// unpaid cheque; direct debit: rejected), due when the invoice it had paid was due,
// dated on the return: before it nothing changes, from it the balance is up by the
// amount. The next import's debit adjustment of that amount supersedes it.
func TestReturnAppliesAndReconciles(t *testing.T) {
	a := account()
	a.Items[0].Open = 0 // F1 paid by the ledger's cheque
	a.Items = append(a.Items, ledger.Item{ID: "BQ:1", Customer: "C1", Kind: ledger.Payment, Number: "CHQ 1028564",
		DocDate: day("2026-02-10"), DueDate: day("2026-02-10"), Amount: -100000})
	ret := newPayment("2026-03-05", 100000)
	ret.Kind, ret.Returns = payment.KindReturn, "BQ:1"
	ret.Allocations = []payment.Allocation{{Item: "F1", Number: "F1", Amount: 100000}}
	if err := ret.Validate(); err != nil {
		t.Fatal(err)
	}
	before := a.Balance()
	payment.Apply(a, []payment.Payment{ret})
	if got := a.Balance(); got != before+100000 {
		t.Errorf("balance %s after the return, want %s", got, before+100000)
	}
	i := slices.IndexFunc(a.Items, func(it ledger.Item) bool { return it.ID == ret.ID })
	if i < 0 {
		t.Fatal("no debit for the return")
	}
	it := a.Items[i]
	if it.Kind != ledger.Adjustment || it.Flags&ledger.FlagUnpaidCheque == 0 || it.DueDate != day("2026-01-31") || it.Open != 100000 {
		t.Errorf("return applied as %+v", it)
	}
	if v := balance(openAt(a, day("2026-03-04"))); v != 80000 {
		t.Errorf("open the day before the return %s, want 800.00", v)
	}
	ret.Method = payment.DirectDebit
	b := account()
	payment.Apply(b, []payment.Payment{ret})
	if j := slices.IndexFunc(b.Items, func(it ledger.Item) bool { return it.ID == ret.ID }); j < 0 || b.Items[j].Flags&ledger.FlagRejectedDebit == 0 {
		t.Error("a rejected direct debit is not flagged so")
	}
	brought := map[string][]ledger.Item{"C1": {
		{ID: "BQ:9", Kind: ledger.Payment, Amount: -100000, DocDate: day("2026-03-06")},
		{ID: "OD:7", Kind: ledger.Adjustment, Number: "CHQ IMPAYE", Amount: 100000, DocDate: day("2026-03-07")},
	}}
	pairs, unpaired := payment.Reconcile([]payment.Payment{ret}, brought, day("2026-03-31"))
	if len(pairs) != 1 || pairs[0].Item != "OD:7" || len(unpaired) != 0 {
		t.Errorf("return reconciled %+v, unpaired %+v", pairs, unpaired)
	}
	bad := ret
	bad.Returns = ""
	if problemKey(bad.Validate()) != "payment.err.returns" {
		t.Error("a return naming nothing is accepted")
	}
}
