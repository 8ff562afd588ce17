package demo

import (
	"hash/fnv"
	"slices"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/contract"
	"relance/ledger/store"
)

// putContracts records what the demo's business customers accepted and the guarantees
// held on the largest: most accepted the firm's CGV (some the older version, some
// never), with the retention-of-title and jurisdiction clauses of the firm's terms; the
// five largest accounts are credit-insured (one policy about to end, one limit under
// what the customer owes), the German customer pays under a documentary credit and the
// Swiss one under a bank guarantee; one consumer was wrongly given the jurisdiction
// clause. The same today gives the same contracts.
func putContracts(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	clause := decimal.NewFromInt(10)
	var business []*ledger.Account
	for _, a := range book.Accounts {
		c := &a.Customer
		switch c.Kind {
		case ledger.Business:
			business = append(business, a)
		case ledger.Consumer:
			if c.ID == "C00011" { // the clause copied into a consumer's order form by mistake
				k := contract.Contract{Customer: c.ID, CGV: "CGV 2025-01", Accepted: today.AddDays(-300),
					Court: "Tribunal de commerce de Lyon", Updated: today.AddDays(-300), By: Collector}
				if err := tx.PutContract(&k); err != nil {
					return err
				}
			}
			continue
		default:
			continue
		}
		h := fnv.New32a()
		_, _ = h.Write([]byte(c.ID)) // a hash.Hash never fails
		v := h.Sum32() % 100
		k := contract.Contract{Customer: c.ID, Updated: today.AddDays(-200), By: Collector}
		switch {
		case v < 55:
			k.CGV, k.Accepted = "CGV 2026-01", ledger.NewDate(today.Year(), 1, 5).AddDays(int(v))
		case v < 80:
			k.CGV, k.Accepted = "CGV 2025-01", ledger.NewDate(today.Year()-1, 2, 1).AddDays(int(v))
		}
		if k.Accepted.Valid() {
			k.RetentionOfTitle, k.Court, k.PenaltyClause = true, "Tribunal de commerce de Lyon", &clause
		}
		switch c.ID {
		case "C00005":
			k.Guarantees = append(k.Guarantees, contract.Guarantee{Kind: contract.DocumentaryCredit, Issuer: "Deutsche Bank AG",
				Amount: 1500000, From: today.AddDays(-120), Until: today.AddDays(60), Ref: "LC-DE-2026-0412"})
		case "C00007":
			k.Guarantees = append(k.Guarantees, contract.Guarantee{Kind: contract.BankGuarantee, Issuer: "UBS Switzerland AG",
				Amount: 2000000, From: today.AddDays(-250), Until: today.AddDays(115), Ref: "GAR-88217"})
		}
		if err := tx.PutContract(&k); err != nil {
			return err
		}
	}
	// The five largest business accounts are credit-insured.
	slices.SortStableFunc(business, func(a, b *ledger.Account) int { return int(b.Balance() - a.Balance()) })
	for i, a := range business[:min(5, len(business))] {
		k, err := tx.Contract(a.Customer.ID)
		if err != nil {
			return err
		}
		limit := a.Balance() / 100000 * 100000 // a round limit, in thousands of euros
		until := ledger.NewDate(today.Year(), 12, 31)
		switch i {
		case 0:
			limit = limit / 2 // the insurer cut its limit: the customer owes more than is covered
		case 1:
			until = today.AddDays(20) // the policy ends within the month
		}
		insurer := []string{"Allianz Trade", "Coface", "Atradius"}[i%3]
		k.Guarantees = append(k.Guarantees, contract.Guarantee{Kind: contract.CreditInsurance, Issuer: insurer,
			Amount: max(limit, 500000), From: ledger.NewDate(today.Year(), 1, 1), Until: until, Ref: "POL-" + a.Customer.ID})
		if err := tx.PutContract(k); err != nil {
			return err
		}
	}
	return nil
}
