package law

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"relance/ledger"
)

// BilledInvoice is one invoice of a penalty invoice: the late payments it bills, each
// bearing interest from the day after Start to its own date, and the fixed indemnity.
type BilledInvoice struct {
	Item    string       `json:"item"`
	Number  string       `json:"number"`
	DocDate ledger.Date  `json:"doc_date"`
	Due     ledger.Date  `json:"due"`
	Amount  ledger.Cents `json:"amount"` // the invoice's amount incl. VAT
	// Start is the last day without interest: the due date (C. com. L441-10 II), or for
	// a consumer the formal notice (C. civ. 1231-6).
	Start     ledger.Date  `json:"start"`
	Payments  []Payment    `json:"payments"` // the late payments billed, oldest first
	Interest  ledger.Cents `json:"interest"`
	Indemnity ledger.Cents `json:"indemnity"`
}

// Paid returns the sum of the payments billed.
func (b *BilledInvoice) Paid() ledger.Cents {
	var s ledger.Cents
	for _, p := range b.Payments {
		s += p.Amount
	}
	return s
}

// PenaltyInvoice is a penalty invoice (facture de pénalités, note de débit): for the
// invoices of a customer paid late in full or in part, the interest of its regime on
// each amount paid late for its own period, and one fixed indemnity per invoice where
// the regime has one. Issued, it is numbered and frozen in the letter archive; the
// record keeps the invoices and payments billed, so that the same lateness is never
// billed twice.
type PenaltyInvoice struct {
	Number   string      `json:"number,omitempty"` // "ND-2026-0001"; "" before it is issued
	Date     ledger.Date `json:"date"`             // its date, the as-of date of the computation
	Customer string      `json:"customer"`
	Name     string      `json:"name"`
	Debtor   Debtor      `json:"debtor"`
	Currency string      `json:"currency"`
	// From and To bound the payment dates considered (NoDate: no bound).
	From      ledger.Date     `json:"from,omitempty"`
	To        ledger.Date     `json:"to,omitempty"`
	Invoices  []BilledInvoice `json:"invoices"`
	Interest  ledger.Cents    `json:"interest"`
	Indemnity ledger.Cents    `json:"indemnity"`
	Total     ledger.Cents    `json:"total"` // Interest + Indemnity: outside the scope of VAT
	// Decompte is the line-by-line computation (not kept in the archive record: the PDF
	// prints it).
	Decompte *Decompte `json:"decompte,omitempty"`
	// Left says what was left out and why: paid on time, already billed, time-barred,
	// no formal notice to a consumer…
	Left []Note `json:"left,omitempty"`
}

// Empty reports whether the penalty invoice bills nothing: no document is issued.
func (p *PenaltyInvoice) Empty() bool { return len(p.Invoices) == 0 || p.Total <= 0 }

// Record returns the part of p the archive keeps: no décompte, no notes.
func (p *PenaltyInvoice) Record() PenaltyInvoice {
	r := *p
	r.Decompte, r.Left = nil, nil
	return r
}

// UnmarshalText implements encoding.TextUnmarshaler: the names MarshalText writes
// (an archived penalty invoice is read back).
func (d *Debtor) UnmarshalText(b []byte) error {
	v, ok := ParseDebtor(string(b))
	if !ok {
		return &ledger.Problem{Key: "law.err.debtor", Args: []string{"value", string(b)}}
	}
	*d = v
	return nil
}

// Notice is a formal notice sent to a customer: from it, a consumer owes legal interest
// on the invoices it covers (C. civ. 1231-6, 1344-1).
type Notice struct {
	Date  ledger.Date
	Items []string // item IDs it covers; none: the whole account
}

func (n Notice) covers(item string) bool { return len(n.Items) == 0 || slices.Contains(n.Items, item) }

// PenaltyInput is what a penalty invoice is computed from besides the account.
type PenaltyInput struct {
	// AsOf is the penalty invoice's date: payments dated up to it are read.
	AsOf ledger.Date
	// From and To keep the payments dated in [From, To] (NoDate: no bound).
	From, To ledger.Date
	// ContractRate is a penalty rate agreed in the terms of sale (B2B only), with the
	// floor of L441-10 II (see Terms.ContractRate).
	ContractRate decimal.NullDecimal
	// Basis is the days per year (Terms.Basis); 0: 365.
	Basis int
	// Notices are the formal notices sent to the customer (used for a consumer).
	Notices []Notice
	// Issued are the penalty invoices already issued to the customer.
	Issued []PenaltyInvoice
	// Procedures are the dossier's insolvency procedures.
	Procedures []Procedure
	// Currency is the dossier's currency, the ledger amounts'; "": EUR.
	Currency string
}

// BuildPenaltyInvoice computes the penalty invoice of acc at in.AsOf (not numbered):
// the invoices paid late in full or in part (Settlements: the payments the ledger shows
// after the due date), each paid amount bearing the interest of the customer's regime
// (DebtorOf) from the day after the due date to its payment date, half-year by
// half-year where the rate is set per half-year (Compute), and one fixed indemnity per
// invoice where the regime has one. Payments already billed by an earlier penalty
// invoice, dated outside [From, To], or whose penalties are time-barred are left out,
// each with a note. A consumer owes legal interest from the formal notice only, and no
// indemnity. The result may be Empty: then nothing is owed and its Left notes say why.
func BuildPenaltyInvoice(r *Rates, acc *ledger.Account, in PenaltyInput, open ledger.OpenAtFunc) (*PenaltyInvoice, error) {
	c := &acc.Customer
	if !in.AsOf.Valid() {
		return nil, &ledger.Problem{Key: "law.err.end"}
	}
	if in.From.Valid() && in.To.Valid() && in.From > in.To {
		return nil, &ledger.Problem{Key: "penaltyinv.err.period", Args: []string{"from", in.From.String(), "to", in.To.String()}}
	}
	if p := Active(in.Procedures, c.ID, in.AsOf); p != nil {
		// C. com. L622-7, L622-21: once a collective procedure is opened, claims born
		// before it are filed with the mandataire, not billed to the debtor.
		return nil, &ledger.Problem{Key: "penaltyinv.err.insolvency", Args: []string{"customer", c.Name, "judgment", p.Judgment.String()}}
	}
	debtor := DebtorOf(c)
	pi := &PenaltyInvoice{Date: in.AsOf, Customer: c.ID, Name: c.Name, Debtor: debtor, Currency: currencyOr(in.Currency),
		From: in.From, To: in.To, Invoices: []BilledInvoice{}}
	billed, indemnity := billedBefore(in.Issued)
	d := &Decompte{Debtor: debtor, Basis: in.Basis, Currency: pi.Currency, Lines: []Line{}, Invoices: []InvoiceTotal{}, Notes: []Note{}}
	left := func(key string, args ...string) { pi.Left = append(pi.Left, Note{Key: key, Args: args}) }
	for _, st := range Settlements(acc, in.AsOf, open) {
		it := st.Item
		ref := it.Number
		if ref == "" {
			ref = it.ID
		}
		bi := BilledInvoice{Item: it.ID, Number: ref, DocDate: it.DocDate, Due: it.DueDate, Amount: it.Amount, Start: it.DueDate}
		var late []Payment
		for _, p := range st.Payments {
			if p.Date > it.DueDate { // C. com. L441-10 II: late from the day after the due date
				late = append(late, p)
			}
		}
		if len(late) == 0 {
			continue // paid on time, or not paid yet: nothing to bill
		}
		if debtor == DebtorConsumer {
			n, ok := firstNotice(in.Notices, it)
			if !ok {
				left("penaltyinv.left.no_notice", "invoice", ref)
				continue
			}
			bi.Start = n
		}
		for _, p := range late {
			switch {
			case in.From.Valid() && p.Date < in.From, in.To.Valid() && p.Date > in.To:
				continue
			case p.Date <= bi.Start:
				left("penaltyinv.left.before_notice", "invoice", ref, "date", p.Date.String(), "notice", bi.Start.String())
				continue
			case timeBarred(debtor, p.Date, in.AsOf):
				left("penaltyinv.left.time_barred", "invoice", ref, "date", p.Date.String(), "amount", p.Amount.String())
				continue
			}
			if b := billed[it.ID][p.Date]; b.amount > 0 {
				take := min(b.amount, p.Amount)
				left("penaltyinv.left.billed", "invoice", ref, "date", p.Date.String(), "amount", take.String(), "number", b.number)
				p.Amount -= take
			}
			if p.Amount > 0 {
				bi.Payments = append(bi.Payments, p)
			}
		}
		if len(bi.Payments) == 0 {
			continue
		}
		terms := Terms{Debtor: debtor, End: bi.Payments[len(bi.Payments)-1].Date, ContractRate: in.ContractRate, Basis: in.Basis,
			Currency: pi.Currency}
		if debtor == DebtorConsumer {
			terms.Notice = bi.Start
		}
		// The Late Payment Act band is the whole debt's, in pounds (s.5A).
		one, err := Compute(r, terms, Invoice{Ref: ref, Amount: bi.Paid(), Due: it.DueDate, Payments: bi.Payments,
			Pounds: poundsOf(it, it.Amount)})
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", c.ID, ref, err)
		}
		tot := one.Invoices[0]
		switch {
		case debtor == DebtorConsumer:
			tot.Indemnity = 0 // D441-5 binds professional debtors only
		case indemnity[it.ID] != "":
			tot.Indemnity = 0 // one indemnity per invoice, already billed
			d.note("penaltyinv.note.indemnity_billed", "invoice", ref, "number", indemnity[it.ID])
		case debtor == DebtorUK && pi.Currency == "GBP":
			tot.Indemnity = UKCompensation(it.Amount) // Late Payment Act 1998 s.5A: by the debt's amount
		}
		bi.Interest, bi.Indemnity = tot.Interest, tot.Indemnity
		d.Lines = append(d.Lines, one.Lines...)
		d.add(tot)
		for _, n := range one.Notes {
			d.note(n.Key, n.Args...)
		}
		d.Basis, d.End = one.Basis, max(d.End, terms.End)
		pi.Invoices = append(pi.Invoices, bi)
		pi.Interest += bi.Interest
		pi.Indemnity += bi.Indemnity
	}
	pi.Total = pi.Interest + pi.Indemnity
	if len(pi.Invoices) > 0 {
		pi.Decompte = d
	}
	return pi, nil
}

// firstNotice returns the earliest formal notice dated on or after the invoice's due
// date that covers it.
func firstNotice(ns []Notice, it *ledger.Item) (ledger.Date, bool) {
	best := ledger.NoDate
	for _, n := range ns {
		if n.Date >= it.DueDate && n.covers(it.ID) && (!best.Valid() || n.Date < best) {
			best = n.Date
		}
	}
	return best, best.Valid()
}

type billedPay struct {
	amount ledger.Cents
	number string
}

// billedBefore indexes what earlier penalty invoices billed: by item and payment
// date, the amount and the penalty invoice's number; and by item, the number of the
// penalty invoice that billed its indemnity.
func billedBefore(issued []PenaltyInvoice) (map[string]map[ledger.Date]billedPay, map[string]string) {
	pays := map[string]map[ledger.Date]billedPay{}
	ind := map[string]string{}
	for _, p := range issued {
		for _, b := range p.Invoices {
			if pays[b.Item] == nil {
				pays[b.Item] = map[ledger.Date]billedPay{}
			}
			for _, pay := range b.Payments {
				e := pays[b.Item][pay.Date]
				e.amount += pay.Amount
				e.number = p.Number
				pays[b.Item][pay.Date] = e
			}
			if b.Indemnity > 0 && ind[b.Item] == "" {
				ind[b.Item] = p.Number
			}
		}
	}
	return pays, ind
}

// timeBarred reports whether the penalties of a payment made on paid are time-barred at
// asOf: the claim is born on the day of the late payment.
func timeBarred(debtor Debtor, paid, asOf ledger.Date) bool {
	var last ledger.Date
	switch debtor {
	case DebtorConsumer:
		last = paid.AddMonths(24) // C. consom. L218-2: 2 years
	case DebtorPublic:
		// Loi 68-1250 art. 1: four years from 1 January of the year after the one in
		// which the right was acquired.
		last = ledger.NewDate(paid.Year()+4, time.December, 31)
	case DebtorUK:
		last = paid.AddMonths(72) // Limitation Act 1980 s.5: 6 years
	default:
		last = paid.AddMonths(60) // C. com. L110-4 I: 5 years
	}
	return asOf > last
}

// PenaltyNumberPrefix starts the number of every penalty invoice: « ND » for note de
// débit.
const PenaltyNumberPrefix = "ND"

// NextPenaltyNumber returns the number of a penalty invoice dated date after issued:
// « ND-2026-0001 », one continuous series per calendar year (CGI art. 242 nonies A:
// invoices are numbered in one chronological, continuous sequence). A date before the
// latest issued one is refused: the numbers would no longer follow the dates.
func NextPenaltyNumber(issued []PenaltyInvoice, date ledger.Date) (string, error) {
	seq := 0
	for _, p := range issued {
		if p.Date > date {
			return "", &ledger.Problem{Key: "penaltyinv.err.date_order", Args: []string{"date", date.String(), "number", p.Number, "last", p.Date.String()}}
		}
		y, n, ok := parsePenaltyNumber(p.Number)
		if ok && y == date.Year() {
			seq = max(seq, n)
		}
	}
	return fmt.Sprintf("%s-%04d-%04d", PenaltyNumberPrefix, date.Year(), seq+1), nil
}

func parsePenaltyNumber(s string) (year, seq int, ok bool) {
	parts := strings.Split(s, "-")
	if len(parts) != 3 || parts[0] != PenaltyNumberPrefix {
		return 0, 0, false
	}
	y, err1 := strconv.Atoi(parts[1])
	n, err2 := strconv.Atoi(parts[2])
	return y, n, err1 == nil && err2 == nil
}
