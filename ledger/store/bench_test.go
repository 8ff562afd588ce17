package store_test

import (
	"path/filepath"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/store"
)

// BenchmarkOpenLoad50k1M measures opening a 50,000-customer / 1,000,000-item dossier
// and loading it in memory, the work behind "opening a dossier".
func BenchmarkOpenLoad50k1M(b *testing.B) {
	if testing.Short() {
		b.Skip("large")
	}
	path := filepath.Join(b.TempDir(), "big.db")
	if err := demo.Generate(path, 50000, 1000000, 1, ledger.NewDate(2026, time.November, 23)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		book, err := db.Load()
		if err != nil {
			b.Fatal(err)
		}
		if book.ItemCount() != 1000000 {
			b.Fatal("items")
		}
		db.Close()
	}
}
