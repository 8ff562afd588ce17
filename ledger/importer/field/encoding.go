package field

import "strings"

// UTF16Error reports a file encoded in UTF-16 or UTF-32, which the importers do not
// read: its text would come out as NUL bytes between the characters.
type UTF16Error struct {
	Variant string // "UTF-16LE", "UTF-16BE", "UTF-32LE" or "UTF-32BE"
}

// Error implements error.
func (e *UTF16Error) Error() string {
	return e.Variant + " is not supported: save the file as UTF-8 or Windows-1252"
}

// Key returns the catalogue key of the finding for this variant, given the key
// used for UTF-16 ("import.issue.utf16"): UTF-32 has its own ("import.issue.utf32").
func (e *UTF16Error) Key(utf16Key string) string {
	if e.IsUTF32() {
		return strings.TrimSuffix(utf16Key, "16") + "32"
	}
	return utf16Key
}

// IsUTF32 reports whether the variant is UTF-32.
func (e *UTF16Error) IsUTF32() bool { return strings.HasPrefix(e.Variant, "UTF-32") }

// utf32 reports whether b starts as UTF-32: a byte order mark (FF FE 00 00 or
// 00 00 FE FF), or mostly ASCII text with three NUL bytes in each group of four.
func utf32(b []byte) (string, bool) {
	switch {
	case len(b) >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0:
		return "UTF-32LE", true
	case len(b) >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF:
		return "UTF-32BE", true
	}
	if len(b) > 4096 {
		b = b[:4096]
	}
	quads := len(b) / 4
	if quads < 4 {
		return "", false
	}
	var le, be int // groups shaped c 0 0 0 / 0 0 0 c
	for i := 0; i+3 < len(b); i += 4 {
		if b[i] != 0 && b[i+1] == 0 && b[i+2] == 0 && b[i+3] == 0 {
			le++
		}
		if b[i] == 0 && b[i+1] == 0 && b[i+2] == 0 && b[i+3] != 0 {
			be++
		}
	}
	switch {
	case le*10 >= quads*7:
		return "UTF-32LE", true
	case be*10 >= quads*7:
		return "UTF-32BE", true
	}
	return "", false
}

// UTF16 reports whether the first bytes of a file are UTF-16: a byte order mark
// (FF FE or FE FF), or, without one, NUL bytes on every other byte (what ASCII text
// saved as UTF-16 looks like). It returns "UTF-16LE" or "UTF-16BE", or "UTF-32LE" or
// "UTF-32BE" for UTF-32 (whose byte order mark starts like UTF-16LE's), named so that
// the user is told the right encoding.
func UTF16(b []byte) (string, bool) {
	if v, ok := utf32(b); ok {
		return v, true
	}
	switch {
	case len(b) >= 2 && b[0] == 0xFF && b[1] == 0xFE:
		return "UTF-16LE", true
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		return "UTF-16BE", true
	}
	if len(b) > 4096 {
		b = b[:4096]
	}
	pairs := len(b) / 2
	if pairs < 4 {
		return "", false
	}
	var even, odd int // NUL bytes at even and at odd offsets
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	// Mostly ASCII text: one byte of each pair is NUL, the other almost never.
	switch {
	case odd*10 >= pairs*7 && even*20 <= pairs:
		return "UTF-16LE", true
	case even*10 >= pairs*7 && odd*20 <= pairs:
		return "UTF-16BE", true
	}
	return "", false
}
