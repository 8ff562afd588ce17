package law

import (
	"testing"

	"relance/ledger"
)

// A UK debtor under UK law in a dossier kept in euros: the statutory interest runs on
// the euro amounts, and the Late Payment Act fixed sum (a band of the debt in pounds,
// s.5A) is never chosen from a euro amount: stated apart in pounds when the invoice
// was issued in pounds, said unknown otherwise (issue 22 point 5).
func TestUKFixedSumNeverFromEuros(t *testing.T) {
	r := mustRates(t)
	inv := Invoice{Ref: "U4", Amount: cents("12000"), Due: day("2023-07-10")}
	eur := Terms{Debtor: DebtorUK, End: day("2023-10-08"), Currency: "EUR"}

	d, err := Compute(r, eur, inv)
	if err != nil {
		t.Fatal(err)
	}
	if d.Currency != "EUR" || d.Totals.Indemnity != 0 || d.Totals.Interest != cents("384.66") {
		t.Fatalf("EUR décompte without pounds: currency %s, indemnity %s, interest %s", d.Currency, d.Totals.Indemnity, d.Totals.Interest)
	}
	if !hasNote(d, "law.note.uk_band_unknown") || hasNote(d, "law.note.indemnity_uk") {
		t.Fatalf("notes %+v: want the band said unknown", d.Notes)
	}

	inv.Pounds = cents("10250.00") // issued in pounds: £10,250 → £100 band, although €12,000 is above too
	d, err = Compute(r, eur, inv)
	if err != nil {
		t.Fatal(err)
	}
	if d.Totals.Indemnity != 0 || !hasNote(d, "law.note.uk_band_apart") {
		t.Fatalf("EUR décompte with pounds: indemnity %s, notes %+v", d.Totals.Indemnity, d.Notes)
	}
	got := FormatNote(noteOf(d, "law.note.uk_band_apart"), "en", d.Currency)
	if want := "Invoice U4: Late Payment Act fixed sum (s.5A) of £100.00, on a debt of £10,250.00 — due in pounds, not added to the total."; got != want {
		t.Fatalf("note\n got %q\nwant %q", got, want)
	}

	inv.Pounds = cents("950.00") // £950 → £40 band although €12,000 would give £100
	d, _ = Compute(r, eur, inv)
	if got := FormatNote(noteOf(d, "law.note.uk_band_apart"), "fr", d.Currency); got != "Facture U4 : somme fixe du Late Payment Act (s.5A) de 40,00\u00a0£, sur une dette de 950,00\u00a0£ — due en livres, non ajoutée au total." {
		t.Fatalf("fr note %q", got)
	}

	// The calculator, amounts typed in pounds: the band is added (UK-4 of the vectors).
	d, _ = Compute(r, Terms{Debtor: DebtorUK, End: day("2023-10-08")}, Invoice{Ref: "U4", Amount: cents("12000"), Due: day("2023-07-10")})
	if d.Currency != "GBP" || d.Totals.Indemnity != cents("100") {
		t.Fatalf("calculator: currency %s indemnity %s", d.Currency, d.Totals.Indemnity)
	}
}

// A customer's invoice issued in pounds carries its open part in pounds to the engine.
func TestCustomerInvoicesCarryPounds(t *testing.T) {
	acc := &ledger.Account{Customer: ledger.Customer{ID: "C1"}, Items: []ledger.Item{
		{ID: "1", Number: "F1", Kind: ledger.Invoice, DocDate: day("2026-01-01"), DueDate: day("2026-01-31"),
			Amount: cents("1150.00"), Open: cents("575.00"), Currency: "GBP", CurAmount: cents("1000.00")},
		{ID: "2", Number: "F2", Kind: ledger.Invoice, DocDate: day("2026-01-01"), DueDate: day("2026-01-31"),
			Amount: cents("100.00"), Open: cents("100.00")},
	}}
	invs := CustomerInvoices(acc, day("2026-06-30"), nil)
	if len(invs) != 2 || invs[0].Pounds != cents("500.00") || invs[1].Pounds != 0 {
		t.Fatalf("invoices %+v", invs)
	}
}

func hasNote(d *Decompte, key string) bool { return noteOf(d, key).Key == key }

func noteOf(d *Decompte, key string) Note {
	for _, n := range d.Notes {
		if n.Key == key {
			return n
		}
	}
	return Note{}
}
