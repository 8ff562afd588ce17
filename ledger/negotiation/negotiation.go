// Package negotiation prepares the meeting of the course module « Négocier un accord »
// (define the objective and the margins, ask a counterpart for each concession, state
// the consequences of a disagreement) for a customer of the dossier at an as-of date:
// the negotiation sheet, prefilled from what the ledger says (the overdue amount and
// its undisputed part, the broken promises, the penalties the law engine computes, the
// guarantees and the risk class's deposit, the reminder scenario's next steps), and
// its outcome (an agreement that becomes a payment plan, or a disagreement naming the
// next step).
//
// The margins are a house policy, not a rule of law: the number of instalments a class
// may be granted and the share paid at signature after a broken promise are
// conventions of this package, which the negotiator edits on the sheet.
package negotiation

import (
	"slices"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/law"
	"relance/ledger/roleplay"
)

// Concession is what the creditor may grant during the meeting.
type Concession string

// The concessions a sheet proposes.
const (
	Instalments    Concession = "instalments"     // payment in instalments (a moratorium)
	WaiveInterest  Concession = "waive_interest"  // late-payment interest waived (C. com. L441-10 II)
	WaiveIndemnity Concession = "waive_indemnity" // the €40 recovery indemnity waived (C. com. L441-10 II, D441-5)
	SetAside       Concession = "set_aside"       // the disputed part examined apart
	Deliveries     Concession = "deliveries"      // deliveries go on (or resume)
)

// Counterpart is what the creditor asks in exchange for a concession.
type Counterpart string

// The counterparts of the programme (« demander une contrepartie à une concession »).
const (
	// Acknowledgement is a signed acknowledgement of the debt: it interrupts the
	// limitation period (C. civ. 2240) and is the proof an injonction needs.
	Acknowledgement Counterpart = "acknowledgement"
	// DirectDebit is a SEPA direct-debit mandate for the instalments.
	DirectDebit Counterpart = "direct_debit"
	// Acceleration is the acceleration clause: a missed instalment makes the whole
	// balance due again, waived penalties included (the clause binds, C. civ. 1103).
	Acceleration Counterpart = "acceleration"
	// Guarantee is a personal guarantee of the manager or a bank guarantee
	// (cautionnement, C. civ. 2288 [to verify: numbering since the 2021 reform]).
	Guarantee Counterpart = "guarantee"
	// Deposit is a deposit paid on every new order (the risk class's share).
	Deposit Counterpart = "deposit"
	// PayUndisputed is the immediate payment of the undisputed part.
	PayUndisputed Counterpart = "pay_undisputed"
)

// Counterparts lists every counterpart, in the order the sheet shows them.
func Counterparts() []Counterpart {
	return []Counterpart{Acknowledgement, DirectDebit, Acceleration, Guarantee, Deposit, PayUndisputed}
}

// ParseCounterpart returns the counterpart named s, or a problem naming the value.
func ParseCounterpart(s string) (Counterpart, error) {
	if c := Counterpart(s); slices.Contains(Counterparts(), c) {
		return c, nil
	}
	return "", &ledger.Problem{Key: "nego.err.counterpart", Args: []string{"value", s}}
}

// Trade is one concession and the counterparts to ask for it.
type Trade struct {
	Concession  Concession    `json:"concession"`
	Counterpart []Counterpart `json:"counterparts"`
}

// Margins are a position in the negotiation: what is asked at the opening, or the
// least the negotiator may accept (the floor).
type Margins struct {
	Amount      ledger.Cents `json:"amount"`      // the sum to obtain
	Instalments int          `json:"instalments"` // number of payments
	First       ledger.Cents `json:"first"`       // the first payment, at the latest on FirstDate
	FirstDate   ledger.Date  `json:"first_date"`
	Last        ledger.Date  `json:"last"` // the last payment, at the latest
	// WaiveInterest and WaiveIndemnity say whether the late-payment interest and the
	// recovery indemnity are given up at this position.
	WaiveInterest  bool `json:"waive_interest"`
	WaiveIndemnity bool `json:"waive_indemnity"`
}

// Step is a consequence of a disagreement: a step of the reminder scenario.
type Step string

// The consequences a sheet announces.
const (
	Notice Step = "notice" // formal notice (mise en demeure, C. civ. 1344)
	Block  Step = "block"  // deliveries suspended (exception d'inexécution, C. civ. 1219-1220)
	Legal  Step = "legal"  // the court procedure (law.CourtRoute: injonction de payer, CPC 1405 ff.)
)

// Consequence is a step that follows a disagreement, with its date.
type Consequence struct {
	Step  Step        `json:"step"`
	Date  ledger.Date `json:"date"`
	Route law.Route   `json:"route,omitempty"` // for Legal: the procedure
}

// NoticePeriod is the number of days a formal notice gives the debtor to pay before
// the court procedure (a house convention: « sous huitaine »; the law sets no period).
const NoticePeriod = 8

// MaxMonths is the longest plan a sheet proposes: the judge may grant a debtor up to
// two years (C. civ. 1343-5), so an amicable plan never needs to offer more.
const MaxMonths = 24

// Input is what the ledger says of the customer, gathered by the desk.
type Input struct {
	Situation roleplay.Situation // overdue, undisputed part, broken promises, disputes
	Interest  ledger.Cents       // late-payment interest at the as-of date (law.Decompte)
	Indemnity ledger.Cents       // recovery indemnities at the as-of date (law.Decompte)
	Scenario  dunning.Scenario   // the reminder scenario of the customer's class
	Route     law.Route          // the court procedure open against the customer
	Cover     ledger.Cents       // the guarantees active at the as-of date
	Deposit   int                // the class's deposit on new orders, percent
	Blocked   bool               // deliveries are blocked at the as-of date
}

// Sheet is the negotiation sheet of one customer at one date.
type Sheet struct {
	ID        string              `json:"id"` // "<as-of date>-<n>", set when stored
	Customer  string              `json:"customer"`
	Name      string              `json:"name"`
	Kind      ledger.CustomerKind `json:"kind"`
	Class     string              `json:"class,omitempty"`
	AsOf      ledger.Date         `json:"as_of"`
	Overdue   ledger.Cents        `json:"overdue"`
	Disputed  ledger.Cents        `json:"disputed"`  // the overdue part in active disputes
	Principal ledger.Cents        `json:"principal"` // the undisputed overdue: the objective
	Interest  ledger.Cents        `json:"interest"`  // late-payment interest (law engine)
	Indemnity ledger.Cents        `json:"indemnity"` // recovery indemnities (law engine)
	Oldest    ledger.Date         `json:"oldest"`    // due date of the oldest overdue invoice
	Broken    []roleplay.Promise  `json:"broken"`    // promises made and not kept
	Disputes  []roleplay.Dispute  `json:"disputes"`  // active disputes
	Cover     ledger.Cents        `json:"cover"`     // guarantees active
	Deposit   int                 `json:"deposit"`   // class deposit on new orders, percent
	Blocked   bool                `json:"blocked"`   // deliveries blocked
	Opening   Margins             `json:"opening"`   // what is asked first
	Floor     Margins             `json:"floor"`     // the least to accept
	Trades    []Trade             `json:"trades"`    // a counterpart for each concession
	Then      []Consequence       `json:"then"`      // the consequences of a disagreement
	Outcome   *Outcome            `json:"outcome"`   // nil until recorded
	By        string              `json:"by,omitempty"`
}

// Waived returns what the floor gives up: the interest and indemnity it waives.
func (s *Sheet) Waived() ledger.Cents {
	var w ledger.Cents
	if s.Floor.WaiveInterest {
		w += s.Interest
	}
	if s.Floor.WaiveIndemnity {
		w += s.Indemnity
	}
	return w
}

// DepositShare returns the share of each new order, in percent, to ask as a deposit:
// the whole order while deliveries are blocked, else the risk class's deposit
// (risk.Class.Deposit), at least MinDeposit.
func (s *Sheet) DepositShare() int {
	if s.Blocked {
		return 100
	}
	return max(s.Deposit, MinDeposit)
}

// MinDeposit is the least deposit a sheet asks on new orders, percent (a house
// convention for a class that asks none).
const MinDeposit = 30

// Total returns what the customer owes at the as-of date on its undisputed overdue:
// principal, interest and indemnity.
func (s *Sheet) Total() ledger.Cents { return s.Principal + s.Interest + s.Indemnity }

// maxInstalments is the house policy of the number of monthly instalments a class may
// be granted: a strategic customer (A) six, a standard one (B) four, one under watch
// (C) three, one at risk (D) two.
func maxInstalments(class string) int {
	switch class {
	case "A":
		return 6
	case "C":
		return 3
	case "D":
		return 2
	}
	return 4
}

// Build prepares the sheet of in at its situation's as-of date:
//   - objective: the undisputed overdue, with the interest and indemnity the law
//     engine computes (C. com. L441-10 II; a consumer owes neither until a formal
//     notice, C. civ. 1231-6, so the engine gives zero);
//   - opening: everything, in one payment within NoticePeriod days;
//   - floor: the undisputed overdue in at most maxInstalments(class) monthly payments
//     (never beyond MaxMonths), a third at signature when a promise was broken, the
//     penalties waived for classes A and B only;
//   - trades: instalments for an acknowledgement (C. civ. 2240), a direct debit and
//     the acceleration clause, plus a guarantee when the guarantees do not cover the
//     principal and the class is C or D; waived penalties for the acceleration clause;
//     the disputed part set aside for the undisputed part paid; deliveries for the
//     class's deposit (all of the order when blocked) or a guarantee;
//   - consequences: the scenario's formal notice, block and legal steps, each on its
//     scenario date or the day after the meeting if that has passed, the court
//     procedure NoticePeriod days after the notice at the earliest.
func Build(in Input) Sheet {
	st := &in.Situation
	asOf := st.AsOf
	s := Sheet{Customer: st.Customer, Name: st.Name, Kind: st.Kind, Class: st.Class, AsOf: asOf,
		Overdue: st.Overdue, Principal: st.Undisputed, Disputed: max(st.Overdue-st.Undisputed, 0),
		Interest: in.Interest, Indemnity: in.Indemnity, Oldest: st.Oldest, Broken: st.Broken, Disputes: st.Disputes,
		Cover: in.Cover, Deposit: in.Deposit, Blocked: in.Blocked}
	if s.Broken == nil {
		s.Broken = []roleplay.Promise{}
	}
	if s.Disputes == nil {
		s.Disputes = []roleplay.Dispute{}
	}
	due := asOf.AddDays(NoticePeriod)
	s.Opening = Margins{Amount: s.Total(), Instalments: 1, First: s.Total(), FirstDate: due, Last: due}
	n := min(maxInstalments(s.Class), MaxMonths)
	first := s.Principal / ledger.Cents(n)
	if len(s.Broken) > 0 {
		first = max(first, s.Principal/3)
	}
	soft := s.Class == "A" || s.Class == "B" || s.Class == ""
	s.Floor = Margins{Amount: s.Principal, Instalments: n, First: first, FirstDate: due,
		Last: due.AddMonths(n - 1), WaiveInterest: soft, WaiveIndemnity: soft}
	s.Trades = trades(&s)
	s.Then = consequences(in, asOf)
	return s
}

func trades(s *Sheet) []Trade {
	inst := []Counterpart{Acknowledgement, DirectDebit, Acceleration}
	if s.Cover < s.Principal && (s.Class == "C" || s.Class == "D") {
		inst = append(inst, Guarantee)
	}
	out := []Trade{{Concession: Instalments, Counterpart: inst}}
	if s.Interest > 0 {
		out = append(out, Trade{Concession: WaiveInterest, Counterpart: []Counterpart{Acceleration}})
	}
	if s.Indemnity > 0 {
		out = append(out, Trade{Concession: WaiveIndemnity, Counterpart: []Counterpart{Acceleration}})
	}
	if s.Disputed > 0 {
		out = append(out, Trade{Concession: SetAside, Counterpart: []Counterpart{PayUndisputed}})
	}
	dl := []Counterpart{Deposit}
	if s.Cover < s.Principal {
		dl = append(dl, Guarantee)
	}
	return append(out, Trade{Concession: Deliveries, Counterpart: dl})
}

func consequences(in Input, asOf ledger.Date) []Consequence {
	start := asOf.AddDays(1)
	on := func(offset int) ledger.Date {
		if !in.Situation.Oldest.Valid() {
			return start
		}
		return max(in.Situation.Oldest.AddDays(offset), start)
	}
	var out []Consequence
	notice := start
	found := map[Step]bool{}
	for _, st := range in.Scenario.Steps {
		switch st.Channel {
		case dunning.ChanNotice:
			if !found[Notice] {
				notice = on(st.Offset)
				out = append(out, Consequence{Step: Notice, Date: notice})
				found[Notice] = true
			}
		case dunning.ChanBlock:
			if !found[Block] && !in.Blocked {
				out = append(out, Consequence{Step: Block, Date: on(st.Offset)})
				found[Block] = true
			}
		case dunning.ChanLegal:
			if !found[Legal] {
				out = append(out, Consequence{Step: Legal, Date: max(on(st.Offset), notice.AddDays(NoticePeriod)), Route: in.Route})
				found[Legal] = true
			}
		}
	}
	if !found[Notice] {
		out = append(out, Consequence{Step: Notice, Date: notice})
	}
	if !found[Block] && !in.Blocked && in.Situation.Kind != ledger.Consumer {
		// no block step in the scenario: deliveries stop with the formal notice
		out = append(out, Consequence{Step: Block, Date: notice})
	}
	if !found[Legal] {
		out = append(out, Consequence{Step: Legal, Date: notice.AddDays(NoticePeriod), Route: in.Route})
	}
	slices.SortStableFunc(out, func(a, b Consequence) int { return int(a.Date) - int(b.Date) })
	return out
}

// Schedule is the margins' payments: the first on FirstDate, the rest of the amount in
// equal monthly instalments after it (dunning.SplitPlan); a single payment of the whole
// amount when there is one instalment.
func (m Margins) Schedule() []dunning.Instalment {
	if m.Instalments <= 1 || m.First <= 0 || m.First >= m.Amount {
		return dunning.SplitPlan(m.Amount, 1, m.FirstDate)
	}
	rest := dunning.SplitPlan(m.Amount-m.First, m.Instalments-1, m.FirstDate.AddMonths(1))
	return append([]dunning.Instalment{{Due: m.FirstDate, Amount: m.First}}, rest...)
}
