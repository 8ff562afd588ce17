package law

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"relance/ledger"
)

// InterruptionKind is an act that interrupts a limitation period: a new period of the
// same length runs from its date (C. civ. 2231; for a public body, from 1 January of
// the following year: loi 68-1250 art. 2). Mediation is the one act that suspends the
// period instead (C. civ. 2238, 2230; loi 68-1250 art. 2-1).
type InterruptionKind string

// Interruption kinds. Which of them interrupts depends on the debtor: ClaimDeadline
// counts against a private debtor those of the Code civil and against a public body
// those of loi 68-1250 art. 2, and says in its notes why it leaves one aside.
const (
	Acknowledgement InterruptionKind = "acknowledgement" // debtor's acknowledgement of the debt: C. civ. 2240
	PaymentPlan     InterruptionKind = "payment_plan"    // payment plan signed by the debtor, an acknowledgement: C. civ. 2240
	// PartPayment is a payment on account of the item: an acknowledgement of the debt by
	// a private debtor (C. civ. 2240); against a public body, « toute émission de moyen
	// de règlement, même si ce règlement ne couvre qu'une partie de la créance » (loi
	// 68-1250 art. 2).
	PartPayment InterruptionKind = "part_payment"
	// LegalAction is a claim filed in court, even in référé or before a court without
	// jurisdiction (C. civ. 2241); the interruption lasts until the proceedings end
	// (C. civ. 2242): Interruption.End, NoDate while they go on. Against a public body,
	// « tout recours formé devant une juridiction », the new period running from
	// 1 January of the year after the decision became final (loi 68-1250 art. 2).
	LegalAction      InterruptionKind = "legal_action"
	InjunctionServed InterruptionKind = "injunction_served" // service (signification) of an injonction de payer: C. civ. 2241, CPC 1411
	// Enforcement is a conservatory measure or an enforcement act (C. civ. 2244). Public
	// property cannot be seized: it is no cause of loi 68-1250 art. 2.
	Enforcement InterruptionKind = "enforcement"
	// WrittenClaim is a written request for payment addressed to a public body, such as
	// a reminder or a formal notice sent to it: « toute demande de paiement ou toute
	// réclamation écrite adressée par un créancier à l'autorité administrative » (loi
	// 68-1250 art. 2). A formal notice does not interrupt against a private debtor
	// (Cass. com. 18 May 2022 n°20-23.204, legal-fr §5).
	WrittenClaim InterruptionKind = "written_claim"
	// AdminLetter is a written communication of the public body about the debt (its
	// existence, amount or payment): loi 68-1250 art. 2. Public debtors only.
	AdminLetter InterruptionKind = "admin_letter"
	// Mediation suspends the period from the agreement to mediate (or the first
	// meeting) until Interruption.End, when it is declared over; the period then runs
	// for what was left of it and at least six months (C. civ. 2238, 2230). Against a
	// public body the suspension lasts six months at most and the period runs again for
	// at least six months after the end (loi 68-1250 art. 2-1, mediation under CJA
	// L213-1 ff.).
	Mediation InterruptionKind = "mediation"
)

// InterruptionKinds lists the kinds, in the order a form offers them.
var InterruptionKinds = []InterruptionKind{Acknowledgement, PaymentPlan, PartPayment, WrittenClaim, AdminLetter,
	LegalAction, InjunctionServed, Enforcement, Mediation}

// Interruption is one interrupting (or suspending) act and its date.
type Interruption struct {
	Kind InterruptionKind `json:"kind"`
	Date ledger.Date      `json:"date"`
	// End is, for a LegalAction, the day its proceedings ended (the decision became
	// final) and, for a Mediation, the day it was declared over; NoDate while they go
	// on. An InjunctionServed with an End is the opposition proceedings that followed.
	End ledger.Date `json:"end,omitempty"`
}

// Text returns the kind in words in lang ("fr" or "en").
func (k InterruptionKind) Text(lang string) string {
	return Note{Key: "limitation.kind." + string(k)}.Text(lang)
}

// Level is how close a limitation deadline is.
type Level string

// Levels, from the least to the most urgent.
const (
	LevelUnknown   Level = "unknown"   // no date to count from
	LevelSuspended Level = "suspended" // proceedings or a mediation go on: no deadline runs until they end
	LevelOK        Level = "ok"
	LevelWarn6     Level = "warn6"   // 6 months or less before the deadline
	LevelWarn3     Level = "warn3"   // 3 months or less before the deadline
	LevelExpired   Level = "expired" // the deadline has passed
)

// Claim is what a limitation period is counted from. Against a private debtor: the
// completion of the works or services when known (Cass. com. 26 Feb 2020 n°18-25.036;
// Cass. 1re civ. 19 May 2021 n°20-12.520 — legal-fr §5), otherwise the due date (a
// claim with a term runs from its term, C. civ. 2233), otherwise the invoice date.
// Against a public body: the year the right was acquired, that is the year the service
// was done (completion), otherwise the invoice's year — an invoice follows the service
// it bills —, otherwise the due date's (loi 68-1250 art. 1).
type Claim struct {
	Due        ledger.Date
	Completion ledger.Date
	Invoice    ledger.Date // the document date
}

// LimitationState is an item's limitation deadline at a date, with its reason.
type LimitationState struct {
	// Start is the day the current period runs from: the completion, due date or
	// invoice date, or the last interruption (or the end of the proceedings); against
	// a public body, 1 January of the year after.
	Start    ledger.Date `json:"start"`
	Deadline ledger.Date `json:"deadline"` // last day to act; NoDate when LevelSuspended or LevelUnknown
	DaysLeft int         `json:"days_left"`
	Level    Level       `json:"level"`
	Rule     string      `json:"rule"` // article of the period
	// Interruptions are the acts counted, by date (those before the start, after the
	// as-of date, or that do not count against this debtor are left out; Reason says why).
	Interruptions []Interruption `json:"interruptions"`
	Reason        []Note         `json:"reason"`
}

// ReasonText renders the state's notes in lang, dates in the language's form
// (FormatNote).
func (st *LimitationState) ReasonText(lang string) []string {
	out := make([]string, 0, len(st.Reason))
	for _, n := range st.Reason {
		out = append(out, FormatNote(n, lang, ""))
	}
	return out
}

// Deadline returns the limitation state of item at asOf for a debtor of kind k,
// counted from its due date (its document date when it has none) or, for a public
// body, from its document date (ClaimDeadline).
func Deadline(item *ledger.Item, k ledger.CustomerKind, interruptions []Interruption, asOf ledger.Date) LimitationState {
	return ClaimDeadline(Claim{Due: item.DueDate, Invoice: item.DocDate}, k, interruptions, asOf)
}

// regime is the limitation period of a kind of debtor.
type regime struct {
	years  int
	rule   string
	public bool
}

func regimeOf(k ledger.CustomerKind) regime {
	switch k {
	case ledger.Consumer:
		return regime{2, "C. consom. L218-2", false} // action of a professional against a consumer
	case ledger.PublicBody:
		return regime{4, "loi 68-1250 art. 1", true} // prescription quadriennale of claims on public bodies
	}
	return regime{5, "C. com. L110-4", false} // obligations between or with traders
}

// from is the event the period is counted from and the note saying which.
func (r regime) from(c Claim) (ledger.Date, string) {
	order := []struct {
		d   ledger.Date
		key string
	}{{c.Completion, "law.limit.from_completion"}, {c.Due, "law.limit.from_due"}, {c.Invoice, "limitation.from_invoice"}}
	if r.public {
		order = []struct {
			d   ledger.Date
			key string
		}{{c.Completion, "limitation.public.from_completion"}, {c.Invoice, "limitation.public.from_invoice"},
			{c.Due, "limitation.public.from_due"}}
	}
	for _, o := range order {
		if o.d.Valid() {
			return o.d, o.key
		}
	}
	return ledger.NoDate, ""
}

// restart is the period that runs from an interrupting event on day d: the same
// length from d (C. civ. 2231), or for a public body four years from 1 January of the
// year after d (loi 68-1250 art. 1 and 2), ending on 31 December.
func (r regime) restart(d ledger.Date) (start, deadline ledger.Date) {
	if r.public {
		return ledger.NewDate(d.Year()+1, time.January, 1), ledger.NewDate(d.Year()+r.years, time.December, 31)
	}
	// C. civ. 2228-2229: counted in days, the day of the starting event excluded; the
	// period ends at the end of the same calendar day N years later.
	return d, d.AddMonths(12 * r.years)
}

// article is the article under which an act of kind k interrupts (or suspends) the
// period of this regime, or "" with the key of the note saying why it does not.
func (r regime) article(k InterruptionKind) (article, why string) {
	if r.public {
		switch k {
		case Enforcement:
			return "", "limitation.ignored.public_enforcement" // public property cannot be seized
		case Mediation:
			return "loi 68-1250 art. 2-1", ""
		}
		return "loi 68-1250 art. 2", ""
	}
	switch k {
	case Acknowledgement, PaymentPlan, PartPayment:
		return "C. civ. 2240", ""
	case LegalAction:
		return "C. civ. 2241-2242", ""
	case InjunctionServed:
		return "C. civ. 2241", ""
	case Enforcement:
		return "C. civ. 2244", ""
	case Mediation:
		return "C. civ. 2238", ""
	case WrittenClaim:
		return "", "limitation.ignored.written_claim" // Cass. com. 18 May 2022 n°20-23.204
	}
	return "", "limitation.ignored.public_only"
}

// ClaimDeadline returns the limitation state of a claim at asOf for a debtor of kind k:
// two years against a consumer (C. consom. L218-2), five between traders (C. com.
// L110-4), four against a public body from 1 January of the year after the right was
// acquired (loi 68-1250 art. 1). The interruptions are taken in date order; those
// dated after asOf or before the start are ignored, and so is one dated after the
// deadline then running (a time-barred claim is not revived). Each other one restarts
// the period (regime.restart), a legal action from the end of its proceedings (C. civ.
// 2242), a mediation suspends it; while proceedings or a mediation go on at asOf, no
// deadline runs (LevelSuspended).
func ClaimDeadline(c Claim, k ledger.CustomerKind, interruptions []Interruption, asOf ledger.Date) LimitationState {
	r := regimeOf(k)
	from, fromKey := r.from(c)
	if !from.Valid() {
		return LimitationState{Level: LevelUnknown, Rule: r.rule, Interruptions: []Interruption{},
			Reason: []Note{{Key: "law.limit.nodate"}}}
	}
	st := LimitationState{Rule: r.rule, Interruptions: []Interruption{}}
	st.Start, st.Deadline = r.restart(from)
	st.Reason = append(st.Reason, Note{Key: "law.limit." + k.String(), Args: []string{"years", itoa(r.years), "rule", r.rule}},
		Note{Key: fromKey, Args: []string{"date", from.String(), "year", itoa(from.Year() + 1)}})

	acts := slices.Clone(interruptions)
	slices.SortStableFunc(acts, func(a, b Interruption) int { return cmp.Compare(a.Date, b.Date) })
	suspended := false     // proceedings or a mediation go on at asOf
	var within ledger.Date // end of the last proceedings counted: acts before it add nothing
	for _, in := range acts {
		if !in.Date.Valid() || in.Date > asOf || in.Date < from {
			continue
		}
		kindArgs := []string{"kind_key", "limitation.kind." + string(in.Kind), "date", in.Date.String()}
		art, why := r.article(in.Kind)
		if art == "" {
			st.Reason = append(st.Reason, Note{Key: why, Args: kindArgs})
			continue
		}
		if !suspended && in.Date > st.Deadline {
			st.Reason = append(st.Reason, Note{Key: "limitation.ignored.too_late", Args: append(kindArgs, "end", st.Deadline.String())})
			continue
		}
		st.Interruptions = append(st.Interruptions, in)
		kindArgs = append(kindArgs, "article", art)
		if suspended || in.Date < within {
			st.Reason = append(st.Reason, Note{Key: "limitation.within", Args: kindArgs})
			continue
		}
		end := in.End
		if end.Valid() && end < in.Date {
			end = in.Date
		}
		ongoing := !end.Valid() || end > asOf
		switch {
		case in.Kind == Mediation:
			suspended = st.suspend(r, in.Date, end, ongoing, asOf)
			st.Reason = append(st.Reason, mediationNote(r, kindArgs, end, ongoing, suspended))
		case in.Kind == LegalAction && ongoing, in.Kind == InjunctionServed && end.Valid() && ongoing:
			suspended = true
			st.Reason = append(st.Reason, Note{Key: "limitation.proceedings.ongoing", Args: kindArgs})
		case in.Kind == LegalAction || in.Kind == InjunctionServed && end.Valid():
			st.Start, st.Deadline = r.restart(end)
			within = end
			st.Reason = append(st.Reason, Note{Key: restartKey(r, "limitation.proceedings.ended"),
				Args: append(kindArgs, "end", end.String(), "year", itoa(end.Year()+1))})
		default:
			st.Start, st.Deadline = r.restart(in.Date)
			st.Reason = append(st.Reason, Note{Key: restartKey(r, "limitation.restart"), Args: append(kindArgs, "year", itoa(in.Date.Year()+1))})
		}
	}
	if suspended {
		st.Deadline, st.Level = ledger.NoDate, LevelSuspended
		return st
	}
	st.DaysLeft = st.Deadline.DaysSince(asOf)
	switch {
	case asOf > st.Deadline:
		st.Level = LevelExpired
	case asOf >= st.Deadline.AddMonths(-3):
		st.Level = LevelWarn3
	case asOf >= st.Deadline.AddMonths(-6):
		st.Level = LevelWarn6
	default:
		st.Level = LevelOK
	}
	return st
}

// restartKey is key, or its public-body form (the new period from 1 January).
func restartKey(r regime, key string) string {
	if r.public {
		return key + "_public"
	}
	return key
}

// suspend applies a mediation from d to end (ongoing: not over at asOf) to the
// running deadline, and reports whether no deadline runs at asOf. Private debtor (C.
// civ. 2238, 2230): the time left on d runs again from end, six months at least.
// Public body (loi 68-1250 art. 2-1): the period stops for six months at most, then
// runs again for at least six months after end.
func (st *LimitationState) suspend(r regime, d, end ledger.Date, ongoing bool, asOf ledger.Date) bool {
	if !r.public {
		if ongoing {
			return true
		}
		st.Deadline = max(end.AddDays(st.Deadline.DaysSince(d)), end.AddMonths(6))
		return false
	}
	stop := d.AddMonths(6) // the suspension cannot exceed six months
	if !ongoing {
		stop = min(stop, end)
		st.Deadline = max(st.Deadline.AddDays(stop.DaysSince(d)), end.AddMonths(6))
		return false
	}
	// Still going on: the period runs again after six months, but ends no sooner than
	// six months after the mediation, which is later than asOf.
	capped := st.Deadline.AddDays(stop.DaysSince(d))
	if asOf < stop || capped <= asOf.AddMonths(6) {
		return true
	}
	st.Deadline = capped
	return false
}

// mediationNote says how a mediation counted.
func mediationNote(r regime, args []string, end ledger.Date, ongoing, suspended bool) Note {
	switch {
	case suspended:
		return Note{Key: "limitation.mediation.ongoing", Args: args}
	case ongoing: // public body, suspension over after six months
		return Note{Key: "limitation.mediation.capped", Args: args}
	}
	key := "limitation.mediation.ended"
	if r.public {
		key += "_public"
	}
	return Note{Key: key, Args: append(args, "end", end.String())}
}

// Urgency orders levels for sorting: expired first, then warn3, warn6, ok, suspended,
// unknown.
func (l Level) Urgency() int {
	switch l {
	case LevelExpired:
		return 0
	case LevelWarn3:
		return 1
	case LevelWarn6:
		return 2
	case LevelOK:
		return 3
	case LevelSuspended:
		return 4
	}
	return 5
}

func itoa(n int) string { return strconv.Itoa(n) }
