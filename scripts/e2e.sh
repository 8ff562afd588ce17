#!/usr/bin/env bash
# End-to-end journeys of a person in the real window: the GL binary under Xvfb at 1366×768,
# a fresh home, French, driven with xdotool (keyboard shortcuts first, clicks at coordinates
# of the fixed 1366×768 layout). Each step waits for its event in the app's trace
# (RELANCE_TRACE, ui/trace.go) and reads outcomes from files, never from pixels. Every step
# leaves a screenshot in $E2E_SHOTS (default e2e-shots/ in the repository) for a person to
# look at.
#   1. first run: the welcome page, then "Ouvrir la démonstration"
#   2. Clients: a left click on a row selects the customer and shows its card
#   3. the card's statement saved through the save dialog (file written, the customer's name in it)
#   4. the day's letters issued (Ctrl+E), one opened in Courriers
#   5. every screen (Ctrl+1…8) at 1024×700: the window stays within 1024 px
#   6. Fichier › Nouveau dossier (identity, folder, « Créer ici »), Ctrl+I of a FEC through the
#      file dialog and the import wizard; the missing-rates banner's form takes the
#      half-year's rates; the dashboard's « à compléter » card opens a
#      customer's record, whose address is typed and saved; Fichier › Importer le fichier
#      clients… imports a customer master file; after quitting, the CLI lists the imported
#      customers, that address, the file's fields and the identity
#   7. the demo of 4 December 2026, Fichier › Importer un relevé bancaire… of the demo camt.053
#      through the file dialog, its review's safe matches recorded (« Enregistrer »); after
#      quitting, the CLI lists the payments and returns recorded from the statement
#   8. the same demo, C00009's card › « Effacer ses données personnelles », confirmed: after
#      quitting, her e-mail is in neither the dossier's bytes nor its backups
#   9. Courriers › « Corriger » on the app's own first reminder and formal notice (French,
#      English): the checker, speller and Grammalecte included, finds no error in them
#  10. the same demo, Contentieux › Pénalités de retard: a customer's penalty invoice issued
#      and saved through the save dialog; › Prescription: an acknowledgement of debt recorded
#      in the interrupting act's form (customer picker, kind, date, one invoice); after
#      quitting, the CLI finds the invoice in the archive (PDF numbered, naming the customer,
#      relance verify passes), the act in the register and that invoice's deadline moved
# Usage: scripts/e2e.sh bin/relance
set -euo pipefail
. "$(dirname "$0")/xwindow.sh"
bin=$(realpath "$1")
repo=$(cd "$(dirname "$0")/.." && pwd)
fec=$(realpath "${E2E_FEC:-$repo/../shared/testdata/fec/000000000FEC20231231.txt}")
shots=${E2E_SHOTS:-$repo/e2e-shots}
mkdir -p "$shots"
rm -f "$shots"/*.png
work=$(mktemp -d)
app="" xvfb=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  sleep 0.3
  rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT

start_time=$(date +%s)
disp=:$((200 + RANDOM % 100))
Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=$disp HOME=$work/home XDG_DATA_HOME=$work/home/.local/share \
  XDG_CONFIG_HOME=$work/home/.config XDG_RUNTIME_DIR=$work/run RELANCE_LANG=fr \
  RELANCE_TRACE=$work/trace.jsonl LANG=C.UTF-8
unset LC_ALL LC_MESSAGES LANGUAGE
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# The system's file opener (a letter's PDF is handed to it) records what it was given.
mkdir -p "$work/bin"
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >>"%s"\n' "$work/opened.txt" >"$work/bin/xdg-open"
chmod +x "$work/bin/xdg-open"
export PATH=$work/bin:$PATH
trace=$RELANCE_TRACE
: >"$trace"
step=0 last=""
passed=()

# shot NAME: a screenshot of the whole screen, numbered in the order of the journeys.
shot() {
  step=$((step + 1))
  last=$(printf '%s/%02d-%s.png' "$shots" "$step" "$1")
  import -window root "$last" 2>/dev/null || xwd -root -silent | convert xwd:- "png:$last"
}
# fail MSG: stop with MSG, the last screenshot and the end of the trace.
fail() {
  shot failed
  echo "e2e: FAIL: $*" >&2
  echo "e2e: last screenshot: $last" >&2
  echo "e2e: trace (last lines):" >&2
  tail -5 "$trace" >&2 || true
  [ -f "$work/app.log" ] && { echo "e2e: app log (last lines):" >&2; tail -20 "$work/app.log" >&2; }
  # Once more at the very end: CI shows only the tail of what was printed, and the app log
  # ends with the X errors every quit prints (the window is gone while a frame is drawn).
  [ ${#passed[@]} -gt 0 ] && echo "e2e: last journey passed: ${passed[-1]}" >&2
  echo "e2e: FAIL: $* (after ${#passed[@]} journeys passed)" >&2
  exit 1
}
# mark: remember where the trace is, so that wait_event only looks at what comes after.
mark() { seen=$(wc -l <"$trace"); }
# matching FIELD…: the trace lines after the mark holding every "key":"value" given.
matching() {
  local out
  out=$(tail -n +"$((seen + 1))" "$trace")
  for f in "$@"; do out=$(grep -F -- "$f" <<<"$out" || true); done
  printf '%s' "$out"
}
# wait_event SECONDS FIELD…: wait for a trace line after the mark with every field given.
wait_event() {
  local secs=$1
  shift
  local end=$(($(date +%s) + secs))
  while [ "$(date +%s)" -lt "$end" ]; do
    [ -n "$(matching "$@")" ] && return 0
    kill -0 "$app" 2>/dev/null || fail "the app exited while waiting for $*"
    sleep 0.2
  done
  return 1
}
# need SECONDS WHAT FIELD…: wait_event or fail saying WHAT did not happen.
need() {
  local secs=$1 what=$2
  shift 2
  wait_event "$secs" "$@" || fail "$what: no trace event $* within ${secs} s"
}
key() { xdotool key --clearmodifiers "$@"; sleep 0.3; }
click() { xdotool mousemove "$1" "$2" click 1; sleep 0.3; }
dclick() { xdotool mousemove "$1" "$2" click --repeat 2 --delay 80 1; sleep 0.3; }
# quit_app: close the window and wait for the app to exit (the dossier is then free for the CLI).
quit_app() {
  xdotool windowclose "$wid" 2>/dev/null || key ctrl+q
  for _ in $(seq 1 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.2; done
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=""
}
# start_on DOSSIER WHAT: start the app again on DOSSIER, wait until it is loaded (WHAT names
# the step if it is not) without an error, and place the window at 1366×768.
start_on() {
  "$bin" "$1" >>"$work/app.log" 2>&1 &
  app=$!
  need 30 "the app did not start again" '"event":"start"'
  need 60 "$2" '"event":"loaded"'
  grep -q '"error"' <<<"$(matching '"event":"loaded"')" && fail "$1 did not open: $(matching '"event":"loaded"')"
  wid=$(relance_window 10)
  [ -n "$wid" ] || fail "no Relance window after the restart"
  sleep 0.5
  xdotool windowmove "$wid" 0 0
  xdotool windowsize "$wid" 1366 768
  sleep 1
}
# start_fresh DOSSIER WHAT: start_on with a home of its own ($fresh, where the save dialog
# opens), so that the panel sizes and preferences the earlier journeys saved do not move
# the clicks of the next one.
start_fresh() {
  fresh=$(mktemp -d "$work/home.XXXXXX")
  HOME=$fresh XDG_CONFIG_HOME=$fresh/.config XDG_DATA_HOME=$fresh/.local/share start_on "$@"
}
field() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" <<<"$2" | tail -1; }

# --- start ---------------------------------------------------------------------------
sleep 1
mark
"$bin" >"$work/app.log" 2>&1 &
app=$!
need 30 "the app did not start" '"event":"start"'
wid=$(relance_window 10)
[ -n "$wid" ] || fail "no Relance window"
sleep 0.5
# No window manager: place the window and give it the size of the screen.
xdotool windowmove "$wid" 0 0
xdotool windowsize "$wid" 1366 768
sleep 1

# --- 1. first run: welcome page, open the demo -----------------------------------------
wait_event 10 '"event":"welcome"' || fail "the first run did not show the welcome page"
shot welcome
mark
click 476 372 # « Ouvrir la démonstration », first card of the welcome page
need 60 "opening the demo from the welcome page" '"event":"loaded"'
passed+=("first run shows the welcome page, its first button opens the demo")
loaded=$(matching '"event":"loaded"')
grep -q '"error"' <<<"$loaded" && fail "the demo did not open: $loaded"
n=$(field customers "$loaded")
[ "${n:-0}" -gt 0 ] || fail "the demo has no customers: $loaded"
sleep 1
shot demo-opened

# --- 2. Clients: click a row, its card ---------------------------------------------------
mark
key ctrl+2
need 10 "Ctrl+2" '"event":"screen"' '"screen":"clients"'
sleep 0.5
shot clients
mark
click 400 344 # third row of the list (C00003)
need 10 "a left click on a row of Clients" '"event":"select"' '"list":"clients"'
cust=$(field id "$(matching '"event":"select"')")
sleep 0.7
shot customer-card
passed+=("a left click on a Clients row selects $cust and shows its card")

# --- 3. a statement saved through the save dialog -----------------------------------------
mark
click 1118 478 # « Relevé PDF » on the card
need 10 "the statement's save dialog" '"event":"dialog"' '"state":"shown"'
sleep 0.5
shot statement-save-dialog
mark
key ctrl+a
xdotool type --delay 15 'releve-e2e.pdf'
key Return
need 15 "saving the statement" '"event":"written"'
pdf=$(field path "$(matching '"event":"written"')")
sleep 0.5
shot statement-saved
[ -s "$pdf" ] || fail "the statement $pdf was not written"
text=$(pdftotext "$pdf" - 2>/dev/null | tr -s ' \n' ' ')
grep -qF "$cust" <<<"$text" || fail "the statement $pdf does not name customer $cust"
passed+=("statement of $cust saved through the save dialog as $(basename "$pdf"), pdftotext finds $cust")
click 558 419 # « Fermer » of the « Fichier enregistré » dialog (Escape does not close Fyne dialogs)
sleep 0.3

# --- 4. the day's letters, one opened ---------------------------------------------------
mark
key ctrl+e
need 10 "Ctrl+E" '"event":"screen"' '"screen":"reminders"'
if wait_event 5 '"event":"confirm"' '"dialog":"issue_letters"'; then
  # The list of the letters to issue, in a dialog of a fixed size (760×520 at most).
  sleep 1
  shot letters-confirm
  mark
  click 732 609 # « Émettre »
  need 30 "issuing the day's letters" '"event":"issued"'
  need 30 "the issued letters' summary" '"event":"dialog"' '"name":"issued_letters"'
  n=$(matching '"event":"issued"' | grep -c . || true)
  passed+=("the day's letters confirmed in their list and issued (Ctrl+E): $n letters")
  sleep 1
  shot letters-issued
  mark
  click 1003 289 # « Ouvrir » beside the first letter of the summary (under the archive head)
  need 10 "opening an issued letter from the summary" '"event":"open"'
  for _ in $(seq 1 25); do [ -s "$work/opened.txt" ] && break; sleep 0.2; done
  opened=$(tail -1 "$work/opened.txt" 2>/dev/null || true)
  pdftotext "$opened" - >/dev/null 2>&1 || fail "« Ouvrir » of an issued letter handed \"$opened\" to the system, not a PDF"
  passed+=("an issued letter opened from the summary: its PDF handed to the system")
  click 1012 605 # « Fermer » of the summary
else
  fail "Ctrl+E showed no list of the letters to issue (trace \"confirm\")"
fi
mark
key ctrl+5
need 10 "Ctrl+5" '"event":"screen"' '"screen":"letters"'
sleep 0.7
click 419 149 # the « Courriers émis » tab
sleep 0.7
shot letters-issued-list
mark
click 700 264 # first row of Courriers émis
if wait_event 5 '"event":"select"' '"list":"letters"'; then
  mark
  dclick 700 264
  if wait_event 5 '"event":"open"' '"list":"letters"'; then
    for _ in $(seq 1 25); do [ -s "$work/opened.txt" ] && break; sleep 0.2; done
    opened=$(tail -1 "$work/opened.txt" 2>/dev/null || true)
    pdftotext "$opened" - >/dev/null 2>&1 || fail "opening an issued letter handed \"$opened\" to the system, not a PDF"
    passed+=("an issued letter selected and opened (double click) in Courriers: its PDF handed to the system")
  else
    fail "a double click on an issued letter did not open it"
  fi
else
  fail "a click on the first issued letter of Courriers émis did not select it"
fi
sleep 1
shot letter-opened

# --- 5. every screen at 1024×700 ------------------------------------------------------------
xdotool windowsize "$wid" 1024 700
sleep 1
for i in 1 2 3 4 5 6 7 8; do
  mark
  key "ctrl+$i"
  need 10 "Ctrl+$i" '"event":"screen"'
  sleep 0.6
  scr=$(field screen "$(matching '"event":"screen"')")
  shot "1024-$i-$scr"
  w=$(xdotool getwindowgeometry "$wid" | sed -n 's/.*Geometry: \([0-9]*\)x.*/\1/p')
  [ "${w:-9999}" -le 1024 ] || fail "screen $scr widens the window to ${w} px at 1024×700"
done
passed+=("every screen (Ctrl+1…8) shown at 1024×700, the window stays 1024 px wide")
xdotool windowsize "$wid" 1366 768
sleep 1

# --- 6. a new dossier, an import ------------------------------------------------------------
cp "$fec" "$HOME/" # the open dialog starts in the home folder, the file first in it
mark
key ctrl+n
sleep 0.8
shot new-dossier
# The identity dialog: name (focused), legal form, SIREN, address, signatory.
xdotool type --delay 15 'Import E2E SARL'
click 775 359 && xdotool type --delay 15 'SARL'
click 775 398 && xdotool type --delay 15 '732 829 320'
click 775 437 && xdotool type --delay 15 '14 quai Perrache, 69002 Lyon'
click 775 477 && xdotool type --delay 15 'Claire Martin'
sleep 0.3
shot new-dossier-identity
click 770 539 # « Choisir le dossier… »
need 10 "the new dossier's folder dialog" '"event":"dialog"' '"purpose":"dossier"' '"state":"shown"'
sleep 0.5
shot new-dossier-folder
mark
click 1091 661 # « Créer ici »
need 20 "creating the new dossier" '"event":"loaded"'
newdb=$(field path "$(matching '"event":"loaded"')")
[ -f "$newdb" ] || fail "the new dossier $newdb was not created"
sleep 0.5
shot new-dossier-open
mark
key ctrl+i
need 10 "Ctrl+I" '"event":"dialog"' '"purpose":"import"' '"state":"shown"'
sleep 0.5
shot import-dialog
mark
click 525 215 # the FEC, first file of the home folder
sleep 0.3
click 1092 661 # « Ouvrir »
need 10 "choosing the FEC" '"event":"dialog"' '"purpose":"import"' '"state":"chosen"'
need 30 "reading the FEC" '"event":"import"' '"step":"detected"'
sleep 0.5
shot import-detected
mark
click 1136 675 # « Analyser »
need 60 "analysing the FEC" '"event":"import"' '"step":"prepared"'
sleep 0.5
shot import-prepared
mark
click 1136 675 # « Importer »
need 60 "importing the FEC" '"event":"import"' '"step":"applied"'
need 30 "reloading after the import" '"event":"loaded"'
imported=$(field customers "$(matching '"event":"loaded"')")
sleep 0.5
shot import-done
click 1152 675 # « Fermer »
sleep 0.5
shot after-import
[ "${imported:-0}" -gt 0 ] || fail "the import left $imported customers in $newdb"

# A real dossier today lacks the current half-year's rates: the banner says so and its
# button opens the form, where the published figures and their source are typed.
key ctrl+1
sleep 0.8
shot rates-banner
mark
click 1203 123 # « Saisir les taux »
sleep 0.8
shot rates-form
click 849 281 && xdotool type --delay 15 '2,15'
click 849 320 && xdotool type --delay 15 '6,67'
click 849 359 && xdotool type --delay 15 '2,62'
click 849 437 && xdotool type --delay 15 'e2e: figures of the test'
click 743 559 # « Enregistrer »
need 10 "saving the half-year's rates" '"event":"written"' '"what":"rates"'
need 30 "reloading after the rates" '"event":"loaded"'
sleep 0.5
shot rates-saved

# The dashboard says which overdue customers have no address; its button opens the
# first one's record, where the address is typed and saved.
key ctrl+1
sleep 0.8
shot readiness
mark
click 1195 324 # « Compléter la fiche de … » (third line: under the IBAN and the signatory's phone and e-mail)
need 10 "the record form from the dashboard" '"event":"dialog"' '"what":"edit_customer"' '"state":"shown"'
sleep 0.5
shot record-form
click 500 439 # the address field (under SIRET, VAT and IBAN; civility and law added to the form)
xdotool type --delay 15 '8 avenue Jean Jaures, 69007 Lyon'
click 743 660 # « Enregistrer »
need 10 "saving the record" '"event":"written"' '"what":"customer"'
edited=$(field id "$(matching '"event":"written"' '"what":"customer"')")
need 30 "reloading after the record" '"event":"loaded"'
sleep 0.5
shot record-saved

# Fichier › Importer le fichier clients…: a customer master file (addresses, e-mails,
# SIRET) chosen in the file dialog, its columns found by their headers, imported.
printf '%s\n' 'Code client;Raison sociale;Adresse 1;Code postal;Ville;E-mail;SIRET;Catégorie' \
  'CCB;RECETTE CB;3 rue de la Gare;69002;Lyon;cb@recette.fr;73282932000074;Entreprise' \
  'CCHQ;RECETTE CHQ;5 rue des Chèques;69003;Lyon;chq@recette.fr;;Entreprise' \
  'CVIR;RECETTES VIREMENT;9 quai du Virement;69005;Lyon;;;Administration' >"$HOME/1-clients-e2e.csv"
mark
click 37 13 # Fichier
sleep 0.5
click 104 284 # « Importer le fichier clients… »
need 10 "the customer file's dialog" '"event":"dialog"' '"purpose":"customers"' '"state":"shown"'
sleep 0.5
shot customer-file-dialog
click 609 215 # 1-clients-e2e.csv, after the FEC in the home folder
sleep 0.3
click 1092 661 # « Ouvrir »
need 20 "reading the customer file" '"event":"custfile"' '"step":"read"'
sleep 0.5
shot customer-file-read
mark
click 1204 665 # « Importer »
need 30 "importing the customer file" '"event":"custfile"' '"step":"imported"'
need 30 "reloading after the customer file" '"event":"loaded"'
sleep 0.5
shot customer-file-done
click 993 465 # « Fermer »
sleep 0.3

# Quit, then the CLI reads the new dossier.
quit_app
listed=$(RELANCE_LANG=en "$bin" customers --db "$newdb" 2>&1) || fail "relance customers --db $newdb: $listed"
grep -q 'RECETTE' <<<"$listed" || fail "the CLI finds none of the imported customers in $newdb: $listed"
rec=$(RELANCE_LANG=en "$bin" customer --db "$newdb" --customer "$edited" --format json 2>&1) || fail "relance customer $edited: $rec"
grep -q '"postcode": "69007"' <<<"$rec" || fail "the address typed in the window is not in $edited's record: $rec"
rec=$(RELANCE_LANG=en "$bin" customer --db "$newdb" --customer CCB --format json 2>&1) || fail "relance customer CCB: $rec"
grep -q '"siret": "73282932000074"' <<<"$rec" && grep -q '"postcode": "69002"' <<<"$rec" ||
  fail "the customer file imported in the window is not in CCB's record: $rec"
rec=$(RELANCE_LANG=en "$bin" customer --db "$newdb" --customer CVIR --format json 2>&1)
grep -q '"kind": "public"' <<<"$rec" || fail "CVIR's category « Administration » did not make it a public body: $rec"
rates=$(RELANCE_LANG=en "$bin" rates --db "$newdb" 2>&1)
grep -q 'e2e: figures of the test' <<<"$rates" || fail "the rates typed in the banner's form are not in the dossier: $rates"
set=$(RELANCE_LANG=en "$bin" settings --db "$newdb" 2>&1) || fail "relance settings: $set"
grep -q '732829320' <<<"$set" && grep -q 'Claire Martin' <<<"$set" || fail "the new dossier's identity was not kept: $set"
# The statement names the customer (the CLI reads the demo, free now that the app is closed).
demo=$(field path "$loaded")
cname=$(RELANCE_LANG=en "$bin" customers --db "$demo" --format json 2>/dev/null |
  grep -F -A1 "\"id\": \"$cust\"" | sed -n 's/.*"name": "\(.*\)",*$/\1/p' | head -1)
[ -n "$cname" ] || fail "the CLI does not know customer $cust of $demo"
grep -qF "$cname" <<<"$text" || fail "the statement $pdf does not carry the name of $cust, \"$cname\""
passed+=("the statement of $cust carries its name, \"$cname\" (pdftotext)")
passed+=("new dossier created through its dialogs (identity kept), FEC imported through the file dialog and the wizard: $imported customers, listed by the CLI")
passed+=("the missing-rates banner's form recorded the half-year's rates and their source, listed by the CLI")
passed+=("the dashboard's « à compléter » card opened $edited's record; the address typed there is in the CLI's record")
passed+=("a customer file imported through Fichier › Importer le fichier clients…: SIRET, address and kind in the CLI's records")

# --- 7. a bank statement imported into the demo ------------------------------------------
# The demo statements (testdata/bank) were written for the demo of 4 December 2026: the
# demo is made again for that day by the CLI (the app is closed), the app started on it;
# Fichier › Importer un relevé bancaire… reads the camt.053 chosen in the file dialog, the
# review has the safe matches chosen, « Enregistrer » records them in one transaction;
# after quitting, the CLI lists the payments recorded from the statement.
rm -f "$demo"
"$bin" demo --out "$demo" --today 2026-12-04 >/dev/null 2>&1 || fail "relance demo --out $demo --today 2026-12-04"
cp "$repo/testdata/bank/releve-demo.camt053.xml" "$HOME/0-releve-demo.camt053.xml" # first file of the home folder
mark
start_on "$demo" "opening the demo of 4 December 2026"
mark
click 37 13 # Fichier
sleep 0.5
click 113 323 # « Importer un relevé bancaire… », under « Importer le fichier clients… »
need 10 "the statement's file dialog" '"event":"dialog"' '"purpose":"statement"' '"state":"shown"'
sleep 0.5
shot statement-dialog
click 525 215 # 0-releve-demo.camt053.xml, the first file of the home folder
sleep 0.3
click 1092 661 # « Ouvrir »
need 10 "choosing the statement" '"event":"dialog"' '"purpose":"statement"' '"state":"chosen"'
need 30 "reading the statement" '"event":"bank"' '"step":"read"'
sleep 0.5
shot statement-review
mark
click 1228 696 # « Enregistrer », the safe matches chosen
need 30 "recording the statement" '"event":"written"' '"what":"statement"'
need 30 "reloading after the statement" '"event":"loaded"'
written=$(matching '"event":"written"' '"what":"statement"')
npay=$(field payments "$written") nret=$(field returns "$written")
sleep 0.5
shot statement-recorded
[ "${npay:-0}" -gt 0 ] || fail "the statement recorded no payment: $written"
quit_app
pays=$(RELANCE_LANG=en "$bin" payment list --db "$demo" --format json 2>&1) || fail "relance payment list --db $demo: $pays"
nbank=$(grep -c '"source": "bank:' <<<"$pays" || true)
[ "$nbank" -eq $((npay + nret)) ] ||
  fail "the window recorded $npay payments and $nret returns, the CLI lists $nbank from the statement: $pays"
grep -A3 '"customer": "C00022"' <<<"$pays" | grep -q '"amount": "6632.01"' ||
  fail "Chocolaterie Roussel's transfer of 6 632,01 (Ntry 3) is not among the payments: $pays"
passed+=("a bank statement imported through Fichier › Importer un relevé bancaire…: $npay payments and $nret returns recorded in the window, listed by the CLI (C00022's 6 632,01 among them)")

errors=$(grep -F '"event":"error"' "$trace" || true)
[ -z "$errors" ] || fail "the app showed error dialogs: $errors"

# --- 8. a person's data erased from the window, for real ----------------------------------
# The demo of 4 December 2026 again (its C00009 is Sophie RODRIGUEZ, a consumer with an
# e-mail and a phone); her card's « Effacer ses données personnelles », confirmed: the
# dossier is erased, rewritten and opened again. After quitting, her e-mail is nowhere in
# the dossier's bytes nor in its automatic backups.
email=$("$bin" export-customer --db "$demo" --customer C00009 2>/dev/null | sed -n 's/.*"email": "\([^"]*\)".*/\1/p' | head -1)
[ -n "$email" ] || fail "C00009 of the demo has no e-mail to erase"
mark
start_on "$demo" "opening the demo for the erasure"
click 1230 55 # the search field
xdotool type --delay 40 "C00009"
key Return
sleep 1.5
mark
click 400 269 # the only customer found: its card
need 10 "selecting C00009" '"event":"select"'
sleep 1
xdotool mousemove 778 409 mousedown 1 mousemove 778 330 mousemove 778 260 mouseup 1 # the card taller
sleep 0.7
xdotool mousemove 420 600
for _ in $(seq 1 15); do xdotool click 5; done # down the Fiche tab, to its privacy buttons
sleep 0.7
shot erase-card
mark
click 430 663 # « Effacer ses données personnelles »
sleep 0.7
shot erase-confirm
click 718 431 # « Oui »
need 30 "erasing C00009" '"event":"written"' '"what":"erasure"'
need 60 "opening the erased dossier again" '"event":"loaded"'
sleep 1
shot erased
quit_app
for f in "$demo" "$demo".backups/*.db; do
  ! grep -qaF "$email" "$f" || fail "the erased e-mail $email is still in $(basename "$f")"
done
passed+=("C00009's data erased from her card: her e-mail is nowhere in the dossier's bytes nor in its backups")

# --- 9. the app's own letters pass its own checker, in the window --------------------------
# Courriers › « Corriger » carries the composed letter (first customer, 1re relance) into the
# Correction screen, checked with the speller and, when installed, Grammalecte: no error.
# The same for the formal notice, then in English.
mark
start_on "$demo" "opening the demo for the letter checks"
own_letter() { # WHAT: « Corriger » in Courriers, then no error or blocking finding
  mark
  click 1273 233 # « Corriger », beside « Émettre pour tous les clients en retard »
  need 15 "checking $1 from the letters editor" '"event":"open"' '"screen":"correction"' '"from":"letter_editor"'
  local ev n
  ev=$(matching '"event":"open"' '"from":"letter_editor"')
  n=$(field errors "$ev")
  sleep 0.7
  shot "own-letter-$2"
  [ "$n" = "0" ] || fail "the app's own $1 has $n error or blocking findings in its checker: $ev"
  passed+=("the app's own $1, checked from Courriers › « Corriger »: no error (findings $(field findings "$ev"), grammar off: $(field grammar_off "$ev"))")
  key ctrl+5
  need 10 "back to Courriers" '"event":"screen"' '"screen":"letters"'
  sleep 0.7
}
mark
key ctrl+5
need 10 "Ctrl+5" '"event":"screen"' '"screen":"letters"'
sleep 1
own_letter "first reminder (French)" r1-fr
click 315 193 # Étape
sleep 0.5
click 319 383 # « Mise en demeure »
sleep 1
own_letter "formal notice (French)" med-fr
click 517 193 # Langue
sleep 0.5
click 487 266 # « Anglais »
sleep 1
own_letter "formal notice (English)" med-en
quit_app

# --- 10. legal follow-up: a penalty invoice issued, an interrupting act recorded ------------
# A fresh demo of 4 December 2026. Contentieux (side menu) › « Pénalités de retard »: C00004
# (Brasserie du Parc SPRL, invoices paid a few days late) chosen in the customer picker,
# « Facture de pénalités… », « Émettre et enregistrer le PDF… » through the save dialog.
# Then › « Prescription »: « Enregistrer un acte interruptif… », an acknowledgement of debt
# by C00016 (Pierre LEGRAND, a consumer: two years, C. consom. L218-2) dated 01/12/2026 for
# his invoice FA2025-00021 alone. After quitting, the CLI finds the penalty invoice in the
# archive (its PDF numbered and naming the customer, the archive verified) and the act in
# the register; that invoice's deadline has moved to two years from the act (C. civ. 2240,
# 2231), his other invoice's has not.
rm -f "$demo"
"$bin" demo --out "$demo" --today 2026-12-04 >/dev/null 2>&1 || fail "relance demo --out $demo --today 2026-12-04"
pcust=C00004 acust=C00016 ainv=FA2025-00021 aother=FA2026-01317
# deadline_of JSON NUMBER: the deadline of invoice NUMBER in `relance deadlines --format json`.
deadline_of() {
  awk -v n="\"number\": \"$2\"" 'index($0, n) { f = 1; next }
    f && /"item":/ { exit }
    f && /"deadline":/ { sub(/.*"deadline": "/, ""); sub(/".*/, ""); print; exit }' <<<"$1"
}
dl=$(RELANCE_LANG=en "$bin" deadlines --db "$demo" --format json 2>&1) || fail "relance deadlines --db $demo: $dl"
before=$(deadline_of "$dl" "$ainv") other_before=$(deadline_of "$dl" "$aother")
[ -n "$before" ] && [ -n "$other_before" ] || fail "the demo's deadlines list neither $ainv nor $aother of $acust: $dl"
mark
start_on "$demo" "opening the demo for the legal follow-up"
mark
click 75 344 # Contentieux, in the side menu
need 15 "Contentieux from the side menu" '"event":"screen"' '"screen":"legal"'
sleep 0.7
click 285 114 # the « Pénalités de retard » tab
click 460 155 # the calculator's « Client (n°) » picker
xdotool type --delay 40 "$pcust"
sleep 0.7
mark
key Return # the only customer found
need 15 "choosing $pcust in the calculator's picker" '"event":"select"' '"list":"customer_picker"' "\"id\":\"$pcust\""
sleep 0.7
mark
click 394 508 # « Facture de pénalités… », under the form once the picker's list is closed
need 30 "the penalty invoice of $pcust" '"event":"dialog"' '"what":"penalty_invoice"' '"state":"shown"' "\"customer\":\"$pcust\""
sleep 1
shot penalty-invoice
mark
click 1029 656 # « Émettre et enregistrer le PDF… »
need 30 "the penalty invoice's save dialog" '"event":"dialog"' '"purpose":"save"' '"state":"shown"'
sleep 0.5
shot penalty-invoice-save
mark
key ctrl+a
xdotool type --delay 15 'penalites-e2e.pdf'
key Return
need 60 "issuing the penalty invoice" '"event":"issued"' '"what":"penalty_invoice"'
issued=$(matching '"event":"issued"' '"what":"penalty_invoice"')
pnum=$(field number "$issued") pid=$(field id "$issued") ppdf=$(field path "$issued")
sleep 0.7
shot penalty-invoice-issued
click 558 438 # « Fermer » of the « Fichier enregistré » dialog (its message on three lines)
sleep 0.5
mark
click 437 114 # the « Prescription » tab
sleep 1
shot limitation
click 328 155 # « Enregistrer un acte interruptif… »
need 30 "the interrupting act's form" '"event":"dialog"' '"what":"interruption"' '"state":"shown"'
sleep 0.7
mark
click 748 133 # the form's « Client » picker
xdotool type --delay 40 "$acust"
sleep 0.7
key Return
need 15 "choosing $acust in the act's form" '"event":"select"' '"list":"customer_picker"' "\"id\":\"$acust\""
sleep 0.7
click 748 172 # « Nature de l'acte »
sleep 0.7
shot interruption-kinds
click 580 206 # « Reconnaissance de dette », first of the kinds
sleep 0.5
click 748 261 # « Date de l'acte », the as-of date in it
key ctrl+a
xdotool type --delay 30 '01/12/2026'
click 748 339 # « Preuve »
xdotool type --delay 15 'LRAR 1A 234 567 8901 2'
click 374 452 # the first of his open invoices, by due date: FA2025-00021
sleep 0.5
shot interruption-form
mark
click 743 670 # « Enregistrer »
need 30 "recording the interrupting act" '"event":"written"' '"what":"interruption"'
act=$(field id "$(matching '"event":"written"' '"what":"interruption"')")
need 60 "reloading after the act" '"event":"loaded"'
sleep 1
shot interruption-recorded
# Clients › Tenue du compte: the ledger's checks; a finding opens its customer's card.
mark
key ctrl+2
need 10 "Ctrl+2 for Tenue du compte" '"event":"screen"' '"screen":"clients"'
sleep 0.5
mark
click 520 115 # « Tenue du compte », the third tab of Clients
need 10 "the Tenue du compte tab" '"event":"shown"' '"what":"hygiene"'
hfound=$(field findings "$(matching '"event":"shown"' '"what":"hygiene"')")
[ "${hfound:-0}" -gt 0 ] || fail "Tenue du compte finds nothing on the demo"
sleep 0.7
shot hygiene
mark
click 460 311 # the first finding of the first check opened
need 10 "a finding of Tenue du compte" '"event":"select"' '"list":"hygiene"'
hsel=$(matching '"event":"select"' '"list":"hygiene"')
hcust=$(field id "$hsel") hcheck=$(field check "$hsel")
need 10 "the card of $hcust after its finding" '"event":"screen"' '"screen":"clients"'
sleep 0.7
shot hygiene-finding
passed+=("Clients › Tenue du compte: $hfound findings on the demo; a finding of « $hcheck » opens $hcust's card")
# Tableau de bord › Résultats des relances: what collection brought in, valued at a rate typed.
mark
key ctrl+1
need 10 "Ctrl+1" '"event":"screen"' '"screen":"dashboard"'
sleep 0.5
mark
click 557 115 # « Résultats des relances », the third tab of the dashboard
need 30 "Résultats des relances" '"event":"computed"' '"what":"earned"'
mark
click 468 232 # « Taux de financement »
key ctrl+a
xdotool type --delay 30 '4,5'
key Return
need 30 "Résultats des relances at 4,5 %" '"event":"computed"' '"what":"earned"'
ecollected=$(field collected "$(matching '"event":"computed"' '"what":"earned"')")
sleep 0.7
shot earned
quit_app
evalue=$(RELANCE_LANG=en "$bin" earned --db "$demo" --rate 4.5 --format json 2>&1) || fail "relance earned: $evalue"
grep -q "\"collected\": \"$ecollected\"" <<<"$evalue" || fail "the window's collected $ecollected is not the CLI's: $evalue"
passed+=("Tableau de bord › Résultats des relances: $ecollected collected over 90 days, as relance earned prints it, valued at 4,5 %")
[ "$pnum" = "ND-$(date +%Y)-0001" ] || fail "the first penalty invoice of the demo is numbered \"$pnum\", not ND-$(date +%Y)-0001: $issued"
letters=$(RELANCE_LANG=en "$bin" export-customer --db "$demo" --customer "$pcust" 2>&1) || fail "relance export-customer $pcust: $letters"
grep -A2 "\"id\": \"$pid\"" <<<"$letters" | grep -q '"stage": "penalty_invoice"' ||
  fail "the archive has no letter $pid of stage penalty_invoice for $pcust: $(grep -A3 '"letters"' <<<"$letters")"
v=$(RELANCE_LANG=en "$bin" verify --db "$demo" 2>&1) || fail "relance verify --db $demo after the penalty invoice: $v"
[ -s "$ppdf" ] || fail "the penalty invoice's PDF $ppdf was not written"
ptext=$(pdftotext "$ppdf" - 2>/dev/null | tr -s ' \n' ' ')
pname=$(RELANCE_LANG=en "$bin" customer --db "$demo" --customer "$pcust" --format json 2>/dev/null |
  sed -n 's/^  "name": "\(.*\)",*$/\1/p' | head -1)
[ -n "$pname" ] || fail "the CLI does not know customer $pcust of $demo"
grep -qF "$pnum" <<<"$ptext" && grep -qF "$pname" <<<"$ptext" ||
  fail "the penalty invoice's PDF $ppdf does not carry $pnum and \"$pname\" (pdftotext): $ptext"
passed+=("Contentieux › Pénalités de retard: $pcust's penalty invoice $pnum issued and saved through the save dialog; archived as $pid (stage penalty_invoice, relance verify passes), its PDF names \"$pname\"")
acts=$(RELANCE_LANG=en "$bin" interruption list --db "$demo" --format json 2>&1) || fail "relance interruption list --db $demo: $acts"
grep -A8 "\"id\": \"$act\"" <<<"$acts" | tr -d ' \n' |
  grep -q "\"customer\":\"$acust\",\"kind\":\"acknowledgement\",\"date\":\"2026-12-01\",\"items\":\[\"VE:$ainv\"\]" ||
  fail "the register does not hold act $act, an acknowledgement by $acust of 2026-12-01 for $ainv alone: $acts"
dl=$(RELANCE_LANG=en "$bin" deadlines --db "$demo" --format json 2>&1) || fail "relance deadlines --db $demo: $dl"
after=$(deadline_of "$dl" "$ainv") other_after=$(deadline_of "$dl" "$aother")
[ "$after" = "2028-12-01" ] && [ "$before" != "$after" ] ||
  fail "the act of 01/12/2026 moved $ainv's deadline from $before to \"$after\", not to 2028-12-01"
[ "$other_after" = "$other_before" ] || fail "the act for $ainv alone moved $aother's deadline from $other_before to $other_after"
passed+=("Contentieux › Prescription: an acknowledgement of debt by $acust recorded through its form ($act, listed by relance interruption list): $ainv's deadline moved from $before to $after, $aother's stays $other_before")

# --- journeys kept in their own files -------------------------------------------------------
# scripts/e2e.d/*.sh, sourced in name order with every helper above. Each starts with no app
# running, opens its own dossier in a home of its own (start_fresh), quits it (quit_app) and
# appends to passed.
for journey in "$repo"/scripts/e2e.d/*.sh; do
  [ -e "$journey" ] || continue
  # shellcheck source=/dev/null
  . "$journey"
done

# --- a large dossier opens in two steps ----------------------------------------------------
# 300,000 items: the dashboard and the Clients list come from the open position first, the
# dossier is checked in the background; Ctrl+I pressed before the check waits for it. The
# window stays on the open items: an earlier as-of date reads the whole history, today's
# the open items again.
big="$work/grand-dossier.relance"
out=$("$bin" gen --out "$big" --customers 1500 --items 300000 2>&1) || fail "relance gen: $out"
mark
"$bin" "$big" >>"$work/app.log" 2>&1 &
app=$!
need 30 "the app did not start on $big" '"event":"start"'
wid=$(relance_window 10)
[ -n "$wid" ] || fail "no Relance window on $big"
need 60 "opening $big" '"event":"loaded"'
grep -q '"error"' <<<"$(matching '"event":"loaded"')" && fail "$big did not open: $(matching '"event":"loaded"')"
xdotool key --clearmodifiers ctrl+i
xdotool windowmove "$wid" 0 0
xdotool windowsize "$wid" 1366 768
need 60 "the check of $big" '"event":"checked"'
need 15 "Ctrl+I on $big" '"event":"dialog"' '"purpose":"import"' '"state":"shown"'
line_of() { grep -n -F -- "$1" "$trace" | tail -1 | cut -d: -f1; }
loaded_at=$(line_of '"event":"loaded"') checked_at=$(line_of '"event":"checked"') dialog_at=$(line_of '"purpose":"import","state":"shown"')
[ "$loaded_at" -lt "$checked_at" ] || fail "$big: the check ended before the dossier was shown"
how="Ctrl+I came after the check"
if [ -n "$(matching '"event":"wait"')" ]; then
  [ "$checked_at" -lt "$dialog_at" ] || fail "$big: the import dialog opened before the dossier was checked"
  how="Ctrl+I pressed during the check waited for it"
fi
sleep 0.5
shot large-dossier-import
click 1016 661 # Annuler
mark
past=$(date -d '-400 days' +%d/%m/%Y)
click 895 53
key ctrl+a
xdotool type "$past"
key Return
need 60 "the as-of date $past on $big" '"event":"read"' '"partial":false'
mark
click 1064 56 # Aujourd'hui
need 60 "today's date again on $big" '"event":"read"' '"partial":true'
quit_app
passed+=("a dossier of 300,000 items opens in two steps: shown first, checked after ($how); at $past it reads the whole history, at today's date its open items again")

errors=$(grep -F '"event":"error"' "$trace" || true)
[ -z "$errors" ] || fail "the app showed error dialogs: $errors"

echo "e2e: screenshots in $shots"
for p in "${passed[@]}"; do echo "e2e: ok: $p"; done
echo "e2e: ${#passed[@]} passed, 0 failed ($(($(date +%s) - start_time)) s)"
