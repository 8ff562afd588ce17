package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"relance/ledger/store"
)

// The batch prints the archive's head; verify --head saves it and --against checks a
// copy: letters removed at the end are named; restoring an older backup lists the
// letters it would drop and needs --force.
func TestArchiveHeadAgainstAndRestore(t *testing.T) {
	path := letterDossier(t)
	dir := t.TempDir()
	bak := filepath.Join(dir, "before.db")
	if code, _, stderr := run(t, "en", "backup", "--db", path, "--out", bak); code != 0 {
		t.Fatalf("backup: %s", stderr)
	}
	code, stdout, stderr := run(t, "en", "letters", "--db", path, "--at", "2026-11-23", "--stage", "r2",
		"--out", filepath.Join(dir, "r2"), "--issue", "--by", "Claire Moreau")
	if code != 0 || !strings.Contains(stdout, "Letter archive: ") || !strings.Contains(stdout, `{"count":`) {
		t.Fatalf("letters: %d %q %q", code, stdout, stderr)
	}
	code, head, _ := run(t, "fr", "verify", "--db", path, "--head")
	if code != 0 || !strings.Contains(head, "Archive des courriers : ") {
		t.Fatalf("head: %d %q", code, head)
	}
	headFile := filepath.Join(dir, "head.txt")
	if err := os.WriteFile(headFile, []byte(head), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := run(t, "en", "verify", "--db", path, "--against", headFile); code != 0 || !strings.Contains(out, "unchanged") {
		t.Fatalf("against itself: %d %q", code, out)
	}
	// Restoring the backup from before the batch drops its letters.
	code, out, errOut := run(t, "fr", "restore", "--from", bak, "--db", path)
	if code != 1 || !strings.Contains(errOut, "LT000001 du ") || !strings.Contains(errOut, "--force") {
		t.Fatalf("restore without --force: %d %q %q", code, out, errOut)
	}
	// A copy that lost its last two letters (head included) is caught by --against.
	cp := filepath.Join(dir, "copy.db")
	if code, _, stderr := run(t, "en", "backup", "--db", path, "--out", cp); code != 0 {
		t.Fatalf("copy: %s", stderr)
	}
	db, err := store.Open(cp, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var last uint64
	err = db.Update(func(tx *store.Tx) error {
		b := tx.Bolt().Bucket(store.BucketLetters)
		last = b.Sequence()
		for _, s := range []uint64{last - 1, last} {
			for _, p := range []byte{'r', 'p'} {
				k := []byte{p, 0, 0, 0, 0, 0, 0, 0, byte(s)}
				if err := b.Delete(k); err != nil {
					return err
				}
			}
		}
		return b.Delete([]byte("h"))
	})
	if err := errors.Join(err, db.Close()); err != nil {
		t.Fatal(err)
	}
	code, out, _ = run(t, "en", "verify", "--db", cp, "--against", headFile)
	if code != 1 || !strings.Contains(out, "are missing from this copy") {
		t.Fatalf("against a truncated copy: %d %q", code, out)
	}
	if code, out, _ := run(t, "en", "check", "--db", cp); code != 1 || !strings.Contains(out, "removed from the archive") {
		t.Errorf("check of a truncated copy: %d %q", code, out)
	}
	if code, out, stderr := run(t, "en", "restore", "--from", bak, "--db", path, "--force"); code != 0 || !strings.Contains(out, "restored") {
		t.Errorf("restore --force: %d %q %q", code, out, stderr)
	}
}
