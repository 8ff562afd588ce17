package desk

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/classroom"
	"relance/letters/check"
	"relance/letters/exercise"
)

// LetterTry is a trainee's correction of a letter exercise, to score and keep.
type LetterTry struct {
	Trainee  string             // trainee ID or name
	Exercise *exercise.Exercise // the letter (ID: a bank ID or a sample's name)
	// Marks are the trainee's marks on the letter (training mode); Corrected, when
	// set, is the trainee's corrected letter instead, read as marks
	// (exercise.MarksFromCorrection).
	Marks     []check.Mark
	Corrected string
	Seconds   int // from loading the letter to the score
	Date      ledger.Date
	By        string
	// Result is the check the marks were made on (the screen's, with its spelling and
	// grammar back-ends); nil: the letter is checked here without them.
	Result *check.Result
	Engine *check.Engine // nil: a new one
}

// LetterDetail is the Detail of a letter attempt: the context, the marks and each
// expected finding, found or not.
type LetterDetail struct {
	Stage      check.Stage     `json:"stage"`
	Audience   check.Audience  `json:"audience"`
	Lang       string          `json:"lang"`
	Marks      []check.Mark    `json:"marks"`
	Expected   []ExpectedFound `json:"expected"`
	FalseMarks int             `json:"false_marks"`
	Extra      int             `json:"extra,omitempty"`
	Listed     []string        `json:"listed,omitempty"` // the trainer's expected rules, if any
}

// ExpectedFound is one expected finding and whether the trainee found it.
type ExpectedFound struct {
	Rule     string         `json:"rule"`
	Category check.Category `json:"category"`
	Text     string         `json:"text,omitempty"` // the letter's words it is on
	Found    bool           `json:"found"`
}

// ScoreLetter scores a trainee's marks (or corrected letter) against the exercise —
// the rules the trainer listed, or whatever the checker finds — and keeps the attempt
// (Kind letter) in one transaction. It returns the attempt and the score.
func (s *Session) ScoreLetter(t LetterTry) (*classroom.Attempt, *check.TrainingScore, error) {
	tr, err := s.TraineeByName(t.Trainee)
	if err != nil {
		return nil, nil, err
	}
	ex := t.Exercise
	e := t.Engine
	if e == nil {
		if e, err = check.New(); err != nil {
			return nil, nil, err
		}
	}
	opts := check.Options{Lang: ex.Lang, MessageLang: ex.Lang, Stage: ex.Stage, Audience: ex.Audience}
	res := t.Result
	if res == nil {
		res = e.Check(ex.Text, opts)
	}
	marks := t.Marks
	if t.Corrected != "" {
		marks = exercise.MarksFromCorrection(ex.Text, t.Corrected, res, e.Check(t.Corrected, opts))
	}
	sc := check.ScoreFor(res, marks, ex.Expected)
	d := LetterDetail{Stage: ex.Stage, Audience: ex.Audience, Lang: ex.Lang, Marks: marks, FalseMarks: sc.FalseMarks, Extra: sc.Extra,
		Listed: ex.Expected, Expected: []ExpectedFound{}}
	if d.Marks == nil {
		d.Marks = []check.Mark{}
	}
	rs := []rune(ex.Text)
	listed := map[string]bool{}
	for _, r := range ex.Expected {
		listed[r] = true
	}
	for i, f := range res.Findings {
		if len(listed) > 0 && !listed[f.Rule] || len(listed) == 0 && f.Severity < check.Warning {
			continue
		}
		x := ExpectedFound{Rule: f.Rule, Category: f.Category, Found: sc.Hit[i]}
		if !f.Missing() && f.Start >= 0 && f.End <= len(rs) && f.Start <= f.End {
			x.Text = string(rs[f.Start:f.End])
		}
		d.Expected = append(d.Expected, x)
	}
	detail, err := json.Marshal(d)
	if err != nil {
		return nil, nil, fmt.Errorf("desk: letter attempt: %w", err)
	}
	a := &classroom.Attempt{Trainee: tr.ID, Kind: classroom.Letter, Exercise: ex.ID, Title: ex.Title, Module: "letters",
		Date: t.Date, Seconds: max(0, t.Seconds), Score: decimal.NewFromFloat(sc.Score), OutOf: 20, Detail: detail, By: s.Who(t.By)}
	if err := s.RecordAttempt(a); err != nil {
		return nil, nil, err
	}
	return a, &sc, nil
}

// Progress returns the progress of every trainee, or of one (trainee: ID or name), or
// of one group.
func (s *Session) Progress(trainee, group string) (*classroom.Progress, error) {
	ts, err := s.Trainees()
	if err != nil {
		return nil, err
	}
	if trainee != "" {
		t, err := s.TraineeByName(trainee)
		if err != nil {
			return nil, err
		}
		ts = []classroom.Trainee{*t}
	}
	if group != "" {
		var in []classroom.Trainee
		for _, t := range ts {
			if t.Group == group {
				in = append(in, t)
			}
		}
		if len(in) == 0 {
			return nil, &ledger.Problem{Key: "exercise.err.group", Args: []string{"value", group}}
		}
		ts = in
	}
	as, err := s.Attempts("")
	if err != nil {
		return nil, err
	}
	p := classroom.Summarise(ts, as)
	return &p, nil
}
