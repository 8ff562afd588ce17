// Package classroom models a training course run with Relance: the trainees of a
// group and every exercise they attempt — a letter corrected in the Correction
// screen, a phone role-play observed by the trainer, a quiz of the end-of-course
// assessment — with its score, so that a trainer finds each trainee's results and
// progress afterwards. The kinds of exercise keep their own detail (the marks, the
// observation grid, the answers) in the attempt's Detail.
package classroom

import (
	"encoding/json"
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// Trainee is one person following the course.
type Trainee struct {
	ID    string      `json:"id"` // "T0001", given by the store
	Name  string      `json:"name"`
	Group string      `json:"group,omitempty"` // the session or class ("Lyon – décembre 2026")
	Added ledger.Date `json:"added"`
	Note  string      `json:"note,omitempty"`
}

// Validate checks a trainee before it is stored.
func (t *Trainee) Validate() error {
	switch {
	case strings.TrimSpace(t.Name) == "" || len(t.Name) > 200:
		return &ledger.Problem{Key: "classroom.err.name", Args: []string{"value", t.Name}}
	case len(t.Group) > 200:
		return &ledger.Problem{Key: "classroom.err.group", Args: []string{"value", t.Group[:40] + "…"}}
	case !t.Added.Valid():
		return &ledger.Problem{Key: "classroom.err.date", Args: []string{"value", t.Added.String()}}
	}
	return nil
}

// Kind is the kind of an exercise.
type Kind string

// The kinds of exercise.
const (
	Letter      Kind = "letter"      // a letter corrected (Correction screen, relance train)
	RolePlay    Kind = "roleplay"    // a phone role-play observed with the grid
	Quiz        Kind = "quiz"        // a quiz of the assessment
	Negotiation Kind = "negotiation" // a negotiation case prepared and played
)

// Kinds returns every kind, in the order of a course day.
func Kinds() []Kind { return []Kind{Letter, RolePlay, Negotiation, Quiz} }

// Attempt is one exercise a trainee did, scored.
type Attempt struct {
	ID       string      `json:"id"` // "AT2026-000001", given by the store
	Trainee  string      `json:"trainee"`
	Kind     Kind        `json:"kind"`
	Exercise string      `json:"exercise"`         // the letter, card or quiz done (its ID or name)
	Title    string      `json:"title,omitempty"`  // what the exercise was, in words
	Module   string      `json:"module,omitempty"` // the course module it assesses
	Date     ledger.Date `json:"date"`
	Seconds  int         `json:"seconds,omitempty"` // time spent
	// Score out of OutOf (20 for a letter, the grid's or the quiz's points otherwise).
	Score decimal.Decimal `json:"score"`
	OutOf int             `json:"out_of"`
	// Detail is the kind's own record: the marks and findings, the observation grid,
	// the answers given.
	Detail json.RawMessage `json:"detail,omitempty"`
	By     string          `json:"by,omitempty"` // the trainer
}

// Validate checks an attempt before it is stored.
func (a *Attempt) Validate() error {
	bad := func(field, value string) error {
		return &ledger.Problem{Key: "classroom.err.attempt", Args: []string{"field", field, "value", value}}
	}
	known := false
	for _, k := range Kinds() {
		known = known || k == a.Kind
	}
	switch {
	case a.Trainee == "":
		return bad("trainee", "")
	case !known:
		return bad("kind", string(a.Kind))
	case strings.TrimSpace(a.Exercise) == "":
		return bad("exercise", "")
	case !a.Date.Valid():
		return bad("date", a.Date.String())
	case a.OutOf <= 0:
		return bad("out_of", decimal.NewFromInt(int64(a.OutOf)).String())
	case a.Score.IsNegative() || a.Score.GreaterThan(decimal.NewFromInt(int64(a.OutOf))):
		return bad("score", a.Score.String())
	case a.Seconds < 0:
		return bad("seconds", decimal.NewFromInt(int64(a.Seconds)).String())
	}
	return nil
}

// On20 is the attempt's score brought to 20, to one decimal.
func (a *Attempt) On20() decimal.Decimal {
	if a.OutOf <= 0 {
		return decimal.Zero
	}
	return a.Score.Mul(decimal.NewFromInt(20)).Div(decimal.NewFromInt(int64(a.OutOf))).Round(1)
}
