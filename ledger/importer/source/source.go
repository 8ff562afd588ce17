// Package source opens the files the importers read (ledgers, customer files, bank
// statements, rates files) and refuses what is not a regular file before reading a
// byte of it: a FIFO would block the import forever, a device such as /dev/zero
// would feed it without end, and a directory cannot be read.
package source

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"relance/ledger"
)

// Kinds of files that are not regular, as NotRegularError names them.
const (
	KindDir    = "dir"
	KindFIFO   = "fifo"
	KindDevice = "device"
	KindSocket = "socket"
	KindOther  = "other"
)

// NotRegularError is a path that names something other than a regular file.
type NotRegularError struct {
	Path string
	Kind string // KindDir, KindFIFO, KindDevice, KindSocket or KindOther
}

// Error implements error.
func (e *NotRegularError) Error() string {
	return e.Path + ": not a regular file (" + e.Kind + ")"
}

// Problem returns the refusal as a user message naming the file and what it is
// (catalogue keys importstrict.notregular.<kind>).
func (e *NotRegularError) Problem() *ledger.Problem {
	return &ledger.Problem{Key: "importstrict.notregular." + e.Kind, Args: []string{"file", e.Path}}
}

// kindOf returns the kind of a file that is not regular, "" for a regular file.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return KindDir
	case m&fs.ModeNamedPipe != 0:
		return KindFIFO
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return KindDevice
	case m&fs.ModeSocket != 0:
		return KindSocket
	}
	return KindOther
}

// Check stats path (following symbolic links) and returns a *NotRegularError when it
// is not a regular file, the stat error when it cannot be stat'ed, else nil.
func Check(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if k := kindOf(st.Mode()); k != "" {
		return &NotRegularError{Path: path, Kind: k}
	}
	return nil
}

// OpenRegular opens path for reading after checking that it is a regular file, and
// checks again on the open file (the path may have been replaced in between). It
// returns the file and its information, or a *NotRegularError, or the error of
// os.Stat or os.Open.
func OpenRegular(path string) (*os.File, fs.FileInfo, error) {
	if err := Check(path); err != nil {
		return nil, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		return nil, nil, errors.Join(err, f.Close())
	}
	if k := kindOf(st.Mode()); k != "" {
		return nil, nil, errors.Join(&NotRegularError{Path: path, Kind: k}, f.Close())
	}
	return f, st, nil
}

// ReadRegular reads the whole regular file at path (see OpenRegular), up to max
// bytes: a larger file is read up to max+1 bytes, for the reader to refuse.
func ReadRegular(path string, max int64) ([]byte, error) {
	f, _, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return data, err
}

// AsProblem returns err as the user's message when it is a *NotRegularError, and
// the problem built by fallback otherwise.
func AsProblem(err error, fallback func(error) *ledger.Problem) *ledger.Problem {
	var nr *NotRegularError
	if errors.As(err, &nr) {
		return nr.Problem()
	}
	return fallback(err)
}
