package exercise

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"relance/ledger"
	"relance/ledger/store"
)

// Bucket layout (store.BucketExercises): exercise ID ("EX0001") → JSON Exercise.
// An exercise is added or deleted, never edited: a corrected version is a new one.

// IDPrefix is the prefix of an exercise's ID.
const IDPrefix = "EX"

func bucket(tx *store.Tx) (interface {
	Get([]byte) []byte
	Put([]byte, []byte) error
	Delete([]byte) error
	NextSequence() (uint64, error)
	ForEach(func(k, v []byte) error) error
}, error) {
	b := tx.Bolt().Bucket([]byte(store.BucketExercises))
	if b == nil {
		return nil, &ledger.Problem{Key: "letters.err.schema"}
	}
	return b, nil
}

// All returns the bank's exercises, by ID.
func All(tx *store.Tx) ([]Exercise, error) {
	b, err := bucket(tx)
	if err != nil {
		return nil, err
	}
	out := []Exercise{}
	err = b.ForEach(func(k, v []byte) error {
		var e Exercise
		if err := json.Unmarshal(v, &e); err != nil {
			return &ledger.Problem{Key: "exercise.err.corrupt", Args: []string{"value", string(k)}, Err: err}
		}
		out = append(out, e)
		return nil
	})
	slices.SortFunc(out, func(a, b Exercise) int { return cmpID(a.ID, b.ID) })
	return out, err
}

func cmpID(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return bytes.Compare([]byte(a), []byte(b))
}

// Get returns exercise id, or a problem naming it.
func Get(tx *store.Tx, id string) (*Exercise, error) {
	b, err := bucket(tx)
	if err != nil {
		return nil, err
	}
	v := b.Get([]byte(id))
	if v == nil {
		return nil, &ledger.Problem{Key: "exercise.err.unknown", Args: []string{"value", id}}
	}
	var e Exercise
	if err := json.Unmarshal(v, &e); err != nil {
		return nil, &ledger.Problem{Key: "exercise.err.corrupt", Args: []string{"value", id}, Err: err}
	}
	return &e, nil
}

// Add validates e, sets its hash and stores it under the next ID (written back into
// e). A letter already in the bank (same hash) is refused, naming the exercise that
// holds it. rules tells whether a rule ID is the checker's.
func Add(tx *store.Tx, e *Exercise, rules func(string) bool) error {
	if err := e.Validate(rules); err != nil {
		return err
	}
	b, err := bucket(tx)
	if err != nil {
		return err
	}
	e.Hash = Hash(e.Text)
	all, err := All(tx)
	if err != nil {
		return err
	}
	for _, x := range all {
		if x.Hash == e.Hash {
			return &ledger.Problem{Key: "exercise.err.duplicate", Args: []string{"value", e.Title, "id", x.ID, "title", x.Title}}
		}
	}
	n, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("exercise: %w", err)
	}
	e.ID = fmt.Sprintf("%s%04d", IDPrefix, n)
	v, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("exercise: %w", err)
	}
	return b.Put([]byte(e.ID), v)
}

// Delete removes exercise id from the bank (the attempts made on it keep its title).
func Delete(tx *store.Tx, id string) error {
	if _, err := Get(tx, id); err != nil {
		return err
	}
	b, err := bucket(tx)
	if err != nil {
		return err
	}
	return b.Delete([]byte(id))
}
