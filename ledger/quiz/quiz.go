// Package quiz is the question bank of the end-of-course assessment (« Évaluation des
// acquis »): multiple-choice questions per module of the course and short numeric
// answers — a late penalty, a DSO, a limitation or claim-filing date — whose right
// answer is computed by the app's own engines (ledger/law, ledger/credit), never typed
// in by hand. A quiz is drawn from the bank, answered, and scored one point a question;
// the score is kept with the trainee as a classroom.Attempt of kind quiz.
//
// The questions' words are in the i18n catalogue (assets/i18n/quiz.*.json), keyed
// quiz.q.<id>; the figures are parameters formatted in the trainee's language.
package quiz

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"relance/assets/i18n"
	"relance/ledger"
)

// Kind is how a question is answered.
type Kind string

// The kinds of question.
const (
	Choice Kind = "choice" // one of the choices, by its number (1, 2, …)
	Amount Kind = "amount" // an amount in euros, to the cent
	Number Kind = "number" // a number (days, a percentage), rounded as the question says
	Date   Kind = "date"   // a date, DD/MM/YYYY (or YYYY-MM-DD)
)

// Modules returns the IDs of the course's modules that the bank covers, in the order
// of the programme (reference/programme.md).
func Modules() []string {
	return []string{"diagnose", "procedure", "tools", "legal", "categories", "dashboard", "phone",
		"negotiate", "writing", "prevent", "procedures", "injonction", "insolvency"}
}

// ModuleName is the module's title in lang.
func ModuleName(lang, module string) string { return i18n.T(lang, "quiz.module."+module) }

// KnownModule reports whether module is one of Modules.
func KnownModule(module string) bool { return slices.Contains(Modules(), module) }

// Question is one question as the trainee reads it, in one language, without its
// answer: what `relance quiz export` writes and the window shows.
type Question struct {
	ID      string   `json:"id"`
	Module  string   `json:"module"`
	Kind    Kind     `json:"kind"`
	Text    string   `json:"text"`
	Choices []string `json:"choices,omitempty"`
	// Hint says how to write the answer ("a date, DD/MM/YYYY").
	Hint string `json:"hint"`
}

// Given is one answer given by a trainee.
type Given struct {
	ID     string `json:"id"`
	Answer string `json:"answer"`
}

// Line is one question of a scored quiz: what was asked, answered, and right.
type Line struct {
	ID       string `json:"id"`
	Module   string `json:"module"`
	Question string `json:"question"`
	Given    string `json:"given"`
	Right    string `json:"right"` // the right answer in words
	OK       bool   `json:"ok"`
	// Why is how the right answer was found: the rule or the engine's computation.
	Why string `json:"why,omitempty"`
}

// Result is a scored quiz: one point a right answer.
type Result struct {
	Lines []Line `json:"lines"`
	Score int    `json:"score"`
	OutOf int    `json:"out_of"`
}

// On20 is the score brought to 20, to one decimal.
func (r *Result) On20() decimal.Decimal {
	if r.OutOf == 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(int64(r.Score * 20)).Div(decimal.NewFromInt(int64(r.OutOf))).Round(1)
}

// param is a named figure of a question's text, formatted in the reader's language.
type param struct {
	name string
	v    any // ledger.Cents, ledger.Date, decimal.Decimal, int or string
}

// item is a question of the bank with its right answer.
type item struct {
	id      string
	module  string
	kind    Kind
	params  []param
	choices int // number of choices (Choice)
	right   int // the right choice, from 1 (Choice)
	amount  ledger.Cents
	number  decimal.Decimal
	places  int32 // decimals the number is rounded to (Number)
	date    ledger.Date
	rule    string // the article or formula the answer comes from
}

// Bank is the question bank, its right answers computed once.
type Bank struct {
	items []item
}

// Questions returns the bank's questions of module ("" or "all": every module) in
// lang, in the bank's order.
func (b *Bank) Questions(lang, module string) []Question {
	var out []Question
	for i := range b.items {
		if module == "" || module == "all" || b.items[i].module == module {
			out = append(out, b.items[i].question(lang))
		}
	}
	return out
}

// Len is the number of questions in the bank.
func (b *Bank) Len() int { return len(b.items) }

// Draw returns n questions of module drawn with seed (the same seed draws the same
// quiz), or every question of the module when n is 0 or more than it has. An unknown
// module is a problem naming it.
func (b *Bank) Draw(lang, module string, n int, seed uint64) ([]Question, error) {
	if module != "" && module != "all" && !KnownModule(module) {
		return nil, &ledger.Problem{Key: "quiz.err.module", Args: []string{"value", module}}
	}
	if n < 0 {
		return nil, &ledger.Problem{Key: "quiz.err.n", Args: []string{"value", decimal.NewFromInt(int64(n)).String()}}
	}
	qs := b.Questions(lang, module)
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	r.Shuffle(len(qs), func(i, j int) { qs[i], qs[j] = qs[j], qs[i] })
	if n > 0 && n < len(qs) {
		qs = qs[:n]
	}
	return qs, nil
}

// find returns the bank's item id, or nil.
func (b *Bank) find(id string) *item {
	for i := range b.items {
		if b.items[i].id == id {
			return &b.items[i]
		}
	}
	return nil
}

// Score scores the answers given in lang: one point for each right one. A question
// the bank does not have is a problem naming it; an answer that cannot be read (a
// word where a date is asked) is wrong, not an error; a question answered twice
// counts once (the last answer).
func (b *Bank) Score(lang string, given []Given) (*Result, error) {
	if len(given) == 0 {
		return nil, &ledger.Problem{Key: "quiz.err.no_answers"}
	}
	res := &Result{Lines: []Line{}}
	seen := map[string]int{}
	for _, g := range given {
		it := b.find(strings.TrimSpace(g.ID))
		if it == nil {
			return nil, &ledger.Problem{Key: "quiz.err.question", Args: []string{"value", g.ID}}
		}
		l := Line{ID: it.id, Module: it.module, Question: it.question(lang).Text, Given: strings.TrimSpace(g.Answer),
			Right: it.rightText(lang), OK: it.check(lang, g.Answer), Why: it.why(lang)}
		if at, ok := seen[it.id]; ok {
			res.Lines[at] = l
			continue
		}
		seen[it.id] = len(res.Lines)
		res.Lines = append(res.Lines, l)
	}
	for _, l := range res.Lines {
		if l.OK {
			res.Score++
		}
	}
	res.OutOf = len(res.Lines)
	return res, nil
}
