package hygiene

import (
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
)

func day(m time.Month, d int) ledger.Date { return ledger.NewDate(2026, m, d) }

func item(id string, kind ledger.ItemKind, doc, due ledger.Date, amount, open ledger.Cents) ledger.Item {
	return ledger.Item{ID: "VE:" + id, Number: id, Kind: kind, DocDate: doc, DueDate: due, Amount: amount, Open: open}
}

// A ledger with one case of each check, and a clean customer that none reports.
func TestRun(t *testing.T) {
	asOf := day(12, 1)
	complete := ledger.Customer{Name: "Complet", SIREN: "552100554", Terms: &ledger.Terms{Days: 30}, Salesperson: "S1",
		Address:  ledger.Address{Lines: []string{"1 rue de la Paix"}, Postcode: "75002", City: "Paris"},
		Contacts: []ledger.Contact{{Name: "Compta", Email: "compta@example.fr"}}}
	cust := func(id string, edit func(*ledger.Customer)) ledger.Customer {
		c := complete
		c.ID = id
		if edit != nil {
			edit(&c)
		}
		return c
	}
	accounts := []*ledger.Account{
		{Customer: cust("C1", nil), Items: []ledger.Item{ // clean: one invoice not yet due
			item("F1", ledger.Invoice, day(11, 20), day(12, 20), 120000, 120000)}},
		{Customer: cust("C2", nil), Items: []ledger.Item{ // an unlettered payment: a credit balance
			item("P2", ledger.Payment, day(11, 3), ledger.NoDate, -50000, -50000)}},
		{Customer: cust("C3", nil), Items: []ledger.Item{ // a small rest, an invoice without due date
			item("F3", ledger.Invoice, day(10, 1), day(10, 31), 100000, 300),
			item("F4", ledger.Invoice, day(11, 1), ledger.NoDate, 20000, 20000)}},
		{Customer: cust("C4", func(c *ledger.Customer) { // incomplete, terms over the cap
			c.Address, c.Contacts, c.SIREN, c.Salesperson = ledger.Address{}, nil, "", ""
			c.Terms = &ledger.Terms{Days: 90}
		}), Items: []ledger.Item{item("F5", ledger.Invoice, day(11, 15), day(12, 15), 10000, 10000)}},
		{Customer: cust("C5", nil), Items: []ledger.Item{ // overdue for more than a year, not in 416
			item("F6", ledger.Invoice, ledger.NewDate(2025, 9, 1), ledger.NewDate(2025, 10, 1), 70000, 70000)}},
		{Customer: cust("C6", func(c *ledger.Customer) { c.Doubtful = true }), Items: []ledger.Item{ // already in 416
			item("F7", ledger.Invoice, ledger.NewDate(2025, 9, 1), ledger.NewDate(2025, 10, 1), 70000, 70000)}},
		{Customer: cust("C7", nil), Items: []ledger.Item{ // in a collective procedure
			item("F8", ledger.Invoice, day(11, 1), day(12, 1), 30000, 30000)}},
		{Customer: cust("C8", nil), Items: []ledger.Item{ // an old invoice covered by a payment not lettered with it
			item("F9", ledger.Invoice, ledger.NewDate(2025, 9, 1), ledger.NewDate(2025, 10, 1), 40000, 40000),
			item("P9", ledger.Payment, day(11, 10), ledger.NoDate, -40000, -40000)}},
	}
	book := ledger.NewBook(ledger.Settings{}, nil, accounts)
	d := dispute.Dispute{ID: "L2026-0001", Customer: "C1", DueBy: day(11, 25), Status: dispute.StatusOpen,
		Items: []dispute.DisputedItem{{ItemID: "VE:F1", Amount: 120000}}}
	done := d
	done.ID, done.Status = "L2026-0002", dispute.StatusResolved
	promises := []dunning.Promise{
		{ID: "P1", Customer: "C3", Made: day(10, 15), Due: day(11, 1), Amount: 20000, Status: dunning.PromisePending},
		{ID: "P2", Customer: "C3", Made: day(11, 20), Due: day(11, 30), Amount: 20000, Status: dunning.PromisePending}, // in its grace
		{ID: "P3", Customer: "C3", Made: day(10, 15), Due: day(11, 1), Amount: 20000, Status: dunning.PromiseBroken, Closed: day(11, 5)},
	}
	r := Run(Input{Book: book, Disputes: []dispute.Dispute{d, done}, Promises: promises, AsOf: asOf,
		InProcedure: func(id string) bool { return id == "C7" }})
	want := map[Check][]string{
		Unmatched:     {"C2/P2", "C8/P9"},
		CreditBalance: {"C2/"},
		SmallRest:     {"C3/F3"},
		NoDueDate:     {"C3/F4"},
		Incomplete:    {"C4/"},
		TermsOverCap:  {"C4/"},
		NotDoubtful:   {"C5/", "C7/"},
		LateDispute:   {"C1/L2026-0001"},
		BrokenPromise: {"C3/P1"},
	}
	if len(r.Results) != len(Checks()) {
		t.Fatalf("%d results", len(r.Results))
	}
	for _, res := range r.Results {
		var got []string
		for _, f := range res.Findings {
			got = append(got, f.Customer+"/"+f.Ref)
		}
		w := want[res.Check]
		if len(got) != len(w) || res.Count != len(w) {
			t.Errorf("%s: %v, want %v", res.Check, got, w)
			continue
		}
		for i := range w {
			if got[i] != w[i] {
				t.Errorf("%s: %v, want %v", res.Check, got, w)
			}
		}
	}
	byCheck := map[Check]Result{}
	for _, res := range r.Results {
		byCheck[res.Check] = res
	}
	if inc := byCheck[Incomplete].Findings[0]; len(inc.Missing) != 4 || inc.Missing[0] != "address" || inc.Missing[3] != "salesperson" {
		t.Errorf("C4 lacks %v, want address, email, siren, salesperson (terms are set)", inc.Missing)
	}
	if nd := byCheck[NotDoubtful].Findings; nd[0].Reason != "overdue" || nd[1].Reason != "procedure" || nd[0].Amount != 70000 {
		t.Errorf("not doubtful: %+v", nd)
	}
	if byCheck[CreditBalance].Amount != -50000 || byCheck[SmallRest].Amount != 300 || byCheck[LateDispute].Amount != 120000 {
		t.Errorf("amounts: credit %s, rest %s, dispute %s", byCheck[CreditBalance].Amount, byCheck[SmallRest].Amount, byCheck[LateDispute].Amount)
	}
	if r.Clean() {
		t.Error("a report with findings is clean")
	}
	// The same ledger a month earlier: the promise is not due, the dispute not late.
	early := Run(Input{Book: book, Disputes: []dispute.Dispute{d}, Promises: promises, AsOf: day(11, 2)})
	for _, res := range early.Results {
		if (res.Check == LateDispute || res.Check == BrokenPromise) && res.Count != 0 {
			t.Errorf("at %s, %s: %+v", early.AsOf, res.Check, res.Findings)
		}
	}
}
