package check

import (
	"relance/ledger"
)

// The deadline a letter sets (CLAR.DEADLINE_PRECISE, CLAR.DEADLINE_COHERENT), told apart
// from the due dates it recalls.

// checkDeadline: no deadline at all (CLAR.DEADLINE_PRECISE) and deadlines inconsistent
// with the letter date (CLAR.DEADLINE_COHERENT: past → blocking; a formal notice gives
// at least 8 days, and more than 30 days loses the point).
func (l *letter) checkDeadline() {
	found := false
	// the first date asked for: later ones are the instalments of a schedule
	first := ledger.NoDate
	for _, e := range l.ents {
		if e.Kind == EntDate && e.Deadline && e.Date.Valid() && !l.bygone(e) && (!first.Valid() || e.Date < first) {
			first = e.Date
		}
	}
	for _, e := range l.ents {
		switch {
		case e.Kind == EntDeadline:
			found = true
			if l.stage == StageMED && e.Days < 8 {
				l.hitSev("CLAR.DEADLINE_COHERENT", e.Start, e.End, Warning, map[string]string{"_msg": "short", "days": itoa(e.Days)}, nil)
			}
			if e.Days > 30 {
				l.hitSev("CLAR.DEADLINE_COHERENT", e.Start, e.End, Warning, map[string]string{"_msg": "long", "days": itoa(e.Days)}, nil)
			}
		case e.Kind == EntDate && e.Deadline:
			if l.bygone(e) {
				continue // « la facture devait être réglée au plus tard le 10 octobre » recalls the due date
			}
			found = true
			if !l.date.Valid() || !e.Date.Valid() {
				continue
			}
			days := e.Date.DaysSince(l.date)
			fix := longDate(l.lang, l.date.AddDays(15))
			switch {
			case days < 0:
				l.hit("CLAR.DEADLINE_COHERENT", e.Start, e.End, map[string]string{"_msg": "past", "date": l.t.slice(e.Start, e.End), "letter": longDate(l.lang, l.date), "fix": fix}, nil)
			case days < 8 && l.stage == StageMED:
				l.hitSev("CLAR.DEADLINE_COHERENT", e.Start, e.End, Warning, map[string]string{"_msg": "short", "days": itoa(days)}, nil)
			case days > 30 && e.Date == first:
				l.hitSev("CLAR.DEADLINE_COHERENT", e.Start, e.End, Warning, map[string]string{"_msg": "long", "days": itoa(days)}, nil)
			}
		}
	}
	if !found && l.stage == StagePre {
		found = l.futureDueDate() // a pre-reminder's deadline is the due date it recalls
	}
	if !found && !l.hasFindingOf("CLAR.DEADLINE_PRECISE") {
		l.missing("CLAR.DEADLINE_PRECISE", SecBody, map[string]string{"_msg": "absent"})
	}
}

// reBygone is a past or conditional verb: the date it governs is the due date recalled
// (« devait être réglée au plus tard le… », "was payable by…"), not a deadline set now.
var reBygone = lazyRegexp(`(?i)(?:^|[^\p{L}])(?:devai(?:t|ent)|aurai(?:t|ent) d[ûu]|[ée]tai(?:t|ent)|avai(?:t|ent)|serai(?:t|ent)|avions convenu|aviez|[ée]chue?s?|was|were|had|fell due|should have)\b`)

// bygone reports a deadline date whose clause, before it, is in the past or the
// conditional: a due date the letter recalls, when it lies before the letter date.
func (l *letter) bygone(e Entity) bool {
	if !l.date.Valid() || !e.Date.Valid() || e.Date >= l.date {
		return false
	}
	s := l.sentenceAt(e.Start)
	return reBygone.MatchString(l.t.slice(s.start, e.Start))
}

// reDueDateCue ends the words naming a due date (« son échéance est fixée au », "falls due on").
var reDueDateCue = lazyRegexp(`(?i)(?:[ée]ch[ée]ance|[ée]ch[ée]ra|due date|falls due|is due|payable)\b[^.!?]{0,25}$`)

// futureDueDate reports a due date after the letter date, named as such.
func (l *letter) futureDueDate() bool {
	for _, e := range l.ents {
		if e.Kind == EntDate && e.Date.Valid() && l.date.Valid() && e.Date > l.date &&
			reDueDateCue.MatchString(l.t.slice(max(0, e.Start-40), e.Start)) {
			return true
		}
	}
	return false
}

func (l *letter) hasFindingOf(id string) bool {
	for _, f := range l.findings {
		if f.Rule == id {
			return true
		}
	}
	return false
}
