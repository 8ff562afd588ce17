package importer

import (
	"relance/ledger/importer/custfile"
	"relance/ledger/importer/mappings"
	"relance/ledger/importer/tabular"
	"relance/ledger/store"
)

// The dossier's saved column mappings are in store.BucketImportPresets:
// preset name → JSON tabular.Mapping. The keys that start with custfile.PresetPrefix
// are the customer file's mappings, not the ledger import's.

// SavePreset stores a column mapping in the dossier under its name (one transaction).
// A saved preset may shadow a built-in one of the same name.
func SavePreset(db *store.DB, m tabular.Mapping) error { return mappings.Save(db, "", m) }

// Presets returns the built-in presets and the dossier's saved ones, by name.
func Presets(db *store.DB) (map[string]tabular.Mapping, error) {
	return mappings.All(db, "", custfile.PresetPrefix)
}

// Preset returns the preset called name (saved or built-in).
func Preset(db *store.DB, name string) (*tabular.Mapping, error) {
	all, err := Presets(db)
	if err != nil {
		return nil, err
	}
	return mappings.Get(all, name)
}
