// Package mappings keeps the column mappings a person saves in a dossier, for each
// kind of file it reads (the ledger's open items, the customer file): in
// store.BucketImportPresets, each kind under its key prefix, as JSON tabular.Mapping.
package mappings

import (
	"encoding/json"
	"sort"
	"strings"

	"relance/ledger"
	"relance/ledger/importer/tabular"
	"relance/ledger/store"
)

// Save stores mapping m under prefix + its name (one transaction), replacing a saved
// one of the same name; a saved mapping may shadow a built-in one.
func Save(db *store.DB, prefix string, m tabular.Mapping) error {
	m.Name = strings.TrimSpace(m.Name)
	if m.Name == "" {
		return &ledger.Problem{Key: "err.import.preset_name", Args: []string{"field", "name"}}
	}
	m.Builtin = false
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return db.Update(func(tx *store.Tx) error {
		return tx.Bolt().Bucket([]byte(store.BucketImportPresets)).Put([]byte(prefix+m.Name), data)
	})
}

// All returns the built-in mappings (tabular.Presets) and those saved under prefix, by
// name. Keys starting with one of others (the other kinds' prefixes, when prefix is
// empty) are left out.
func All(db *store.DB, prefix string, others ...string) (map[string]tabular.Mapping, error) {
	out := tabular.Presets()
	err := db.View(func(tx *store.Tx) error {
		c := tx.Bolt().Bucket([]byte(store.BucketImportPresets)).Cursor()
	keys:
		for k, v := c.Seek([]byte(prefix)); k != nil && strings.HasPrefix(string(k), prefix); k, v = c.Next() {
			for _, o := range others {
				if strings.HasPrefix(string(k), o) {
					continue keys
				}
			}
			var m tabular.Mapping
			if err := json.Unmarshal(v, &m); err != nil {
				return &ledger.Problem{Key: "err.dossier.corrupt", Args: []string{"file", db.Path(), "bucket",
					string(store.BucketImportPresets), "key", string(k)}, Err: err}
			}
			out[strings.TrimPrefix(string(k), prefix)] = m
		}
		return nil
	})
	return out, err
}

// Names returns the names of a mapping set, the built-in ones first.
func Names(all map[string]tabular.Mapping) []string {
	names := make([]string, 0, len(all))
	for k := range all {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		if all[names[i]].Builtin != all[names[j]].Builtin {
			return all[names[i]].Builtin
		}
		return names[i] < names[j]
	})
	return names
}

// Get returns the mapping called name in a set (All), or a Problem listing the names
// there are.
func Get(all map[string]tabular.Mapping, name string) (*tabular.Mapping, error) {
	m, ok := all[name]
	if !ok {
		return nil, &ledger.Problem{Key: "err.import.preset", Args: []string{"field", "mapping", "value", name,
			"allowed", strings.Join(Names(all), ", ")}}
	}
	return &m, nil
}
