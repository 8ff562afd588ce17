#!/usr/bin/env bash
# Renders the first page of the documents Relance writes, from the demo dossier, into
# docs/pdf/*.png for the README (pdftoppm, as a reader would see them). The PDFs
# themselves are not kept. Usage: scripts/docpdf.sh [path/to/relance]   (make screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
  bin=$work/relance
  go build -o "$bin" .
fi
export RELANCE_LANG=fr
db=$work/demo.db
"$bin" demo --out "$db" --today 2026-11-23 >/dev/null
at=2026-11-23
png() { pdftoppm -png -r 60 -f "${3:-1}" -l "${3:-1}" -singlefile "$1" "docs/pdf/$2"; echo "docs/pdf/$2.png"; }
"$bin" letter --db "$db" --customer C00030 --stage r2 --at $at --out "$work/r2.pdf" && png "$work/r2.pdf" letter-r2-fr
"$bin" letter --db "$db" --customer C00030 --stage med --at $at --out "$work/med.pdf" && png "$work/med.pdf" letter-med-fr
RELANCE_LANG=en "$bin" letter --db "$db" --customer C00006 --stage r2 --lang en --at $at --out "$work/r2en.pdf" && png "$work/r2en.pdf" letter-r2-en
"$bin" callsheet --db "$db" --customer C00141 --at $at --out "$work/cs.pdf" && png "$work/cs.pdf" callsheet-fr
"$bin" injonction --db "$db" --customer C00124 --at $at --out "$work/ip.pdf" >/dev/null && png "$work/ip.pdf" injonction-fr
"$bin" claim --db "$db" --customer C00113 --at $at --out "$work/claim.pdf" >/dev/null && png "$work/claim.pdf" claim-fr
"$bin" check-letter letters/check/testdata/letters/fr_r2_b2b.txt --stage r2 --no-grammar --report "$work/rep.pdf" >/dev/null 2>&1 || true
png "$work/rep.pdf" correction-report-fr
