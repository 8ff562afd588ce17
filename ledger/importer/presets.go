package importer

import (
	"encoding/json"
	"sort"
	"strings"

	"relance/ledger"
	"relance/ledger/importer/custfile"
	"relance/ledger/importer/tabular"
	"relance/ledger/store"
)

// The dossier's saved column mappings are in store.BucketImportPresets:
// preset name → JSON tabular.Mapping. The keys that start with custfile.PresetPrefix
// are the customer file's mappings, not the ledger import's.

// SavePreset stores a column mapping in the dossier under its name (one transaction).
// A saved preset may shadow a built-in one of the same name.
func SavePreset(db *store.DB, m tabular.Mapping) error {
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
		return tx.Bolt().Bucket([]byte(store.BucketImportPresets)).Put([]byte(m.Name), data)
	})
}

// Presets returns the built-in presets and the dossier's saved ones, by name.
func Presets(db *store.DB) (map[string]tabular.Mapping, error) {
	out := tabular.Presets()
	err := db.View(func(tx *store.Tx) error {
		return tx.Bolt().Bucket([]byte(store.BucketImportPresets)).ForEach(func(k, v []byte) error {
			if strings.HasPrefix(string(k), custfile.PresetPrefix) {
				return nil // the customer file's mappings (ledger/importer/custfile)
			}
			var m tabular.Mapping
			if err := json.Unmarshal(v, &m); err != nil {
				return &ledger.Problem{Key: "err.dossier.corrupt", Args: []string{"file", db.Path(), "bucket", string(store.BucketImportPresets), "key", string(k)}, Err: err}
			}
			out[string(k)] = m
			return nil
		})
	})
	return out, err
}

// Preset returns the preset called name (saved or built-in).
func Preset(db *store.DB, name string) (*tabular.Mapping, error) {
	all, err := Presets(db)
	if err != nil {
		return nil, err
	}
	m, ok := all[name]
	if !ok {
		names := make([]string, 0, len(all))
		for k := range all {
			names = append(names, k)
		}
		sort.Strings(names)
		return nil, &ledger.Problem{Key: "err.import.preset", Args: []string{"field", "mapping", "value", name, "allowed", strings.Join(names, ", ")}}
	}
	return &m, nil
}
