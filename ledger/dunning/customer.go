package dunning

import (
	"slices"

	"relance/ledger"
)

// cover is what promises and plans take out of the reminder flow for one customer.
type cover struct {
	items map[string]Reason // item ID → why it is out
	until ledger.Date       // items without a list: debits issued on or before this date
	why   Reason            // reason for the "until" cover
}

func (c *cover) excluded(it *ledger.Item) (Reason, bool) {
	if c == nil {
		return Reason{}, false
	}
	if w, ok := c.items[it.ID]; ok {
		return w, true
	}
	if c.until.Valid() && it.DocDate <= c.until {
		return c.why, true
	}
	return Reason{}, false
}

func (c *cover) add(ids []string, until ledger.Date, why Reason) {
	if len(ids) == 0 {
		if until > c.until {
			c.until, c.why = until, why
		}
		return
	}
	if c.items == nil {
		c.items = map[string]Reason{}
	}
	for _, id := range ids {
		c.items[id] = why
	}
}

// customer decides the agenda entries of account a.
func (e *engine) customer(a *ledger.Account) {
	c := &a.Customer
	asOf := e.in.AsOf
	class := e.class(c.ID)
	acts := e.idx.actions[c.ID]
	switch c.Status {
	case ledger.StatusAgency:
		e.skip(c, class, r("dunning.why.status_agency"))
		return
	case ledger.StatusLegal:
		e.skip(c, class, r("dunning.why.status_legal"))
		return
	case ledger.StatusInsolvency:
		e.skip(c, class, r("dunning.why.status_insolvency"))
		return
	case ledger.StatusWrittenOff:
		e.skip(c, class, r("dunning.why.status_written_off"))
		return
	}
	if e.in.Held != nil {
		if why, held := e.in.Held(c.ID); held {
			e.skip(c, class, why)
			return
		}
	}
	for _, act := range acts {
		if act.Kind == ActionKind(ChanLegal) && act.Done() && act.Date <= asOf {
			e.skip(c, class, r("dunning.why.legal_done", "date", dstr(act.Date)))
			return
		}
	}
	if c.NoReminderUntil.Valid() && asOf <= c.NoReminderUntil {
		e.skip(c, class, r("dunning.why.suspended", "date", dstr(c.NoReminderUntil)))
		return
	}
	var extra []Reason // reasons to add to the entries (promise broken, plan defaulted…)
	var cv *cover
	var planEntries []Entry
	for _, p := range e.idx.promises[c.ID] {
		st := PromiseStateAt(*p, a, asOf)
		if st != p.Status && p.Status == PromisePending {
			q := *p
			q.Status, q.Closed = st, asOf
			e.ag.Promises = append(e.ag.Promises, q)
			kind := SignalPromiseKept
			if st == PromiseBroken {
				kind = SignalPromiseBroken
			}
			e.ag.Signals = append(e.ag.Signals, Signal{Customer: c.ID, Kind: kind, Ref: p.ID, Date: p.Due, Amount: p.Amount})
		}
		switch {
		case st == PromisePending:
			if cv == nil {
				cv = &cover{}
			}
			cv.add(p.Items, p.Made, r("dunning.why.promise", "id", p.ID, "date", dstr(p.Due), "amount", cstr(p.Amount)))
		case st == PromiseBroken && (p.Status == PromisePending || p.Closed >= asOf.AddDays(-30)):
			extra = append(extra, r("dunning.why.promise_broken", "id", p.ID, "date", dstr(p.Due), "amount", cstr(p.Amount)))
		}
	}
	for _, p := range e.idx.plans[c.ID] {
		st := PlanStateAt(*p, a, asOf)
		if st.Status != p.Status && p.Status == PlanActive {
			q := *p
			q.Status, q.Closed = st.Status, asOf
			e.ag.Plans = append(e.ag.Plans, q)
			kind := SignalPlanCompleted
			if st.Status == PlanDefaulted {
				kind = SignalPlanDefaulted
			}
			e.ag.Signals = append(e.ag.Signals, Signal{Customer: c.ID, Kind: kind, Ref: p.ID, Date: st.Missed, Amount: st.Remaining})
		}
		switch st.Status {
		case PlanActive:
			if cv == nil {
				cv = &cover{}
			}
			cv.add(p.Items, p.Agreed, r("dunning.why.plan", "id", p.ID, "date", dstr(p.Agreed)))
			if st.Missed.Valid() {
				// C. civ. 1103: without an acceleration clause only the missed instalment is due.
				e.ag.Signals = append(e.ag.Signals, Signal{Customer: c.ID, Kind: SignalPlanLate, Ref: p.ID, Date: st.Missed, Amount: st.Remaining})
				planEntries = append(planEntries, Entry{Channel: ChanCall, Stage: "plan", Due: st.Missed.AddDays(InstalmentGrace + 1),
					Amount: missedAmount(st), Why: []Reason{r("dunning.why.plan_late", "id", p.ID, "date", dstr(st.Missed))}})
			}
		case PlanDefaulted:
			if p.Status == PlanActive || p.Closed >= asOf.AddDays(-30) {
				extra = append(extra, r("dunning.why.plan_defaulted", "id", p.ID, "date", dstr(st.Missed), "amount", cstr(st.Remaining)))
			}
		}
	}

	// The items still in the reminder flow.
	var oldest *ledger.Item
	var credits, balance ledger.Cents
	var disputed, covered int
	var coverWhy Reason
	remind := make([]*ledger.Item, 0, 8)
	for i := range a.Items {
		it := &a.Items[i]
		balance += it.Open
		if it.Open <= 0 {
			credits += it.Open
			continue
		}
		if !it.DueDate.Valid() {
			continue
		}
		if w, ok := cv.excluded(it); ok {
			covered++
			coverWhy = w
			continue
		}
		if e.in.Disputes != nil && e.in.Disputes.Excluded(it, asOf) {
			disputed++
			continue
		}
		remind = append(remind, it)
		if oldest == nil || it.DueDate < oldest.DueDate {
			oldest = it
		}
	}
	if balance <= 0 {
		e.skip(c, class, r("dunning.why.nothing_owed", "balance", cstr(balance)))
		return
	}
	var notes []Reason
	if disputed > 0 {
		notes = append(notes, r("dunning.why.disputed", "n", itoa(disputed)))
	}
	if covered > 0 {
		notes = append(notes, coverWhy)
	}
	notes = append(notes, extra...)

	sc := e.in.Scenarios.For(class)
	entries := planEntries
	var stepEntry *Entry
	var skipWhy []Reason
	if oldest != nil {
		stepEntry, _, skipWhy = e.nextStep(a, &sc, acts, remind, oldest, credits)
	} else {
		skipWhy = []Reason{r("dunning.why.none_remindable")}
	}
	if stepEntry != nil {
		stepEntry.Why = append(stepEntry.Why, notes...)
		entries = append(entries, *stepEntry)
	}

	// Planned actions still open: callbacks, reschedules, confirmation letters…
	for _, act := range acts {
		if act.Status != ActionPlanned || e.idx.closed[act.ID] || act.Date > asOf {
			continue
		}
		k := stepIndex(&sc, act.Stage)
		// A rescheduled step: nextStep already used it. A step planned ahead of the
		// sequence by a record (Record: the negotiation that failed) comes up on its
		// date, on the invoices overdue then, while something is still due.
		if k >= 0 && (act.Record == "" || oldest == nil || stepEntry != nil && slices.Contains(stepEntry.Refs, act.ID)) {
			continue
		}
		ent := Entry{Channel: Channel(act.Kind), Stage: act.Stage, Template: templateOf(act), Due: act.Date,
			Assignee: act.Assignee, Refs: []string{act.ID},
			Why: []Reason{r("dunning.why.planned", "id", act.ID, "date", dstr(act.Date), "by", act.By)}}
		if k >= 0 {
			ent.Level, ent.Manual = k+1, sc.Steps[k].Manual
			for _, it := range remind {
				if it.DueDate < asOf {
					ent.Items = append(ent.Items, it.ID)
					ent.Amount += it.Open
				}
			}
		}
		entries = append(entries, ent)
	}
	if len(entries) == 0 {
		e.skip(c, class, append(skipWhy, notes...)...)
		return
	}
	e.emit(a, class, entries, remind)
}

// templateOf returns the letter stage of a planned action.
func templateOf(a *Action) string {
	switch Channel(a.Kind) {
	case ChanLetter, ChanNotice, ChanEmail:
		if slices.Contains(Stages, a.Stage) {
			return a.Stage
		}
	}
	return ""
}

func missedAmount(st PlanState) ledger.Cents {
	var s ledger.Cents
	for _, in := range st.Instalments {
		if in.Status == InstLate {
			s += in.Amount - in.Paid
		}
	}
	return s
}

// stepIndex returns the rank of step code in sc, or -1.
func stepIndex(sc *Scenario, code string) int {
	if code == "" {
		return -1
	}
	for i := range sc.Steps {
		if sc.Steps[i].Code == code {
			return i
		}
	}
	return -1
}
