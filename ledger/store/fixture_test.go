package store_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"relance/ledger"
	"relance/ledger/demo"
	"relance/ledger/dispute"
	"relance/ledger/dunning"
	"relance/ledger/importer"
	"relance/ledger/importer/tabular"
	"relance/ledger/law"
	"relance/ledger/risk"
	"relance/ledger/store"
	"relance/letters/archive"
	"relance/letters/compose"
	"relance/letters/letterpdf"
	"relance/letters/pdfdoc"
	"relance/letters/templates"
)

// fixtures are dossiers written by released schemas. Every later version must open
// them (migrating a copy) and find their content: a schema change that cannot read
// an existing dossier fails here. The latest has a record in every bucket
// (writeSchema4, writeEveryBucket). Regenerate the current one with
// UPDATE_FIXTURE=1 go test -tags ci ./ledger/store -run Fixture only when adding a
// new schema.
var fixtures = []struct {
	file      string
	schema    int
	customers int
	disputes  int
	blocks    int
}{
	{"dossier-schema2.db", 2, 6, 2, 1},
	{"dossier-schema3.db", 3, 6, 2, 1},
	{"dossier-schema4.db", 4, 6, 2, 1},
	{"dossier-schema5.db", 5, 6, 2, 1},
	{"dossier-schema6.db", 6, 6, 2, 1},
	{"dossier-schema7.db", 7, 6, 2, 1},
	{"dossier-schema8.db", 8, 6, 2, 1},
	{"dossier-schema9.db", 9, 6, 2, 1},
	{"dossier-schema10.db", 10, 6, 2, 1},
	{"dossier-schema11.db", 11, 6, 2, 1},
	{"dossier-schema12.db", 12, 6, 2, 1},
	{"dossier-schema13.db", 13, 6, 2, 1},
	{"dossier-schema14.db", 14, 7, 2, 1},
	{"dossier-schema15.db", 15, 7, 2, 1},
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
		if err := tx.PutHalfYearRates(law.HalfYearRates{Half: law.Half{Year: 2026, H: 2},
			ECB: decimal.NewNullDecimal(decimal.RequireFromString("2.15"))}); err != nil {
			return err
		}
		if err := writeSchema4(tx, book); err != nil {
			return err
		}
		return writeEveryBucket(tx, book)
	})
	if err != nil {
		t.Fatal(err)
	}
	// Schema 5: a saved import preset (bucket import_presets).
	if err := importer.SavePreset(db, fixturePreset()); err != nil {
		t.Fatal(err)
	}
}

func fixturePreset() tabular.Mapping {
	return tabular.Mapping{Name: "fixture", Sep: ";", HeaderRow: 2,
		Columns: map[tabular.Field]string{tabular.CustomerID: "Client"}}
}

// writeSchema4 adds a record to each bucket of schema 4: a risk override, a call with
// its promise, a payment plan, an insolvency procedure, an edited template and an issued
// letter (archive, with its action).
func writeSchema4(tx *store.Tx, book *ledger.Book) error {
	today := ledger.NewDate(2026, time.November, 23)
	a0, a1, a2 := book.Accounts[0], book.Accounts[1], book.Accounts[2]
	if err := tx.AddOverride(risk.Override{Customer: a0.Customer.ID, Class: "C", Reason: "fixture", By: "fixture", Date: today}); err != nil {
		return err
	}
	if err := tx.AddAction(&dunning.Action{Customer: a1.Customer.ID, Kind: dunning.ActionKind(dunning.ChanCall), Stage: "call1",
		Date: today, By: "fixture", Outcome: "promise"}); err != nil {
		return err
	}
	if err := tx.PutPromise(&dunning.Promise{Customer: a1.Customer.ID, Made: today, Due: today.AddDays(7), Amount: 10000,
		Status: dunning.PromisePending, By: "fixture"}); err != nil {
		return err
	}
	plan := dunning.Plan{Customer: a2.Customer.ID, Agreed: today, Total: 30000, Acknowledgement: true, Acceleration: true,
		Status: dunning.PlanActive, By: "fixture", Instalments: dunning.SplitPlan(30000, 3, today.AddDays(30))}
	if err := tx.PutPlan(&plan); err != nil {
		return err
	}
	if err := tx.PutProcedure(&law.Procedure{Customer: book.Accounts[3].Customer.ID, Kind: law.Redressement, Judgment: today.AddDays(-40),
		BODACC: today.AddDays(-30), Mandataire: "Me Fixture", By: "fixture"}); err != nil {
		return err
	}
	tpl, err := templates.Shipped(templates.R1, "fr")
	if err != nil {
		return err
	}
	tpl.Subject += " (fixture)"
	if err := templates.Save(tx, tpl, "fixture", today); err != nil {
		return err
	}
	l, err := compose.Compose(compose.Input{Settings: book.Settings, Account: a0, Stage: templates.R1, Lang: "fr", Date: today, Template: tpl})
	if err != nil {
		return err
	}
	var pdf bytes.Buffer
	if err := letterpdf.Render(&pdf, l, letterpdf.Options{Factory: pdfdoc.NewFactory()}); err != nil {
		return err
	}
	_, err = archive.IssueRecorded(tx, archive.Input{Letter: l, PDF: pdf.Bytes(), By: "fixture", At: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)})
	return err
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
		if f.schema >= 4 {
			checkSchema4(t, f.file, db)
		}
		if f.schema >= 9 {
			checkEveryBucket(t, f.file, f.schema, db)
		}
		if f.schema >= 5 {
			presets, err := importer.Presets(db)
			if err != nil {
				t.Fatal(err)
			}
			if m, ok := presets["fixture"]; !ok || m.Builtin || m.HeaderRow != fixturePreset().HeaderRow {
				t.Errorf("%s: saved import preset lost: %+v", f.file, m)
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

// checkSchema4 finds the records writeSchema4 stored.
func checkSchema4(t *testing.T, file string, db *store.DB) {
	t.Helper()
	err := db.View(func(tx *store.Tx) error {
		acts, err := tx.Actions("")
		if err != nil {
			return err
		}
		proms, err := tx.Promises("")
		if err != nil {
			return err
		}
		plans, err := tx.Plans("")
		if err != nil {
			return err
		}
		procs, err := tx.Procedures()
		if err != nil {
			return err
		}
		recs, err := tx.RiskRecords()
		if err != nil {
			return err
		}
		rep, err := archive.Verify(tx)
		if err != nil {
			return err
		}
		tpl, err := templates.Load(tx, templates.R1, "fr")
		if err != nil {
			return err
		}
		if len(acts) != 2 || len(proms) != 1 || len(plans) != 1 || len(procs) != 1 || len(recs.Overrides) != 1 ||
			rep.Count != 1 || len(rep.Altered) != 0 || !tpl.Edited {
			t.Errorf("%s: %d actions, %d promises, %d plans, %d procedures, %d overrides, %d letters (%d altered), template edited %v",
				file, len(acts), len(proms), len(plans), len(procs), len(recs.Overrides), rep.Count, len(rep.Altered), tpl.Edited)
		}
		return nil
	})
	if err != nil {
		t.Errorf("%s: %v", file, err)
	}
}
