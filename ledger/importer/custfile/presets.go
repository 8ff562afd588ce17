package custfile

import (
	"encoding/json"
	"sort"
	"strings"

	"relance/ledger"
	"relance/ledger/importer/tabular"
	"relance/ledger/store"
)

// PresetPrefix starts the keys of the customer file's saved mappings in
// store.BucketImportPresets, the bucket of the ledger import's mappings: key
// PresetPrefix + name → JSON tabular.Mapping. The ledger import leaves these keys out
// of its own presets, and this package reads only them: the two lists stay apart.
const PresetPrefix = "customers/"

// SavePreset stores a customer file mapping in the dossier under its name (one
// transaction), replacing a saved one of the same name.
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
		return tx.Bolt().Bucket([]byte(store.BucketImportPresets)).Put([]byte(PresetPrefix+m.Name), data)
	})
}

// Presets returns the built-in mappings (tabular.Presets: generic, excel-fr) and the
// customer file mappings saved in the dossier, by name.
func Presets(db *store.DB) (map[string]tabular.Mapping, error) {
	out := tabular.Presets()
	err := db.View(func(tx *store.Tx) error {
		c := tx.Bolt().Bucket([]byte(store.BucketImportPresets)).Cursor()
		prefix := []byte(PresetPrefix)
		for k, v := c.Seek(prefix); k != nil && strings.HasPrefix(string(k), PresetPrefix); k, v = c.Next() {
			var m tabular.Mapping
			if err := json.Unmarshal(v, &m); err != nil {
				return &ledger.Problem{Key: "err.dossier.corrupt", Args: []string{"file", db.Path(), "bucket",
					string(store.BucketImportPresets), "key", string(k)}, Err: err}
			}
			out[strings.TrimPrefix(string(k), PresetPrefix)] = m
		}
		return nil
	})
	return out, err
}

// PresetNames returns the names of Presets, the built-in ones first.
func PresetNames(all map[string]tabular.Mapping) []string {
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

// Preset returns the customer file mapping called name (saved or built-in), or a
// Problem listing the names there are.
func Preset(db *store.DB, name string) (*tabular.Mapping, error) {
	all, err := Presets(db)
	if err != nil {
		return nil, err
	}
	m, ok := all[name]
	if !ok {
		return nil, &ledger.Problem{Key: "err.import.preset", Args: []string{"field", "mapping", "value", name,
			"allowed", strings.Join(PresetNames(all), ", ")}}
	}
	return &m, nil
}
