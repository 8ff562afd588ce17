// Package spell checks the spelling of French and English words with libhunspell (through a
// small cgo wrapper) and the dictionaries embedded in assets/dict: Dicollecte 7.0 "classique"
// for French, en_GB and en_US for English. It adds a collection vocabulary (lettrage, encours,
// DSO, LRAR…) in memory, normalises apostrophes (’ → ') and, for French, ranks first the
// suggestions that only restore accents (echeance → échéance), where hunspell alone is weak.
//
// A Checker satisfies letters/check's Speller interface (Correct, Suggest). libhunspell is
// linked statically (hunspell_cgo.go: Linux and Windows builds need no libhunspell at run time).
// Builds without cgo (CGO_ENABLED=0) or with the nohunspell tag have no speller: New then
// returns an error matching ErrUnavailable, which the UI shows as is.
package spell

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"relance/ledger"
)

// ErrUnavailable matches (errors.Is) the error of New when spelling cannot be checked: a build
// without libhunspell, or dictionaries that cannot be written or loaded. Args carry the reason.
var ErrUnavailable = &ledger.Problem{Key: "spell.unavailable"}

// errNoCgo is the reason New gives in a build without libhunspell.
var errNoCgo = &ledger.Problem{Key: "spell.nocgo"}

// Options configure a Checker. The zero value is the default.
type Options struct {
	// CacheDir is where the embedded dictionaries are written at first use;
	// DefaultCacheDir() when empty.
	CacheDir string
	// English is the dictionary used for the language "en": "en_GB" (default, for UK
	// correspondence and the app's English) or "en_US".
	English string
	// Preload lists the dictionaries New loads at once ("fr", "en_GB", "en_US"); the others
	// are loaded at their first use. Default: "fr" and the English dictionary.
	Preload []string
	// MaxSuggestions caps Suggest's answer (default 8).
	MaxSuggestions int
}

// engine is one loaded dictionary: libhunspell in cgo builds.
type engine interface {
	spell(word string) bool
	suggest(word string) []string
	add(word, example string)
	close()
}

// Checker checks words against the embedded dictionaries. It is safe for concurrent use.
type Checker struct {
	opts      Options
	mu        sync.Mutex // guards dicts, errs, suggested and closed
	dicts     map[string]engine
	errs      map[string]error
	suggested map[string][]string // dictionary NUL word → hunspell's suggestions
	closed    bool
}

// Available returns nil when this build can check spelling, else an error matching
// ErrUnavailable that says why.
func Available() error {
	if !available {
		return unavailable(errNoCgo)
	}
	return nil
}

// unavailable wraps the reason spelling cannot be checked; the message shows it after the
// sentence "spelling is not checked".
func unavailable(cause error) error {
	return &ledger.Problem{Key: ErrUnavailable.Key, Err: cause}
}

// New returns a Checker with the dictionaries of opts.Preload loaded (writing them to the
// cache folder first if needed). The error matches ErrUnavailable.
func New(opts Options) (*Checker, error) {
	if !available {
		return nil, unavailable(errNoCgo)
	}
	if opts.CacheDir == "" {
		opts.CacheDir = DefaultCacheDir()
	}
	switch opts.English {
	case "":
		opts.English = "en_GB"
	case "en_GB", "en_US":
	default:
		return nil, &ledger.Problem{Key: "spell.variant", Args: []string{"value", opts.English}}
	}
	if opts.Preload == nil {
		opts.Preload = []string{"fr", opts.English}
	}
	if opts.MaxSuggestions <= 0 {
		opts.MaxSuggestions = 8
	}
	c := &Checker{opts: opts, dicts: map[string]engine{}, errs: map[string]error{},
		suggested: map[string][]string{}}
	for _, name := range opts.Preload {
		if err := c.Load(name); err != nil {
			_ = c.Close() // cleanup after the error returned below, or shutdown: nothing to report
			return nil, err
		}
	}
	return c, nil
}

// Load loads a dictionary ("fr", "en", "en_GB", "en_US") if it is not loaded yet.
func (c *Checker) Load(lang string) error {
	name := c.dictName(lang)
	if name == "" {
		return &ledger.Problem{Key: "spell.lang", Args: []string{"value", lang}}
	}
	_, err := c.engine(name)
	return err
}

// engine returns the loaded dictionary name, loading it at first use. A dictionary that
// failed to load is not retried: its error is returned again.
func (c *Checker) engine(name string) (engine, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil, unavailable(errors.New("spell checker closed"))
	}
	if e := c.dicts[name]; e != nil {
		return e, nil
	}
	if err := c.errs[name]; err != nil {
		return nil, err
	}
	e, err := load(c.opts.CacheDir, name)
	if err != nil {
		err = unavailable(err)
		c.errs[name] = err
		return nil, err
	}
	c.dicts[name] = e
	return e, nil
}

// load writes the dictionary to dir, loads it, checks that it works and adds the vocabulary.
func load(dir, name string) (engine, error) {
	aff, dic, err := extract(dir, name)
	if err != nil {
		return nil, err
	}
	e, err := newHunspell(aff, dic)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// Hunspell_create does not report unreadable files: it gives an empty dictionary.
	probe := "the"
	if name == "fr" {
		probe = "échéance"
	}
	if !e.spell(probe) {
		e.close()
		return nil, fmt.Errorf("%s: the dictionary in %s did not load", name, dir)
	}
	for _, v := range vocabulary(name) {
		e.add(v.word, v.example)
	}
	return e, nil
}

// dictName maps a language ("fr", "fr_FR", "en", "en-GB", "en_US"…) to a dictionary name,
// or "" when there is none.
func (c *Checker) dictName(lang string) string {
	l := strings.ToLower(strings.ReplaceAll(lang, "-", "_"))
	switch {
	case l == "fr" || strings.HasPrefix(l, "fr_"):
		return "fr"
	case l == "en_us":
		return "en_US"
	case strings.HasPrefix(l, "en_gb") || l == "en_uk":
		return "en_GB"
	case l == "en" || strings.HasPrefix(l, "en_"):
		return c.opts.English
	}
	return ""
}

// Close frees the dictionaries. Afterwards Correct accepts every word and Suggest returns
// nothing.
func (c *Checker) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.dicts {
		e.close()
	}
	c.dicts, c.closed = nil, true
	return nil
}

// maxWordBytes is hunspell's MAXWORDLEN (1.7): longer words are never correct.
const maxWordBytes = 100

// Correct reports whether word is spelled correctly in lang ("fr"; "en" is Options.English,
// "en_GB" and "en_US" name a variant). A word may carry an elision with either apostrophe
// (l'échéance, l’échéance). Tokens that are not words are accepted: numbers and references
// with digits (FA-2026-118, L441-10), e-mail addresses, URLs, single letters, short
// upper-case acronyms (up to 4 letters); so are French capitals without their accents
// (ECHEANCE). With an unknown language or a dictionary that cannot be loaded, every word is
// accepted (no judgement rather than a page of false errors).
func (c *Checker) Correct(lang, word string) bool {
	w, _ := normalize(word)
	if notAWord(w) {
		return true
	}
	if len(w) > maxWordBytes || !utf8.ValidString(w) || strings.IndexByte(w, 0) >= 0 {
		return false
	}
	name := c.dictName(lang)
	if name == "" {
		return true
	}
	e, err := c.engine(name)
	if err != nil {
		return true
	}
	if e.spell(w) {
		return true
	}
	if isUpper(w) {
		if utf8.RuneCountInString(w) <= 4 {
			return true
		}
		if name == "fr" && len(restoreAccents(e, strings.ToLower(w), 1)) > 0 {
			return true
		}
	}
	return false
}

// Suggest returns corrections for a misspelt word, best first: for French, the words that
// differ only by accents (echeance → échéance, réglement → règlement), then hunspell's.
// Suggestions use the apostrophe of the word (’ or ').
func (c *Checker) Suggest(lang, word string) []string {
	w, typographic := normalize(word)
	if w == "" || len(w) > maxWordBytes || !utf8.ValidString(w) || strings.IndexByte(w, 0) >= 0 {
		return nil
	}
	name := c.dictName(lang)
	if name == "" {
		return nil
	}
	e, err := c.engine(name)
	if err != nil {
		return nil
	}
	var cands []string
	if name == "fr" {
		for _, s := range restoreAccents(e, strings.ToLower(w), 3) {
			cands = append(cands, matchCase(s, w))
		}
	}
	// Hunspell's own suggestions take 0.1–0.4 s a word: not asked for when restoring the
	// accents found the word, and remembered, since a letter is checked again at each edit.
	if len(cands) == 0 {
		cands = c.hunspellSuggest(name, e, w)
	}
	out := make([]string, 0, len(cands))
	seen := map[string]bool{w: true}
	for _, s := range cands {
		if typographic {
			s = strings.ReplaceAll(s, "'", "’")
		} else {
			s = strings.ReplaceAll(s, "’", "'")
		}
		if seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
		if len(out) == c.opts.MaxSuggestions {
			break
		}
	}
	return out
}

// maxRemembered bounds the remembered suggestions (then they are forgotten all at once).
const maxRemembered = 2048

func (c *Checker) hunspellSuggest(name string, e engine, w string) []string {
	key := name + "\x00" + w
	c.mu.Lock()
	s, ok := c.suggested[key]
	c.mu.Unlock()
	if ok {
		return s
	}
	s = e.suggest(w)
	c.mu.Lock()
	if len(c.suggested) >= maxRemembered {
		clear(c.suggested)
	}
	c.suggested[key] = s
	c.mu.Unlock()
	return s
}

// Add accepts word in lang for the life of the Checker (a user's "add to dictionary").
func (c *Checker) Add(lang, word string) error {
	w, _ := normalize(word)
	if w == "" || len(w) > maxWordBytes || !utf8.ValidString(w) || strings.IndexByte(w, 0) >= 0 {
		return &ledger.Problem{Key: "spell.word", Args: []string{"value", word}}
	}
	name := c.dictName(lang)
	if name == "" {
		return &ledger.Problem{Key: "spell.lang", Args: []string{"value", lang}}
	}
	e, err := c.engine(name)
	if err != nil {
		return err
	}
	e.add(w, "")
	c.mu.Lock()
	clear(c.suggested)
	c.mu.Unlock()
	return nil
}

// normalize trims spaces and surrounding punctuation and replaces typographic apostrophes by
// ASCII ones; typographic reports whether the word had one.
func normalize(word string) (w string, typographic bool) {
	w = strings.TrimFunc(word, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".,;:!?«»\"“”()[]{}…", r)
	})
	if strings.ContainsAny(w, "’ʼ‘′") {
		typographic = true
		w = strings.NewReplacer("’", "'", "ʼ", "'", "‘", "'", "′", "'").Replace(w)
	}
	return w, typographic
}

// notAWord reports tokens that are not spelled: empty, one letter, without letters, with
// digits, e-mail addresses and URLs.
func notAWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsDigit(r), r == '@', r == '/':
			return true
		case unicode.IsLetter(r):
			letters++
		}
	}
	return letters < 2 || strings.HasPrefix(strings.ToLower(w), "www.")
}

func isUpper(w string) bool {
	seen := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		seen = seen || unicode.IsUpper(r)
	}
	return seen
}

// matchCase gives s (lower case) the case pattern of model: all capitals or a capital first.
func matchCase(s, model string) string {
	if isUpper(model) {
		return strings.ToUpper(s)
	}
	if r, _ := utf8.DecodeRuneInString(model); unicode.IsUpper(r) {
		f, n := utf8.DecodeRuneInString(s)
		return string(unicode.ToUpper(f)) + s[n:]
	}
	return s
}
