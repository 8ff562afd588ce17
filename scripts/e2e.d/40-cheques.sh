# shellcheck shell=bash
# --- unpaid cheques: a step recorded, the letter to the drawer issued ----------------------
# A fresh demo of 4 December 2026, whose cheque CH2026-0001 (Garage Dupuy SAS, rejected for
# lack of funds) waits for its certificate of non-payment (CMF L131-73: thirty days after
# the first presentation). Contentieux › « … » › « Chèques impayés »: the cheque selected,
# « Enregistrer une étape » with the step the form proposes (the certificate asked, today),
# then « Lettre au tireur… » through the save dialog. After quitting, the CLI lists the
# certificate asked and the letter recorded on the cheque, the archive verifies, and the
# PDF names the customer and cites L131-73.
cheqdemo="$work/cheques.relance"
rm -f "$cheqdemo"
"$bin" demo --out "$cheqdemo" --today 2026-12-04 >/dev/null 2>&1 || fail "relance demo --out $cheqdemo --today 2026-12-04"
mark
start_fresh "$cheqdemo" "opening the demo for the unpaid cheques"
mark
click 75 344 # Contentieux, in the side menu
need 15 "Contentieux from the side menu" '"event":"screen"' '"screen":"legal"'
sleep 0.7
click 1339 114 # « … » at the end of the tab bar: the tabs that do not fit
sleep 0.7
mark
click 1291 150 # « Chèques impayés » in its menu
need 15 "the « Chèques impayés » tab" '"event":"shown"' '"what":"cheques"'
[ "$(field count "$(matching '"what":"cheques"')")" = 1 ] || fail "the demo's cheques: $(matching '"what":"cheques"')"
sleep 0.7
mark
click 400 280 # its first row: CH2026-0001
need 10 "selecting the demo's cheque" '"event":"select"' '"list":"cheques"' '"id":"CH2026-0001"'
sleep 0.7
shot cheques
mark
click 548 155 # « Enregistrer une étape »
need 10 "the step's form" '"event":"dialog"' '"what":"cheque_step"' '"action":"open"'
sleep 0.7
shot cheque-step
mark
click 743 500 # « Enregistrer »: the step proposed (the certificate asked), dated today
need 15 "recording the step" '"event":"written"' '"what":"cheque_step"' '"step":"cert_requested"'
sleep 1
mark
click 726 155 # « Lettre au tireur… »
need 10 "the letter's save dialog" '"event":"dialog"' '"purpose":"save"' '"state":"shown"'
sleep 0.5
mark
key ctrl+a
xdotool type --delay 15 'lettre-tireur-e2e.pdf'
key Return
need 30 "issuing the letter to the drawer" '"event":"written"' '"what":"cheque_letter"'
lt=$(field letter "$(matching '"what":"cheque_letter"')")
need 10 "writing the letter's PDF" '"event":"written"' '"path":'
cpdf=$(field path "$(matching '"event":"written"' '"path":')")
sleep 0.7
shot cheque-letter-saved
click 558 419 # « Fermer » of the « Fichier enregistré » dialog
sleep 0.3
quit_app
[ -s "$cpdf" ] || fail "the letter to the drawer $cpdf was not written"
ctext=$(pdftotext "$cpdf" - 2>/dev/null | tr -s ' \n' ' ')
grep -qF "Garage Dupuy SAS" <<<"$ctext" && grep -qF "L131-73" <<<"$ctext" ||
  fail "the letter $cpdf names neither the customer nor L131-73: $ctext"
cl=$(RELANCE_LANG=en "$bin" cheque list --db "$cheqdemo" --format json 2>&1) || fail "relance cheque list --db $cheqdemo: $cl"
flat=$(tr -d ' \n' <<<"$cl")
grep -q '"cert_requested":"20[0-9-]*"' <<<"$flat" && grep -q "\"letter_id\":\"$lt\"" <<<"$flat" ||
  fail "the cheque does not hold the certificate asked and the letter $lt: $cl"
grep -q '"next":{"kind":"cert_obtained"' <<<"$flat" || fail "the cheque's next step is not the certificate to receive: $cl"
v=$("$bin" verify --db "$cheqdemo" 2>&1) || fail "relance verify --db $cheqdemo after the letter: $v"
passed+=("Contentieux › Chèques impayés: CH2026-0001's certificate asked through the step form, the letter to the drawer $lt issued and saved ($(basename "$cpdf"), naming Garage Dupuy SAS, citing L131-73); relance cheque list holds both, the next step is the certificate to receive, relance verify passes")
