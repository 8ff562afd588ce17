package desk

import (
	"context"

	"relance/ledger/importer"
	"relance/ledger/importer/tabular"
)

// ImportPresets returns the column mappings saved in the dossier, by name.
func (s *Session) ImportPresets() (map[string]tabular.Mapping, error) { return importer.Presets(s.DB) }

// ImportPreset returns the mapping called name: a saved one or a shipped preset.
func (s *Session) ImportPreset(name string) (*tabular.Mapping, error) {
	return importer.Preset(s.DB, name)
}

// ImportOptions completes o with the dossier's settings (terms, currency) when it has
// none.
func (s *Session) ImportOptions(o importer.Options) importer.Options {
	if o.Settings == nil {
		set := s.Book.Settings
		o.Settings = &set
	}
	return o
}

// Import reads the ledgers at paths and writes them all in one transaction after a
// rotating backup of the state before (nothing is written when a file has a fatal
// finding); the reports say what each file brought. The window's wizard prepares one
// file (importer.Prepare, off the dossier) and calls ApplyImport.
func (s *Session) Import(ctx context.Context, paths []string, o importer.Options) ([]*importer.Report, error) {
	if err := s.BackupBeforeChange(); err != nil {
		return nil, err
	}
	return importer.Run(ctx, s.DB, paths, s.ImportOptions(o))
}

// ApplyImport writes a prepared import in one transaction, after a rotating backup of
// the state before.
func (s *Session) ApplyImport(plan *importer.Plan, o importer.Options) error {
	if err := s.BackupBeforeChange(); err != nil {
		return err
	}
	return importer.Apply(s.DB, []*importer.Plan{plan}, s.ImportOptions(o))
}
