package risk

import (
	"strconv"
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
)

// Reason is an explanation for people: a catalogue key with named arguments. Arguments
// whose name ends in "amount" hold cents ("1234.56"), those ending in "date" hold
// YYYY-MM-DD dates and those ending in "pct" decimal percentages ("12.5"); Text formats
// them in the reader's language.
type Reason struct {
	Key  string   `json:"key"`
	Args []string `json:"args,omitempty"`
}

// Text renders the reason in lang, amounts in currency cur. A key written in two forms
// (key.one, key.other) takes the one its count argument calls for (i18n.N).
func (r Reason) Text(lang, cur string) string {
	args := make([]string, len(r.Args))
	copy(args, r.Args)
	key := r.Key
	for i := 0; i+1 < len(args); i += 2 {
		name, v := args[i], args[i+1]
		if n, err := strconv.Atoi(v); name == "count" && err == nil && i18n.Has(lang, i18n.N(lang, key, n)) {
			key = i18n.N(lang, key, n)
		}
		switch {
		case strings.HasSuffix(name, "amount"):
			if c, err := ledger.ParseCents(v); err == nil {
				args[i+1] = c.Format(lang, cur)
			}
		case strings.HasSuffix(name, "pct") && lang == "fr":
			args[i+1] = strings.Replace(v, ".", ",", 1)
		case strings.HasSuffix(name, "date") && lang == "fr":
			if d, err := ledger.ParseDate(v); err == nil {
				args[i+1] = d.French()
			}
		}
	}
	return i18n.T(lang, key, args...)
}

func reason(key string, args ...string) Reason { return Reason{Key: key, Args: args} }

// Override is a class set by hand, with its reason, author and date. Overrides are
// append-only: the latest one dated on or before the as-of date is in force, and one
// with an empty Class lifts the override (the computed class applies again).
type Override struct {
	Customer string      `json:"customer"`
	Class    string      `json:"class"` // "" lifts the override
	Reason   string      `json:"reason"`
	By       string      `json:"by"`
	Date     ledger.Date `json:"date"`
}

// Ack records that a signal was seen and dealt with, with a comment. It covers the
// signal as long as no newer evidence arrives (Signal.Since after the ack's date).
type Ack struct {
	Customer string      `json:"customer"`
	Signal   string      `json:"signal"`
	Comment  string      `json:"comment"`
	By       string      `json:"by"`
	Date     ledger.Date `json:"date"`
}

// Proposal is a class change Relance proposes: from the class in force to the computed
// one, with the evidence (score, signals, per-axis reasons).
type Proposal struct {
	ID       string      `json:"id"` // "R2026-0001"
	Customer string      `json:"customer"`
	Date     ledger.Date `json:"date"`
	From     string      `json:"from"`
	To       string      `json:"to"`
	Score    int         `json:"score"`
	Signals  []string    `json:"signals,omitempty"` // keys of the active signals
	Reasons  []Reason    `json:"reasons,omitempty"`
}

// Worse reports whether the proposal moves the customer to a worse class under p.
func (pr *Proposal) Worse(p *Policy) bool { return p.Rank(pr.To) > p.Rank(pr.From) }

// Outcome is what became of a proposal.
type Outcome string

// Outcomes of a proposal.
const (
	Accepted   Outcome = "accepted"
	Rejected   Outcome = "rejected"
	Superseded Outcome = "superseded" // a later computation made it moot
)

// Decision closes a proposal. It is written once.
type Decision struct {
	Proposal string      `json:"proposal"`
	Customer string      `json:"customer"`
	Outcome  Outcome     `json:"outcome"`
	By       string      `json:"by,omitempty"`
	Date     ledger.Date `json:"date"`
	Comment  string      `json:"comment,omitempty"`
}

// Source tells where a class assignment comes from.
type Source string

// Sources of an assignment.
const (
	SourceInitial  Source = "initial"  // the first computation adopted the computed class
	SourceProposal Source = "proposal" // an accepted proposal
)

// Assignment is the class in force from its date (until a later one). Append-only.
type Assignment struct {
	Customer string      `json:"customer"`
	Class    string      `json:"class"`
	Date     ledger.Date `json:"date"`
	Source   Source      `json:"source"`
	Proposal string      `json:"proposal,omitempty"`
}

// Records are the risk decisions of a dossier, as stored.
type Records struct {
	Overrides   []Override   `json:"overrides,omitempty"`
	Acks        []Ack        `json:"acks,omitempty"`
	Proposals   []Proposal   `json:"proposals,omitempty"`
	Decisions   []Decision   `json:"decisions,omitempty"`
	Assignments []Assignment `json:"assignments,omitempty"`
}

// Validate checks an override before it is recorded: a known class (or "" to lift),
// a reason, an author and a date.
func (o *Override) Validate(p *Policy) error {
	switch {
	case o.Customer == "":
		return &ledger.Problem{Key: "risk.err.field", Args: []string{"field", "customer", "value", ""}}
	case o.Class != "" && p.Class(o.Class) == nil:
		return &ledger.Problem{Key: "risk.err.class", Args: []string{"value", o.Class, "allowed", strings.Join(p.Codes(), ", ")}}
	case strings.TrimSpace(o.Reason) == "":
		return &ledger.Problem{Key: "risk.err.field", Args: []string{"field", "reason", "value", o.Reason}}
	case strings.TrimSpace(o.By) == "":
		return &ledger.Problem{Key: "risk.err.field", Args: []string{"field", "by", "value", o.By}}
	case !o.Date.Valid():
		return &ledger.Problem{Key: "risk.err.field", Args: []string{"field", "date", "value", ""}}
	}
	return nil
}

// Validate checks an acknowledgement: a known signal, a comment, an author and a date.
func (a *Ack) Validate() error {
	switch {
	case a.Customer == "":
		return &ledger.Problem{Key: "risk.err.field", Args: []string{"field", "customer", "value", ""}}
	case !knownSignal(a.Signal):
		return &ledger.Problem{Key: "risk.err.signal", Args: []string{"value", a.Signal, "allowed", strings.Join(SignalKeys(), ", ")}}
	case strings.TrimSpace(a.Comment) == "":
		return &ledger.Problem{Key: "risk.err.field", Args: []string{"field", "comment", "value", a.Comment}}
	case strings.TrimSpace(a.By) == "":
		return &ledger.Problem{Key: "risk.err.field", Args: []string{"field", "by", "value", a.By}}
	case !a.Date.Valid():
		return &ledger.Problem{Key: "risk.err.field", Args: []string{"field", "date", "value", ""}}
	}
	return nil
}
