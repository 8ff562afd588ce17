package desk_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/importer"
	"relance/ledger/importer/fecgen"
	"relance/ledger/payment"
)

// fecPayment is a customer payment of a generated FEC: its entry, customer, date,
// amount and lettering code.
type fecPayment struct {
	entry, customer, let string
	date                 ledger.Date
	amount               ledger.Cents
}

// withoutPayments writes fec (a generated FEC's lines) without n of its customer
// payments, picked by rng among those of the last 90 days, their invoices unlettered:
// the export before the bank entries were posted. It returns the payments left out.
func withoutPayments(t *testing.T, fec string, n int, rng *rand.Rand) (string, []fecPayment) {
	t.Helper()
	lines := strings.Split(fec, "\r\n")
	var all []fecPayment
	var last ledger.Date
	for _, l := range lines[1:] {
		f := strings.Split(l, "|")
		if len(f) < 15 {
			continue
		}
		d, err := ledger.ParseCompactDate(f[3])
		if err != nil {
			t.Fatal(err)
		}
		last = max(last, d)
		if f[0] == "BQ" && f[4] == "411000" {
			c, err := ledger.ParseCents(strings.ReplaceAll(f[12], ",", "."))
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, fecPayment{entry: f[2], customer: f[6], let: f[13], date: d, amount: c})
		}
	}
	var recent []fecPayment
	for _, p := range all {
		if p.date > last.AddDays(-90) {
			recent = append(recent, p)
		}
	}
	if len(recent) < n {
		t.Fatalf("%d recent payments", len(recent))
	}
	rng.Shuffle(len(recent), func(i, j int) { recent[i], recent[j] = recent[j], recent[i] })
	out := recent[:n]
	drop, unlet := map[string]bool{}, map[string]bool{}
	for _, p := range out {
		drop[p.entry] = true
		unlet[p.customer+"|"+p.let] = true
	}
	var b strings.Builder
	for i, l := range lines {
		f := strings.Split(l, "|")
		if i > 0 && len(f) >= 15 {
			if f[0] == "BQ" && drop[f[2]] {
				continue
			}
			if unlet[f[6]+"|"+f[13]] {
				f[13], f[14] = "", ""
				l = strings.Join(f, "|")
			}
		}
		b.WriteString(l)
		if i < len(lines)-1 {
			b.WriteString("\r\n")
		}
	}
	return b.String(), out
}

// figures are what the fronts show at a date: every customer's summary, the aged
// balance and the dashboard's KPIs, as JSON so that any difference shows.
func figures(t *testing.T, s *desk.Session, at ledger.Date) string {
	t.Helper()
	d, err := s.Dashboard(at, 3, 90)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(struct {
		Customers []ledger.CustomerSummary
		Dashboard desk.Dashboard
	}{s.Customers(at), d})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func newImportDossier(t *testing.T, name string) *desk.Session {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	set := ledger.DefaultSettings()
	set.Company.Name = "Test SAS"
	if err := desk.Create(path, set); err != nil {
		t.Fatal(err)
	}
	s, err := desk.OpenWrite(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func importFile(t *testing.T, s *desk.Session, path string, today ledger.Date) *importer.Report {
	t.Helper()
	reps, err := s.Import(context.Background(), []string{path}, importer.Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	return reps[0]
}

// The property of issue 19: payments recorded by hand, then the ledger export that
// brings them, give exactly the figures of that export alone — at every date, for
// every customer — and the import says it took them over. Before that export the
// payments are counted: each customer's balance fell by what it paid.
func TestManualPaymentThenLedgerEqualsLedgerAlone(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			var full bytes.Buffer
			if _, err := fecgen.Write(&full, fecgen.Config{Lines: 4000, Customers: 25, Seed: seed}); err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(seed, 19))
			before, pays := withoutPayments(t, full.String(), 4, rng)
			dir := t.TempDir()
			fecBefore, fecAfter := filepath.Join(dir, "before-FEC.txt"), filepath.Join(dir, "after-FEC.txt")
			if err := os.WriteFile(fecBefore, []byte(before), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(fecAfter, full.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			var end ledger.Date
			for _, p := range pays {
				end = max(end, p.date)
			}
			today := end.AddDays(10)

			alone := newImportDossier(t, "alone.db")
			importFile(t, alone, fecAfter, today)

			s := newImportDossier(t, "manual.db")
			importFile(t, s, fecBefore, today)
			balances := map[string]ledger.Cents{}
			for _, a := range s.Book.Accounts {
				balances[a.Customer.ID] = a.Balance()
			}
			paid := map[string]ledger.Cents{}
			for i, p := range pays {
				// Entered the day the cheque arrived, a few days from the bank's date.
				day := p.date.AddDays(rng.IntN(2*payment.Window+1) - payment.Window)
				ref := ""
				if i%2 == 0 {
					ref = "VIR " + p.entry
				}
				req := payment.Request{Payment: payment.Payment{Customer: p.customer, Date: day, Amount: p.amount, Method: payment.Transfer, Ref: ref}}
				if _, err := s.RecordPayment(req, today, "test"); err != nil {
					t.Fatalf("record %+v: %v", p, err)
				}
				paid[p.customer] += p.amount
			}
			if err := s.Reload(); err != nil {
				t.Fatal(err)
			}
			for id, v := range paid {
				if got := s.Book.Account(id).Balance(); got != balances[id]-v {
					t.Errorf("%s: balance %s after payments of %s, was %s", id, got, v, balances[id])
				}
			}

			rep := importFile(t, s, fecAfter, today)
			if len(rep.PaymentsBrought) != len(pays) || len(rep.PaymentsUnpaired) != 0 {
				t.Errorf("import took over %d manual payments, left %d unpaired; want %d and 0", len(rep.PaymentsBrought), len(rep.PaymentsUnpaired), len(pays))
			}
			for _, at := range []ledger.Date{end.AddDays(-120), end.AddDays(-30), end.AddDays(-6), end.AddDays(-1), end, today} {
				if got, want := figures(t, s, at), figures(t, alone, at); got != want {
					t.Errorf("%s: figures after the manual payments then the ledger differ from the ledger alone", at)
				}
			}
			stored, err := s.Payments("")
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range stored {
				if p.SupersededBy == "" || p.Superseded != today {
					t.Errorf("payment %s not superseded: %+v", p.ID, p)
				}
			}
		})
	}
}

// A payment entered by hand that the ledger export does not bring (dated within its
// period) stays counted, and the import report names it for the person to decide.
func TestUnpairedPaymentIsReported(t *testing.T) {
	var full bytes.Buffer
	if _, err := fecgen.Write(&full, fecgen.Config{Lines: 2000, Customers: 10, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "FEC.txt")
	if err := os.WriteFile(path, full.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	today := ledger.NewDate(2026, 1, 15)
	alone := newImportDossier(t, "alone.db")
	importFile(t, alone, path, today)

	s := newImportDossier(t, "manual.db")
	cust := "C100003"
	req := payment.Request{Payment: payment.Payment{Customer: cust, Date: ledger.NewDate(2025, 11, 3), Amount: 123, Method: payment.Cheque, Ref: "CHQ 42"}}
	if _, err := s.RecordPayment(req, today, "test"); err == nil {
		t.Fatal("a payment of a customer the dossier does not have was accepted")
	}
	// The customer exists once a first export was imported; the payment is then kept.
	var first bytes.Buffer
	if _, err := fecgen.Write(&first, fecgen.Config{Lines: 200, Customers: 10, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	firstPath := filepath.Join(t.TempDir(), "first-FEC.txt")
	if err := os.WriteFile(firstPath, first.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	importFile(t, s, firstPath, today)
	p, err := s.RecordPayment(req, today, "test")
	if err != nil {
		t.Fatal(err)
	}
	rep := importFile(t, s, path, today)
	if len(rep.PaymentsUnpaired) != 1 || rep.PaymentsUnpaired[0].ID != p.ID || len(rep.PaymentsBrought) != 0 {
		t.Fatalf("unpaired %+v, brought %+v", rep.PaymentsUnpaired, rep.PaymentsBrought)
	}
	if sum := strings.Join(rep.Summary("fr", "EUR"), "\n"); !strings.Contains(sum, p.ID+" du client "+cust) || !strings.Contains(sum, "1,23") {
		t.Errorf("the report does not name the payment:\n%s", sum)
	}
	if got, want := s.Book.Account(cust).Balance(), alone.Book.Account(cust).Balance()-123; got != want {
		t.Errorf("balance %s, want the ledger's less the payment kept, %s", got, want)
	}
}

// After a payment, reloading the customer's account alone gives the figures of a full
// reload, and the book read before is left as it was (a snapshot).
func TestReloadCustomerEqualsReload(t *testing.T) {
	s := openDemo(t)
	var a *ledger.Account
	for _, x := range s.Book.Accounts {
		if x.Overdue(anchor) > 0 {
			a = x
			break
		}
	}
	before := s.Book
	balance := a.Balance()
	req := payment.Request{Payment: payment.Payment{Customer: a.Customer.ID, Date: anchor, Amount: 1000, Method: payment.Card}}
	if _, err := s.RecordPayment(req, anchor, "test"); err != nil {
		t.Fatal(err)
	}
	if err := s.ReloadCustomer(a.Customer.ID); err != nil {
		t.Fatal(err)
	}
	if got := s.Book.Account(a.Customer.ID).Balance(); got != balance-1000 {
		t.Errorf("balance %s after ReloadCustomer, want %s", got, balance-1000)
	}
	if before.Account(a.Customer.ID).Balance() != balance {
		t.Error("the book read before the payment changed")
	}
	quick := figures(t, s, anchor)
	if err := s.Reload(); err != nil {
		t.Fatal(err)
	}
	if full := figures(t, s, anchor); quick != full {
		t.Error("ReloadCustomer and Reload give different figures")
	}
}
