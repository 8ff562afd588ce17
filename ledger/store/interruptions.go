package store

import (
	"bytes"
	"encoding/json"
	"slices"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
)

// Bucket interruptions (schema 8, declared in schema.go) is the register of
// limitation interruptions and suspensions (dunning.InterruptionRecord):
//
//	interruptions   customer 0x00 record ID ("IP2026-000001") → JSON dunning.InterruptionRecord
//
// It is append-only: a record is written once; afterwards only the end of an act that
// can have one (End, with EndBy and EndRecorded) may be set, once. A correction or a
// withdrawal is a later record that Replaces the earlier one, which stays as written.

// InterruptionPrefix is the prefix of the register's IDs ("interruption de
// prescription"): "IP2026-000001", the year of the act and the bucket's sequence.
const InterruptionPrefix = "IP"

// Interruptions returns the register's records of customer (every customer's when
// customer is empty), by date then ID.
func (t *Tx) Interruptions(customer string) ([]dunning.InterruptionRecord, error) {
	out := []dunning.InterruptionRecord{}
	err := scanDunning(t, bInterruptions, customer, func(r dunning.InterruptionRecord) { out = append(out, r) })
	slices.SortStableFunc(out, func(a, b dunning.InterruptionRecord) int {
		if a.Date != b.Date {
			return int(a.Date - b.Date)
		}
		return cmpStr(a.ID, b.ID)
	})
	return out, err
}

// Interruption returns record id of the register, or nil when there is none.
func (t *Tx) Interruption(id string) (*dunning.InterruptionRecord, error) {
	c := t.tx.Bucket([]byte(bInterruptions)).Cursor()
	suffix := append([]byte{0}, id...)
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if !bytes.HasSuffix(k, suffix) {
			continue
		}
		var r dunning.InterruptionRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return nil, t.corrupt(string(bInterruptions), string(k), err)
		}
		return &r, nil
	}
	return nil, nil
}

// AddInterruption validates and appends record r, entered at asOf, giving it the next
// ID (written back into r, with the insolvency procedure an insolvency claim was filed
// in). It is refused, nothing written: a record that already has an ID, an unknown
// customer or item, a record that does not validate against the customer's kind of
// debtor (dunning.InterruptionRecord.Validate), the same act already counted, a
// correction of a record that is unknown, of another customer or already corrected, a
// claim in an insolvency dated before the opening judgment of the customer's
// procedures.
func (t *Tx) AddInterruption(r *dunning.InterruptionRecord, asOf ledger.Date) error {
	if r.ID != "" {
		return &ledger.Problem{Key: "interrupt.err.rewrite", Args: []string{"id", r.ID}}
	}
	c, err := t.Customer(r.Customer)
	if err != nil {
		return err
	}
	if c == nil {
		return &ledger.Problem{Key: "dunning.err.unknown_customer", Args: []string{"field", "customer", "value", r.Customer}}
	}
	if err := r.Validate(c.Kind, asOf); err != nil {
		return err
	}
	if err := t.checkRefs(r.Customer, r.Items); err != nil {
		return err
	}
	recs, err := t.Interruptions(r.Customer)
	if err != nil {
		return err
	}
	reg := dunning.Register(recs)
	if r.Replaces != "" {
		i := slices.IndexFunc(reg, func(e dunning.RegisterEntry) bool { return e.ID == r.Replaces })
		switch {
		case i < 0:
			return &ledger.Problem{Key: "interrupt.err.unknown", Args: []string{"id", r.Replaces, "customer", r.Customer}}
		case reg[i].ReplacedBy != "":
			return &ledger.Problem{Key: "interrupt.err.replaced", Args: []string{"id", r.Replaces, "by", reg[i].ReplacedBy}}
		case reg[i].Withdrawn:
			return &ledger.Problem{Key: "interrupt.err.is_withdrawal", Args: []string{"id", r.Replaces}}
		}
	}
	if !r.Withdrawn {
		for _, e := range reg {
			if e.Counts() && e.ID != r.Replaces && e.Same(r) {
				return &ledger.Problem{Key: "interrupt.err.duplicate", Args: []string{"id", e.ID}}
			}
		}
	}
	if r.Kind == dunning.InsolvencyClaim && !r.Withdrawn {
		if err := t.claimProcedure(r); err != nil {
			return err
		}
	}
	if !r.Recorded.Valid() {
		r.Recorded = asOf
	}
	b := t.tx.Bucket([]byte(bInterruptions))
	id, err := seqID(b, InterruptionPrefix, r.Date.Year())
	if err != nil {
		return err
	}
	r.ID = id
	return putJSON(b, dunningKey(r.Customer, id), r)
}

// claimProcedure links a claim filed in an insolvency to the customer's procedure
// opened by its date (law.Active); a claim dated before every recorded opening
// judgment is refused. Without any recorded procedure the claim stands alone.
func (t *Tx) claimProcedure(r *dunning.InterruptionRecord) error {
	procs, err := t.ProceduresOf(r.Customer)
	if err != nil || len(procs) == 0 {
		return err
	}
	p := law.Active(procs, r.Customer, r.Date)
	if p == nil {
		return &ledger.Problem{Key: "interrupt.err.before_judgment", Args: []string{"date", r.Date.French(),
			"judgment", procs[0].Judgment.French(), "procedure", procs[0].ID}}
	}
	r.Procedure = p.ID
	return nil
}

// EndInterruption records that the lasting act id ended on end, entered at asOf by
// by, and returns the record as stored. It is refused, nothing written: an unknown
// record, one replaced or withdrawn, an act that cannot end (dunning.Endable), one
// whose end is already recorded, an end before the act or after asOf.
func (t *Tx) EndInterruption(id string, end ledger.Date, by string, asOf ledger.Date) (*dunning.InterruptionRecord, error) {
	r, err := t.Interruption(id)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, &ledger.Problem{Key: "interrupt.err.unknown_id", Args: []string{"id", id}}
	}
	recs, err := t.Interruptions(r.Customer)
	if err != nil {
		return nil, err
	}
	for _, e := range dunning.Register(recs) {
		if e.ID == id && !e.Counts() {
			return nil, &ledger.Problem{Key: "interrupt.err.end_not_counted", Args: []string{"id", id, "status_key", "interrupt.status." + string(e.Status)}}
		}
	}
	switch {
	case !dunning.Endable(r.Kind):
		return nil, &ledger.Problem{Key: "interrupt.err.no_end", Args: []string{"kind_key", "interrupt.kind." + string(r.Kind)}}
	case r.End.Valid():
		return nil, &ledger.Problem{Key: "interrupt.err.already_ended", Args: []string{"id", id, "end", r.End.French()}}
	case !end.Valid():
		return nil, &ledger.Problem{Key: "interrupt.err.field", Args: []string{"field_key", "interrupt.field.end", "value", ""}}
	case end < r.Date:
		return nil, &ledger.Problem{Key: "interrupt.err.end_before", Args: []string{"end", end.French(), "date", r.Date.French()}}
	case end > asOf:
		return nil, &ledger.Problem{Key: "interrupt.err.end_future", Args: []string{"end", end.French(), "at", asOf.French()}}
	}
	r.End, r.EndBy, r.EndRecorded = end, by, asOf
	return r, putJSON(t.tx.Bucket([]byte(bInterruptions)), dunningKey(r.Customer, r.ID), r)
}
