package dunning

import (
	"slices"
	"sort"

	"relance/ledger"
	"relance/ledger/law"
)

// Interruptions are the limitation interruptions the reminder records hold:
//   - a payment plan the debtor signed with an acknowledgement of debt restarts the
//     period of the items it covers (all of the customer's when it names none) on the
//     day it was agreed (C. civ. 2240, 2231);
//   - every letter issued (reminder, formal notice, e-mail with its PDF) is a written
//     claim on the items it names, on its date: against a public body it interrupts the
//     prescription quadriennale (loi 68-1250 art. 2); against a private debtor the law
//     code leaves it aside (Cass. com. 18 May 2022);
//   - every act of the register still counted (Register: not replaced nor withdrawn),
//     with its end for a lasting one, a claim filed in an insolvency as a legal action
//     lasting until the procedure is closed (C. civ. 2241, 2242);
//   - a claim-filing letter issued from Relance (stage ClaimFilingStage) is such a
//     claim filed in the insolvency, on the items it files, from its date and without
//     an end (the dossier does not know when the procedure is closed), unless the
//     register holds a counted InsolvencyClaim covering the item: that record, which
//     can be given the procedure's end, then stands for the filing.
//
// law.ClaimDeadline then applies each as the debtor's regime says.
func (r *Records) Interruptions() law.InterruptionsFunc {
	type act struct {
		in    law.Interruption
		items []string
		// filing: a claim-filing letter, which a registered insolvency claim replaces;
		// registered: a counted InsolvencyClaim of the register
		filing, registered bool
	}
	covers := func(a act, itemID string) bool { return len(a.items) == 0 || slices.Contains(a.items, itemID) }
	byCustomer := map[string][]act{}
	for _, p := range r.Plans {
		if d := p.LimitationRestart(); d.Valid() {
			byCustomer[p.Customer] = append(byCustomer[p.Customer], act{in: law.Interruption{Kind: law.PaymentPlan, Date: d}, items: p.Items})
		}
	}
	for _, a := range r.Actions {
		if a.Letter == "" || !a.Done() || !a.Date.Valid() {
			continue
		}
		x := act{in: law.Interruption{Kind: law.WrittenClaim, Date: a.Date}, items: a.Items}
		if a.Stage == ClaimFilingStage { // C. civ. 2241: a claim filed in an insolvency is a demand in justice
			x.in.Kind, x.filing = LawKind(InsolvencyClaim), true
		}
		byCustomer[a.Customer] = append(byCustomer[a.Customer], x)
	}
	for _, e := range Register(r.Register) {
		if e.Counts() {
			in := law.Interruption{Kind: LawKind(e.Kind), Date: e.Date, End: e.End}
			byCustomer[e.Customer] = append(byCustomer[e.Customer], act{in: in, items: e.Items, registered: e.Kind == InsolvencyClaim})
		}
	}
	return func(customer, itemID string) []law.Interruption {
		acts := byCustomer[customer]
		registered := slices.ContainsFunc(acts, func(a act) bool { return a.registered && covers(a, itemID) })
		var out []law.Interruption
		for _, a := range acts {
			if covers(a, itemID) && !(a.filing && registered) {
				out = append(out, a.in)
			}
		}
		return out
	}
}

// LegalDeadline is a legal deadline shown on the agenda: an item's limitation deadline
// within three months (or passed), or a creditor's deadline in a customer's insolvency.
type LegalDeadline struct {
	Customer string      `json:"customer"`
	Name     string      `json:"name"`
	Kind     string      `json:"kind"`           // "limitation", or the procedure deadline's kind
	Item     string      `json:"item,omitempty"` // document number, for a limitation deadline
	Date     ledger.Date `json:"date"`           // last day to act
	DaysLeft int         `json:"days_left"`
	Rule     string      `json:"rule"` // article
}

// LegalDeadlines lists, at asOf, the limitation deadlines of open items that are within
// three months or passed (law.LevelWarn3, law.LevelExpired; the records' interruptions
// counted) and the deadlines of the insolvency procedures still to come within
// soonDays, soonest first. open gives the items open at asOf (credit.OpenAtMap; nil:
// the stored open amounts).
func LegalDeadlines(book *ledger.Book, asOf ledger.Date, rec *Records, procs []law.Procedure, soonDays int, open ledger.OpenAtFunc) []LegalDeadline {
	var out []LegalDeadline
	soon := func(st *law.LimitationState) bool { return st.Level == law.LevelWarn3 || st.Level == law.LevelExpired }
	for _, d := range law.BookDeadlinesWhere(book, asOf, rec.Interruptions(), open, soon) {
		out = append(out, LegalDeadline{Customer: d.Customer.ID, Name: d.Customer.Name, Kind: "limitation",
			Item: d.Item.Number, Date: d.State.Deadline, DaysLeft: d.State.DaysLeft, Rule: d.State.Rule})
	}
	for _, p := range procs {
		name := p.Customer
		if a := book.Account(p.Customer); a != nil {
			name = a.Customer.Name
		}
		for _, d := range law.ProcedureDeadlines(p, asOf) {
			if d.DaysLeft < 0 || d.DaysLeft > soonDays {
				continue
			}
			out = append(out, LegalDeadline{Customer: p.Customer, Name: name, Kind: string(d.Kind), Date: d.Date,
				DaysLeft: d.DaysLeft, Rule: d.Rule})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}
