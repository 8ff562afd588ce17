package i18n

import (
	"runtime"
	"slices"
	"testing"
	"unicode/utf16"
)

// The interface language: RELANCE_LANG, then the saved choice, then the system's first
// French or English language, then French.
func TestChoose(t *testing.T) {
	tests := []struct {
		name string
		c    Choice
		want string
	}{
		{"nothing", Choice{}, "fr"},
		{"override beats saved and system", Choice{Override: "en", Saved: "fr", System: []string{"fr_FR.UTF-8"}}, "en"},
		{"override as a locale", Choice{Override: "fr_CA.UTF-8", Saved: "en"}, "fr"},
		{"unknown override passed over", Choice{Override: "de", Saved: "en"}, "en"},
		{"saved beats system", Choice{Saved: "fr", System: []string{"en-GB"}}, "fr"},
		{"Windows display language", Choice{System: []string{"en-US"}}, "en"},
		{"Unix locale", Choice{System: []string{"en_GB.UTF-8"}}, "en"},
		{"first supported of the list", Choice{System: []string{"de", "en", "fr_FR.UTF-8"}}, "en"},
		{"German system", Choice{System: []string{"de-DE"}}, "fr"},
		{"C locale", Choice{System: []string{"C.UTF-8"}}, "fr"},
		{"not a prefix match", Choice{System: []string{"eng", "frr"}}, "fr"},
	}
	for _, tt := range tests {
		if got := Choose(tt.c); got != tt.want {
			t.Errorf("%s: Choose(%+v) = %q, want %q", tt.name, tt.c, got, tt.want)
		}
	}
}

// The locale environment as gettext reads it.
func TestUnixLanguages(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want []string
	}{
		{map[string]string{}, nil},
		{map[string]string{"LANG": "en_GB.UTF-8"}, []string{"en_GB.UTF-8"}},
		{map[string]string{"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, []string{"en_US.UTF-8"}},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "fr_FR.UTF-8"}, []string{"fr_FR.UTF-8"}},
		{map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "de:en"}, []string{"de", "en", "de_DE.UTF-8"}},
		// LANGUAGE is ignored under the C locale, and when no locale is set at all.
		{map[string]string{"LC_ALL": "C", "LANG": "en_GB.UTF-8", "LANGUAGE": "en"}, nil},
		{map[string]string{"LANG": "POSIX"}, nil},
		{map[string]string{"LANGUAGE": "en"}, nil},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "en::fr"}, []string{"en", "fr", "C.UTF-8"}},
	}
	for _, tt := range tests {
		got := unixLanguages(func(k string) string { return tt.env[k] })
		if !slices.Equal(got, tt.want) {
			t.Errorf("unixLanguages(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
	if got := Choose(Choice{System: unixLanguages(func(k string) string {
		return map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "de:en"}[k]
	})}); got != "en" {
		t.Errorf("LANGUAGE=de:en on a German locale: %q, want en (the first the program has)", got)
	}
}

// The list GetUserPreferredUILanguages writes: names ended by NUL, then an empty name.
func TestMultiString(t *testing.T) {
	buf := utf16.Encode([]rune("fr-FR\x00en-US\x00\x00"))
	if got := multiString(buf); !slices.Equal(got, []string{"fr-FR", "en-US"}) {
		t.Errorf("multiString: %q", got)
	}
	for _, empty := range [][]uint16{nil, {0}, {0, 0}} {
		if got := multiString(empty); got != nil {
			t.Errorf("multiString(%v) = %q", empty, got)
		}
	}
}

// Detect puts RELANCE_LANG above the saved choice, and the saved choice above the system.
func TestDetect(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANGUAGE", "")
	t.Setenv("LANG", "en_GB.UTF-8")
	t.Setenv("RELANCE_LANG", "")
	if got := Detect("fr"); got != "fr" {
		t.Errorf("saved fr on an English system: %q", got)
	}
	if got := FromEnv(); got != "en" && runtime.GOOS != "windows" {
		t.Errorf("no saved choice on an English system: %q", got)
	}
	t.Setenv("RELANCE_LANG", "en")
	if got := Detect("fr"); got != "en" {
		t.Errorf("RELANCE_LANG=en with saved fr: %q", got)
	}
}

// On Windows the system always names a display language; run there (or under Wine,
// whose language follows LANG) with -v to see it.
func TestSystemLanguages(t *testing.T) {
	l := systemLanguages()
	t.Logf("system languages %q, interface language %s", l, FromEnv())
	if runtime.GOOS == "windows" && len(l) == 0 {
		t.Error("no display language from kernel32")
	}
}
