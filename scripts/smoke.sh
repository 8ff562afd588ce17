#!/usr/bin/env bash
# Smoke test of the real binary: start it under Xvfb on a fresh data folder, wait for its
# window (on first run, the welcome page: its « Ouvrir la démonstration » creates the demo
# dossier), screenshot it, and check that the
# second-process guard answers within a second. When strace is installed, the app and a
# few headless commands run under it and scripts/nonet.sh checks that none of them opened a
# network connection (offline rule). Usage: scripts/smoke.sh bin/relance [out.png]
set -euo pipefail
. "$(dirname "$0")/xwindow.sh"
bin=$(realpath "$1")
shot=${2:-}
work=$(mktemp -d)
trap 'kill $app 2>/dev/null || true; kill $xvfb 2>/dev/null || true; sleep 0.5; rm -rf "$work" 2>/dev/null || true' EXIT

disp=:$((90 + RANDOM % 100))
Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$disp XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config XDG_RUNTIME_DIR=$work/run \
  RELANCE_TRACE=$work/trace.jsonl RELANCE_LANG=fr
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
sleep 1
trace=()
if command -v strace >/dev/null 2>&1; then
  trace=(strace -f -qq --seccomp-bpf -e trace=connect,sendto,sendmsg -e signal=none -o "$work/gui.strace")
fi
"${trace[@]}" "$bin" >"$work/app.log" 2>&1 &
app=$!

wid=$(relance_window 30 $app)
if [ -z "$wid" ] && ! kill -0 $app 2>/dev/null; then echo "smoke: relance exited early:"; cat "$work/app.log"; exit 1; fi
if [ -z "$wid" ]; then echo "smoke: no Relance window after 30 s"; cat "$work/app.log"; exit 1; fi
# First run: the welcome page (trace event "welcome"); its first button opens the demo, at
# (476, 372) in a 1366×768 window (the layout scripts/e2e.sh checks too).
for _ in $(seq 1 40); do
  grep -q '"event":"\(welcome\|loaded\)"' "$work/trace.jsonl" 2>/dev/null && break
  sleep 0.25
done
if grep -q '"event":"welcome"' "$work/trace.jsonl" 2>/dev/null; then
  xdotool windowmove "$wid" 0 0
  xdotool windowsize "$wid" 1366 768
  sleep 1
  xdotool mousemove 476 372 click 1
fi
# The title becomes "<company> — Relance" once the dossier is loaded.
for _ in $(seq 1 60); do
  case "$(xdotool getwindowname "$wid" 2>/dev/null)" in *" — Relance") break ;; esac
  sleep 0.5
done
echo "smoke: window \"$(xdotool getwindowname "$wid")\" is up"

demo=$(ls "$XDG_DATA_HOME"/relance/*.db 2>/dev/null | head -1 || true)
if [ -z "$demo" ]; then echo "smoke: the demo dossier was not created"; exit 1; fi
sleep 3
if [ -n "$shot" ]; then
  import -window root "$shot" 2>/dev/null || xwd -root -silent | convert xwd:- "png:$shot"
  echo "smoke: screenshot $shot"
fi

# A second process on the same dossier must say it is already open, quickly.
start=$(date +%s%N)
if RELANCE_LANG=en "$bin" customers --db "$demo" >"$work/second.out" 2>&1; then
  echo "smoke: a second process opened a dossier held by the first"; exit 1
fi
ms=$(( ($(date +%s%N) - start) / 1000000 ))
grep -q "already open" "$work/second.out" || { echo "smoke: unexpected message:"; cat "$work/second.out"; exit 1; }
[ "$ms" -lt 1000 ] || { echo "smoke: second process took ${ms} ms"; exit 1; }
echo "smoke: second process refused in ${ms} ms: $(cat "$work/second.out")"
if ! kill -0 $app 2>/dev/null; then echo "smoke: relance died"; cat "$work/app.log"; exit 1; fi

# Offline: the GUI run above and headless commands on a copy of the demo make no network
# connection (DESIGN rule 8).
if [ ${#trace[@]} -gt 0 ]; then
  # Stop the traced program (strace's child) so that strace flushes its log and exits.
  pkill -TERM -P $app 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 $app 2>/dev/null || break; sleep 0.25; done
  copy=$work/copy.db
  cp "$demo" "$copy"
  logs=("$work/gui.strace")
  for cmd in "aged --db $copy --format json" "kpi --db $copy --format json" \
             "statement --db $copy --all --out $work/st" "check --db $copy"; do
    name=$(echo "$cmd" | cut -d' ' -f1)
    strace -f -qq --seccomp-bpf -e trace=connect,sendto,sendmsg -e signal=none -o "$work/$name.strace" \
      "$bin" $cmd >/dev/null 2>"$work/$name.err" || { echo "smoke: relance $cmd failed:"; cat "$work/$name.err"; exit 1; }
    logs+=("$work/$name.strace")
  done
  scripts_dir=$(dirname "$(realpath "$0")")
  "$scripts_dir/nonet.sh" "${logs[@]}"
fi
echo "smoke: ok"
