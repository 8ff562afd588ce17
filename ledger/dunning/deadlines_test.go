package dunning

import (
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/law"
)

// A payment plan with an acknowledgement of debt restarts the limitation period of the
// items it covers (C. civ. 2240); the agenda's legal deadlines list the items within
// three months of their deadline and the insolvency deadlines to come.
func TestInterruptionsAndLegalDeadlines(t *testing.T) {
	d := func(y int, m time.Month, day int) ledger.Date { return ledger.NewDate(y, m, day) }
	asOf := d(2026, 11, 23)
	// B2B: 5 years from the due date (C. com. L110-4). Due 2021-12-15 → deadline 2026-12-15.
	old := ledger.Item{ID: "I1", Number: "F-OLD", Kind: ledger.Invoice, DocDate: d(2021, 11, 15), DueDate: d(2021, 12, 15), Amount: 10000, Open: 10000}
	other := ledger.Item{ID: "I2", Number: "F-OTHER", Kind: ledger.Invoice, DocDate: d(2021, 11, 15), DueDate: d(2021, 12, 15), Amount: 5000, Open: 5000}
	acc := &ledger.Account{Customer: ledger.Customer{ID: "C1", Name: "Client", Kind: ledger.Business}, Items: []ledger.Item{old, other}}
	book := ledger.NewBook(ledger.DefaultSettings(), nil, []*ledger.Account{acc})

	rec := &Records{}
	ds := LegalDeadlines(book, asOf, rec, nil, 30, nil)
	if len(ds) != 2 || ds[0].Kind != "limitation" || ds[0].Date != d(2026, 12, 15) {
		t.Fatalf("without interruption: %+v", ds)
	}
	// A signed plan on F-OLD in 2024 restarts its period: no longer within 3 months.
	rec.Plans = []Plan{{ID: "E1", Customer: "C1", Agreed: d(2024, 3, 1), Items: []string{"I1"}, Acknowledgement: true, Status: PlanActive}}
	ds = LegalDeadlines(book, asOf, rec, nil, 30, nil)
	if len(ds) != 1 || ds[0].Item != "F-OTHER" {
		t.Errorf("with the plan on F-OLD: %+v", ds)
	}
	if in := rec.Interruptions()("C1", "I1"); len(in) != 1 || in[0].Kind != law.PaymentPlan || in[0].Date != d(2024, 3, 1) {
		t.Errorf("interruptions %+v", in)
	}
	// Without the acknowledgement the plan does not interrupt.
	rec.Plans[0].Acknowledgement = false
	if in := rec.Interruptions()("C1", "I1"); len(in) != 0 {
		t.Errorf("a plan without acknowledgement interrupts: %+v", in)
	}
	// An insolvency procedure published on 2026-11-01: claim filing due 2027-01-01, within 60 days.
	procs := []law.Procedure{{Customer: "C1", Kind: law.Redressement, Judgment: d(2026, 10, 20), BODACC: d(2026, 11, 1), Mandataire: "Me X"}}
	ds = LegalDeadlines(book, asOf, rec, procs, 60, nil)
	var filing bool
	for _, x := range ds {
		if x.Kind != "limitation" && x.Date == d(2027, 1, 1) {
			filing = true
		}
	}
	if !filing {
		t.Errorf("no claim-filing deadline on 2027-01-01 in %+v", ds)
	}
}

// A formal notice issued to a public body interrupts its prescription quadriennale
// (loi 68-1250 art. 2): the item leaves the agenda's legal deadlines; the same letter to a
// business does not (Cass. com. 18 May 2022).
func TestLettersToPublicBodiesInterrupt(t *testing.T) {
	d := func(y int, m time.Month, day int) ledger.Date { return ledger.NewDate(y, m, day) }
	asOf := d(2026, 11, 23)
	// invoiced in 2022: 1 January 2023 + 4 years → 31 December 2026, within 3 months
	it := ledger.Item{ID: "I1", Number: "F-PUB", Kind: ledger.Invoice, DocDate: d(2022, 5, 10), DueDate: d(2022, 6, 9), Amount: 10000, Open: 10000}
	pub := &ledger.Account{Customer: ledger.Customer{ID: "P1", Name: "Commune", Kind: ledger.PublicBody}, Items: []ledger.Item{it}}
	biz := &ledger.Account{Customer: ledger.Customer{ID: "B1", Name: "Société", Kind: ledger.Business},
		Items: []ledger.Item{{ID: "I2", Number: "F-BIZ", Kind: ledger.Invoice, DocDate: d(2021, 11, 15), DueDate: d(2021, 12, 15), Amount: 5000, Open: 5000}}}
	book := ledger.NewBook(ledger.DefaultSettings(), nil, []*ledger.Account{pub, biz})
	rec := &Records{}
	if ds := LegalDeadlines(book, asOf, rec, nil, 30, nil); len(ds) != 2 {
		t.Fatalf("without letters: %+v", ds)
	}
	rec.Actions = []Action{
		{Customer: "P1", Kind: "lrar", Date: d(2025, 6, 12), Items: []string{"I1"}, Letter: "L-1"},
		{Customer: "B1", Kind: "lrar", Date: d(2025, 6, 12), Items: []string{"I2"}, Letter: "L-2"},
	}
	if in := rec.Interruptions()("P1", "I1"); len(in) != 1 || in[0].Kind != law.WrittenClaim || in[0].Date != d(2025, 6, 12) {
		t.Errorf("the formal notice is not a written claim: %+v", in)
	}
	ds := LegalDeadlines(book, asOf, rec, nil, 30, nil)
	if len(ds) != 1 || ds[0].Item != "F-BIZ" {
		t.Errorf("the public item stays on the agenda, or the business one left it: %+v", ds)
	}
}
