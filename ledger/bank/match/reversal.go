package match

import (
	"iter"
	"slices"
	"sort"
	"strings"
	"unicode"

	"relance/ledger"
	"relance/ledger/bank"
	"relance/ledger/payment"
)

// Taken is a payment that a reversal line of a statement (a cheque returned unpaid, a
// direct debit rejected) may take back: a credit of the same statement, a payment
// recorded in Relance, or a payment the ledger holds.
type Taken struct {
	// Line is the index of the credit line of the same statement that the reversal
	// takes back (the direct debit credited on the 27th and rejected on the 3rd), or
	// -1. Its customer is then the one chosen for that line.
	Line int
	// Payment is the ID of the payment recorded in Relance that it takes back, or "".
	Payment string
	// Item is the ID of the ledger's payment item that it takes back, or "".
	Item     string
	Customer string       // "" for a Line until that line is decided
	Date     ledger.Date  // the day the payment was received
	Amount   ledger.Cents // the payment's amount: the reversal's
	// Settled are the debits the payment had settled (their item IDs): the invoices
	// the return opens again. Numbers are their document numbers, for people.
	Settled []string
	Numbers []string
	// Ref is the reference that found it (the cheque's number), or "".
	Ref   string
	Score int
	Why   []Reason
	Exact bool
}

// ReversalSuggestion is what a reversal line may take back, best first.
type ReversalSuggestion struct {
	Line       int
	Candidates []Taken
}

// maxReversalAge is how many days before the reversal a payment taken back may be
// dated: a cheque comes back unpaid within a few weeks, a direct debit within 13
// months (SEPA unauthorised refund), beyond which the bank's line is no longer matched
// by amount alone.
const maxReversalAge = 400

// Reversals returns, for each debit line of lines marked as a reversal, the payments
// it may take back, in the order of lines: an earlier credit of the same statement with
// the same end-to-end reference or cheque number (exact), a payment recorded here
// (pays, the active ones received) or a payment item of the book of that amount. A
// reference found (the cheque number in the payment's number or label, the
// end-to-end reference) makes it exact when it is the only one; the amount with the
// payer's name close to the customer's is suggested, never exact.
//
// recorded are the lines already recorded by an earlier import: a credit among them
// is found as the payment recorded from it, not as a line.
func Reversals(book *ledger.Book, lines []bank.Line, pays []payment.Payment, recorded map[int]bool) []ReversalSuggestion {
	return ReversalsOver(book, slices.Values(book.Accounts), lines, pays, recorded)
}

// ReversalsOver is Reversals with the payment items of the ledger looked for in
// accounts (the book's customers still give the names): a session holding part of the
// history reads every account whole in turn for it (issue 26), since the payment taken
// back may be more than a year old.
func ReversalsOver(book *ledger.Book, accounts iter.Seq[*ledger.Account], lines []bank.Line, pays []payment.Payment, recorded map[int]bool) []ReversalSuggestion {
	want := map[ledger.Cents]bool{}
	var idx []int
	for i := range lines {
		if l := &lines[i]; !l.Credit && l.Reversal && l.Amount > 0 {
			want[l.Amount] = true
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return nil
	}
	type hit struct {
		acct *ledger.Account
		item *ledger.Item
	}
	byAmount := map[ledger.Cents][]hit{}
	for a := range accounts {
		for i := range a.Items {
			it := &a.Items[i]
			if it.Kind == ledger.Payment && it.Amount < 0 && want[-it.Amount] && it.Source != payment.SourceManual && !strings.HasPrefix(it.Source, "bank:") {
				byAmount[-it.Amount] = append(byAmount[-it.Amount], hit{a, it})
			}
		}
	}
	out := make([]ReversalSuggestion, 0, len(idx))
	for _, i := range idx {
		l := &lines[i]
		refs := reversalRefs(l)
		var cs []Taken
		// 1. a credit of the same statement.
		for j := i - 1; j >= 0; j-- {
			c := &lines[j]
			if !c.Credit || c.Reversal || c.Amount != l.Amount || recorded[j] {
				continue
			}
			same := l.EndToEnd != "" && payment.SquashRef(c.EndToEnd) == payment.SquashRef(l.EndToEnd) ||
				l.ChequeNo != "" && payment.SquashRef(c.ChequeNo) == payment.SquashRef(l.ChequeNo)
			if same {
				cs = append(cs, Taken{Line: j, Date: c.Booked, Amount: c.Amount, Score: 100, Exact: true,
					Why: []Reason{{Key: "match.why.reversal_line", Args: []string{"amount", c.Amount.String(), "date", c.Booked.String()}}}})
				break
			}
		}
		// 2. a payment recorded here.
		for k := range pays {
			p := &pays[k]
			if !p.Active() || p.IsReturn() || p.Amount != l.Amount || p.Date > l.Booked || l.Booked.DaysSince(p.Date) > maxReversalAge {
				continue
			}
			t := Taken{Line: -1, Payment: p.ID, Customer: p.Customer, Date: p.Date, Amount: p.Amount}
			for _, al := range p.Allocations {
				t.Settled = append(t.Settled, al.Item)
				t.Numbers = append(t.Numbers, al.Number)
			}
			if r := foundRef(refs, p.Ref+" "+p.Source); r != "" {
				t.Score, t.Exact, t.Ref = 95, true, r
				t.Why = append(t.Why, Reason{Key: "match.why.reversal_ref", Args: []string{"ref", r, "payment", p.ID}})
			} else if a := book.Account(p.Customer); a != nil && nameClose(l.Debtor, a.Customer.Name) {
				t.Score = 60
				t.Why = append(t.Why, Reason{Key: "match.why.reversal_name", Args: []string{"name", l.Debtor, "customer", a.Customer.Name, "amount", p.Amount.String()}})
			} else {
				continue
			}
			cs = append(cs, t)
		}
		// 3. a payment of the ledger.
		for _, h := range byAmount[l.Amount] {
			it := h.item
			if it.DocDate > l.Booked || l.Booked.DaysSince(it.DocDate) > maxReversalAge {
				continue
			}
			t := Taken{Line: -1, Item: it.ID, Customer: h.acct.Customer.ID, Date: it.DocDate, Amount: -it.Amount}
			if it.Match != "" {
				// The debits of its lettering group; those its label names, when it
				// names some (« Chèque n° 1029489 – FA2026-02232 »).
				text := payment.SquashRef(it.Label + " " + it.Number)
				var named, all []*ledger.Item
				for k := range h.acct.Items {
					if d := &h.acct.Items[k]; d.Match == it.Match && d.Amount > 0 {
						all = append(all, d)
						if n := payment.SquashRef(d.Number); len(n) >= 4 && strings.Contains(text, n) {
							named = append(named, d)
						}
					}
				}
				if len(named) > 0 {
					all = named
				}
				for _, d := range all {
					t.Settled = append(t.Settled, d.ID)
					t.Numbers = append(t.Numbers, d.Number)
				}
			}
			if r := foundRef(refs, it.Number+" "+it.Label); r != "" {
				t.Score, t.Exact, t.Ref = 90, true, r
				t.Why = append(t.Why, Reason{Key: "match.why.reversal_ref", Args: []string{"ref", r, "payment", it.Number}})
			} else if nameClose(l.Debtor, h.acct.Customer.Name) {
				t.Score = 55
				t.Why = append(t.Why, Reason{Key: "match.why.reversal_name", Args: []string{"name", l.Debtor, "customer", h.acct.Customer.Name, "amount", t.Amount.String()}})
			} else {
				continue
			}
			cs = append(cs, t)
		}
		sort.SliceStable(cs, func(a, b int) bool {
			if cs[a].Score != cs[b].Score {
				return cs[a].Score > cs[b].Score
			}
			return cs[a].Date > cs[b].Date
		})
		if len(cs) > MaxCandidates {
			cs = cs[:MaxCandidates]
		}
		for k := range cs {
			if k > 0 || len(cs) > 1 && cs[1].Exact {
				cs[k].Exact = false
			}
		}
		out = append(out, ReversalSuggestion{Line: i, Candidates: cs})
	}
	return out
}

// reversalRefs are the references a reversal line carries that name the payment it
// takes back: the cheque's number, the end-to-end reference, squashed, and the numbers
// of six digits or more in its texts (« CHQ IMPAYE N° 1029489 »); references shorter
// than five characters name nothing reliably.
func reversalRefs(l *bank.Line) []string {
	var out []string
	for _, r := range []string{l.ChequeNo, l.EndToEnd} {
		if s := payment.SquashRef(r); len(s) >= 5 {
			out = append(out, s)
		}
	}
	for _, w := range strings.FieldsFunc(l.Remittance+" "+l.Label, func(r rune) bool { return !unicode.IsDigit(r) }) {
		if len(w) >= 6 && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// foundRef returns the first of refs found in text (squashed), or "".
func foundRef(refs []string, text string) string {
	t := payment.SquashRef(text)
	for _, r := range refs {
		if strings.Contains(t, r) {
			return r
		}
	}
	return ""
}

// nameClose reports whether the payer's name and the customer's are close, as Suggest
// compares them: most words in common (overlap ≥ 0.6).
func nameClose(payer, customer string) bool {
	ids := map[string]int32{}
	number := func(words []string) []int32 {
		out := make([]int32, 0, len(words))
		for _, w := range words {
			id, ok := ids[w]
			if !ok {
				id = int32(len(ids))
				ids[w] = id
			}
			out = append(out, id)
		}
		return out
	}
	p, c := number(nameTokens(payer)), number(nameTokens(customer))
	return overlap(p, c, len(c)) >= 0.6
}
