package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
	"relance/ledger/dunning"
)

// Buckets of the reminder procedure (schema 4, declared in schema.go):
//
//	scenarios  class ("A"…)                 → JSON dunning.Scenario (absent: the default scenario)
//	actions    customer 0x00 action ID      → JSON dunning.Action, append-only
//	promises   customer 0x00 promise ID     → JSON dunning.Promise (only its status may change, once)
//	plans      customer 0x00 plan ID        → JSON dunning.Plan (only its status may change, once)
//
// Keys start with the customer ID so that one customer's records are a prefix scan.
// IDs are "A2026-000001" (actions), "P2026-000001" (promises), "E2026-000001" (plans):
// the year of the record's date and the bucket's sequence, so they never repeat.

// Prefixes of the reminder-procedure IDs.
const (
	ActionPrefix  = "A"
	PromisePrefix = "P"
	PlanPrefix    = "E" // échéancier
)

// dunningKey is the key of record id of customer.
func dunningKey(customer, id string) []byte {
	k := make([]byte, 0, len(customer)+1+len(id))
	k = append(k, customer...)
	k = append(k, 0)
	return append(k, id...)
}

// seqID returns the next ID prefix+"YYYY-NNNNNN" of bucket b.
func seqID(b *bolt.Bucket, prefix string, year int) (string, error) {
	n, err := b.NextSequence()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s%04d-%06d", prefix, year, n), nil
}

// scanDunning decodes every record of bucket name (of customer, or all when customer
// is empty) into a fresh T and passes it to add.
func scanDunning[T any](t *Tx, name BucketName, customer string, add func(T)) error {
	b := t.tx.Bucket([]byte(name))
	if b == nil {
		return nil
	}
	c := b.Cursor()
	var prefix []byte
	k, v := c.First()
	if customer != "" {
		prefix = append([]byte(customer), 0)
		k, v = c.Seek(prefix)
	}
	for ; k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var r T
		if err := json.Unmarshal(v, &r); err != nil {
			return t.corrupt(string(name), string(k), err)
		}
		add(r)
	}
	return nil
}

// Actions returns the actions of customer (every customer's when customer is empty),
// by date then ID: the customer's timeline.
func (t *Tx) Actions(customer string) ([]dunning.Action, error) {
	out := []dunning.Action{}
	err := scanDunning(t, bActions, customer, func(a dunning.Action) { out = append(out, a) })
	slices.SortStableFunc(out, func(a, b dunning.Action) int {
		if a.Date != b.Date {
			return int(a.Date - b.Date)
		}
		return cmpStr(a.ID, b.ID)
	})
	return out, err
}

// Promises returns the promises of customer (all when customer is empty), by date made
// then ID.
func (t *Tx) Promises(customer string) ([]dunning.Promise, error) {
	out := []dunning.Promise{}
	err := scanDunning(t, bPromises, customer, func(p dunning.Promise) { out = append(out, p) })
	slices.SortStableFunc(out, func(a, b dunning.Promise) int {
		if a.Made != b.Made {
			return int(a.Made - b.Made)
		}
		return cmpStr(a.ID, b.ID)
	})
	return out, err
}

// Plans returns the payment plans of customer (all when customer is empty), by date
// agreed then ID.
func (t *Tx) Plans(customer string) ([]dunning.Plan, error) {
	out := []dunning.Plan{}
	err := scanDunning(t, bPlans, customer, func(p dunning.Plan) { out = append(out, p) })
	slices.SortStableFunc(out, func(a, b dunning.Plan) int {
		if a.Agreed != b.Agreed {
			return int(a.Agreed - b.Agreed)
		}
		return cmpStr(a.ID, b.ID)
	})
	return out, err
}

func cmpStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// checkRefs refuses an unknown customer or an item that is not the customer's.
func (t *Tx) checkRefs(customer string, items []string) error {
	c, err := t.Customer(customer)
	if err != nil {
		return err
	}
	if c == nil {
		return &ledger.Problem{Key: "dunning.err.unknown_customer", Args: []string{"field", "customer", "value", customer}}
	}
	if len(items) == 0 {
		return nil
	}
	its, err := t.Items(customer)
	if err != nil {
		return err
	}
	for _, id := range items {
		if !slices.ContainsFunc(its, func(it ledger.Item) bool { return it.ID == id }) {
			return &ledger.Problem{Key: "dunning.err.unknown_item", Args: []string{"customer", customer, "value", id}}
		}
	}
	return nil
}

// AddAction validates and appends action a, giving it the next ID (written back into
// a). Actions are append-only: an action that already has an ID is refused, and so is
// an unknown customer or item. A correction, a reschedule or a cancellation is a new
// action that refers to the earlier one (Action.Ref).
func (t *Tx) AddAction(a *dunning.Action) error {
	if a.ID != "" {
		return &ledger.Problem{Key: "dunning.err.action_rewrite", Args: []string{"id", a.ID}}
	}
	if err := a.Validate(); err != nil {
		return err
	}
	if err := t.checkRefs(a.Customer, a.Items); err != nil {
		return err
	}
	b := t.tx.Bucket([]byte(bActions))
	id, err := seqID(b, ActionPrefix, a.Date.Year())
	if err != nil {
		return err
	}
	a.ID = id
	return putJSON(b, dunningKey(a.Customer, a.ID), a)
}

// PutPromise validates and stores promise p. A promise without an ID is new (it gets
// the next ID, written back into p). An existing promise may only be closed: from
// pending to kept, broken or cancelled, with its closing date and a note; everything
// else recorded is frozen, and a closed promise does not change again.
func (t *Tx) PutPromise(p *dunning.Promise) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return putClosable(t, closable[dunning.Promise]{bucket: bPromises, kind: "promise", prefix: PromisePrefix,
		id: &p.ID, customer: p.Customer, items: p.Items, year: p.Made.Year(), v: p,
		open: func(old *dunning.Promise) bool { return old.Status == dunning.PromisePending },
		frozen: func(old *dunning.Promise) dunning.Promise {
			f := *p
			f.Status, f.Closed, f.Note = old.Status, old.Closed, old.Note
			return f
		},
		status: func(old *dunning.Promise) string { return string(old.Status) }})
}

// PutPlan validates and stores payment plan p. A plan without an ID is new (it gets the
// next ID, written back into p). An existing plan may only be closed: from active to
// completed, defaulted or cancelled, with its closing date and a note; its instalments
// and acknowledgement are frozen, and a closed plan does not change again.
func (t *Tx) PutPlan(p *dunning.Plan) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return putClosable(t, closable[dunning.Plan]{bucket: bPlans, kind: "plan", prefix: PlanPrefix,
		id: &p.ID, customer: p.Customer, items: p.Items, year: p.Agreed.Year(), v: p,
		open: func(old *dunning.Plan) bool { return old.Status == dunning.PlanActive },
		frozen: func(old *dunning.Plan) dunning.Plan {
			f := *p
			f.Status, f.Closed, f.Note = old.Status, old.Closed, old.Note
			return f
		},
		status: func(old *dunning.Plan) string { return string(old.Status) }})
}

// closable describes a record that is written once and then only closed (a promise, a
// payment plan): while it is open its status, closing date and note may change, nothing
// else; once closed it does not change again.
type closable[T any] struct {
	bucket       BucketName
	kind, prefix string // "promise" or "plan" (error keys dunning.err.<kind>_…), ID prefix
	id           *string
	customer     string
	items        []string
	year         int
	v            *T
	open         func(old *T) bool
	frozen       func(old *T) T // v with old's status, closing date and note
	status       func(old *T) string
}

// putClosable stores c.v: a new record gets the next ID; an existing one is checked
// against what is stored.
func putClosable[T any](t *Tx, c closable[T]) error {
	b := t.tx.Bucket([]byte(c.bucket))
	if *c.id == "" {
		if err := t.checkRefs(c.customer, c.items); err != nil {
			return err
		}
		id, err := seqID(b, c.prefix, c.year)
		if err != nil {
			return err
		}
		*c.id = id
		return putJSON(b, dunningKey(c.customer, id), c.v)
	}
	key := dunningKey(c.customer, *c.id)
	raw := b.Get(key)
	if raw == nil {
		return &ledger.Problem{Key: "dunning.err." + c.kind + "_unknown", Args: []string{"id", *c.id}}
	}
	old := new(T)
	if err := json.Unmarshal(raw, old); err != nil {
		return t.corrupt(c.kind+"s", *c.id, err)
	}
	frozen := c.frozen(old)
	if !c.open(old) && !sameJSON(old, c.v) || !sameJSON(old, &frozen) {
		return &ledger.Problem{Key: "dunning.err." + c.kind + "_rewrite", Args: []string{"id", *c.id, "status", c.status(old)}}
	}
	return putJSON(b, key, c.v)
}

// Scenarios returns the dossier's scenarios: the default scenario of each class (see
// dunning.DefaultScenarios) replaced by the one stored for it, if any.
func (t *Tx) Scenarios() (dunning.Scenarios, error) {
	out := dunning.DefaultScenarios()
	b := t.tx.Bucket([]byte(bScenarios))
	if b == nil {
		return out, nil
	}
	err := b.ForEach(func(k, v []byte) error {
		var s dunning.Scenario
		if err := json.Unmarshal(v, &s); err != nil {
			return t.corrupt("scenarios", string(k), err)
		}
		out[string(k)] = s
		return nil
	})
	return out, err
}

// PutScenario validates and stores the scenario of s.Class, replacing the previous one
// (scenarios are settings, not history).
func (t *Tx) PutScenario(s dunning.Scenario) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return putJSON(t.tx.Bucket([]byte(bScenarios)), []byte(s.Class), s)
}

// ResetScenario removes the stored scenario of class: the default applies again.
func (t *Tx) ResetScenario(class string) error {
	return t.tx.Bucket([]byte(bScenarios)).Delete([]byte(class))
}

// Dunning returns every action, promise, payment plan and record of the register of
// limitation interruptions (interruptions.go) of the dossier.
func (t *Tx) Dunning() (dunning.Records, error) {
	var r dunning.Records
	var err error
	if r.Actions, err = t.Actions(""); err != nil {
		return r, err
	}
	if r.Promises, err = t.Promises(""); err != nil {
		return r, err
	}
	if r.Plans, err = t.Plans(""); err != nil {
		return r, err
	}
	r.Register, err = t.Interruptions("")
	return r, err
}

// LoadDunning reads the scenarios and every reminder-procedure record (the register of
// limitation interruptions with them) in one read transaction.
func (db *DB) LoadDunning() (dunning.Scenarios, dunning.Records, error) {
	var sc dunning.Scenarios
	var r dunning.Records
	err := db.View(func(tx *Tx) error {
		var err error
		if sc, err = tx.Scenarios(); err != nil {
			return err
		}
		r, err = tx.Dunning()
		return err
	})
	return sc, r, err
}

// ApplyOutcome stores the records of an outcome (dunning.Record) in this transaction:
// the dispute, promise or plan it creates (their IDs are written back, and into the
// done action's Record), then its actions. Any refusal leaves nothing written when the
// caller returns the error from Update.
func (t *Tx) ApplyOutcome(e *dunning.Effects) error {
	created := ""
	switch {
	case e.Dispute != nil:
		if err := t.PutDispute(e.Dispute); err != nil {
			return err
		}
		created = e.Dispute.ID
	case e.Promise != nil:
		if err := t.PutPromise(e.Promise); err != nil {
			return err
		}
		created = e.Promise.ID
	case e.Plan != nil:
		if err := t.PutPlan(e.Plan); err != nil {
			return err
		}
		created = e.Plan.ID
	}
	for i := range e.Actions {
		if i == 0 {
			e.Actions[i].Record = created
		}
		if err := t.AddAction(&e.Actions[i]); err != nil {
			return err
		}
	}
	if len(e.Causes) > 0 {
		return t.SetCauses(e.Causes)
	}
	return nil
}

// AddActions appends every action of acts (see AddAction).
func (t *Tx) AddActions(acts []dunning.Action) error {
	for i := range acts {
		if err := t.AddAction(&acts[i]); err != nil {
			return err
		}
	}
	return nil
}
