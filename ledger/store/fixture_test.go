package store_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/dispute"
	"relance/ledger/law"
	"relance/ledger/store"
)

// fixtures are dossiers written by released schemas. Every later version must open
// them (migrating a copy) and find their content: a schema change that cannot read
// an existing dossier fails here. Regenerate the current one with
// UPDATE_FIXTURE=1 go test ./ledger/store -run Fixture only when adding a new schema.
var fixtures = []struct {
	file      string
	schema    int
	customers int
	disputes  int
	blocks    int
}{
	{"dossier-schema2.db", 2, 6, 2, 1},
	{"dossier-schema3.db", 3, 6, 2, 1},
}

func fixtureBook() (*ledger.Book, []dispute.Dispute, []dispute.Block) {
	today := ledger.NewDate(2026, time.November, 23)
	full := demo.Book(today)
	var accounts []*ledger.Account
	for _, a := range full.Accounts {
		if len(accounts) < 6 && len(a.OpenItems()) > 0 {
			cp := *a
			accounts = append(accounts, &cp)
		}
	}
	book := ledger.NewBook(full.Settings, full.Salespeople, accounts)
	var ds []dispute.Dispute
	for _, a := range accounts[:2] {
		for _, it := range a.OpenItems() {
			if it.Amount > 0 {
				ds = append(ds, dispute.New(a.Customer.ID, []dispute.DisputedItem{{ItemID: it.ID, Amount: it.Open}},
					dispute.ReasonPrice, today, "fixture", a.Customer.Salesperson, today.AddDays(15), "fixture"))
				break
			}
		}
	}
	bs := []dispute.Block{dispute.ManualBlock(accounts[2], today, "fixture", "fixture", nil)}
	return book, ds, bs
}

func writeFixture(t *testing.T, path string) {
	book, ds, bs := fixtureBook()
	db, err := store.Create(path, book.Settings)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *store.Tx) error {
		for _, s := range book.Salespeople {
			if err := tx.PutSalesperson(s); err != nil {
				return err
			}
		}
		for _, a := range book.Accounts {
			if err := tx.PutCustomer(&a.Customer); err != nil {
				return err
			}
			if err := tx.PutItems(a.Customer.ID, a.Items); err != nil {
				return err
			}
		}
		for i := range ds {
			if err := tx.PutDispute(&ds[i]); err != nil {
				return err
			}
		}
		for i := range bs {
			if err := tx.PutBlock(&bs[i]); err != nil {
				return err
			}
		}
		return tx.PutHalfYearRates(law.HalfYearRates{Half: law.Half{Year: 2026, H: 2},
			ECB: decimal.NewNullDecimal(decimal.RequireFromString("2.15"))})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestFixturesOpen(t *testing.T) {
	if os.Getenv("UPDATE_FIXTURE") == "1" {
		path := filepath.Join("testdata", fixtures[len(fixtures)-1].file)
		os.Remove(path)
		writeFixture(t, path)
	}
	for _, f := range fixtures {
		src := filepath.Join("testdata", f.file)
		// Work on a copy: opening read-write may migrate it.
		dst := filepath.Join(t.TempDir(), f.file)
		in, err := os.Open(src)
		if err != nil {
			t.Fatalf("%s: %v", f.file, err)
		}
		out, _ := os.Create(dst)
		io.Copy(out, in)
		in.Close()
		out.Close()
		db, err := store.Open(dst, store.Options{})
		if err != nil {
			t.Fatalf("%s (schema %d) does not open: %v", f.file, f.schema, err)
		}
		book, err := db.Load()
		if err != nil {
			t.Fatal(err)
		}
		ds, bs, err := db.LoadDisputes()
		if err != nil {
			t.Fatal(err)
		}
		if f.schema >= 3 {
			r, err := db.Rates()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := r.B2BDefaultRate(law.Half{Year: 2026, H: 2}); err != nil {
				t.Errorf("%s: the dossier's 2026 H2 rate is lost: %v", f.file, err)
			}
		}
		rep, err := db.Check()
		if err != nil || !rep.OK() {
			t.Errorf("%s: check %+v %v", f.file, rep, err)
		}
		db.Close()
		if len(book.Accounts) != f.customers || len(ds) != f.disputes || len(bs) != f.blocks {
			t.Errorf("%s: %d customers, %d disputes, %d blocks", f.file, len(book.Accounts), len(ds), len(bs))
		}
		if book.Settings.Company.Name != "Société Exemple SAS" || book.ItemCount() == 0 {
			t.Errorf("%s: content lost", f.file)
		}
	}
}
