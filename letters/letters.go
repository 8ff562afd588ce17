// Package letters is Relance's documents layer: PDF rendering (pdfdoc), account
// statements, printed reports and, as they land, reminder letters. It imports no GUI
// package. This file holds what every document writer shares.
package letters

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"relance/ledger"
)

// WriteFile writes a document to path through a temporary file in the same folder,
// renamed into place once complete: a failure, a cancel or a crash never leaves a
// half-written file under the name the user chose. The file is created 0600.
func WriteFile(path string, write func(w io.Writer) error) error {
	fail := func(err error) error {
		return fmt.Errorf("write %s: %w", path, &ledger.Problem{Key: "pdf.err.write", Args: []string{"file", path}, Err: ledger.SystemError(err)})
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".relance-*"+filepath.Ext(path))
	if err != nil {
		return fail(err)
	}
	err = write(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		if p := (*ledger.Problem)(nil); errors.As(err, &p) {
			return err
		}
		return fail(err)
	}
	return nil
}
