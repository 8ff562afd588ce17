#!/usr/bin/env bash
# Regenerates the embedded dictionaries from the Debian packages (run as root or with sudo
# available for apt-get):
#   hunspell-fr-classical 1:7.0-1   (Dicollecte 7.0 "classique", MPL-2.0)  → fr.aff.gz, fr.dic.gz
#   hunspell-en-gb        1:7.5.0-1 (libreoffice-dictionaries, en_GB)       → en_GB.aff.gz, en_GB.dic.gz
#   hunspell-en-us        1:2020.12.07-2 (SCOWL, en_US)                     → en_US.aff.gz, en_US.dic.gz
# The files are copied unmodified and gzip-compressed (-n: no name or time stamp, so the output
# is reproducible); the collection vocabulary is added at run time (letters/spell), never here.
set -euo pipefail
cd "$(dirname "$0")"
src=/usr/share/hunspell
for f in fr.aff fr.dic en_GB.aff en_GB.dic en_US.aff en_US.dic; do
  if [ ! -f "$src/$f" ]; then
    echo "$src/$f is missing: apt-get install hunspell-fr-classical hunspell-en-gb hunspell-en-us" >&2
    exit 1
  fi
  gzip -9 -n -c "$src/$f" >"$f.gz"
done
ls -l ./*.gz
