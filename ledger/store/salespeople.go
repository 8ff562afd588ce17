package store

import "relance/ledger"

// DeleteSalesperson removes salesperson id from the directory; an unknown ID is
// refused. It does not look for the customers and disputes that still name the
// salesperson: desk.Session.RemoveSalesperson refuses the removal while any does.
func (t *Tx) DeleteSalesperson(id string) error {
	b := t.tx.Bucket([]byte(bSalespeople))
	if b.Get([]byte(id)) == nil {
		return &ledger.Problem{Key: "admin.err.sp_unknown", Args: []string{"field", "id", "value", id}}
	}
	return b.Delete([]byte(id))
}
