package desk

import (
	"strings"

	"relance/assets/i18n"
	"relance/ledger"
	"relance/ledger/dunning"
)

// HistoryLine is one dated line of a customer's history, in words.
type HistoryLine struct {
	Date ledger.Date
	Text string
}

// LegalLines words r's legal records as history lines in lang, sums in currency:
//   - each act of the register of limitation interruptions on its day, with its
//     proof, who recorded it and where it stands (replaced, withdrawn, ongoing); the
//     end of a lasting act on the day it ended; a withdrawal on the day it was entered,
//     with its reason;
//   - each judgment on the day of the decision (kind, court, reference, principal), on
//     the day it became enforceable with the last day it may be enforced (CPCE
//     L111-4), and each payment received on it;
//   - each recorded event of an insolvency procedure on its day, with its subject.
func (r CustomerRecords) LegalLines(lang, currency string) []HistoryLine {
	t := func(key string, args ...string) string { return i18n.T(lang, key, args...) }
	day := func(d ledger.Date) string {
		if i18n.Norm(lang) == "fr" {
			return d.French()
		}
		return d.String()
	}
	var out []HistoryLine
	add := func(d ledger.Date, s string) { out = append(out, HistoryLine{Date: d, Text: s}) }
	for _, e := range r.Interruptions {
		kind := t("interrupt.kind." + string(e.Kind))
		if e.Withdrawn {
			add(e.Recorded, t("privacy2.hist.withdrawal", "id", e.Replaces, "kind", kind, "date", day(e.Date),
				"reason", e.Note, "by", orDash(e.By)))
			continue
		}
		what := t("privacy2.hist.act", "id", e.ID, "kind", kind, "by", orDash(e.By))
		if e.Proof != "" {
			what += t("privacy2.hist.proof", "proof", e.Proof)
		}
		switch e.Status {
		case dunning.RegReplaced:
			what += " — " + t("interrupt.status.replaced_by", "id", e.ReplacedBy)
		case dunning.RegWithdrawn:
			what += " — " + t("interrupt.status.withdrawn_by", "id", e.ReplacedBy)
		case dunning.RegOngoing:
			what += " — " + t("interrupt.status.ongoing")
		}
		if e.Note != "" && e.Note != e.Proof { // both erased: one mark
			what += " — " + e.Note
		}
		add(e.Date, what)
		if e.End.Valid() {
			add(e.End, t("privacy2.hist.act_end", "id", e.ID, "kind", kind))
		}
	}
	for _, j := range r.Judgments {
		what := t("judgment.kind." + string(j.Kind))
		if j.Court != "" {
			what += " — " + j.Court
		}
		if j.Ref != "" {
			what += " — " + t("privacy2.hist.ref", "ref", j.Ref)
		}
		add(j.Decision, t("privacy2.hist.judgment", "id", j.ID, "what", what, "principal", j.Principal.Format(lang, currency)))
		add(j.Enforceable, t("privacy2.hist.enforceable", "id", j.ID, "until", day(j.EnforcementDeadline())))
		for _, p := range j.Payments {
			s := t("privacy2.hist.judgment_payment", "id", j.ID, "amount", p.Amount.Format(lang, currency))
			if p.Ref != "" {
				s += " — " + p.Ref
			}
			add(p.Date, s)
		}
	}
	for _, p := range r.Procedures {
		for _, e := range p.Events {
			s := t("privacy2.hist.proc_event", "id", p.ID, "event", t("insolv2.event."+string(e.Kind)))
			if strings.TrimSpace(e.Subject) != "" {
				s += " — " + e.Subject
			}
			add(e.Date, s)
		}
	}
	return out
}

// orDash returns s, or a dash when it is empty.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
