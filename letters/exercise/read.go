package exercise

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"relance/ledger"
	"relance/letters/check"
)

// maxFileBytes bounds a letter file read: a letter with a logo in a .docx stays well
// under it; the text read out of it is then bounded by check.MaxLetterBytes.
const maxFileBytes = 20 << 20

// ReadText returns the text of a letter file by its extension: .txt (UTF-8, or
// Windows-1252 turned into UTF-8), .docx (the paragraphs w:p of word/document.xml) or
// .odt (the paragraphs text:p and headings text:h of content.xml). Any other format is
// refused with a problem naming the file.
func ReadText(name string, data []byte) (string, error) {
	base := filepath.Base(name)
	if len(data) > maxFileBytes {
		return "", &ledger.Problem{Key: "exercise.err.file_big", Args: []string{"file", base}}
	}
	var text string
	var err error
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		text = plainText(data)
	case ".docx":
		text, err = zipText(data, "word/document.xml", docxPara)
	case ".odt":
		text, err = zipText(data, "content.xml", odtPara)
	default:
		return "", &ledger.Problem{Key: "exercise.err.format", Args: []string{"file", base, "value", filepath.Ext(name)}}
	}
	if err != nil {
		return "", &ledger.Problem{Key: "exercise.err.unreadable", Args: []string{"file", base}, Err: err}
	}
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	switch {
	case text == "":
		return "", &ledger.Problem{Key: "exercise.err.file_empty", Args: []string{"file", base}}
	case len(text) > check.MaxLetterBytes:
		return "", &ledger.Problem{Key: "exercise.err.file_big", Args: []string{"file", base}}
	}
	return text, nil
}

// plainText decodes a text file: UTF-8 (a BOM dropped), else Windows-1252, the
// encoding of a Notepad file saved on a French Windows.
func plainText(b []byte) string {
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for _, c := range b {
		if r, ok := cp1252[c]; ok {
			sb.WriteRune(r)
		} else {
			sb.WriteRune(rune(c)) // Latin-1 for the rest
		}
	}
	return sb.String()
}

// cp1252 are the characters of Windows-1252 that differ from Latin-1 and occur in
// French letters.
var cp1252 = map[byte]rune{0x80: '€', 0x85: '…', 0x8C: 'Œ', 0x92: '’', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0x9C: 'œ'}

// paraStyle says, for a zip format, which elements are paragraphs, which hold text,
// and which are a tab or a line break.
type paraStyle struct {
	space          string
	para, text     []string
	tab, lineBreak []string
}

var (
	docxPara = paraStyle{space: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
		para: []string{"p"}, text: []string{"t"}, tab: []string{"tab"}, lineBreak: []string{"br", "cr"}}
	odtPara = paraStyle{space: "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
		para: []string{"p", "h"}, text: nil, tab: []string{"tab"}, lineBreak: []string{"line-break"}}
)

// zipText reads member of the zip archive data and returns its paragraphs, one a line.
func zipText(data []byte, member string, st paraStyle) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("exercise: zip: %w", err)
	}
	for _, f := range zr.File {
		if f.Name != member {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return "", fmt.Errorf("exercise: %s: %w", member, err)
		}
		defer rc.Close()
		return xmlParagraphs(io.LimitReader(rc, maxFileBytes), st)
	}
	return "", fmt.Errorf("exercise: %s: %w", member, errors.New("not in the archive"))
}

func in(name xml.Name, space string, locals []string) bool {
	if name.Space != space {
		return false
	}
	for _, l := range locals {
		if name.Local == l {
			return true
		}
	}
	return false
}

// xmlParagraphs walks the XML: the character data inside a text element (or, for
// ODF, anywhere inside a paragraph) is kept, each paragraph ends a line.
func xmlParagraphs(r io.Reader, st paraStyle) (string, error) {
	d := xml.NewDecoder(r)
	var sb strings.Builder
	depthPara, depthText := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return sb.String(), nil
		}
		if err != nil {
			return "", fmt.Errorf("exercise: xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case in(t.Name, st.space, st.para):
				depthPara++
			case in(t.Name, st.space, st.text):
				depthText++
			case depthPara > 0 && in(t.Name, st.space, st.tab):
				sb.WriteByte('\t')
			case depthPara > 0 && in(t.Name, st.space, st.lineBreak):
				sb.WriteByte('\n')
			case depthPara > 0 && t.Name.Space == st.space && t.Name.Local == "s": // ODF: runs of spaces
				n := 1
				for _, a := range t.Attr {
					if a.Name.Local == "c" {
						_, _ = fmt.Sscan(a.Value, &n)
					}
				}
				sb.WriteString(strings.Repeat(" ", max(1, min(n, 100))))
			}
		case xml.EndElement:
			switch {
			case in(t.Name, st.space, st.para):
				depthPara--
				if depthPara == 0 {
					sb.WriteByte('\n')
				}
			case in(t.Name, st.space, st.text):
				depthText--
			}
		case xml.CharData:
			if depthPara > 0 && (st.text == nil || depthText > 0) {
				sb.Write(t)
			}
		}
	}
}
