// Package overindebt keeps a consumer customer's over-indebtedness file (dossier de
// surendettement, C. consom. Livre VII) and says what it changes for the creditor at
// an as-of date: whether reminders are held, whether late penalties are frozen and
// from when, and the creditor's deadlines (the justification of the claim after the
// état du passif is notified, the limit of the suspension).
//
// Relance's choices, stated once:
//
//   - Reminders are held from the filing date the user enters (not only from the
//     admissibility): the debtor has asked the commission for help, the commission
//     will most often admit the file, and once admitted the debtor may not pay any
//     prior debt (C. consom. L722-5) nor may the creditor enforce (L722-2). They
//     resume only when the file is refused or closed without measures. The hold covers
//     the whole account, invoices issued after the admissibility included: those are new
//     debts the debtor must pay (L722-5 forbids paying the prior ones only) and are not
//     declared to the commission (BuildClaim: Later); Relance leaves them to a call,
//     not to the reminder scenario.
//   - Late penalties and interest are frozen from the admissibility date, as the law
//     says (C. consom. L722-14 [to verify the article number]: the debts in the
//     commission's état d'endettement bear no interest nor late penalties from the
//     admissibility until the measures are applied): the décompte stops on its eve, and
//     stays stopped whatever follows, since the plan or the imposed measures decide the
//     interest (L733-1, L733-4) and a rétablissement personnel erases the debts (L741-2,
//     L742-22). A file refused before admissibility freezes nothing.
//
// Nothing here reads the clock: every answer takes its as-of date.
package overindebt

import (
	"strings"

	"relance/ledger"
)

// Outcome is how the commission (or the judge) ended a file.
type Outcome string

// Outcomes of a file.
const (
	// OutcomeNone: the file is running.
	OutcomeNone Outcome = ""
	// Refused: the commission declared the file inadmissible (irrecevable, C. consom.
	// L722-1 [to verify]); reminders may resume.
	Refused Outcome = "refused"
	// Plan: a plan conventionnel de redressement approved by the debtor and the
	// creditors (C. consom. L732-1); the creditor is paid by the plan's instalments.
	Plan Outcome = "plan"
	// Measures: measures imposed by the commission (rescheduling, reduced interest,
	// suspension, C. consom. L733-1, L733-4).
	Measures Outcome = "measures"
	// RPWithout: rétablissement personnel sans liquidation judiciaire: the non-
	// professional debts are erased (C. consom. L741-2).
	RPWithout Outcome = "rp"
	// RPLiquidation: rétablissement personnel avec liquidation judiciaire, opened by
	// the judge (C. consom. L742-1 ff.): the claims are declared to the liquidator
	// (mandataire) within 2 months of the judgment's publication (C. consom. R742-11
	// [to verify]); what is left is erased at the closing (L742-22).
	RPLiquidation Outcome = "rp_liquidation"
	// Closed: the file closed without measures (withdrawn by the debtor, lapsed):
	// reminders may resume.
	Closed Outcome = "closed"
)

// Outcomes lists the outcomes in the order of the procedure.
var Outcomes = []Outcome{Refused, Plan, Measures, RPWithout, RPLiquidation, Closed}

// ParseOutcome parses an outcome's name; "" and "none" are the running file.
func ParseOutcome(s string) (Outcome, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || s == "none" {
		return OutcomeNone, true
	}
	for _, o := range Outcomes {
		if string(o) == s {
			return o, true
		}
	}
	return OutcomeNone, false
}

// Case is a consumer customer's over-indebtedness file as the creditor knows it: the
// commission, the file's reference, the dates of its steps, the claim as the debtor
// declared it and as the creditor justified it, the outcome.
type Case struct {
	Customer string `json:"customer"`
	// Commission is the commission de surendettement des particuliers (its secretariat
	// is held by the Banque de France, C. consom. L712-4 [to verify]) and its address:
	// the justification of the claim is sent there.
	Commission        string         `json:"commission"`
	CommissionAddress ledger.Address `json:"commission_address"`
	// Ref is the file's reference given by the commission's secretariat.
	Ref string `json:"ref,omitempty"`
	// Filed is the date the debtor filed (dépôt du dossier, C. consom. L721-1).
	Filed ledger.Date `json:"filed"`
	// Admitted is the date of the decision declaring the file admissible (recevable).
	Admitted ledger.Date `json:"admitted,omitempty"`
	// Notified is the date the commission notified the creditor of the état du passif:
	// the 30 days to justify the claim run from it.
	Notified ledger.Date `json:"notified,omitempty"`
	// DebtorAmount is the creditor's claim as the debtor declared it in the état du
	// passif; 0: not known.
	DebtorAmount ledger.Cents `json:"debtor_amount,omitempty"`
	// Justified is the amount the creditor justified to the commission (the principal
	// of the letter issued) and JustifiedOn the letter's date; set when the letter is
	// issued.
	Justified   ledger.Cents `json:"justified,omitempty"`
	JustifiedOn ledger.Date  `json:"justified_on,omitempty"`
	// Outcome is how the file ended, at OutcomeDate.
	Outcome     Outcome     `json:"outcome,omitempty"`
	OutcomeDate ledger.Date `json:"outcome_date,omitempty"`
	Note        string      `json:"note,omitempty"`
	// Recorded is the day the file was last entered or changed, By who did it.
	Recorded ledger.Date `json:"recorded,omitempty"`
	By       string      `json:"by,omitempty"`
}

// Validate checks a file before it is stored for customer c (its record): only a
// consumer can file (C. consom. L711-1: a natural person's non-professional debts),
// and the steps must come in their order. It names the first bad field and its value.
func (k *Case) Validate(c *ledger.Customer) error {
	bad := func(field, value string) error {
		if value != "" { // the value typed, quoted after the field
			value = " (" + value + ")"
		}
		return &ledger.Problem{Key: "overindebt.err.field", Args: []string{"customer", k.Customer, "field_key", "overindebt.field." + field, "value", value}}
	}
	order := func(field string, d, after ledger.Date, afterField string) error {
		if d.Valid() && after.Valid() && d < after {
			return &ledger.Problem{Key: "overindebt.err.order", Args: []string{"customer", k.Customer,
				"field_key", "overindebt.field." + field, "start", d.String(), "other_key", "overindebt.field." + afterField, "date", after.String()}}
		}
		return nil
	}
	switch {
	case strings.TrimSpace(k.Customer) == "":
		return bad("customer", k.Customer)
	case c == nil || c.ID != k.Customer:
		return &ledger.Problem{Key: "overindebt.err.customer", Args: []string{"value", k.Customer}}
	case c.Kind != ledger.Consumer:
		// C. consom. L711-1: the procedure is open to natural persons for their non-
		// professional debts; a business goes to the commercial court (C. com. Livre VI).
		return &ledger.Problem{Key: "overindebt.err.business", Args: []string{"customer", c.Name, "kind_key", "overindebt.kind." + c.Kind.String()}}
	case strings.TrimSpace(k.Commission) == "":
		return bad("commission", k.Commission)
	case !k.Filed.Valid():
		return bad("filed", "")
	case k.DebtorAmount < 0:
		return bad("debtor_amount", k.DebtorAmount.String())
	case k.Justified < 0:
		return bad("justified", k.Justified.String())
	}
	if _, ok := ParseOutcome(string(k.Outcome)); !ok {
		return bad("outcome", string(k.Outcome))
	}
	if k.Outcome != OutcomeNone && !k.OutcomeDate.Valid() {
		return bad("outcome_date", "")
	}
	if k.Outcome == OutcomeNone && k.OutcomeDate.Valid() {
		return bad("outcome", "")
	}
	if k.Outcome == Refused && k.Admitted.Valid() {
		// an admitted file is not refused afterwards: it is closed
		return &ledger.Problem{Key: "overindebt.err.refused_admitted", Args: []string{"customer", k.Customer, "date", k.Admitted.String()}}
	}
	if !k.Admitted.Valid() && (k.Outcome == Plan || k.Outcome == Measures || k.Outcome == RPWithout || k.Outcome == RPLiquidation) {
		// a plan, measures or a rétablissement follow an admitted file (C. consom. L724-1)
		return bad("admitted", "")
	}
	if k.Notified.Valid() && !k.Admitted.Valid() {
		// the état du passif comes with or after the admissibility (C. consom. L723-2 [to verify])
		return bad("admitted", "")
	}
	for _, e := range []error{
		order("admitted", k.Admitted, k.Filed, "filed"),
		order("notified", k.Notified, k.Admitted, "admitted"),
		order("outcome_date", k.OutcomeDate, k.Filed, "filed"),
		order("outcome_date", k.OutcomeDate, k.Admitted, "admitted"),
		order("justified_on", k.JustifiedOn, k.Filed, "filed"),
	} {
		if e != nil {
			return e
		}
	}
	return nil
}
