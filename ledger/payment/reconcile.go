package payment

import (
	"sort"
	"strings"
	"unicode"

	"relance/ledger"
)

// Window is how many days apart a manual payment and the imported payment of the same
// amount may be dated and still be the same payment: the day the cheque arrived and
// the day the bank credited it.
const Window = 5

// Pairing is a manual payment and the imported item that brings the same payment.
type Pairing struct {
	Payment  string `json:"payment"`
	Customer string `json:"customer"`
	Item     string `json:"item"`
}

// Reconcile pairs the active payments of pays with the payment items an import brings
// (brought: customer ID → the file's items of that customer that the dossier did not
// have; the importer passes those, since an item it had was a candidate when it was
// imported). For each payment, in
// date then ID order, among its customer's imported payments not yet paired (by this
// call or an earlier import, SupersededBy):
//  1. the same reference (document number, or in the label) and the same amount;
//  2. the same amount, dated within Window days (the nearest date first);
//  3. the same reference as the imported item's document number, whatever its amount
//     (the ledger is right about the amount).
//
// A payment taken back by the bank (KindReturn) pairs the same way with a debit
// adjustment brought (the returned cheque as the ledger books it).
//
// unpaired are the active payments left unpaired that the file should have brought:
// the ones of its customers or not, dated on or before to (the end of the file's
// period; none when to is NoDate). The caller records each pairing (SupersededBy).
func Reconcile(pays []Payment, brought map[string][]ledger.Item, to ledger.Date) (pairs []Pairing, unpaired []Payment) {
	taken := map[string]bool{}
	for _, p := range pays {
		if p.SupersededBy != "" {
			taken[p.Customer+"\x00"+p.SupersededBy] = true
		}
	}
	order := make([]int, 0, len(pays))
	for i := range pays {
		if pays[i].Active() {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := &pays[order[i]], &pays[order[j]]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		return a.ID < b.ID
	})
	for _, i := range order {
		p := &pays[i]
		var cands []*ledger.Item
		for k := range brought[p.Customer] {
			it := &brought[p.Customer][k]
			if p.IsReturn() {
				if it.Amount > 0 && it.Kind == ledger.Adjustment && !taken[p.Customer+"\x00"+it.ID] {
					cands = append(cands, it)
				}
				continue
			}
			if it.Kind == ledger.Payment && it.Amount < 0 && !taken[p.Customer+"\x00"+it.ID] {
				cands = append(cands, it)
			}
		}
		if it := pick(p, cands); it != nil {
			taken[p.Customer+"\x00"+it.ID] = true
			pairs = append(pairs, Pairing{Payment: p.ID, Customer: p.Customer, Item: it.ID})
			continue
		}
		if to.Valid() && p.Date <= to {
			unpaired = append(unpaired, *p)
		}
	}
	return pairs, unpaired
}

// pick returns the imported payment of cands that is p, or nil (see Reconcile).
func pick(p *Payment, cands []*ledger.Item) *ledger.Item {
	ref := SquashRef(p.Ref)
	amount := func(it *ledger.Item) ledger.Cents { return abs(it.Amount) }
	var best *ledger.Item
	bestGap := Window + 1
	for _, it := range cands {
		if amount(it) == p.Amount && ref != "" && (SquashRef(it.Number) == ref || len(ref) >= 6 && strings.Contains(SquashRef(it.Label), ref)) {
			return it
		}
		if amount(it) == p.Amount {
			if g := abs(it.DocDate.DaysSince(p.Date)); g < bestGap || (g == bestGap && best != nil && it.ID < best.ID) {
				best, bestGap = it, g
			}
		}
	}
	if best != nil {
		return best
	}
	for _, it := range cands {
		if ref != "" && SquashRef(it.Number) == ref {
			return it
		}
	}
	return nil
}

func abs[T ~int | ~int64](n T) T {
	if n < 0 {
		return -n
	}
	return n
}

// SquashRef keeps the letters and digits of s, upper-cased, so that "chq 123 456" and
// "CHQ123456" are the same reference.
func SquashRef(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}
