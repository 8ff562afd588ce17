// Package fonts embeds the DejaVu Sans typefaces used by Relance's PDF documents.
//
// DejaVu is chosen because it covers every character French business letters need,
// including U+202F (the narrow no-break space used as the thousands separator) which
// the Go fonts lack. The fonts are free to redistribute under the Bitstream Vera
// licence shipped beside them in LICENSE-DejaVu.txt.
package fonts

import _ "embed"

// Regular is DejaVu Sans (TrueType).
//
//go:embed DejaVuSans.ttf
var Regular []byte

// Bold is DejaVu Sans Bold (TrueType).
//
//go:embed DejaVuSans-Bold.ttf
var Bold []byte

// Oblique is DejaVu Sans Oblique (TrueType), used for notes and captions.
//
//go:embed DejaVuSans-Oblique.ttf
var Oblique []byte

// License is the text of the DejaVu fonts' licence, to ship with the binary.
//
//go:embed LICENSE-DejaVu.txt
var License string

// Prebuilt is a font ready for fpdf's AddFontFromBytes: its JSON definition and its
// zlib-compressed font file. The prebuilt fonts are subsets of DejaVu Sans in the
// "relance-1252" encoding (see Encoding): adding one to a document costs a few
// microseconds, against ~7 ms for parsing a full TrueType file.
type Prebuilt struct {
	JSON []byte
	Z    []byte
}

// Encoding is the relance-1252 map (fpdf's .map format: "!81 U+202F uni202F"):
// Windows-1252 plus U+202F, U+2009, U+2212, U+2192 and U+2713 in its unused codes.
//
//go:embed relance-1252.map
var Encoding string

//go:embed DejaVuSans-1252.json
var regularJSON []byte

//go:embed DejaVuSans-1252.z
var regularZ []byte

//go:embed DejaVuSans-Bold-1252.json
var boldJSON []byte

//go:embed DejaVuSans-Bold-1252.z
var boldZ []byte

//go:embed DejaVuSans-Oblique-1252.json
var obliqueJSON []byte

//go:embed DejaVuSans-Oblique-1252.z
var obliqueZ []byte

// RegularLatin returns the prebuilt relance-1252 subset of DejaVu Sans.
func RegularLatin() Prebuilt { return Prebuilt{regularJSON, regularZ} }

// BoldLatin returns the prebuilt relance-1252 subset of DejaVu Sans Bold.
func BoldLatin() Prebuilt { return Prebuilt{boldJSON, boldZ} }

// ObliqueLatin returns the prebuilt relance-1252 subset of DejaVu Sans Oblique.
func ObliqueLatin() Prebuilt { return Prebuilt{obliqueJSON, obliqueZ} }
