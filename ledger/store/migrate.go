package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
)

// SchemaVersion is the schema this build writes. Bump it when a bucket's layout changes
// or a bucket is added (declared in schema.go with the new version), and add a fixture
// (testdata/dossier-schema*.db): the committed ones must keep opening.
//
//	1  meta, settings, customers, items, salespeople, imports
//	2  disputes, blocks
//	3  rates
//	4  risk, scenarios, actions, promises, plans, templates, letters
//	5  procedures, import_presets (until then created by their first write)
//	6  payments (payments recorded by hand between two ledger imports)
//	7  statements (bank statements imported)
//	8  interruptions (the register of limitation interruptions and suspensions)
//	9  judgments (enforceable decisions obtained against customers, payments since)
//	10 open_items (each customer's open items and last activity, built from items)
//	11 closed_items (each customer's sales by day and closed items by recency, built from items)
//	12 closed_items records with each customer's balance by day (rebuilt from items)
//	13 open_items records with every item a partial read needs; closed_items records
//	   latest first, each closed item with its offset (both rebuilt from items)
const SchemaVersion = 15

// upgrade migrates the dossier in tx from schema from to SchemaVersion, one version at
// a time; from 0 is a new, empty file. It runs inside the one transaction that creates
// or upgrades the dossier, so a failed upgrade leaves it as it was.
func upgrade(tx *bolt.Tx, from uint64) error {
	for v := from + 1; v <= SchemaVersion; v++ {
		if err := migrateTo(tx, v); err != nil {
			return fmt.Errorf("schema %d → %d: %w", v-1, v, err)
		}
	}
	return nil
}

// migrateTo upgrades a dossier from schema v-1 to v: it creates the buckets that
// schema.go declares since v. So far no version changed the layout of existing
// records; a version that does converts them here, after its buckets exist. Versions
// 10 and 11 fill their new buckets, open_items and closed_items, from the items; 12
// rewrites the closed_items records in their version 2 (the balance by day), 13 both
// buckets' records in their versions 2 and 3. A
// bucket may already exist (procedures and import_presets were created by their first
// write before schema 5).
func migrateTo(tx *bolt.Tx, v uint64) error {
	for _, b := range buckets() {
		if b.since != v {
			continue
		}
		if _, err := tx.CreateBucketIfNotExists([]byte(b.name)); err != nil {
			return fmt.Errorf("create bucket %s: %w", b.name, err)
		}
	}
	switch v {
	case 10:
		return fillDerived(tx, bOpenItems, encodeOpen)
	case 11, 12:
		return fillDerived(tx, bClosedItems, encodeClosed)
	case 13:
		if err := fillDerived(tx, bOpenItems, encodeOpen); err != nil {
			return err
		}
		return fillDerived(tx, bClosedItems, encodeClosed)
	}
	return nil
}

// checkBuckets reports the first bucket of the schema that tx lacks.
func checkBuckets(tx *bolt.Tx) error {
	for _, b := range buckets() {
		if tx.Bucket([]byte(b.name)) == nil {
			return fmt.Errorf("bucket %s missing", b.name)
		}
	}
	return nil
}

func (db *DB) migrate(from uint64) error {
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		if err := upgrade(tx, from); err != nil {
			return err
		}
		if err := checkBuckets(tx); err != nil {
			return err
		}
		return tx.Bucket([]byte(bMeta)).Put([]byte(kSchema), u64(SchemaVersion))
	})
	if err != nil {
		return &ledger.Problem{Key: "err.dossier.migrate", Args: []string{"file", db.path}, Err: err}
	}
	return nil
}
