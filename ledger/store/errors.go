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
	// ErrNotChecked: a write on a dossier whose check before writing has not finished
	// (DB.HoldWrites).
	ErrNotChecked = &ledger.Problem{Key: "err.dossier.checking"}
)

func problem(sentinel *ledger.Problem, path string, cause error, more ...string) error {
	return &ledger.Problem{Key: sentinel.Key, Args: append([]string{"file", path}, more...), Err: cause}
}

// BackupError is the failure of the automatic backup taken when a dossier is opened
// for writing: the dossier itself is fine and the change asked for was made, but no
// backup of the state before it exists. The command line reports it as a warning; the
// window shows it.
type BackupError struct {
	Dir string
	Err error
}

func (e *BackupError) Error() string { return "backup in " + e.Dir + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *BackupError) Unwrap() error { return e.Err }

// Localize renders the warning in lang, with its cause.
func (e *BackupError) Localize(lang string) string {
	return (&ledger.Problem{Key: "err.backup.warn", Args: []string{"dir", e.Dir}, Err: e.Err}).Localize(lang)
}

// osError gives the system's refusals in the user's words (ledger.SystemError).
func osError(err error) error { return ledger.SystemError(err) }
