//go:build unix

package source

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestOpenRegularRefuses checks that a FIFO (which would block os.Open until a writer
// comes), a device and a folder are refused at once, naming what they are.
func TestOpenRegularRefuses(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fec.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	for _, c := range []struct{ path, kind string }{{fifo, KindFIFO}, {os.DevNull, KindDevice}, {dir, KindDir}} {
		done := make(chan error, 1)
		go func() {
			f, _, err := OpenRegular(c.path)
			if f != nil {
				f.Close()
			}
			done <- err
		}()
		select {
		case err := <-done:
			var nr *NotRegularError
			if !errors.As(err, &nr) || nr.Kind != c.kind {
				t.Errorf("%s: %v, want %s", c.path, err, c.kind)
			}
			if p := nr.Problem(); p.Key != "importstrict.notregular."+c.kind || p.Args[1] != c.path {
				t.Errorf("%s: problem %+v", c.path, p)
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("%s: OpenRegular blocked", c.path)
		}
		if _, err := ReadRegular(c.path, 1<<20); err == nil {
			t.Errorf("%s: ReadRegular read it", c.path)
		}
	}
}

// TestOpenRegularReads checks a regular file, through a symbolic link too.
func TestOpenRegularReads(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.csv")
	if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(p, link); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{p, link} {
		b, err := ReadRegular(path, 1<<20)
		if err != nil || string(b) != "x" {
			t.Errorf("%s: %q, %v", path, b, err)
		}
	}
	if _, _, err := OpenRegular(filepath.Join(dir, "none")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}
