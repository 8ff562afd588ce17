package law

import (
	"relance/ledger"
)

// ClaimItem is one invoice of a claim filing.
type ClaimItem struct {
	Item    string       `json:"item"`
	Number  string       `json:"number"`
	DocDate ledger.Date  `json:"doc_date"`
	DueDate ledger.Date  `json:"due_date"`
	Amount  ledger.Cents `json:"amount"` // invoice amount incl. VAT
	Open    ledger.Cents `json:"open"`   // still owed
}

// Security is the rank a claim is filed with.
type Security string

// Securities a trade creditor usually has.
const (
	// Unsecured (chirographaire): no privilege or security.
	Unsecured Security = "unsecured"
	// RetentionOfTitle: a retention-of-title clause agreed in writing at the latest at
	// delivery (C. civ. 2367 ff., C. com. L624-16); the goods may be claimed back.
	RetentionOfTitle Security = "retention"
)

// InsolvencyClaim is the content of a claim filing (déclaration de créance) to the
// mandataire judiciaire (C. com. L622-25, R622-23): the sums due at the opening
// judgment, the sums to fall due with their dates, the penalties accrued until the
// judgment, the security, and the evidence.
type InsolvencyClaim struct {
	Procedure Procedure   `json:"procedure"`
	Customer  string      `json:"customer"`
	AsOf      ledger.Date `json:"as_of"`
	// Due are the invoices due on or before the judgment date (échues).
	Due []ClaimItem `json:"due"`
	// ToFallDue are the invoices dated before the judgment but due after it (à échoir).
	ToFallDue []ClaimItem `json:"to_fall_due"`
	// Later are invoices dated after the judgment: post-opening claims, paid at their
	// due date or with priority (C. com. L622-17), not filed.
	Later []ClaimItem `json:"later"`
	// Credits are unapplied credits (credit notes, payments) at the as-of date; they are
	// set off against the claim (connected claims, C. com. L622-7).
	Credits ledger.Cents `json:"credits"`
	// Decompte is the penalty computation of the invoices due, stopped at the day
	// before the judgment (C. com. L622-28).
	Decompte  *Decompte    `json:"decompte,omitempty"`
	DueTotal  ledger.Cents `json:"due_total"`
	FallTotal ledger.Cents `json:"fall_total"`
	Penalties ledger.Cents `json:"penalties"`
	Indemnity ledger.Cents `json:"indemnity"`
	// PenaltyInvoices are the penalty invoices issued before and still owed, filed on
	// lines of their own (interest on amounts paid late is claimed through them only);
	// PenaltyInvoiceTotal sums them.
	PenaltyInvoices     []ClaimItem  `json:"penalty_invoices,omitempty"`
	PenaltyInvoiceTotal ledger.Cents `json:"penalty_invoice_total,omitempty"`
	// Total is what is filed: DueTotal + FallTotal + Penalties + Indemnity +
	// PenaltyInvoiceTotal + Credits (Credits is ≤ 0).
	Total    ledger.Cents `json:"total"`
	Security Security     `json:"security"`
	Notes    []Note       `json:"notes"`
	// Exhibits are the orders and delivery proofs held for the invoices filed, joined
	// to the declaration (R622-23); ProofWarnings the pieces missing or not recorded,
	// for the creditor and not printed (AttachProofs, injonction_proof.go).
	Exhibits      []ClaimExhibit `json:"exhibits,omitempty"`
	ProofWarnings []Note         `json:"proof_warnings,omitempty"`
}

// BuildClaim prepares the claim filing for acc in procedure p at asOf, with the
// penalties of its regime computed by r (nil: no penalties) and the given security.
// Only open debit items dated up to the judgment are filed.
func BuildClaim(r *Rates, acc *ledger.Account, p Procedure, sec Security, asOf ledger.Date) (*InsolvencyClaim, error) {
	return BuildClaimWith(r, acc, p, sec, asOf, nil)
}

// BuildClaimWith is BuildClaim with the customer's penalty invoices issued
// (PenaltiesDue): each one still owed is filed on its own line, the ledger item of one
// booked in the accounts is not filed a second time, and the indemnities they billed
// are not claimed again.
func BuildClaimWith(r *Rates, acc *ledger.Account, p Procedure, sec Security, asOf ledger.Date, pens []PenaltyDue) (*InsolvencyClaim, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if sec == "" {
		sec = Unsecured
	}
	c := &InsolvencyClaim{Procedure: p, Customer: acc.Customer.ID, AsOf: asOf, Security: sec,
		Due: []ClaimItem{}, ToFallDue: []ClaimItem{}, Later: []ClaimItem{}, Notes: []Note{}}
	var late []Invoice
	// The opening judgment takes effect on its date at 0 h: interest runs until the
	// day before and stops (C. com. L622-28 al. 1).
	stop := OpeningEve(&p)
	penLines, booked := penaltyClaimLines(pens)
	for _, l := range penLines {
		c.PenaltyInvoices = append(c.PenaltyInvoices, ClaimItem{Item: l.Item, Number: l.Number, DocDate: l.DocDate, DueDate: l.DueDate,
			Amount: l.Amount, Open: l.Open})
		c.PenaltyInvoiceTotal += l.Open
	}
	for i := range acc.Items {
		it := &acc.Items[i]
		if booked[it.ID] {
			continue // a penalty invoice booked in the accounts: filed as such above
		}
		if it.Open < 0 {
			c.Credits += it.Open
			continue
		}
		if it.Open == 0 {
			continue
		}
		ref := it.Number
		if ref == "" {
			ref = it.ID
		}
		ci := ClaimItem{Item: it.ID, Number: ref, DocDate: it.DocDate, DueDate: it.DueDate, Amount: it.Amount, Open: it.Open}
		switch {
		case it.DocDate > p.Judgment:
			c.Later = append(c.Later, ci)
		case it.DueDate.Valid() && it.DueDate >= p.Judgment:
			// C. com. L622-25 al. 1, R622-23 2°: sums to fall due, with their dates.
			c.ToFallDue = append(c.ToFallDue, ci)
			c.FallTotal += it.Open
		default:
			c.Due = append(c.Due, ci)
			c.DueTotal += it.Open
			if it.DueDate.Valid() && it.DueDate < stop {
				late = append(late, Invoice{Ref: ref, Amount: it.Open, Due: it.DueDate})
			}
		}
	}
	if r != nil && len(late) > 0 {
		terms := Terms{Debtor: DebtorOf(&acc.Customer), End: stop, Currency: "EUR"} // declared in euros (C. com. L622-25)
		if terms.Debtor == DebtorConsumer {
			c.Notes = append(c.Notes, Note{Key: "law.claim.note.no_consumer_interest"})
		} else {
			d, capped, err := computeCapped(r, terms, late)
			if err != nil {
				return nil, err
			}
			if capped != nil {
				c.Notes = append(c.Notes, *capped)
			}
			dropBilledIndemnities(d, pens)
			c.Decompte = d
			c.Penalties = d.Totals.Interest
			c.Indemnity = d.Totals.Indemnity
		}
	}
	c.Total = c.DueTotal + c.FallTotal + c.Penalties + c.Indemnity + c.PenaltyInvoiceTotal + c.Credits
	c.Notes = append(c.Notes,
		Note{Key: "law.claim.note.interest_stop", Args: []string{"date", stop.String()}},
		Note{Key: "law.claim.note.to_fall_due"})
	if len(c.Later) > 0 {
		c.Notes = append(c.Notes, Note{Key: "law.claim.note.later", Args: []string{"count", itoa(len(c.Later))}})
	}
	if c.Credits < 0 {
		c.Notes = append(c.Notes, Note{Key: "law.claim.note.credits"})
	}
	if sec == RetentionOfTitle {
		c.Notes = append(c.Notes, Note{Key: "law.claim.note.retention"})
	}
	return c, nil
}

// RetentionClaim is the content of a retention-of-title claim (action en
// revendication, C. com. L624-9, L624-16, R624-13): the goods delivered under the
// unpaid invoices, claimed back within 3 months of the BODACC publication.
type RetentionClaim struct {
	Procedure Procedure   `json:"procedure"`
	Customer  string      `json:"customer"`
	AsOf      ledger.Date `json:"as_of"`
	Deadline  ledger.Date `json:"deadline"`
	// To is who the claim is addressed to: the administrator if one was appointed,
	// else the mandataire (the liquidateur in a liquidation); CopyTo the mandataire
	// when the claim goes to the administrator.
	To, CopyTo string
	ToAddress  ledger.Address
	Invoices   []ClaimItem  `json:"invoices"`
	Total      ledger.Cents `json:"total"`
	Late       bool         `json:"late"` // the 3-month period has passed at AsOf
}

// BuildRetention prepares the retention-of-title claim for acc in procedure p at asOf:
// every unpaid invoice dated up to the judgment (the goods must still exist in kind;
// the letter says so).
func BuildRetention(acc *ledger.Account, p Procedure, asOf ledger.Date) (*RetentionClaim, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	// C. com. R624-13 al. 1: request by LRAR to the administrator, or failing one to the
	// mandataire judiciaire (the liquidateur in a liquidation, L641-14).
	rc := &RetentionClaim{Procedure: p, Customer: acc.Customer.ID, AsOf: asOf, Deadline: p.BODACC.AddMonths(3),
		To: p.Mandataire, ToAddress: p.MandataireAddress, Invoices: []ClaimItem{}}
	if p.Administrator != "" && p.Kind != Liquidation {
		rc.To, rc.ToAddress, rc.CopyTo = p.Administrator, p.AdministratorAddress, p.Mandataire
	}
	for i := range acc.Items {
		it := &acc.Items[i]
		if it.Open <= 0 || it.Kind != ledger.Invoice || it.DocDate > p.Judgment {
			continue
		}
		ref := it.Number
		if ref == "" {
			ref = it.ID
		}
		rc.Invoices = append(rc.Invoices, ClaimItem{Item: it.ID, Number: ref, DocDate: it.DocDate, DueDate: it.DueDate,
			Amount: it.Amount, Open: it.Open})
		rc.Total += it.Open
	}
	rc.Late = asOf > rc.Deadline
	return rc, nil
}
