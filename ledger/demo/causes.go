package demo

import (
	"hash/fnv"

	"relance/ledger"
	"relance/ledger/cause"
	"relance/ledger/store"
)

// putCauses records why a little under half of the demo's late invoices are late, as a
// collection desk learns it call after call: mostly the customers' side (cash, payment
// runs, forgotten invoices, some bad faith), a fair share of the firm's own (invoice
// errors, missing order numbers, invoices sent late). The same today gives the same
// causes.
func putCauses(tx *store.Tx, book *ledger.Book, today ledger.Date) error {
	// Cumulated weights out of 100 of the causes recorded.
	weights := []struct {
		upTo int
		c    cause.Cause
	}{{28, cause.Cash}, {46, cause.PaymentRun}, {64, cause.Forgotten}, {69, cause.BadFaith},
		{80, cause.InvoiceError}, {90, cause.MissingOrder}, {100, cause.LateInvoicing}}
	// The invoices in dispute and the customers in a procedure keep the cause these give.
	ds, err := tx.Disputes()
	if err != nil {
		return err
	}
	procs, err := tx.Procedures()
	if err != nil {
		return err
	}
	skip := map[string]bool{}
	for _, d := range ds {
		for _, it := range d.Items {
			skip[d.Customer+"\x00"+it.ItemID] = true
		}
	}
	for _, p := range procs {
		skip[p.Customer] = true
	}
	var rs []cause.Record
	for _, a := range book.Accounts {
		if skip[a.Customer.ID] {
			continue
		}
		for i := range a.Items {
			it := &a.Items[i]
			if !it.OverdueAt(today) || skip[a.Customer.ID+"\x00"+it.ID] {
				continue
			}
			h := fnv.New32a()
			_, _ = h.Write([]byte(a.Customer.ID + "\x00" + it.ID)) // a hash.Hash never fails
			v := h.Sum32()
			if v%100 >= 45 {
				continue
			}
			pick := int(v/100) % 100
			for _, w := range weights {
				if pick < w.upTo {
					on := max(today.AddDays(-int(v%20)-1), it.DueDate.AddDays(1))
					rs = append(rs, cause.Record{Customer: a.Customer.ID, Item: it.ID, Cause: w.c, Source: cause.FromCall,
						Date: on, By: Collector})
					break
				}
			}
		}
	}
	return tx.SetCauses(rs)
}
