package law

import (
	"sort"
	"strings"

	"relance/ledger"
)

// ProcedureKind is the kind of a collective insolvency procedure opened against a
// customer (C. com. Book VI).
type ProcedureKind string

// Procedure kinds.
const (
	Sauvegarde   ProcedureKind = "sauvegarde"   // C. com. L620-1 ff.
	Redressement ProcedureKind = "redressement" // redressement judiciaire: C. com. L631-1 ff.
	Liquidation  ProcedureKind = "liquidation"  // liquidation judiciaire: C. com. L640-1 ff.
)

// ProcedureKinds lists the kinds in the order of the Code.
var ProcedureKinds = []ProcedureKind{Sauvegarde, Redressement, Liquidation}

// ParseProcedureKind parses "sauvegarde", "redressement" or "liquidation" (and the
// short forms "rj" and "lj").
func ParseProcedureKind(s string) (ProcedureKind, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "sauvegarde", "safeguard":
		return Sauvegarde, true
	case "redressement", "rj", "receivership":
		return Redressement, true
	case "liquidation", "lj":
		return Liquidation, true
	}
	return "", false
}

// Procedure is an insolvency judgment recorded against a customer: the dates every
// creditor deadline is counted from and the persons a claim is sent to.
type Procedure struct {
	ID       string        `json:"id"` // "J2026-0001", given by the store
	Customer string        `json:"customer"`
	Kind     ProcedureKind `json:"kind"`
	Judgment ledger.Date   `json:"judgment"` // date of the opening judgment
	// BODACC is the date the opening judgment was published in the BODACC: the claim
	// filing, relevé de forclusion and retention-of-title periods run from it.
	BODACC ledger.Date `json:"bodacc"`
	Court  string      `json:"court,omitempty"` // e.g. "Tribunal de commerce de Lyon"
	// Mandataire is the mandataire judiciaire (the liquidateur in a liquidation) who
	// receives the claims (C. com. L622-24).
	Mandataire        string         `json:"mandataire"`
	MandataireAddress ledger.Address `json:"mandataire_address"`
	// Administrator is the administrateur judiciaire, if one was appointed: the
	// retention-of-title claim is sent to him (C. com. R624-13).
	Administrator        string         `json:"administrator,omitempty"`
	AdministratorAddress ledger.Address `json:"administrator_address"`
	// Abroad: the creditor does not reside in metropolitan France, which adds 2 months
	// to the claim filing period (C. com. R622-24).
	Abroad bool `json:"abroad,omitempty"`
	// Recorded is the day the procedure was entered, By who entered it.
	Recorded ledger.Date `json:"recorded,omitempty"`
	By       string      `json:"by,omitempty"`
	Note     string      `json:"note,omitempty"`
	// Events are the dated events the creditor recorded since (a contestation
	// received, a decision notified…): the follow-up steps run from them
	// (EventDeadlines). Procedures stored before they existed have none.
	Events []ProcEvent `json:"events,omitempty"`
}

// Validate checks a procedure before it is stored and names the first bad field.
func (p *Procedure) Validate() error {
	label := p.ID
	if label == "" {
		label = p.Customer
	}
	bad := func(field, value string) error {
		return &ledger.Problem{Key: "law.proc.err.field", Args: []string{"id", label, "field", field, "value", value}}
	}
	switch {
	case strings.TrimSpace(p.Customer) == "":
		return bad("customer", p.Customer)
	case p.Kind != Sauvegarde && p.Kind != Redressement && p.Kind != Liquidation:
		return bad("kind", string(p.Kind))
	case !p.Judgment.Valid():
		return bad("judgment", "")
	case !p.BODACC.Valid():
		return bad("bodacc", "")
	case strings.TrimSpace(p.Mandataire) == "":
		return bad("mandataire", p.Mandataire)
	}
	if p.BODACC < p.Judgment {
		return &ledger.Problem{Key: "law.proc.err.bodacc_before", Args: []string{"id", label,
			"bodacc", p.BODACC.String(), "judgment", p.Judgment.String()}}
	}
	for _, e := range p.Events {
		if err := ValidateEvent(p, e, ledger.NoDate); err != nil {
			return err
		}
	}
	return nil
}

// ProcDeadlineKind names a creditor's deadline in a procedure.
type ProcDeadlineKind string

// Creditor deadlines in a collective procedure.
const (
	DeadlineClaim      ProcDeadlineKind = "claim"      // déclaration de créance
	DeadlineForclusion ProcDeadlineKind = "forclusion" // relevé de forclusion
	DeadlineRetention  ProcDeadlineKind = "retention"  // revendication (retention of title)
)

// ProcLevel is how close a procedure deadline is.
type ProcLevel string

// Procedure deadline levels, from the most to the least urgent.
const (
	ProcExpired ProcLevel = "expired" // passed
	ProcUrgent  ProcLevel = "urgent"  // 15 days or less left
	ProcSoon    ProcLevel = "soon"    // 30 days or less left
	ProcOK      ProcLevel = "ok"
)

// Urgency orders levels for sorting: expired first.
func (l ProcLevel) Urgency() int {
	switch l {
	case ProcExpired:
		return 0
	case ProcUrgent:
		return 1
	case ProcSoon:
		return 2
	}
	return 3
}

// ProcDeadline is one deadline of a procedure at an as-of date, with its rule.
type ProcDeadline struct {
	Kind     ProcDeadlineKind `json:"kind"`
	Date     ledger.Date      `json:"date"` // last day to act
	DaysLeft int              `json:"days_left"`
	Level    ProcLevel        `json:"level"`
	Rule     string           `json:"rule"`
	Reason   Note             `json:"reason"`
	// Subject and From are, for a step that runs from a recorded event, what the
	// event is about (the contract…) and its date.
	Subject string      `json:"subject,omitempty"`
	From    ledger.Date `json:"from,omitempty"`
	// Unverified marks a rule the project's legal reference does not source: the
	// screens show it « à vérifier ».
	Unverified bool `json:"unverified,omitempty"`
}

// ProcedureDeadlines returns the creditor's deadlines of p at asOf, in date order:
//   - claim filing: 2 months from the BODACC publication, 4 when the creditor does
//     not reside in metropolitan France (C. com. L622-24, R622-24);
//   - retention-of-title claim: 3 months from the BODACC publication (C. com. L624-9);
//   - relevé de forclusion: 6 months from the BODACC publication (C. com. L622-26 al. 3,
//     R622-25); once they have passed, 1 year for a creditor who could not know its
//     claim within them (same article);
//   - the steps that run from the events recorded on p (EventDeadlines).
//
// Periods in months end on the same day of the last month (CPC 641-642), clamped to
// the month's last day.
func ProcedureDeadlines(p Procedure, asOf ledger.Date) []ProcDeadline {
	if !p.BODACC.Valid() {
		return nil
	}
	claimMonths, claimKey := 2, "law.proc.reason.claim"
	if p.Abroad {
		claimMonths, claimKey = 4, "law.proc.reason.claim_abroad" // C. com. R622-24 al. 1: + 2 months
	}
	bodacc := p.BODACC.String()
	out := []ProcDeadline{
		mkDeadline(DeadlineClaim, p.BODACC.AddMonths(claimMonths), asOf, "C. com. L622-24, R622-24",
			Note{Key: claimKey, Args: []string{"date", bodacc}}),
		mkDeadline(DeadlineRetention, p.BODACC.AddMonths(3), asOf, "C. com. L624-9",
			Note{Key: "law.proc.reason.retention", Args: []string{"date", bodacc}}),
		mkDeadline(DeadlineForclusion, ForclusionDeadline(p, false), asOf, "C. com. L622-26, R622-25",
			Note{Key: "law.proc.reason.forclusion", Args: []string{"date", bodacc}}),
	}
	if short := ForclusionDeadline(p, false); asOf > short {
		// the 6 months have passed: a creditor who could not know its claim still has
		// until 1 year (C. com. L622-26 al. 3)
		out = append(out, mkDeadline(DeadlineForclusionLong, ForclusionDeadline(p, true), asOf, "C. com. L622-26, R622-25",
			Note{Key: "insolv2.reason.forclusion_long", Args: []string{"date", bodacc}}))
	}
	out = append(out, EventDeadlines(p, asOf)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

func mkDeadline(k ProcDeadlineKind, date, asOf ledger.Date, rule string, why Note) ProcDeadline {
	d := ProcDeadline{Kind: k, Date: date, DaysLeft: date.DaysSince(asOf), Rule: rule, Reason: why}
	switch {
	case d.DaysLeft < 0:
		d.Level = ProcExpired
	case d.DaysLeft <= 15:
		d.Level = ProcUrgent
	case d.DaysLeft <= 30:
		d.Level = ProcSoon
	default:
		d.Level = ProcOK
	}
	return d
}

// Next returns the first deadline of p not yet passed at asOf (the relevé de
// forclusion once the others have passed), and false when all have passed.
func Next(p Procedure, asOf ledger.Date) (ProcDeadline, bool) {
	for _, d := range ProcedureDeadlines(p, asOf) {
		if d.Level != ProcExpired {
			return d, true
		}
	}
	return ProcDeadline{}, false
}

// Active returns the procedure of a customer that governs its account at asOf: the
// latest one whose judgment is on or before asOf (a liquidation following a
// redressement replaces it), or nil.
func Active(procs []Procedure, customer string, asOf ledger.Date) *Procedure {
	var best *Procedure
	for i := range procs {
		p := &procs[i]
		if p.Customer != customer || p.Judgment > asOf {
			continue
		}
		if best == nil || p.Judgment > best.Judgment || (p.Judgment == best.Judgment && p.ID > best.ID) {
			best = p
		}
	}
	return best
}

// InterestStop is the last day interest runs on customer's claims when the décompte is
// wanted up to end: the day before the opening judgment of the procedure governing the
// account at end, if any (the judgment takes effect on its date at 0 h and stops the
// course of interest: C. com. L622-28 al. 1). It returns end and nil when no procedure
// stops it.
func InterestStop(procs []Procedure, customer string, end ledger.Date) (ledger.Date, *Procedure) {
	p := Active(procs, customer, end)
	if p == nil || end < p.Judgment {
		return end, nil
	}
	return OpeningEve(p), p
}

// OpeningEve is the last day before p's opening judgment, when interest stops.
func OpeningEve(p *Procedure) ledger.Date { return p.Judgment.AddDays(-1) }
