package desk_test

import (
	"path/filepath"
	"testing"
	"time"

	"relance/desk"
	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/payment"
	"relance/ledger/store"
)

// BenchmarkRecordPaymentReload50k1M measures what a payment recorded by hand costs on a
// 50,000-customer / 1,000,000-item dossier: the write (allocation and one transaction)
// then the reload after it (reported apart as reload-ms/op): the whole dossier
// (Reload, /full) or the customer's account only (ReloadCustomer, /customer).
func BenchmarkRecordPaymentReload50k1M(b *testing.B) {
	if testing.Short() {
		b.Skip("large")
	}
	today := ledger.NewDate(2026, time.November, 23)
	path := filepath.Join(b.TempDir(), "big.db")
	if err := demo.Generate(path, 50000, 1000000, 1, today); err != nil {
		b.Fatal(err)
	}
	s, err := desk.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var customers []string
	for _, a := range s.Book.Accounts {
		if a.Overdue(today) > 1000 {
			customers = append(customers, a.Customer.ID)
		}
	}
	for _, mode := range []string{"full", "customer"} {
		b.Run(mode, func(b *testing.B) {
			var reload time.Duration
			for i := 0; i < b.N; i++ {
				id := customers[i%len(customers)]
				req := payment.Request{Payment: payment.Payment{Customer: id, Date: today, Amount: 1000, Method: payment.Transfer}}
				if _, err := s.RecordPayment(req, today, "bench"); err != nil {
					b.Fatal(err)
				}
				t0 := time.Now()
				if mode == "full" {
					err = s.Reload()
				} else {
					err = s.ReloadCustomer(id)
				}
				if err != nil {
					b.Fatal(err)
				}
				reload += time.Since(t0)
			}
			b.ReportMetric(float64(reload.Microseconds())/1000/float64(b.N), "reload-ms/op")
		})
	}
}
