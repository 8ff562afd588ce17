package overindebt

import "relance/ledger"

// Claim is what the creditor declares and justifies to the commission for a customer
// (the letter to its secretariat): every invoice still open with its date, due date,
// amount and what is left to pay, the credits the ledger holds for the customer, and
// the total in principal. No late penalty, interest or indemnity is claimed: the debts
// of the état d'endettement bear none from the admissibility (C. consom. L722-14 [to
// verify]) and the commission decides the interest of the plan (L733-1).
type Claim struct {
	Customer string      `json:"customer"`
	AsOf     ledger.Date `json:"as_of"`
	Case     Case        `json:"case"`
	Lines    []ClaimLine `json:"lines"`
	// Later are the invoices issued after the admissibility: new debts, not in the
	// état du passif, which the debtor must pay as they fall due (the prohibition of
	// C. consom. L722-5 covers the prior debts only). They are not declared.
	Later []ClaimLine `json:"later"`
	// Invoiced is the sum of the lines' open amounts, Credits the credit notes and
	// payments on account not yet allocated (negative), Total what is declared:
	// Invoiced + Credits.
	Invoiced ledger.Cents `json:"invoiced"`
	Credits  ledger.Cents `json:"credits"`
	Total    ledger.Cents `json:"total"`
	// Difference is Total less the debtor's figure (Case.DebtorAmount) when the debtor's
	// figure is known: what the justification corrects.
	Difference ledger.Cents `json:"difference"`
}

// ClaimLine is one invoice declared.
type ClaimLine struct {
	Item    string       `json:"item"`
	Number  string       `json:"number"`
	DocDate ledger.Date  `json:"doc_date"`
	DueDate ledger.Date  `json:"due_date,omitempty"`
	Amount  ledger.Cents `json:"amount"`
	Open    ledger.Cents `json:"open"`
}

// BuildClaim builds the claim of acc under file k at asOf from the items the ledger
// holds open: those issued by the admissibility (by asOf while the file waits for it)
// are declared, those issued after are Later. Its Total may be 0 or negative: the
// caller refuses a letter that would declare nothing.
func BuildClaim(acc *ledger.Account, k Case, asOf ledger.Date) *Claim {
	c := &Claim{Customer: acc.Customer.ID, AsOf: asOf, Case: k, Lines: []ClaimLine{}, Later: []ClaimLine{}}
	cutoff := asOf
	if k.Admitted.Valid() && k.Admitted < asOf {
		cutoff = k.Admitted
	}
	for i := range acc.Items {
		it := &acc.Items[i]
		if it.Open == 0 || (it.DocDate.Valid() && it.DocDate > asOf) {
			continue
		}
		if it.Open < 0 {
			c.Credits += it.Open
			continue
		}
		ref := it.Number
		if ref == "" {
			ref = it.ID
		}
		l := ClaimLine{Item: it.ID, Number: ref, DocDate: it.DocDate, DueDate: it.DueDate, Amount: it.Amount, Open: it.Open}
		if it.DocDate.Valid() && it.DocDate > cutoff {
			c.Later = append(c.Later, l)
			continue
		}
		c.Lines = append(c.Lines, l)
		c.Invoiced += it.Open
	}
	c.Total = c.Invoiced + c.Credits
	if k.DebtorAmount > 0 {
		c.Difference = c.Total - k.DebtorAmount
	}
	return c
}
