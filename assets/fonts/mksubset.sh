#!/bin/sh
# Rebuilds the pre-built "relance-1252" fonts from the full DejaVu TTFs in this directory.
# Needs pyftsubset (Debian: apt-get install fonttools) and the Go toolchain.
#
# relance-1252.map is Windows-1252 (every French character, €, « », ’, …, œ, Ÿ) with its
# five unused codes given to U+202F (narrow no-break space, the French thousands
# separator), U+2009, U+2212, U+2192 and U+2713. The subsets keep only those glyphs,
# so a PDF embeds ~15 KB per font and fpdf needs no TrueType parsing per document.
set -eu
cd "$(dirname "$0")"
SUBSET_DIR=$(mktemp -d)
export SUBSET_DIR
cp relance-1252.map "$SUBSET_DIR/"
cp "$(go env GOMODCACHE)/codeberg.org/go-pdf/fpdf@v0.12.0/font/cp1252.map" "$SUBSET_DIR/"
UNI=$(grep -v '\.notdef$' relance-1252.map | awk '{print substr($2,3)}' | paste -sd, -)
for f in DejaVuSans DejaVuSans-Bold DejaVuSans-Oblique; do
	pyftsubset "$f.ttf" --unicodes="$UNI" --output-file="$SUBSET_DIR/$f-1252.ttf" \
		--glyph-names --no-hinting --layout-features='' --name-IDs='*' --name-legacy --notdef-outline
done
go run makefont.go
rm -r "$SUBSET_DIR"
