package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"relance/assets"
)

// Fyne's own words (the Yes/No, Cancel, Save, Open, Create Folder… of its dialogs) come
// from its lang package, which answers in the translation closest to the system's locale
// (go-locale: the locale environment on Unix, the regional format on Windows, the
// preferred languages on macOS) and reads it again whenever translations are added. So
// that they follow the app's language on every system, the app's language's messages
// (Fyne's own, copied in assets/fyne, plus fyneMessages) are registered under the
// system's locale itself: Fyne's matcher then finds that locale exactly and answers with
// them, be it a language Fyne has (de-DE), one it lacks (nl-NL), or none (C/POSIX, under
// which Fyne uses its first language, English).

// fyneTags are the locales under which Fyne looks for its words on a system whose locale
// is sys, as lang.SystemLocale gives it ("de-DE", "en", "zh-CN-Hans": language, region,
// script): the tag in BCP 47 order, and without its script as Fyne's localizer names it.
// A locale Fyne could not read ("und") makes it use English, its first language.
func fyneTags(sys fyne.Locale) []string {
	parts := strings.Split(sys.String(), "-")
	if parts[0] == "" || parts[0] == "und" {
		return []string{"en"}
	}
	tags := []string{sys.LanguageString()}
	if len(parts) == 3 { // language-region-script → language-script-region
		tags = append(tags, parts[0]+"-"+parts[2]+"-"+parts[1])
	}
	return tags
}

// fyneMessages are our words for the keys Fyne 2.8.1 leaves in English in code's language
// (the file dialog's "(Parent)" folder, the calendar's day names), as a go-i18n message
// file. ("Home" and "Computer" of the file dialog are not translatable in Fyne 2.8.1.)
func fyneMessages(code string) []byte {
	if code == "fr" {
		return []byte(`{"file.parent": "Dossier parent",
 "monday": "lundi", "monday.short": "lun", "tuesday": "mardi", "tuesday.short": "mar",
 "wednesday": "mercredi", "wednesday.short": "mer", "thursday": "jeudi", "thursday.short": "jeu",
 "friday": "vendredi", "friday.short": "ven", "saturday": "samedi", "saturday.short": "sam",
 "sunday": "dimanche", "sunday.short": "dim"}`)
	}
	return []byte("{}")
}

// useFyneLang makes Fyne's own strings speak code ("fr" or "en") whatever the system's
// locale: it registers Fyne's messages in code, then ours (fyneMessages), under the tags
// Fyne reads for the system's locale (fyneTags). Registering replaces the messages a
// previous call gave those tags, so a language switch takes effect; dialogs built
// afterwards use the new language, the ones on screen keep theirs.
func useFyneLang(code string) error {
	base, err := assets.FyneMessages(code)
	if err != nil {
		return err
	}
	for _, tag := range fyneTags(lang.SystemLocale()) {
		for _, msgs := range [][]byte{base, fyneMessages(code)} {
			if err := lang.AddTranslationsForLocale(msgs, fyne.Locale(tag)); err != nil {
				return fmt.Errorf("fyne translations in %s under %s: %w", code, tag, err)
			}
		}
	}
	return nil
}

// fyneLang is useFyneLang for the window: a failure is logged, Fyne then keeps the
// system's language.
func (a *App) fyneLang() {
	if err := useFyneLang(a.lang); err != nil {
		fyne.LogError("fyne language", err)
	}
}
