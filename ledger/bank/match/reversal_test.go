package match

import (
	"slices"
	"testing"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/payment"
)

// The demo statements' reversals find what they take back (testdata/bank/README.md):
// Ntry 12 the direct debit credited by Ntry 1, Ntry 9 and CSV row 12 the cheques the
// ledger holds, found by their number; each exact, with the invoices they had settled.
func TestReversalsOfTheDemoStatements(t *testing.T) {
	book := demo.Book(demoToday)
	type want struct {
		line     string // the credit of the statement taken back, or ""
		customer string
		settled  string // an invoice number the payment had settled
	}
	cases := map[string]map[string]want{
		"releve-demo.camt053.xml": {
			"Ntry 9":  {"", "C00010", "FA2026-02060"},
			"Ntry 12": {"Ntry 1", "", ""},
		},
		"releve-demo.csv": {
			"row 12": {"", "C00032", "FA2026-02232"},
		},
	}
	for file, wants := range cases {
		lines := readDemo(t, file)
		got := Reversals(book, lines, nil, nil)
		if len(got) != len(wants) {
			t.Errorf("%s: %d reversals, want %d", file, len(got), len(wants))
		}
		for _, s := range got {
			w, ok := wants[where(lines[s.Line])]
			if !ok {
				t.Errorf("%s: unexpected reversal %v", file, lines[s.Line])
				continue
			}
			if len(s.Candidates) == 0 || !s.Candidates[0].Exact {
				t.Errorf("%s %s: no exact candidate: %+v", file, where(lines[s.Line]), s.Candidates)
				continue
			}
			c := s.Candidates[0]
			if w.line != "" {
				if c.Line < 0 || where(lines[c.Line]) != w.line {
					t.Errorf("%s %s: takes back line %d, want %s", file, where(lines[s.Line]), c.Line, w.line)
				}
				continue
			}
			if c.Customer != w.customer || c.Item == "" || !slices.Contains(c.Numbers, w.settled) {
				t.Errorf("%s %s: takes back %+v, want %s's payment of %s", file, where(lines[s.Line]), c, w.customer, w.settled)
			}
		}
	}
}

// A credit recorded by an earlier import is found as its payment, not as a line; a
// payment already reversed is not taken back twice.
func TestReversalOfARecordedCredit(t *testing.T) {
	book := demo.Book(demoToday)
	lines := readDemo(t, "releve-demo.camt053.xml")
	var credit, rev int
	for i, l := range lines {
		switch where(l) {
		case "Ntry 1":
			credit = i
		case "Ntry 12":
			rev = i
		}
	}
	l := lines[credit]
	pays := []payment.Payment{{ID: "RG2026-000001", Customer: "C00011", Date: l.Booked, Amount: l.Amount,
		Method: payment.DirectDebit, Ref: l.EndToEnd, Source: "bank:x:y", Entered: l.Booked}}
	got := Reversals(book, lines, pays, map[int]bool{credit: true})
	var s *ReversalSuggestion
	for i := range got {
		if got[i].Line == rev {
			s = &got[i]
		}
	}
	if s == nil || len(s.Candidates) == 0 || s.Candidates[0].Payment != "RG2026-000001" || !s.Candidates[0].Exact {
		t.Fatalf("Ntry 12 after Ntry 1 recorded: %+v", s)
	}
	pays[0].Reversed = &payment.Reversal{Date: l.Booked, Entered: l.Booked}
	got = Reversals(book, lines, pays, map[int]bool{credit: true})
	for _, g := range got {
		if g.Line == rev && len(g.Candidates) > 0 && g.Candidates[0].Payment != "" {
			t.Errorf("a reversed payment is taken back again: %+v", g.Candidates[0])
		}
	}
	_ = ledger.NoDate
}
