package law

import (
	"slices"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// Award names one sum of a judgment in its décompte.
type Award string

// The sums a judgment awards.
const (
	AwardPrincipal Award = "principal" // the debt, with the interest the decision awards
	AwardIndemnity Award = "indemnity" // fixed recovery indemnity (C. com. L441-10 II)
	AwardArt700    Award = "art700"    // art. 700 CPC
	AwardCosts     Award = "costs"     // dépens (CPC 695), no interest here
)

// JudgmentEventKind says what happened on a day of a post-judgment décompte.
type JudgmentEventKind string

// Events of a post-judgment décompte.
const (
	JudgmentCapitalised JudgmentEventKind = "capitalised" // a year's interest added to the capital (C. civ. 1343-2)
	JudgmentPaid        JudgmentEventKind = "payment"     // a payment, imputed (C. civ. 1343-1)
)

// JudgmentEvent is a capitalisation or a payment, with how a payment was imputed.
type JudgmentEvent struct {
	Kind   JudgmentEventKind `json:"kind"`
	Date   ledger.Date       `json:"date"`
	Award  Award             `json:"claim,omitempty"` // the sum whose interest was capitalised
	Amount ledger.Cents      `json:"amount"`
	Ref    string            `json:"ref,omitempty"`
	// A payment's imputation: on costs (dépens, art. 700, indemnity), interest, principal.
	ToCosts     ledger.Cents `json:"to_costs,omitempty"`
	ToInterest  ledger.Cents `json:"to_interest,omitempty"`
	ToPrincipal ledger.Cents `json:"to_principal,omitempty"`
}

// JudgmentSum is one sum of the judgment at the as-of date.
type JudgmentSum struct {
	Award   Award        `json:"claim"`
	Awarded ledger.Cents `json:"awarded"`
	Paid    ledger.Cents `json:"paid"`    // payments imputed on the sum itself
	Owed    ledger.Cents `json:"owed"`    // the sum still owed (without its interest)
	Accrued ledger.Cents `json:"accrued"` // Σ its interest lines
	// Capitalised is the part of its interest added to its capital (C. civ. 1343-2).
	Capitalised  ledger.Cents `json:"capitalised"`
	InterestPaid ledger.Cents `json:"interest_paid"`
	InterestOwed ledger.Cents `json:"interest_owed"` // capitalised and not, still owed
}

// JudgmentTotals sums a post-judgment décompte.
type JudgmentTotals struct {
	Awarded      ledger.Cents `json:"awarded"`       // principal + indemnity + art. 700 + dépens
	Accrued      ledger.Cents `json:"accrued"`       // Σ interest lines
	Capitalised  ledger.Cents `json:"capitalised"`   // interest added to the capital
	Paid         ledger.Cents `json:"paid"`          // payments up to the as-of date
	InterestOwed ledger.Cents `json:"interest_owed"` // interest still owed
	Owed         ledger.Cents `json:"owed"`          // sums still owed, without interest
	TotalDue     ledger.Cents `json:"total_due"`     // Owed + InterestOwed
}

// JudgmentDecompte is the post-judgment décompte of a decision at a date: what a
// commissaire de justice enforces.
type JudgmentDecompte struct {
	Judgment Judgment    `json:"judgment"`
	AsOf     ledger.Date `json:"as_of"`
	// InterestEnd is the last day interest is counted: AsOf, or the last day the rate
	// tables cover (a note says so).
	InterestEnd ledger.Date `json:"interest_end"`
	Currency    string      `json:"currency"`
	// Majoration is the first day of the legal rate + 5 points (CMF L313-3).
	Majoration ledger.Date `json:"majoration"`
	// EnforceUntil is the last day the decision may be enforced (CPCE L111-4).
	EnforceUntil ledger.Date `json:"enforce_until"`
	// DaysLeft is the number of days from AsOf to EnforceUntil (negative: passed).
	DaysLeft int `json:"days_left"`
	// Lines are the interest periods; Line.Invoice holds the Award.
	Lines  []Line          `json:"lines"`
	Events []JudgmentEvent `json:"events"`
	Sums   []JudgmentSum   `json:"sums"`
	Totals JudgmentTotals  `json:"totals"`
	Notes  []Note          `json:"notes"`
}

// MajorationPoints is the rise of the legal interest rate two months after a money
// judgment became enforceable (CMF L313-3).
var MajorationPoints = decimal.NewFromInt(5)

// claimState is a sum during the computation: what is owed of it, its capitalised
// interest (which bears interest, C. civ. 1343-2) and its interest not capitalised.
type claimState struct {
	sum        *JudgmentSum
	kind       InterestKind // the rate it bears; "" for none
	start      ledger.Date  // last day bearing no interest
	at         ledger.Date  // last day counted so far
	owed, k, a ledger.Cents
}

// ComputeJudgment returns the post-judgment décompte of j at asOf with the rates r:
//   - the principal bears the rate the decision awards from InterestStart, half-year by
//     half-year for the legal and L441-10 rates; the legal rate is raised by 5 points
//     from MajorationStart (CMF L313-3), a rate the decision fixed otherwise is not;
//   - the indemnity and the art. 700 sum bear the legal rate from the decision (C. civ.
//     1231-7), raised the same way; the dépens bear none here;
//   - when the decision orders it, each whole year's interest is added to the capital
//     on the anniversary of the day it started to run (C. civ. 1343-2);
//   - each payment is imputed on the costs (dépens, art. 700, indemnity), then the
//     interest (the capitalised, older, first), then the principal (C. civ. 1343-1;
//     Cass. 1re civ. 7 Feb 1995 n°92-14.216 for the costs); interest runs on the old
//     balance up to the payment's day, as for penalties;
//   - interest stops at the last half-year the rate tables cover, with a note.
//
// Amounts are exact cents: each line rounded half away from zero, totals the sums of
// the lines. A payment above what is owed on its day is refused (judgment.err.overpaid).
func ComputeJudgment(r *Rates, j Judgment, asOf ledger.Date, currency string) (*JudgmentDecompte, error) {
	if err := j.Validate(); err != nil {
		return nil, err
	}
	if !asOf.Valid() || asOf < j.Decision {
		return nil, &NoteError{Note: Note{Key: "judgment.err.asof", Args: []string{"date", asOf.String(),
			"judgment", j.Decision.String()}}, Currency: currency}
	}
	d := &JudgmentDecompte{Judgment: j, AsOf: asOf, Currency: currency, Majoration: j.MajorationStart(),
		EnforceUntil: j.EnforcementDeadline(), Lines: []Line{}, Events: []JudgmentEvent{}, Notes: []Note{}}
	d.DaysLeft = d.EnforceUntil.DaysSince(asOf)
	d.InterestEnd = interestEnd(r, j, asOf)

	sums := []JudgmentSum{{Award: AwardPrincipal, Awarded: j.Principal}, {Award: AwardIndemnity, Awarded: j.Indemnity},
		{Award: AwardArt700, Awarded: j.Art700}, {Award: AwardCosts, Awarded: j.Costs}}
	states := make([]*claimState, len(sums))
	for i := range sums {
		st := &claimState{sum: &sums[i], owed: sums[i].Awarded, kind: InterestLegal, start: j.Decision}
		switch sums[i].Award {
		case AwardPrincipal:
			st.kind, st.start = j.Interest, j.InterestStart()
		case AwardCosts:
			st.kind = ""
		}
		st.at = st.start
		states[i] = st
	}
	// Imputation order of the costs: dépens, art. 700, indemnity; of interest and
	// principal: the principal's, then the indemnity's and the art. 700's.
	costs := []*claimState{states[3], states[2], states[1]}
	bearing := []*claimState{states[0], states[1], states[2]}

	pays := slices.Clone(j.Payments)
	slices.SortStableFunc(pays, func(a, b JudgmentPayment) int { return int(a.Date - b.Date) })
	for _, t := range eventDays(j, bearing, pays, asOf, d.InterestEnd) {
		payDay := slices.ContainsFunc(pays, func(p JudgmentPayment) bool { return p.Date == t })
		for _, st := range bearing {
			anniversary := j.Capitalise && isAnniversary(st.start, t) && t <= d.InterestEnd
			if !payDay && !anniversary {
				continue
			}
			if err := d.accrue(r, st, min(t, d.InterestEnd)); err != nil {
				return nil, err
			}
			if anniversary && st.a > 0 {
				// C. civ. 1343-2: interest due for a whole year bears interest.
				d.Events = append(d.Events, JudgmentEvent{Kind: JudgmentCapitalised, Date: t, Award: st.sum.Award, Amount: st.a})
				st.sum.Capitalised += st.a
				st.k, st.a = st.k+st.a, 0
			}
		}
		for _, p := range pays {
			if p.Date == t {
				if err := d.impute(p, costs, bearing); err != nil {
					return nil, err
				}
			}
		}
	}
	for _, st := range bearing {
		if err := d.accrue(r, st, d.InterestEnd); err != nil {
			return nil, err
		}
	}
	for _, st := range states {
		st.sum.Owed, st.sum.InterestOwed = st.owed, st.k+st.a
		tot := &d.Totals
		tot.Awarded += st.sum.Awarded
		tot.Accrued += st.sum.Accrued
		tot.Capitalised += st.sum.Capitalised
		tot.Owed += st.owed
		tot.InterestOwed += st.k + st.a
	}
	for _, e := range d.Events {
		if e.Kind == JudgmentPaid {
			d.Totals.Paid += e.Amount
		}
	}
	d.Totals.TotalDue = d.Totals.Owed + d.Totals.InterestOwed
	d.Sums = sums
	// The lines sum by sum (principal, indemnity, art. 700), each in date order.
	order := map[string]int{string(AwardPrincipal): 0, string(AwardIndemnity): 1, string(AwardArt700): 2}
	slices.SortStableFunc(d.Lines, func(a, b Line) int {
		if a.Invoice != b.Invoice {
			return order[a.Invoice] - order[b.Invoice]
		}
		return int(a.From - b.From)
	})
	d.notes(r)
	return d, nil
}

// interestEnd is asOf, or the last day of the last half-year the rate tables give the
// rate of j's principal and of the legal rate for (for the accessories).
func interestEnd(r *Rates, j Judgment, asOf ledger.Date) ledger.Date {
	end := asOf
	legalNeeded := j.Interest == InterestLegal || j.Indemnity > 0 || j.Art700 > 0
	if legalNeeded {
		if _, to := r.LegalCoverage(); to.End() < end {
			end = to.End()
		}
	}
	if j.Interest == InterestL441 {
		if _, known := r.ECBRateCoverage(); HalfOf(known).End() < end {
			end = HalfOf(known).End()
		}
	}
	return end
}

// eventDays returns the days on which something happens, in order: the payments and,
// when capitalisation is ordered, each sum's anniversaries up to end.
func eventDays(j Judgment, bearing []*claimState, pays []JudgmentPayment, asOf, end ledger.Date) []ledger.Date {
	var days []ledger.Date
	for _, p := range pays {
		if p.Date <= asOf {
			days = append(days, p.Date)
		}
	}
	if j.Capitalise {
		for _, st := range bearing {
			if st.sum.Awarded == 0 || st.kind == "" {
				continue
			}
			for n := 1; ; n++ {
				t := st.start.AddMonths(12 * n)
				if t > end {
					break
				}
				days = append(days, t)
			}
		}
	}
	slices.Sort(days)
	return slices.Compact(days)
}

// isAnniversary reports whether t ends a whole year of interest counted from start
// (the same calendar day, 28 February for a 29 February in a common year).
func isAnniversary(start, t ledger.Date) bool {
	n := t.Year() - start.Year()
	return n >= 1 && start.AddMonths(12*n) == t
}

// accrue counts st's interest from the day after st.at to to, one line per period in
// which the base (sum owed + capitalised interest) and the rate are constant: the
// legal and L441-10 rates change each half-year, the legal rate rises on the
// majoration's first day.
func (d *JudgmentDecompte) accrue(r *Rates, st *claimState, to ledger.Date) error {
	if st.kind == "" || to <= st.at {
		return nil
	}
	base := st.owed + st.k
	if base <= 0 {
		st.at = to
		return nil
	}
	for st.at < to {
		from := st.at + 1
		h := HalfOf(from)
		end := min(to, h.End())
		if st.kind == InterestContract {
			end = to
		}
		maj := st.kind == InterestLegal && d.Majoration.Valid() && from >= d.Majoration
		if st.kind == InterestLegal && d.Majoration.Valid() && from < d.Majoration && d.Majoration <= end {
			end = d.Majoration - 1
		}
		ar, err := d.rate(r, st.kind, h, maj)
		if err != nil {
			return err
		}
		days := end.DaysSince(st.at)
		exact, cents := SimpleInterest(base, ar.Rate, days, 365)
		d.Lines = append(d.Lines, Line{Invoice: string(st.sum.Award), From: from, To: end, Days: days, Rate: ar,
			Base: base, Basis: 365, Exact: exact, Interest: cents})
		st.sum.Accrued += cents
		st.a += cents
		st.at = end
	}
	return nil
}

// rate returns the rate a sum bears in half-year h: the legal rate ("other cases": the
// creditor is a business, CMF L313-2, D313-1-A) + 5 points when maj, the fixed rate
// awarded, or the L441-10 rate.
func (d *JudgmentDecompte) rate(r *Rates, kind InterestKind, h Half, maj bool) (AppliedRate, error) {
	switch kind {
	case InterestContract:
		v := d.Judgment.Rate.Decimal
		return AppliedRate{Rate: v, Source: SourceContract, Ref: v, RefDate: h.Start(), Margin: decimal.Zero,
			Rule: "C. civ. 1343-1 al. 2"}, nil
	case InterestL441:
		return r.B2BDefaultRate(h)
	}
	ar, err := r.LegalInterestRate(h, OtherCases)
	if err != nil {
		return AppliedRate{}, err
	}
	ar.Rule = "C. civ. 1231-7; CMF L313-2"
	if maj {
		// CMF L313-3: « le taux de l'intérêt légal est majoré de cinq points à
		// l'expiration d'un délai de deux mois à compter du jour où la décision de
		// justice est devenue exécutoire ».
		ar.Rate, ar.Margin, ar.Rule = ar.Rate.Add(MajorationPoints), MajorationPoints, "CMF L313-2, L313-3"
	}
	return ar, nil
}

// impute imputes payment p (C. civ. 1343-1): costs, then interest (capitalised first,
// the older), then principal.
func (d *JudgmentDecompte) impute(p JudgmentPayment, costs, bearing []*claimState) error {
	left := p.Amount
	take := func(v *ledger.Cents) ledger.Cents {
		n := min(left, *v)
		*v -= n
		left -= n
		return n
	}
	e := JudgmentEvent{Kind: JudgmentPaid, Date: p.Date, Amount: p.Amount, Ref: p.Ref}
	for _, st := range costs {
		n := take(&st.owed)
		st.sum.Paid += n
		e.ToCosts += n
	}
	for _, st := range bearing {
		n := take(&st.k) + take(&st.a)
		st.sum.InterestPaid += n
		e.ToInterest += n
	}
	for _, st := range bearing {
		n := take(&st.owed)
		st.sum.Paid += n
		e.ToPrincipal += n
	}
	if left > 0 {
		return &NoteError{Note: Note{Key: "judgment.err.overpaid", Args: []string{"date", p.Date.String(),
			"amount", p.Amount.String(), "owed", (p.Amount - left).String()}}, Currency: d.Currency}
	}
	d.Events = append(d.Events, e)
	return nil
}
