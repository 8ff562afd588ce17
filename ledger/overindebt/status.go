package overindebt

import "relance/ledger"

// Phase is where a file stands at a date.
type Phase string

// Phases of a file, in their order.
const (
	// PhaseNone: no file at that date (before the filing).
	PhaseNone Phase = ""
	// PhaseFiled: filed, the commission has not decided on admissibility yet; it has
	// 3 months to (C. consom. L721-5 [to verify]).
	PhaseFiled Phase = "filed"
	// PhaseAdmitted: admitted; enforcement is suspended (C. consom. L722-2), the
	// debtor may not pay prior debts (L722-5), the debts bear no interest (L722-14
	// [to verify]).
	PhaseAdmitted Phase = "admitted"
	// PhaseLiabilities: admitted and the état du passif notified to the creditor: the
	// 30 days to justify the claim run (C. consom. R723-3).
	PhaseLiabilities Phase = "liabilities"
	// PhaseDecided: the file has its outcome (Case.Outcome).
	PhaseDecided Phase = "decided"
)

// The creditor's periods, in days or months from the step they run from.
const (
	// AdmissibilityMonths is the time the commission has to decide on admissibility
	// from the filing (C. consom. L721-5 [to verify the article]).
	AdmissibilityMonths = 3
	// JustifyDays is the creditor's time to contest the état du passif and send the
	// justification of its claim (principal, interest, costs) from its notification;
	// past it the claim is taken at the debtor's figures (C. consom. R723-3).
	JustifyDays = 30
	// SuspensionMonths is the longest the suspension of enforcement lasts from the
	// admissibility (C. consom. L722-3: at most 2 years).
	SuspensionMonths = 24
	// LiquidationMonths is the time to declare the claims to the liquidator once a
	// rétablissement personnel avec liquidation judiciaire is opened (C. consom. R742-11
	// [to verify: counted from the publication of the judgment in the BODACC]).
	LiquidationMonths = 2
)

// Status is what a file means for the creditor at a date.
type Status struct {
	AsOf  ledger.Date `json:"as_of"`
	Phase Phase       `json:"phase"`
	// Held: no reminder, letter of formal notice or enforcement is to be sent to the
	// customer at AsOf (Relance's choice from the filing; C. consom. L722-2, L722-5).
	Held bool `json:"held"`
	// Frozen: the late penalties and interest stop on FrozenFrom's eve (C. consom.
	// L722-14 [to verify]); FrozenFrom is the admissibility date.
	Frozen     bool        `json:"frozen"`
	FrozenFrom ledger.Date `json:"frozen_from,omitempty"`
	// Deadlines are the file's dates that matter to the creditor, in date order, those
	// passed included.
	Deadlines []Deadline `json:"deadlines"`
}

// DeadlineKind names a deadline of a file.
type DeadlineKind string

// Deadline kinds.
const (
	DeadlineAdmissibility DeadlineKind = "admissibility" // the commission's decision expected
	DeadlineJustify       DeadlineKind = "justify"       // the creditor justifies its claim
	DeadlineSuspension    DeadlineKind = "suspension"    // the suspension of enforcement ends at the latest
	DeadlineLiquidation   DeadlineKind = "liquidation"   // the claim is declared to the liquidator
)

// Deadline is one of the file's dates with the article it comes from and the days
// left at the as-of date (negative once passed).
type Deadline struct {
	Kind     DeadlineKind `json:"kind"`
	Date     ledger.Date  `json:"date"`
	DaysLeft int          `json:"days_left"`
	Article  string       `json:"article"`
	// Done: the step it waits for happened (the decision came, the claim was
	// justified before the date).
	Done bool `json:"done,omitempty"`
}

// Passed reports whether the deadline is past at its as-of date and not done.
func (d Deadline) Passed() bool { return !d.Done && d.DaysLeft < 0 }

// At returns the file's status at asOf. A file filed after asOf is PhaseNone and
// changes nothing.
func (k *Case) At(asOf ledger.Date) Status {
	st := Status{AsOf: asOf, Deadlines: []Deadline{}}
	if !k.Filed.Valid() || asOf < k.Filed {
		return st
	}
	decided := k.Outcome != OutcomeNone && k.OutcomeDate.Valid() && k.OutcomeDate <= asOf
	admitted := k.Admitted.Valid() && k.Admitted <= asOf
	switch {
	case decided:
		st.Phase = PhaseDecided
	case admitted && k.Notified.Valid() && k.Notified <= asOf:
		st.Phase = PhaseLiabilities
	case admitted:
		st.Phase = PhaseAdmitted
	default:
		st.Phase = PhaseFiled
	}
	// Reminders: held from the filing until a refusal or a closing without measures.
	st.Held = !(decided && (k.Outcome == Refused || k.Outcome == Closed))
	// Penalties: frozen from the admissibility, whatever follows (see the package doc).
	if admitted {
		st.Frozen, st.FrozenFrom = true, k.Admitted
	}
	add := func(kind DeadlineKind, d ledger.Date, article string, done bool) {
		st.Deadlines = append(st.Deadlines, Deadline{Kind: kind, Date: d, DaysLeft: d.DaysSince(asOf), Article: article, Done: done})
	}
	if !admitted && !decided { // the commission's decision is waited for
		add(DeadlineAdmissibility, k.Filed.AddMonths(AdmissibilityMonths), "C. consom. L721-5", false)
	}
	if admitted {
		if k.Notified.Valid() && k.Notified <= asOf {
			due := k.Notified.AddDays(JustifyDays)
			add(DeadlineJustify, due, "C. consom. R723-3", k.JustifiedOn.Valid() && k.JustifiedOn <= due && k.JustifiedOn <= asOf)
		}
		add(DeadlineSuspension, k.Admitted.AddMonths(SuspensionMonths), "C. consom. L722-3", decided)
	}
	if decided && k.Outcome == RPLiquidation {
		add(DeadlineLiquidation, k.OutcomeDate.AddMonths(LiquidationMonths), "C. consom. R742-11", false)
	}
	for i := 1; i < len(st.Deadlines); i++ { // in date order (a handful: insertion sort)
		for j := i; j > 0 && st.Deadlines[j].Date < st.Deadlines[j-1].Date; j-- {
			st.Deadlines[j], st.Deadlines[j-1] = st.Deadlines[j-1], st.Deadlines[j]
		}
	}
	return st
}

// Next returns the first deadline of st not done and not passed, if any.
func (st Status) Next() (Deadline, bool) {
	for _, d := range st.Deadlines {
		if !d.Done && d.DaysLeft >= 0 {
			return d, true
		}
	}
	return Deadline{}, false
}

// Find returns the deadline of kind in st, if any.
func (st Status) Find(kind DeadlineKind) (Deadline, bool) {
	for _, d := range st.Deadlines {
		if d.Kind == kind {
			return d, true
		}
	}
	return Deadline{}, false
}

// InterestEnd returns the last day late penalties and interest run for a customer
// with file k, for a computation ending at end: the admissibility's eve when the file
// was admitted by end (C. consom. L722-14 [to verify]), else end itself; stopped
// reports whether it was cut.
func (k *Case) InterestEnd(end ledger.Date) (last ledger.Date, stopped bool) {
	if k == nil || !k.Admitted.Valid() || k.Admitted > end {
		return end, false
	}
	return k.Admitted.AddDays(-1), true
}

// Active returns the file of customer among cases, or nil.
func Active(cases []Case, customer string) *Case {
	for i := range cases {
		if cases[i].Customer == customer {
			return &cases[i]
		}
	}
	return nil
}
