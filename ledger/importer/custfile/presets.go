package custfile

import (
	"relance/ledger/importer/mappings"
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
func SavePreset(db *store.DB, m tabular.Mapping) error { return mappings.Save(db, PresetPrefix, m) }

// Presets returns the built-in mappings (tabular.Presets: generic, excel-fr) and the
// customer file mappings saved in the dossier, by name.
func Presets(db *store.DB) (map[string]tabular.Mapping, error) { return mappings.All(db, PresetPrefix) }

// PresetNames returns the names of Presets, the built-in ones first.
func PresetNames(all map[string]tabular.Mapping) []string { return mappings.Names(all) }

// Preset returns the customer file mapping called name (saved or built-in), or a
// Problem listing the names there are.
func Preset(db *store.DB, name string) (*tabular.Mapping, error) {
	all, err := Presets(db)
	if err != nil {
		return nil, err
	}
	return mappings.Get(all, name)
}
