#!/usr/bin/env bash
# Times the real window opening a dossier (issue 26: usable ≤ 0.5 s after start): the GL
# binary under Xvfb at 1366×768 with a fresh home, started on DOSSIER RUNS times (default
# 3), WAIT seconds each (default 8). From the window's trace (RELANCE_TRACE), each run
# prints the seconds from the launch to the dossier shown (event "loaded": the Clients
# list and aged balance answer), to the dashboard's figures (first "computed"), to the
# dossier checked (event "checked", a dossier opened in two steps only), to the
# dashboard's 24 months (last "computed"), and the peak and final resident memory.
#
#   scripts/window-open.sh BIN DOSSIER [RUNS] [WAIT]
set -euo pipefail
bin=$(realpath "$1") db=$(realpath "$2") runs=${3:-3} wait=${4:-8}
work=$(mktemp -d)
disp=:$((300 + RANDOM % 100))
Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
# since TRACE T0 EVENT [last]: seconds from T0 to the first (or last) EVENT of TRACE,
# "—" when none.
since() {
  local t pick=head
  if [ "${4:-}" = last ]; then pick=tail; fi
  t=$(grep -F "\"event\":\"$3\"" "$1" | $pick -1 | sed -n 's/.*"time":"\([^"]*\)".*/\1/p')
  if [ -z "$t" ]; then echo "—"; return; fi
  awk -v a="$(date -d "$t" +%s.%N)" -v b="$2" 'BEGIN { printf "%.2f s", a - b }'
}
echo "| run | dossier shown | dashboard figures | dossier checked | 24 months | peak RSS | RSS after ${wait} s |"
echo "|---|---|---|---|---|---|---|"
for r in $(seq "$runs"); do
  home=$work/home$r
  mkdir -p "$home/run"
  t0=$(date +%s.%N)
  env DISPLAY=$disp HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
    XDG_RUNTIME_DIR=$home/run RELANCE_TRACE=$home/trace.jsonl "$bin" "$db" >"$home/app.log" 2>&1 &
  app=$!
  sleep "$wait"
  peak=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$app/status")
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$app/status")
  kill "$app"
  wait "$app" 2>/dev/null || true
  tr=$home/trace.jsonl
  echo "| $r | $(since "$tr" "$t0" loaded) | $(since "$tr" "$t0" computed) | $(since "$tr" "$t0" checked) | $(since "$tr" "$t0" computed last) | $peak MB | $rss MB |"
done
