package credit

import (
	"sync"
	"testing"

	"relance/ledger"
	"relance/ledger/demo"
)

// big is the benchmark dossier (50,000 customers, 1,000,000 items), generated once per run.
var big = sync.OnceValue(func() *ledger.Book { return demo.GenerateBook(50000, 1000000, 1, today) })

func bigBook(b *testing.B) *ledger.Book {
	b.Helper()
	if testing.Short() {
		b.Skip("large")
	}
	return big()
}
