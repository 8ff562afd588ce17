package ui

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// Fyne's own words (the Yes/No, Cancel, Save, Open, Create Folder… of its dialogs) come
// from its lang package, which picks the system's locale through go-locale: it reads
// LANGUAGE when the first of LC_ALL, LC_MESSAGES, LANG that is set is not "C" or "POSIX".
// Fyne ships French and English translations of all of them; it re-reads the locale
// whenever translations are added.

// localeVars are the variables go-locale reads, in its order, before LANGUAGE.
func localeVars() []string { return []string{"LC_ALL", "LC_MESSAGES", "LANG"} }

// posixLocale reports whether v names the C locale, for which go-locale ignores LANGUAGE.
func posixLocale(v string) bool { return v == "C" || v == "POSIX" }

// systemLocaleOf is the locale name that makes go-locale (and so Fyne) answer code.
func systemLocaleOf(code string) string {
	if code == "en" {
		return "en_GB.UTF-8"
	}
	return code + "_FR.UTF-8"
}

// fyneMessages are our words for the few keys Fyne 2.8.1 translates poorly in code's
// language (the file dialog's "(Parent)" folder), as a go-i18n message file. ("Home" and
// "Computer" of the file dialog are not translatable in Fyne 2.8.1.)
func fyneMessages(code string) []byte {
	if code == "fr" {
		return []byte(`{"file.parent": "Dossier parent"}`)
	}
	return []byte("{}")
}

// useFyneLang makes Fyne's own strings speak code ("fr" or "en"): it sets the process's
// LANGUAGE (and the locale variable that hides it when that one is C/POSIX), then adds our
// messages for code (fyneMessages) so that Fyne's localizer reads the locale again. Dialogs
// built afterwards use the new language; the ones on screen keep theirs.
func useFyneLang(code string) error {
	for _, v := range localeVars() {
		if s := os.Getenv(v); s != "" {
			if posixLocale(s) {
				if err := os.Setenv(v, systemLocaleOf(code)); err != nil {
					return fmt.Errorf("set %s: %w", v, err)
				}
			}
			break
		}
	}
	if err := os.Setenv("LANGUAGE", code); err != nil {
		return fmt.Errorf("set LANGUAGE: %w", err)
	}
	if err := lang.AddTranslationsForLocale(fyneMessages(code), fyne.Locale(code)); err != nil {
		return fmt.Errorf("fyne translations for %s: %w", code, err)
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
