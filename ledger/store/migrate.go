package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"relance/ledger"
)

// SchemaVersion is the schema this build writes. Bump it with a migration below when a
// bucket's layout changes or a bucket is added; the committed fixture in testdata/
// (testdata/dossier-schema*.db) must keep opening.
const SchemaVersion = 4

// allBuckets are the buckets of the current schema, created with every new dossier.
var allBuckets = [][]byte{bMeta, bSettings, bCustomers, bItems, bSalespeople, bImports, bDisputes, bBlocks, bRates,
	bRisk, bScenarios, bActions, bPromises, bPlans, bTemplates, bLetters}

// migrations[i] upgrades a dossier from schema i+1 to i+2. Each runs inside the one
// transaction that upgrades the dossier, so a failed upgrade leaves it as it was.
var migrations = []func(tx *bolt.Tx) error{
	migrateDisputes, // 1 → 2: disputes and delivery blocks (disputes.go)
	migrateRates,    // 2 → 3: rate half-years added by the dossier (rates.go)
	migrateSchema4,  // 3 → 4: risk, reminder procedure, letters (schema4.go)
}

func init() {
	if len(migrations) != SchemaVersion-1 {
		panic(fmt.Sprintf("store: %d migrations for schema %d", len(migrations), SchemaVersion))
	}
}

func (db *DB) migrate(from uint64) error {
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		for v := from; v < SchemaVersion; v++ {
			if err := migrations[v-1](tx); err != nil {
				return fmt.Errorf("schema %d → %d: %w", v, v+1, err)
			}
		}
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return tx.Bucket(bMeta).Put(kSchema, u64(SchemaVersion))
	})
	if err != nil {
		return &ledger.Problem{Key: "err.dossier.migrate", Args: []string{"file", db.path}, Err: err}
	}
	return nil
}
