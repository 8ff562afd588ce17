package credit

import (
	"testing"

	"relance/ledger"
	"relance/ledger/demo"
)

// A customer with known payments, profiled at 30 June 2026 (windows: 6 months from
// 1 Jan 2026, 12 months from 1 Jul 2025).
//
//	P1 1 000 due 1 Oct 2025, paid 11 Oct 2025 by transfer: 10 days late (previous 6 months)
//	P2 2 000 due 4 Feb 2026, paid 1 Feb by cheque: 3 days early
//	P3 1 000 due 12 Mar 2026, paid 600 on 20 Mar and 400 on 1 Apr by transfer: 20 days late, in part
//	P4 3 000 due 31 May 2026, 1 000 paid on 10 Jun (partial lettering "ad"): open 2 000, 30 days late
//	P5   500 due 15 Jul 2026: open, not due
func profileAccount() *ledger.Account {
	pay := func(id string, d ledger.Date, amt ledger.Cents, label, match string, settled ledger.Date) ledger.Item {
		return ledger.Item{ID: id, Kind: ledger.Payment, Label: label, DocDate: d, DueDate: d, Amount: -amt, Match: match, Settled: settled}
	}
	lettered := func(it ledger.Item, match string, settled ledger.Date) ledger.Item {
		it.Match, it.Settled, it.Open = match, settled, 0
		return it
	}
	a := &ledger.Account{Customer: ledger.Customer{ID: "P", Name: "Payeur"}, Items: []ledger.Item{
		lettered(inv("P1", day(2025, 9, 1), day(2025, 10, 1), eur(1000), 0), "AA", day(2025, 10, 11)),
		pay("R1", day(2025, 10, 11), eur(1000), "Virement reçu Payeur – P1", "AA", day(2025, 10, 11)),
		lettered(inv("P2", day(2026, 1, 5), day(2026, 2, 4), eur(2000), 0), "AB", day(2026, 2, 1)),
		pay("R2", day(2026, 2, 1), eur(2000), "Chèque n° 0001234", "AB", day(2026, 2, 1)),
		lettered(inv("P3", day(2026, 2, 10), day(2026, 3, 12), eur(1000), 0), "AC", day(2026, 4, 1)),
		pay("R3", day(2026, 3, 20), eur(600), "VIR SEPA PAYEUR", "AC", day(2026, 4, 1)),
		pay("R4", day(2026, 4, 1), eur(400), "VIR SEPA PAYEUR", "AC", day(2026, 4, 1)),
		{ID: "P4", Number: "P4", Kind: ledger.Invoice, DocDate: day(2026, 5, 1), DueDate: day(2026, 5, 31), Amount: eur(3000), Open: eur(2000), Match: "ad"},
		pay("R5", day(2026, 6, 10), eur(1000), "VIREMENT PAYEUR", "ad", ledger.NoDate),
		inv("P5", day(2026, 6, 15), day(2026, 7, 15), eur(500), eur(500)),
	}}
	ledger.SortItems(a.Items)
	return a
}

func TestPayerProfile(t *testing.T) {
	p := Profile(profileAccount(), day(2026, 6, 30), "EUR", ProfileOptions{})
	cases := []struct {
		f    Figure
		want string
	}{
		{p.Late6m, "4.67"},  // (2 000 × −3 + 1 000 × 20) / 3 000
		{p.Late12m, "6"},    // (1 000 × 10 − 6 000 + 20 000) / 4 000
		{p.Trend, "-5.33"},  // 4.67 − 10: paying earlier than before
		{p.OnTime, "33.33"}, // P2 of P1, P2, P3
		{p.Partial, "50"},   // P3 and P4 of the 4 invoices that received a payment
		{p.OpenInvoices, "2"},
		{p.OpenLateness, "24"}, // (2 000 × 30 + 500 × 0) / 2 500
		{p.MethodShare, "80"},  // 4 transfers, 1 cheque
	}
	for _, c := range cases {
		if !c.f.Defined || c.f.Value.String() != c.want {
			t.Errorf("%s = %s (defined %v), want %s", c.f.Key, c.f.Value, c.f.Defined, c.want)
		}
		if c.f.Method == "" || len(c.f.Inputs) == 0 {
			t.Errorf("%s: no method or inputs", c.f.Key)
		}
	}
	if p.Method != MethodTransfer {
		t.Errorf("method %s", p.Method)
	}
	if p.PromisesKept.Defined || !p.PromisesKept.Value.IsZero() || p.PromisesBroken.Defined {
		t.Error("promises without the hook must be zero and undefined")
	}
	hooked := Profile(profileAccount(), day(2026, 6, 30), "EUR", ProfileOptions{Promises: func(string, ledger.Date, ledger.Date) (int, int) { return 3, 1 }})
	if !hooked.PromisesKept.Defined || hooked.PromisesKept.Value.String() != "3" || hooked.PromisesBroken.Value.String() != "1" {
		t.Error("promises hook")
	}
	if len(p.Figures()) != 10 {
		t.Error("figures")
	}
}

func TestMethodOf(t *testing.T) {
	cases := map[string]PaymentMethod{
		"VIR SEPA DUPONT":             MethodTransfer,
		"Virement reçu Dupont":        MethodTransfer,
		"Chèque n° 0001234":           MethodCheque,
		"REMISE CHQ 12":               MethodCheque,
		"PRLV SEPA Dupont":            MethodDirectDebit,
		"Prélèvement échéance":        MethodDirectDebit,
		"LCR à échéance":              MethodLCR,
		"Paiement CB 12/03":           MethodCard,
		"Règlement facture FA-2026":   MethodUnknown,
		"Vir. (effet escompté) LCR":   MethodLCR,
		"Encaissement carte bancaire": MethodCard,
	}
	for label, want := range cases {
		if got := MethodOf(&ledger.Item{Label: label}); got != want {
			t.Errorf("%q: %s, want %s", label, got, want)
		}
	}
	if MethodOf(&ledger.Item{Label: "x", Flags: ledger.FlagPromissoryNote}) != MethodLCR {
		t.Error("promissory note flag")
	}
}

// Every customer of the demo gets a profile; the demo's payment labels say transfer or cheque.
func TestProfilesDemo(t *testing.T) {
	book := demo.Book(today)
	ps := Profiles(book, today, ProfileOptions{})
	if len(ps) != len(book.Accounts) {
		t.Fatal(len(ps))
	}
	seen := map[PaymentMethod]int{}
	for _, p := range ps {
		seen[p.Method]++
	}
	if seen[MethodTransfer] == 0 || seen[MethodLCR] != 0 {
		t.Errorf("methods %v", seen)
	}
}

func BenchmarkProfiles50k1M(b *testing.B) {
	book := bigBook(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Profiles(book, today, ProfileOptions{})
	}
}
