#!/usr/bin/env bash
# Runs every Go fuzz target of the module for a fixed time each.
# Usage: scripts/fuzz.sh [duration, default 2m]
set -euo pipefail
fuzztime=${1:-2m}
cd "$(dirname "$0")/.."
for pkg in $(go list ./...); do
  for target in $(go test -tags ci -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true); do
    echo "== $pkg $target ($fuzztime)"
    go test -tags ci -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" "$pkg"
  done
done
