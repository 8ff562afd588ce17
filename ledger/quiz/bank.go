package quiz

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/law"
)

// d is a civil date of the bank's cases.
func d(y int, m time.Month, day int) ledger.Date { return ledger.NewDate(y, m, day) }

// eur is whole euros in cents.
func eur(n int64) ledger.Cents { return ledger.Cents(n * 100) }

// AsOf is the day the bank's date questions are asked at: the demo dossier's as-of
// date, so that « is it time-barred? » reads the same as on the demo's screens.
func AsOf() ledger.Date { return d(2026, time.December, 4) }

// NewBank builds the question bank, computing every figure's right answer with the
// app's engines and the rates r (law.DefaultRates for the embedded tables): the same
// rates always give the same answers.
func NewBank(r *law.Rates) (*Bank, error) {
	b := &Bank{}
	if err := b.addComputed(r); err != nil {
		return nil, fmt.Errorf("quiz bank: %w", err)
	}
	b.items = append(b.items, choiceItems()...)
	return b, nil
}

// addComputed adds the questions whose answer an engine computes.
func (b *Bank) addComputed(r *law.Rates) error {
	// Late penalties between businesses: ECB rate + 10 points by default, from the day
	// after the due date to payment, and the fixed indemnity of 40 € (C. com. L441-10
	// II, D441-5).
	inv := law.Invoice{Ref: "F-1042", Amount: eur(12000), Due: d(2026, time.March, 15)}
	dec, err := law.Compute(r, law.Terms{Debtor: law.DebtorB2B, End: d(2026, time.May, 14)}, inv)
	if err != nil {
		return err
	}
	caseA := []param{{"amount", inv.Amount}, {"due", inv.Due}, {"paid", dec.End}}
	b.items = append(b.items,
		item{id: "legal-1", module: "legal", kind: Amount, params: caseA, amount: dec.Totals.Interest,
			rule: "C. com. L441-10 II"},
		item{id: "legal-2", module: "legal", kind: Amount, params: caseA, amount: dec.Totals.Indemnity,
			rule: "C. com. L441-10 II, D441-5"})

	// A contractual rate agreed in the terms of sale, above the floor of three times
	// the legal interest rate (C. com. L441-10 II).
	inv = law.Invoice{Ref: "F-2210", Amount: eur(8400), Due: d(2026, time.January, 31)}
	dec, err = law.Compute(r, law.Terms{Debtor: law.DebtorB2B, End: d(2026, time.March, 2),
		ContractRate: decimal.NewNullDecimal(decimal.NewFromInt(12))}, inv)
	if err != nil {
		return err
	}
	b.items = append(b.items, item{id: "legal-3", module: "legal", kind: Amount,
		params: []param{{"amount", inv.Amount}, {"due", inv.Due}, {"paid", dec.End}, {"rate", decimal.NewFromInt(12)}},
		amount: dec.Totals.Interest, rule: "C. com. L441-10 II"})

	// A partial payment: from its date, interest runs on the balance only.
	inv = law.Invoice{Ref: "F-3307", Amount: eur(5000), Due: d(2026, time.March, 2),
		Payments: []law.Payment{{Date: d(2026, time.April, 1), Amount: eur(2000)}}}
	dec, err = law.Compute(r, law.Terms{Debtor: law.DebtorB2B, End: d(2026, time.April, 30)}, inv)
	if err != nil {
		return err
	}
	b.items = append(b.items, item{id: "legal-4", module: "legal", kind: Amount,
		params: []param{{"amount", inv.Amount}, {"due", inv.Due}, {"part", eur(2000)}, {"partdate", d(2026, time.April, 1)},
			{"paid", dec.End}}, amount: dec.Totals.Interest, rule: "C. com. L441-10 II"})

	// A consumer owes the legal interest rate from the formal notice (C. civ. 1231-6,
	// 1344-1), the creditor being a business (CMF L313-2: « autres cas »).
	inv = law.Invoice{Ref: "F-4410", Amount: eur(1500), Due: d(2026, time.January, 10)}
	dec, err = law.Compute(r, law.Terms{Debtor: law.DebtorConsumer, Notice: d(2026, time.February, 10),
		End: d(2026, time.April, 11), Creditor: law.OtherCases}, inv)
	if err != nil {
		return err
	}
	b.items = append(b.items, item{id: "categories-1", module: "categories", kind: Amount,
		params: []param{{"amount", inv.Amount}, {"notice", d(2026, time.February, 10)}, {"paid", dec.End}},
		amount: dec.Totals.Interest, rule: "C. civ. 1231-6, 1344-1; CMF L313-2"})

	b.addLimitation()
	b.addDashboard()
	b.addInsolvency()
	return nil
}

// addLimitation adds the limitation dates, computed by law.ClaimDeadline at AsOf.
func (b *Bank) addLimitation() {
	asOf := AsOf()
	// Between traders: five years from the due date (C. com. L110-4).
	due := d(2022, time.April, 30)
	st := law.ClaimDeadline(law.Claim{Due: due}, ledger.Business, nil, asOf)
	b.items = append(b.items, item{id: "prevent-1", module: "prevent", kind: Date,
		params: []param{{"due", due}}, date: st.Deadline, rule: st.Rule})
	// Against a consumer: two years (C. consom. L218-2).
	due = d(2025, time.September, 15)
	st = law.ClaimDeadline(law.Claim{Due: due}, ledger.Consumer, nil, asOf)
	b.items = append(b.items, item{id: "prevent-2", module: "prevent", kind: Date,
		params: []param{{"due", due}}, date: st.Deadline, rule: st.Rule})
	// An acknowledgement of debt interrupts the period, which starts again (C. civ.
	// 2240, 2231).
	due, ack := d(2021, time.October, 31), d(2024, time.June, 12)
	st = law.ClaimDeadline(law.Claim{Due: due}, ledger.Business,
		[]law.Interruption{{Kind: law.Acknowledgement, Date: ack}}, asOf)
	b.items = append(b.items, item{id: "prevent-3", module: "prevent", kind: Date,
		params: []param{{"due", due}, {"ack", ack}}, date: st.Deadline, rule: "C. civ. 2240, 2231"})
	// A public body: four years from 1 January after the year the right was acquired
	// (loi 68-1250 art. 1).
	issued := d(2023, time.March, 10)
	st = law.ClaimDeadline(law.Claim{Invoice: issued, Due: issued.AddDays(30)}, ledger.PublicBody, nil, asOf)
	b.items = append(b.items, item{id: "categories-2", module: "categories", kind: Date,
		params: []param{{"issued", issued}}, date: st.Deadline, rule: st.Rule})
}

// addDashboard adds the credit function's indicators, computed by ledger/credit.
func (b *Bank) addDashboard() {
	rec, sales := eur(214000), eur(390000)
	dso, _ := credit.DSOAccounting(rec, sales, 90)
	b.items = append(b.items, item{id: "dashboard-1", module: "dashboard", kind: Number,
		params: []param{{"receivables", rec}, {"sales", sales}}, number: dso, places: 0,
		rule: "quiz.why.dso"})
	rec = eur(150000)
	months := []credit.MonthSales{{Sales: eur(80000), Days: 30}, {Sales: eur(60000), Days: 31}, {Sales: eur(50000), Days: 30}}
	dso, _ = credit.DSOCountBack(rec, months)
	b.items = append(b.items, item{id: "dashboard-2", module: "dashboard", kind: Number,
		params: []param{{"receivables", rec}, {"m1", months[0].Sales}, {"m2", months[1].Sales}, {"m3", months[2].Sales}},
		number: dso, places: 0, rule: "quiz.why.countback"})
	total, overdue, disputed := eur(188000), eur(42300), eur(9400)
	rate, _ := credit.Rate(overdue, total)
	b.items = append(b.items, item{id: "dashboard-3", module: "dashboard", kind: Number,
		params: []param{{"total", total}, {"overdue", overdue}}, number: rate, places: 1, rule: "quiz.why.overdue"})
	rate, _ = credit.Rate(disputed, total)
	b.items = append(b.items, item{id: "dashboard-4", module: "dashboard", kind: Number,
		params: []param{{"total", total}, {"disputed", disputed}}, number: rate, places: 1, rule: "quiz.why.disputes"})
}

// addInsolvency adds a creditor's deadlines in a collective procedure, computed by
// law.ProcedureDeadlines from the BODACC publication.
func (b *Bank) addInsolvency() {
	p := law.Procedure{Customer: "C-QUIZ", Kind: law.Redressement, Judgment: d(2026, time.October, 6),
		BODACC: d(2026, time.October, 16)}
	at := func(p law.Procedure, k law.ProcDeadlineKind) ledger.Date {
		for _, dl := range law.ProcedureDeadlines(p, AsOf()) {
			if dl.Kind == k {
				return dl.Date
			}
		}
		return ledger.NoDate
	}
	params := []param{{"bodacc", p.BODACC}}
	b.items = append(b.items,
		// C. com. L622-24, R622-24: two months to file the claim.
		item{id: "insolvency-1", module: "insolvency", kind: Date, params: params,
			date: at(p, law.DeadlineClaim), rule: "C. com. L622-24, R622-24"},
		// C. com. L624-9: three months to claim goods sold with retention of title.
		item{id: "insolvency-2", module: "insolvency", kind: Date, params: params,
			date: at(p, law.DeadlineRetention), rule: "C. com. L624-9"})
	p.Abroad = true // C. com. R622-24 al. 1: two months more outside metropolitan France
	b.items = append(b.items, item{id: "insolvency-3", module: "insolvency", kind: Date, params: params,
		date: at(p, law.DeadlineClaim), rule: "C. com. R622-24"})
}
