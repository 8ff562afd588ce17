package law

import (
	"fmt"
	"slices"
	"strings"

	"relance/ledger"
)

// The référé-provision pack against a public buyer (issue 22): a public person can be
// the object neither of an injonction de payer nor of forced execution; its creditor
// asks the juge des référés of the tribunal administratif for a provision, which he
// may grant, even without a claim on the merits, when the existence of the obligation
// is not seriously disputable (CJA R541-1), and obtains payment of the order by
// mandatement d'office (loi 80-539 of 16 July 1980, art. 1 II; CJA L911-9).

// CheckStatus is the outcome of one condition of the référé-provision.
type CheckStatus string

// Check outcomes.
const (
	CheckOK   CheckStatus = "ok"   // met
	CheckWarn CheckStatus = "warn" // met in part, or to be checked before filing
	CheckNo   CheckStatus = "no"   // not met: the request would be turned down
)

// RefereCheck is one condition of the référé-provision with its outcome.
type RefereCheck struct {
	Status CheckStatus `json:"status"`
	Note   Note        `json:"note"`
}

// RefereLine is an item considered for the provision: an unpaid invoice whose
// undisputed open part is claimed with its interest and indemnity, an invoice paid
// late whose interest and indemnity alone are claimed, or an item left out with why.
type RefereLine struct {
	ClaimLine
	// Paid is the day the principal of an invoice paid late was settled, as the ledger
	// records it (its lettering date); NoDate for an unpaid invoice.
	Paid ledger.Date `json:"paid,omitempty"`
	// Deadline45 is the last day to pay the interest and the indemnity of an invoice
	// paid late: 45 days after the principal was paid (C. commande publique R2192-36).
	Deadline45 ledger.Date `json:"deadline_45,omitempty"`
	// Contract is the contract or order reference read in the item's label.
	Contract string `json:"contract,omitempty"`
	// Interest and Indemnity are the moratory interest at ECB + 8 points fixed and the
	// €40 of the invoice (R2192-31, L2192-13, D2192-35); LegalInterest the legal interest
	// on them when they were not paid within the 45 days (R2192-36).
	Interest      ledger.Cents `json:"interest"`
	Indemnity     ledger.Cents `json:"indemnity"`
	LegalInterest ledger.Cents `json:"legal_interest"`
	// Late are the payments of an invoice paid late made after its due date whose
	// interest the pack computes, each to its own date: those a penalty invoice billed
	// are left out.
	Late []Payment `json:"late,omitempty"`
	// BilledBy are the numbers of the penalty invoices that billed the lateness of an
	// invoice paid late; Billed the interest and indemnity they billed for it still
	// owed (claimed on their own lines, not in Interest and Indemnity).
	BilledBy []string     `json:"billed_by,omitempty"`
	Billed   ledger.Cents `json:"billed,omitempty"`
}

// Counted reports whether something of the line is claimed (its principal, the
// interest and indemnity of an invoice paid late, or through a penalty invoice still
// owed that billed them).
func (l *RefereLine) Counted() bool {
	return l.Excluded == "" || l.ClaimLine.Claimed > 0 || (l.Excluded == exclBilled && l.Billed > 0)
}

// RefereDebtor is the public body sued and what the dossier knows of it.
type RefereDebtor struct {
	Name    string `json:"name"`
	Address string `json:"address"`
	SIREN   string `json:"siren,omitempty"`
	SIRET   string `json:"siret,omitempty"`
	// Accountant is the public accountant or the payment service among its contacts,
	// "" when none is recorded.
	Accountant string `json:"accountant,omitempty"`
}

// PriorClaim is the demand for payment addressed to the public body before the
// request: the request for a sum of money is admissible only once the administration
// has decided on it (CJA R421-1, applied to the référé-provision by CE 23 Sept 2019
// n° 427923); its silence for two months on a financial demand is a rejection (CRPA
// L231-4 3°).
type PriorClaim struct {
	Notice *NoticeRef `json:"notice,omitempty"`
	// Rejection is the day the implicit rejection arises: two months after receipt
	// (the signed AR's date) or, unknown, after the letter's date.
	Rejection ledger.Date `json:"rejection,omitempty"`
}

// ReferePack is the référé-provision pack of a public buyer: the court, the parties,
// the conditions, the invoices, the décompte at ECB + 8 points fixed with €40 per
// invoice, the interest owed on interest paid late, the facts and the conclusions of
// the request, the exhibits and what to do after the order.
type ReferePack struct {
	AsOf     ledger.Date   `json:"as_of"`
	Customer string        `json:"customer"`
	Name     string        `json:"name"`
	Currency string        `json:"currency"`
	Eligible bool          `json:"eligible"`
	Checks   []RefereCheck `json:"checks"`
	Court    AdminCourt    `json:"court"`
	Debtor   RefereDebtor  `json:"debtor"`
	// Contracts are the contract or order references found in the items' labels.
	Contracts []string     `json:"contracts"`
	Lines     []RefereLine `json:"lines"`
	// Principal is the undisputed open amount of the unpaid invoices claimed.
	Principal ledger.Cents `json:"principal"`
	// PenaltyInvoices is what is claimed of the penalty invoices still owed (lines of
	// kind KindPenaltyInvoice): the interest and €40 they billed, no interest on them.
	PenaltyInvoices ledger.Cents `json:"penalty_invoices,omitempty"`
	// Decompte is the moratory interest and the €40 of the invoices claimed (unpaid to
	// the as-of date, paid late to the day of payment); nil when there are none.
	Decompte *Decompte `json:"decompte,omitempty"`
	// LateInterest is the legal interest on the interest and indemnity of invoices
	// paid late, beyond the 45 days of R2192-36; nil when none is owed.
	LateInterest  *Decompte    `json:"late_interest,omitempty"`
	Interest      ledger.Cents `json:"interest"`
	Indemnity     ledger.Cents `json:"indemnity"`
	LegalInterest ledger.Cents `json:"legal_interest"`
	// Total is the provision requested: principal, penalty invoices, interest,
	// indemnities and the legal interest on interest paid late.
	Total     ledger.Cents `json:"total"`
	Prior     PriorClaim   `json:"prior"`
	Facts     []Note       `json:"facts"`
	Documents []Document   `json:"documents"`
	// After is what follows the order: mandatement d'office (loi 80-539 art. 1 II).
	After []Note `json:"after"`
	Notes []Note `json:"notes"`
}

// RefereInput is what the pack reads besides the rates and the creditor's settings.
type RefereInput struct {
	Account *ledger.Account
	AsOf    ledger.Date
	// Open gives the items' open amounts at AsOf (credit.OpenAtMap); nil: the stored ones.
	Open ledger.OpenAtFunc
	// Disputes, when not nil, leaves out the disputed part of each item.
	Disputes Disputes
	// Interruptions are the acts interrupting the limitation of an item (loi 68-1250
	// art. 2: every written claim); nil: none.
	Interruptions InterruptionsFunc
	// Notice is the latest demand for payment sent (a formal notice), nil if none.
	Notice *NoticeRef
	// Penalties are the customer's penalty invoices issued (PenaltiesDue): the lateness
	// they billed is not computed again; each one still owed is claimed on its own line.
	Penalties []PenaltyDue
	// SkipPaidLate leaves out the invoices paid late (their interest and indemnity),
	// for a creditor who received them.
	SkipPaidLate bool
}

// BuildRefere prepares the référé-provision pack of in.Account's customer at in.AsOf
// for the creditor settings s with the rates r. A customer that is not a public body
// is refused with a Problem naming it: its route is the injonction de payer.
func BuildRefere(r *Rates, s ledger.Settings, in RefereInput) (*ReferePack, error) {
	s = s.Normalize()
	c := &in.Account.Customer
	if c.Kind != ledger.PublicBody {
		return nil, &ledger.Problem{Key: "refere.err.not_public", Args: []string{"value", c.Name, "id", c.ID,
			"kind_key", "refere.kind." + c.Kind.String()}}
	}
	p := &ReferePack{AsOf: in.AsOf, Customer: c.ID, Name: c.Name, Currency: s.Currency, Contracts: []string{},
		Lines: []RefereLine{}, Facts: []Note{}, Notes: []Note{}}
	p.Court = AdminCourtOf(c)
	p.Debtor = RefereDebtor{Name: c.Name, Address: oneLine(c.Address), SIREN: c.SIREN, SIRET: c.SIRET,
		Accountant: accountantOf(c)}
	p.Lines = refereLines(in)
	p.Contracts = contractsOf(p.Lines)
	if err := p.compute(r, in); err != nil {
		return nil, fmt.Errorf("référé-provision %s: %w", c.ID, err)
	}
	p.Prior = priorClaim(in.Notice)
	p.checks(c)
	p.Facts = p.facts(s)
	p.Documents = p.documents(in.Notice)
	p.After = []Note{{Key: "refere.after.mandatement"}, {Key: "refere.after.no_execution"}, {Key: "refere.after.verify"}}
	p.notes(s)
	return p, nil
}

// checks lists the conditions of the référé-provision and sets Eligible.
func (p *ReferePack) checks(c *ledger.Customer) {
	add := func(st CheckStatus, key string, args ...string) {
		p.Checks = append(p.Checks, RefereCheck{Status: st, Note: Note{Key: key, Args: args}})
	}
	// A public person: the administrative judge; no injonction, no forced execution.
	add(CheckOK, "refere.check.public")
	if country := strings.ToUpper(strings.TrimSpace(c.Address.Country)); country != "" && country != "FR" {
		add(CheckNo, "refere.check.abroad", "country", country)
	}

	// CJA R541-1: the existence of the obligation must not be seriously disputable; the
	// disputed part is left out.
	var disputed, barred ledger.Cents
	for _, l := range p.Lines {
		switch l.Excluded {
		case "law.ip.excl.disputed":
			disputed += l.Open - l.ClaimLine.Claimed
		case "law.ip.excl.limitation":
			barred += l.Open
		}
	}
	switch {
	case p.Total <= 0 && disputed > 0:
		add(CheckNo, "refere.check.disputed_all", "amount", disputed.String())
	case p.Total <= 0:
		add(CheckNo, "refere.check.nothing")
	default:
		add(CheckOK, "refere.check.amount", "amount", p.Total.String())
		if disputed > 0 {
			add(CheckWarn, "refere.check.disputed_part", "amount", disputed.String())
		} else {
			add(CheckOK, "refere.check.undisputed")
		}
	}

	// Loi 68-1250 art. 1: four years from 1 January after the year the right arose.
	if barred > 0 {
		add(CheckWarn, "refere.check.limitation_part", "amount", barred.String())
	} else {
		add(CheckOK, "refere.check.limitation_ok")
	}

	// CJA R421-1: a decision of the administration on a prior demand for payment.
	switch pc := p.Prior; {
	case pc.Notice == nil:
		add(CheckNo, "refere.check.prior_none")
	case pc.Rejection <= p.AsOf:
		add(CheckOK, "refere.check.prior_rejected", "date", pc.Notice.Date.String(), "rejection", pc.Rejection.String())
	default:
		// The decision may arise while the request is pending, as long as it exists
		// before the judge rules (CE avis 27 March 2019 n° 426472).
		add(CheckWarn, "refere.check.prior_pending", "date", pc.Notice.Date.String(), "rejection", pc.Rejection.String())
	}
	p.Eligible = true
	for _, ck := range p.Checks {
		if ck.Status == CheckNo {
			p.Eligible = false
		}
	}
}

// priorClaim dates the implicit rejection of the demand for payment n: two months
// after its receipt, or its date when the receipt is unknown (CRPA L231-4 3°).
func priorClaim(n *NoticeRef) PriorClaim {
	if n == nil || !n.Date.Valid() {
		return PriorClaim{}
	}
	from := n.Date
	if n.Receipt.Valid() {
		from = n.Receipt
	}
	return PriorClaim{Notice: n, Rejection: from.AddMonths(2)}
}

// notes are the procedure's rules the user must know, and what is missing.
func (p *ReferePack) notes(s ledger.Settings) {
	if strings.TrimSpace(s.Representative.Name) == "" {
		p.Notes = append(p.Notes, Note{Key: "law.ip.note.rep_missing"})
	}
	p.Notes = append(p.Notes,
		Note{Key: "refere.note.lawyer"},     // service-public.fr F2556
		Note{Key: "refere.note.no_urgency"}, // CJA R541-1
		Note{Key: "refere.note.appeal"},     // CJA R541-3
		Note{Key: "refere.note.running", Args: []string{"date", p.AsOf.String()}})
	if p.hasPaidLate() {
		p.Notes = append(p.Notes, Note{Key: "refere.note.paid_date"})
	}
	if len(p.penaltyLines()) > 0 {
		p.Notes = append(p.Notes, Note{Key: "refere2.note.penalty_invoices"})
	}
	for _, l := range p.Lines {
		if l.Kind == KindPenaltyInvoice && l.Excluded == exclPenaltyWithin45 {
			p.Notes = append(p.Notes, Note{Key: "refere2.note.penalty_within45", Args: []string{"number", l.Number,
				"amount", (l.Open - l.ClaimLine.Claimed).String()}})
		}
	}
	p.Notes = append(p.Notes, Note{Key: "refere.note.receipt"}) // R2192-12
}

func (p *ReferePack) hasPaidLate() bool {
	for _, l := range p.Lines {
		if l.Paid.Valid() && l.Excluded == "" {
			return true
		}
	}
	return false
}

// refereDateArgs are the names of the date arguments of the pack's notes.
var refereDateArgs = []string{"date", "from", "to", "due", "paid", "rejection"}

// Text renders a note of the pack in lang, its amounts and dates written the
// language's way (FormatNote; the dates under any of refereDateArgs).
func (p *ReferePack) Text(n Note, lang string) string {
	args := slices.Clone(n.Args)
	for i := 0; i+1 < len(args); i += 2 {
		if slices.Contains(refereDateArgs, args[i]) {
			if d, err := ledger.ParseDate(args[i+1]); err == nil {
				args[i+1] = FormatDate(lang, d)
			}
		}
	}
	return FormatNote(Note{Key: n.Key, Args: args}, lang, p.Currency)
}

// DocText renders an exhibit of the pack in lang.
func (p *ReferePack) DocText(d Document, lang string) string {
	return p.Text(Note{Key: d.Key, Args: d.Args}, lang)
}
