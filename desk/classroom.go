package desk

import (
	"fmt"
	"strings"

	"relance/ledger"
	"relance/ledger/classroom"
	"relance/ledger/store"
)

// SaveTrainee stores trainee r (a new one when it has no ID: its ID is written back),
// in one transaction: the trainer's list of trainees and `relance trainee` call it.
func (s *Session) SaveTrainee(r *classroom.Trainee) error {
	return s.DB.Update(func(tx *store.Tx) error { return tx.PutTrainee(r) })
}

// Trainees returns the course's trainees, by group then name.
func (s *Session) Trainees() ([]classroom.Trainee, error) {
	var out []classroom.Trainee
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		out, err = tx.Trainees()
		return err
	})
	return out, err
}

// RecordAttempt keeps attempt a of its trainee (its ID written back), in one
// transaction: every exercise scored — a letter corrected, a role-play observed, a quiz
// answered — calls it.
func (s *Session) RecordAttempt(a *classroom.Attempt) error {
	return s.DB.Update(func(tx *store.Tx) error { return tx.AddAttempt(a) })
}

// Attempts returns the attempts of trainee (every trainee's when empty), by date.
func (s *Session) Attempts(trainee string) ([]classroom.Attempt, error) {
	var out []classroom.Attempt
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		out, err = tx.Attempts(trainee)
		return err
	})
	return out, err
}

// DeleteTrainee erases trainee id with every attempt (GDPR art. 17: a trainee is a
// person) and returns how many attempts went.
func (s *Session) DeleteTrainee(id string) (int, error) {
	var n int
	err := s.DB.Update(func(tx *store.Tx) error {
		var err error
		n, err = tx.DeleteTrainee(id)
		return err
	})
	return n, err
}

// TraineeByName returns the trainee whose ID or name is ref, or a problem naming it.
func (s *Session) TraineeByName(ref string) (*classroom.Trainee, error) {
	ts, err := s.Trainees()
	if err != nil {
		return nil, err
	}
	for i := range ts {
		if ts[i].ID == ref || ts[i].Name == ref {
			return &ts[i], nil
		}
	}
	return nil, &ledger.Problem{Key: "classroom.err.trainee", Args: []string{"value", ref}}
}

// AddTrainees stores the trainees of list — a session's attendance list read by
// classroom.ParseRoster — in one transaction, each added on at: a trainee whose name
// (case and spaces aside) is already in the same group, stored or earlier in list, is
// left out and named in skipped as enrolled (« Paul Roux » for « paul  ROUX »). One
// invalid trainee refuses the whole list: nothing is written. `relance trainee import`
// and the « Ajouter un groupe… » form call it.
func (s *Session) AddTrainees(list []classroom.Trainee, at ledger.Date) (added []classroom.Trainee, skipped []string, err error) {
	err = s.DB.Update(func(tx *store.Tx) error {
		added, skipped = nil, nil
		todo := make([]classroom.Trainee, len(list))
		for i, t := range list {
			t.ID, t.Added = "", at
			t.Name, t.Group = strings.TrimSpace(t.Name), strings.TrimSpace(t.Group)
			if err := t.Validate(); err != nil {
				return err
			}
			todo[i] = t
		}
		stored, err := tx.Trainees()
		if err != nil {
			return err
		}
		enrolled := map[string]string{} // key → the name enrolled
		for _, t := range stored {
			enrolled[traineeKey(t)] = t.Name
		}
		for i := range todo {
			t := &todo[i]
			k := traineeKey(*t)
			if name, ok := enrolled[k]; ok {
				skipped = append(skipped, name)
				continue
			}
			enrolled[k] = t.Name
			if err := tx.PutTrainee(t); err != nil {
				return err
			}
			added = append(added, *t)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("add trainees: %w", err)
	}
	return added, skipped, nil
}

// traineeKey is what makes two trainees the same person: the group and the name, in
// lower case, each run of spaces made one.
func traineeKey(t classroom.Trainee) string {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	return norm(t.Group) + "\x00" + norm(t.Name)
}
