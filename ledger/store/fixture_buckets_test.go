package store_test

import (
	"encoding/json"
	"testing"
	"time"

	"relance/ledger"
	"relance/ledger/dunning"
	"relance/ledger/importer"
	"relance/ledger/law"
	"relance/ledger/payment"
	"relance/ledger/store"

	bolt "go.etcd.io/bbolt"
)

// Records of the buckets writeSchema4 does not cover, written into the latest fixture
// so that it has a record in every bucket: an import record, a scenario, a payment
// entered by hand and the bank statement it came from (schemas 6 and 7), an act of the
// register of limitation interruptions (schema 8), a judgment with a payment received
// (schema 9) and an event on the insolvency procedure (kept in its JSON).
const (
	fixtureImportSHA    = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"
	fixtureStatementSHA = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"
)

// writeEveryBucket adds, in tx, a record to each bucket writeSchema4 leaves empty.
func writeEveryBucket(tx *store.Tx, book *ledger.Book) error {
	today := ledger.NewDate(2026, time.November, 23)
	a0, a1, a4 := book.Accounts[0], book.Accounts[1], book.Accounts[4]
	rec, err := json.Marshal(importer.Record{SHA256: fixtureImportSHA, File: "fixture.csv", Format: importer.Format("csv"),
		Size: 1234, Date: today, Customers: 6, Items: book.ItemCount()})
	if err != nil {
		return err
	}
	if err := tx.Bolt().Bucket([]byte(store.BucketImports)).Put([]byte(fixtureImportSHA), rec); err != nil {
		return err
	}
	a := dunning.DefaultScenarios()["A"]
	a.Steps = a.Steps[1:] // no pre-reminder call
	if err := tx.PutScenario(a); err != nil {
		return err
	}
	p := payment.Payment{Customer: a4.Customer.ID, Date: today.AddDays(-3), Amount: 4200, Method: payment.Transfer,
		Ref: "VIR FIXTURE", Entered: today, By: "fixture", Source: "bank:" + fixtureStatementSHA + ":1"}
	if err := tx.AddPayment(&p); err != nil {
		return err
	}
	if err := tx.PutStatement(store.Statement{Hash: fixtureStatementSHA, File: "releve.xml", Format: "camt.053", Lines: 1,
		From: p.Date, To: p.Date, Imports: []ledger.Date{today}, By: "fixture", Payments: []string{p.ID}}); err != nil {
		return err
	}
	if err := tx.AddInterruption(&dunning.InterruptionRecord{Customer: a0.Customer.ID, Kind: law.Acknowledgement,
		Date: today.AddDays(-20), Proof: "LRAR fixture", Note: "fixture", By: "fixture"}, today); err != nil {
		return err
	}
	dec := today.AddDays(-100)
	if err := tx.PutJudgment(&law.Judgment{Customer: a1.Customer.ID, Kind: law.JudgmentInjonction, Court: "Tribunal de commerce de Lyon",
		Ref: "IP 26/0001", Decision: dec, Enforceable: dec.AddDays(30), Principal: 150000, Interest: law.InterestL441,
		Indemnity: 4000, Payments: []law.JudgmentPayment{{Date: today.AddDays(-10), Amount: 50000, Ref: "fixture"}},
		Recorded: today, By: "fixture"}); err != nil {
		return err
	}
	if err := putFixtureOverindebt(tx, book, today); err != nil { // schema 14, overindebt_fixture_test.go
		return err
	}
	if err := putFixtureCheque(tx, book, today); err != nil { // schema 14, cheque_fixture_test.go
		return err
	}
	if err := putFixtureProof(tx, book, today); err != nil { // schema 14, proof_fixture_test.go
		return err
	}
	if err := putFixtureContract(tx, book, today); err != nil { // schema 14, contract_fixture_test.go
		return err
	}
	if err := putFixtureClassroom(tx, book, today); err != nil { // schema 15, classroom_fixture_test.go
		return err
	}
	procs, err := tx.Procedures()
	if err != nil || len(procs) == 0 {
		return err
	}
	_, err = tx.AddProcedureEvent(procs[0].ID, law.ProcEvent{Kind: law.EventContestation, Date: procs[0].Judgment.AddDays(5),
		Subject: "fixture", Recorded: today, By: "fixture"}, today)
	return err
}

// checkEveryBucket finds the records writeEveryBucket stored in a fixture of schema
// version schema; the buckets of later versions, created empty by the migration, are
// not looked at.
func checkEveryBucket(t *testing.T, file string, schema int, db *store.DB) {
	t.Helper()
	imports, err := importer.Records(db)
	if err != nil || len(imports) != 1 || imports[0].SHA256 != fixtureImportSHA {
		t.Errorf("%s: import records %+v %v", file, imports, err)
	}
	err = db.View(func(tx *store.Tx) error {
		n := 0
		err := tx.Bolt().ForEach(func(name []byte, b *bolt.Bucket) error {
			n++
			if k, _ := b.Cursor().First(); k == nil && store.BucketSince(string(name)) <= uint64(schema) {
				t.Errorf("%s: bucket %s is empty", file, name)
			}
			return nil
		})
		if err != nil || n < 23 {
			t.Errorf("%s: %d buckets (%v)", file, n, err)
		}
		sc, err := tx.Scenarios()
		if err != nil {
			return err
		}
		if len(sc["A"].Steps) != len(dunning.DefaultScenarios()["A"].Steps)-1 {
			t.Errorf("%s: stored scenario A lost: %+v", file, sc["A"])
		}
		pays, err := tx.Payments("")
		if err != nil {
			return err
		}
		st, err := tx.Statement(fixtureStatementSHA)
		if err != nil {
			return err
		}
		if len(pays) != 1 || pays[0].Amount != 4200 || st == nil || len(st.Payments) != 1 || st.Payments[0] != pays[0].ID {
			t.Errorf("%s: payments %+v, statement %+v", file, pays, st)
		}
		acts, err := tx.Interruptions("")
		if err != nil {
			return err
		}
		if len(acts) != 1 || acts[0].Kind != law.Acknowledgement || acts[0].Proof != "LRAR fixture" || acts[0].ID == "" {
			t.Errorf("%s: register %+v", file, acts)
		}
		js, err := tx.Judgments("")
		if err != nil {
			return err
		}
		if len(js) != 1 || js[0].ID != "JG2026-0001" || js[0].Principal != 150000 || js[0].Interest != law.InterestL441 ||
			len(js[0].Payments) != 1 || js[0].Payments[0].Amount != 50000 {
			t.Errorf("%s: judgments %+v", file, js)
		}
		procs, err := tx.Procedures()
		if err != nil {
			return err
		}
		if len(procs) != 1 || len(procs[0].Events) != 1 || procs[0].Events[0].Kind != law.EventContestation {
			t.Errorf("%s: procedure events %+v", file, procs)
		}
		return nil
	})
	if err != nil {
		t.Errorf("%s: %v", file, err)
	}
}
