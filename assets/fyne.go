package assets

import (
	"embed"
	"fmt"
)

// fyneWords holds copies of Fyne v2.8.1's own message files (assets/fyne/README.md).
//
//go:embed fyne/base.en.json fyne/base.fr.json
var fyneWords embed.FS

// FyneMessages returns Fyne's own words (its dialogs' buttons, its file dialog) in lang,
// "fr" or "en", as the go-i18n JSON message file Fyne ships for that language.
func FyneMessages(lang string) ([]byte, error) {
	b, err := fyneWords.ReadFile("fyne/base." + lang + ".json")
	if err != nil {
		return nil, fmt.Errorf("fyne messages for %q: %w", lang, err)
	}
	return b, nil
}
