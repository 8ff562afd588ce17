package store

import (
	bolt "go.etcd.io/bbolt"
)

// Buckets added by schema 4: the risk policy and its decisions, the reminder procedure
// (scenarios, actions, promises, payment plans) and the letters (templates and the
// append-only archive of issued letters). Each bucket's layout is described in the
// file that reads and writes it.
var (
	bRisk      = []byte("risk")      // risk.go: policy, overrides, acknowledgements, proposals
	bScenarios = []byte("scenarios") // dunning.go: reminder scenarios per risk class
	bActions   = []byte("actions")   // dunning.go: append-only actions per customer
	bPromises  = []byte("promises")  // dunning.go: promises to pay
	bPlans     = []byte("plans")     // dunning.go: payment plans (moratoria)
	bTemplates = []byte("templates") // letter templates edited in the dossier (letters/templates)
	bLetters   = []byte("letters")   // issued letters, hash-chained (letters/archive)
)

// schema4Buckets are the buckets schema 4 adds.
var schema4Buckets = [][]byte{bRisk, bScenarios, bActions, bPromises, bPlans, bTemplates, bLetters}

// BucketTemplates and BucketLetters name the buckets that the letters layer lays out
// itself through Tx.Bolt (the store must not import letters: arrows point down).
var (
	BucketTemplates = bTemplates
	BucketLetters   = bLetters
)

// migrateSchema4 creates the risk, reminder-procedure and letter buckets (schema 3 → 4).
func migrateSchema4(tx *bolt.Tx) error {
	for _, name := range schema4Buckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	return nil
}
