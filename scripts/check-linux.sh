#!/usr/bin/env bash
# Checks what a Linux build of Relance needs at run time against the README (issue 23):
#  1. the libraries it is linked with (ELF NEEDED, readelf -d) are exactly the README's
#     « linked » rows of its run-time table;
#  2. every library it may load later (the sonames GLFW and go-gl dlopen, found in the binary)
#     is a row of that table;
#  3. libhunspell is not needed: in a mount namespace where every libhunspell file is hidden
#     (replaced by an empty file), `relance version` runs and the spelling check still flags a
#     misspelt word (the library and its dictionaries are inside the binary). Needs unshare
#     (root, or user namespaces); said and skipped when not allowed.
# Usage: scripts/check-linux.sh BINARY
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 BINARY" >&2; exit 2; }
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
fails=0
ok() { printf 'check-linux: ok   %s\n' "$*"; }
bad() { printf 'check-linux: FAIL %s\n' "$*"; fails=$((fails + 1)); }

# The README's table, between <!-- runtime-libraries --> and <!-- /runtime-libraries -->:
# | `soname` | package | linked / loaded … | … |
table=$(sed -n '/<!-- runtime-libraries -->/,/<!-- \/runtime-libraries -->/p' "$root/README.md")
[ -n "$table" ] || { echo "check-linux: FAIL no run-time table in README.md" >&2; exit 1; }
listed_linked=$(grep -E '^\| `lib[^`]+` \|' <<<"$table" | awk -F'|' '$4 ~ /linked/ {gsub(/[ `]/, "", $2); print $2}' | sort -u)
listed_all=$(grep -E '^\| `lib[^`]+` \|' <<<"$table" | awk -F'|' '{gsub(/[ `]/, "", $2); print $2}' | sort -u)

needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
if [ "$needed" = "$listed_linked" ]; then
  ok "linked with $(tr '\n' ' ' <<<"$needed")(as the README says)"
else
  bad "linked libraries differ from the README: binary «$(tr '\n' ' ' <<<"$needed")», README «$(tr '\n' ' ' <<<"$listed_linked")»"
fi
if grep -q hunspell <<<"$needed"; then bad "libhunspell is linked dynamically"; fi

# Versioned sonames only (libX.so.N): the unversioned names are development symlinks GLFW
# tries last, never what a desktop install has.
loaded=$(strings -n 8 "$bin" | grep -E '^lib[A-Za-z0-9_+-]+\.so\.[0-9]+(\.[0-9]+)*$' | sort -u)
missing=$(comm -23 <(echo "$loaded") <(echo "$listed_all"))
if [ -z "$missing" ]; then
  ok "every library it may load is in the README ($(wc -l <<<"$loaded") sonames)"
else
  bad "loaded at run time but not in the README: $(tr '\n' ' ' <<<"$missing")"
fi

# A machine without libhunspell.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'Madame,\n\nNous constattons que la facture reste impayée.\n\nVeuillez agréer, Madame, nos salutations distinguées.\n' >"$tmp/letter.txt"
cat >"$tmp/hidden.sh" <<'EOF'
set -eu
for f in /usr/lib/*/libhunspell* /usr/lib/libhunspell* /lib/*/libhunspell*; do
  [ -e "$f" ] && mount --bind /dev/null "$f"
done
"$1" version
RELANCE_LANG=fr "$1" check-letter --no-grammar --format json "$2" || true
EOF
if unshare -m true 2>/dev/null; then
  un="unshare -m"
elif unshare -rm true 2>/dev/null; then
  un="unshare -rm"
else
  un=""
fi
if [ -z "$un" ]; then
  echo "check-linux: skipped the run without libhunspell (unshare not allowed here)"
elif out=$($un sh "$tmp/hidden.sh" "$bin" "$tmp/letter.txt" 2>&1); then
  if grep -q '^relance ' <<<"$out" && grep -q constattons <<<"$out"; then
    ok "without libhunspell on the machine: $(head -1 <<<"$out"); spelling flags « constattons »"
  else
    bad "without libhunspell: $(head -c 800 <<<"$out")"
  fi
else
  bad "without libhunspell the binary fails: $(head -c 800 <<<"$out")"
fi

if [ $fails -gt 0 ]; then
  echo "check-linux: $fails failure(s)"
  exit 1
fi
echo "check-linux: ok"
