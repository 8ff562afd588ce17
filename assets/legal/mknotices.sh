#!/bin/sh
# mknotices.sh regenerates THIRD_PARTY_NOTICES.md (repository root, and the embedded copy
# assets/legal/THIRD_PARTY_NOTICES.md) from the modules linked into the binary and the
# licence files kept in assets/. Run from the repository root after a dependency change:
#   go build -o /tmp/relance . && sh assets/legal/mknotices.sh /tmp/relance
set -eu
bin=${1:?usage: mknotices.sh BINARY}
mc=$(go env GOMODCACHE)
out=assets/legal/THIRD_PARTY_NOTICES.md
spdx() { # licence of a module, from its licence file's text
	case "$(head -c 600 "$1")" in
	*"Unlicense OR BSD-3-Clause"*) echo "Unlicense OR BSD-3-Clause" ;;
	*"Apache License"*) echo "Apache-2.0" ;;
	*"Permission is hereby granted, free of charge"*) echo "MIT" ;;
	*"Permission to use, copy, modify, and/or distribute"*) echo "ISC" ;;
	*"Neither the name"*|*"BSD 3-Clause"*) echo "BSD-3-Clause" ;;
	*) if grep -q "Neither the name" "$1"; then echo "BSD-3-Clause"; elif grep -q "Redistribution and use" "$1"; then echo "BSD-2-Clause"; else echo "see text"; fi ;;
	esac
}
{
cat assets/legal/header.md
echo
echo "## Go modules linked into the relance binary"
echo
echo "| Module | Version | Licence | Copyright |"
echo "|---|---|---|---|"
echo "| Go standard library and runtime | $(go env GOVERSION) | BSD-3-Clause | $(grep -m1 -i copyright "$(go env GOROOT)/LICENSE") |"
go version -m "$bin" | awk '$1=="dep"{print $2, $3}' | while read -r m v; do
	d="$mc/$(echo "$m" | sed 's/[A-Z]/!&/g' | tr 'A-Z' 'a-z')@$v"
	f=$(ls "$d" | grep -iE '^(licen[cs]e|copying)' | head -1)
	c=$(grep -m2 -i 'copyright' "$d/$f" | grep -iv 'copyright notice\|copyright holders\|copyright owner\|copyright license\|copyright statement' | head -1 | sed 's/^[ *]*//; s/|/\\|/g')
	[ -n "$c" ] || c="the $m authors"
	echo "| $m | $v | $(spdx "$d/$f") | $c |"
done
echo
cat assets/legal/assets.md
echo
echo "## Licence texts of the Go modules"
echo
echo "Apache-2.0 modules are listed with their copyright line; the full Apache License 2.0 text is Relance's own LICENSE file."
echo
printf '### Go standard library\n\n```\n'; cat "$(go env GOROOT)/LICENSE"; printf '```\n\n'
go version -m "$bin" | awk '$1=="dep"{print $2, $3}' | while read -r m v; do
	d="$mc/$(echo "$m" | sed 's/[A-Z]/!&/g' | tr 'A-Z' 'a-z')@$v"
	f=$(ls "$d" | grep -iE '^(licen[cs]e|copying)' | head -1)
	printf '### %s %s\n\n' "$m" "$v"
	if [ "$(spdx "$d/$f")" = "Apache-2.0" ]; then
		echo "Apache License 2.0 (full text: LICENSE)."
		echo
	else
		printf '```\n'; cat "$d/$f"; printf '```\n\n'
	fi
done
echo "## Licence texts of the embedded fonts and dictionaries"
echo
for f in assets/fonts/LICENSE-DejaVu.txt assets/dict/LICENSE-fr.txt assets/dict/NOTICE-en_US.txt assets/dict/NOTICE-en_GB.txt; do
	printf '### %s\n\n```\n' "$f"; cat "$f"; printf '```\n\n'
done
} > "$out"
cp "$out" THIRD_PARTY_NOTICES.md
