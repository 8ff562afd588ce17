package store

import "relance/ledger"

// Sentinel problems, for errors.Is. The errors returned carry the file name as well.
var (
	// ErrLocked: another process (or this one) has the dossier open.
	ErrLocked = &ledger.Problem{Key: "err.dossier.locked"}
	// ErrNotDossier: the file is not a Relance dossier (another file type, or a foreign bbolt file).
	ErrNotDossier = &ledger.Problem{Key: "err.dossier.notdossier"}
	// ErrNewerSchema: the dossier was written by a newer version of Relance.
	ErrNewerSchema = &ledger.Problem{Key: "err.dossier.newer"}
	// ErrExists: creating a dossier over an existing file.
	ErrExists = &ledger.Problem{Key: "err.dossier.exists"}
	// ErrCorrupt: a record could not be decoded.
	ErrCorrupt = &ledger.Problem{Key: "err.dossier.corrupt"}
	// ErrReadOnly: a write on a dossier opened read-only.
	ErrReadOnly = &ledger.Problem{Key: "err.dossier.readonly"}
)

func problem(sentinel *ledger.Problem, path string, cause error, more ...string) error {
	return &ledger.Problem{Key: sentinel.Key, Args: append([]string{"file", path}, more...), Err: cause}
}
