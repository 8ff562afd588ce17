package demo

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/store"
)

var today = ledger.NewDate(2026, time.November, 23)

func TestDemoIsDeterministic(t *testing.T) {
	a, b := Book(today), Book(today)
	if !reflect.DeepEqual(a.Accounts, b.Accounts) || !reflect.DeepEqual(a.Settings, b.Settings) {
		t.Fatal("two demo builds differ")
	}
	if reflect.DeepEqual(a.Accounts, Book(today.AddDays(30)).Accounts) {
		t.Error("the demo does not follow its anchor date")
	}
}

func TestDemoPopulation(t *testing.T) {
	b := Book(today)
	if n := len(b.Accounts); n < 140 || n > 160 {
		t.Errorf("%d customers", n)
	}
	if len(b.Salespeople) != 4 {
		t.Errorf("%d salespeople", len(b.Salespeople))
	}
	kinds := map[ledger.CustomerKind]int{}
	foreign, english := 0, 0
	for _, a := range b.Accounts {
		kinds[a.Customer.Kind]++
		if a.Customer.Address.Country != "FR" {
			foreign++
		}
		if a.Customer.Lang == "en" {
			english++
		}
		if b.Salesperson(a.Customer.Salesperson) == nil {
			t.Errorf("%s: unknown salesperson %q", a.Customer.ID, a.Customer.Salesperson)
		}
	}
	if kinds[ledger.PublicBody] != 3 || kinds[ledger.Consumer] < 5 || foreign < 3 || english < 2 {
		t.Errorf("kinds %v, foreign %d, english %d", kinds, foreign, english)
	}
	if b.Settings.Company.Name != "Société Exemple SAS" || !b.Settings.Demo || b.Settings.DemoToday != today {
		t.Errorf("settings %+v", b.Settings.Company)
	}
}

// Every consumer has the civility of its first name (for the letters' salutation), no
// one else has one; exactly one customer, Whitfield & Sons Ltd (C00006), contracts under
// English law, the others under French law.
func TestDemoCivilityAndLaw(t *testing.T) {
	b := Book(today)
	civility := map[string]string{}
	for _, f := range firstNames {
		civility[f.name] = f.civility
	}
	var english []string
	for _, a := range b.Accounts {
		c := a.Customer
		if c.Kind == ledger.Consumer {
			first := strings.Fields(c.Name)[0]
			if want, ok := civility[first]; !ok || c.Civility != want || want == "" {
				t.Errorf("%s %s: civility %q, want %q", c.ID, c.Name, c.Civility, want)
			}
		} else if c.Civility != "" {
			t.Errorf("%s %s (%s) has a civility %q", c.ID, c.Name, c.Kind, c.Civility)
		}
		if c.Law != "" {
			english = append(english, c.ID+" "+c.Name+" "+c.Law)
		}
	}
	if len(english) != 1 || english[0] != "C00006 Whitfield & Sons Ltd GB" {
		t.Errorf("customers under a foreign law: %v", english)
	}
}

// The demo must look like a real ledger: consistent lettering, 18 months of history,
// most customers on time, some drifting, a few very late, partial and unapplied payments.
func TestDemoLedgerIsConsistentAndRealistic(t *testing.T) {
	b := Book(today)
	var first ledger.Date
	var invoices, lateOver90, partials, unapplied, cheques, doubtful, onTime, paidInvoices int
	for _, a := range b.Accounts {
		groups := map[string][2]ledger.Cents{}
		for _, it := range a.Items {
			if it.DocDate > today {
				t.Fatalf("%s %s dated after today", a.Customer.ID, it.ID)
			}
			if !first.Valid() || it.DocDate < first {
				first = it.DocDate
			}
			if it.Settled.Valid() && (it.Settled < it.DocDate || it.Open != 0) {
				t.Errorf("%s %s: settled %s but dated %s, open %s", a.Customer.ID, it.ID, it.Settled, it.DocDate, it.Open)
			}
			if it.Open != 0 && (it.Open > 0) != (it.Amount > 0) {
				t.Errorf("%s: open sign", it.ID)
			}
			if it.Match == "" {
				if it.Open != it.Amount {
					t.Errorf("%s %s: unlettered but open %s of %s", a.Customer.ID, it.ID, it.Open, it.Amount)
				}
			} else {
				g := groups[it.Match]
				groups[it.Match] = [2]ledger.Cents{g[0] + it.Amount, g[1] + it.Open}
			}
			if it.Kind == ledger.Invoice {
				invoices++
				if it.Open > 0 && it.DaysLate(today) > 90 {
					lateOver90++
				}
				if it.Open > 0 && it.Open < it.Amount {
					partials++
				}
				if it.Settled.Valid() {
					paidInvoices++
					if it.Settled <= it.DueDate.AddDays(5) {
						onTime++
					}
				}
			}
			if it.Kind == ledger.Payment && it.Open < 0 {
				unapplied++
			}
			if it.Flags&ledger.FlagUnpaidCheque != 0 {
				cheques++
			}
		}
		for m, g := range groups {
			if g[0] != g[1] {
				t.Errorf("%s group %s: Σ amounts %s but Σ open %s", a.Customer.ID, m, g[0], g[1])
			}
			if (g[0] == 0) != (strings.ToUpper(m) == m) {
				t.Errorf("%s group %s: full lettering must be upper case, partial lower case (net %s)", a.Customer.ID, m, g[0])
			}
		}
		if a.Customer.Doubtful {
			doubtful++
		}
	}
	if months := today.DaysSince(first) / 30; months < 17 || months > 19 {
		t.Errorf("history of %d months", months)
	}
	share := float64(onTime) / float64(paidInvoices)
	if invoices < 2000 || lateOver90 < 10 || partials < 5 || unapplied < 3 || cheques != 2 || doubtful != 2 || share < 0.5 || share > 0.9 {
		t.Errorf("invoices %d, >90 days %d, partial %d, unapplied %d, cheques %d, doubtful %d, paid on time %.0f%%",
			invoices, lateOver90, partials, unapplied, cheques, doubtful, 100*share)
	}
}

func TestCreateWritesAndRefusesExisting(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := Create(path, today); err != nil {
		t.Fatal(err)
	}
	if err := Create(path, today); err == nil {
		t.Error("overwrote an existing dossier")
	}
	db, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, err := db.Load()
	if err != nil {
		t.Fatal(err)
	}
	want := Book(today)
	if len(got.Accounts) != len(want.Accounts) || got.ItemCount() != want.ItemCount() {
		t.Fatalf("stored %d/%d, built %d/%d", len(got.Accounts), got.ItemCount(), len(want.Accounts), want.ItemCount())
	}
	for i := range want.Accounts {
		if got.Accounts[i].Balance() != want.Accounts[i].Balance() {
			t.Errorf("%s balance differs", want.Accounts[i].Customer.ID)
		}
	}
}

func TestGenerateExactSize(t *testing.T) {
	for _, c := range []struct{ customers, items int }{{200, 3000}, {7, 1}, {50, 0}, {10, 997}} {
		b := GenerateBook(c.customers, c.items, 42, today)
		if len(b.Accounts) != c.customers || b.ItemCount() != c.items {
			t.Errorf("%v: got %d customers, %d items", c, len(b.Accounts), b.ItemCount())
		}
	}
	a, b := GenerateBook(100, 2000, 7, today), GenerateBook(100, 2000, 7, today)
	if !reflect.DeepEqual(a.Accounts, b.Accounts) {
		t.Error("same seed, different dossier")
	}
	if reflect.DeepEqual(a.Accounts, GenerateBook(100, 2000, 8, today).Accounts) {
		t.Error("seed ignored")
	}
}

func BenchmarkGenerate50kCustomers1MItems(b *testing.B) {
	if testing.Short() {
		b.Skip("large")
	}
	for i := 0; i < b.N; i++ {
		path := filepath.Join(b.TempDir(), "big.db")
		if err := Generate(path, 50000, 1000000, 1, today); err != nil {
			b.Fatal(err)
		}
	}
}

// Reset keeps the current demo beside it and writes it anew.
func TestReset(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	today := ledger.NewDate(2026, time.November, 23)
	if err := Reset(path, today); err != nil { // nothing to keep yet
		t.Fatal(err)
	}
	if err := Reset(path, today); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + ".before-reset"} {
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
}
