package law

import (
	"strconv"
	"time"

	"relance/ledger"
)

// InterruptionKind is an act that interrupts a limitation period: a new period of the
// same length runs from its date (C. civ. 2231).
type InterruptionKind string

// Interruption kinds.
const (
	Acknowledgement  InterruptionKind = "acknowledgement"   // debtor's acknowledgement of the debt: C. civ. 2240
	PaymentPlan      InterruptionKind = "payment_plan"      // payment plan signed by the debtor, an acknowledgement: C. civ. 2240
	LegalAction      InterruptionKind = "legal_action"      // claim filed in court, even in référé: C. civ. 2241
	InjunctionServed InterruptionKind = "injunction_served" // service (signification) of an injonction de payer: C. civ. 2241, CPC 1411
	Enforcement      InterruptionKind = "enforcement"       // conservatory measure or enforcement act: C. civ. 2244
	// WrittenClaim is a written request for payment to a public body: loi 68-1250 art. 2
	// (public debtors only; a formal notice does not interrupt against a private debtor).
	WrittenClaim InterruptionKind = "written_claim"
)

// Interruption is one interrupting act and its date.
type Interruption struct {
	Kind InterruptionKind `json:"kind"`
	Date ledger.Date      `json:"date"`
}

// Level is how close a limitation deadline is.
type Level string

// Levels, from the least to the most urgent.
const (
	LevelUnknown Level = "unknown" // no date to count from
	LevelOK      Level = "ok"
	LevelWarn6   Level = "warn6"   // 6 months or less before the deadline
	LevelWarn3   Level = "warn3"   // 3 months or less before the deadline
	LevelExpired Level = "expired" // the deadline has passed
)

// Claim is what a limitation period is counted from: the due date, or the completion
// of the works or services when known (Cass. com. 26 Feb 2020 n°18-25.036; Cass. 1re
// civ. 19 May 2021 n°20-12.520 — legal-fr §5).
type Claim struct {
	Due        ledger.Date
	Completion ledger.Date
}

// LimitationState is an item's limitation deadline at a date, with its reason.
type LimitationState struct {
	Start    ledger.Date `json:"start"`    // day the current period started (due date, completion or last interruption)
	Deadline ledger.Date `json:"deadline"` // last day to act
	DaysLeft int         `json:"days_left"`
	Level    Level       `json:"level"`
	Rule     string      `json:"rule"` // article of the period
	Reason   []Note      `json:"reason"`
}

// Deadline returns the limitation state of item at asOf for a debtor of kind k,
// counted from its due date (its document date when it has none).
func Deadline(item *ledger.Item, k ledger.CustomerKind, interruptions []Interruption, asOf ledger.Date) LimitationState {
	start := item.DueDate
	if !start.Valid() {
		start = item.DocDate
	}
	return ClaimDeadline(Claim{Due: start}, k, interruptions, asOf)
}

// ClaimDeadline returns the limitation state of a claim at asOf for a debtor of kind k.
// Interruptions dated after asOf or before the start are ignored; the latest other one
// restarts the full period.
func ClaimDeadline(c Claim, k ledger.CustomerKind, interruptions []Interruption, asOf ledger.Date) LimitationState {
	start := c.Due
	from := "law.limit.from_due"
	if c.Completion.Valid() {
		start, from = c.Completion, "law.limit.from_completion"
	}
	if !start.Valid() {
		return LimitationState{Level: LevelUnknown, Reason: []Note{{Key: "law.limit.nodate"}}}
	}
	st := LimitationState{Start: start}
	var years int
	switch k {
	case ledger.Consumer:
		years, st.Rule = 2, "C. consom. L218-2" // action of a professional against a consumer
	case ledger.PublicBody:
		years, st.Rule = 4, "loi 68-1250 art. 1" // prescription quadriennale of claims on public bodies
	default:
		years, st.Rule = 5, "C. com. L110-4" // obligations between or with traders
	}
	st.Reason = append(st.Reason, Note{Key: "law.limit." + k.String(), Args: []string{"years", itoa(years), "rule", st.Rule}},
		Note{Key: from, Args: []string{"date", start.String()}})
	var last *Interruption
	for i := range interruptions {
		in := &interruptions[i]
		if !in.Date.Valid() || in.Date > asOf || in.Date < start {
			continue
		}
		if in.Kind == WrittenClaim && k != ledger.PublicBody {
			continue // a formal notice does not interrupt (Cass. com. 18 May 2022 n°20-23.204)
		}
		if last == nil || in.Date > last.Date {
			last = in
		}
	}
	if last != nil {
		st.Start = last.Date // C. civ. 2231: a new period of the same length
		st.Reason = append(st.Reason, Note{Key: "law.limit.restart." + string(last.Kind), Args: []string{"date", last.Date.String(),
			"article", interruptionArticle(last.Kind)}})
	}
	if k == ledger.PublicBody {
		// loi 68-1250 art. 1 and 2: four years from 1 January of the year following the
		// year the right was acquired (or the interruption took place).
		st.Deadline = ledger.NewDate(st.Start.Year()+years, time.December, 31)
	} else {
		// C. civ. 2228-2229: counted in days, the day of the starting event excluded;
		// the period ends at the end of the same calendar day N years later.
		st.Deadline = st.Start.AddMonths(12 * years)
	}
	st.DaysLeft = st.Deadline.DaysSince(asOf)
	switch {
	case asOf > st.Deadline:
		st.Level = LevelExpired
	case asOf >= st.Deadline.AddMonths(-3):
		st.Level = LevelWarn3
	case asOf >= st.Deadline.AddMonths(-6):
		st.Level = LevelWarn6
	default:
		st.Level = LevelOK
	}
	return st
}

func interruptionArticle(k InterruptionKind) string {
	switch k {
	case Acknowledgement, PaymentPlan:
		return "C. civ. 2240"
	case LegalAction, InjunctionServed:
		return "C. civ. 2241"
	case Enforcement:
		return "C. civ. 2244"
	case WrittenClaim:
		return "loi 68-1250 art. 2"
	}
	return "C. civ. 2231"
}

// Urgency orders levels for sorting: expired first, then warn3, warn6, ok, unknown.
func (l Level) Urgency() int {
	switch l {
	case LevelExpired:
		return 0
	case LevelWarn3:
		return 1
	case LevelWarn6:
		return 2
	case LevelOK:
		return 3
	}
	return 4
}

func itoa(n int) string { return strconv.Itoa(n) }
