//go:build cgo && (linux || windows) && !nohunspell

package spell

import (
	"path/filepath"
	"testing"
)

// TestEngineLinked fails, rather than skips like the other tests, when a normal cgo build
// for Linux or Windows (the released targets) has no working speller: the fallback engine
// compiled by mistake, or a libhunspell that links but does not load the embedded
// dictionaries (on Windows: the cache path passed to the library, here with an accented
// folder name, as a user folder « C:\Users\Hélène » gives). Build with -tags nohunspell to
// build without libhunspell on purpose.
func TestEngineLinked(t *testing.T) {
	if err := Available(); err != nil {
		t.Fatalf("this cgo build has no speller: %v", err)
	}
	c, err := New(Options{CacheDir: filepath.Join(t.TempDir(), "Hélène"), Preload: []string{"fr", "en_GB"}})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	defer c.Close()
	for _, w := range []struct {
		lang, word string
		want       bool
	}{{"fr", "échéance", true}, {"fr", "acusé", false}, {"en", "receive", true}, {"en", "recieve", false}} {
		if got := c.Correct(w.lang, w.word); got != w.want {
			t.Errorf("Correct(%s, %q) = %v, want %v", w.lang, w.word, got, w.want)
		}
	}
}
