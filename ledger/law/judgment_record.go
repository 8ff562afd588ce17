package law

import (
	"strings"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// JudgmentKind is the kind of enforceable decision a creditor obtained against a
// customer.
type JudgmentKind string

// Judgment kinds.
const (
	// JudgmentInjonction is an ordonnance d'injonction de payer made enforceable by the
	// formule exécutoire, on the creditor's request after the month for opposition
	// (CPC 1422).
	JudgmentInjonction JudgmentKind = "injonction"
	// JudgmentMerits is a judgment on the merits (jugement).
	JudgmentMerits JudgmentKind = "jugement"
	// JudgmentRefere is an ordonnance de référé, here a provision (CPC 835 al. 2, 873
	// al. 2), enforceable by provision.
	JudgmentRefere JudgmentKind = "refere"
)

// JudgmentKinds lists the kinds in the order the forms offer them.
var JudgmentKinds = []JudgmentKind{JudgmentInjonction, JudgmentMerits, JudgmentRefere}

// ParseJudgmentKind reads a kind as typed: its name or a short French or English word
// ("ip", "ordonnance", "judgment", "référé").
func ParseJudgmentKind(s string) (JudgmentKind, bool) {
	k := strings.NewReplacer("é", "e", "É", "e").Replace(strings.ToLower(strings.TrimSpace(s)))
	switch k {
	case "injonction", "ip", "ordonnance", "order", "injunction":
		return JudgmentInjonction, true
	case "jugement", "judgment", "judgement":
		return JudgmentMerits, true
	case "refere", "interim", "provision":
		return JudgmentRefere, true
	}
	return "", false
}

// InterestKind is the rate a decision awards on the principal.
type InterestKind string

// Interest kinds.
const (
	// InterestLegal is the legal interest rate of each half-year (CMF L313-2), raised
	// by 5 points two months after the decision became enforceable (CMF L313-3).
	InterestLegal InterestKind = "legal"
	// InterestContract is a fixed rate the decision awards, usually the rate the
	// contract stipulated (C. civ. 1343-1 al. 2).
	InterestContract InterestKind = "contract"
	// InterestL441 is the late-payment rate of C. com. L441-10 II: the ECB rate of
	// each half-year + 10 points.
	InterestL441 InterestKind = "l441-10"
)

// JudgmentPayment is a payment the debtor made on the judgment debt after the
// decision, recorded on the judgment (a commissaire de justice's remittance, a
// transfer): it is imputed on costs, interest, then principal (JudgmentDecompte).
type JudgmentPayment struct {
	Date   ledger.Date  `json:"date"`
	Amount ledger.Cents `json:"amount"`
	Ref    string       `json:"ref,omitempty"`
}

// Judgment is an enforceable decision recorded against a customer: what it awarded
// and from when, what a post-judgment décompte is computed from.
type Judgment struct {
	ID       string       `json:"id"` // "JG2026-0001", given by the store
	Customer string       `json:"customer"`
	Kind     JudgmentKind `json:"kind"`
	Court    string       `json:"court,omitempty"` // « Tribunal de commerce de Lyon »
	Ref      string       `json:"ref,omitempty"`   // the decision's number (RG, minute)
	// Decision is the day the decision was made (prononcé).
	Decision ledger.Date `json:"decision"`
	// Enforceable is the day it became an enforceable title: the signification of a
	// judgment or référé order, the formule exécutoire on an injonction de payer.
	// The L313-3 majoration and the ten years of L111-4 run from it.
	Enforceable ledger.Date  `json:"enforceable"`
	Principal   ledger.Cents `json:"principal"`
	Interest    InterestKind `json:"interest"`
	// Rate is the rate awarded, % per year, for InterestContract only.
	Rate decimal.NullDecimal `json:"rate"`
	// InterestFrom is the day from which the decision makes interest on the principal
	// run (the day itself bears none, as for a due date); NoDate: the decision's day
	// (C. civ. 1231-7).
	InterestFrom ledger.Date `json:"interest_from,omitempty"`
	// Indemnity is the fixed recovery indemnity awarded (C. com. L441-10 II, D441-5).
	Indemnity ledger.Cents `json:"indemnity,omitempty"`
	// Art700 is the sum awarded under art. 700 CPC; Costs the dépens (CPC 695) as
	// liquidated.
	Art700 ledger.Cents `json:"art700,omitempty"`
	Costs  ledger.Cents `json:"costs,omitempty"`
	// Capitalise: the decision orders the capitalisation of interest (C. civ. 1343-2).
	Capitalise bool              `json:"capitalise,omitempty"`
	Payments   []JudgmentPayment `json:"payments"`
	Recorded   ledger.Date       `json:"recorded,omitempty"`
	By         string            `json:"by,omitempty"`
}

// InterestStart returns the last day of the principal that bears no interest: the
// day given by the decision, or the decision's own day (C. civ. 1231-7: interest
// from the pronouncement unless the judge decides otherwise).
func (j *Judgment) InterestStart() ledger.Date {
	if j.InterestFrom.Valid() {
		return j.InterestFrom
	}
	return j.Decision
}

// EnforcementDeadline returns the last day the decision may be enforced: ten years
// from the day it became an enforceable title (CPCE L111-4; Cass. 2e civ. 5 Oct 2023
// n°20-23.523), ending on the same calendar day (CPC 641).
func (j *Judgment) EnforcementDeadline() ledger.Date {
	if !j.Enforceable.Valid() {
		return ledger.NoDate
	}
	return j.Enforceable.AddMonths(120)
}

// MajorationStart returns the first day of the legal rate raised by 5 points: the
// day after the two months that follow the day the decision became enforceable
// (CMF L313-3; the two months run from the signification — legal-fr §2.3; CPC 641:
// a period in months ends on the same calendar day).
func (j *Judgment) MajorationStart() ledger.Date {
	if !j.Enforceable.Valid() {
		return ledger.NoDate
	}
	return j.Enforceable.AddMonths(2) + 1
}

// Paid returns the sum of the payments recorded on the judgment up to asOf.
func (j *Judgment) Paid(asOf ledger.Date) ledger.Cents {
	var n ledger.Cents
	for _, p := range j.Payments {
		if p.Date <= asOf {
			n += p.Amount
		}
	}
	return n
}

// Validate checks a judgment before it is stored and names the first bad field and
// its value in a Problem (judgment.err.*).
func (j *Judgment) Validate() error {
	label := j.ID
	if label == "" {
		label = j.Customer
	}
	bad := func(field, value string) error {
		return judgmentProblem("judgment.err.field", "id", label,
			"field_key", "judgment.field."+field, "value", value)
	}
	switch {
	case strings.TrimSpace(j.Customer) == "":
		return bad("customer", j.Customer)
	case j.Kind != JudgmentInjonction && j.Kind != JudgmentMerits && j.Kind != JudgmentRefere:
		return bad("kind", string(j.Kind))
	case !j.Decision.Valid():
		return bad("decision", "")
	case !j.Enforceable.Valid():
		return bad("enforceable", "")
	case j.Principal <= 0:
		return bad("principal", j.Principal.String())
	case j.Indemnity < 0:
		return bad("indemnity", j.Indemnity.String())
	case j.Art700 < 0:
		return bad("art700", j.Art700.String())
	case j.Costs < 0:
		return bad("costs", j.Costs.String())
	}
	if j.Enforceable < j.Decision {
		return judgmentProblem("judgment.err.enforceable_before", "id", label,
			"date", j.Enforceable.String(), "judgment", j.Decision.String())
	}
	switch j.Interest {
	case InterestLegal, InterestL441:
		if j.Rate.Valid {
			return judgmentProblem("judgment.err.rate_unused", "id", label, "value", j.Rate.Decimal.String())
		}
	case InterestContract:
		if !j.Rate.Valid || !j.Rate.Decimal.IsPositive() || j.Rate.Decimal.GreaterThan(decimal.NewFromInt(100)) {
			v := ""
			if j.Rate.Valid {
				v = j.Rate.Decimal.String()
			}
			return bad("rate", v)
		}
	default:
		return bad("interest", string(j.Interest))
	}
	for _, p := range j.Payments {
		if !p.Date.Valid() || p.Amount <= 0 {
			return judgmentProblem("judgment.err.payment", "id", label,
				"date", p.Date.String(), "amount", p.Amount.String())
		}
		if p.Date < j.Decision {
			// A payment before the decision was the judge's to take into account.
			return judgmentProblem("judgment.err.payment_before", "id", label,
				"date", p.Date.String(), "judgment", j.Decision.String())
		}
	}
	return nil
}

// NoteError is an error meant for the user whose arguments are written the reader's
// way when it is rendered (FormatNote: dates as 05/12/2026 in French, amounts with
// their currency): the judgment's validation and décompte return it. It matches a
// *ledger.Problem with the same key under errors.Is.
type NoteError struct {
	Note
	Currency string // of the "amount" arguments; "" is EUR
}

func judgmentProblem(key string, args ...string) *NoteError {
	return &NoteError{Note: Note{Key: key, Args: args}}
}

// Error renders the error in English.
func (e *NoteError) Error() string { return e.Localize("en") }

// Localize renders the error in lang, dates and amounts formatted.
func (e *NoteError) Localize(lang string) string { return judgmentNoteText(e.Note, lang, e.Currency) }

// judgmentNoteText is FormatNote with the décompte's other amounts ("owed", "total")
// formatted too.
func judgmentNoteText(n Note, lang, currency string) string {
	args := append([]string(nil), n.Args...)
	for i := 0; i+1 < len(args); i += 2 {
		if args[i] == "owed" || args[i] == "total" {
			if c, err := ledger.ParseCents(args[i+1]); err == nil {
				args[i+1] = c.Format(lang, currency)
			}
		}
	}
	return FormatNote(Note{Key: n.Key, Args: args}, lang, currency)
}

// Is matches a *ledger.Problem or a *NoteError with the same key.
func (e *NoteError) Is(target error) bool {
	switch t := target.(type) {
	case *ledger.Problem:
		return t.Key == e.Key
	case *NoteError:
		return t.Key == e.Key
	}
	return false
}
