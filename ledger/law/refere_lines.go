package law

import (
	"regexp"
	"slices"
	"strings"

	"relance/ledger"
)

// Deadline45Days is the time a public buyer has to pay the moratory interest and the
// fixed indemnity after paying the principal (C. commande publique R2192-36).
const Deadline45Days = 45

// refereLines sorts the customer's items into what the provision claims and what it
// leaves out, and why:
//   - an open debit item at the as-of date: its undisputed open part if it is an
//     invoice past due and not time-barred (loi 68-1250 art. 1), else left out;
//   - an invoice settled after its due date (unless in.SkipPaidLate): its interest and
//     indemnity alone, once the 45 days to pay them have passed (R2192-36), unless the
//     invoice itself is time-barred: the interest of each amount paid after the due
//     date (Settlements), those a penalty invoice billed left out (refereBills.late);
//   - a penalty invoice still owed, on its own line after the others (its ledger item,
//     once booked, is not claimed as an invoice).
func refereLines(in RefereInput) []RefereLine {
	acc := in.Account
	c := &acc.Customer
	opens := openAmounts(acc, in.AsOf, in.Open)
	bills := readBills(in)
	var out []RefereLine
	for i := range acc.Items {
		it := &acc.Items[i]
		if it.DocDate > in.AsOf || it.Amount <= 0 || bills.booked[it.ID] {
			continue
		}
		ref := it.Number
		if ref == "" {
			ref = it.ID
		}
		var inter []Interruption
		if in.Interruptions != nil {
			inter = in.Interruptions(c.ID, it.ID)
		}
		barred := func() bool { return Deadline(it, c.Kind, inter, in.AsOf).Level == LevelExpired }
		l := RefereLine{ClaimLine: ClaimLine{Item: it.ID, Number: ref, Kind: it.Kind.String(), DocDate: it.DocDate,
			DueDate: it.DueDate, Amount: it.Amount}, Contract: contractRef(it.Label)}
		open := opens[it]
		if open <= 0 {
			// Paid: its interest and indemnity when it was paid late.
			paid := it.Settled
			if in.SkipPaidLate || it.Kind != ledger.Invoice || !paid.Valid() || paid > in.AsOf ||
				!it.DueDate.Valid() || paid <= it.DueDate {
				continue
			}
			late, billed := bills.late(it, paid, in)
			if len(late) == 0 && !billed {
				continue // its open amount fell after the due date by credit notes only
			}
			l.Paid, l.Deadline45, l.Late = paid, paid.AddDays(Deadline45Days), late
			if billed {
				l.BilledBy, l.Billed = bills.by[it.ID], bills.owed[it.ID]
			}
			switch {
			case barred():
				l.Excluded = "law.ip.excl.limitation"
			case l.Deadline45 >= in.AsOf:
				l.Excluded = "refere.excl.within45" // not yet payable: R2192-36
			case len(late) == 0:
				l.Excluded = exclBilled // all billed by penalty invoices
			}
			out = append(out, l)
			continue
		}
		l.Open, l.ClaimLine.Claimed = open, open
		switch {
		case it.Flags&ledger.FlagUnpaidCheque != 0:
			l.ClaimLine.Claimed, l.Excluded = 0, "law.ip.excl.cheque"
		case it.Kind != ledger.Invoice && it.Kind != ledger.Opening:
			l.ClaimLine.Claimed, l.Excluded = 0, "law.ip.excl.undetermined"
		case !it.DueDate.Valid():
			l.ClaimLine.Claimed, l.Excluded = 0, "law.ip.excl.nodue"
		case it.DueDate >= in.AsOf:
			l.ClaimLine.Claimed, l.Excluded = 0, "law.ip.excl.notdue"
		case barred():
			l.ClaimLine.Claimed, l.Excluded = 0, "law.ip.excl.limitation" // loi 68-1250 art. 1
		case in.Disputes != nil:
			// CJA R541-1: only what is not seriously disputable.
			if d := in.Disputes.DisputedAmount(it, in.AsOf); d > 0 {
				l.ClaimLine.Claimed = max(0, open-d)
				l.Excluded = "law.ip.excl.disputed"
			}
		}
		out = append(out, l)
	}
	slices.SortStableFunc(out, func(a, b RefereLine) int { return int(a.DueDate - b.DueDate) })
	return append(out, bills.lines...)
}

// compute fills the décompte of the lines claimed — unpaid invoices to the as-of date,
// invoices paid late to the day they were paid — at the public buyer's rate, the ECB
// rate on the first day of the half-year the interest started + 8 points, fixed for the
// whole delay (R2192-31), with €40 per invoice (L2192-13, D2192-35); then the legal
// interest on the interest and indemnity not paid within 45 days (R2192-36); then the
// totals.
func (p *ReferePack) compute(r *Rates, in RefereInput) error {
	var unpaid []Invoice
	for _, l := range p.Lines {
		if l.Paid.Valid() || l.ClaimLine.Claimed <= 0 {
			continue
		}
		if l.Kind == KindPenaltyInvoice {
			p.PenaltyInvoices += l.ClaimLine.Claimed // no interest, no indemnity on it
			continue
		}
		p.Principal += l.ClaimLine.Claimed
		unpaid = append(unpaid, Invoice{Ref: l.Number, Amount: l.ClaimLine.Claimed, Due: l.DueDate})
	}
	terms := Terms{Debtor: DebtorPublic, End: p.AsOf, Currency: p.Currency}
	var parts []*Decompte
	if len(unpaid) > 0 {
		d, capped, err := computeCapped(r, terms, unpaid)
		if err != nil {
			return err
		}
		if capped != nil {
			p.Notes = append(p.Notes, *capped)
		}
		parts = append(parts, d)
	}
	for _, l := range p.Lines {
		if !l.Paid.Valid() || l.Excluded != "" {
			continue
		}
		// The interest on each amount paid late runs to the day it was paid (legal-fr
		// §3), as a penalty invoice computes it; those a penalty invoice billed are not
		// among l.Late.
		t := terms
		inv := Invoice{Ref: l.Number, Due: l.DueDate, Payments: l.Late}
		for _, pay := range l.Late {
			inv.Amount += pay.Amount
		}
		t.End = l.Late[len(l.Late)-1].Date
		d, err := Compute(r, t, inv)
		if err != nil {
			return err
		}
		parts = append(parts, d)
	}
	if len(parts) > 0 {
		p.Decompte = mergeDecomptes(p.AsOf, parts)
		dropBilledIndemnities(p.Decompte, in.Penalties) // one €40 per invoice
		for i := range p.Lines {
			l := &p.Lines[i]
			for _, t := range p.Decompte.Invoices {
				if t.Invoice == l.Number && l.Counted() {
					l.Interest, l.Indemnity = t.Interest, t.Indemnity
				}
			}
		}
		p.Interest, p.Indemnity = p.Decompte.Totals.Interest, p.Decompte.Totals.Indemnity
	}
	if err := p.lateInterest(r, in.Notice); err != nil {
		return err
	}
	p.Total = p.Principal + p.PenaltyInvoices + p.Interest + p.Indemnity + p.LegalInterest
	return nil
}

// mergeDecomptes joins the décomptes of the unpaid invoices and of each invoice paid
// late (each with its own end date) into one, ending at asOf.
func mergeDecomptes(asOf ledger.Date, parts []*Decompte) *Decompte {
	d := &Decompte{Debtor: DebtorPublic, End: asOf, Basis: parts[0].Basis, Currency: parts[0].Currency,
		Lines: []Line{}, Invoices: []InvoiceTotal{}, Notes: []Note{}}
	for _, part := range parts {
		d.Lines = append(d.Lines, part.Lines...)
		for _, t := range part.Invoices {
			d.add(t)
		}
		for _, n := range part.Notes {
			d.note(n.Key, n.Args...)
		}
	}
	slices.SortStableFunc(d.Lines, func(a, b Line) int { return int(a.From - b.From) })
	return d
}

// lateInterest computes the legal interest on the interest and indemnity of each
// invoice paid late that the public buyer did not pay within the 45 days after paying
// the principal (R2192-36) — computed here or billed by a penalty invoice still owed
// (LateBase) —: beyond them, interest at the legal rate, the rate of
// "other cases" for a business creditor, runs from the formal notice claiming them
// (C. civ. 1231-6, 1344-1; legal-fr §3), to the as-of date. Without a notice after the
// 45 days nothing is computed and a note says so. The rate is the one of each
// half-year (CMF L313-2); the computation stops where the rate tables do, with a note.
func (p *ReferePack) lateInterest(r *Rates, notice *NoticeRef) error {
	d := &Decompte{Debtor: DebtorPublic, End: p.AsOf, Basis: 365, Currency: p.Currency, Lines: []Line{},
		Invoices: []InvoiceTotal{}, Notes: []Note{}}
	missing := false
	for i := range p.Lines {
		l := &p.Lines[i]
		if !l.LateClaimed() || l.Deadline45 >= p.AsOf {
			continue
		}
		base := l.LateBase()
		if base <= 0 {
			continue
		}
		if notice == nil || !notice.Date.Valid() || notice.Date >= p.AsOf {
			missing = true
			continue
		}
		start := max(l.Deadline45, notice.Date) // last day not bearing interest
		tot := InvoiceTotal{Invoice: l.Number, Amount: base, Due: l.Deadline45, Principal: base, Late: true}
		for from := start + 1; from <= p.AsOf; {
			h := HalfOf(from)
			to := min(h.End(), p.AsOf)
			ar, err := r.LegalInterestRate(h, OtherCases)
			if err != nil {
				d.note("refere.note.legal_cap", "date", (from - 1).String())
				break
			}
			ar.Rule = "R2192-36; C. civ. 1231-6"
			days := to.DaysSince(from) + 1
			exact, cents := SimpleInterest(base, ar.Rate, days, 365)
			d.Lines = append(d.Lines, Line{Invoice: l.Number, From: from, To: to, Days: days, Rate: ar, Base: base,
				Basis: 365, Exact: exact, Interest: cents})
			tot.Interest += cents
			from = to + 1
		}
		l.LegalInterest = tot.Interest
		d.add(tot)
	}
	if missing {
		p.Notes = append(p.Notes, Note{Key: "refere.note.legal_no_notice"})
	}
	if len(d.Lines) > 0 {
		d.note("refere.note.legal_interest")
		d.note("law.note.rounding", "basis", "365")
		p.LateInterest = d
		p.LegalInterest = d.Totals.Interest
	}
	return nil
}

// contractPattern finds a contract or order reference in an item's label: « marché
// n° 2024-015 », « bon de commande BC-1234 », « EJ 1300456789 » (engagement juridique).
var contractPattern = regexp.MustCompile(`(?i)\b(?:march[ée]|contrat|bon de commande|commande|BC|EJ|engagement juridique)\s*(?:n\s*[°o]\.?|num[ée]ro|no\.?)?\s*[:#]?\s*[A-Z0-9][A-Z0-9/_.\-]*\d[A-Z0-9/_.\-]*`)

// contractRef returns the contract or order reference found in label, or "".
func contractRef(label string) string {
	return strings.TrimSpace(contractPattern.FindString(label))
}

// contractsOf lists the distinct references of the lines claimed.
func contractsOf(lines []RefereLine) []string {
	out := []string{}
	for _, l := range lines {
		if l.Contract != "" && l.Counted() && !slices.Contains(out, l.Contract) {
			out = append(out, l.Contract)
		}
	}
	return out
}

// accountantPattern recognises the public accountant or the payment service among a
// public body's contacts.
var accountantPattern = regexp.MustCompile(`(?i)comptab|tr[ée]sor|paierie|payeur|\bSGC\b|facturier|accountant|treasur`)

// accountantOf names the public body's accountant or payment service from its
// contacts, « Name (Role), e-mail, phone », or "".
func accountantOf(c *ledger.Customer) string {
	for _, ct := range c.Contacts {
		if !accountantPattern.MatchString(ct.Name + " " + ct.Role) {
			continue
		}
		s := ct.Name
		if ct.Role != "" {
			s += " (" + ct.Role + ")"
		}
		for _, v := range []string{ct.Email, ct.Phone} {
			if v != "" {
				s += ", " + v
			}
		}
		return strings.TrimSpace(s)
	}
	return ""
}
