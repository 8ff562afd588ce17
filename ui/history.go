package ui

import (
	"strings"

	"relance/ledger"
	"relance/ledger/dunning"
)

// customerHistory is everything that happened with customer id, for the timeline of the
// customer panel: reminder actions (letters with their archive number, calls and their
// outcome, visits, notices…), promises and payment plans, disputes and their status
// changes, insolvency procedures and their events, the acts of the limitation register
// and the judgments (desk.CustomerRecords.LegalLines), and the risk history (overrides, acknowledgements,
// proposals and decisions). Nothing is ever removed from it.
func (a *App) customerHistory(id string) []timelineEvent {
	ev := a.risk.riskEvents(id)
	if a.db == nil {
		return ev
	}
	rec, err := a.sess.CustomerRecords(id)
	if err != nil {
		return append(ev, timelineEvent{a.asOf, a.t("ui.hist.error", "error", ledger.Localize(err, a.lang))})
	}
	acts, proms, plans, procs := rec.Actions, rec.Promises, rec.Plans, rec.Procedures
	for _, x := range acts {
		if x.Kind == dunning.KindRecordEdit {
			var names []string
			for _, f := range strings.Split(x.Note, ",") {
				names = append(names, a.t("cust.field."+f))
			}
			ev = append(ev, timelineEvent{x.Date, a.t("ui.hist.by", "what", a.t("cust.hist.edit", "fields", strings.Join(names, ", ")), "by", orDash(x.By))})
			continue
		}
		what := a.t("dunning.channel." + string(x.Kind))
		if x.Stage != "" {
			what += " – " + a.t("dunning.stage."+x.Stage)
		}
		switch x.Status {
		case dunning.ActionPlanned:
			what = a.t("ui.hist.planned", "what", what)
		case dunning.ActionCancelled:
			what = a.t("ui.hist.cancelled", "what", what)
		}
		if x.Outcome != "" {
			what += " : " + a.t("dunning.outcome."+x.Outcome)
		}
		if x.Letter != "" {
			what += " (" + x.Letter + ")"
		}
		if x.Note != "" {
			what += " – " + x.Note
		}
		ev = append(ev, timelineEvent{x.Date, a.t("ui.hist.by", "what", what, "by", orDash(x.By))})
	}
	for _, p := range proms {
		ev = append(ev, timelineEvent{p.Made, a.t("ui.hist.promise", "id", p.ID, "amount", a.money(p.Amount), "date", a.date(p.Due))})
		if p.Closed.Valid() {
			ev = append(ev, timelineEvent{p.Closed, a.t("ui.hist.promise_closed", "id", p.ID, "status", a.t("dunning.promise."+string(p.Status)))})
		}
	}
	for _, p := range plans {
		ev = append(ev, timelineEvent{p.Agreed, a.t("ui.hist.plan", "id", p.ID, "amount", a.money(p.Total), "n", a.count(len(p.Instalments)))})
		if p.Closed.Valid() {
			ev = append(ev, timelineEvent{p.Closed, a.t("ui.hist.plan_closed", "id", p.ID, "status", a.t("dunning.plan."+string(p.Status)))})
		}
	}
	for _, d := range a.disputes {
		if d.Customer != id {
			continue
		}
		for _, h := range d.History {
			ev = append(ev, timelineEvent{h.Date, a.t("ui.hist.dispute", "id", d.ID, "status", a.t("dispute.status."+string(h.To)), "by", orDash(h.By))})
		}
	}
	for _, p := range procs {
		ev = append(ev, timelineEvent{p.Judgment, a.t("ui.hist.procedure", "kind", a.t("law.proc.kind."+string(p.Kind)), "court", orDash(p.Court))})
	}
	for _, l := range rec.LegalLines(a.lang, a.currency()) { // register acts, judgments, procedure events
		ev = append(ev, timelineEvent{l.Date, l.Text})
	}
	return ev
}
