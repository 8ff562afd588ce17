package law

import (
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// Debtor is the legal regime of a late payment.
type Debtor uint8

// Debtor regimes.
const (
	DebtorB2B      Debtor = iota // a business in France: C. com. L441-10
	DebtorConsumer               // a consumer: C. civ. 1231-6, 1344-1
	DebtorPublic                 // a French public purchaser: C. commande publique R2192-31 ff.
	DebtorUK                     // a UK business: Late Payment of Commercial Debts (Interest) Act 1998
)

var debtorNames = [...]string{"b2b", "b2c", "public", "uk"}

// String returns "b2b", "b2c", "public" or "uk".
func (d Debtor) String() string {
	if int(d) < len(debtorNames) {
		return debtorNames[d]
	}
	return "b2b"
}

// MarshalText implements encoding.TextMarshaler.
func (d Debtor) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// ParseDebtor parses the names returned by String.
func ParseDebtor(s string) (Debtor, bool) {
	for i, n := range debtorNames {
		if n == s {
			return Debtor(i), true
		}
	}
	return DebtorB2B, false
}

// DebtorFor returns the French regime of a customer kind.
func DebtorFor(k ledger.CustomerKind) Debtor {
	switch k {
	case ledger.Consumer:
		return DebtorConsumer
	case ledger.PublicBody:
		return DebtorPublic
	}
	return DebtorB2B
}

// DebtorOf returns the regime of a customer: by its kind, and for a business whose
// contracts are under English law (Customer.Law "GB") the Late Payment of Commercial
// Debts (Interest) Act 1998 (legal-fr §9.1); any other business, in France or abroad, is
// a French B2B debtor (C. com. L441-10, the law of the creditor's terms of sale).
func DebtorOf(c *ledger.Customer) Debtor {
	// The Late Payment Act governs contracts under UK law only: a French seller's sale to
	// a UK business is under French law unless agreed otherwise (Rome I art. 4 §1 a), and
	// L441-10 applies to it (issue 22 point 5).
	if c.Kind == ledger.Business && c.GoverningLaw() == "GB" {
		return DebtorUK
	}
	return DebtorFor(c.Kind)
}

// Payment is a payment received on an invoice: from its date, interest runs on the
// remaining balance only.
type Payment struct {
	Date   ledger.Date  `json:"date"`
	Amount ledger.Cents `json:"amount"`
}

// Invoice is one debt: its amount incl. VAT (the base of penalties unless the terms of
// sale say otherwise — legal-fr §1.6, CJEU C-585/20), due date and payments.
type Invoice struct {
	Ref      string
	Amount   ledger.Cents
	Due      ledger.Date
	Payments []Payment
	// Pounds is the debt in pounds sterling when the décompte is in another currency and
	// the invoice was issued in pounds (the ledger's original-currency amount): it
	// chooses the Late Payment Act band (s.5A). 0: not known — no exchange rate is
	// guessed.
	Pounds ledger.Cents
}

// Terms are the conditions of a penalty computation, common to its invoices.
type Terms struct {
	Debtor Debtor
	// End is the last day bearing interest: the day funds were made available, or the
	// as-of date for an invoice still unpaid (legal-fr §1.6).
	End ledger.Date
	// ContractRate is a penalty rate agreed in the terms of sale (% per year), B2B only;
	// invalid: the L441-10 default rate. In a half-year where it is below the floor of
	// L441-10 II (3 × the legal interest rate), the floor applies instead, with a
	// warning note (law.note.rate_floor): the creditor is owed at least the floor.
	ContractRate decimal.NullDecimal
	// Basis is the number of days per year: 365 (the default, and every published
	// example), 360, or BasisLeap (366) for 365 days in a common year and 366 for the
	// days falling in a leap year (legal-fr §1.6: no source addresses leap years, so
	// it is an option).
	Basis int
	// Notice is the date of the formal notice (mise en demeure) to a consumer, from
	// which legal interest runs.
	Notice ledger.Date
	// Creditor selects the legal interest rate for a consumer debtor: OtherCases (a
	// business creditor, the default) or PrivateCreditor.
	Creditor LegalCategory
	// Currency is the ISO code of the amounts: the dossier's for a customer's invoices.
	// "" is GBP for a UK debtor (the calculator's amount is then in pounds) and EUR
	// otherwise.
	Currency string
}

// BasisLeap is the Terms.Basis that divides the interest of the days falling in a
// leap year by 366 and of the other days by 365.
const BasisLeap = 366

// Compute returns the décompte of late-payment penalties on invoices under terms,
// with the rates of r. The period of each invoice runs from the day after its due date
// (for a consumer: after the formal notice) to terms.End inclusive, and is split at
// each payment and, where the rate is set per half-year, at each 30 June / 31 December
// (with BasisLeap, at each 31 December too). An invoice not late at terms.End (paid by
// its due date, or not yet due) has no line, no indemnity and a note saying why.
func Compute(r *Rates, terms Terms, invoices ...Invoice) (*Decompte, error) {
	if terms.Basis == 0 {
		terms.Basis = 365
	}
	if terms.Basis != 365 && terms.Basis != 360 && terms.Basis != BasisLeap {
		return nil, &ledger.Problem{Key: "law.err.basis", Args: []string{"value", strconv.Itoa(terms.Basis)}}
	}
	if int(terms.Debtor) >= len(debtorNames) {
		return nil, &ledger.Problem{Key: "law.err.debtor", Args: []string{"value", strconv.Itoa(int(terms.Debtor))}}
	}
	if !terms.End.Valid() {
		return nil, &ledger.Problem{Key: "law.err.end"}
	}
	if terms.ContractRate.Valid {
		if terms.Debtor != DebtorB2B {
			return nil, &ledger.Problem{Key: "law.err.rate_regime", Args: []string{"debtor", terms.Debtor.String()}}
		}
		if terms.ContractRate.Decimal.IsNegative() {
			return nil, &ledger.Problem{Key: "law.err.rate_negative", Args: []string{"value", terms.ContractRate.Decimal.String()}}
		}
	}
	if terms.Currency == "" {
		terms.Currency = "EUR"
		if terms.Debtor == DebtorUK {
			terms.Currency = "GBP"
		}
	}
	d := &Decompte{Debtor: terms.Debtor, End: terms.End, Basis: terms.Basis, Currency: terms.Currency, Lines: []Line{},
		Invoices: []InvoiceTotal{}, Notes: []Note{}}
	for _, inv := range invoices {
		if err := computeInvoice(r, terms, inv, d); err != nil {
			return nil, err
		}
	}
	if terms.Basis == BasisLeap {
		d.note("law.note.rounding_leap")
	} else {
		d.note("law.note.rounding", "basis", strconv.Itoa(terms.Basis))
	}
	d.noteRateEntries() // a rate the dossier gave says when it was entered and from what source
	return d, nil
}

func computeInvoice(r *Rates, t Terms, inv Invoice, d *Decompte) error {
	if inv.Amount <= 0 {
		return &ledger.Problem{Key: "law.err.amount", Args: []string{"invoice", inv.Ref, "value", inv.Amount.String()}}
	}
	if !inv.Due.Valid() {
		return &ledger.Problem{Key: "law.err.due", Args: []string{"invoice", inv.Ref}}
	}
	pays := slices.Clone(inv.Payments)
	slices.SortStableFunc(pays, func(a, b Payment) int { return int(a.Date - b.Date) })
	var paid ledger.Cents
	for _, p := range pays {
		if !p.Date.Valid() || p.Amount <= 0 {
			return &ledger.Problem{Key: "law.err.payment", Args: []string{"invoice", inv.Ref, "date", p.Date.String(), "value", p.Amount.String()}}
		}
		if p.Date > t.End {
			return &ledger.Problem{Key: "law.err.payment_after", Args: []string{"invoice", inv.Ref, "date", p.Date.String(), "end", t.End.String()}}
		}
		paid += p.Amount
	}
	if paid > inv.Amount {
		return &ledger.Problem{Key: "law.err.overpaid", Args: []string{"invoice", inv.Ref, "paid", paid.String(), "amount", inv.Amount.String()}}
	}
	tot := InvoiceTotal{Invoice: inv.Ref, Amount: inv.Amount, Due: inv.Due, Paid: paid, Principal: inv.Amount - paid}
	balanceOn := func(day ledger.Date) ledger.Cents { // balance after the payments made up to day
		b := inv.Amount
		for _, p := range pays {
			if p.Date <= day {
				b -= p.Amount
			}
		}
		return b
	}
	tot.Late = t.End > inv.Due && balanceOn(inv.Due) > 0
	if !tot.Late {
		// C. com. L441-10 II: penalties and the indemnity run from the day after the due
		// date only; nothing is owed for an invoice settled by then, nor yet for one
		// whose due date has not passed.
		if last, ok := settledBy(pays, inv.Amount, min(t.End, inv.Due)); ok {
			d.note("law.note.paid_on_time", "invoice", inv.Ref, "due", inv.Due.String(), "date", last.String())
		} else {
			d.note("law.note.not_late", "invoice", inv.Ref, "due", inv.Due.String(), "end", t.End.String())
		}
		d.add(tot)
		return nil
	}

	// start is the last day not bearing interest.
	start := inv.Due // C. com. L441-10 II: penalties run from the day after the due date.
	if t.Debtor == DebtorConsumer && tot.Late {
		// C. civ. 1231-6, 1344-1: legal interest runs from the formal notice only.
		if !t.Notice.Valid() {
			return &ledger.Problem{Key: "law.err.notice_required", Args: []string{"invoice", inv.Ref}}
		}
		if t.Notice < inv.Due {
			return &ledger.Problem{Key: "law.err.notice_early", Args: []string{"invoice", inv.Ref, "notice", t.Notice.String(), "due", inv.Due.String()}}
		}
		start = t.Notice
	}

	// Rates fixed for the whole delay, by the half-year in which interest started.
	var fixed *AppliedRate
	switch t.Debtor {
	case DebtorPublic, DebtorUK:
		if start < t.End {
			h := HalfOf(start + 1)
			var ar AppliedRate
			var err error
			if t.Debtor == DebtorPublic {
				ar, err = r.PublicRate(h) // C. commande publique R2192-31: fixed for the delay
			} else {
				ar, err = r.UKStatutoryRate(h) // legal-fr §9.1: fixed by the half-year the debt became overdue
			}
			if err != nil {
				return err
			}
			fixed = &ar
		}
	}

	// Cut points: each payment date and, for half-yearly rates, each half-year end.
	cuts := []ledger.Date{}
	for _, p := range pays {
		if p.Date > start && p.Date < t.End {
			cuts = append(cuts, p.Date)
		}
	}
	if fixed == nil {
		for h := HalfOf(start + 1); h.End() < t.End; h = h.Next() {
			cuts = append(cuts, h.End())
		}
	}
	if t.Basis == BasisLeap { // each line within one calendar year, so that it has one basis
		for y := (start + 1).Year(); ; y++ {
			dec31 := ledger.NewDate(y, time.December, 31)
			if dec31 >= t.End {
				break
			}
			if dec31 > start {
				cuts = append(cuts, dec31)
			}
		}
	}
	cuts = append(cuts, t.End)
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	prev := start
	for _, c := range cuts {
		if c <= prev {
			continue
		}
		base := balanceOn(prev)
		if base > 0 {
			h := HalfOf(prev + 1)
			ar, floor, err := segmentRate(r, t, h, fixed)
			if err != nil {
				return err
			}
			if floor != nil {
				d.note(floor.Key, floor.Args...)
			}
			days := c.DaysSince(prev)
			basis := lineBasis(t.Basis, prev+1)
			exact, cents := SimpleInterest(base, ar.Rate, days, basis)
			d.Lines = append(d.Lines, Line{Invoice: inv.Ref, From: prev + 1, To: c, Days: days, Rate: ar, Base: base,
				Basis: basis, Exact: exact, Interest: cents})
			tot.Interest += cents
		}
		prev = c
	}

	switch t.Debtor {
	case DebtorB2B:
		tot.Indemnity = FixedIndemnityEUR // C. com. L441-10 II, D441-5: €40 per invoice paid late
		d.note("law.note.indemnity_b2b")
	case DebtorPublic:
		tot.Indemnity = FixedIndemnityEUR // C. commande publique L2192-13 ff. (décret 2013-269): €40
		d.note("law.note.indemnity_public")
	case DebtorUK:
		ukIndemnity(d, inv, &tot)
	case DebtorConsumer:
		d.note("law.note.no_indemnity_consumer") // D441-5 binds professional debtors only
	}
	switch { // the regime's rate
	case t.Debtor == DebtorB2B && t.ContractRate.Valid:
		d.note("law.note.contract")
	case t.Debtor == DebtorB2B:
		d.note("law.note.b2b")
	case t.Debtor == DebtorConsumer:
		d.note("law.note.consumer", "notice", t.Notice.String())
	case t.Debtor == DebtorPublic:
		d.note("law.note.public")
	case t.Debtor == DebtorUK:
		d.note("law.note.uk")
	}
	d.add(tot)
	return nil
}

// ukIndemnity sets the Late Payment Act fixed sum of an invoice (1998 Act s.5A): a
// band of the debt in pounds. In a décompte in pounds it is added to the invoice's
// total; in another currency it is stated apart, in pounds, when the invoice's amount
// in pounds is known, and said to be unknown otherwise — no exchange rate is guessed.
func ukIndemnity(d *Decompte, inv Invoice, tot *InvoiceTotal) {
	switch {
	case d.Currency == "GBP":
		tot.Indemnity = UKCompensation(inv.Amount)
		d.note("law.note.indemnity_uk")
	case inv.Pounds > 0:
		d.Notes = append(d.Notes, Note{Key: "law.note.uk_band_apart", Args: []string{"invoice", inv.Ref,
			"pounds", inv.Pounds.String(), "band", UKCompensation(inv.Pounds).String()}})
	default:
		d.Notes = append(d.Notes, Note{Key: "law.note.uk_band_unknown", Args: []string{"invoice", inv.Ref}})
	}
}

// segmentRate returns the rate of a period lying inside half-year h, and the warning
// note when an agreed rate below the floor gives way to the floor.
func segmentRate(r *Rates, t Terms, h Half, fixed *AppliedRate) (AppliedRate, *Note, error) {
	if fixed != nil {
		return *fixed, nil, nil
	}
	if t.Debtor == DebtorConsumer {
		ar, err := r.LegalInterestRate(h, t.Creditor)
		return ar, nil, err
	}
	if t.ContractRate.Valid {
		return contractOrFloor(r, t.ContractRate.Decimal, h)
	}
	ar, err := r.B2BDefaultRate(h)
	return ar, nil, err
}

// SourceFloor marks a line computed at the floor of C. com. L441-10 II because the
// agreed rate is below it: Rate is 3 × Ref, the legal interest rate "other cases" of
// the half-year.
const SourceFloor RateSource = "contract_floor"

// contractOrFloor returns the agreed rate for half-year h or, when it is below the
// floor of that half-year, the floor with a warning note.
func contractOrFloor(r *Rates, rate decimal.Decimal, h Half) (AppliedRate, *Note, error) {
	// C. com. L441-10 II: the agreed rate "ne peut être inférieur à trois fois le taux
	// d'intérêt légal" — the rate of the half-year, "other cases" for a professional
	// creditor (CMF L313-2, D313-1-A; legal-fr §1.3). A lower clause does not deprive the
	// creditor of penalties: it is owed at least the floor.
	floor, err := r.ContractFloor(h)
	if err != nil {
		return AppliedRate{}, nil, err
	}
	if !rate.LessThan(floor) {
		return AppliedRate{Rate: rate, Source: SourceContract, Ref: rate, RefDate: h.Start(), Margin: decimal.Zero,
			Rule: "C. com. L441-10 II"}, nil, nil
	}
	legal, err := r.LegalRate(h, OtherCases)
	if err != nil {
		return AppliedRate{}, nil, err
	}
	ar := AppliedRate{Rate: floor, Source: SourceFloor, Ref: legal, RefDate: h.Start(), Margin: decimal.Zero,
		Rule: "C. com. L441-10 II; CMF L313-2", Entry: r.entry(h, SourceLegal)}
	return ar, &Note{Key: "law.note.rate_floor", Args: []string{"pct_contract", rate.String(), "period", h.String(),
		"pct_legal", legal.String(), "pct", floor.String()}}, nil
}

// lineBasis returns the days-per-year divisor of a line starting on from (a line never
// spans two calendar years under BasisLeap).
func lineBasis(basis int, from ledger.Date) int {
	if basis != BasisLeap {
		return basis
	}
	if y := from.Year(); y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		return 366
	}
	return 365
}

// settledBy reports whether the payments (sorted by date) settle amount on or before
// day, and the date of the payment that settles it.
func settledBy(pays []Payment, amount ledger.Cents, day ledger.Date) (ledger.Date, bool) {
	for _, p := range pays {
		if p.Date > day {
			break
		}
		amount -= p.Amount
		if amount <= 0 {
			return p.Date, true
		}
	}
	return ledger.NoDate, false
}
