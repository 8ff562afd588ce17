package dispute

import "relance/ledger"

// AgeBands is the number of bands of the ageing of disputes, in days since opening:
// 0–15, 16–30, 31–60 and more than 60.
const AgeBands = 4

// AgeBand returns the band (0 to AgeBands-1) of a dispute opened days ago.
func AgeBand(days int) int {
	switch {
	case days <= 15:
		return 0
	case days <= 30:
		return 1
	case days <= 60:
		return 2
	}
	return 3
}

// Ageing is the ageing of the disputes in progress at a date: how many and how much
// in each band, and how many are past the date by which sales should have answered.
type Ageing struct {
	Count  [AgeBands]int
	Amount [AgeBands]ledger.Cents
	Late   int
}

// AgeingAt computes the ageing of the disputes active at asOf.
func AgeingAt(ds []Dispute, asOf ledger.Date) Ageing {
	var a Ageing
	for i := range ds {
		d := &ds[i]
		if !d.ActiveAt(asOf) {
			continue
		}
		k := AgeBand(asOf.DaysSince(d.Opened))
		a.Count[k]++
		a.Amount[k] += d.Total()
		if d.DueBy.Valid() && d.DueBy < asOf {
			a.Late++
		}
	}
	return a
}
