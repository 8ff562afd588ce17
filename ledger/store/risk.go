package store

import (
	"bytes"
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
	"relance/ledger/risk"
)

// Bucket risk (schema 4, declared in schema.go), keys prefixed by kind:
//
//	policy                        → JSON risk.Policy (absent: risk.DefaultPolicy)
//	ovr/<customer>/<seq>          → JSON risk.Override, append-only
//	ack/<customer>/<seq>          → JSON risk.Ack, append-only
//	asg/<customer>/<seq>          → JSON risk.Assignment (class in force from its date), append-only
//	prop/<ID>                     → JSON risk.Proposal, written once
//	dec/<ID>                      → JSON risk.Decision closing proposal ID, written once
//
// <seq> is the bucket's sequence, zero-padded to 10 digits, so that a prefix scan gives
// a customer's records in the order they were recorded. Proposal IDs are "R2026-000001"
// (the year of the proposal and the same sequence).
const kRiskPolicy = "policy"

// ProposalPrefix starts the IDs of class-change proposals.
const ProposalPrefix = "R"

func riskBucket(t *Tx) *bolt.Bucket { return t.tx.Bucket([]byte(bRisk)) }

// RiskPolicy returns the dossier's risk policy, the default one when none is stored.
func (t *Tx) RiskPolicy() (risk.Policy, error) {
	b := riskBucket(t)
	if b == nil {
		return risk.DefaultPolicy(), nil
	}
	v := b.Get([]byte(kRiskPolicy))
	if v == nil {
		return risk.DefaultPolicy(), nil
	}
	var p risk.Policy
	if err := json.Unmarshal(v, &p); err != nil {
		return p, t.corrupt("risk", "policy", err)
	}
	return p, nil
}

// PutRiskPolicy validates and stores the policy (nothing written when invalid).
func (t *Tx) PutRiskPolicy(p risk.Policy) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return putJSON(riskBucket(t), []byte(kRiskPolicy), p)
}

// appendRisk stores v under kind/customer/seq.
func (t *Tx) appendRisk(kind, customer string, v any) error {
	b := riskBucket(t)
	n, err := b.NextSequence()
	if err != nil {
		return err
	}
	return putJSON(b, fmt.Appendf(nil, "%s/%s/%010d", kind, customer, n), v)
}

func (t *Tx) knownCustomer(id string) error {
	if id == "" || t.tx.Bucket([]byte(bCustomers)).Get([]byte(id)) == nil {
		return &ledger.Problem{Key: "risk.err.customer", Args: []string{"customer", id}}
	}
	return nil
}

// AddOverride records a manual class (or lifts the override when o.Class is empty)
// after checking it against the dossier's policy and customers.
func (t *Tx) AddOverride(o risk.Override) error {
	p, err := t.RiskPolicy()
	if err != nil {
		return err
	}
	if err := o.Validate(&p); err != nil {
		return err
	}
	if err := t.knownCustomer(o.Customer); err != nil {
		return err
	}
	return t.appendRisk("ovr", o.Customer, o)
}

// AddAck records the acknowledgement of a signal.
func (t *Tx) AddAck(a risk.Ack) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if err := t.knownCustomer(a.Customer); err != nil {
		return err
	}
	return t.appendRisk("ack", a.Customer, a)
}

// AddAssignment records the class in force of a customer from a date.
func (t *Tx) AddAssignment(a risk.Assignment) error {
	p, err := t.RiskPolicy()
	if err != nil {
		return err
	}
	if p.Class(a.Class) == nil {
		return &ledger.Problem{Key: "risk.err.class", Args: []string{"value", a.Class, "allowed", fmt.Sprint(p.Codes())}}
	}
	if !a.Date.Valid() {
		return &ledger.Problem{Key: "risk.err.field", Args: []string{"field", "date", "value", ""}}
	}
	if err := t.knownCustomer(a.Customer); err != nil {
		return err
	}
	return t.appendRisk("asg", a.Customer, a)
}

// AddProposal numbers and stores a new proposal (its ID is written back into pr).
func (t *Tx) AddProposal(pr *risk.Proposal) error {
	if err := t.knownCustomer(pr.Customer); err != nil {
		return err
	}
	if pr.ID != "" || !pr.Date.Valid() {
		return &ledger.Problem{Key: "risk.err.rewrite", Args: []string{"id", pr.ID}}
	}
	b := riskBucket(t)
	n, err := b.NextSequence()
	if err != nil {
		return err
	}
	pr.ID = fmt.Sprintf("%s%04d-%06d", ProposalPrefix, pr.Date.Year(), n)
	return putJSON(b, []byte("prop/"+pr.ID), pr)
}

// Proposal returns proposal id and its decision (nil while pending), or a localized
// "no such proposal" problem.
func (t *Tx) Proposal(id string) (*risk.Proposal, *risk.Decision, error) {
	b := riskBucket(t)
	v := b.Get([]byte("prop/" + id))
	if v == nil {
		return nil, nil, &ledger.Problem{Key: "risk.err.proposal", Args: []string{"id", id}}
	}
	var pr risk.Proposal
	if err := json.Unmarshal(v, &pr); err != nil {
		return nil, nil, t.corrupt("risk", "prop/"+id, err)
	}
	var d *risk.Decision
	if v := b.Get([]byte("dec/" + id)); v != nil {
		d = &risk.Decision{}
		if err := json.Unmarshal(v, d); err != nil {
			return nil, nil, t.corrupt("risk", "dec/"+id, err)
		}
	}
	return &pr, d, nil
}

// DecideProposal closes proposal id as accepted or rejected (risk.Decide's checks) and,
// when accepted, puts its class in force. A proposal is decided once.
func (t *Tx) DecideProposal(id string, outcome risk.Outcome, by, comment string, date ledger.Date) (risk.Decision, error) {
	pr, old, err := t.Proposal(id)
	if err != nil {
		return risk.Decision{}, err
	}
	if old != nil {
		return risk.Decision{}, &ledger.Problem{Key: "risk.err.decided", Args: []string{"id", id, "outcome", string(old.Outcome)}}
	}
	d, asg, err := risk.Decide(pr, outcome, by, comment, date)
	if err != nil {
		return d, err
	}
	if err := putJSON(riskBucket(t), []byte("dec/"+id), d); err != nil {
		return d, err
	}
	if asg != nil {
		return d, t.AddAssignment(*asg)
	}
	return d, nil
}

// RecordChanges stores what risk.Recompute found: initial classes, new proposals
// (numbered; the stored ones are returned) and the decisions superseding stale ones.
func (t *Tx) RecordChanges(ch risk.Changes) ([]risk.Proposal, error) {
	for _, a := range ch.Initial {
		if err := t.AddAssignment(a); err != nil {
			return nil, err
		}
	}
	for _, d := range ch.Superseded {
		if riskBucket(t).Get([]byte("dec/"+d.Proposal)) != nil {
			continue
		}
		if err := putJSON(riskBucket(t), []byte("dec/"+d.Proposal), d); err != nil {
			return nil, err
		}
	}
	out := make([]risk.Proposal, 0, len(ch.Proposals))
	for _, pr := range ch.Proposals {
		if err := t.AddProposal(&pr); err != nil {
			return nil, err
		}
		out = append(out, pr)
	}
	return out, nil
}

// RiskRecords returns every override, acknowledgement, assignment, proposal and
// decision, each kind in the order recorded. An empty bucket gives empty records.
func (t *Tx) RiskRecords() (risk.Records, error) {
	var r risk.Records
	b := riskBucket(t)
	if b == nil {
		return r, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		var err error
		switch {
		case bytes.HasPrefix(k, []byte("ovr/")):
			err = appendJSON(v, &r.Overrides)
		case bytes.HasPrefix(k, []byte("ack/")):
			err = appendJSON(v, &r.Acks)
		case bytes.HasPrefix(k, []byte("asg/")):
			err = appendJSON(v, &r.Assignments)
		case bytes.HasPrefix(k, []byte("prop/")):
			err = appendJSON(v, &r.Proposals)
		case bytes.HasPrefix(k, []byte("dec/")):
			err = appendJSON(v, &r.Decisions)
		}
		if err != nil {
			return t.corrupt("risk", string(k), err)
		}
		return nil
	})
	// Keys sort by customer, then by sequence: each customer's records come in the
	// order they were recorded, which is what "the latest one wins" needs.
	return r, err
}

func appendJSON[T any](v []byte, dst *[]T) error {
	var x T
	if err := json.Unmarshal(v, &x); err != nil {
		return err
	}
	*dst = append(*dst, x)
	return nil
}

// RiskInput reads, in one read transaction, everything risk.Assess needs besides the
// book: the policy, the disputes, promises and actions, and the risk records.
func (db *DB) RiskInput(book *ledger.Book, asOf ledger.Date) (risk.Input, error) {
	in := risk.Input{Book: book, AsOf: asOf}
	err := db.View(func(tx *Tx) error {
		var err error
		if in.Policy, err = tx.RiskPolicy(); err != nil {
			return err
		}
		if in.Disputes, err = tx.Disputes(); err != nil {
			return err
		}
		if in.Promises, err = tx.Promises(""); err != nil {
			return err
		}
		if in.Actions, err = tx.Actions(""); err != nil {
			return err
		}
		if in.Procedures, err = tx.Procedures(); err != nil {
			return err
		}
		in.Records, err = tx.RiskRecords()
		return err
	})
	return in, err
}
