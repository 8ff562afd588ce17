package desk

import (
	"slices"
	"strings"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/store"
)

// The register of limitation interruptions and suspensions (dunning.InterruptionRecord):
// the window's Contentieux › Prescription tab and `relance interruption` record, end,
// withdraw and list its acts here; `relance deadlines`, the limitation table, the
// agenda and the injonction pack count them (dunning.Records.Interruptions).

// InterruptionRow is a record of the register as the window and the command line list
// it: where it stands, the customer's name and the document numbers of its items.
type InterruptionRow struct {
	dunning.RegisterEntry
	Name    string   `json:"name"`
	Numbers []string `json:"item_numbers"` // empty: all of the customer's items
}

// RecordInterruption records act r of the register, entered at at by by (the
// dossier's signatory when empty), in one transaction; its ID is written back. r.Items
// may name the customer's items by ID or by document number. It is refused, nothing
// written, with the reason: an unknown customer or item, a date after at, an end
// before the act or after at, an act that does not interrupt against this kind of
// debtor, the same act already recorded (store.Tx.AddInterruption).
func (s *Session) RecordInterruption(r *dunning.InterruptionRecord, at ledger.Date, by string) error {
	c := *r
	c.Customer = strings.TrimSpace(c.Customer)
	s, err := s.WithAccount(c.Customer) // its acts may name paid invoices
	if err != nil {
		return err
	}
	acc := s.Book.Account(c.Customer)
	if acc == nil {
		return &ledger.Problem{Key: "dunning.err.unknown_customer", Args: []string{"field", "customer", "value", c.Customer}}
	}
	items, err := itemIDs(acc, c.Items)
	if err != nil {
		return err
	}
	c.Items, c.Proof, c.Note = items, strings.TrimSpace(c.Proof), strings.TrimSpace(c.Note)
	c.By, c.Recorded = s.Who(by), at
	if err := s.DB.Update(func(tx *store.Tx) error { return tx.AddInterruption(&c, at) }); err != nil {
		return err
	}
	*r = c
	return nil
}

// itemIDs resolves refs — item IDs or document numbers of acc — to item IDs, in order,
// without repeats; an unknown one is refused.
func itemIDs(acc *ledger.Account, refs []string) ([]string, error) {
	var out []string
	for _, ref := range refs {
		ref = strings.TrimSpace(ref)
		if ref == "" {
			continue
		}
		id := ""
		for i := range acc.Items {
			if it := &acc.Items[i]; it.ID == ref {
				id = it.ID
				break
			}
		}
		for i := range acc.Items {
			if it := &acc.Items[i]; id == "" && it.Number == ref {
				id = it.ID
			}
		}
		if id == "" {
			return nil, &ledger.Problem{Key: "dunning.err.unknown_item", Args: []string{"customer", acc.Customer.ID, "value", ref}}
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// EndInterruption records that lasting act id (proceedings, mediation, insolvency
// procedure, opposition to an injonction) ended on end, entered at at by by, and
// returns the record as stored (store.Tx.EndInterruption says what is refused).
func (s *Session) EndInterruption(id string, end, at ledger.Date, by string) (*dunning.InterruptionRecord, error) {
	var out *dunning.InterruptionRecord
	err := s.DB.Update(func(tx *store.Tx) error {
		var err error
		out, err = tx.EndInterruption(strings.TrimSpace(id), end, s.Who(by), at)
		return err
	})
	return out, err
}

// WithdrawInterruption withdraws act id, recorded by mistake, for reason: a later
// record says so and the act is no longer counted; it stays in the register as
// written. It returns the withdrawal record.
func (s *Session) WithdrawInterruption(id, reason string, at ledger.Date, by string) (*dunning.InterruptionRecord, error) {
	var out dunning.InterruptionRecord
	err := s.DB.Update(func(tx *store.Tx) error {
		old, err := tx.Interruption(strings.TrimSpace(id))
		if err != nil {
			return err
		}
		if old == nil {
			return &ledger.Problem{Key: "interrupt.err.unknown_id", Args: []string{"id", id}}
		}
		out = dunning.InterruptionRecord{Customer: old.Customer, Kind: old.Kind, Date: old.Date, Items: old.Items,
			Replaces: old.ID, Withdrawn: true, Note: strings.TrimSpace(reason), By: s.Who(by), Recorded: at}
		return tx.AddInterruption(&out, at)
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// Interruptions lists the register's acts of customer (every customer's when empty),
// by date, each with where it stands. An unknown customer is refused.
func (s *Session) Interruptions(customer string) ([]InterruptionRow, error) {
	customer = strings.TrimSpace(customer)
	if customer != "" && s.Book.Account(customer) == nil {
		return nil, &ledger.Problem{Key: "dunning.err.unknown_customer", Args: []string{"field", "customer", "value", customer}}
	}
	var recs []dunning.InterruptionRecord
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		recs, err = tx.Interruptions(customer)
		return err
	})
	if err != nil {
		return nil, err
	}
	custs := make([]string, 0, len(recs))
	for _, r := range recs {
		custs = append(custs, r.Customer)
	}
	if s, err = s.WithAccounts(custs); err != nil { // their acts may name paid invoices
		return nil, err
	}
	rows := make([]InterruptionRow, 0, len(recs))
	for _, e := range dunning.Register(recs) {
		row := InterruptionRow{RegisterEntry: e, Name: e.Customer, Numbers: []string{}}
		if acc := s.Book.Account(e.Customer); acc != nil {
			row.Name = acc.Customer.Name
			for _, id := range e.Items {
				row.Numbers = append(row.Numbers, itemNumber(acc, id))
			}
		} else {
			row.Numbers = append(row.Numbers, e.Items...)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// itemNumber is the document number of item id of acc, or id.
func itemNumber(acc *ledger.Account, id string) string {
	for i := range acc.Items {
		if it := &acc.Items[i]; it.ID == id && it.Number != "" {
			return it.Number
		}
	}
	return id
}
