#!/usr/bin/env bash
# Screenshots of the real window (GL driver under Xvfb at 1366×768, fresh home, demo
# dossier opened from the welcome page) for the README: the welcome page, every screen, a
# customer's card, in French and English. Usage: scripts/window-shots.sh bin/relance [outdir]
# (default docs/screenshots/window). `make window-shots` builds the binary and runs it.
set -euo pipefail
. "$(dirname "$0")/xwindow.sh"
bin=$(realpath "$1")
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$repo/docs/screenshots/window}
mkdir -p "$out"

shoot() { # shoot LANG
  local lang=$1 work disp xvfb app wid
  work=$(mktemp -d)
  disp=:$((300 + RANDOM % 100))
  Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  mkdir -p "$work/home" "$work/run" && chmod 700 "$work/run"
  DISPLAY=$disp HOME=$work/home XDG_DATA_HOME=$work/home/.local/share XDG_CONFIG_HOME=$work/home/.config \
    XDG_RUNTIME_DIR=$work/run RELANCE_LANG=$lang RELANCE_TRACE=$work/trace.jsonl LANG=C.UTF-8 \
    "$bin" >"$work/app.log" 2>&1 &
  app=$!
  export DISPLAY=$disp
  wid=$(relance_window 30)
  [ -n "$wid" ] || { echo "window-shots: no window"; cat "$work/app.log"; exit 1; }
  sleep 1
  for _ in 1 2 3; do # the window manager-less Xvfb may take the size only once the window is mapped
    xdotool windowmove "$wid" 0 0
    xdotool windowsize "$wid" 1366 768
    sleep 1
  done
  snap() { import -window root -crop 1366x768+0+0 +repage "$out/$1-$lang.png"; echo "window-shots: $out/$1-$lang.png"; }
  snap welcome
  xdotool mousemove 476 372 click 1 # « Ouvrir la démonstration »
  for _ in $(seq 1 60); do grep -q '"event":"loaded"' "$work/trace.jsonl" 2>/dev/null && break; sleep 0.5; done
  sleep 3
  local names=(dashboard customers disputes agenda letters correction legal settings)
  for i in 1 2 3 4 5 6 7 8; do
    xdotool key "ctrl+$i"
    sleep 2.5
    snap "${names[$((i - 1))]}"
  done
  xdotool key ctrl+2
  sleep 2
  xdotool mousemove 400 344 click 1 # third customer of the list: its card
  sleep 2.5
  snap customer-card
  # The Correction screen projected: presentation mode, its rows of controls folded.
  xdotool key ctrl+6
  sleep 2
  xdotool key ctrl+shift+p
  sleep 3
  snap correction-presentation
  xdotool key ctrl+shift+p
  sleep 1
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}

shoot fr
shoot en
