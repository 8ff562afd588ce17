# shellcheck shell=bash
# --- projection: zoom and presentation mode ----------------------------------------------
# The demo of 4 December 2026 in a home of its own: Ctrl+plus twice (110 %, then 125 %:
# trace zoom), the dashboard at 125 %; Ctrl+Shift+P on the Correction screen (trace
# presentation on, its own zoom of 150 %, full screen, no side navigation, the rows of
# controls folded under « Afficher les commandes », which unfolds them), Ctrl+1 for
# the dashboard in presentation; « Quitter la présentation » (the button of the top bar)
# back to the normal view at 125 %, Ctrl+0 back to 100 %. After quitting, the preferences
# keep the normal zoom. Sourced by scripts/e2e.sh (its helpers).
projdb="$work/projection.relance"
"$bin" demo --out "$projdb" --today 2026-12-04 >/dev/null 2>&1 || fail "relance demo --out $projdb --today 2026-12-04"
mark
start_fresh "$projdb" "opening the demo for the projection"
mark
key ctrl+plus
need 10 "Ctrl+plus" '"event":"zoom"' '"percent":110' '"presentation":false'
mark
key ctrl+plus
need 10 "Ctrl+plus again" '"event":"zoom"' '"percent":125'
sleep 0.7
shot projection-zoom125
mark
key ctrl+6
need 10 "Ctrl+6" '"event":"screen"' '"screen":"correction"'
sleep 0.7
mark
key ctrl+shift+p
need 10 "the presentation mode on the Correction screen" '"event":"presentation"' '"on":true' '"percent":150' '"screen":"correction"'
sleep 1.5
shot projection-correction
# The rows of controls are folded in presentation (the letter has the screen's height):
# « Afficher les commandes » unfolds them.
mark
click 170 173 # « Afficher les commandes », left of the findings' count
need 10 "« Afficher les commandes »" '"event":"controls"' '"shown":true'
sleep 1
shot projection-controls
mark
key ctrl+1
need 10 "Ctrl+1 in presentation" '"event":"screen"' '"screen":"dashboard"'
sleep 1
shot projection-dashboard
mark
click 1200 84 # « Quitter la présentation », at the right of the top bar (full screen, 150 %)
need 10 "« Quitter la présentation »" '"event":"presentation"' '"on":false' '"percent":125' '"screen":"dashboard"'
sleep 1
shot projection-back
mark
key ctrl+0
need 10 "Ctrl+0" '"event":"zoom"' '"percent":100'
quit_app
projprefs=$(find "$fresh" -name preferences.json | head -1)
[ -n "$projprefs" ] || fail "no preferences.json in the journey's home $fresh"
grep -q '"pref.zoom":100' "$projprefs" || fail "the preferences $projprefs do not keep the zoom at 100: $(cat "$projprefs")"
passed+=("projection: Ctrl+plus twice (125 %), presentation mode on the Correction screen (its controls unfolded) and the dashboard (150 %, full screen), « Quitter la présentation », Ctrl+0; the zoom kept in the preferences")
