// Package risk segments customers into risk classes on the four axes of the course
// (outstanding, risk level, dispute frequency, commercial dependency), spots the signs
// of a customer's degradation with their evidence, and proposes class changes.
//
// Everything is explained: a class comes with each axis's points and the reasons
// behind them (i18n keys with named arguments), a signal with the dates, amounts and
// item numbers that raised it. The package reads no clock and imports no store:
// Assess takes its inputs as a plain struct (Input) and an explicit as-of date.
package risk

import (
	"strconv"

	"relance/ledger"
)

// Axis names, in display order.
const (
	AxisOutstanding = "outstanding" // encours, and encours vs credit limit
	AxisRiskLevel   = "risk_level"  // payer profile: lateness, trend, promises, doubtful, insolvency
	AxisDisputes    = "disputes"    // dispute frequency: count and amount over 12 months
	AxisDependency  = "dependency"  // commercial dependency: share of our sales over 12 months
)

// Axes lists the axes in display order.
func Axes() []string { return []string{AxisOutstanding, AxisRiskLevel, AxisDisputes, AxisDependency} }

// Class is a risk class of the policy. Classes are listed best first; a customer gets
// the first class whose conditions hold, the last one catching everyone else.
type Class struct {
	Code   string `json:"code"` // "A"
	NameFR string `json:"name_fr"`
	NameEN string `json:"name_en"`
	// MaxScore is the highest weighted score (0–100) the class accepts.
	MaxScore int `json:"max_score"`
	// MinDependency, when above 0, also requires at least these dependency points: it
	// makes a "strategic" class for the customers the firm depends on, handled with
	// more care rather than less.
	MinDependency int `json:"min_dependency,omitempty"`
	// Deposit is the share of an order, in percent, the class pays in advance: an
	// acompte with the order (0: none, 100: cash in advance). The order check
	// (ledger/contract.CheckOrder) asks it, and the whole order from a customer whose
	// deliveries are blocked.
	Deposit int `json:"deposit,omitempty"`
}

// Name returns the class name in lang ("fr" or "en").
func (c Class) Name(lang string) string {
	if lang == "en" && c.NameEN != "" {
		return c.NameEN
	}
	return c.NameFR
}

// Step is one threshold of an axis: a value at or above From earns Points.
// Values are in the unit of the scale (cents, percent, days, count).
type Step struct {
	From   int64 `json:"from"`
	Points int   `json:"points"`
}

// Scale is a list of steps in increasing From order.
type Scale []Step

// points returns the points of the highest step reached by v, 0 below the first, and
// the step (nil when none).
func (s Scale) points(v int64) (int, *Step) {
	for i := len(s) - 1; i >= 0; i-- {
		if v >= s[i].From {
			return s[i].Points, &s[i]
		}
	}
	return 0, nil
}

// OutstandingAxis scores what the customer owes, as an amount and against its credit
// limit; the axis takes the higher of the two.
type OutstandingAxis struct {
	Weight int   `json:"weight"`
	Amount Scale `json:"amount"`      // balance in cents
	Limit  Scale `json:"limit_usage"` // balance / credit limit, percent
}

// RiskLevelAxis scores the payer profile. Lateness is the higher of the average days
// late of the invoices settled in 12 months and the average days past due of the
// overdue invoices still open; the other terms add to it, and a doubtful account or an
// insolvency procedure gives the full 100 points.
type RiskLevelAxis struct {
	Weight         int   `json:"weight"`
	Lateness       Scale `json:"lateness"`        // days
	TrendDays      int   `json:"trend_days"`      // 6-month trend at or above this many days…
	TrendPoints    int   `json:"trend_points"`    // …adds these points
	BrokenPoints   int   `json:"broken_points"`   // per promise broken in 12 months
	PartialShare   int   `json:"partial_share"`   // partial payments at or above this share (%)…
	PartialPoints  int   `json:"partial_points"`  // …add these points
	DoubtfulPoints int   `json:"doubtful_points"` // account 416 (usually 100)
	// SignalPoints are added per active degradation signal, by severity (low, medium, high).
	SignalPoints [3]int `json:"signal_points"`
}

// DisputesAxis scores the dispute frequency over the last 12 months: the number of
// disputes opened, and their amount as a share of the customer's sales; the higher wins.
type DisputesAxis struct {
	Weight int   `json:"weight"`
	Count  Scale `json:"count"`
	Share  Scale `json:"share"` // disputed amount / sales, percent
}

// DependencyAxis scores the customer's share of our sales over the last 12 months,
// in hundredths of a percent (basis points: 250 = 2.5 %).
type DependencyAxis struct {
	Weight int   `json:"weight"`
	Share  Scale `json:"share"`
}

// SignalPolicy holds the thresholds of the degradation signals.
type SignalPolicy struct {
	// Drift: average days late of the invoices settled in the last 3 months at least
	// DriftDays above the customer's own average over the 12 months before, with at
	// least DriftMin recent invoices.
	DriftDays int `json:"drift_days"`
	DriftMin  int `json:"drift_min"`
	// OverdueRise: the overdue share of the balance rose every month over 3 months, by
	// at least this many percentage points in all.
	OverdueRise int `json:"overdue_rise"`
	// LimitTolerance: the balance exceeds the credit limit by more than this percent.
	LimitTolerance int `json:"limit_tolerance"`
	// Partial: at least PartialShare % of the invoices paid in 12 months were paid in
	// part, out of at least PartialMin invoices.
	PartialShare int `json:"partial_share"`
	PartialMin   int `json:"partial_min"`
	// Windows, in days before the as-of date, in which an event counts.
	BrokenDays  int `json:"broken_days"`  // broken promises
	BounceDays  int `json:"bounce_days"`  // unpaid cheques and rejected direct debits
	DisputeDays int `json:"dispute_days"` // new disputes
	DisputeMin  int `json:"dispute_min"`  // …at least this many
	TermDays    int `json:"term_days"`    // requests for longer terms
	// Growth: balance up by at least GrowthPct % over 3 months while the sales of the
	// last 3 months fell by at least SalesDropPct % against the 3 months before.
	GrowthPct    int `json:"growth_pct"`
	SalesDropPct int `json:"sales_drop_pct"`
	// ReproposeDays: a rejected proposal is not made again for this many days.
	ReproposeDays int `json:"repropose_days"`
}

// Policy is a dossier's risk policy: its classes, the four axes and the signal
// thresholds. It is stored in the dossier and edited in the settings.
type Policy struct {
	Classes     []Class         `json:"classes"`
	Outstanding OutstandingAxis `json:"outstanding"`
	RiskLevel   RiskLevelAxis   `json:"risk_level"`
	Disputes    DisputesAxis    `json:"disputes"`
	Dependency  DependencyAxis  `json:"dependency"`
	Signals     SignalPolicy    `json:"signals"`
}

const euro = 100 // cents

// DefaultPolicy returns the policy of a new dossier, sized for a French SME: four
// classes, A "stratégique" (a customer weighing at least 2 % of sales whose score stays
// moderate), B "standard", C "sous surveillance", D "à risque".
func DefaultPolicy() Policy {
	return Policy{
		Classes: []Class{
			{Code: "A", NameFR: "Stratégique", NameEN: "Strategic", MaxScore: 40, MinDependency: 60},
			{Code: "B", NameFR: "Standard", NameEN: "Standard", MaxScore: 30},
			{Code: "C", NameFR: "Sous surveillance", NameEN: "Under watch", MaxScore: 55, Deposit: 30},
			{Code: "D", NameFR: "À risque", NameEN: "At risk", MaxScore: 100, Deposit: 100},
		},
		Outstanding: OutstandingAxis{Weight: 25,
			Amount: Scale{{5000 * euro, 20}, {15000 * euro, 40}, {40000 * euro, 70}, {100000 * euro, 100}},
			Limit:  Scale{{80, 50}, {100, 80}, {150, 100}}},
		RiskLevel: RiskLevelAxis{Weight: 55,
			Lateness:  Scale{{10, 20}, {30, 45}, {60, 70}, {90, 90}},
			TrendDays: 10, TrendPoints: 15, BrokenPoints: 15, PartialShare: 50, PartialPoints: 10,
			DoubtfulPoints: 100, SignalPoints: [3]int{5, 10, 20}},
		Disputes: DisputesAxis{Weight: 20,
			Count: Scale{{1, 30}, {2, 60}, {4, 100}},
			Share: Scale{{5, 50}, {15, 100}}},
		Dependency: DependencyAxis{Weight: 0,
			Share: Scale{{100, 30}, {200, 60}, {500, 100}}},
		Signals: SignalPolicy{DriftDays: 10, DriftMin: 2, OverdueRise: 10, LimitTolerance: 0,
			PartialShare: 50, PartialMin: 3, BrokenDays: 90, BounceDays: 180, DisputeDays: 90, DisputeMin: 1,
			TermDays: 180, GrowthPct: 20, SalesDropPct: 20, ReproposeDays: 90},
	}
}

// Class returns the class with the given code, or nil.
func (p *Policy) Class(code string) *Class {
	for i := range p.Classes {
		if p.Classes[i].Code == code {
			return &p.Classes[i]
		}
	}
	return nil
}

// Rank returns the position of class code (0 = best), -1 when unknown.
func (p *Policy) Rank(code string) int {
	for i := range p.Classes {
		if p.Classes[i].Code == code {
			return i
		}
	}
	return -1
}

// Codes returns the class codes, best first.
func (p *Policy) Codes() []string {
	out := make([]string, len(p.Classes))
	for i, c := range p.Classes {
		out[i] = c.Code
	}
	return out
}

func bad(field string, value any) error {
	var v string
	switch x := value.(type) {
	case int:
		v = strconv.Itoa(x)
	case int64:
		v = strconv.FormatInt(x, 10)
	case string:
		v = x
	}
	return &ledger.Problem{Key: "risk.err.policy", Args: []string{"field", field, "value", v}}
}

// Validate checks the policy and names the first bad field: at least two classes with
// distinct non-empty codes and names, scores 0–100 in a last class that takes every
// score (100), weights 0–100 not all zero, scales in strictly increasing order with
// points 0–100, and thresholds that are not negative.
func (p *Policy) Validate() error {
	if len(p.Classes) < 2 || len(p.Classes) > 8 {
		return bad("classes", len(p.Classes))
	}
	seen := map[string]bool{}
	for i, c := range p.Classes {
		f := "classes[" + strconv.Itoa(i) + "]"
		if c.Code == "" || len(c.Code) > 3 || seen[c.Code] {
			return bad(f+".code", c.Code)
		}
		seen[c.Code] = true
		if c.NameFR == "" || c.NameEN == "" {
			return bad(f+".name", c.Code)
		}
		if c.MaxScore < 0 || c.MaxScore > 100 {
			return bad(f+".max_score", c.MaxScore)
		}
		if c.MinDependency < 0 || c.MinDependency > 100 {
			return bad(f+".min_dependency", c.MinDependency)
		}
		if c.Deposit < 0 || c.Deposit > 100 {
			return bad(f+".deposit", c.Deposit)
		}
	}
	if last := p.Classes[len(p.Classes)-1]; last.MaxScore != 100 || last.MinDependency != 0 {
		return bad("classes["+strconv.Itoa(len(p.Classes)-1)+"].max_score", last.MaxScore)
	}
	weights := []struct {
		f string
		w int
	}{{"outstanding.weight", p.Outstanding.Weight}, {"risk_level.weight", p.RiskLevel.Weight},
		{"disputes.weight", p.Disputes.Weight}, {"dependency.weight", p.Dependency.Weight}}
	total := 0
	for _, w := range weights {
		if w.w < 0 || w.w > 100 {
			return bad(w.f, w.w)
		}
		total += w.w
	}
	if total == 0 {
		return bad("weights", 0)
	}
	scales := []struct {
		f string
		s Scale
	}{{"outstanding.amount", p.Outstanding.Amount}, {"outstanding.limit_usage", p.Outstanding.Limit},
		{"risk_level.lateness", p.RiskLevel.Lateness}, {"disputes.count", p.Disputes.Count},
		{"disputes.share", p.Disputes.Share}, {"dependency.share", p.Dependency.Share}}
	for _, s := range scales {
		for i, st := range s.s {
			f := s.f + "[" + strconv.Itoa(i) + "]"
			if st.From < 0 || (i > 0 && st.From <= s.s[i-1].From) {
				return bad(f+".from", st.From)
			}
			if st.Points < 0 || st.Points > 100 {
				return bad(f+".points", st.Points)
			}
		}
	}
	r := p.RiskLevel
	for _, v := range []struct {
		f string
		v int
	}{{"risk_level.trend_days", r.TrendDays}, {"risk_level.trend_points", r.TrendPoints},
		{"risk_level.broken_points", r.BrokenPoints}, {"risk_level.partial_share", r.PartialShare},
		{"risk_level.partial_points", r.PartialPoints}, {"risk_level.doubtful_points", r.DoubtfulPoints},
		{"risk_level.signal_points[0]", r.SignalPoints[0]}, {"risk_level.signal_points[1]", r.SignalPoints[1]},
		{"risk_level.signal_points[2]", r.SignalPoints[2]}} {
		if v.v < 0 || v.v > 100 && v.f != "risk_level.trend_days" {
			return bad(v.f, v.v)
		}
	}
	s := p.Signals
	for _, v := range []struct {
		f string
		v int
	}{{"signals.drift_days", s.DriftDays}, {"signals.drift_min", s.DriftMin}, {"signals.overdue_rise", s.OverdueRise},
		{"signals.limit_tolerance", s.LimitTolerance}, {"signals.partial_share", s.PartialShare},
		{"signals.partial_min", s.PartialMin}, {"signals.broken_days", s.BrokenDays}, {"signals.bounce_days", s.BounceDays},
		{"signals.dispute_days", s.DisputeDays}, {"signals.dispute_min", s.DisputeMin}, {"signals.term_days", s.TermDays},
		{"signals.growth_pct", s.GrowthPct}, {"signals.sales_drop_pct", s.SalesDropPct},
		{"signals.repropose_days", s.ReproposeDays}} {
		if v.v < 0 || v.v > 3650 {
			return bad(v.f, v.v)
		}
	}
	if s.PartialShare > 100 {
		return bad("signals.partial_share", s.PartialShare)
	}
	if s.SalesDropPct > 100 {
		return bad("signals.sales_drop_pct", s.SalesDropPct)
	}
	if s.DisputeMin < 1 {
		return bad("signals.dispute_min", s.DisputeMin)
	}
	return nil
}
