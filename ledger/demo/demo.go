// Package demo builds Relance's demo dossier, "Société Exemple SAS", and synthetic
// dossiers at scale for benchmarks. Both are deterministic: the same seed and the
// same "today" give the same dossier, byte for byte in its content.
package demo

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"relance/ledger"
	"relance/ledger/store"
)

// Create writes the demo dossier to path (which must not exist), anchored at today:
// 18 months of history ending on that date, with the disputes and delivery blocks of
// Disputes.
func Create(path string, today ledger.Date) error {
	book := Book(today)
	return write(path, book, func(tx *store.Tx) error {
		if err := putDisputes(tx, book, today); err != nil {
			return err
		}
		if err := putRates(tx, today); err != nil {
			return err
		}
		if err := putDunning(tx, book, today); err != nil {
			return err
		}
		if err := putInsolvency(tx, book, today); err != nil {
			return err
		}
		if err := putPublicNotices(tx, book, today); err != nil {
			return err
		}
		if err := putProofs(tx, book, today); err != nil { // proofs.go
			return err
		}
		if err := putCauses(tx, book, today); err != nil {
			return err
		}
		if err := putContracts(tx, book, today); err != nil { // contracts.go
			return err
		}
		if err := putOverindebt(tx, book, today); err != nil { // overindebt.go
			return err
		}
		if err := putCheques(tx, book, today); err != nil { // cheques.go
			return err
		}
		if err := putNegotiationCase(tx, book, today); err != nil { // negotiation.go
			return err
		}
		return putRisk(tx, today)
	})
}

// Book returns the demo dossier in memory, anchored at today.
func Book(today ledger.Date) *ledger.Book {
	return build(demoSpec(today))
}

// write stores book in a new dossier at path, and whatever extra (nil: nothing more)
// adds, in one transaction.
func write(path string, book *ledger.Book, extra func(*store.Tx) error) error {
	db, err := store.Create(path, book.Settings)
	if err != nil {
		return err
	}
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
		if extra != nil {
			return extra(tx)
		}
		return nil
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// Generate writes a synthetic dossier of the given size to path (which must not exist):
// customers named "Client NNNNN", exactly items items spread among them, with the same
// payment behaviours as the demo. The same seed and today give the same dossier.
func Generate(path string, customers, items int, seed uint64, today ledger.Date) error {
	if customers <= 0 || items < 0 {
		return &ledger.Problem{Key: "err.gen.size", Args: []string{"customers", itoa(customers), "items", itoa(items)}}
	}
	return write(path, GenerateBook(customers, items, seed, today), nil)
}

// GenerateBook is Generate without the file: the synthetic dossier in memory.
func GenerateBook(customers, items int, seed uint64, today ledger.Date) *ledger.Book {
	b := build(spec{today: today, seed: seed, customers: customers, items: items, scale: true})
	b.Settings.Company.Name = "Dossier synthétique"
	b.Settings.Demo = false
	return b
}

func itoa(n int) string { return strconv.Itoa(n) }

// Reset puts the demo dossier at path back to its initial state, anchored at today: the
// current file, if any, is kept beside it as <path>.before-reset (replacing the previous
// one), and a new demo is written.
func Reset(path string, today ledger.Date) error {
	if _, err := os.Stat(path); err == nil {
		if err := os.Rename(path, path+".before-reset"); err != nil {
			return fmt.Errorf("reset %s: %w", filepath.Base(path), err)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return Create(path, today)
}
