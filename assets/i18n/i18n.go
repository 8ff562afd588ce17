// Package i18n holds Relance's message catalogue in French and English and formats
// messages with named parameters. It has no GUI dependency: the domain, the letters,
// the command line and the screens all take their words from here.
//
// Keys are namespaced ("err.locked", "ui.nav.customers") so that they never collide
// with Fyne's own catalogue. Parameters are written {name} in the texts.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
)

// The catalogue is split by area into files named <area>.<lang>.json (core.fr.json,
// ui.en.json…), so that each capability owns its own file. A key must not appear in
// two files of the same language.
//
//go:embed *.json
var files embed.FS

// Languages are the supported languages, French first.
var Languages = []string{"fr", "en"}

// Catalog maps language → key → text.
type Catalog map[string]map[string]string

// load reads the whole catalogue, both languages, checking that every file names one.
var load = sync.OnceValues(func() (Catalog, error) {
	names, err := fs.Glob(files, "*.json")
	if err != nil {
		return nil, fmt.Errorf("i18n: %w", err)
	}
	for _, name := range names {
		if l := fileLanguage(name); !slices.Contains(Languages, l) {
			return nil, fmt.Errorf("i18n: %s: unknown language %q", name, l)
		}
	}
	c := Catalog{}
	for _, l := range Languages {
		if c[l], err = language(l); err != nil {
			return nil, err
		}
	}
	return c, nil
})

// The languages' texts, each read on first use: a command in French reads only the
// French files (issue 26: the whole catalogue took 35-60 ms of every report).
var (
	loadFR = sync.OnceValues(func() (map[string]string, error) { return loadLanguage("fr") })
	loadEN = sync.OnceValues(func() (map[string]string, error) { return loadLanguage("en") })
)

// language returns the texts of l, one of Languages.
func language(l string) (map[string]string, error) {
	if l == "en" {
		return loadEN()
	}
	return loadFR()
}

// fileLanguage is the language of a catalogue file: "fr" for core.fr.json.
func fileLanguage(name string) string {
	parts := strings.Split(strings.TrimSuffix(name, ".json"), ".")
	return parts[len(parts)-1]
}

// loadLanguage reads the files of language l.
func loadLanguage(l string) (map[string]string, error) {
	names, err := fs.Glob(files, "*."+l+".json")
	if err != nil {
		return nil, fmt.Errorf("i18n: %w", err)
	}
	dst := make(map[string]string, 8192)
	for _, name := range names {
		b, err := files.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("i18n: %w", err)
		}
		m, ok := parseFlat(b)
		if !ok { // not the plain form parseFlat reads: encoding/json reads it, or says why not
			m = map[string]string{}
			if err := json.Unmarshal(b, &m); err != nil {
				return nil, fmt.Errorf("i18n: %s: %w", name, err)
			}
		}
		for k, v := range m {
			if _, dup := dst[k]; dup {
				return nil, fmt.Errorf("i18n: %s: key %q defined twice", name, k)
			}
			dst[k] = v
		}
	}
	return dst, nil
}

// mustLanguage is language for T, which panics as Default does on a malformed file.
func mustLanguage(l string) map[string]string {
	m, err := language(l)
	if err != nil {
		panic(err)
	}
	return m
}

// Default returns the embedded catalogue. It panics only if the embedded files are
// malformed, which the package's tests rule out.
func Default() Catalog {
	c, err := load()
	if err != nil {
		panic(err)
	}
	return c
}

// Norm returns "fr" or "en" for a language tag or locale such as "fr_FR.UTF-8" or
// "en-GB"; anything else gives French, the product's first language.
func Norm(lang string) string {
	l := strings.ToLower(lang)
	if strings.HasPrefix(l, "en") {
		return "en"
	}
	return "fr"
}

// T returns the text of key in lang with its {name} parameters replaced; args are
// name/value pairs. A key missing in lang falls back to the other language, then to
// the key itself, so a message is never empty.
func T(lang, key string, args ...string) string {
	s, ok := mustLanguage(Norm(lang))[key]
	if !ok {
		for _, l := range Languages {
			if s, ok = mustLanguage(l)[key]; ok {
				break
			}
		}
	}
	if !ok {
		s = key
	}
	if len(args) == 0 {
		return s
	}
	return fill(s, args)
}

// Has reports whether key is in lang's catalogue.
func Has(lang, key string) bool {
	_, ok := mustLanguage(Norm(lang))[key]
	return ok
}

// N returns the key of the form of base for a count of n in lang: base.one or
// base.other, both in the catalogue. French takes the singular for 0 and 1 (« 0 client »,
// « 1 client »), English for 1 only ("0 customers", "1 customer").
func N(lang, base string, n int) string {
	if n == 1 || n == 0 && Norm(lang) == "fr" {
		return base + ".one"
	}
	return base + ".other"
}

// fill replaces each {name} of s by the value that follows name in args (names, which
// hold no brace, and values alternate; the first pair of a name wins; a value is not
// read again): what strings.NewReplacer("{name}", value, …).Replace(s) gives, without
// building a replacer for each message (TestFillIsReplacer).
func fill(s string, args []string) string {
	var b strings.Builder
	b.Grow(len(s) + 16)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexAny(s[i+1:], "{}")
		if j < 0 {
			break
		}
		if s[i+1+j] == '{' { // "{a{b}": the name starts at the second brace
			b.WriteString(s[:i+1+j])
			s = s[i+1+j:]
			continue
		}
		name, found := s[i+1:i+1+j], false
		for k := 0; k+1 < len(args); k += 2 {
			if args[k] == name {
				b.WriteString(s[:i])
				b.WriteString(args[k+1])
				found = true
				break
			}
		}
		if !found {
			b.WriteString(s[:i+1+j+1])
		}
		s = s[i+1+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// Keys returns the sorted keys of lang.
func (c Catalog) Keys(lang string) []string {
	keys := make([]string, 0, len(c[lang]))
	for k := range c[lang] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
