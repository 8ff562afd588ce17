package importer

import (
	"relance/ledger"
	"relance/ledger/importer/fec"
	"relance/ledger/importer/tabular"
)

// KeyKind says how customers are identified in a FEC.
type KeyKind string

// Customer keys (reference/fec.md §2.2).
const (
	KeyAuto    KeyKind = ""        // CompAuxNum when present, else the 411 account
	KeyAux     KeyKind = "aux"     // CompAuxNum (collective 411 + auxiliary accounts)
	KeyAccount KeyKind = "account" // the individual 411 account, ignoring CompAuxNum
	KeyMixed   KeyKind = "mixed"   // detected: some lines with, some without CompAuxNum
)

// Options control an import. The zero value imports with the dossier's settings.
type Options struct {
	// Settings are the dossier's settings (receivable prefixes, default terms). Run
	// reads them from the dossier when nil.
	Settings *ledger.Settings
	// Terms, when set, are the payment terms given to new customers (CLI --terms).
	Terms *ledger.Terms
	// Dialect overrides the detected FEC dialect (encoding, separator…).
	Dialect *fec.Dialect
	// Key overrides how FEC customers are identified.
	Key KeyKind
	// Mapping is the column mapping for CSV/XLSX; nil means the "generic" preset.
	Mapping *tabular.Mapping
	// Today is the date recorded with the import (the caller's "today").
	Today ledger.Date
	// Progress, when set, is called with bytes read so far and the total size.
	Progress func(done, total int64)
	// Cap is the number of examples kept per kind of finding (default 20).
	Cap int
	// Staged writes the import in several transactions on a copy of the dossier that
	// replaces it at the end (store.StageCopy): memory stays bounded whatever the size
	// of the files, and the import stays all or nothing. Only for a process that alone
	// uses the dossier meanwhile (the CLI); the window writes in one transaction.
	Staged bool

	// batchItems is how many items a staged transaction writes at most (tests; 0:
	// stageBatch); afterBatch, when set, is called after each staged transaction
	// (tests inject a failure there).
	batchItems int
	afterBatch func(n int) error
}

func (o *Options) settings() ledger.Settings {
	if o.Settings != nil {
		return o.Settings.Normalize()
	}
	return ledger.DefaultSettings()
}
