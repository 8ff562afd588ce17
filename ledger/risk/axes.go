package risk

import (
	"relance/ledger"
)

// stepReason explains the step of scale reached (or that none was).
func stepReason(key string, st *Step, args ...string) Reason {
	if st == nil {
		return reason(key+"_none", args...)
	}
	return reason(key, args...)
}

// why adds the reason f gives to ax when the assessment explains itself (ex): reasons
// are built only for the customers on display, not for the 50,000 of a class list.
func why(ax *AxisScore, ex bool, f func() Reason) {
	if ex {
		ax.Reasons = append(ax.Reasons, f())
	}
}

// outstandingAxis scores what the customer owes: the higher of the amount points and
// the credit-limit usage points.
func outstandingAxis(a *ledger.Account, s *stats, p *Policy, ex bool) AxisScore {
	ax := AxisScore{Axis: AxisOutstanding, Weight: p.Outstanding.Weight}
	bal := max(s.balance, 0)
	pts, st := p.Outstanding.Amount.points(int64(bal))
	var from ledger.Cents
	if st != nil {
		from = ledger.Cents(st.From)
	}
	ax.Points = pts
	why(&ax, ex, func() Reason {
		return stepReason("risk.reason.amount", st, "balance_amount", txt(bal),
			"from_amount", txt(from), "points", itoa(pts))
	})
	if lim := a.Customer.CreditLimit; lim > 0 {
		usage := int64(bal) * 100 / int64(lim)
		lp, lst := p.Outstanding.Limit.points(usage)
		var lfrom int64
		if lst != nil {
			lfrom = lst.From
		}
		why(&ax, ex, func() Reason {
			return stepReason("risk.reason.limit", lst, "usage", itoa(int(usage)),
				"limit_amount", txt(lim), "from", itoa(int(lfrom)), "points", itoa(lp))
		})
		ax.Points = max(ax.Points, lp)
	} else {
		why(&ax, ex, func() Reason { return reason("risk.reason.no_limit") })
	}
	return ax
}

// riskAxis scores the payer profile: lateness, trend, broken promises, partial
// payments and active signals add up (capped at 100); a doubtful account or an
// insolvency procedure gives the doubtful points at least.
func riskAxis(a *ledger.Account, s *stats, sig []Signal, broken int, p *Policy, ex bool) AxisScore {
	r := &p.RiskLevel
	ax := AxisScore{Axis: AxisRiskLevel, Weight: r.Weight}
	l12, ok12 := s.late12.days()
	lo, oko := s.openLate.days()
	late := 0
	if ok12 {
		late = l12
	}
	if oko && lo > late {
		late = lo
	}
	pts, st := r.Lateness.points(int64(late))
	total := pts
	switch {
	case ok12 || oko:
		why(&ax, ex, func() Reason {
			return stepReason("risk.reason.lateness", st, "late12", itoa(l12), "open", itoa(lo),
				"count", itoa(s.late12.n), "open_count", itoa(s.openLate.n), "points", itoa(pts))
		})
	default:
		why(&ax, ex, func() Reason { return reason("risk.reason.no_history") })
	}
	a6, ok6 := s.late6.days()
	ap, okp := s.prev6.days()
	if ok6 && okp && r.TrendPoints > 0 && a6-ap >= r.TrendDays {
		total += r.TrendPoints
		why(&ax, ex, func() Reason {
			return reason("risk.reason.trend", "late6", itoa(a6), "prev6", itoa(ap), "points", itoa(r.TrendPoints))
		})
	}
	if broken > 0 && r.BrokenPoints > 0 {
		total += broken * r.BrokenPoints
		why(&ax, ex, func() Reason {
			return reason("risk.reason.broken", "count", itoa(broken), "points", itoa(broken*r.BrokenPoints))
		})
	}
	if s.paid > 0 && r.PartialPoints > 0 && s.partial*100 >= r.PartialShare*s.paid {
		total += r.PartialPoints
		why(&ax, ex, func() Reason {
			return reason("risk.reason.partial", "pct", itoa(s.partial*100/s.paid),
				"count", itoa(s.partial), "total", itoa(s.paid), "points", itoa(r.PartialPoints))
		})
	}
	sigPts, n := 0, 0
	for i := range sig {
		if sig[i].Active() {
			sigPts += r.SignalPoints[sig[i].Severity]
			n++
		}
	}
	if sigPts > 0 {
		total += sigPts
		why(&ax, ex, func() Reason { return reason("risk.reason.signals", "count", itoa(n), "points", itoa(sigPts)) })
	}
	c := &a.Customer
	if c.Status == ledger.StatusInsolvency || c.Doubtful || len(s.doubtful) > 0 {
		key := "risk.reason.doubtful"
		if c.Status == ledger.StatusInsolvency {
			key = "risk.reason.insolvency"
		}
		total = max(total, r.DoubtfulPoints)
		why(&ax, ex, func() Reason { return reason(key, "points", itoa(r.DoubtfulPoints)) })
	}
	ax.Points = min(total, 100)
	return ax
}

// disputesAxis scores the disputes opened in 12 months: the higher of the count points
// and the share-of-sales points.
func disputesAxis(s *stats, n int, amount ledger.Cents, p *Policy, ex bool) AxisScore {
	ax := AxisScore{Axis: AxisDisputes, Weight: p.Disputes.Weight}
	cp, cst := p.Disputes.Count.points(int64(n))
	ax.Points = cp
	if n == 0 {
		why(&ax, ex, func() Reason { return reason("risk.reason.no_dispute") })
		return ax
	}
	why(&ax, ex, func() Reason {
		return stepReason("risk.reason.dispute_count", cst, "count", itoa(n), "amount", txt(amount), "points", itoa(cp))
	})
	if s.sales12 > 0 {
		share := int64(amount) * 100 / int64(s.sales12)
		sp, sst := p.Disputes.Share.points(share)
		why(&ax, ex, func() Reason {
			return stepReason("risk.reason.dispute_share", sst, "share", itoa(int(share)),
				"sales_amount", txt(s.sales12), "points", itoa(sp))
		})
		ax.Points = max(ax.Points, sp)
	}
	return ax
}

// shareBP returns part / total in basis points (0 when total is not positive).
func shareBP(part, total ledger.Cents) int {
	if total <= 0 || part <= 0 {
		return 0
	}
	return int(int64(part) * 10000 / int64(total))
}

// dependencyAxis scores the customer's share of our sales over 12 months.
func dependencyAxis(sales, total ledger.Cents, bp int, p *Policy, ex bool) AxisScore {
	ax := AxisScore{Axis: AxisDependency, Weight: p.Dependency.Weight}
	pts, st := p.Dependency.Share.points(int64(bp))
	ax.Points = pts
	why(&ax, ex, func() Reason {
		return stepReason("risk.reason.dependency", st, "share_pct", pct(int64(bp)), "sales_amount", txt(max(sales, 0)),
			"total_amount", txt(total), "points", itoa(pts))
	})
	return ax
}

// classify computes the score (weighted mean of the axis points, rounded) and the
// computed class: the first class whose maximum score and minimum dependency hold.
func classify(as *Assessment, p *Policy, ex bool) {
	sumW, sum := 0, 0
	for _, ax := range as.Axes {
		sumW += ax.Weight
		sum += ax.Weight * ax.Points
	}
	for i := range as.Axes {
		as.Axes[i].Contribution = (as.Axes[i].Weight*as.Axes[i].Points*10 + sumW/2) / sumW
	}
	as.Score = (sum + sumW/2) / sumW
	dep := as.Axes[len(as.Axes)-1].Points
	for i, c := range p.Classes {
		if as.Score <= c.MaxScore && dep >= c.MinDependency || i == len(p.Classes)-1 {
			as.Computed = c.Code
			if !ex {
				return
			}
			if i == len(p.Classes)-1 && as.Score > c.MaxScore || i == len(p.Classes)-1 && i > 0 {
				limit, prev := -1, ""
				for _, q := range p.Classes[:i] {
					if q.MinDependency == 0 && q.MaxScore > limit {
						limit, prev = q.MaxScore, q.Code
					}
				}
				if limit >= 0 && as.Score > limit {
					as.Why = reason("risk.why.last", "class", c.Code, "score", itoa(as.Score), "max", itoa(limit), "prev", prev)
					return
				}
			}
			if c.MinDependency > 0 {
				as.Why = reason("risk.why.strategic", "class", c.Code, "score", itoa(as.Score), "max", itoa(c.MaxScore),
					"dep", itoa(dep), "min", itoa(c.MinDependency))
			} else {
				as.Why = reason("risk.why.score", "class", c.Code, "score", itoa(as.Score), "max", itoa(c.MaxScore))
			}
			return
		}
	}
}

// inForce sets the override, assigned class, class in force and pending proposal.
func inForce(as *Assessment, x *extra, w *window, decided map[string]*Decision) {
	as.Class = as.Computed
	if x == nil {
		return
	}
	var ov *Override
	for _, o := range x.overrides {
		if o.Date <= w.asOf && (ov == nil || o.Date >= ov.Date) {
			ov = o
		}
	}
	var asg *Assignment
	for _, g := range x.assigns {
		if g.Date <= w.asOf && (asg == nil || g.Date >= asg.Date) {
			asg = g
		}
	}
	if asg != nil {
		as.Assigned = asg.Class
		as.Class = asg.Class
	}
	if ov != nil && ov.Class != "" {
		as.Override = ov
		as.Class = ov.Class
	}
	for _, pr := range x.proposals {
		if pr.Date > w.asOf {
			continue
		}
		if d := decided[pr.ID]; d != nil && d.Date <= w.asOf {
			continue
		}
		if as.Pending == nil || pr.Date >= as.Pending.Date {
			as.Pending = pr
		}
	}
}
