package classroom

import (
	"sort"

	"github.com/shopspring/decimal"
)

// Progress is what a trainer reads after a course day: every attempt of every kind of
// each trainee with the score brought to 20, the averages per trainee, per kind and
// per group.
type Progress struct {
	Trainees []TraineeProgress `json:"trainees"`
	Groups   []GroupProgress   `json:"groups"`
	// Average is the mean of every attempt's score on 20 (0 without attempts).
	Average  decimal.Decimal `json:"average"`
	Attempts int             `json:"attempts"`
}

// TraineeProgress is one trainee's attempts, oldest first, and averages.
type TraineeProgress struct {
	Trainee  Trainee   `json:"trainee"`
	Attempts []Attempt `json:"attempts"`
	// Average is the mean score on 20 of the attempts; ByKind the same per kind.
	Average decimal.Decimal          `json:"average"`
	ByKind  map[Kind]decimal.Decimal `json:"by_kind"`
	Seconds int                      `json:"seconds"` // time spent over every attempt
}

// GroupProgress sums up a group (trainees without a group form the group "").
type GroupProgress struct {
	Group    string                   `json:"group"`
	Trainees int                      `json:"trainees"`
	Attempts int                      `json:"attempts"`
	Average  decimal.Decimal          `json:"average"`
	ByKind   map[Kind]decimal.Decimal `json:"by_kind"`
}

// mean is the average of the scores on 20, to one decimal (0 for none).
func mean(scores []decimal.Decimal) decimal.Decimal {
	if len(scores) == 0 {
		return decimal.Zero
	}
	return decimal.Sum(decimal.Zero, scores...).Div(decimal.NewFromInt(int64(len(scores)))).Round(1)
}

// Summarise builds the progress of trainees from their attempts (attempts of trainees
// not listed are left out). Worked example: a trainee with a letter at 14 / 20 and a
// quiz at 8 / 10 averages (14 + 16) / 2 = 15 on 20.
func Summarise(trainees []Trainee, attempts []Attempt) Progress {
	byTrainee := map[string][]Attempt{}
	for _, a := range attempts {
		byTrainee[a.Trainee] = append(byTrainee[a.Trainee], a)
	}
	p := Progress{Trainees: []TraineeProgress{}, Groups: []GroupProgress{}}
	type acc struct {
		trainees int
		all      []decimal.Decimal
		kind     map[Kind][]decimal.Decimal
	}
	groups := map[string]*acc{}
	var all []decimal.Decimal
	for _, t := range trainees {
		as := byTrainee[t.ID]
		sort.SliceStable(as, func(i, j int) bool { return as[i].Date < as[j].Date })
		tp := TraineeProgress{Trainee: t, Attempts: append([]Attempt{}, as...), ByKind: map[Kind]decimal.Decimal{}}
		g := groups[t.Group]
		if g == nil {
			g = &acc{kind: map[Kind][]decimal.Decimal{}}
			groups[t.Group] = g
		}
		g.trainees++
		var mine []decimal.Decimal
		kinds := map[Kind][]decimal.Decimal{}
		for i := range as {
			s := as[i].On20()
			mine = append(mine, s)
			kinds[as[i].Kind] = append(kinds[as[i].Kind], s)
			g.kind[as[i].Kind] = append(g.kind[as[i].Kind], s)
			tp.Seconds += as[i].Seconds
		}
		g.all = append(g.all, mine...)
		all = append(all, mine...)
		tp.Average = mean(mine)
		for k, v := range kinds {
			tp.ByKind[k] = mean(v)
		}
		p.Trainees = append(p.Trainees, tp)
	}
	names := make([]string, 0, len(groups))
	for n := range groups {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		g := groups[n]
		gp := GroupProgress{Group: n, Trainees: g.trainees, Attempts: len(g.all), Average: mean(g.all), ByKind: map[Kind]decimal.Decimal{}}
		for k, v := range g.kind {
			gp.ByKind[k] = mean(v)
		}
		p.Groups = append(p.Groups, gp)
	}
	p.Average, p.Attempts = mean(all), len(all)
	return p
}
