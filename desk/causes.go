package desk

import (
	"slices"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/cause"
	"relance/ledger/store"
	"relance/letters/dashpdf"
)

// CausesReach is what the breakdown of late payments by cause reads of a large dossier:
// the open items.
func CausesReach() Reach { return Reach{} }

// RecordCause records cause c on the invoices items of customer, from source
// (cause.FromCall, FromDispute, FromCard, FromCLI), at asOf by by, in one transaction:
// `relance cause set` calls it. An empty c clears the causes of those invoices. Nothing
// is written when one item is unknown.
func (s *Session) RecordCause(customer string, items []string, c cause.Cause, source, note, by string, asOf ledger.Date) error {
	if len(items) == 0 {
		return &ledger.Problem{Key: "cause.err.no_item", Args: []string{"customer", customer}}
	}
	return s.DB.Update(func(tx *store.Tx) error {
		return recordCauses(tx, customer, map[cause.Cause][]string{c: items}, source, note, by, asOf)
	})
}

// RecordCauses records, in one transaction, the causes chosen on the customer card:
// for each cause, the invoices of customer it is now the cause of ("" clears them).
func (s *Session) RecordCauses(customer string, items map[cause.Cause][]string, by string, asOf ledger.Date) error {
	return s.DB.Update(func(tx *store.Tx) error { return recordCauses(tx, customer, items, cause.FromCard, "", by, asOf) })
}

func recordCauses(tx *store.Tx, customer string, items map[cause.Cause][]string, source, note, by string, asOf ledger.Date) error {
	var rs []cause.Record
	for c, ids := range items {
		for _, it := range ids {
			if c == "" {
				if err := tx.ClearCause(customer, it); err != nil {
					return err
				}
				continue
			}
			rs = append(rs, cause.Record{Customer: customer, Item: it, Cause: c, Source: source, Note: note, Date: asOf, By: by})
		}
	}
	return tx.SetCauses(rs)
}

// CausesOf returns the causes recorded on the invoices of customer, by item ID.
func (s *Session) CausesOf(customer string) (map[string]cause.Record, error) {
	out := map[string]cause.Record{}
	err := s.DB.View(func(tx *store.Tx) error {
		rs, err := tx.Causes(customer)
		for _, r := range rs {
			out[r.Item] = r
		}
		return err
	})
	return out, err
}

// LateCauses breaks the invoices late at asOf down by cause (cause.Compute): the
// dashboard's « Causes des retards », the management report and `relance causes` call
// it. The causes recorded on an invoice come first, then those an open dispute or an
// insolvency procedure gives.
func (s *Session) LateCauses(asOf ledger.Date) (*cause.Breakdown, error) {
	in := cause.Inputs{Records: map[cause.Key]cause.Record{}}
	if err := s.DB.View(func(tx *store.Tx) error {
		rs, err := tx.Causes("")
		for _, r := range rs {
			in.Records[cause.Key{Customer: r.Customer, Item: r.Item}] = r
		}
		return err
	}); err != nil {
		return nil, err
	}
	reasons := map[cause.Key]string{}
	for i := range s.Disputes {
		d := &s.Disputes[i]
		if !d.ActiveAt(asOf) {
			continue
		}
		for _, it := range d.Items {
			reasons[cause.Key{Customer: d.Customer, Item: it.ItemID}] = string(d.Reason)
		}
	}
	in.Disputed = func(customer, item string) string { return reasons[cause.Key{Customer: customer, Item: item}] }
	insolvent := map[string]bool{}
	for _, p := range s.Procedures {
		if p.Judgment.Valid() && p.Judgment <= asOf {
			insolvent[p.Customer] = true
		}
	}
	in.Insolvent = func(customer string) bool { return insolvent[customer] }
	return cause.Compute(slices.Values(s.Book.Accounts), asOf, in), nil
}

// ManagementReport is the credit dashboard for management at d's date (the `relance kpi
// --format pdf` report and the window's « Rapport PDF »): the dashboard d, the late
// invoices by cause, and what collection brought in over the EarnedDays before the date
// valued at the firm's financing rate (nil: the days gained are not valued).
func (s *Session) ManagementReport(d Dashboard, rate *decimal.Decimal) (dashpdf.Report, error) {
	r := dashpdf.Report{Snapshot: d.Snapshot, History: d.History, Aged: d.Aged, Top: d.Top}
	asOf := d.Snapshot.AsOf
	var err error
	if r.Causes, err = s.LateCauses(asOf); err != nil {
		return r, err
	}
	r.Earned, err = s.Earned(asOf.AddDays(-EarnedDays), asOf, rate)
	return r, err
}
