package exercise

import (
	"encoding/json"
	"fmt"
	"strings"

	"relance/ledger"
	"relance/ledger/store"
)

// FileFormat names a bank file; FileVersion is its version.
const (
	FileFormat  = "relance-exercise-bank"
	FileVersion = 1
)

// File is a bank exported to share with another trainer.
type File struct {
	Format    string     `json:"format"`
	Version   int        `json:"version"`
	Exercises []Exercise `json:"exercises"`
}

// Export returns the whole bank as one JSON file.
func Export(tx *store.Tx) ([]byte, error) {
	all, err := All(tx)
	if err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(File{Format: FileFormat, Version: FileVersion, Exercises: all}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("exercise: export: %w", err)
	}
	return append(b, '\n'), nil
}

// Imported is what an import did: the exercises added (with their new IDs) and the
// titles of those refused because the bank already holds the same letter.
type Imported struct {
	Added      []Exercise `json:"added"`
	Duplicates []string   `json:"duplicates"`
}

// Import merges a bank file into the bank: each exercise is validated (a bad one
// refuses the whole file, naming it: nothing is written, the caller's transaction
// rolls back) and added under a new ID; one whose letter is already there (same
// content hash, in the bank or earlier in the file) is left out and listed.
func Import(tx *store.Tx, name string, data []byte, rules func(string) bool, by string, date ledger.Date) (*Imported, error) {
	var f File
	if err := json.Unmarshal(data, &f); err != nil || f.Format != FileFormat {
		return nil, &ledger.Problem{Key: "exercise.err.bank_file", Args: []string{"file", name}, Err: err}
	}
	if f.Version > FileVersion {
		return nil, &ledger.Problem{Key: "exercise.err.bank_version", Args: []string{"file", name, "value", fmt.Sprint(f.Version)}}
	}
	all, err := All(tx)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, x := range all {
		seen[x.Hash] = true
	}
	out := &Imported{Added: []Exercise{}, Duplicates: []string{}}
	for i := range f.Exercises {
		e := f.Exercises[i]
		e.ID = ""
		if !e.Added.Valid() {
			e.Added = date
		}
		if e.By == "" {
			e.By = by
		}
		if err := e.Validate(rules); err != nil {
			which := e.Title
			if strings.TrimSpace(which) == "" {
				which = fmt.Sprint(i + 1)
			}
			return nil, &ledger.Problem{Key: "exercise.err.bank_entry", Args: []string{"file", name, "n", which}, Err: err}
		}
		if h := Hash(e.Text); seen[h] {
			out.Duplicates = append(out.Duplicates, e.Title)
			continue
		}
		if err := Add(tx, &e, rules); err != nil {
			return nil, err
		}
		seen[e.Hash] = true
		out.Added = append(out.Added, e)
	}
	return out, nil
}
