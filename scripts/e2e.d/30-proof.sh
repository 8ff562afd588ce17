# shellcheck shell=bash
# --- proof of the debt per invoice ---------------------------------------------------------
# The demo of 4 December 2026: a customer's card, a right click on its newest open invoice,
# « Preuve de la facture… »: the delivery note set « manquant » in the form and saved; after
# quitting, relance proof list finds that invoice's delivery proof missing and its verdict
# incomplete, and relance injonction warns of it. Sourced by scripts/e2e.sh (its helpers).
proofdb="$work/proof.relance"
"$bin" demo --out "$proofdb" --today 2026-12-04 >/dev/null 2>&1 || fail "relance demo --out $proofdb --today 2026-12-04"
pcust=C00020
mark
start_fresh "$proofdb" "opening the demo for the proof of the debt"
mark
key ctrl+2
need 10 "Ctrl+2" '"event":"screen"' '"screen":"clients"'
click 1230 53 # the search field of the header
xdotool type --delay 20 "$pcust"
key Return
sleep 0.7
mark
click 400 268 # the one row found
need 10 "selecting $pcust" '"event":"select"' '"list":"clients"' "\"id\":\"$pcust\""
need 10 "the card's Preuves tab" '"event":"shown"' '"what":"proof"' "\"customer\":\"$pcust\""
sleep 0.7
shot proof-card
mark
xdotool mousemove 730 548 click 3 # right click on the newest item of the card (an open invoice)
sleep 0.6
shot proof-item-menu
click 760 605 # « Preuve de la facture (commande, livraison)… », second item of the row menu
need 10 "the proof form from the item menu" '"event":"dialog"' '"what":"proof"' '"state":"shown"'
pinv=$(field id "$(matching '"event":"dialog"' '"what":"proof"')")
sleep 0.5
shot proof-form
click 780 348 # the delivery note's state
sleep 0.5
click 660 461 # « manquant »
sleep 0.3
mark
click 743 650 # « Enregistrer »
need 10 "saving the invoice's proof" '"event":"written"' '"what":"proof"'
verdict=$(field verdict "$(matching '"event":"written"' '"what":"proof"')")
[ "$verdict" = "incomplete" ] || fail "the proof of $pinv saved with verdict \"$verdict\", not incomplete"
sleep 0.7
shot proof-saved
quit_app
plist=$("$bin" proof list --db "$proofdb" --customer "$pcust" --format json) || fail "relance proof list: $plist"
python3 -c '
import json, sys
r = json.load(sys.stdin)
line = [l for l in r["invoices"] if l["number"] == sys.argv[1]]
sys.exit(0 if line and line[0]["proof"]["delivery"].get("state") == "missing" and line[0]["verdict"] == "incomplete" else 1)
' "$pinv" <<<"$plist" || fail "relance proof list does not show $pinv's delivery proof missing"
pip=$("$bin" injonction --db "$proofdb" --customer "$pcust" 2>&1) || fail "relance injonction: $pip"
grep -q "sans bon de livraison signé" <<<"$pip" || fail "relance injonction does not warn of the delivery notes missing"
passed+=("the proof of the debt: $pcust's invoice $pinv, right click › « Preuve de la facture… », delivery note set missing and saved (verdict incomplete); relance proof list shows it, relance injonction warns")
