package dunning

import "relance/ledger"

// InstalmentGrace is the number of days after an instalment's due date during which its
// payment is still on time (bank delay), as for promises.
const InstalmentGrace = PromiseGrace

// InstalmentStatus is where one instalment of a payment plan stands.
type InstalmentStatus string

// Instalment statuses.
const (
	InstPaid     InstalmentStatus = "paid"     // covered by the payments received
	InstPartial  InstalmentStatus = "partial"  // due, partly covered
	InstLate     InstalmentStatus = "late"     // past due and grace, not covered
	InstDue      InstalmentStatus = "due"      // due (within grace), not yet covered
	InstUpcoming InstalmentStatus = "upcoming" // not yet due
)

// InstalmentState is the tracking of one instalment at a date.
type InstalmentState struct {
	Instalment
	Paid   ledger.Cents     `json:"paid"`              // part of the instalment covered
	PaidOn ledger.Date      `json:"paid_on,omitempty"` // date of the payment that completed it
	Status InstalmentStatus `json:"status"`
}

// PlanState is a payment plan as it stands at a date.
type PlanState struct {
	Status      PlanStatus        `json:"status"`
	Paid        ledger.Cents      `json:"paid"`        // payments received since the plan was agreed
	Remaining   ledger.Cents      `json:"remaining"`   // total − paid (≥ 0)
	Missed      ledger.Date       `json:"missed"`      // due date of the first missed instalment, if any
	Instalments []InstalmentState `json:"instalments"` // in due order
}

// PlanStateAt tracks payment plan p at date at against the customer's account a (nil:
// no payment found). Payments dated from the agreement to at are applied to the
// instalments in due order. The plan is:
//   - cancelled, completed or defaulted when so recorded on or before at;
//   - completed when the payments cover the total;
//   - defaulted when an instalment is past its due date plus InstalmentGrace without
//     being covered and the plan has an acceleration clause: the whole remaining
//     balance falls due at once (déchéance du terme: the clause binds, C. civ. 1103);
//   - otherwise active (an instalment may be late: without the clause, only the missed
//     instalments are due, and the agenda proposes a call).
func PlanStateAt(p Plan, a *ledger.Account, at ledger.Date) PlanState {
	var paid ledger.Cents
	var dates []ledger.Date
	var amounts []ledger.Cents
	if a != nil {
		for i := range a.Items {
			it := &a.Items[i]
			if it.Kind == ledger.Payment && it.Amount < 0 && it.DocDate >= p.Agreed && it.DocDate <= at {
				dates = append(dates, it.DocDate)
				amounts = append(amounts, -it.Amount)
			}
		}
	}
	sortPayments(dates, amounts)
	for _, v := range amounts {
		paid += v
	}
	st := PlanState{Status: PlanActive, Paid: paid, Remaining: max(p.Total-paid, 0)}
	var cum, reached ledger.Cents
	pi := 0
	for _, in := range p.Instalments {
		cum += in.Amount
		is := InstalmentState{Instalment: in}
		// the payments needed to reach cum
		for pi < len(amounts) && reached < cum {
			reached += amounts[pi]
			if reached >= cum {
				is.PaidOn = dates[pi]
			}
			pi++
		}
		if reached >= cum && is.PaidOn == ledger.NoDate {
			is.PaidOn = lastDate(dates, pi)
		}
		is.Paid = max(min(paid-(cum-in.Amount), in.Amount), 0)
		switch {
		case is.Paid >= in.Amount:
			is.Status = InstPaid
		case at <= in.Due:
			if is.Paid > 0 {
				is.Status = InstPartial
			} else {
				is.Status = InstUpcoming
			}
		case at <= in.Due.AddDays(InstalmentGrace):
			is.Status = InstDue
		default:
			is.Status = InstLate
			if !st.Missed.Valid() {
				st.Missed = in.Due
			}
		}
		st.Instalments = append(st.Instalments, is)
	}
	switch {
	case p.Status != PlanActive && p.Closed.Valid() && p.Closed <= at:
		st.Status = p.Status
	case p.Status == PlanCancelled:
		st.Status = PlanCancelled
	case paid >= p.Total:
		st.Status = PlanCompleted
	case st.Missed.Valid() && p.Acceleration:
		st.Status = PlanDefaulted
	}
	return st
}

// lastDate returns dates[n-1], or NoDate.
func lastDate(dates []ledger.Date, n int) ledger.Date {
	if n == 0 || n > len(dates) {
		return ledger.NoDate
	}
	return dates[n-1]
}

// sortPayments sorts the payments by date (insertion sort: a handful per plan).
func sortPayments(dates []ledger.Date, amounts []ledger.Cents) {
	for i := 1; i < len(dates); i++ {
		for j := i; j > 0 && dates[j] < dates[j-1]; j-- {
			dates[j], dates[j-1] = dates[j-1], dates[j]
			amounts[j], amounts[j-1] = amounts[j-1], amounts[j]
		}
	}
}

// SplitPlan returns n monthly instalments of total starting on first, the remainder
// of the division on the last one. n below 1 gives one instalment.
func SplitPlan(total ledger.Cents, n int, first ledger.Date) []Instalment {
	if n < 1 {
		n = 1
	}
	out := make([]Instalment, n)
	each := total / ledger.Cents(n)
	for i := range out {
		out[i] = Instalment{Due: first.AddMonths(i), Amount: each}
	}
	out[n-1].Amount += total - each*ledger.Cents(n)
	return out
}

// LimitationRestart returns the date from which limitation runs afresh for the plan's
// debt: the agreement date when the customer signed an acknowledgement of debt, which
// interrupts limitation (C. civ. 2240) and starts a new period of the same length
// (C. civ. 2231); NoDate without acknowledgement.
func (p *Plan) LimitationRestart() ledger.Date {
	if p.Acknowledgement {
		return p.Agreed
	}
	return ledger.NoDate
}
