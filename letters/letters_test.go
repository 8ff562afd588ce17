package letters

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileIsAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.pdf")
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "%PDF-1.7"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "%PDF-1.7" {
		t.Errorf("content %q", b)
	}
	boom := errors.New("boom")
	err := WriteFile(filepath.Join(dir, "b.pdf"), func(w io.Writer) error { io.WriteString(w, "half"); return boom })
	if !errors.Is(err, boom) {
		t.Errorf("err = %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files left, want only a.pdf", len(entries))
	}
	if err := WriteFile(filepath.Join(dir, "missing", "c.pdf"), func(io.Writer) error { return nil }); err == nil {
		t.Error("missing folder accepted")
	}
}
