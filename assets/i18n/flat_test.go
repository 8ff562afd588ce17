package i18n

import (
	"encoding/json"
	"io/fs"
	"maps"
	"testing"
)

// TestParseFlatAsEncodingJSON: every catalogue file reads the same through parseFlat
// as through encoding/json, and parseFlat declines what it does not read exactly.
func TestParseFlatAsEncodingJSON(t *testing.T) {
	names, err := fs.Glob(files, "*.json")
	if err != nil || len(names) == 0 {
		t.Fatal(names, err)
	}
	for _, name := range names {
		b, err := files.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]string{}
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(name, err)
		}
		got, ok := parseFlat(b)
		if !ok || !maps.Equal(got, want) {
			t.Errorf("%s: parseFlat differs from encoding/json (ok %v)", name, ok)
		}
	}
	for _, src := range []string{`{}`, ` { "a" : "b" , "c":"d\"e\\f\nü\u00e9\ud83d\ude00" } `, `{"a":"1","a":"2"}`, `{"k":"<&>"}`} {
		want := map[string]string{}
		if err := json.Unmarshal([]byte(src), &want); err != nil {
			t.Fatal(src, err)
		}
		if got, ok := parseFlat([]byte(src)); !ok || !maps.Equal(got, want) {
			t.Errorf("%s: got %q (ok %v), want %q", src, got, ok, want)
		}
	}
	for _, src := range []string{``, `[]`, `{"a":1}`, `{"a":"b",}`, `{"a":"b"} x`, "{\"a\":\"\xff\"}", "{\"a\":\"b\nc\"}", `{"a":"b"`, `{"a" "b"}`, `{"a":"\q"}`} {
		if _, ok := parseFlat([]byte(src)); ok {
			t.Errorf("%q: parseFlat accepted it", src)
		}
	}
}

// TestLanguageAsDefault: the texts T reads per language are the whole catalogue's.
func TestLanguageAsDefault(t *testing.T) {
	for _, l := range Languages {
		m, err := language(l)
		if err != nil || !maps.Equal(m, Default()[l]) || len(m) == 0 {
			t.Errorf("%s: %d texts, %v", l, len(m), err)
		}
	}
}
