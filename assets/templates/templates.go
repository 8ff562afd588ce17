// Package templates embeds the letter templates Relance ships, one file per stage and
// language (<stage>.<lang>.txt): a small header ("key: value" lines), a line "---",
// then the body. The letters/templates package parses them; users edit copies that
// live in their dossier and can restore these at any time.
package templates

import (
	"embed"
	"fmt"
)

//go:embed *.txt
var files embed.FS

// Read returns the shipped template of stage in lang ("r1", "fr" → r1.fr.txt).
func Read(stage, lang string) ([]byte, error) {
	b, err := files.ReadFile(stage + "." + lang + ".txt")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	return b, nil
}
