package desk

import (
	"strconv"

	"relance/assets/i18n"
	"relance/ledger/dunning"
	"relance/ledger/overindebt"
)

// The words of a file for both fronts (the command line and the customer card).

// OverindebtPhase says where file k stands at st.AsOf in the user's words: « Recevable
// depuis le 23/10/2026 », « Plan conventionnel le 01/02/2027 ».
func OverindebtPhase(l string, k *overindebt.Case, st overindebt.Status) string {
	switch st.Phase {
	case overindebt.PhaseFiled:
		return i18n.T(l, "overindebt.phase.filed", "date", dunning.DateText(l, k.Filed))
	case overindebt.PhaseAdmitted:
		return i18n.T(l, "overindebt.phase.admitted", "date", dunning.DateText(l, k.Admitted))
	case overindebt.PhaseLiabilities:
		return i18n.T(l, "overindebt.phase.liabilities", "date", dunning.DateText(l, k.Notified))
	case overindebt.PhaseDecided:
		return i18n.T(l, "overindebt.outcome."+string(k.Outcome)) + " — " + dunning.DateText(l, k.OutcomeDate)
	}
	return i18n.T(l, "overindebt.phase.none")
}

// OverindebtDeadline is a deadline with its date and days left: « Justifier la créance :
// 24/12/2026 (dans 20 jours) ».
func OverindebtDeadline(l string, d overindebt.Deadline) string {
	return i18n.T(l, "overindebt.next", "what", i18n.T(l, "overindebt.deadline."+string(d.Kind)), "date", dunning.DateText(l, d.Date), "left", OverindebtLeft(l, d))
}

// OverindebtLeft says how far a deadline is: « dans 20 jours », « aujourd’hui », « dépassé
// de 4 jours », « fait ».
func OverindebtLeft(l string, d overindebt.Deadline) string {
	switch {
	case d.Done:
		return i18n.T(l, "overindebt.left.done")
	case d.DaysLeft == 0:
		return i18n.T(l, "overindebt.left.today")
	case d.DaysLeft < 0:
		return i18n.T(l, "overindebt.left.passed", "n", strconv.Itoa(-d.DaysLeft))
	}
	return i18n.T(l, "overindebt.left.days", "n", strconv.Itoa(d.DaysLeft))
}
