package spell

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// newChecker returns a Checker with all three dictionaries, or skips the test in a build
// without libhunspell (after checking that New says so with ErrUnavailable).
func newChecker(t testing.TB, opts Options) *Checker {
	t.Helper()
	if err := Available(); err != nil {
		if !errors.Is(err, ErrUnavailable) {
			t.Fatalf("Available: %v does not match ErrUnavailable", err)
		}
		if _, err := New(opts); !errors.Is(err, ErrUnavailable) {
			t.Fatalf("New without libhunspell: %v", err)
		}
		t.Skipf("spelling unavailable in this build: %v", err)
	}
	if opts.CacheDir == "" {
		opts.CacheDir = t.TempDir()
	}
	if opts.Preload == nil {
		opts.Preload = []string{"fr", "en_GB", "en_US"}
	}
	c, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestCorrect(t *testing.T) {
	c := newChecker(t, Options{})
	tests := []struct {
		lang, word string
		want       bool
	}{
		// elisions, with the ASCII and the typographic apostrophe
		{"fr", "l'échéance", true}, {"fr", "l’échéance", true}, {"fr", "L'échéance", true},
		{"fr", "qu'il", true}, {"fr", "qu’il", true}, {"fr", "jusqu'au", true}, {"fr", "jusqu’au", true},
		{"fr", "aujourd'hui", true}, {"fr", "aujourd’hui", true}, {"fr", "d'un", true},
		{"fr", "n’hésitez", true}, {"fr", "lorsqu'il", true}, {"fr", "l'acusé", false}, {"fr", "l’acusé", false},
		// inflections
		{"fr", "impayée", true}, {"fr", "impayées", true}, {"fr", "réglées", true}, {"fr", "créancière", true},
		{"fr", "relançons", true}, {"fr", "obligés", true}, {"fr", "relancé", true}, {"fr", "échues", true},
		// hyphenated words
		{"fr", "peut-être", true}, {"fr", "c'est-à-dire", true}, {"fr", "vous-même", true},
		// the typos of letter-rules §1.1
		{"fr", "acusé", false}, {"fr", "rappellons", false}, {"fr", "réglement", false}, {"fr", "echeance", false},
		{"fr", "prélevement", false}, {"fr", "lètre", false},
		// upper case: checked case-insensitively; French capitals may drop their accents
		{"fr", "ÉCHÉANCE", true}, {"fr", "ECHEANCE", true}, {"fr", "RELANCE", true}, {"fr", "Échéance", true},
		{"fr", "ACUSE", false}, {"fr", "Rappellons", false}, {"en", "REMINDER", true}, {"en", "REMINDRE", false},
		// collection vocabulary (add-on list)
		{"fr", "lettrages", true}, {"fr", "délettrage", true}, {"fr", "lettrées", true}, {"fr", "affactureur", true},
		{"fr", "précontentieux", true}, {"fr", "SIRET", true}, {"fr", "DGFiP", true}, {"fr", "BODACC", true},
		{"fr", "encours", true}, {"fr", "affacturage", true}, {"fr", "commissaire", true}, {"fr", "injonction", true},
		{"en", "dunning", true}, {"en_US", "payables", true}, {"en", "HMCTS", true},
		// British and American English
		{"en", "colour", true}, {"en", "color", false}, {"en_GB", "acknowledgement", true},
		{"en_US", "color", true}, {"en_US", "colour", false}, {"en-US", "acknowledgment", true},
		{"en", "recieve", false}, {"en", "it's", true}, {"en", "it’s", true},
		// tokens that are not words: never reported
		{"fr", "FA-2026-118", true}, {"fr", "L441-10", true}, {"fr", "jean.martin@exemple.fr", true},
		{"fr", "https://exemple.fr/x", true}, {"fr", "n°", true}, {"fr", "€", true}, {"fr", "", true},
		{"fr", "TVAX", true}, // unknown acronym of 4 letters
		// surrounding punctuation is not part of the word
		{"fr", "«échéance»", true}, {"fr", "facture,", true}, {"fr", "(impayée)", true},
		// unknown language: no judgement
		{"de", "Rechnung", true},
		// bad input: never a panic, never correct
		{"fr", "\xff\xfeabc", false}, {"fr", "ab\x00cd", false}, {"fr", strings.Repeat("é", 120), false},
	}
	for _, tt := range tests {
		if got := c.Correct(tt.lang, tt.word); got != tt.want {
			t.Errorf("Correct(%q, %q) = %v, want %v", tt.lang, tt.word, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	c := newChecker(t, Options{})
	tests := []struct {
		lang, word string
		first      string // expected first suggestion
		also       string // expected among the first three, if set
	}{
		{"fr", "echeance", "échéance", ""},
		{"fr", "Echeance", "Échéance", ""},
		{"fr", "réglement", "règlement", ""},
		{"fr", "prélevement", "prélèvement", ""},
		{"fr", "prelevement", "prélèvement", ""},
		{"fr", "acusé", "accusé", ""},
		{"fr", "rappellons", "rappelons", ""},
		{"fr", "lètre", "lettre", ""},
		{"fr", "relancons", "relançons", ""},
		{"fr", "creanciere", "créancière", ""},
		{"fr", "coeur", "cœur", ""},
		{"fr", "l'echeance", "l'échéance", ""},
		{"fr", "l’echeance", "l’échéance", ""},
		{"fr", "l'acusé", "l'accusé", ""},
		{"fr", "l’acusé", "l’accusé", ""},
		{"en", "recieve", "receive", ""},
		{"en", "color", "colour", ""},
		{"en_US", "colour", "color", ""},
		{"en", "acknowledgment", "acknowledgement", ""},
		{"en", "remmittance", "remittance", ""},
	}
	for _, tt := range tests {
		got := c.Suggest(tt.lang, tt.word)
		if len(got) == 0 || got[0] != tt.first {
			t.Errorf("Suggest(%q, %q) = %q, want %q first", tt.lang, tt.word, got, tt.first)
		}
		if len(got) > 8 {
			t.Errorf("Suggest(%q, %q): %d suggestions", tt.lang, tt.word, len(got))
		}
		for _, s := range got {
			if s == tt.word {
				t.Errorf("Suggest(%q, %q) suggests the word itself", tt.lang, tt.word)
			}
		}
	}
	for _, bad := range []string{"", "\xff", "a\x00b", strings.Repeat("x", 200)} {
		if got := c.Suggest("fr", bad); got != nil {
			t.Errorf("Suggest(%q) = %q, want nil", bad, got)
		}
	}
	if got := c.Suggest("de", "Rechnung"); got != nil {
		t.Errorf("Suggest in an unknown language: %q", got)
	}
}

func TestEnglishVariantAndAdd(t *testing.T) {
	us := newChecker(t, Options{English: "en_US", Preload: []string{}})
	if !us.Correct("en", "color") || us.Correct("en", "colour") {
		t.Error(`Options.English "en_US": "en" is not American English`)
	}
	if us.Correct("fr", "Zorglub") {
		t.Fatal("Zorglub is a word")
	}
	if err := us.Add("fr", "Zorglub"); err != nil {
		t.Fatal(err)
	}
	if !us.Correct("fr", "Zorglub") {
		t.Error("Add: Zorglub still rejected")
	}
	for _, tt := range []struct{ lang, word string }{{"fr", ""}, {"fr", "a\x00b"}, {"xx", "mot"}} {
		if err := us.Add(tt.lang, tt.word); err == nil {
			t.Errorf("Add(%q, %q) accepted", tt.lang, tt.word)
		}
	}
	if err := us.Load("xx"); err == nil {
		t.Error(`Load("xx") accepted`)
	}
	if _, err := New(Options{English: "en_AU", CacheDir: t.TempDir()}); err == nil {
		t.Error(`English "en_AU" accepted`)
	}
	us.Close()
	if !us.Correct("fr", "acusé") || us.Suggest("fr", "acusé") != nil {
		t.Error("a closed Checker still judges words")
	}
}

func TestUnwritableCache(t *testing.T) {
	if Available() != nil {
		t.Skip("spelling unavailable in this build")
	}
	file := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := New(Options{CacheDir: filepath.Join(file, "dict")})
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("New with an unusable cache folder: %v", err)
	}
	if msg := err.(interface{ Localize(string) string }).Localize("fr"); !strings.Contains(msg, "not-a-folder") {
		t.Errorf("the message does not name the folder: %s", msg)
	}
}

func TestConcurrent(t *testing.T) {
	c := newChecker(t, Options{Preload: []string{"fr"}})
	words := []string{"échéance", "acusé", "l’échéance", "relançons", "echeance", "colour", "recieve"}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				w := words[(g+i)%len(words)]
				lang := "fr"
				if i%3 == 0 {
					lang = "en" // loaded lazily, concurrently
				}
				if !c.Correct(lang, w) && i%10 == 0 {
					c.Suggest(lang, w)
				}
			}
		}()
	}
	wg.Wait()
	if !c.Correct("en", "colour") || c.Correct("fr", "acusé") {
		t.Error("wrong answers after concurrent use")
	}
}

func TestVocabulary(t *testing.T) {
	for _, name := range []string{"fr", "en_GB"} {
		v := vocabulary(name)
		if len(v) < 10 {
			t.Fatalf("%s: %d entries", name, len(v))
		}
		words := make([]string, len(v))
		for i, e := range v {
			words[i] = e.word
			if strings.ContainsAny(e.word, " #") {
				t.Errorf("%s: bad entry %q", name, e.word)
			}
		}
		if !slices.Contains(words, "DSO") {
			t.Errorf("%s: DSO missing", name)
		}
	}
}
