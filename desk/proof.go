package desk

import (
	"strings"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/proof"
	"relance/ledger/store"
)

// The proof of the debt per invoice (ledger/proof): the customer card's « Preuves »
// tab and `relance proof set|list` set and read each open invoice's order, delivery
// proof and invoice copy here; the injonction pack (InjonctionPack) and the claim
// filing (PrepareClaimLetter) list them as exhibits and warn of those missing.

// ProofChange sets some pieces of one invoice's proof.
type ProofChange struct {
	Customer string
	// Item names the invoice by its item ID or its document number.
	Item string
	// Pieces are the pieces to set; the others stay as recorded.
	Pieces map[proof.Kind]proof.Piece
}

// SetProof records the pieces of ch for its invoice, on at by by (the dossier's
// signatory when empty), in one transaction, and returns the invoice's proof as
// stored. An unknown customer or invoice, a credit (nothing to prove), an unknown
// piece, a reference too long or a date after at is refused, nothing written.
func (s *Session) SetProof(ch ProofChange, at ledger.Date, by string) (*proof.Invoice, error) {
	cust := strings.TrimSpace(ch.Customer)
	s, err := s.WithAccount(cust) // the invoice may be paid since
	if err != nil {
		return nil, err
	}
	acc := s.Book.Account(cust)
	if acc == nil {
		return nil, &ledger.Problem{Key: "proof.err.customer", Args: []string{"value", ch.Customer}}
	}
	ids, err := itemIDs(acc, []string{ch.Item})
	if err != nil || len(ids) == 0 {
		return nil, &ledger.Problem{Key: "proof.err.item", Args: []string{"customer", cust, "value", ch.Item}}
	}
	for i := range acc.Items {
		if it := &acc.Items[i]; it.ID == ids[0] && it.Amount <= 0 {
			return nil, &ledger.Problem{Key: "proof.err.credit", Args: []string{"customer", cust, "value", ch.Item}}
		}
	}
	var out *proof.Invoice
	err = s.DB.Update(func(tx *store.Tx) error {
		v, err := tx.Proof(cust, ids[0])
		if err != nil {
			return err
		}
		if v == nil {
			v = &proof.Invoice{Customer: cust, Item: ids[0]}
		}
		for k, p := range ch.Pieces {
			dst := v.Piece(k)
			if dst == nil {
				return &ledger.Problem{Key: "proof.err.piece", Args: []string{"value", string(k)}}
			}
			*dst = p
		}
		v.Recorded, v.By = at, s.Who(by)
		if err := tx.PutProof(v); err != nil {
			return err
		}
		out = v
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ProofReport judges the proof of customer's invoices open at asOf (what each still
// owed then: credit.OpenAtMap), with the pieces recorded: the customer card's « Preuves »
// tab and `relance proof list` show it. An unknown customer is refused.
func (s *Session) ProofReport(customer string, asOf ledger.Date) (*proof.Report, error) {
	customer = strings.TrimSpace(customer)
	s, err := s.WithAccount(customer)
	if err != nil {
		return nil, err
	}
	acc := s.Book.Account(customer)
	if acc == nil {
		return nil, &ledger.Problem{Key: "proof.err.customer", Args: []string{"value", customer}}
	}
	vs, err := s.DB.LoadProofs(customer)
	if err != nil {
		return nil, err
	}
	open := credit.OpenAtMap(acc, asOf)
	items := make([]ledger.Item, 0, len(open))
	for i := range acc.Items {
		it := acc.Items[i]
		if o, ok := open[&acc.Items[i]]; ok {
			it.Open = o
			items = append(items, it)
		}
	}
	ledger.SortItems(items)
	return proof.Assess(customer, items, proof.Index(vs), asOf), nil
}

// ParsePiece reads a piece as the command line writes it: "present", "missing" or
// "unknown", then optionally ":" and the file reference ("present:BC 2026-118").
// field names the flag in the error.
func ParsePiece(field, s string) (proof.Piece, error) {
	st, ref, _ := strings.Cut(s, ":")
	state, ok := proof.ParseState(strings.ToLower(st))
	if !ok || strings.TrimSpace(st) == "" {
		return proof.Piece{}, &ledger.Problem{Key: "proof.err.parse", Args: []string{"field", field, "value", s}}
	}
	return proof.Piece{State: state, Ref: strings.TrimSpace(ref)}, nil
}

// InvoiceProof is the proof recorded for item of customer (the pieces not recorded
// when there is none): the form of the card's item menu starts from it.
func (s *Session) InvoiceProof(customer, item string) (proof.Invoice, error) {
	v := proof.Invoice{Customer: customer, Item: item}
	err := s.DB.View(func(tx *store.Tx) error {
		got, err := tx.Proof(customer, item)
		if got != nil {
			v = *got
		}
		return err
	})
	return v, err
}
