package ui

import (
	"fmt"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font/sfnt"
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
