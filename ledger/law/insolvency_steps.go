package law

import (
	"strings"

	"relance/ledger"
)

// ProcEventKind names an event of a collective procedure that the creditor records
// because a deadline runs from it.
type ProcEventKind string

// Procedure events a creditor records. Each gives one or two dated steps
// (EventDeadlines).
const (
	// EventContestation: the mandataire's letter disputing (discussing) the claim was
	// received; the creditor has 30 days to answer (C. com. L622-27 — à vérifier: the
	// project's legal reference does not source it).
	EventContestation ProcEventKind = "contestation"
	// EventDecision: the juge-commissaire's decision on the claim was notified; appeal
	// within 10 days (C. com. R624-7 — à vérifier: not sourced by the reference).
	EventDecision ProcEventKind = "decision"
	// EventRevendication: the retention-of-title claim was received by the
	// administrator (the date of the acknowledgement of receipt): he has 1 month to
	// acquiesce, then the creditor 1 month to seize the juge-commissaire (C. com.
	// R624-13).
	EventRevendication ProcEventKind = "revendication"
	// EventContractNotice: the mise en demeure asking the administrator whether an
	// ongoing contract is continued was received; unanswered for 1 month, the contract
	// is terminated by right (C. com. L622-13 III 1°).
	EventContractNotice ProcEventKind = "contract_notice"
	// EventObservationEnd: the observation period ended; claims born after the opening
	// judgment (C. com. L622-17 I) not paid at their due date must be brought to the
	// knowledge of the mandataire and administrator within 1 year (L622-17 IV — à
	// vérifier: not sourced by the reference).
	EventObservationEnd ProcEventKind = "observation_end"
)

// ProcEventKinds lists the events in the order the window offers them.
var ProcEventKinds = []ProcEventKind{EventContestation, EventDecision, EventRevendication, EventContractNotice, EventObservationEnd}

// ParseProcEventKind parses an event kind; "contract-notice" and "observation-end"
// are accepted for the underscored forms.
func ParseProcEventKind(s string) (ProcEventKind, bool) {
	k := ProcEventKind(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "_"))
	for _, e := range ProcEventKinds {
		if e == k {
			return k, true
		}
	}
	return "", false
}

// ProcEvent is a dated event of a procedure, recorded by the creditor.
type ProcEvent struct {
	Kind ProcEventKind `json:"kind"`
	// Date is when the event happened: the day the letter was received (contestation,
	// revendication, contract notice: the acknowledgement of receipt), the decision
	// notified, the observation period ended.
	Date ledger.Date `json:"date"`
	// Subject says what it is about: the contract concerned (required for a contract
	// notice), the claim disputed…
	Subject  string      `json:"subject,omitempty"`
	Recorded ledger.Date `json:"recorded,omitempty"`
	By       string      `json:"by,omitempty"`
}

// ValidateEvent checks e before it is added to p, recorded at asOf: a known kind, a
// date between p's opening judgment and asOf, and a contract named for a contract
// notice. A *ledger.Problem names the field.
func ValidateEvent(p *Procedure, e ProcEvent, asOf ledger.Date) error {
	bad := func(field, value string) error {
		return &ledger.Problem{Key: "insolv2.err.event", Args: []string{"id", p.ID, "field", field, "value", value}}
	}
	if _, ok := ParseProcEventKind(string(e.Kind)); !ok || string(e.Kind) != strings.TrimSpace(string(e.Kind)) {
		return bad("event", string(e.Kind))
	}
	switch {
	case !e.Date.Valid():
		return bad("date", "")
	case e.Date < p.Judgment:
		return &ledger.Problem{Key: "insolv2.err.event_before", Args: []string{"id", p.ID,
			"date", e.Date.String(), "judgment", p.Judgment.String()}}
	case asOf.Valid() && e.Date > asOf:
		return &ledger.Problem{Key: "insolv2.err.event_future", Args: []string{"id", p.ID,
			"date", e.Date.String(), "today", asOf.String()}}
	case e.Kind == EventContractNotice && strings.TrimSpace(e.Subject) == "":
		return bad("contract", "")
	case e.Kind == EventObservationEnd && p.Kind == Liquidation:
		// A liquidation opened directly has no observation period (its post-opening
		// claims follow C. com. L641-13 — à vérifier): record the end on the
		// sauvegarde or redressement that preceded it.
		return &ledger.Problem{Key: "insolv2.err.no_observation", Args: []string{"id", p.ID}}
	}
	return nil
}

// More creditor steps of a procedure, computed from the BODACC publication and from
// the recorded events (EventDeadlines).
const (
	// DeadlineForclusionLong: the relevé de forclusion for a creditor who could not
	// know its claim within the 6 months: 1 year from the BODACC (C. com. L622-26 al. 3).
	DeadlineForclusionLong ProcDeadlineKind = "forclusion_long"
	DeadlineContestation   ProcDeadlineKind = "contestation"        // answer the mandataire (L622-27)
	DeadlineAppeal         ProcDeadlineKind = "appeal"              // appeal the juge-commissaire's decision (R624-7)
	DeadlineAcquiescence   ProcDeadlineKind = "acquiescence"        // the administrator's answer to a revendication (R624-13)
	DeadlineRevendication  ProcDeadlineKind = "revendication_court" // seize the juge-commissaire (R624-13 al. 2)
	DeadlineContract       ProcDeadlineKind = "contract"            // ongoing contract terminated by right (L622-13)
	DeadlinePostOpening    ProcDeadlineKind = "post_opening"        // information of post-opening claims (L622-17 IV)
)

// EventDeadlines returns the steps that run from p's recorded events, at asOf:
//   - contestation received → answer within 30 days (C. com. L622-27, à vérifier);
//   - decision notified → appeal within 10 days (C. com. R624-7, à vérifier);
//   - revendication received → the administrator's acquiescence within 1 month, then
//     the juge-commissaire seized within 1 month after that month ends (C. com.
//     R624-13 al. 2; délai préfix: no relevé);
//   - mise en demeure received on an ongoing contract → terminated by right if
//     unanswered for 1 month (C. com. L622-13 III 1°; the juge-commissaire may shorten
//     or extend it up to 2 months);
//   - end of the observation period → post-opening claims made known within 1 year
//     (C. com. L622-17 IV, à vérifier).
//
// Steps the project's legal reference does not source are marked Unverified.
func EventDeadlines(p Procedure, asOf ledger.Date) []ProcDeadline {
	var out []ProcDeadline
	for _, e := range p.Events {
		date := e.Date.String()
		why := func(kind ProcDeadlineKind) Note {
			return Note{Key: "insolv2.reason." + string(kind), Args: []string{"date", date, "subject", e.Subject}}
		}
		add := func(d ProcDeadline, unverified bool) {
			d.Subject, d.From, d.Unverified = e.Subject, e.Date, unverified
			out = append(out, d)
		}
		switch e.Kind {
		case EventContestation:
			add(mkDeadline(DeadlineContestation, e.Date.AddDays(30), asOf, "C. com. L622-27", why(DeadlineContestation)), true)
		case EventDecision:
			add(mkDeadline(DeadlineAppeal, e.Date.AddDays(10), asOf, "C. com. R624-7", why(DeadlineAppeal)), true)
		case EventRevendication:
			answer := e.Date.AddMonths(1)
			add(mkDeadline(DeadlineAcquiescence, answer, asOf, "C. com. R624-13", why(DeadlineAcquiescence)), false)
			add(mkDeadline(DeadlineRevendication, answer.AddMonths(1), asOf, "C. com. R624-13", why(DeadlineRevendication)), false)
		case EventContractNotice:
			add(mkDeadline(DeadlineContract, e.Date.AddMonths(1), asOf, "C. com. L622-13", why(DeadlineContract)), false)
		case EventObservationEnd:
			add(mkDeadline(DeadlinePostOpening, e.Date.AddMonths(12), asOf, "C. com. L622-17", why(DeadlinePostOpening)), true)
		}
	}
	return out
}

// ForclusionDeadline is the last day to ask the juge-commissaire for a relevé de
// forclusion in p: 6 months from the BODACC publication, 1 year for a creditor who
// could not know its claim within those 6 months (C. com. L622-26 al. 3, R622-25).
func ForclusionDeadline(p Procedure, couldNotKnow bool) ledger.Date {
	if couldNotKnow {
		return p.BODACC.AddMonths(12)
	}
	return p.BODACC.AddMonths(6)
}

// LastEvent returns the latest recorded event of kind in p (the last recorded among
// those of the same date), and false when there is none.
func LastEvent(p Procedure, kind ProcEventKind) (ProcEvent, bool) {
	var best ProcEvent
	found := false
	for _, e := range p.Events {
		if e.Kind == kind && (!found || e.Date >= best.Date) {
			best, found = e, true
		}
	}
	return best, found
}
