package dunning

import (
	"strconv"

	"relance/assets/i18n"
)

// Urgency levels of an agenda entry, by its rank in the day's agenda.
const (
	UrgencyHigh   = "high"
	UrgencyMedium = "medium"
	UrgencyLow    = "low"
)

// Urgency is the level of the entry ranked rank (1 = highest priority) among n: the
// first third of the agenda is high, the second medium, the last low.
func Urgency(rank, n int) string {
	switch {
	case n <= 0 || rank*3 <= n || rank == 1:
		return UrgencyHigh
	case rank*3 <= 2*n:
		return UrgencyMedium
	}
	return UrgencyLow
}

// UrgencyName is the level's name in lang (« Haute », "High").
func UrgencyName(lang, level string) string { return i18n.T(lang, "dunning.urgency."+level) }

// PriorityWhy explains the priority of e in lang, with its rank among n: the overdue
// amount, the days late of the oldest item and the weight of the customer's risk class
// (weights as given to Run; nil: DefaultWeights).
func PriorityWhy(e *Entry, rank, n int, weights map[string]int, lang, currency string) string {
	if weights == nil {
		weights = DefaultWeights
	}
	w := weights[e.Class]
	if w == 0 {
		w = 10
	}
	coef := strconv.Itoa(w / 10)
	if w%10 != 0 {
		coef += decimalSep(lang) + strconv.Itoa(w%10)
	}
	days := i18n.T(lang, i18n.N(lang, "dunning.priority.days", e.DaysLate), "n", strconv.Itoa(e.DaysLate))
	return i18n.T(lang, "dunning.priority.why", "rank", strconv.Itoa(rank), "n", strconv.Itoa(n),
		"level", UrgencyName(lang, Urgency(rank, n)), "amount", e.Amount.Format(lang, currency),
		"days", days, "class", e.Class, "coef", coef)
}

func decimalSep(lang string) string {
	if i18n.Norm(lang) == "fr" {
		return ","
	}
	return "."
}
