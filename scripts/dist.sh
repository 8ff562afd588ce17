#!/usr/bin/env bash
# make dist: the Linux package (dist/Relance.tar.xz) and the Windows executable (dist/relance.exe).
#  1. installs what is missing (idempotent): the build packages of scripts/deps.sh, the MinGW-w64
#     cross-compiler (Debian gcc-mingw-w64-x86-64) and the fyne tool (fyne.io/tools, into $(go env GOPATH)/bin);
#  2. runs `fyne package -release` for linux and for windows (CC=x86_64-w64-mingw32-gcc), in parallel,
#     each on its own copy of the source under dist/.build/: fyne package writes temporary files into the
#     source folder (fyne_metadata_init.go, and fyne.syso for Windows, which a concurrent Linux build of
#     the same folder would link) and bumps Build in FyneApp.toml; the repository's files are never touched;
#  3. checks the .exe (scripts/check-pe.sh) and, if Xvfb and xdotool are there, starts the Linux binary
#     from the tarball under Xvfb (scripts/smoke.sh; DIST_SMOKE=0 to skip);
#  4. prints the artefacts and their sizes.
# A cold run takes minutes: cgo on go-gl is ~140 s of single-threaded gcc per target.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH=/usr/local/go/bin:$PATH
export PATH=$(go env GOPATH)/bin:$PATH
# The staged copies have no .git: no VCS stamping.
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-buildvcs=false"

FYNE_TOOL_VERSION=v1.7.4
MINGW_PKG=gcc-mingw-w64-x86-64
MINGW_CC=x86_64-w64-mingw32-gcc
out=$root/dist
build=$out/.build

step() { printf '\n== %s\n' "$*"; }
t0=$(date +%s)

# ---- 1. tools -------------------------------------------------------------------------------
step "dependencies"
scripts/deps.sh build
if ! dpkg-query -W -f='${Status}' "$MINGW_PKG" 2>/dev/null | grep -q 'install ok installed' ||
  ! command -v "$MINGW_CC" >/dev/null 2>&1; then
  echo "Installing $MINGW_PKG (Windows cross-compiler)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "$MINGW_PKG" >/dev/null
fi
echo "$MINGW_CC: $("$MINGW_CC" --version | head -1)"
# (not `fyne version | grep -q`: with pipefail, grep's early exit can fail the pipeline)
fyne_ver=$(fyne version 2>/dev/null || true)
if [[ $fyne_ver != *"cli version: $FYNE_TOOL_VERSION"* ]]; then
  echo "Installing fyne.io/tools/cmd/fyne@$FYNE_TOOL_VERSION"
  go install "fyne.io/tools/cmd/fyne@$FYNE_TOOL_VERSION"
fi
echo "fyne: $(fyne version 2>&1 | head -1)"

# ---- 2. build -------------------------------------------------------------------------------
# Copy of the working tree (tracked + untracked files that are not ignored) into $1/relance: the
# folder is named like the binary, as fyne names the executable after the source folder.
stage() {
  local dst=$1/relance
  rm -rf "$1"
  mkdir -p "$dst"
  git ls-files -z -co --exclude-standard |
    while IFS= read -r -d '' f; do [ -f "$f" ] && printf '%s\0' "$f"; done |
    tar --null -T - -cf - | tar -xf - -C "$dst"
}

toml_sum=$(sha256sum FyneApp.toml)
mkdir -p "$out"
rm -f "$out/Relance.tar.xz" "$out/relance.exe"

step "fyne package -os linux -release and -os windows -release (in parallel; logs in dist/.build/*.log)"
stage "$build/linux"
stage "$build/windows"
(
  cd "$build/linux/relance"
  s=$(date +%s)
  fyne package -os linux -release
  # The licence and the third-party notices go with the program (issue 23): beside the
  # package's Makefile and in usr/local/share/doc/relance, repacked reproducibly.
  rm -rf pkg && mkdir pkg && tar -xJf Relance.tar.xz -C pkg
  top=$(ls pkg)
  mkdir -p "pkg/$top/usr/local/share/doc/relance"
  for d in "pkg/$top" "pkg/$top/usr/local/share/doc/relance"; do cp LICENSE THIRD_PARTY_NOTICES.md "$d/"; done
  tar -C pkg --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf - "$top" | xz -9e >Relance.tar.xz
  mv Relance.tar.xz "$out/"
  echo "linux: $(($(date +%s) - s)) s"
) >"$build/linux.log" 2>&1 &
linux=$!
(
  cd "$build/windows/relance"
  s=$(date +%s)
  CC=$MINGW_CC CGO_ENABLED=1 GOOS=windows GOARCH=amd64 fyne package -os windows -release
  mv Relance.exe "$out/relance.exe"
  echo "windows: $(($(date +%s) - s)) s"
) >"$build/windows.log" 2>&1 &
windows=$!
fail=0
wait $linux || { echo "linux build failed:"; fail=1; }
cat "$build/linux.log"
wait $windows || { echo "windows build failed:"; fail=1; }
cat "$build/windows.log"
[ $fail -eq 0 ] || exit 1
if [ "$(sha256sum FyneApp.toml)" != "$toml_sum" ]; then
  echo "FyneApp.toml changed during the build" >&2
  exit 1
fi

# ---- 3. verify ------------------------------------------------------------------------------
step "verify"
tar -tJf "$out/Relance.tar.xz"
scripts/check-pe.sh "$out/relance.exe"
if [ "${DIST_SMOKE:-1}" != 0 ] && command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
  x=$build/extract
  rm -rf "$x" && mkdir -p "$x"
  tar -xJf "$out/Relance.tar.xz" -C "$x"
  # The tarball holds relance/{Makefile,usr/local/...}.
  scripts/smoke.sh "$(find "$x" -path '*/usr/local/bin/relance' | head -1)" ${DIST_SHOT:+"$DIST_SHOT"}
else
  echo "(Linux smoke skipped: DIST_SMOKE=0, or no Xvfb/xdotool: scripts/deps.sh test installs them)"
fi

# ---- 4. artefacts ---------------------------------------------------------------------------
step "artefacts ($(($(date +%s) - t0)) s)"
for f in "$out/Relance.tar.xz" "$out/relance.exe"; do
  printf '%-22s %11s B  %s\n' "dist/${f##*/}" "$(stat -c %s "$f")" "$(du -h "$f" | cut -f1)"
done
