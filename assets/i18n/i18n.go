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

var load = sync.OnceValues(func() (Catalog, error) {
	c := Catalog{}
	for _, l := range Languages {
		c[l] = map[string]string{}
	}
	names, err := fs.Glob(files, "*.json")
	if err != nil {
		return nil, fmt.Errorf("i18n: %w", err)
	}
	for _, name := range names {
		parts := strings.Split(strings.TrimSuffix(name, ".json"), ".")
		l := parts[len(parts)-1]
		dst, ok := c[l]
		if !ok {
			return nil, fmt.Errorf("i18n: %s: unknown language %q", name, l)
		}
		b, err := files.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("i18n: %w", err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("i18n: %s: %w", name, err)
		}
		for k, v := range m {
			if _, dup := dst[k]; dup {
				return nil, fmt.Errorf("i18n: %s: key %q defined twice", name, k)
			}
			dst[k] = v
		}
	}
	return c, nil
})

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
	c := Default()
	s, ok := c[Norm(lang)][key]
	if !ok {
		for _, l := range Languages {
			if s, ok = c[l][key]; ok {
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
	pairs := make([]string, 0, len(args))
	for i := 0; i+1 < len(args); i += 2 {
		pairs = append(pairs, "{"+args[i]+"}", args[i+1])
	}
	return strings.NewReplacer(pairs...).Replace(s)
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
