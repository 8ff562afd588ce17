package dunning

import (
	"slices"

	"relance/ledger"
)

// concerns reports whether done action act belongs to the current reminder cycle: it
// names one of the items still reminded, or names none and is dated on or after the
// oldest item's document date.
func concerns(act *Action, remind []*ledger.Item, oldest *ledger.Item) bool {
	if len(act.Items) == 0 {
		return act.Date >= oldest.DocDate
	}
	for _, id := range act.Items {
		for _, it := range remind {
			if it.ID == id {
				return true
			}
		}
	}
	return false
}

// nextStep finds the level reached for account a (the last scenario step done for the
// current cycle) and the next step; it returns that step's entry when it is due at the
// as-of date, else nil and why not.
func (e *engine) nextStep(a *ledger.Account, sc *Scenario, acts []*Action, remind []*ledger.Item, oldest *ledger.Item, credits ledger.Cents) (*Entry, int, []Reason) {
	asOf := e.in.AsOf
	level := -1
	var last *Action
	for _, act := range acts {
		if !act.Done() || act.Date > asOf {
			continue
		}
		k := stepIndex(sc, act.Stage)
		if k < 0 || !concerns(act, remind, oldest) {
			continue
		}
		if k > level || (k == level && act.Date > last.Date) {
			level, last = k, act
		}
	}
	var overdue, coming ledger.Cents
	for _, it := range remind {
		if it.DueDate < asOf {
			overdue += it.Open
		} else {
			coming += it.Open
		}
	}
	var why []Reason
	for k := level + 1; k < len(sc.Steps); k++ {
		st := &sc.Steps[k]
		pre := st.Offset < 0
		if pre && oldest.DueDate < asOf {
			why = append(why, r("dunning.why.pre_past", "step", st.Code))
			continue
		}
		amount := overdue + min(credits, 0)
		if pre {
			amount = coming + min(credits, 0)
		}
		if amount <= 0 {
			if overdue > 0 {
				return nil, level, append(why, r("dunning.why.credits", "credits", cstr(-credits)))
			}
			amount = 0
		}
		if st.MinAmount > 0 && amount < st.MinAmount {
			why = append(why, r("dunning.why.below_min", "step", st.Code, "amount", cstr(amount), "min", cstr(st.MinAmount)))
			continue
		}
		due := oldest.DueDate.AddDays(st.Offset)
		if last != nil {
			// The next step waits for the previous one: same gap as in the scenario,
			// counted from the day the previous step was actually done.
			if w := last.Date.AddDays(st.Offset - sc.Steps[level].Offset); w > due {
				due = w
			}
		}
		var planned *Action
		for _, act := range acts {
			if act.Status == ActionPlanned && act.Stage == st.Code && !e.idx.closed[act.ID] &&
				(planned == nil || act.ID > planned.ID) {
				planned = act
			}
		}
		if planned != nil {
			due = planned.Date
		}
		if due > asOf {
			return nil, level, append(why, r("dunning.why.next_on", "step", st.Code, "channel", string(st.Channel), "date", dstr(due)))
		}
		ent := &Entry{Channel: st.Channel, Stage: st.Code, Template: st.Template, Level: k + 1, Due: due, Manual: st.Manual,
			Items: make([]string, 0, len(remind)), Why: make([]Reason, 0, 4+len(why))}
		for _, it := range remind {
			if (it.DueDate < asOf) != pre {
				ent.Items = append(ent.Items, it.ID)
				ent.Amount += it.Open
			}
		}
		ent.Why = append(ent.Why, r(byDays("dunning.why.oldest", oldest.DaysLate(asOf)), "number", oldest.Number,
			"due", dstr(oldest.DueDate), "days", itoa(oldest.DaysLate(asOf))))
		ent.Why = append(ent.Why, r("dunning.why.step", "step", st.Code, "channel", string(st.Channel),
			"offset", signed(st.Offset), "due", dstr(oldest.DueDate), "date", dstr(due)))
		if last != nil {
			ent.Why = append(ent.Why, r("dunning.why.after", "step", sc.Steps[level].Code, "date", dstr(last.Date)))
		} else {
			ent.Why = append(ent.Why, r("dunning.why.first"))
		}
		if due < asOf {
			ent.Why = append(ent.Why, r(byDays("dunning.why.late", asOf.DaysSince(due)), "days", itoa(asOf.DaysSince(due))))
		}
		if planned != nil {
			ent.Refs, ent.Assignee = []string{planned.ID}, planned.Assignee
			ent.Why = append(ent.Why, r("dunning.why.rescheduled", "id", planned.ID, "date", dstr(planned.Date), "by", planned.By))
		}
		ent.Why = append(ent.Why, why...)
		return ent, level, nil
	}
	if level >= 0 {
		return nil, level, append(why, r("dunning.why.scenario_end", "step", sc.Steps[level].Code, "date", dstr(last.Date)))
	}
	return nil, level, append(why, r("dunning.why.no_step"))
}

// emit merges the entries of one customer by channel, fills in what they share and
// appends them to the agenda.
func (e *engine) emit(a *ledger.Account, class string, entries []Entry, remind []*ledger.Item) {
	asOf := e.in.AsOf
	var merged []Entry
	for _, en := range entries {
		i := slices.IndexFunc(merged, func(m Entry) bool { return m.Channel == en.Channel })
		if i < 0 {
			merged = append(merged, en)
			continue
		}
		m := &merged[i]
		if en.Level > m.Level {
			en.Refs = append(en.Refs, m.Refs...)
			en.Why = append(en.Why, m.Why...)
			en.Due = min(en.Due, m.Due)
			if en.Assignee == "" {
				en.Assignee = m.Assignee
			}
			*m = en
			continue
		}
		m.Refs = append(m.Refs, en.Refs...)
		m.Why = append(m.Why, en.Why...)
		m.Due = min(m.Due, en.Due)
		if m.Assignee == "" {
			m.Assignee = en.Assignee
		}
	}
	// Lateness of the overdue items still reminded; for entries that are not scenario
	// steps, those items too, else every open debit.
	var oldestDue ledger.Date
	for _, it := range remind {
		if it.DueDate < asOf && (!oldestDue.Valid() || it.DueDate < oldestDue) {
			oldestDue = it.DueDate
		}
	}
	var ids []string
	var amount ledger.Cents
	if slices.ContainsFunc(merged, func(m Entry) bool { return m.Items == nil }) {
		for _, it := range remind {
			if it.DueDate < asOf {
				ids = append(ids, it.ID)
				amount += it.Open
			}
		}
		if len(ids) == 0 {
			for i := range a.Items {
				it := &a.Items[i]
				if it.Open > 0 {
					ids = append(ids, it.ID)
					amount += it.Open
					if it.DueDate.Valid() && (!oldestDue.Valid() || it.DueDate < oldestDue) {
						oldestDue = it.DueDate
					}
				}
			}
		}
	}
	days := 0
	if oldestDue.Valid() && oldestDue < asOf {
		days = asOf.DaysSince(oldestDue)
	}
	w := int64(e.in.Weights[class])
	if w == 0 {
		w = 10
	}
	for _, m := range merged {
		m.Customer, m.Name, m.Class, m.DaysLate = a.Customer.ID, a.Customer.Name, class, days
		if m.Items == nil {
			m.Items = ids
			if m.Amount == 0 {
				m.Amount = amount
			}
		}
		m.Priority = int64(m.Amount) / 100 * int64(max(days, 1)) * w / 10
		e.ag.Entries = append(e.ag.Entries, m)
	}
}

// signed formats n with its sign: "+7", "-5", "0".
func signed(n int) string {
	if n > 0 {
		return "+" + itoa(n)
	}
	return itoa(n)
}

// byDays is the message key for a count of days: key itself for several days,
// key+".one" for one, key+".none" for none (an invoice not yet due is not "0 days late").
func byDays(key string, days int) string {
	switch {
	case days <= 0:
		return key + ".none"
	case days == 1:
		return key + ".one"
	}
	return key
}
