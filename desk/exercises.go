package desk

import (
	"relance/ledger"
	"relance/ledger/store"
	"relance/letters/check"
	"relance/letters/exercise"
)

// The exercise bank (letters/exercise): the trainer's flawed letters, saved from the
// Correction screen or `relance bank`, shared as one JSON file.

// ruleKnown tells whether id is a rule of the checker's catalogue (the expected
// findings an exercise lists must be).
func ruleKnown() (func(string) bool, error) {
	cat, err := check.LoadCatalogue()
	if err != nil {
		return nil, err
	}
	return func(id string) bool { return cat.Rule(id) != nil }, nil
}

// Exercises returns the bank's exercises, by ID.
func (s *Session) Exercises() ([]exercise.Exercise, error) {
	var out []exercise.Exercise
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		out, err = exercise.All(tx)
		return err
	})
	return out, err
}

// SaveExercise adds e to the bank (its ID and hash written back), in one transaction;
// the same letter twice is refused.
func (s *Session) SaveExercise(e *exercise.Exercise) error {
	known, err := ruleKnown()
	if err != nil {
		return err
	}
	return s.DB.Update(func(tx *store.Tx) error { return exercise.Add(tx, e, known) })
}

// DeleteExercise removes exercise id from the bank.
func (s *Session) DeleteExercise(id string) error {
	return s.DB.Update(func(tx *store.Tx) error { return exercise.Delete(tx, id) })
}

// ExportExercises returns the whole bank as one JSON file to share.
func (s *Session) ExportExercises() ([]byte, error) {
	var out []byte
	err := s.DB.View(func(tx *store.Tx) error {
		var err error
		out, err = exercise.Export(tx)
		return err
	})
	return out, err
}

// ImportExercises merges a bank file (name is for the messages) into the bank in one
// transaction: all of it or, on a bad entry, nothing; letters already in the bank are
// left out and listed.
func (s *Session) ImportExercises(name string, data []byte, by string, date ledger.Date) (*exercise.Imported, error) {
	known, err := ruleKnown()
	if err != nil {
		return nil, err
	}
	var out *exercise.Imported
	err = s.DB.Update(func(tx *store.Tx) error {
		var err error
		out, err = exercise.Import(tx, name, data, known, s.Who(by), date)
		return err
	})
	return out, err
}

// LetterExercise returns the letter exercise ref: a bank exercise (its ID) or a
// built-in sample letter (its name, e.g. "fr_r1_b2b"), as an exercise whose ID is the
// sample's name.
func (s *Session) LetterExercise(ref string) (*exercise.Exercise, error) {
	samples, err := check.Samples()
	if err != nil {
		return nil, err
	}
	for _, sm := range samples {
		if sm.Name == ref {
			return SampleExercise(sm), nil
		}
	}
	var out *exercise.Exercise
	err = s.DB.View(func(tx *store.Tx) error {
		var err error
		out, err = exercise.Get(tx, ref)
		return err
	})
	return out, err
}

// SampleExercise is a built-in letter as an exercise: whatever the checker finds is
// expected.
func SampleExercise(sm check.Sample) *exercise.Exercise {
	return &exercise.Exercise{ID: sm.Name, Title: sm.Name, Stage: sm.Stage, Audience: sm.Audience, Lang: sm.Lang, Text: sm.Text, Hash: exercise.Hash(sm.Text)}
}
