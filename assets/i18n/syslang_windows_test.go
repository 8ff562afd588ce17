//go:build windows

package i18n

import (
	"syscall"
	"testing"
)

// Each of the three kernel32 calls answers on its own (the later ones are the fallbacks
// of the first); under Wine they follow LANG.
func TestKernel32Languages(t *testing.T) {
	k := syscall.NewLazyDLL("kernel32.dll")
	pref, ui, loc := preferredUILanguages(k), defaultUILanguage(k), defaultLocaleName(k)
	t.Logf("preferred UI languages %q, default UI language %q, regional format %q", pref, ui, loc)
	if len(pref) == 0 || ui == "" || loc == "" {
		t.Error("a kernel32 call gave no language")
	}
}
