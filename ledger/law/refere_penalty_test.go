package law

import (
	"strings"
	"testing"

	"relance/ledger"
	"relance/ledger/credit"
)

// ndOf is a penalty invoice issued on date that billed, for each invoice, the late
// payments given with the interest and the €40.
func ndOf(number, date string, open ledger.Cents, billed ...BilledInvoice) PenaltyDue {
	p := PenaltyDue{Number: number, Date: day(date), Invoices: billed}
	for _, b := range billed {
		p.Total += b.Interest + b.Indemnity
		if b.Indemnity > 0 {
			p.Indemnities = append(p.Indemnities, b.Number)
		}
	}
	p.Open = open
	if open < 0 {
		p.Open = p.Total
	}
	return p
}

// billedD is what a penalty invoice computes for D of refereAccount (€4,000 due
// 2025-01-31, paid 2025-04-01): 73.32 of interest at 11.15 % over 60 days, and €40.
func billedD(paid ledger.Cents, interest string) BilledInvoice {
	return BilledInvoice{Item: "D", Number: "FD", Due: day("2025-01-31"), Amount: cents("4000"), Start: day("2025-01-31"),
		Payments: []Payment{{Date: day("2025-04-01"), Amount: paid}}, Interest: cents(interest), Indemnity: cents("40")}
}

// A penalty invoice that billed D's lateness: the pack claims the penalty invoice on
// its own line, citing its number and date, and no longer computes D's interest and
// €40; the legal interest beyond the 45 days still runs on them; the total is the
// same as before it was issued (TestBuildRefere: 12,210.38).
func TestRefereWithPenaltyInvoice(t *testing.T) {
	r := mustRates(t)
	s := ledger.Settings{Company: ledger.Company{Name: "Société Exemple", LegalForm: "SAS"}}
	in := RefereInput{Account: refereAccount(ledger.PublicBody), AsOf: day("2025-11-20"),
		Disputes: fakeDisputes{"B": cents("5000"), "C": cents("500")},
		Notice:   &NoticeRef{Date: day("2025-09-10"), Ref: "LR123", InDossier: true}}
	in.Penalties = []PenaltyDue{ndOf("ND-2025-0001", "2025-06-01", -1, billedD(cents("4000"), "73.32"))}
	p, err := BuildRefere(r, s, in)
	if err != nil {
		t.Fatal(err)
	}
	d := refereLine(t, p, "FD")
	if d.Excluded != exclBilled || d.Interest != 0 || d.Indemnity != 0 || d.Billed != cents("113.32") ||
		d.LegalInterest != cents("0.61") || strings.Join(d.BilledBy, ",") != "ND-2025-0001" || !d.LateClaimed() {
		t.Errorf("D billed: %+v", d)
	}
	nd := refereLine(t, p, "ND-2025-0001")
	if nd.Kind != KindPenaltyInvoice || nd.ClaimLine.Claimed != cents("113.32") || nd.DocDate != day("2025-06-01") || nd.Excluded != "" {
		t.Errorf("penalty invoice line: %+v", nd)
	}
	if p.Principal != cents("11500") || p.PenaltyInvoices != cents("113.32") || p.Interest != cents("516.45") ||
		p.Indemnity != cents("80") || p.LegalInterest != cents("0.61") || p.Total != cents("12210.38") {
		t.Errorf("totals: principal %s penalty invoices %s interest %s indemnity %s legal %s total %s", p.Principal,
			p.PenaltyInvoices, p.Interest, p.Indemnity, p.LegalInterest, p.Total)
	}
	for _, l := range p.Decompte.Lines {
		if l.Invoice == "FD" {
			t.Errorf("D's lateness computed again: %+v", l)
		}
	}
	all := func(lang string) string {
		var b strings.Builder
		for _, n := range p.Facts {
			b.WriteString(p.Text(n, lang) + "\n")
		}
		for _, c := range p.Conclusions() {
			b.WriteString(p.Text(c.Note, lang) + "\n")
		}
		for _, doc := range p.Documents {
			b.WriteString(p.DocText(doc, lang) + "\n")
		}
		for _, n := range p.Notes {
			b.WriteString(p.Text(n, lang) + "\n")
		}
		for _, tot := range p.Totals() {
			b.WriteString(FormatNote(Note{Key: tot.Key}, lang, "EUR") + "\n")
		}
		return b.String()
	}
	fr := all("fr")
	for _, want := range []string{"note de débit) n° ND-2025-0001 du 01/06/2025", "Facture de pénalités ND-2025-0001 du 01/06/2025",
		"Factures de pénalités (notes de débit)", "n’est réclamée qu’une fois", "Facture n° FD du 01/01/2025"} {
		if !strings.Contains(fr, want) {
			t.Errorf("French text lacks %q:\n%s", want, fr)
		}
	}
	for _, lang := range []string{"fr", "en"} {
		if txt := all(lang); strings.Contains(txt, "refere2.") || strings.Contains(txt, "{") {
			t.Errorf("%s: untranslated or unfilled:\n%s", lang, txt)
		}
	}
	for _, c := range p.Conclusions() {
		if c.Note.Key == "refere2.concl.penalty_invoice" && *c.Amount != cents("113.32") {
			t.Errorf("conclusion %+v", c)
		}
	}

	// Half of D's lateness billed (a penalty invoice bounded to a period): the other
	// half is computed, 2,000 × 11.15 % × 60 / 365 = 36.6575 → 36.66, without a second €40.
	in.Penalties = []PenaltyDue{ndOf("ND-2025-0001", "2025-06-01", -1, billedD(cents("2000"), "36.66"))}
	p, err = BuildRefere(r, s, in)
	if err != nil {
		t.Fatal(err)
	}
	if d := refereLine(t, p, "FD"); d.Excluded != "" || d.Interest != cents("36.66") || d.Indemnity != 0 || d.Billed != cents("76.66") {
		t.Errorf("D billed in part: %+v", d)
	}
	if p.Total != cents("12210.38") {
		t.Errorf("total with D billed in part: %s", p.Total)
	}

	// The penalty invoice paid in part: only what is still owed of it is claimed, and
	// bears the legal interest; paid in full: nothing of D is claimed any more.
	in.Penalties = []PenaltyDue{ndOf("ND-2025-0001", "2025-06-01", cents("13.32"), billedD(cents("4000"), "73.32"))}
	p, _ = BuildRefere(r, s, in)
	if d := refereLine(t, p, "FD"); d.Billed != cents("13.32") || p.PenaltyInvoices != cents("13.32") {
		t.Errorf("penalty invoice paid in part: D %+v, claimed %s", d, p.PenaltyInvoices)
	}
	in.Penalties[0].Open = 0
	p, _ = BuildRefere(r, s, in)
	if d := refereLine(t, p, "FD"); d.Counted() || d.LegalInterest != 0 || p.PenaltyInvoices != 0 ||
		p.Total != cents("12210.38")-cents("113.32")-cents("0.61") {
		t.Errorf("penalty invoice paid: D %+v, total %s", d, p.Total)
	}

	// A penalty invoice that billed E, paid less than 45 days before: that part is not
	// yet payable (R2192-36) and left out of the penalty invoice's line.
	billedE := BilledInvoice{Item: "E", Number: "FE", Due: day("2025-09-30"), Amount: cents("3000"),
		Payments: []Payment{{Date: day("2025-10-31"), Amount: cents("3000")}}, Interest: cents("28.41"), Indemnity: cents("40")}
	in.Penalties = []PenaltyDue{ndOf("ND-2025-0002", "2025-11-05", -1, billedD(cents("4000"), "73.32"), billedE)}
	p, _ = BuildRefere(r, s, in)
	nd = refereLine(t, p, "ND-2025-0002")
	if nd.Open != cents("181.73") || nd.ClaimLine.Claimed != cents("113.32") || nd.Excluded != exclPenaltyWithin45 ||
		p.Total != cents("12210.38") {
		t.Errorf("penalty invoice in part within 45 days: %+v, total %s", nd, p.Total)
	}
	if e := refereLine(t, p, "FE"); e.Excluded != "refere.excl.within45" {
		t.Errorf("E: %+v", e)
	}

	// A penalty invoice booked in the accounts is claimed as itself, not as an invoice.
	in.Penalties = []PenaltyDue{ndOf("ND-2025-0001", "2025-06-01", -1, billedD(cents("4000"), "73.32"))}
	in.Penalties[0].Item = "N"
	in.Account.Items = append(in.Account.Items, ledger.Item{ID: "N", Customer: "P1", Kind: ledger.Invoice, Number: "ND-2025-0001",
		DocDate: day("2025-06-01"), DueDate: day("2025-07-01"), Amount: cents("113.32"), Open: cents("113.32")})
	p, _ = BuildRefere(r, s, in)
	n := 0
	for _, l := range p.Lines {
		if l.Number == "ND-2025-0001" {
			n++
		}
	}
	if n != 1 || p.Total != cents("12210.38") {
		t.Errorf("booked penalty invoice: %d lines, total %s", n, p.Total)
	}
}

// An invoice paid late bears interest on the amounts paid after its due date, each to
// its own date, as a penalty invoice computes it: not on a part cancelled by a credit
// note (1,000 less a credit note of 200, 800 paid 30 days late: 800 × 11.15 % × 30 /
// 365 = 7.3315 → 7.33), not on the whole invoice to its last payment.
func TestRefereLatePayments(t *testing.T) {
	r := mustRates(t)
	credited := paidAccount(ledger.PublicBody, "1000", "2025-03-01", "2025-03-31", "2025-03-10:200", "2025-04-30:800")
	for i := range credited.Items {
		if credited.Items[i].ID == "P1" {
			credited.Items[i].Kind, credited.Items[i].Number = ledger.CreditNote, "AV1"
		}
	}
	instalments := paidAccount(ledger.PublicBody, "1000", "2025-03-01", "2025-03-31", "2025-04-15:400", "2025-05-15:600")
	for i, acc := range []*ledger.Account{credited, instalments} {
		in := RefereInput{Account: acc, AsOf: day("2025-11-20"), Open: credit.OpenAtMap}
		p, err := BuildRefere(r, ledger.Settings{}, in)
		if err != nil {
			t.Fatal(err)
		}
		l := refereLine(t, p, "F100")
		pi, err := BuildPenaltyInvoice(r, acc, PenaltyInput{AsOf: in.AsOf}, credit.OpenAtMap)
		if err != nil || len(pi.Invoices) != 1 {
			t.Fatalf("penalty invoice: %+v %v", pi, err)
		}
		if l.Interest != pi.Invoices[0].Interest || l.Indemnity != cents("40") || l.Excluded != "" {
			t.Errorf("case %d: référé %+v, penalty invoice %s", i, l, pi.Invoices[0].Interest)
		}
		if i == 0 && (l.Interest != cents("7.33") || len(l.Late) != 1 || l.Late[0].Amount != cents("800")) {
			t.Errorf("credit note: %+v", l)
		}
	}
}
