#!/usr/bin/env bash
# Runs every Go fuzz target of the module for a fixed time each.
# Usage: scripts/fuzz.sh [duration, default 2m]
set -euo pipefail
fuzztime=${1:-2m}
cd "$(dirname "$0")/.."
for pkg in $(go list ./...); do
  for target in $(go test -tags ci -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true); do
    echo "== $pkg $target ($fuzztime)"
    # Minimizing a new input is capped: the correction engine's inputs are whole letters,
    # and an unbounded minimization would eat the fuzzing time.
    go test -tags ci -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -fuzzminimizetime 1s "$pkg"
  done
done
