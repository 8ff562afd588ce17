package desk

import (
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
