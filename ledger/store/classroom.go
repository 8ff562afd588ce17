package store

import (
	"encoding/json"
	"fmt"
	"slices"

	"relance/ledger"
	"relance/ledger/classroom"
)

// Buckets trainees and attempts (schema 15, declared in schema.go) hold the course run
// with the dossier (ledger/classroom):
//
//	trainees   trainee ID ("T0001")         → JSON classroom.Trainee
//	attempts   trainee 0x00 "AT2026-000001" → JSON classroom.Attempt, append-only
//
// A trainee's attempts are written once; erasing a trainee (a person: GDPR art. 17)
// deletes the trainee and every attempt.

// TraineePrefix and AttemptPrefix are the prefixes of their IDs.
const (
	TraineePrefix = "T"
	AttemptPrefix = "AT"
)

// PutTrainee validates and stores trainee r: a new one (no ID) gets the next ID,
// written back into r; one with an ID replaces the stored one, which must exist.
func (t *Tx) PutTrainee(r *classroom.Trainee) error {
	if err := r.Validate(); err != nil {
		return err
	}
	b := t.tx.Bucket([]byte(bTrainees))
	if r.ID == "" {
		n, err := b.NextSequence()
		if err != nil {
			return err
		}
		r.ID = fmt.Sprintf("%s%04d", TraineePrefix, n)
	} else if b.Get([]byte(r.ID)) == nil {
		return &ledger.Problem{Key: "classroom.err.trainee", Args: []string{"value", r.ID}}
	}
	return putJSON(b, []byte(r.ID), r)
}

// Trainee returns trainee id, or nil when there is none.
func (t *Tx) Trainee(id string) (*classroom.Trainee, error) {
	return getJSON[classroom.Trainee](t, bTrainees, id)
}

// Trainees returns every trainee, by group then name.
func (t *Tx) Trainees() ([]classroom.Trainee, error) {
	out := []classroom.Trainee{}
	err := t.tx.Bucket([]byte(bTrainees)).ForEach(func(k, v []byte) error {
		var r classroom.Trainee
		if err := json.Unmarshal(v, &r); err != nil {
			return t.corrupt(string(bTrainees), string(k), err)
		}
		out = append(out, r)
		return nil
	})
	slices.SortStableFunc(out, func(a, b classroom.Trainee) int {
		if a.Group != b.Group {
			return cmpStr(a.Group, b.Group)
		}
		return cmpStr(a.Name, b.Name)
	})
	return out, err
}

// AddAttempt validates and appends attempt a of a known trainee, giving it the next ID
// (written back into a). Nothing is written when it is refused.
func (t *Tx) AddAttempt(a *classroom.Attempt) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if a.ID != "" {
		return &ledger.Problem{Key: "classroom.err.attempt", Args: []string{"field", "id", "value", a.ID}}
	}
	r, err := t.Trainee(a.Trainee)
	if err != nil {
		return err
	}
	if r == nil {
		return &ledger.Problem{Key: "classroom.err.trainee", Args: []string{"value", a.Trainee}}
	}
	b := t.tx.Bucket([]byte(bAttempts))
	id, err := seqID(b, AttemptPrefix, a.Date.Year())
	if err != nil {
		return err
	}
	a.ID = id
	return putJSON(b, dunningKey(a.Trainee, id), a)
}

// Attempts returns the attempts of trainee (every trainee's when empty), by date then
// ID.
func (t *Tx) Attempts(trainee string) ([]classroom.Attempt, error) {
	out := []classroom.Attempt{}
	err := scanDunning(t, bAttempts, trainee, func(a classroom.Attempt) { out = append(out, a) })
	slices.SortStableFunc(out, func(a, b classroom.Attempt) int {
		if a.Date != b.Date {
			return int(a.Date - b.Date)
		}
		return cmpStr(a.ID, b.ID)
	})
	return out, err
}

// DeleteTrainee erases trainee id and every attempt of theirs (the right to erasure of
// a trainee, GDPR art. 17) and returns how many attempts went with them.
func (t *Tx) DeleteTrainee(id string) (int, error) {
	b := t.tx.Bucket([]byte(bTrainees))
	if b.Get([]byte(id)) == nil {
		return 0, &ledger.Problem{Key: "classroom.err.trainee", Args: []string{"value", id}}
	}
	as, err := t.Attempts(id)
	if err != nil {
		return 0, err
	}
	ab := t.tx.Bucket([]byte(bAttempts))
	for _, a := range as {
		if err := ab.Delete(dunningKey(id, a.ID)); err != nil {
			return 0, err
		}
	}
	return len(as), b.Delete([]byte(id))
}
