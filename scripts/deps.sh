#!/usr/bin/env bash
# Installs the Debian packages Relance needs to build (cgo, GL, X11, Wayland) and to test
# (Xvfb screenshots, pdftotext/pdftoppm, fonts, strace for the offline check). Idempotent: installs only what is missing.
# libhunspell-dev: the spelling checker's cgo build (letters/spell; the dictionaries are embedded,
# so no hunspell-fr/-en package is needed at run time). Optional, best effort (never fails the
# script, skipped where the distribution has no such package): Grammalecte for the grammar check
# (letters/grammar runs grammalecte-server on 127.0.0.1 when it is installed).
# lint: staticcheck (STATICCHECK_VERSION, default the Makefile's) and errcheck
# (ERRCHECK_VERSION), installed with go install through the module proxy when missing or
# of another version.
# Usage: scripts/deps.sh [build|test|lint|all]   (default: all)
set -euo pipefail
what=${1:-all}

build_pkgs=(gcc libc6-dev pkg-config libgl1-mesa-dev libwayland-dev libxkbcommon-dev xorg-dev libhunspell-dev)
test_pkgs=(xvfb xauth poppler-utils fonts-dejavu-core x11-utils xdotool imagemagick strace)
optional_pkgs=(grammalecte-cli python3-grammalecte python3-bottle)

if [ "$what" = lint ]; then
  export PATH=/usr/local/go/bin:$(go env GOPATH 2>/dev/null || echo "$HOME/go")/bin:$PATH
  # go_tool NAME MODULE PACKAGE VERSION: go install PACKAGE@VERSION unless NAME is that version.
  go_tool() {
    local have
    have=$(go version -m "$(command -v "$1" 2>/dev/null || echo /nonexistent)" 2>/dev/null |
      awk -v m="$2" '$1 == "mod" && $2 == m {print $3}')
    if [ "$have" != "$4" ]; then
      echo "Installing $1 $4 (go install)"
      go install "$3@$4"
    fi
  }
  go_tool staticcheck honnef.co/go/tools honnef.co/go/tools/cmd/staticcheck "${STATICCHECK_VERSION:-v0.8.2}"
  go_tool errcheck github.com/kisielk/errcheck github.com/kisielk/errcheck "${ERRCHECK_VERSION:-v1.9.0}"
  exit 0
fi

case "$what" in
  build) want=("${build_pkgs[@]}") ;;
  test) want=("${test_pkgs[@]}") ;;
  all) want=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
  *) echo "usage: $0 [build|test|lint|all]" >&2; exit 2 ;;
esac

# Go itself: /usr/local/go (the official archive) or the distribution's package. Go ≥ 1.21
# fetches the toolchain go.mod asks for through the module proxy (GOTOOLCHAIN=auto).
export PATH=/usr/local/go/bin:$PATH
if ! command -v go >/dev/null 2>&1; then
  want+=(golang-go)
fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
# optional packages that are missing and that the package lists know of
optional_missing() {
  local p
  for p in "${optional_pkgs[@]}"; do
    if ! installed "$p" && apt-cache show "$p" >/dev/null 2>&1; then echo "$p"; fi
  done
}

missing=()
for p in "${want[@]}"; do
  if ! installed "$p"; then
    missing+=("$p")
  fi
done
mapfile -t optional < <(optional_missing)

if [ ${#missing[@]} -eq 0 ] && [ ${#optional[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  mapfile -t optional < <(optional_missing) # the lists may know more after the update
fi
if [ ${#optional[@]} -gt 0 ]; then
  # sudo -n: never ask for a password for an optional package (sudo's cached credentials of
  # the install above are used if there was one).
  echo "Installing optional Debian packages (grammar checking): ${optional[*]}"
  ${sudo:+sudo -n} apt-get install -y -qq --no-install-recommends "${optional[@]}" >/dev/null 2>&1 ||
    echo "note: ${optional[*]} not installed; grammar checking stays off" >&2
fi

if command -v go >/dev/null 2>&1; then
  v=$(go env GOVERSION 2>/dev/null | sed 's/^go//')
  case "$v" in
    1.1[0-9]*|1.20*|"") echo "Go $v is too old: install Go 1.21 or later (https://go.dev/dl), e.g. in /usr/local/go" >&2; exit 1 ;;
  esac
fi
