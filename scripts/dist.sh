#!/usr/bin/env bash
# make dist: the release artefacts in dist/ —
#   Relance.tar.xz            Linux amd64 package (binary, desktop file, icon, AppStream metainfo,
#                             dossier media type, licence and notices, an install Makefile)
#   Relance-VERSION-setup.exe Windows installer (relance.exe, relance-cli.exe, licence, notices)
#   relance.exe, relance-cli.exe  the two Windows programs, also usable without installing
#  1. installs what is missing (idempotent): the build packages of scripts/deps.sh, the MinGW-w64
#     cross-compilers (C and C++), NSIS, 7-Zip, ImageMagick, the desktop and AppStream validators
#     and the fyne tool (fyne.io/tools, into $(go env GOPATH)/bin); builds libhunspell for MinGW
#     (scripts/hunspell-mingw.sh, kept in dist/.build/hunspell-mingw);
#  2. runs `fyne package -release` for linux and for windows (CC=x86_64-w64-mingw32-gcc), in parallel,
#     each on its own copy of the source under dist/.build/: fyne package writes temporary files into the
#     source folder (fyne_metadata_init.go, and fyne.syso for Windows, which a concurrent Linux build of
#     the same folder would link) and bumps Build in FyneApp.toml; the repository's files are never touched.
#     The Windows side also builds relance-cli.exe (console program, resources from packaging/windows)
#     and the installer (makensis packaging/windows/relance.nsi); the Linux side repacks the tarball
#     with packaging/linux;
#  3. checks: the Windows artefacts (scripts/check-windows.sh: PE files, installer contents, Wine runs;
#     CHECK_WINE=0 skips Wine), the Linux package (desktop-file-validate, appstreamcli, an install and
#     uninstall with its Makefile into a scratch folder, scripts/check-linux.sh on its binary) and, if
#     Xvfb and xdotool are there, starts the Linux binary under Xvfb (scripts/smoke.sh; DIST_SMOKE=0 skips);
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
MINGW_WINDRES=x86_64-w64-mingw32-windres
version=$(sed -n 's/^const Version = "\(.*\)"$/\1/p' about/about.go)
setup=Relance-$version-setup.exe
out=$root/dist
build=$out/.build

step() { printf '\n== %s\n' "$*"; }
t0=$(date +%s)

# ---- 1. tools -------------------------------------------------------------------------------
step "dependencies"
scripts/deps.sh build
# package:command pairs; a package is installed when its command is missing.
missing=()
for pc in "$MINGW_PKG:$MINGW_CC" nsis:makensis p7zip-full:7z imagemagick:convert \
  desktop-file-utils:desktop-file-validate appstream:appstreamcli; do
  command -v "${pc#*:}" >/dev/null 2>&1 || missing+=("${pc%%:*}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "$MINGW_CC: $("$MINGW_CC" --version | head -1)"
echo "makensis: $(makensis -VERSION)"
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

step "libhunspell for MinGW-w64 (scripts/hunspell-mingw.sh)"
mkdir -p "$build"
eval "$(scripts/hunspell-mingw.sh "$build/hunspell-mingw")"

toml_sum=$(sha256sum FyneApp.toml)
mkdir -p "$out"
rm -f "$out/Relance.tar.xz" "$out/relance.exe" "$out/relance-cli.exe" "$out"/Relance-*-setup.exe

step "fyne package -os linux -release and -os windows -release (in parallel; logs in dist/.build/*.log)"
stage "$build/linux"
stage "$build/windows"
(
  cd "$build/linux/relance"
  s=$(date +%s)
  fyne package -os linux -release
  # Repacked with packaging/linux (issue 23): fyne's binary, our desktop file (opens *.relance
  # dossiers), icon, AppStream metainfo, media type, licence, notices and install Makefile.
  rm -rf pkg repack && mkdir pkg && tar -xJf Relance.tar.xz -C pkg
  bin=$(find pkg -path '*/usr/local/bin/relance' | head -1)
  r=repack/relance
  u=$r/usr/local
  install -Dm0755 "$bin" "$u/bin/relance"
  install -Dm0644 packaging/linux/fr.relance.app.desktop "$u/share/applications/fr.relance.app.desktop"
  install -Dm0644 assets/icon.png "$u/share/icons/hicolor/512x512/apps/fr.relance.app.png"
  install -Dm0644 packaging/linux/fr.relance.app.metainfo.xml "$u/share/metainfo/fr.relance.app.metainfo.xml"
  install -Dm0644 packaging/linux/fr.relance.app.mime.xml "$u/share/mime/packages/fr.relance.app.xml"
  for d in "$r" "$u/share/doc/relance"; do install -Dm0644 -t "$d" LICENSE THIRD_PARTY_NOTICES.md; done
  install -Dm0644 packaging/linux/Makefile "$r/Makefile"
  rm -f Relance.tar.xz
  tar -C repack --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -cf - relance | xz -9e >Relance.tar.xz
  mv Relance.tar.xz "$out/"
  echo "linux: $(($(date +%s) - s)) s"
) >"$build/linux.log" 2>&1 &
linux=$!
(
  cd "$build/windows/relance"
  s=$(date +%s)
  export CC=$MINGW_CC CGO_ENABLED=1 GOOS=windows GOARCH=amd64
  fyne package -os windows -release
  mv Relance.exe "$out/relance.exe"
  # relance-cli.exe: the command line as a console program (cmd/relance-cli), with its icon,
  # version and manifest compiled by windres from packaging/windows.
  w=$build/windows/files
  rm -rf "$w" && mkdir -p "$w"
  convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 "$w/relance.ico"
  num=$(echo "$version" | tr . ,),0
  "$MINGW_WINDRES" -DVERSION_STR="\\\"$version\\\"" -DVERSION_NUM="$num" -I "$w" -I packaging/windows \
    packaging/windows/relance-cli.rc -O coff -o cmd/relance-cli/rsrc_windows_amd64.syso
  go build -trimpath -ldflags "-s -w" -o "$out/relance-cli.exe" ./cmd/relance-cli
  # The installer, from the two programs, the licence and the notices (CRLF for Notepad).
  cp "$out/relance.exe" "$out/relance-cli.exe" "$w/"
  sed 's/$/\r/' LICENSE >"$w/LICENSE.txt"
  sed 's/$/\r/' THIRD_PARTY_NOTICES.md >"$w/THIRD_PARTY_NOTICES.txt"
  makensis -V2 -DVERSION="$version" -DSRCDIR="$w" -DOUTFILE="$out/$setup" packaging/windows/relance.nsi
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
step "verify: Windows"
scripts/check-windows.sh "$out"

step "verify: Linux"
tar -tJvf "$out/Relance.tar.xz"
x=$build/extract
rm -rf "$x" && mkdir -p "$x"
tar -xJf "$out/Relance.tar.xz" -C "$x"
desktop-file-validate "$x/relance/usr/local/share/applications/fr.relance.app.desktop"
appstreamcli validate --no-net --pedantic "$x/relance/usr/local/share/metainfo/fr.relance.app.metainfo.xml" ||
  appstreamcli validate --no-net "$x/relance/usr/local/share/metainfo/fr.relance.app.metainfo.xml"
# The tarball's Makefile, into a scratch root: everything in place, then nothing left.
make -s -C "$x/relance" install DESTDIR="$x/root" PREFIX=/usr/local
for f in bin/relance share/applications/fr.relance.app.desktop share/metainfo/fr.relance.app.metainfo.xml \
  share/mime/packages/fr.relance.app.xml share/icons/hicolor/512x512/apps/fr.relance.app.png \
  share/doc/relance/THIRD_PARTY_NOTICES.md; do
  [ -f "$x/root/usr/local/$f" ] || { echo "make install did not install $f" >&2; exit 1; }
done
make -s -C "$x/relance" uninstall DESTDIR="$x/root" PREFIX=/usr/local
left=$(find "$x/root" -type f)
[ -z "$left" ] || { echo "make uninstall left: $left" >&2; exit 1; }
echo "make install / uninstall: ok"
scripts/check-linux.sh "$x/relance/usr/local/bin/relance"
if [ "${DIST_SMOKE:-1}" != 0 ] && command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
  scripts/smoke.sh "$x/relance/usr/local/bin/relance" ${DIST_SHOT:+"$DIST_SHOT"}
else
  echo "(Linux smoke skipped: DIST_SMOKE=0, or no Xvfb/xdotool: scripts/deps.sh test installs them)"
fi

# ---- 4. artefacts ---------------------------------------------------------------------------
step "artefacts ($(($(date +%s) - t0)) s)"
for f in "$out/Relance.tar.xz" "$out/$setup" "$out/relance.exe" "$out/relance-cli.exe"; do
  printf '%-30s %11s B  %s\n' "dist/${f##*/}" "$(stat -c %s "$f")" "$(du -h "$f" | cut -f1)"
done
