package spell

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"relance/assets/dict"
)

func TestExtract(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "relance", "dict", dict.Version())
	aff, dic, err := extract(dir, "fr")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{aff, dic} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := dict.Size(filepath.Base(p))
		if st.Size() != want {
			t.Errorf("%s: %d bytes, want %d", p, st.Size(), want)
		}
	}
	// A second extraction reuses the files.
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(dic, old, old); err != nil {
		t.Fatal(err)
	}
	if _, _, err := extract(dir, "fr"); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(dic); !st.ModTime().Equal(old) {
		t.Error("an intact dictionary was rewritten")
	}
	// A truncated file (a crash of an older version, a full disk) is rewritten.
	if err := os.Truncate(dic, 1000); err != nil {
		t.Fatal(err)
	}
	if _, _, err := extract(dir, "fr"); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(dic); st.Size() < 1_000_000 {
		t.Errorf("truncated dictionary not repaired: %d bytes", st.Size())
	}
	// No temporary file is left behind.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	if _, _, err := extract(dir, "xx"); err == nil {
		t.Error("extracting an unknown dictionary succeeded")
	}
}

func TestDefaultCacheDir(t *testing.T) {
	d := DefaultCacheDir()
	if !strings.HasSuffix(d, filepath.Join("relance", "dict", dict.Version())) {
		t.Errorf("DefaultCacheDir() = %s", d)
	}
}
