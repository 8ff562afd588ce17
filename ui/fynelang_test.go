package ui

import (
	"testing"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Fyne's own dialog buttons follow the app's language, not the system's: an English
// interface on a French system says Yes/No, a switch to French says Oui/Non, even when
// the system locale is C (for which Fyne would otherwise stay in English).
func TestFyneDialogsFollowAppLanguage(t *testing.T) {
	for _, sys := range []map[string]string{
		{"LC_ALL": "", "LC_MESSAGES": "", "LANG": "fr_FR.UTF-8", "LANGUAGE": "fr"},
		{"LC_ALL": "C", "LC_MESSAGES": "", "LANG": "", "LANGUAGE": ""},
	} {
		for k, v := range sys {
			t.Setenv(k, v)
		}
		a := newTestApp(t, "en")
		if got := confirmButtons(a); got != "No/Yes" {
			t.Errorf("system %v, English app: confirm buttons %q, want No/Yes", sys, got)
		}
		a.setLang("fr")
		if got := confirmButtons(a); got != "Non/Oui" {
			t.Errorf("system %v, switched to French: confirm buttons %q, want Non/Oui", sys, got)
		}
		a.setLang("en")
		if got := confirmButtons(a); got != "No/Yes" {
			t.Errorf("system %v, back to English: confirm buttons %q, want No/Yes", sys, got)
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
	s := ""
	for i, l := range labels {
		if i > 0 {
			s += "/"
		}
		s += l
	}
	return s
}

// The file dialog's parent folder is named in French words.
func TestFyneParentFolderInFrench(t *testing.T) {
	a := newTestApp(t, "fr")
	if got := lang.X("file.parent", "Parent"); got != "Dossier parent" {
		t.Errorf("file.parent in French: %q", got)
	}
	a.setLang("en")
	if got := lang.X("file.parent", "Parent"); got != "Parent" {
		t.Errorf("file.parent in English: %q", got)
	}
}
