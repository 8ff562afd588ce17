package fec

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Byte → rune tables for the single-byte encodings, built once from x/text's charmaps.
var (
	latin9Table = table(charmap.ISO8859_15)
	cp1252Table = table(charmap.Windows1252)
)

func table(cm *charmap.Charmap) *[256]rune {
	var t [256]rune
	for i := range t {
		t[i] = cm.DecodeByte(byte(i))
	}
	return &t
}

var (
	nbsp  = []byte("\u00a0")
	nnbsp = []byte("\u202f")
)

// isASCII reports whether b holds only 7-bit bytes.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// decode returns b as a UTF-8 string: as is when enc is UTF8 (the caller checked
// validity), through the single-byte table otherwise. Control characters are dropped
// (tabs and line breaks become spaces: texts reach letters and PDFs) and no-break
// spaces become spaces; surrounding blanks are trimmed.
func decode(b []byte, enc Encoding) string {
	b = trimSpace(b)
	if len(b) == 0 {
		return ""
	}
	ctl := hasControl(b)
	if enc == UTF8 && !ctl && !bytes.Contains(b, nbsp) && !bytes.Contains(b, nnbsp) {
		return string(b)
	}
	if isASCII(b) && !ctl {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 8)
	if enc == UTF8 {
		for len(b) > 0 {
			r, w := utf8.DecodeRune(b)
			b = b[w:]
			switch {
			case r == '\t' || r == '\n' || r == '\r':
				r = ' '
			case r < 0x20 || r == 0x7F:
				continue
			case r == '\u00a0' || r == '\u202f':
				r = ' '
			}
			sb.WriteRune(r)
		}
		return strings.TrimSpace(sb.String())
	}
	t := latin9Table
	if enc == Windows1252 {
		t = cp1252Table
	}
	for _, c := range b {
		r := t[c]
		switch {
		case c == '\t' || c == '\n' || c == '\r':
			r = ' '
		case c < 0x20 || c == 0x7F:
			continue
		case c == 0xA0:
			r = ' '
		}
		sb.WriteRune(r)
	}
	return strings.TrimSpace(sb.String())
}

// hasControl reports whether b holds a control character (C0 or DEL).
func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c == 0x7F {
			return true
		}
	}
	return false
}

// trimSpace removes ASCII spaces, tabs and NULs around b.
func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == 0) {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == 0) {
		b = b[:len(b)-1]
	}
	return b
}

// appendDecoded is decode appending to dst. One pass decides whether the bytes can
// be copied as they are (ASCII, or UTF-8 without NUL and no-break spaces).
func appendDecoded(dst, b []byte, enc Encoding) []byte {
	b = trimSpace(b)
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c < 0x20, c == 0x7F,
			c >= 0x80 && enc != UTF8,
			c == 0xC2 && i+1 < len(b) && b[i+1] == 0xA0,
			c == 0xE2 && i+2 < len(b) && b[i+1] == 0x80 && b[i+2] == 0xAF:
			return append(dst, decode(b, enc)...)
		}
	}
	return append(dst, b...)
}
