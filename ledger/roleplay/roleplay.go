// Package roleplay builds the phone role-play of the course module « Relancer par
// téléphone » from a customer of the dossier: the trainee's card (the situation as the
// ledger shows it at the as-of date, the aim of the call, the figures), the trainer's
// card (the customer profile to play, the objections to raise, what a good call
// obtains), the prompts both share (the 4 C, DESC, cushion phrases, question types,
// « savoir dire non ») and the observation grid the trainer fills during the call,
// with its score.
//
// The programme names the exercise « Jeux de rôle, SRAM » without spelling SRAM out
// [to verify with the course's author]; the cards therefore call it by that name and
// follow the 4 C steps the programme lists beside it (contact, comprendre, convaincre,
// conclure). The texts are catalogue keys ("roleplay.…"), in French and English.
package roleplay

import (
	"slices"

	"relance/ledger"
	"relance/ledger/credit"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
)

// Profile is the kind of customer the trainer plays.
type Profile string

// The profiles of the programme (« maîtriser un client bavard », « répondre au client
// agressif ou manipulateur »), a customer sincerely short of cash, and one who
// disputes the invoice.
const (
	Talkative    Profile = "talkative"
	Aggressive   Profile = "aggressive"
	Manipulative Profile = "manipulative"
	Sincere      Profile = "sincere" // sincere, in difficulty
	Disputes     Profile = "disputes"
)

// Profiles returns every profile, in the order the trainer's list shows them.
func Profiles() []Profile {
	return []Profile{Talkative, Aggressive, Manipulative, Sincere, Disputes}
}

// ParseProfile returns the profile named s, or a problem naming the value.
func ParseProfile(s string) (Profile, error) {
	if p := Profile(s); slices.Contains(Profiles(), p) {
		return p, nil
	}
	return "", &ledger.Problem{Key: "roleplay.err.profile", Args: []string{"value", s}}
}

// Difficult reports whether the profile calls for DESC (the programme: « répondre au
// client agressif ou manipulateur … le DESC »).
func (p Profile) Difficult() bool { return p == Aggressive || p == Manipulative }

// Invoice is one open invoice on the trainee's card.
type Invoice struct {
	Number   string       `json:"number"`
	Due      ledger.Date  `json:"due"`
	Open     ledger.Cents `json:"open"`
	DaysLate int          `json:"days_late"`
	Disputed bool         `json:"disputed,omitempty"`
}

// Promise is a promise to pay the customer made before and did not keep.
type Promise struct {
	Made   ledger.Date  `json:"made"`
	Due    ledger.Date  `json:"due"`
	Amount ledger.Cents `json:"amount"`
}

// Dispute is an active dispute on the customer's invoices.
type Dispute struct {
	Reason dispute.Reason `json:"reason"`
	Amount ledger.Cents   `json:"amount"`
	Opened ledger.Date    `json:"opened"`
}

// Situation is what the ledger says of the customer at AsOf: the trainee's figures.
type Situation struct {
	Customer string              `json:"customer"`
	Name     string              `json:"name"`
	Kind     ledger.CustomerKind `json:"kind"`
	Contact  string              `json:"contact,omitempty"` // the first contact, "Name (role)"
	Phone    string              `json:"phone,omitempty"`
	Class    string              `json:"class,omitempty"`
	AsOf     ledger.Date         `json:"as_of"`
	Balance  ledger.Cents        `json:"balance"`
	Overdue  ledger.Cents        `json:"overdue"`
	// Undisputed is the overdue amount outside active disputes: what the call asks for.
	Undisputed ledger.Cents `json:"undisputed"`
	// Oldest is the due date of the oldest overdue invoice (zero when none is overdue).
	Oldest   ledger.Date `json:"oldest,omitempty"`
	Invoices []Invoice   `json:"invoices"`
	Broken   []Promise   `json:"broken_promises,omitempty"`
	Disputes []Dispute   `json:"disputes,omitempty"`
	// Late12m is how late, on average, the customer paid over 12 months, in days
	// (credit.Profile); LateKnown false when it paid nothing over the period.
	Late12m   int  `json:"late_12m"`
	LateKnown bool `json:"late_known"`
	// Worsening says it pays later than six months before (credit.Profile's trend).
	Worsening bool `json:"worsening,omitempty"`
	// Actions is the number of reminders (letters, calls, notices) done so far.
	Actions int `json:"actions"`
}

// Build gathers the situation of account a at asOf from its records, disputes and
// payer profile (any may be empty; prof may be nil).
func Build(a *ledger.Account, asOf ledger.Date, rec dunning.Records, ds []dispute.Dispute, prof *credit.PayerProfile, class string) Situation {
	c := &a.Customer
	s := Situation{Customer: c.ID, Name: c.Name, Kind: c.Kind, Class: class, AsOf: asOf,
		Balance: a.Balance(), Overdue: a.Overdue(asOf)}
	if len(c.Contacts) > 0 {
		ct := c.Contacts[0]
		s.Contact, s.Phone = ct.Name, ct.Phone
		if ct.Role != "" {
			s.Contact += " (" + ct.Role + ")"
		}
	}
	var active []dispute.Dispute
	for _, d := range ds {
		if d.Customer == c.ID && d.ActiveAt(asOf) {
			active = append(active, d)
			s.Disputes = append(s.Disputes, Dispute{Reason: d.Reason, Amount: d.Total(), Opened: d.Opened})
		}
	}
	idx := dispute.NewIndex(active)
	for i := range a.Items {
		it := &a.Items[i]
		if it.Open <= 0 || it.Kind != ledger.Invoice {
			continue
		}
		inv := Invoice{Number: it.Number, Due: it.DueDate, Open: it.Open, DaysLate: max(it.DaysLate(asOf), 0),
			Disputed: idx.Excluded(it, asOf)}
		s.Invoices = append(s.Invoices, inv)
		if it.OverdueAt(asOf) {
			s.Undisputed += idx.PenaltyBase(it, asOf) // the open amount less its disputed part
			if !s.Oldest.Valid() || it.DueDate < s.Oldest {
				s.Oldest = it.DueDate
			}
		}
	}
	for _, p := range rec.Promises {
		if p.Customer == c.ID && p.Made <= asOf && dunning.PromiseStateAt(p, a, asOf) == dunning.PromiseBroken {
			s.Broken = append(s.Broken, Promise{Made: p.Made, Due: p.Due, Amount: p.Amount})
		}
	}
	for _, x := range rec.Actions {
		if x.Customer == c.ID && x.Date <= asOf && x.Status != dunning.ActionPlanned {
			s.Actions++
		}
	}
	if prof != nil {
		if prof.Late12m.Defined {
			s.Late12m, s.LateKnown = int(prof.Late12m.Value.Round(0).IntPart()), true
		}
		s.Worsening = prof.Trend.Defined && prof.Trend.Value.IntPart() >= 10
	}
	return s
}

// Suggest proposes the profile to play from the situation, with the catalogue key of
// the reason: an active dispute → disputes the invoice; two promises broken →
// manipulative; paying later and later → sincere in difficulty; more than 60 days late
// on average → aggressive; otherwise talkative.
func Suggest(s *Situation) (Profile, string) {
	switch {
	case len(s.Disputes) > 0:
		return Disputes, "roleplay.why.disputes"
	case len(s.Broken) >= 2:
		return Manipulative, "roleplay.why.broken"
	case s.Worsening:
		return Sincere, "roleplay.why.worsening"
	case s.LateKnown && s.Late12m > 60:
		return Aggressive, "roleplay.why.late"
	}
	return Talkative, "roleplay.why.default"
}
