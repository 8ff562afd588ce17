# shellcheck shell=bash
# --- the end-of-course assessment ----------------------------------------------------------
# The demo of 4 December 2026 with two trainees added by the command line: Correction ›
# « Questionnaire… », 2 questions of every module for the first trainee, the first question
# answered (its first choice, or a date typed in its field), « Terminer et noter »: the
# attempt is kept and the result shown; « Attestation PDF… » saves the certificate through
# the save dialog. After quitting, relance certificate prints the same trainee's summary
# with the quiz in it. Sourced by scripts/e2e.sh (its helpers).
quizdb="$work/quiz.relance"
"$bin" demo --out "$quizdb" --today 2026-12-04 >/dev/null 2>&1 || fail "relance demo --out $quizdb --today 2026-12-04"
"$bin" trainee add --db "$quizdb" --name "Hugo Bernard" --group "Lyon" --at 2026-12-04 >/dev/null 2>&1 ||
  fail "relance trainee add Hugo Bernard"
"$bin" trainee add --db "$quizdb" --name "Léa Martin" --group "Lyon" --at 2026-12-04 >/dev/null 2>&1 ||
  fail "relance trainee add Léa Martin"
mark
start_fresh "$quizdb" "opening the demo for the quiz"
mark
key ctrl+6
need 10 "Ctrl+6" '"event":"screen"' '"screen":"correction"'
sleep 0.7
mark
click 1036 154 # « Questionnaire… » at the end of the Correction screen's actions
need 10 "the quiz form" '"event":"dialog"' '"what":"quiz_setup"' '"state":"shown"'
sleep 0.5
shot quiz-form
click 766 371 # « Nombre de questions »
key ctrl+a
xdotool type --delay 20 "2"
mark
click 746 510 # « Commencer »
need 10 "the quiz shown" '"event":"shown"' '"what":"quiz"' '"questions":2'
qtrainee=$(field trainee "$(matching '"event":"shown"' '"what":"quiz"')")
[ "$qtrainee" = "T0001" ] || fail "the quiz is for $qtrainee, not the first trainee T0001 (Hugo Bernard)"
sleep 0.7
click 163 225 # the first question's first choice, or its answer field
xdotool type --delay 20 "16/12/2026"
sleep 0.3
shot quiz-answered
mark
click 1134 691 # « Terminer et noter »
need 10 "the quiz scored and kept" '"event":"written"' '"what":"quiz"' '"out_of":2'
qattempt=$(field attempt "$(matching '"event":"written"' '"what":"quiz"')")
need 10 "the quiz's result" '"event":"shown"' '"what":"quiz_result"'
sleep 0.7
shot quiz-result
mark
click 990 686 # « Attestation PDF… »
need 10 "the certificate's save dialog" '"event":"dialog"' '"purpose":"save"' '"state":"shown"'
sleep 0.7
click 1081 662 # « Enregistrer »
need 10 "the certificate written" '"event":"written"' '"what":"certificate"' '"trainee":"T0001"'
qpdf=$(field path "$(matching '"event":"written"' '"path"')")
[ -s "$qpdf" ] || fail "the certificate $qpdf was not written"
qtext=$(pdftotext "$qpdf" - 2>/dev/null) || fail "pdftotext $qpdf"
grep -q "Hugo Bernard" <<<"$qtext" || fail "the certificate $qpdf does not name Hugo Bernard"
sleep 0.5
shot quiz-certificate-saved
click 558 428 # « Fermer » of the file-saved message
click 1121 686 # « Fermer » of the result
quit_app
qcli="$work/certificate-cli.pdf"
out=$("$bin" certificate --db "$quizdb" --trainee "Hugo Bernard" --at 2026-12-04 --out "$qcli" 2>&1) ||
  fail "relance certificate: $out"
qtext=$(pdftotext -layout "$qcli" -)
grep -q "Questionnaire" <<<"$qtext" || fail "relance certificate does not list the quiz $qattempt"
grep -q "Tous les modules" <<<"$qtext" || fail "relance certificate does not name the quiz's module"
passed+=("the assessment: Correction › « Questionnaire… », 2 questions for Hugo Bernard answered and scored (attempt $qattempt kept), « Attestation PDF… » saved; relance certificate lists the quiz")
