package field

// UTF16Error reports a file encoded in UTF-16, which the importers do not read: its
// text would come out as NUL bytes between the characters.
type UTF16Error struct {
	Variant string // "UTF-16LE" or "UTF-16BE"
}

// Error implements error.
func (e *UTF16Error) Error() string {
	return "UTF-16 (" + e.Variant + ") is not supported: save the file as UTF-8 or Windows-1252"
}

// UTF16 reports whether the first bytes of a file are UTF-16: a byte order mark
// (FF FE or FE FF), or, without one, NUL bytes on every other byte (what ASCII text
// saved as UTF-16 looks like). It returns "UTF-16LE" or "UTF-16BE".
func UTF16(b []byte) (string, bool) {
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
