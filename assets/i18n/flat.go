package i18n

import (
	"encoding/json"
	"unicode/utf8"
)

// parseFlat reads a catalogue file, a JSON object of strings, faster than
// encoding/json (no reflection): the strings without escapes are taken as they are,
// the others go through encoding/json. ok is false for anything else (another form,
// invalid UTF-8, a syntax error): the caller then lets encoding/json read it or say
// why not. The package's tests check that both give the same texts for every file.
func parseFlat(b []byte) (m map[string]string, ok bool) {
	p := skipSpace(b, 0)
	if p >= len(b) || b[p] != '{' {
		return nil, false
	}
	m = make(map[string]string, 128)
	p = skipSpace(b, p+1)
	if p < len(b) && b[p] == '}' {
		return m, skipSpace(b, p+1) == len(b)
	}
	for {
		k, q, ok := flatString(b, p)
		if !ok {
			return nil, false
		}
		p = skipSpace(b, q)
		if p >= len(b) || b[p] != ':' {
			return nil, false
		}
		v, q, ok := flatString(b, skipSpace(b, p+1))
		if !ok {
			return nil, false
		}
		m[k] = v // a repeated key: the last, as encoding/json
		p = skipSpace(b, q)
		if p >= len(b) {
			return nil, false
		}
		switch b[p] {
		case ',':
			p = skipSpace(b, p+1)
		case '}':
			return m, skipSpace(b, p+1) == len(b)
		default:
			return nil, false
		}
	}
}

// flatString reads the JSON string at p and returns it and the offset after it.
func flatString(b []byte, p int) (string, int, bool) {
	if p >= len(b) || b[p] != '"' {
		return "", 0, false
	}
	escaped := false
	for i := p + 1; i < len(b); i++ {
		switch c := b[i]; {
		case c == '\\':
			escaped = true
			i++ // the escaped character
		case c < ' ':
			return "", 0, false
		case c == '"':
			raw := b[p+1 : i]
			if !escaped {
				if !utf8.Valid(raw) {
					return "", 0, false
				}
				return string(raw), i + 1, true
			}
			var s string
			if err := json.Unmarshal(b[p:i+1], &s); err != nil || !utf8.Valid(raw) {
				return "", 0, false
			}
			return s, i + 1, true
		}
	}
	return "", 0, false
}

func skipSpace(b []byte, p int) int {
	for p < len(b) && (b[p] == ' ' || b[p] == '\t' || b[p] == '\n' || b[p] == '\r') {
		p++
	}
	return p
}
