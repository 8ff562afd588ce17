# shellcheck shell=bash
# --- negotiating an agreement (« négocier un accord ») -------------------------------------
# The demo of 4 December 2026 and its case study: a trainee added with the CLI; the
# customer's « … › Préparer une négociation… », the sheet's PDF saved through the save
# dialog, « Enregistrer l'issue… » an agreement on the floor's instalments, scored for the
# trainee; after quitting, the customer's export holds the payment plan and relance progress
# the negotiation. Sourced by scripts/e2e.sh.
ngdb="$work/negotiation.relance"
"$bin" demo --out "$ngdb" --today 2026-12-04 >/dev/null 2>&1 || fail "relance demo --out $ngdb --today 2026-12-04"
ngcase=$("$bin" negotiation case --db "$ngdb" 2>&1) || fail "relance negotiation case: $ngcase"
ngcust=$(grep -o 'C[0-9]\{5\}' <<<"$ngcase" | sed -n 1p)
[ -n "$ngcust" ] || fail "relance negotiation case names no customer"
out=$("$bin" trainee add --db "$ngdb" --name "Léa Martin" --group "Lyon" 2>&1) || fail "relance trainee add: $out"
mark
start_fresh "$ngdb" "opening the demo for the negotiation"
mark
key ctrl+2
need 10 "Ctrl+2" '"event":"screen"' '"screen":"clients"'
click 1230 53 # the search field of the header
xdotool type --delay 20 "$ngcust"
key Return
sleep 0.7
click 400 268 # the one row found
need 10 "selecting $ngcust" '"event":"select"' '"list":"clients"' "\"id\":\"$ngcust\""
sleep 0.5
mark
click 1324 481 # « Plus » on the card
sleep 0.6
click 1266 712 # « Préparer une négociation… »
need 10 "the negotiation sheet" '"event":"shown"' '"what":"negotiation"' "\"customer\":\"$ngcust\""
sleep 0.7
shot negotiation-sheet
mark
click 917 620 # « Fiche PDF… »
need 10 "the sheet's save dialog" '"event":"dialog"' '"state":"shown"'
sleep 0.5
key ctrl+a
xdotool type --delay 15 'negociation-e2e.pdf'
key Return
need 15 "saving the negotiation sheet" '"event":"written"' '"what":"negotiation"'
ngpdf=$(field path "$(matching '"event":"written"' '"what":"negotiation"')")
sleep 0.7
click 557 420 # « Fermer » on « Fichier enregistré »
sleep 0.5
mark
click 1068 620 # « Enregistrer l'issue… »
need 10 "the outcome form" '"event":"dialog"' '"purpose":"negotiation"' '"state":"shown"'
sleep 0.5
click 928 624 # the trainee
sleep 0.6
click 632 697 # « Léa Martin »
sleep 0.4
click 604 663 # the trainee announced the consequences
shot negotiation-outcome
click 743 702 # « Enregistrer »
need 10 "recording the agreement" '"event":"recorded"' '"what":"negotiation"' '"result":"agreement"'
ngplan=$(field plan "$(matching '"event":"recorded"' '"what":"negotiation"')")
need 10 "scoring the negotiation" '"event":"recorded"' '"what":"negotiation_score"'
sleep 0.7
shot negotiation-recorded
quit_app
[ -s "$ngpdf" ] || fail "the negotiation sheet $ngpdf was not written"
ngtext=$(pdftotext "$ngpdf" - 2>/dev/null) || fail "pdftotext $ngpdf"
grep -q "Négociation avec" <<<"$ngtext" || fail "the sheet $ngpdf has no title « Négociation avec »"
ngexp=$(RELANCE_LANG=en "$bin" export-customer --db "$ngdb" --customer "$ngcust" 2>&1) || fail "relance export-customer: $ngexp"
grep -q "\"id\": \"$ngplan\"" <<<"$ngexp" || fail "the export of $ngcust has no payment plan $ngplan"
ngprog=$(RELANCE_LANG=en "$bin" progress --db "$ngdb" --format json 2>&1) || fail "relance progress: $ngprog"
grep -q '"negotiation"' <<<"$ngprog" || fail "relance progress has no negotiation: $ngprog"
passed+=("négocier un accord: $ngcust's sheet saved through the save dialog ($(basename "$ngpdf")), an agreement recorded as payment plan $ngplan and scored for Léa Martin; relance export-customer and relance progress find them")
