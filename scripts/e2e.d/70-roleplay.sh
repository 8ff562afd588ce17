# shellcheck shell=bash
# --- phone role-play ------------------------------------------------------------------------
# The demo of 4 December 2026, a trainee added with the CLI; C00039's « … › Jeu de rôle
# téléphonique… »: the trainee's card, then the observation grid — the trainee chosen, the
# four C reached, open questions, reformulation, a courteous and firm tone — scored and kept;
# after quitting, relance progress holds the role-play with that score. Sourced by
# scripts/e2e.sh.
rpdb="$work/roleplay.relance"
"$bin" demo --out "$rpdb" --today 2026-12-04 >/dev/null 2>&1 || fail "relance demo --out $rpdb --today 2026-12-04"
out=$("$bin" trainee add --db "$rpdb" --name "Léa Martin" --group "Lyon" 2>&1) || fail "relance trainee add: $out"
mark
start_fresh "$rpdb" "opening the demo for the phone role-play"
mark
key ctrl+2
need 10 "Ctrl+2" '"event":"screen"' '"screen":"clients"'
click 1230 53 # the search field of the header
xdotool type --delay 20 "C00039"
key Return
sleep 0.7
click 400 268 # the one row found
need 10 "selecting C00039" '"event":"select"' '"list":"clients"' '"id":"C00039"'
sleep 0.5
mark
click 1324 481 # « Plus » on the card
sleep 0.6
click 1266 673 # « Jeu de rôle téléphonique… »
need 10 "the role-play cards" '"event":"shown"' '"what":"roleplay"' '"customer":"C00039"'
sleep 0.7
shot roleplay-card
click 533 164 # « Grille d'observation »
sleep 0.6
click 631 203 # the trainee observed
sleep 0.6
click 410 238 # « Léa Martin (Lyon) »
sleep 0.4
for p in "359 243" "576 243" "793 243" "1009 243" "359 282" "359 360" "806 478"; do
  # Contact, Comprendre, Convaincre, Conclure, open questions, reformulation, courteous and firm
  xdotool mousemove $p click 1
  sleep 0.25
done
shot roleplay-grid
mark
click 335 640 # « Enregistrer la note »
need 10 "saving the role-play's grid" '"event":"roleplay_saved"' '"trainee":"T0001"'
rpsaved=$(matching '"event":"roleplay_saved"')
rppoints=$(field points "$rpsaved") rpout=$(field out_of "$rpsaved")
[ "$rppoints" = "13" ] || fail "the grid ticked scores $rppoints / $rpout, not 13 (4 C 8, open questions 1, reformulation 2, tone 2)"
sleep 0.5
quit_app
rpprog=$(RELANCE_LANG=en "$bin" progress --db "$rpdb" --format json 2>&1) || fail "relance progress: $rpprog"
grep -q '"roleplay"' <<<"$rpprog" || fail "relance progress has no role-play: $rpprog"
passed+=("phone role-play: C00039's cards, the observation grid filled for Léa Martin and kept ($rppoints / $rpout); relance progress holds it")
