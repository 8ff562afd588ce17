#!/usr/bin/env bash
# Installs the Debian packages Relance needs to build (cgo, GL, X11, Wayland) and to test
# (Xvfb screenshots, pdftotext/pdftoppm, fonts). Idempotent: installs only what is missing.
# Usage: scripts/deps.sh [build|test|all]   (default: all)
set -euo pipefail
what=${1:-all}

build_pkgs=(gcc libc6-dev pkg-config libgl1-mesa-dev libwayland-dev libxkbcommon-dev xorg-dev)
test_pkgs=(xvfb xauth poppler-utils fonts-dejavu-core x11-utils xdotool imagemagick)

case "$what" in
  build) want=("${build_pkgs[@]}") ;;
  test) want=("${test_pkgs[@]}") ;;
  all) want=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
  *) echo "usage: $0 [build|test|all]" >&2; exit 2 ;;
esac

# Go itself: /usr/local/go (the official archive) or the distribution's package. Go ≥ 1.21
# fetches the toolchain go.mod asks for through the module proxy (GOTOOLCHAIN=auto).
export PATH=/usr/local/go/bin:$PATH
if ! command -v go >/dev/null 2>&1; then
  want+=(golang-go)
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing missing Debian packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

if command -v go >/dev/null 2>&1; then
  v=$(go env GOVERSION 2>/dev/null | sed 's/^go//')
  case "$v" in
    1.1[0-9]*|1.20*|"") echo "Go $v is too old: install Go 1.21 or later (https://go.dev/dl), e.g. in /usr/local/go" >&2; exit 1 ;;
  esac
fi
