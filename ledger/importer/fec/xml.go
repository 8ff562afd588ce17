package fec

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/ianaindex"
)

// The XML variant of the FEC (annexe of article A47 A-1 of the LPF, the DGFiP schema
// formatA47A-I-VII-1.xsd): comptabilite/exercice/journal(JournalCode, JournalLib)/
// ecriture(EcritureNum, EcritureDate, EcritureLib, PieceRef, PieceDate, EcritureLet,
// DateLet, ValidDate)/ligne(CompteNum, CompteLib, CompAuxNum|CompteAuxNum,
// CompAuxLib|CompteAuxLib, Montantdevise, Idevise, Debit|Credit|Montant+Sens).
// FlatFromXML turns it into the flat text variant, one line per ligne, so that it is
// read by the same Reader and checked by the same rules as a text FEC.

// xmlColumns are the columns of the flat file written, in order.
var xmlColumns = []string{"JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
	"CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
	"ValidDate", "Montantdevise", "Idevise"}

// xmlAliases maps the XSD's alternative element names to the flat file's columns.
var xmlAliases = map[string]string{"CompteAuxNum": "CompAuxNum", "CompteAuxLib": "CompAuxLib", "MontantDevise": "Montantdevise", "IDevise": "Idevise"}

// xmlDates are the columns holding xs:date values (ISO), written AAAAMMJJ.
var xmlDates = map[string]bool{"EcritureDate": true, "PieceDate": true, "DateLet": true, "ValidDate": true}

// xmlAmounts are the columns holding xs:float values (decimal point), written with a comma.
var xmlAmounts = map[string]bool{"Debit": true, "Credit": true, "Montant": true, "Montantdevise": true}

// FlatFromXML returns the flat, tab-separated UTF-8 text of the XML FEC read from r.
// The conversion streams: the XML is read as the text is. A malformed document ends
// the text with its error.
// Close the reader returned when done: that ends the conversion.
func FlatFromXML(r io.Reader) io.ReadCloser {
	pr, pw := io.Pipe()
	go func() {
		bw := bufio.NewWriterSize(pw, 64<<10)
		err := convertXML(r, bw)
		if err == nil {
			err = bw.Flush()
		}
		pw.CloseWithError(err)
	}()
	return pr
}

// XMLError is an XML FEC that is not well-formed.
type XMLError struct {
	Line int // line of the XML document
	Err  error
}

// Error implements error.
func (e *XMLError) Error() string { return fmt.Sprintf("XML line %d: %v", e.Line, e.Err) }

// Unwrap returns the parser's error.
func (e *XMLError) Unwrap() error { return e.Err }

// xmlField cleans a value for the flat file: no separators, no line breaks.
func xmlField(s string) string {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "\t\r\n") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// xmlDate writes an xs:date or xs:dateTime ("2025-10-15", "2025-10-15T00:00:00",
// "2025-10-15+01:00") as AAAAMMJJ; anything else is left for the date checks to name.
func xmlDate(s string) string {
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		return s[0:4] + s[5:7] + s[8:10]
	}
	return s
}

// xmlAmount writes an xs:float with a decimal comma; an exponent is left for the
// amount checks to name.
func xmlAmount(s string) string { return strings.Replace(s, ".", ",", 1) }

func convertXML(r io.Reader, w *bufio.Writer) error {
	d := xml.NewDecoder(r)
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		enc, err := ianaindex.IANA.Encoding(label)
		if err != nil || enc == nil {
			return nil, fmt.Errorf("XML encoding %q: %w", label, err)
		}
		return enc.NewDecoder().Reader(in), nil
	}
	if _, err := w.WriteString(strings.Join(xmlColumns, "\t") + "\r\n"); err != nil {
		return err
	}
	journal := map[string]string{}
	entry := map[string]string{}
	line := map[string]string{}
	var cur map[string]string // the level whose fields are being read
	var text strings.Builder
	depth, fieldDepth := 0, -1
	var field string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			line, _ := d.InputPos()
			return &XMLError{Line: line, Err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "journal":
				clear(journal)
				cur = journal
			case "ecriture":
				clear(entry)
				cur = entry
			case "ligne":
				clear(line)
				cur = line
			default:
				if cur != nil && fieldDepth < 0 {
					field, fieldDepth = t.Name.Local, depth
					if a, ok := xmlAliases[field]; ok {
						field = a
					}
					text.Reset()
				}
			}
		case xml.CharData:
			if fieldDepth > 0 {
				text.Write(t)
			}
		case xml.EndElement:
			if depth == fieldDepth {
				v := xmlField(text.String())
				switch {
				case xmlDates[field]:
					v = xmlDate(v)
				case xmlAmounts[field]:
					v = xmlAmount(v)
				}
				if cur != nil {
					cur[field] = v
				}
				fieldDepth = -1
			}
			switch t.Name.Local {
			case "ligne":
				if err := writeXMLLine(w, journal, entry, line); err != nil {
					return err
				}
				cur = entry
			case "ecriture":
				cur = journal
			case "journal":
				cur = nil
			}
			depth--
		}
	}
}

// writeXMLLine writes one line of the flat file: the journal's and the entry's
// fields, then the line's. Montant and Sens become Debit or Credit.
func writeXMLLine(w *bufio.Writer, journal, entry, line map[string]string) error {
	if m, ok := line["Montant"]; ok && line["Debit"] == "" && line["Credit"] == "" {
		switch line["Sens"] {
		case "c", "C", "-1":
			line["Credit"] = m
		default:
			line["Debit"] = m
		}
	}
	for i, c := range xmlColumns {
		v, ok := line[c]
		if !ok {
			v, ok = entry[c]
		}
		if !ok {
			v = journal[c]
		}
		if i > 0 {
			if err := w.WriteByte('\t'); err != nil {
				return err
			}
		}
		if _, err := w.WriteString(v); err != nil {
			return err
		}
	}
	_, err := w.WriteString("\r\n")
	return err
}
