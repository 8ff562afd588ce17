package ledger

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"
	"testing"
)

// A full disk, a read-only medium and a permission refusal are said in the user's
// language, with the file; other errors pass unchanged.
func TestSystemError(t *testing.T) {
	for errno, want := range map[syscall.Errno]string{
		syscall.ENOSPC: "le disque est plein (/tmp/x.db)",
		syscall.EROFS:  "le support est en lecture seule (/tmp/x.db)",
		syscall.EACCES: "écriture refusée par les droits du fichier ou du dossier (/tmp/x.db)",
	} {
		err := SystemError(&fs.PathError{Op: "write", Path: "/tmp/x.db", Err: errno})
		if got := Localize(err, "fr"); got != want {
			t.Errorf("%v: %q, want %q", errno, got, want)
		}
		if got := Localize(err, "en"); strings.Contains(got, "write /tmp") {
			t.Errorf("%v in English: %q", errno, got)
		}
	}
	other := errors.New("boom")
	if SystemError(other) != other || SystemError(nil) != nil {
		t.Error("other errors are changed")
	}
}
