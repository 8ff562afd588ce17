#!/usr/bin/env bash
# Builds libhunspell 1.7.1 as a static library for Windows x86-64 with MinGW-w64, for the
# Windows build of Relance (letters/spell links it: spelling works in relance.exe, which then
# imports no MinGW DLL).
#
# Usage: scripts/hunspell-mingw.sh OUTDIR
# Writes:
#   OUTDIR/lib/libhunspell.a
#   OUTDIR/include/hunspell/{hunspell.h,hunspell.hxx,hunvisapi.h,w_char.hxx,atypes.hxx}
#   OUTDIR/lib/pkgconfig/relance-hunspell-mingw.pc   (the name letters/spell asks pkg-config for)
#   OUTDIR/share/doc/hunspell/                         (hunspell's licence files, to ship)
#   OUTDIR/env                                         (the environment of the Go build)
# and prints that environment on stdout (progress goes to stderr), so either
#   . OUTDIR/env      or      eval "$(scripts/hunspell-mingw.sh OUTDIR)"
# then: CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 GOOS=windows GOARCH=amd64 go build …
#
# Idempotent: does nothing but print the environment when OUTDIR already holds this build (same
# source, compiler and script). Installs the C++ cross-compiler (Debian g++-mingw-w64-x86-64)
# when missing. The source is Debian's hunspell_1.7.1.orig.tar.gz (the upstream release), checked
# against a pinned SHA-256 (the one in Debian's signed hunspell_1.7.1-1.dsc).
#
# One change to the source, for MinGW only: csutil.cxx's myopen() opens a path that starts
# with \\?\ as UTF-8 (through a wide-character path) under `_WIN32 && _MSC_VER`; the condition
# becomes `_WIN32`, as MinGW's libstdc++ (GCC ≥ 9) opens streams from wide-character paths too.
# letters/spell gives the library such paths, so a user folder like C:\Users\Hélène works.
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi

VERSION=1.7.1
TARBALL=hunspell_$VERSION.orig.tar.gz
URL=http://deb.debian.org/debian/pool/main/h/hunspell/$TARBALL
SHA256=b2d9c5369c2cc7f321cb5983fda2dbf007dce3d9e17519746840a6f0c4bf7444
CXX_PKG=g++-mingw-w64-x86-64
CXX=x86_64-w64-mingw32-g++
AR=x86_64-w64-mingw32-ar
PC_NAME=relance-hunspell-mingw

mkdir -p "$1"
out=$(cd "$1" && pwd)
log() { printf '%s\n' "$*" >&2; }
env_line="export PKG_CONFIG_PATH=$out/lib/pkgconfig\${PKG_CONFIG_PATH:+:\$PKG_CONFIG_PATH}"

# ---- the cross-compiler -----------------------------------------------------------------------
if ! dpkg-query -W -f='${Status}' "$CXX_PKG" 2>/dev/null | grep -q 'install ok installed' ||
  ! command -v "$CXX" >/dev/null 2>&1; then
  log "Installing $CXX_PKG (Windows C++ cross-compiler)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "$CXX_PKG" >/dev/null
fi

# ---- already built? ---------------------------------------------------------------------------
stamp="hunspell $VERSION $SHA256
$("$CXX" --version | head -1)
script $(sha256sum "$0" | cut -d' ' -f1)"
if [ -f "$out/.stamp" ] && [ "$(cat "$out/.stamp")" = "$stamp" ] &&
  [ -f "$out/lib/libhunspell.a" ] && [ -f "$out/include/hunspell/hunspell.h" ] &&
  [ -f "$out/lib/pkgconfig/$PC_NAME.pc" ] && [ -f "$out/env" ]; then
  log "libhunspell $VERSION for MinGW-w64 already built in $out"
  printf '%s\n' "$env_line"
  exit 0
fi
rm -f "$out/.stamp"

# ---- source -----------------------------------------------------------------------------------
mkdir -p "$out/src"
tgz=$out/src/$TARBALL
if [ ! -f "$tgz" ] || ! echo "$SHA256  $tgz" | sha256sum -c --quiet - >/dev/null 2>&1; then
  log "Downloading $URL"
  rm -f "$tgz.part"
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 -o "$tgz.part" "$URL"
  elif command -v wget >/dev/null 2>&1; then
    wget -q -O "$tgz.part" "$URL"
  else
    log "neither curl nor wget is installed"
    exit 1
  fi
  if ! echo "$SHA256  $tgz.part" | sha256sum -c --quiet -; then
    log "$TARBALL: SHA-256 mismatch (expected $SHA256)"
    rm -f "$tgz.part"
    exit 1
  fi
  mv "$tgz.part" "$tgz"
fi
src=$out/src/hunspell-$VERSION
rm -rf "$src"
tar -xzf "$tgz" -C "$out/src" "hunspell-$VERSION/src/hunspell" "hunspell-$VERSION/COPYING" \
  "hunspell-$VERSION/COPYING.LESSER" "hunspell-$VERSION/COPYING.MPL" "hunspell-$VERSION/license.hunspell" \
  "hunspell-$VERSION/license.myspell" "hunspell-$VERSION/AUTHORS"
h=$src/src/hunspell

# hunvisapi.h from its template: no symbol visibility attributes (HAVE_VISIBILITY 0), and the
# static-library branch always taken (no __declspec(dllimport) for whoever includes it).
sed -e 's/@HAVE_VISIBILITY@/0/' \
  -e 's|^#if defined(HUNSPELL_STATIC)$|#if 1 /* static library (scripts/hunspell-mingw.sh) */|' \
  "$h/hunvisapi.h.in" >"$h/hunvisapi.h"
grep -q '^#if 1 /\* static library' "$h/hunvisapi.h" || { log "hunvisapi.h.in: unexpected template"; exit 1; }

# UTF-8 paths with the \\?\ prefix opened as such with MinGW too (see the header).
n=$(grep -c '^#if defined(_WIN32) && defined(_MSC_VER)$' "$h/csutil.cxx" || true)
[ "$n" = 1 ] || { log "csutil.cxx: expected one '#if defined(_WIN32) && defined(_MSC_VER)', found $n"; exit 1; }
sed -i 's|^#if defined(_WIN32) && defined(_MSC_VER)$|#if defined(_WIN32) /* MinGW too: scripts/hunspell-mingw.sh */|' "$h/csutil.cxx"

# ---- compile ----------------------------------------------------------------------------------
log "Compiling libhunspell $VERSION with $("$CXX" --version | head -1)"
obj=$out/obj
rm -rf "$obj" && mkdir -p "$obj"
srcs=(affentry affixmgr csutil filemgr hashmgr hunspell hunzip phonet replist suggestmgr)
printf '%s\n' "${srcs[@]}" |
  xargs -P "$(nproc)" -I{} "$CXX" -c -O2 -DBUILDING_LIBHUNSPELL -DHUNSPELL_STATIC \
    -ffile-prefix-map="$src"=hunspell-$VERSION -I"$h" -o "$obj/{}.o" "$h/{}.cxx"
for s in "${srcs[@]}"; do [ -f "$obj/$s.o" ] || { log "compiling $s.cxx failed"; exit 1; }; done

mkdir -p "$out/lib/pkgconfig" "$out/include/hunspell" "$out/share/doc/hunspell"
rm -f "$out/lib/libhunspell.a"
(cd "$obj" && "$AR" rcsD "$out/lib/libhunspell.a" "${srcs[@]/%/.o}")
rm -rf "$obj"
for f in hunspell.h hunspell.hxx hunvisapi.h w_char.hxx atypes.hxx; do
  cp "$h/$f" "$out/include/hunspell/"
done
for f in COPYING COPYING.LESSER COPYING.MPL license.hunspell license.myspell AUTHORS; do
  cp "$src/$f" "$out/share/doc/hunspell/"
done

# letters/spell: `#cgo windows pkg-config: relance-hunspell-mingw`. libstdc++ and libgcc are
# linked statically, so the .exe needs no libstdc++-6.dll nor libgcc_s_seh-1.dll.
cat >"$out/lib/pkgconfig/$PC_NAME.pc" <<EOF
prefix=$out
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: $PC_NAME
Description: libhunspell $VERSION, static, for Windows x86-64 (MinGW-w64), built by Relance's scripts/hunspell-mingw.sh
Version: $VERSION
Cflags: -I\${includedir} -DHUNSPELL_STATIC
Libs: -L\${libdir} -lhunspell -l:libstdc++.a -static-libgcc
EOF

cat >"$out/env" <<EOF
# Environment of Relance's Windows cgo build with libhunspell (scripts/hunspell-mingw.sh).
# Use: . $out/env; CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 GOOS=windows GOARCH=amd64 go build …
$env_line
EOF
printf '%s\n' "$stamp" >"$out/.stamp"
log "libhunspell $VERSION for MinGW-w64: $out/lib/libhunspell.a ($(stat -c %s "$out/lib/libhunspell.a") bytes)"
printf '%s\n' "$env_line"
