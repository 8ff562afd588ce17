package desk

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/classroom"
	"relance/ledger/law"
	"relance/ledger/quiz"
	"relance/letters/certificate"
)

// QuizBank returns the assessment's question bank, its figures computed with the
// dossier's rates (the embedded tables when the session has none): the window's quiz
// and `relance quiz` use it.
func (s *Session) QuizBank() (*quiz.Bank, error) {
	r := s.Rates
	if r == nil {
		var err error
		if r, err = law.DefaultRates(); err != nil {
			return nil, err
		}
	}
	return quiz.NewBank(r)
}

// DrawQuiz draws n questions of module ("all": every module) in lang with seed from
// the bank of the embedded rates: the questions' words do not depend on the dossier,
// only their right answers do (ScoreQuiz). `relance quiz export` and the window use it.
func DrawQuiz(lang, module string, n int, seed uint64) ([]quiz.Question, error) {
	b, err := (&Session{}).QuizBank()
	if err != nil {
		return nil, err
	}
	return b.Draw(lang, module, n, seed)
}

// QuizAnswers is a quiz answered by a trainee: what ScoreQuiz scores and keeps.
type QuizAnswers struct {
	Trainee string // the trainee's ID or name
	Module  string // the module drawn ("all" or "" for every module)
	Lang    string // the language the questions were read in
	Given   []quiz.Given
	Seconds int         // time spent
	Date    ledger.Date // the day it was answered
	By      string      // the trainer
}

// quizDetail is an attempt's Detail for a quiz: each question, the answer given, the
// right one.
type quizDetail struct {
	Lang  string      `json:"lang"`
	Lines []quiz.Line `json:"lines"`
}

// ScoreQuiz scores the answers with the bank and keeps the attempt with its trainee
// (Kind quiz, the module, one point a question, Detail the questions and answers), in
// one transaction. An unknown trainee, module or question is refused and nothing is
// written.
func (s *Session) ScoreQuiz(in QuizAnswers) (*quiz.Result, *classroom.Attempt, error) {
	t, err := s.TraineeByName(in.Trainee)
	if err != nil {
		return nil, nil, err
	}
	module := in.Module
	if module == "" {
		module = "all"
	}
	if module != "all" && !quiz.KnownModule(module) {
		return nil, nil, &ledger.Problem{Key: "quiz.err.module", Args: []string{"value", module}}
	}
	b, err := s.QuizBank()
	if err != nil {
		return nil, nil, err
	}
	res, err := b.Score(in.Lang, in.Given)
	if err != nil {
		return nil, nil, err
	}
	detail, err := json.Marshal(quizDetail{Lang: in.Lang, Lines: res.Lines})
	if err != nil {
		return nil, nil, fmt.Errorf("quiz detail: %w", err)
	}
	a := &classroom.Attempt{Trainee: t.ID, Kind: classroom.Quiz, Exercise: "quiz-" + module,
		Title: quiz.ModuleName(in.Lang, module), Module: module, Date: in.Date, Seconds: in.Seconds,
		Score: decimal.NewFromInt(int64(res.Score)), OutOf: res.OutOf, Detail: detail, By: in.By}
	if err := s.RecordAttempt(a); err != nil {
		return nil, nil, err
	}
	return res, a, nil
}

// Certificate returns trainee's certificate-style summary in lang, dated at: the
// modules covered and every attempt kept (letters, role-plays, negotiations, quizzes),
// which certificate.Render prints.
func (s *Session) Certificate(trainee, lang string, at ledger.Date) (certificate.Summary, error) {
	t, err := s.TraineeByName(trainee)
	if err != nil {
		return certificate.Summary{}, err
	}
	as, err := s.Attempts(t.ID)
	if err != nil {
		return certificate.Summary{}, err
	}
	return certificate.Summary{Company: s.Book.Settings.Company, Lang: lang, AsOf: at, Trainee: *t, Attempts: as}, nil
}
