package ui

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"

	"relance/assets/i18n"
)

// Every text drawn on every screen, in both languages, has its glyphs in the fonts Fyne
// embeds (the text font, then its symbol and emoji fallbacks): a missing glyph is drawn
// as a box (U+FFFD) wherever the system has no font for it, as ✔ once was.
func TestEveryDrawnTextHasGlyphs(t *testing.T) {
	var fonts []*sfnt.Font
	for _, res := range []fyne.Resource{theme.DefaultTheme().Font(fyne.TextStyle{}), theme.DefaultSymbolFont(), theme.DefaultEmojiFont()} {
		if res == nil {
			continue
		}
		f, err := sfnt.Parse(res.Content())
		if err != nil {
			t.Fatal(err)
		}
		fonts = append(fonts, f)
	}
	has := func(buf *sfnt.Buffer, r rune) bool {
		for _, f := range fonts {
			if i, err := f.GlyphIndex(buf, r); err == nil && i != 0 {
				return true
			}
		}
		return false
	}
	var buf sfnt.Buffer
	missing := map[rune]string{}
	for _, lang := range []string{"fr", "en"} {
		a := openDemoApp(t, lang)
		for id := screenID(0); id < screenCount; id++ {
			a.showScreen(id)
			if id == screenClients && len(a.clients.view.rows) > 0 {
				a.clients.view.selectCustomer(a.clients.view.rows[0].ID)
			}
			for _, s := range texts(a.win) {
				for _, r := range s {
					if unicode.IsSpace(r) || unicode.IsControl(r) {
						continue
					}
					if !has(&buf, r) {
						if _, seen := missing[r]; !seen {
							missing[r] = fmt.Sprintf("%s screen %d: %q", lang, id, s)
						}
					}
				}
			}
		}
	}
	for r, where := range missing {
		t.Errorf("no glyph for %q (U+%04X), drawn in %s", r, r, where)
	}
}

// Every message of the catalogue the screens may draw (all but the command line's and
// the PDFs' own) has its glyphs in the embedded fonts, in both languages — including
// those of tabs and dialogs the screen walk above does not open.
func TestCatalogueGlyphs(t *testing.T) {
	var fonts []*sfnt.Font
	for _, res := range []fyne.Resource{theme.DefaultTheme().Font(fyne.TextStyle{}), theme.DefaultSymbolFont(), theme.DefaultEmojiFont()} {
		if res == nil {
			continue
		}
		f, err := sfnt.Parse(res.Content())
		if err != nil {
			t.Fatal(err)
		}
		fonts = append(fonts, f)
	}
	var buf sfnt.Buffer
	has := func(r rune) bool {
		for _, f := range fonts {
			if i, err := f.GlyphIndex(&buf, r); err == nil && i != 0 {
				return true
			}
		}
		return false
	}
	cat := i18n.Default()
	for _, lang := range i18n.Languages {
		for key, msg := range cat[lang] {
			if strings.HasPrefix(key, "cli.") || strings.Contains(key, ".cli.") || strings.Contains(key, "pdf.") {
				continue
			}
			for _, r := range msg {
				if !unicode.IsSpace(r) && !unicode.IsControl(r) && !has(r) {
					t.Errorf("%s %s: no glyph for %q (U+%04X) in %q", lang, key, r, r, msg)
					break
				}
			}
		}
	}
}
