package store

import (
	"encoding/json"
	"slices"

	"relance/ledger"
)

// Bucket statements (schema 7) holds the bank statements imported:
//
//	statements   SHA-256 of the file (hex) → JSON Statement
//
// One record per import of a file; a file imported again (the same bytes) adds the
// lines decided then to its record. The payments recorded from a statement are in the
// payments bucket, their Source naming the file's hash and the line's key.

// Statement records the import of a bank statement file.
type Statement struct {
	Hash     string        `json:"hash"`
	File     string        `json:"file"`
	Format   string        `json:"format"`
	Account  string        `json:"account,omitempty"`
	Lines    int           `json:"lines"`
	From     ledger.Date   `json:"from,omitempty"` // first booking date
	To       ledger.Date   `json:"to,omitempty"`   // last booking date
	Imports  []ledger.Date `json:"imports"`        // the days it was imported
	By       string        `json:"by,omitempty"`
	Payments []string      `json:"payments,omitempty"` // the payment IDs recorded from it
}

// Statement returns the record of the statement of hash, or nil.
func (t *Tx) Statement(hash string) (*Statement, error) {
	return getJSON[Statement](t, bStatements, hash)
}

// Statements returns the statements imported, the latest first.
func (t *Tx) Statements() ([]Statement, error) {
	var out []Statement
	err := t.tx.Bucket([]byte(bStatements)).ForEach(func(k, v []byte) error {
		var s Statement
		if err := json.Unmarshal(v, &s); err != nil {
			return t.corrupt(string(bStatements), string(k), err)
		}
		out = append(out, s)
		return nil
	})
	slices.SortStableFunc(out, func(a, b Statement) int {
		if x, y := last(a.Imports), last(b.Imports); x != y {
			return int(y - x)
		}
		return cmpStr(a.Hash, b.Hash)
	})
	return out, err
}

func last(ds []ledger.Date) ledger.Date {
	if len(ds) == 0 {
		return ledger.NoDate
	}
	return ds[len(ds)-1]
}

// PutStatement records an import of statement s: a new record, or the day and the
// payments added to the one of the same hash.
func (t *Tx) PutStatement(s Statement) error {
	if s.Hash == "" {
		return &ledger.Problem{Key: "bank.err.no_hash", Args: []string{"file", s.File}}
	}
	old, err := t.Statement(s.Hash)
	if err != nil {
		return err
	}
	if old != nil {
		old.Imports = append(old.Imports, s.Imports...)
		old.Payments = append(old.Payments, s.Payments...)
		if s.By != "" {
			old.By = s.By
		}
		s = *old
	}
	return putJSON(t.tx.Bucket([]byte(bStatements)), []byte(s.Hash), s)
}
