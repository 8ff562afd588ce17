package roleplay

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// Grid is the observation grid the trainer fills during the role-play; it is kept as
// the attempt's Detail (classroom.RolePlay).
type Grid struct {
	Customer string  `json:"customer"`
	Profile  Profile `json:"profile"`
	// The 4 C steps reached.
	Contact    bool `json:"contact"`
	Understand bool `json:"understand"`
	Convince   bool `json:"convince"`
	Conclude   bool `json:"conclude"`
	// The question types used.
	Open    bool `json:"open_questions"`
	Closed  bool `json:"closed_questions"`
	Neutral bool `json:"neutral_questions"`
	Leading bool `json:"leading_questions"`
	// Reformulated: « si je vous ai bien compris… »; Objection: the objection answered.
	Reformulated bool `json:"reformulated"`
	Objection    bool `json:"objection_handled"`
	// The commitment obtained: amount and date (zero when none).
	Amount ledger.Cents `json:"amount,omitempty"`
	Date   ledger.Date  `json:"date,omitempty"`
	// Tone: 0 unsuitable (aggressive, hesitant), 1 acceptable, 2 courteous and firm.
	Tone int `json:"tone"`
	// DESC used with a difficult customer (only scored for Profile.Difficult).
	DESC  bool   `json:"desc,omitempty"`
	Notes string `json:"notes,omitempty"`
}

// Validate checks a grid against the as-of date: a known profile, a tone of 0 to 2, a
// commitment with a positive amount and a date not before asOf.
func (g *Grid) Validate(asOf ledger.Date) error {
	bad := func(field, value string) error {
		return &ledger.Problem{Key: "roleplay.err.grid", Args: []string{"field", field, "value", value}}
	}
	if _, err := ParseProfile(string(g.Profile)); err != nil {
		return err
	}
	switch {
	case strings.TrimSpace(g.Customer) == "":
		return bad("customer", "")
	case g.Tone < 0 || g.Tone > 2:
		return bad("tone", strconv.Itoa(g.Tone))
	case g.Amount < 0:
		return bad("amount", g.Amount.String())
	case g.Date.Valid() && g.Date < asOf:
		return bad("date", g.Date.String())
	case len(g.Notes) > 4000:
		return bad("notes", g.Notes[:40]+"…")
	}
	return nil
}

// Line is one line of the score: what was observed, the points given and the most it
// could give.
type Line struct {
	Key    string `json:"key"`
	Points int    `json:"points"`
	Max    int    `json:"max"`
}

// Score is the grid's score with its lines.
type Score struct {
	Lines  []Line          `json:"lines"`
	Points decimal.Decimal `json:"points"`
	OutOf  int             `json:"out_of"`
}

// Scored returns the grid's score. The scale, out of 20 (19 when the profile does not
// call for DESC):
//   - each of the 4 C steps reached: 2 points (8) — keeping control of the call;
//   - open questions used: 1; closed questions to confirm: 1 (2) — neutral and leading
//     questions are noted, not scored (a leading question can win a hasty « oui »);
//   - reformulation: 2; the objection answered: 2;
//   - the commitment: 3 with an amount and a date, 1 with only one of them;
//   - the tone: 0 to 2;
//   - DESC with an aggressive or manipulative customer: 1.
func (g *Grid) Scored() Score {
	pts := func(ok bool, n int) int {
		if ok {
			return n
		}
		return 0
	}
	commit := 0
	switch {
	case g.Amount > 0 && g.Date.Valid():
		commit = 3
	case g.Amount > 0 || g.Date.Valid():
		commit = 1
	}
	lines := []Line{
		{"roleplay.grid.contact", pts(g.Contact, 2), 2},
		{"roleplay.grid.understand", pts(g.Understand, 2), 2},
		{"roleplay.grid.convince", pts(g.Convince, 2), 2},
		{"roleplay.grid.conclude", pts(g.Conclude, 2), 2},
		{"roleplay.grid.open", pts(g.Open, 1), 1},
		{"roleplay.grid.closed", pts(g.Closed, 1), 1},
		{"roleplay.grid.reformulated", pts(g.Reformulated, 2), 2},
		{"roleplay.grid.objection", pts(g.Objection, 2), 2},
		{"roleplay.grid.commitment", commit, 3},
		{"roleplay.grid.tone", min(max(g.Tone, 0), 2), 2},
	}
	if g.Profile.Difficult() {
		lines = append(lines, Line{"roleplay.grid.desc", pts(g.DESC, 1), 1})
	}
	s := Score{Lines: lines}
	total := 0
	for _, l := range lines {
		total += l.Points
		s.OutOf += l.Max
	}
	s.Points = decimal.NewFromInt(int64(total))
	return s
}
