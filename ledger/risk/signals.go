package risk

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"relance/ledger"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
	"relance/ledger/law"
)

// Signal keys (i18n: risk.signal.<key>).
const (
	SigDrift       = "drift"        // payment delay drifting above the customer's own profile
	SigOverdueRise = "overdue_rise" // overdue share of the balance rising over 3 months
	SigOverLimit   = "over_limit"   // credit limit exceeded
	SigPartial     = "partial"      // partial payments becoming the rule
	SigBroken      = "broken"       // broken promises to pay
	SigBounced     = "bounced"      // unpaid cheque or rejected direct debit
	SigDispute     = "dispute"      // new disputes
	SigTermRequest = "term_request" // request for longer payment terms
	SigDoubtful    = "doubtful"     // doubtful account (416)
	SigInsolvency  = "insolvency"   // insolvency procedure
	SigGrowth      = "growth"       // outstanding growing while sales fall
)

// SignalKeys lists the signal keys in display order.
func SignalKeys() []string {
	return []string{SigInsolvency, SigDoubtful, SigBounced, SigBroken, SigOverLimit, SigDrift, SigOverdueRise,
		SigGrowth, SigTermRequest, SigDispute, SigPartial}
}

func knownSignal(k string) bool { return slices.Contains(SignalKeys(), k) }

// Severity grades a signal.
type Severity int

// Severities.
const (
	Low Severity = iota
	Medium
	High
)

// String returns "low", "medium" or "high".
func (s Severity) String() string {
	switch s {
	case Medium:
		return "medium"
	case High:
		return "high"
	}
	return "low"
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "low":
		*s = Low
	case "medium":
		*s = Medium
	case "high":
		*s = High
	default:
		return &ledger.Problem{Key: "risk.err.field", Args: []string{"field", "severity", "value", string(b)}}
	}
	return nil
}

// Evidence is one fact behind a signal: a date, a reference (item number, dispute,
// promise or action ID), an amount, and a sentence saying what it shows.
type Evidence struct {
	Date   ledger.Date  `json:"date,omitempty"`
	Ref    string       `json:"ref,omitempty"`
	Amount ledger.Cents `json:"amount,omitempty"`
	Reason Reason       `json:"reason"`
}

// Signal is a sign of degradation with its evidence. Since is the date of the newest
// evidence: an acknowledgement dated on or after it covers the signal.
type Signal struct {
	Key      string      `json:"key"`
	Severity Severity    `json:"severity"`
	Since    ledger.Date `json:"since,omitempty"`
	Summary  Reason      `json:"summary"`
	Evidence []Evidence  `json:"evidence"`
	Ack      *Ack        `json:"ack,omitempty"` // the acknowledgement covering it, nil when none
}

// Active reports whether the signal is not covered by an acknowledgement.
func (s *Signal) Active() bool { return s.Ack == nil }

func itoa(n int) string { return strconv.Itoa(n) }

// sortEvidence sorts evidence latest first, then by reference and amount: an order that
// does not depend on the items' order (an account read in part gives its items in
// another one).
func sortEvidence(v []Evidence) {
	slices.SortStableFunc(v, func(a, b Evidence) int {
		switch {
		case a.Date != b.Date:
			return int(b.Date) - int(a.Date)
		case a.Ref != b.Ref:
			return strings.Compare(a.Ref, b.Ref)
		}
		return cmp.Compare(b.Amount, a.Amount)
	})
}

// extra are the records of one customer outside its ledger.
type extra struct {
	disputes  []*dispute.Dispute
	promises  []*dunning.Promise
	actions   []*dunning.Action
	procs     []*law.Procedure
	overrides []*Override
	acks      []*Ack
	proposals []*Proposal
	assigns   []*Assignment
}

// signals detects the degradation signals of one account from its stats and records.
// It also returns the number of promises broken in 12 months and the disputes of the
// last 12 months (count, amount), which the axes use.
func signals(a *ledger.Account, s *stats, x *extra, w *window, p *Policy) (out []Signal, broken12 int, disp12 int, dispAmt ledger.Cents) {
	sp := p.Signals
	c := &a.Customer
	add := func(key string, sev Severity, summary Reason, ev []Evidence) {
		var since ledger.Date
		for _, e := range ev {
			since = max(since, e.Date)
		}
		out = append(out, Signal{Key: key, Severity: sev, Since: since, Summary: summary, Evidence: ev})
	}

	// Insolvency procedure (C. com. L622-1 ff., L631-1, L640-1): the customer's status.
	var procs []Evidence
	for _, pr := range x.procs {
		if pr.Judgment.Valid() && pr.Judgment <= w.asOf {
			procs = append(procs, Evidence{Date: pr.Judgment, Ref: pr.ID, Reason: reason("risk.ev.procedure", "ref", pr.ID,
				"kind", string(pr.Kind), "date", txt(pr.Judgment), "bodacc_date", txt(pr.BODACC))})
		}
	}
	if c.Status == ledger.StatusInsolvency || len(procs) > 0 {
		if len(procs) == 0 {
			procs = []Evidence{{Reason: reason("risk.ev.insolvency", "balance_amount", txt(s.balance))}}
		}
		add(SigInsolvency, High, reason("risk.sum.insolvency"), procs)
	}
	// Doubtful account (PCG 416: clients douteux ou litigieux).
	if c.Doubtful || len(s.doubtful) > 0 {
		ev := s.doubtful
		if len(ev) == 0 {
			ev = []Evidence{{Reason: reason("risk.ev.doubtful_account", "account", c.Account)}}
		}
		sortEvidence(ev)
		add(SigDoubtful, High, reason("risk.sum.doubtful", "count", itoa(len(s.doubtful))), ev)
	}
	if len(s.bounced) > 0 {
		var t ledger.Cents
		for _, e := range s.bounced {
			t += e.Amount
		}
		sortEvidence(s.bounced)
		add(SigBounced, High, reason("risk.sum.bounced", "count", itoa(len(s.bounced)), "amount", txt(t), "days", itoa(sp.BounceDays)), s.bounced)
	}

	// Promises: broken at asOf (dunning.PromiseStateAt), dated by when they broke.
	var brokenEv []Evidence
	for _, pr := range x.promises {
		if pr.Made > w.asOf || dunning.PromiseStateAt(*pr, a, w.asOf) != dunning.PromiseBroken {
			continue
		}
		when := pr.Due.AddDays(dunning.PromiseGrace + 1)
		if pr.Status == dunning.PromiseBroken && pr.Closed.Valid() {
			when = pr.Closed
		}
		if when > w.m12 {
			broken12++
		}
		if when > w.broken {
			brokenEv = append(brokenEv, Evidence{Date: when, Ref: pr.ID, Amount: pr.Amount,
				Reason: reason("risk.ev.broken", "ref", pr.ID, "amount", txt(pr.Amount), "due_date", txt(pr.Due), "made_date", txt(pr.Made))})
		}
	}
	if len(brokenEv) > 0 {
		sortEvidence(brokenEv)
		add(SigBroken, High, reason("risk.sum.broken", "count", itoa(len(brokenEv)), "days", itoa(sp.BrokenDays)), brokenEv)
	}

	// Credit limit exceeded (beyond the tolerance).
	if lim := c.CreditLimit; lim > 0 && int64(s.balance)*100 > int64(lim)*int64(100+sp.LimitTolerance) {
		sev := Medium
		if int64(s.balance)*2 >= int64(lim)*3 {
			sev = High
		}
		add(SigOverLimit, sev, reason("risk.sum.over_limit", "balance_amount", txt(s.balance), "limit_amount", txt(lim),
			"pct", itoa(int(int64(s.balance)*100/int64(lim)))),
			[]Evidence{{Date: s.lastInvoice, Amount: s.balance - lim,
				Reason: reason("risk.ev.over_limit", "excess_amount", txt(s.balance-lim), "date", txt(s.lastInvoice))}})
	}

	// Payment delay drifting above the customer's own profile.
	if r, ok := s.recent.days(); ok && s.recent.n >= sp.DriftMin {
		if b, ok := s.base.days(); ok && r-b >= sp.DriftDays {
			sev := Medium
			if r-b >= 2*sp.DriftDays {
				sev = High
			}
			var ev []Evidence
			for _, li := range s.recentWorst {
				ev = append(ev, Evidence{Date: li.settled, Ref: li.number, Amount: li.amount,
					Reason: reason("risk.ev.late_paid", "ref", li.number, "amount", txt(li.amount), "days", itoa(li.days), "date", txt(li.settled))})
			}
			add(SigDrift, sev, reason("risk.sum.drift", "recent", itoa(r), "base", itoa(b), "count", itoa(s.recent.n), "base_count", itoa(s.base.n)), ev)
		}
	}

	// Overdue share of the open debits rising every month over 3 months.
	var share [4]int64 // per ten thousand, index 0 = asOf … 3 = asOf − 3 months
	for k := range share {
		if s.openAt[k] > 0 {
			share[k] = int64(s.overdueAt[k]) * 10000 / int64(s.openAt[k])
		}
	}
	if share[0] > share[1] && share[1] > share[2] && share[2] > share[3] && share[0]-share[3] >= int64(sp.OverdueRise)*100 {
		dates := [4]ledger.Date{w.asOf, w.m1, w.m2, w.m3}
		var ev []Evidence
		for k := 3; k >= 0; k-- {
			ev = append(ev, Evidence{Date: dates[k], Amount: s.overdueAt[k],
				Reason: reason("risk.ev.overdue_share", "date", txt(dates[k]), "pct", pct(share[k]), "overdue_amount", txt(s.overdueAt[k]), "open_amount", txt(s.openAt[k]))})
		}
		since := s.lastOverdueDue
		sig := Signal{Key: SigOverdueRise, Severity: Medium, Since: since,
			Summary: reason("risk.sum.overdue_rise", "from", pct(share[3]), "to", pct(share[0])), Evidence: ev}
		out = append(out, sig)
	}

	// Outstanding growing while sales fall.
	if s.balanceM3 > 0 && s.salesPrev3 > 0 &&
		int64(s.balanceNow-s.balanceM3)*100 >= int64(s.balanceM3)*int64(sp.GrowthPct) &&
		int64(s.salesPrev3-s.sales3)*100 >= int64(s.salesPrev3)*int64(sp.SalesDropPct) {
		add(SigGrowth, Medium, reason("risk.sum.growth", "from_amount", txt(s.balanceM3), "to_amount", txt(s.balanceNow),
			"sales_amount", txt(s.sales3), "prev_amount", txt(s.salesPrev3)),
			[]Evidence{
				{Date: w.m3, Amount: s.balanceM3, Reason: reason("risk.ev.balance_at", "date", txt(w.m3), "amount", txt(s.balanceM3))},
				{Date: w.asOf, Amount: s.balanceNow, Reason: reason("risk.ev.balance_at", "date", txt(w.asOf), "amount", txt(s.balanceNow))},
				{Date: s.lastInvoice, Amount: s.sales3, Reason: reason("risk.ev.sales", "from_date", txt(w.m3.AddDays(1)), "to_date", txt(w.asOf), "amount", txt(s.sales3))},
				{Amount: s.salesPrev3, Reason: reason("risk.ev.sales", "from_date", txt(w.m6.AddDays(1)), "to_date", txt(w.m3), "amount", txt(s.salesPrev3))},
			})
		out[len(out)-1].Since = s.lastInvoice
	}

	// Requests for longer terms (recorded actions).
	var terms []Evidence
	for _, ac := range x.actions {
		if ac.Kind == dunning.KindTermRequest && ac.Done() && ac.Date > w.term && ac.Date <= w.asOf {
			terms = append(terms, Evidence{Date: ac.Date, Ref: ac.ID,
				Reason: reason("risk.ev.term_request", "ref", ac.ID, "date", txt(ac.Date), "note", ac.Note)})
		}
	}
	if len(terms) > 0 {
		sortEvidence(terms)
		add(SigTermRequest, Medium, reason("risk.sum.term_request", "count", itoa(len(terms)), "days", itoa(sp.TermDays)), terms)
	}

	// New disputes; and the 12-month dispute figures for the axis.
	var disp []Evidence
	var dispNew ledger.Cents
	for _, d := range x.disputes {
		if !d.Opened.Valid() || d.Opened > w.asOf {
			continue
		}
		if d.Opened > w.m12 {
			disp12++
			dispAmt += d.Total()
		}
		if d.Opened > w.dispute {
			dispNew += d.Total()
			disp = append(disp, Evidence{Date: d.Opened, Ref: d.ID, Amount: d.Total(),
				Reason: reason("risk.ev.dispute", "ref", d.ID, "amount", txt(d.Total()), "date", txt(d.Opened))})
		}
	}
	if len(disp) >= sp.DisputeMin && len(disp) > 0 {
		sev := Low
		if len(disp) >= 2 {
			sev = Medium
		}
		sortEvidence(disp)
		add(SigDispute, sev, reason("risk.sum.dispute", "count", itoa(len(disp)), "amount", txt(dispNew), "days", itoa(sp.DisputeDays)), disp)
	}

	// Partial payments becoming the rule.
	if s.paid >= sp.PartialMin && s.paid > 0 && s.partial*100 >= sp.PartialShare*s.paid {
		add(SigPartial, Low, reason("risk.sum.partial", "count", itoa(s.partial), "total", itoa(s.paid), "pct", itoa(s.partial*100/s.paid)), s.partialRefs)
	}

	// Acknowledgements: the latest ack of the key dated on or after the newest evidence.
	for i := range out {
		sg := &out[i]
		for _, ak := range x.acks {
			if ak.Signal == sg.Key && ak.Date <= w.asOf && ak.Date >= sg.Since && (sg.Ack == nil || ak.Date >= sg.Ack.Date) {
				sg.Ack = ak
			}
		}
	}
	order := SignalKeys()
	slices.SortStableFunc(out, func(a, b Signal) int { return slices.Index(order, a.Key) - slices.Index(order, b.Key) })
	return out, broken12, disp12, dispAmt
}

// pct formats a share in ten-thousandths as a percentage with one decimal ("12.5").
func pct(v int64) string {
	return strconv.FormatInt(v/100, 10) + "." + strconv.FormatInt((v%100)/10, 10)
}

// txt formats a cents amount as ledger.Cents.String does ("-1234.50"), or a date as
// ledger.Date.String does ("2026-11-23", "" for none), without fmt: evidence is built
// for thousands of customers at once.
func txt[T ledger.Cents | ledger.Date](v T) string {
	var b [24]byte
	switch x := any(v).(type) {
	case ledger.Cents:
		u := int64(x)
		out := b[:0]
		if u < 0 {
			out = append(out, '-')
			u = -u
		}
		out = strconv.AppendInt(out, u/100, 10)
		out = append(out, '.', byte('0'+u%100/10), byte('0'+u%10))
		return string(out)
	case ledger.Date:
		if !x.Valid() {
			return ""
		}
		y, m, d := x.YMD()
		out := strconv.AppendInt(b[:0], int64(y), 10)
		out = append(out, '-', byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+d/10), byte('0'+d%10))
		return string(out)
	}
	return ""
}
