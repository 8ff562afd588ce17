package desk

import (
	"strings"

	"relance/assets/i18n"
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
// the same letter twice is refused, and so is an expected finding the checker does not
// find in the letter (the trainee could not find it either: the score would be unfair).
func (s *Session) SaveExercise(e *exercise.Exercise) error {
	known, err := ruleKnown()
	if err != nil {
		return err
	}
	if err := expectedFound(e); err != nil {
		return err
	}
	return s.DB.Update(func(tx *store.Tx) error { return exercise.Add(tx, e, known) })
}

// expectedFound checks that the checker finds each expected rule of e in its letter,
// in its context. The findings of the optional spelling and grammar back-ends
// (SPELL.*, GRAM.ENGINE) are taken on trust: they may be off here.
func expectedFound(e *exercise.Exercise) error {
	if len(e.Expected) == 0 || !e.Stage.Valid() {
		return nil
	}
	eng, err := check.New()
	if err != nil {
		return err
	}
	res := eng.Check(e.Text, check.Options{Lang: e.Lang, MessageLang: e.Lang, Stage: e.Stage, Audience: e.Audience})
	for _, r := range e.Expected {
		if strings.HasPrefix(r, "SPELL.") || r == "GRAM.ENGINE" {
			continue
		}
		if eng.Catalogue().Rule(r) != nil && !res.Has(r) {
			return &ledger.Problem{Key: "exercise.err.not_found", Args: []string{"value", r, "title", e.Title}}
		}
	}
	return nil
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
		if out, err = exercise.Import(tx, name, data, known, s.Who(by), date); err != nil {
			return err
		}
		for i := range out.Added {
			if err := expectedFound(&out.Added[i]); err != nil {
				return &ledger.Problem{Key: "exercise.err.bank_entry", Args: []string{"file", name, "n", out.Added[i].Title}, Err: err}
			}
		}
		return nil
	})
	return out, err
}

// LetterExercise returns the letter exercise ref: a bank exercise (its ID) or a
// built-in sample letter (its name, e.g. "fr_r1_b2b"), as an exercise whose ID is the
// sample's name and whose title says it in lang.
func (s *Session) LetterExercise(ref, lang string) (*exercise.Exercise, error) {
	samples, err := check.Samples()
	if err != nil {
		return nil, err
	}
	for _, sm := range samples {
		if sm.Name == ref {
			return SampleExercise(sm, lang), nil
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

// SampleExercise is a built-in letter as an exercise, titled in lang in the user's
// words (« Lettre fournie – première relance – professionnel (fr) »): whatever the
// checker finds is expected.
func SampleExercise(sm check.Sample, lang string) *exercise.Exercise {
	title := i18n.T(lang, "exercise.sample_title", "stage", check.StageLabel(lang, sm.Stage), "audience", check.AudienceLabel(lang, sm.Audience), "lang", sm.Lang)
	return &exercise.Exercise{ID: sm.Name, Title: title, Stage: sm.Stage, Audience: sm.Audience, Lang: sm.Lang, Text: sm.Text, Hash: exercise.Hash(sm.Text)}
}
