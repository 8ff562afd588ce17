package dunning

import (
	"slices"
	"strings"

	"relance/ledger"
	"relance/ledger/law"
)

// The register of limitation interruptions and suspensions holds the acts the dossier
// cannot see by itself — an acknowledgement of debt, a part payment, a payment plan
// signed outside Relance, a claim filed in court, the service of an injonction de
// payer, an enforcement act, a mediation, a written claim to a public body, a letter
// of the public body, a claim filed in an insolvency — each with its date, its proof
// and who recorded it. Records.Interruptions counts them with the payment plans and the
// letters issued. The register is append-only: a record is written once; only the end
// of a lasting act (proceedings, mediation, insolvency procedure) may be added, once.
// A mistake is corrected by a later record that replaces it (Replaces), or withdrawn
// by a later record that says why (Withdrawn): the earlier one stays, no longer counted.

// InsolvencyClaim is a claim filed in a customer's insolvency (déclaration de créance,
// C. com. L622-24): a demand in justice that interrupts the limitation period until
// the procedure is closed (C. civ. 2241, 2242; legal-fr §5, §7). It counts as a
// law.LegalAction whose End is the closing of the procedure.
const InsolvencyClaim law.InterruptionKind = "insolvency_claim"

// ClaimFilingStage is the stage a claim-filing letter issued from Relance is archived
// under (letters/insolvency.ClaimStage): its history action counts as an
// InsolvencyClaim (Records.Interruptions), not as a reminder.
const ClaimFilingStage = "ins_claim"

// RegisterKinds returns the kinds the register records, in the order a form offers them.
func RegisterKinds() []law.InterruptionKind {
	return []law.InterruptionKind{law.Acknowledgement, law.PartPayment, law.PaymentPlan, law.LegalAction,
		law.InjunctionServed, law.Enforcement, law.Mediation, law.WrittenClaim, law.AdminLetter, InsolvencyClaim}
}

// ParseRegisterKind reads a kind as the command line writes it ("acknowledgement",
// "legal_action"…; a dash for the underscore is accepted).
func ParseRegisterKind(s string) (law.InterruptionKind, bool) {
	k := law.InterruptionKind(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "_"))
	return k, slices.Contains(RegisterKinds(), k)
}

// LawKind is the kind the limitation computation counts for a register kind: a claim
// filed in an insolvency is a legal action (C. civ. 2241).
func LawKind(k law.InterruptionKind) law.InterruptionKind {
	if k == InsolvencyClaim {
		return law.LegalAction
	}
	return k
}

// Lasting reports whether an act of kind k lasts until an end recorded later — the
// proceedings (C. civ. 2242), the mediation (C. civ. 2238), the insolvency procedure —
// and goes on while it has none.
func Lasting(k law.InterruptionKind) bool {
	return k == law.LegalAction || k == law.Mediation || k == InsolvencyClaim
}

// Endable reports whether an act of kind k may be given an end date: a lasting act, or
// the service of an injonction followed by opposition proceedings (their end).
func Endable(k law.InterruptionKind) bool { return Lasting(k) || k == law.InjunctionServed }

// InterruptionRecord is one act of the register.
type InterruptionRecord struct {
	ID       string               `json:"id"` // "IP2026-000001", given by the store
	Customer string               `json:"customer"`
	Kind     law.InterruptionKind `json:"kind"`
	Date     ledger.Date          `json:"date"` // the day of the act
	// End is the day a lasting act ended (the decision became final, the mediation was
	// declared over, the procedure was closed); NoDate while it goes on.
	End ledger.Date `json:"end,omitempty"`
	// Items are the IDs of the items it concerns; none: all of the customer's items.
	Items []string `json:"items,omitempty"`
	// Proof is where the act can be found: the LRAR's number, the court's docket
	// number, the bailiff's act, a file name.
	Proof string `json:"proof,omitempty"`
	Note  string `json:"note,omitempty"`
	// Procedure is, for an insolvency claim, the recorded procedure it was filed in.
	Procedure string `json:"procedure,omitempty"`
	// Replaces is the ID of the earlier record this one corrects (or, Withdrawn,
	// withdraws): that one is no longer counted.
	Replaces string `json:"replaces,omitempty"`
	// Withdrawn: this record only withdraws the one it Replaces (entered by mistake),
	// for the reason in Note; it counts for nothing itself.
	Withdrawn bool        `json:"withdrawn,omitempty"`
	By        string      `json:"by"`
	Recorded  ledger.Date `json:"recorded"` // the day it was entered
	// EndBy and EndRecorded are who entered the end and when.
	EndBy       string      `json:"end_by,omitempty"`
	EndRecorded ledger.Date `json:"end_recorded,omitempty"`
}

// Validate checks a record before it is stored, against a debtor of kind k, entered at
// asOf: a customer, a kind of the register, a date not after asOf, an end only for an
// act that can have one, neither before the act nor after asOf; a withdrawal says why.
// An act that does not interrupt against this debtor is refused with the reason: a
// written claim or formal notice against a private debtor (Cass. com. 18 May 2022
// n°20-23.204), a letter of the administration from a private debtor (loi 68-1250 art.
// 2 applies to public bodies only), an enforcement act against a public body (its
// property cannot be seized), a claim in an insolvency of a public body (collective
// procedures are for private persons: C. com. L620-2, L631-2, L640-2).
func (r *InterruptionRecord) Validate(k ledger.CustomerKind, asOf ledger.Date) error {
	bad := func(field, value string) error {
		return &ledger.Problem{Key: "interrupt.err.field", Args: []string{"field_key", "interrupt.field." + field, "value", value}}
	}
	kindArgs := []string{"kind_key", "interrupt.kind." + string(r.Kind)}
	switch {
	case strings.TrimSpace(r.Customer) == "":
		return bad("customer", r.Customer)
	case !slices.Contains(RegisterKinds(), r.Kind):
		return &ledger.Problem{Key: "interrupt.err.kind", Args: []string{"value", string(r.Kind)}}
	case !r.Date.Valid():
		return bad("date", "")
	case r.Date > asOf:
		return &ledger.Problem{Key: "interrupt.err.future", Args: []string{"date", r.Date.French(), "at", asOf.French()}}
	case r.Withdrawn && (r.Replaces == "" || strings.TrimSpace(r.Note) == ""):
		return &ledger.Problem{Key: "interrupt.err.withdraw_reason", Args: []string{"id", r.Replaces}}
	}
	if r.End.Valid() {
		switch {
		case !Endable(r.Kind):
			return &ledger.Problem{Key: "interrupt.err.no_end", Args: kindArgs}
		case r.End < r.Date:
			return &ledger.Problem{Key: "interrupt.err.end_before", Args: []string{"end", r.End.French(), "date", r.Date.French()}}
		case r.End > asOf:
			return &ledger.Problem{Key: "interrupt.err.end_future", Args: []string{"end", r.End.French(), "at", asOf.French()}}
		}
	}
	if r.Withdrawn {
		return nil
	}
	public := k == ledger.PublicBody
	switch {
	case !public && r.Kind == law.WrittenClaim:
		return &ledger.Problem{Key: "interrupt.err.private_written_claim", Args: kindArgs}
	case !public && r.Kind == law.AdminLetter:
		return &ledger.Problem{Key: "interrupt.err.public_only", Args: kindArgs}
	case public && r.Kind == law.Enforcement:
		return &ledger.Problem{Key: "interrupt.err.public_enforcement", Args: kindArgs}
	case public && r.Kind == InsolvencyClaim:
		return &ledger.Problem{Key: "interrupt.err.public_insolvency", Args: kindArgs}
	}
	return nil
}

// Same reports whether r and o record the same act: same customer, kind, date and
// items (in any order).
func (r *InterruptionRecord) Same(o *InterruptionRecord) bool {
	if r.Customer != o.Customer || r.Kind != o.Kind || r.Date != o.Date || len(r.Items) != len(o.Items) {
		return false
	}
	a, b := slices.Clone(r.Items), slices.Clone(o.Items)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// RegisterStatus is where a record of the register stands.
type RegisterStatus string

// Register statuses.
const (
	RegCounted    RegisterStatus = "counted"    // an act of a day, counted
	RegOngoing    RegisterStatus = "ongoing"    // a lasting act without its end yet: it goes on
	RegEnded      RegisterStatus = "ended"      // a lasting act with its end
	RegReplaced   RegisterStatus = "replaced"   // corrected by a later record (ReplacedBy)
	RegWithdrawn  RegisterStatus = "withdrawn"  // withdrawn by a later record (ReplacedBy)
	RegWithdrawal RegisterStatus = "withdrawal" // the record that withdraws another
)

// RegisterEntry is a record of the register with where it stands.
type RegisterEntry struct {
	InterruptionRecord
	Status     RegisterStatus `json:"status"`
	ReplacedBy string         `json:"replaced_by,omitempty"` // the record that corrected or withdrew it
}

// Counts reports whether the entry is counted in the limitation computation.
func (e *RegisterEntry) Counts() bool {
	return e.Status == RegCounted || e.Status == RegOngoing || e.Status == RegEnded
}

// Register returns the records with their status, in the order given.
func Register(recs []InterruptionRecord) []RegisterEntry {
	by := map[string]*InterruptionRecord{} // record ID → the record that replaces it
	for i := range recs {
		if r := &recs[i]; r.Replaces != "" {
			by[r.Replaces] = r
		}
	}
	out := make([]RegisterEntry, 0, len(recs))
	for _, r := range recs {
		e := RegisterEntry{InterruptionRecord: r, Status: RegCounted}
		switch later := by[r.ID]; {
		case r.Withdrawn:
			e.Status = RegWithdrawal
		case later != nil && later.Withdrawn:
			e.Status, e.ReplacedBy = RegWithdrawn, later.ID
		case later != nil:
			e.Status, e.ReplacedBy = RegReplaced, later.ID
		case Lasting(r.Kind) && !r.End.Valid():
			e.Status = RegOngoing
		case r.End.Valid():
			e.Status = RegEnded
		}
		out = append(out, e)
	}
	return out
}
