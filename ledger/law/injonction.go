package law

import (
	"slices"
	"strings"

	"relance/ledger"
)

// Route is the court procedure suited to a claim.
type Route string

// Routes for recovering a claim through the courts (legal-fr §6).
const (
	RouteInjonction Route = "injonction"     // injonction de payer: CPC 1405 ff.
	RouteEuropean   Route = "european_order" // European order for payment: Reg. (EC) 1896/2006
	RouteSmallEU    Route = "european_small" // European small claims: Reg. (EC) 861/2007, ≤ €5,000
	RouteSimplified Route = "simplified"     // small-claims recovery by a commissaire de justice: CPCE L125-1
	RouteRefere     Route = "refere"         // référé-provision: CPC 873 al. 2 / 835 al. 2
	RouteMerits     Route = "merits"         // action on the merits (assignation au fond)
	RouteCheque     Route = "cheque"         // unpaid cheque certificate: CMF L131-73
	RouteClaim      Route = "claim_filing"   // claim filing in a collective procedure: C. com. L622-24
	RouteForeign    Route = "foreign"        // the debtor's own courts (outside the EU)
	RouteAdmin      Route = "admin_refere"   // public body: référé-provision before the administrative court, CJA R541-1
	RouteNone       Route = "none"           // nothing to claim
)

// Check is one condition of the eligibility check with its outcome.
type Check struct {
	OK   bool `json:"ok"`
	Note Note `json:"note"`
}

// Eligibility says whether an injonction de payer can be requested, and otherwise
// which route to take, with the reasons.
type Eligibility struct {
	Eligible     bool    `json:"eligible"`
	Route        Route   `json:"route"`
	Alternatives []Route `json:"alternatives"`
	Checks       []Check `json:"checks"`
}

// Disputes tells how much of an item is in dispute at a date; *dispute.Index is one.
type Disputes interface {
	DisputedAmount(it *ledger.Item, asOf ledger.Date) ledger.Cents
}

// ClaimLine is an item considered for an injonction request, with the part claimed
// and, when some of it is left out, why.
type ClaimLine struct {
	Item     string       `json:"item"`
	Number   string       `json:"number"`
	Kind     string       `json:"kind"`
	DocDate  ledger.Date  `json:"doc_date"`
	DueDate  ledger.Date  `json:"due_date"`
	Amount   ledger.Cents `json:"amount"`
	Open     ledger.Cents `json:"open"`
	Claimed  ledger.Cents `json:"claimed"`            // open minus what is left out
	Excluded string       `json:"excluded,omitempty"` // i18n key of the reason, when something is left out
}

// IPInput is what the eligibility check and the pack read besides the dossier.
type IPInput struct {
	Customer *ledger.Customer
	Items    []ledger.Item
	AsOf     ledger.Date
	// Creditor country (ISO alpha-2) of the dossier; "" means FR.
	Country string
	// Disputes, when not nil, excludes the disputed part of each item.
	Disputes Disputes
	// Insolvent: a collective procedure is open against the customer.
	Insolvent bool
	// Damages: the creditor also claims damages not fixed by the contract, which an
	// injonction cannot grant (CPC 1405: a determined amount only).
	Damages bool
	// ConsumerCreditOrLease: the claim arises from a consumer credit or a residential
	// lease (juge des contentieux de la protection, CPC 1406 and COJ L213-4-3 ff.).
	ConsumerCreditOrLease bool
	// Interruptions of the limitation period recorded for the customer, counted for
	// every item.
	Interruptions []Interruption
	// InterruptionsOf, when not nil, adds the interruptions recorded for each item (the
	// dossier's payment plans, letters and register: dunning.Records.Interruptions).
	InterruptionsOf InterruptionsFunc
	// Penalties are the customer's penalty invoices issued (PenaltiesDue): each one
	// still owed is claimed on its own line, and the indemnities they billed are not
	// claimed again.
	Penalties []PenaltyDue
}

// EU member states where Reg. (EC) 1896/2006 applies: all but Denmark (art. 2 §3).
var euOrderStates = map[string]bool{"AT": true, "BE": true, "BG": true, "CY": true, "CZ": true, "DE": true, "EE": true,
	"ES": true, "FI": true, "GR": true, "EL": true, "HR": true, "HU": true, "IE": true, "IT": true, "LT": true, "LU": true,
	"LV": true, "MT": true, "NL": true, "PL": true, "PT": true, "RO": true, "SE": true, "SI": true, "SK": true}

// InEUOrderState reports whether country (ISO alpha-2) applies the European order for
// payment.
func InEUOrderState(country string) bool { return euOrderStates[strings.ToUpper(country)] }

// SmallClaimLimit is the ceiling of both the French simplified procedure (CPCE L125-1,
// R125-1, since 1 Jan 2020) and the European small claims procedure (Reg. 861/2007 as
// amended by 2015/2421): €5,000.
const SmallClaimLimit ledger.Cents = 500000

// claimLines sorts the customer's open debit items into what can be claimed by an
// injonction (overdue, determined, undisputed, not time-barred) and what cannot.
func claimLines(in IPInput) ([]ClaimLine, ledger.Cents) {
	var out []ClaimLine
	var total ledger.Cents
	pens, booked := penaltyClaimLines(in.Penalties)
	for i := range in.Items {
		it := &in.Items[i]
		if it.Open <= 0 || it.DocDate > in.AsOf || booked[it.ID] {
			continue
		}
		ref := it.Number
		if ref == "" {
			ref = it.ID
		}
		cl := ClaimLine{Item: it.ID, Number: ref, Kind: it.Kind.String(), DocDate: it.DocDate, DueDate: it.DueDate,
			Amount: it.Amount, Open: it.Open, Claimed: it.Open}
		switch {
		case it.Flags&(ledger.FlagUnpaidCheque) != 0:
			cl.Claimed, cl.Excluded = 0, "law.ip.excl.cheque" // CMF L131-73: certificate of non-payment instead
		case it.Kind != ledger.Invoice && it.Kind != ledger.Opening:
			cl.Claimed, cl.Excluded = 0, "law.ip.excl.undetermined" // CPC 1405: no contractual document
		case !it.DueDate.Valid():
			cl.Claimed, cl.Excluded = 0, "law.ip.excl.nodue"
		case it.DueDate >= in.AsOf:
			cl.Claimed, cl.Excluded = 0, "law.ip.excl.notdue" // CPC 1405: the claim must be due (exigible)
		default:
			ins := in.Interruptions
			if in.InterruptionsOf != nil {
				ins = append(slices.Clone(ins), in.InterruptionsOf(in.Customer.ID, it.ID)...)
			}
			if st := Deadline(it, in.Customer.Kind, ins, in.AsOf); st.Level == LevelExpired {
				cl.Claimed, cl.Excluded = 0, "law.ip.excl.limitation"
				break
			}
			if in.Disputes != nil {
				if d := in.Disputes.DisputedAmount(it, in.AsOf); d > 0 {
					cl.Claimed -= d
					cl.Excluded = "law.ip.excl.disputed"
				}
			}
		}
		total += cl.Claimed
		out = append(out, cl)
	}
	for _, cl := range pens { // issued penalty invoices still owed, on their own lines
		total += cl.Claimed
		out = append(out, cl)
	}
	return out, total
}

// CheckEligibility checks whether an injonction de payer can be requested against
// in.Customer at in.AsOf (CPC 1405-1406) and otherwise says which route to take.
func CheckEligibility(in IPInput) (Eligibility, []ClaimLine, ledger.Cents) {
	lines, total := claimLines(in)
	e := Eligibility{Eligible: true, Route: RouteInjonction, Alternatives: []Route{}}
	add := func(ok bool, key string, args ...string) {
		e.Checks = append(e.Checks, Check{OK: ok, Note: Note{Key: key, Args: args}})
	}
	fail := func(r Route) {
		if e.Eligible {
			e.Route = r
		}
		e.Eligible = false
	}
	c := in.Customer
	country := strings.ToUpper(c.Address.Country)
	home := strings.ToUpper(in.Country)
	if home == "" {
		home = "FR"
	}
	if country == "" {
		country = home
	}

	// A collective procedure stops individual actions (C. com. L622-21): file the claim.
	if in.Insolvent || c.Status == ledger.StatusInsolvency {
		add(false, "law.ip.check.insolvent")
		fail(RouteClaim)
	}

	// CPC 1405: a contractual claim of a determined amount, due.
	var disputed, cheque, undetermined ledger.Cents
	for _, l := range lines {
		switch l.Excluded {
		case "law.ip.excl.disputed":
			disputed += l.Open - l.Claimed
		case "law.ip.excl.cheque":
			cheque += l.Open
		case "law.ip.excl.undetermined", "law.ip.excl.nodue":
			undetermined += l.Open
		}
	}
	switch {
	case in.Damages:
		add(false, "law.ip.check.damages")
		fail(RouteMerits)
	case total <= 0 && undetermined > 0 && disputed == 0:
		add(false, "law.ip.check.undetermined", "amount", undetermined.String())
		fail(RouteMerits)
	case total <= 0 && disputed > 0:
		// CPC 1405 needs a certain claim; a disputed one invites opposition: référé-provision
		// if the dispute is not serious (CPC 873 al. 2), else the merits.
		add(false, "law.ip.check.disputed_all", "amount", disputed.String())
		fail(RouteRefere)
		e.Alternatives = append(e.Alternatives, RouteMerits)
	case total <= 0 && cheque > 0:
		add(false, "law.ip.check.cheque_only", "amount", cheque.String())
		fail(RouteCheque)
	case total <= 0:
		add(false, "law.ip.check.nothing_due")
		fail(RouteNone)
	default:
		add(true, "law.ip.check.determined", "amount", total.String())
		if disputed > 0 {
			add(true, "law.ip.check.disputed_part", "amount", disputed.String())
		} else {
			add(true, "law.ip.check.undisputed")
		}
		if cheque > 0 {
			add(true, "law.ip.check.cheque_part", "amount", cheque.String())
			e.Alternatives = append(e.Alternatives, RouteCheque)
		}
		if undetermined > 0 {
			add(true, "law.ip.check.undetermined_part", "amount", undetermined.String())
		}
	}

	// CPC 1406: the judge of the debtor's domicile, in France; a debtor abroad → the
	// European order in the EU (Reg. 1896/2006), else the courts of its country.
	switch {
	case country == "FR":
		if c.Address.Postcode == "" && c.Address.City == "" {
			add(false, "law.ip.check.no_address")
			fail(RouteMerits)
		} else {
			add(true, "law.ip.check.in_france", "city", c.Address.City)
		}
	case InEUOrderState(country):
		add(false, "law.ip.check.eu", "country", country)
		fail(RouteEuropean)
		if total > 0 && total <= SmallClaimLimit {
			e.Alternatives = append(e.Alternatives, RouteSmallEU)
		}
	default:
		add(false, "law.ip.check.abroad", "country", country)
		fail(RouteForeign)
	}

	// Public bodies: contracts of public purchasers go to the administrative courts,
	// where the injonction de payer does not exist; référé-provision (CJA R541-1).
	if c.Kind == ledger.PublicBody {
		add(false, "law.ip.check.public")
		fail(RouteAdmin)
	}

	// CPCE L125-1: claims ≤ €5,000 may go through the commissaire de justice's
	// simplified procedure (debtor's agreement needed).
	if total > 0 && total <= SmallClaimLimit && country == "FR" && c.Kind != ledger.PublicBody {
		e.Alternatives = append(e.Alternatives, RouteSimplified)
	}
	return e, lines, total
}
