package spell

import (
	_ "embed"
	"strings"
)

// The collection vocabulary: words of the trade that the general dictionaries lack (lettrage,
// encours, affacturage, DSO, LRAR…), added in memory to every loaded dictionary of the
// language, so the MPL-2.0 dictionary files stay unmodified. One entry per line: the word,
// then optionally a model word whose inflections it takes (Hunspell_add_with_affix:
// "lettrage message" also accepts "lettrages"). Lines starting with # are comments.

//go:embed vocab.fr.txt
var vocabFR string

//go:embed vocab.en.txt
var vocabEN string

type vocabEntry struct{ word, example string }

// vocabulary returns the entries for a dictionary ("fr", "en_GB", "en_US").
func vocabulary(name string) []vocabEntry {
	src := vocabEN
	if name == "fr" {
		src = vocabFR
	}
	var out []vocabEntry
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		e := vocabEntry{word: f[0]}
		if len(f) > 1 {
			e.example = f[1]
		}
		out = append(out, e)
	}
	return out
}
