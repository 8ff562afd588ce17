# shellcheck shell=bash
# --- causes of late payment, the customer's contract, the terms negotiation sheet --------
# The demo of 4 December 2026: the dashboard's « Causes des retards » tab shows the late
# invoices by cause (the count relance causes prints at the same date); C00039's card ›
# « Contrat » shows its clauses and credit insurance, « Fiche de négociation des
# délais… » for 15 days at 4,5 % is saved through the save dialog; after quitting,
# relance contract sheet gives the same cash tied up. Sourced by scripts/e2e.sh.
ccdb="$work/causes.relance"
"$bin" demo --out "$ccdb" --today 2026-12-04 >/dev/null 2>&1 || fail "relance demo --out $ccdb --today 2026-12-04"
mark
start_fresh "$ccdb" "opening the demo for the causes of late payment"
ccday=$(field date "$(matching '"event":"loaded"')")
mark
key ctrl+1
need 10 "Ctrl+1" '"event":"screen"' '"screen":"dashboard"'
sleep 0.5
mark
click 745 115 # « Causes des retards », the fourth tab of the dashboard
need 20 "the Causes des retards tab" '"event":"computed"' '"what":"causes"'
cclate=$(field late "$(matching '"event":"computed"' '"what":"causes"')")
ccunstated=$(field unstated "$(matching '"event":"computed"' '"what":"causes"')")
sleep 0.7
shot causes
mark
click 280 491 # « Difficulté de trésorerie »: its invoices
need 10 "the invoices of a cause" '"event":"select"' '"list":"causes"'
sleep 0.5
shot causes-invoices
click 580 193 # the first invoice: its customer's card
need 10 "the card from a late invoice" '"event":"screen"' '"screen":"clients"'
sleep 0.5
mark
click 1230 53 # the search field of the header
key ctrl+a
xdotool type --delay 20 "C00039"
key Return
sleep 0.7
click 400 268 # the one row found
need 10 "C00039's contract" '"event":"shown"' '"what":"contract"' '"customer":"C00039"'
sleep 0.5
click 640 512 # the card's tab overflow « … »
sleep 0.5
click 597 635 # « Contrat »
sleep 0.7
shot contract-tab
mark
click 428 601 # « Fiche de négociation des délais… », the second button
sleep 0.7
click 803 362 # days asked for
key ctrl+a
xdotool type --delay 20 "15"
click 803 400 # the firm's financing rate
key ctrl+a
xdotool type --delay 20 "4,5"
shot terms-sheet-form
click 757 441 # « Écrire la fiche… »
need 10 "the sheet's save dialog" '"event":"dialog"' '"state":"shown"'
sleep 0.5
key ctrl+a
xdotool type --delay 15 'fiche-delais-e2e.pdf'
key Return
need 15 "saving the negotiation sheet" '"event":"written"' '"what":"termsheet"'
cccash=$(field cash "$(matching '"event":"written"' '"what":"termsheet"')")
sleep 0.5
shot terms-sheet-saved
quit_app
ccjson=$(RELANCE_LANG=en "$bin" causes --db "$ccdb" --at "$ccday" --format json 2>&1) || fail "relance causes: $ccjson"
ccclilate=$(tr -d ' \n' <<<"$ccjson" | sed -n 's/.*"late":{"count":\([0-9]*\).*/\1/p')
[ "$ccclilate" = "$cclate" ] || fail "the window counts $cclate late invoices by cause, relance causes $ccclilate"
ccout=$(RELANCE_LANG=en "$bin" contract sheet --db "$ccdb" --customer C00039 --days 15 --rate 4.5 --at "$ccday" \
  --out "$work/fiche-cli.pdf" 2>&1) || fail "relance contract sheet: $ccout"
ccgot=$(grep -o '€[0-9,.]*' <<<"$ccout" | head -1 | tr -dc '0-9')
[ "$ccgot" = "$(tr -dc '0-9' <<<"$cccash")" ] || fail "the window's sheet ties up $cccash, relance contract sheet says: $ccout"
passed+=("Tableau de bord › Causes des retards: $cclate late invoices ($ccunstated without a cause), as relance causes counts them; C00039's card › Contrat › negotiation sheet for 15 days at 4,5 %: $cccash tied up, as relance contract sheet computes it")
