package ui

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"relance/assets"
)

// systemLocale sets the locale environment go-locale (and so Fyne) reads; the others
// are emptied, which go-locale takes as unset. RELANCE_LANG is emptied too, so that the
// app's language is the one newTestApp saves.
func systemLocale(t *testing.T, env map[string]string) {
	t.Helper()
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "RELANCE_LANG"} {
		t.Setenv(k, env[k])
	}
}

// fyneWords are some of Fyne's own words in each of the app's languages.
var fyneWords = map[string]map[string]string{
	"fr": {"Yes": "Oui", "No": "Non", "Cancel": "Annuler", "Save": "Enregistrer", "Open": "Ouvrir", "Create Folder": "Créer un dossier"},
	"en": {"Yes": "Yes", "No": "No", "Cancel": "Cancel", "Save": "Save", "Open": "Open", "Create Folder": "Create Folder"},
}

// Fyne's own words follow the app's language, not the system's, on a system whose
// language Fyne has (German, French, English), one it does not have (Dutch), a C/POSIX
// locale (Fyne's English) and a LANGUAGE list; a switch at run time applies at once.
func TestFyneWordsFollowAppLanguage(t *testing.T) {
	systems := []map[string]string{
		{"LANG": "de_DE.UTF-8"},
		{"LANG": "fr_FR.UTF-8"},
		{"LANG": "en_GB.UTF-8"},
		{"LANG": "nl_NL.UTF-8"},
		{"LC_ALL": "C", "LANG": "de_DE.UTF-8", "LANGUAGE": "de"},
		{"LANG": "POSIX"},
		{"LANG": "C.UTF-8"},
		{},
		{"LANG": "de_DE.UTF-8", "LANGUAGE": "de:fr"},
		{"LC_MESSAGES": "pt_BR.UTF-8", "LANG": "en_US.UTF-8"},
	}
	for _, sys := range systems {
		systemLocale(t, sys)
		for _, first := range []string{"fr", "en"} {
			other := map[string]string{"fr": "en", "en": "fr"}[first]
			a := newTestApp(t, first)
			check := func(code, when string) {
				t.Helper()
				for k, want := range fyneWords[code] {
					if got := lang.L(k); got != want {
						t.Errorf("system %v, %s (%s): lang.L(%q) = %q, want %q", sys, when, code, k, got, want)
					}
				}
				want := fyneWords[code]["No"] + "/" + fyneWords[code]["Yes"]
				if got := confirmButtons(a); got != want {
					t.Errorf("system %v, %s (%s): confirm buttons %q, want %q", sys, when, code, got, want)
				}
			}
			check(first, "at start")
			a.setLang(other)
			check(other, "after a switch")
			a.setLang(first)
			check(first, "after switching back")
		}
	}
}

// The brief's two cases, spelt out: a German system with the app in French says
// « Annuler »; a French system with the app in English keeps Yes/No/Cancel.
func TestFyneWordsOnForeignSystem(t *testing.T) {
	systemLocale(t, map[string]string{"LANG": "de_DE.UTF-8"})
	newTestApp(t, "fr")
	if got := lang.L("Cancel"); got != "Annuler" {
		t.Errorf("German system, French app: Cancel = %q", got)
	}
	systemLocale(t, map[string]string{"LANG": "fr_FR.UTF-8"})
	newTestApp(t, "en")
	for _, w := range []string{"Yes", "No", "Cancel"} {
		if got := lang.L(w); got != w {
			t.Errorf("French system, English app: %s = %q", w, got)
		}
	}
}

// Every word of Fyne's message file in the app's language is given, with ours on top.
func TestFyneWordsComplete(t *testing.T) {
	systemLocale(t, map[string]string{"LANG": "de_DE.UTF-8"})
	for _, code := range []string{"fr", "en"} {
		newTestApp(t, code)
		b, err := assets.FyneMessages(code)
		if err != nil {
			t.Fatal(err)
		}
		var msgs map[string]any
		if err := json.Unmarshal(b, &msgs); err != nil {
			t.Fatal(err)
		}
		var ours map[string]string
		if err := json.Unmarshal(fyneMessages(code), &ours); err != nil {
			t.Fatal(err)
		}
		for k, v := range msgs {
			want, ok := v.(string)
			if !ok { // a plural form: {"other": …}
				want = v.(map[string]any)["other"].(string)
			}
			if o, ok := ours[k]; ok {
				want = o
			}
			if got := lang.X(k, "?"); got != want {
				t.Errorf("%s: %q = %q, want %q", code, k, got, want)
			}
		}
	}
}

// The locales under which Fyne looks for its words.
func TestFyneTags(t *testing.T) {
	tests := []struct {
		sys  fyne.Locale
		want []string
	}{
		{"de-DE", []string{"de-DE"}},
		{"fr", []string{"fr"}},
		{"en", []string{"en"}},
		{"und", []string{"en"}},
		{"", []string{"en"}},
		{"sr-RS-Latn", []string{"sr-RS", "sr-Latn-RS"}},
	}
	for _, tt := range tests {
		if got := fyneTags(tt.sys); !slices.Equal(got, tt.want) {
			t.Errorf("fyneTags(%q) = %q, want %q", tt.sys, got, tt.want)
		}
	}
}

// confirmButtons shows a Fyne confirmation dialog and returns its buttons' labels.
func confirmButtons(a *App) string {
	d := dialog.NewConfirm("?", "?", func(bool) {}, a.win)
	d.Show()
	defer d.Hide()
	var labels []string
	for _, o := range visible(a.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok {
			labels = append(labels, b.Text)
		}
	}
	return strings.Join(labels, "/")
}

// The file dialog's parent folder and the calendar's days are named in French words.
func TestFyneParentFolderInFrench(t *testing.T) {
	systemLocale(t, map[string]string{"LANG": "en_US.UTF-8"})
	a := newTestApp(t, "fr")
	if got := lang.X("file.parent", "Parent"); got != "Dossier parent" {
		t.Errorf("file.parent in French: %q", got)
	}
	if got := lang.X("monday.short", "Mon"); got != "lun" {
		t.Errorf("monday.short in French: %q", got)
	}
	a.setLang("en")
	if got := lang.X("file.parent", "Parent"); got != "Parent" {
		t.Errorf("file.parent in English: %q", got)
	}
	if got := lang.X("monday.short", "?"); got != "Mon" {
		t.Errorf("monday.short in English: %q", got)
	}
}
