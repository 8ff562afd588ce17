#!/usr/bin/env bash
# Checks the Windows artefacts of `make dist` as far as Linux allows (issue 23):
#  1. the PE files (scripts/check-pe.sh): relance.exe is a windowed program, relance-cli.exe a
#     console program, the installer a 64-bit program; none needs a MinGW DLL; each has its
#     icon, version and manifest;
#  2. the installer's contents (7z lists NSIS installers);
#  3. under Wine (Debian's wine64; installed when missing unless CHECK_WINE=0): relance-cli
#     prints its version and exit codes reach the shell, speaks French and English, makes the
#     demo dossier and its aged balance, checks a letter's spelling with the bundled
#     dictionary; relance.exe prints to a redirected output; the installer installs silently
#     (files, Start-menu shortcuts, the .relance association, the entry in Settings › Apps)
#     and the uninstaller removes all of it.
# What Wine cannot show is said in the README: the real cmd.exe console, Explorer's
# double-click, the installer's pages. Usage: scripts/check-windows.sh DIST_DIR
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DIST_DIR" >&2; exit 2; }
dist=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^const Version = "\(.*\)"$/\1/p' "$root/about/about.go")
setup=$dist/Relance-$version-setup.exe
for f in "$dist/relance.exe" "$dist/relance-cli.exe" "$setup"; do
  [ -f "$f" ] || { echo "check-windows: FAIL missing $f" >&2; exit 1; }
done
fails=0
ok() { printf 'check-windows: ok   %s\n' "$*"; }
bad() { printf 'check-windows: FAIL %s\n' "$*"; fails=$((fails + 1)); }
need() { # need PACKAGE COMMAND: installs a Debian package when its command is missing
  command -v "$2" >/dev/null 2>&1 && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "Installing $1"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$1" >/dev/null ||
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$1" >/dev/null; }
}

# ---- 1. PE files --------------------------------------------------------------------------
"$root/scripts/check-pe.sh" "$dist/relance.exe" >/tmp/check-pe.$$ 2>&1 && ok "relance.exe: windowed amd64 program, icon, version, manifest" ||
  { cat /tmp/check-pe.$$; bad "relance.exe"; }
"$root/scripts/check-pe.sh" --console "$dist/relance-cli.exe" >/tmp/check-pe.$$ 2>&1 && ok "relance-cli.exe: console amd64 program, icon, version, manifest" ||
  { cat /tmp/check-pe.$$; bad "relance-cli.exe"; }
"$root/scripts/check-pe.sh" "$setup" >/tmp/check-pe.$$ 2>&1 && ok "${setup##*/}: amd64 installer, icon, version, manifest" ||
  { cat /tmp/check-pe.$$; bad "${setup##*/}"; }
rm -f /tmp/check-pe.$$

# ---- 2. installer contents ----------------------------------------------------------------
need p7zip-full 7z
listing=$(7z l "$setup")
for f in relance.exe relance-cli.exe LICENSE.txt THIRD_PARTY_NOTICES.txt uninstall.exe; do
  if grep -qE "[[:space:]]$f\$" <<<"$listing"; then ok "installer holds $f"; else bad "installer lacks $f"; fi
done

# ---- 3. under Wine ------------------------------------------------------------------------
if [ "${CHECK_WINE:-1}" = 0 ]; then
  echo "check-windows: Wine checks skipped (CHECK_WINE=0)"
else
  need wine wine
  need wine64 /usr/lib/wine/wine64
  need gcc-mingw-w64-x86-64 x86_64-w64-mingw32-gcc
  tmp=$(mktemp -d)
  trap 'WINEPREFIX=$tmp/prefix wineserver -k >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
  export WINEPREFIX=$tmp/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
  wine cmd /c exit 0 >/dev/null 2>&1 || true # creates the prefix
  x86_64-w64-mingw32-gcc -shared -O2 -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    "$root/scripts/wine/bcryptprimitives.c" -ladvapi32
  cp "$dist/relance-cli.exe" "$dist/relance.exe" "$setup" "$tmp/"
  cd "$tmp"
  run() { # run OUT ERR EXE ARGS...: the exit code in $rc
    local out=$1 err=$2
    shift 2
    rc=0
    wine "$@" >"$out" 2>"$err" || rc=$?
  }

  run o e relance-cli.exe --version
  if [ $rc -eq 0 ] && grep -q "^relance $version, schema" o; then ok "relance-cli --version: $(head -1 o) (rc 0)"; else bad "relance-cli --version rc $rc: $(cat o e)"; fi
  RELANCE_LANG=fr run o e relance-cli.exe pas-une-commande
  if [ $rc -eq 2 ] && grep -q "commande inconnue" e; then ok "relance-cli, unknown command, French: « $(head -1 e) » (rc 2)"; else bad "unknown command (fr) rc $rc: $(head -3 e)"; fi
  RELANCE_LANG=en run o e relance-cli.exe not-a-command
  if [ $rc -eq 2 ] && grep -q "unknown command" e; then ok "relance-cli, unknown command, English: « $(head -1 e) » (rc 2)"; else bad "unknown command (en) rc $rc: $(head -3 e)"; fi

  run o e relance-cli.exe demo --out 'C:\demo.relance' --today 2026-12-04
  if [ $rc -eq 0 ] && [ -s "$WINEPREFIX/drive_c/demo.relance" ]; then ok "relance-cli demo: $(head -1 o)"; else bad "demo rc $rc: $(cat o e)"; fi
  RELANCE_LANG=fr run o e relance-cli.exe aged --db 'C:\demo.relance' --at 2026-12-04 --format csv
  if [ $rc -eq 0 ] && grep -q "Crédits non affectés" o && [ "$(wc -l <o)" -gt 100 ]; then
    ok "relance-cli aged --format csv: $(wc -l <o) lines, French header"
  else bad "aged rc $rc: $(head -3 o e)"; fi

  # Spelling with the dictionary bundled in the exe (no libhunspell DLL on Windows).
  printf 'Madame,\n\nNous constattons que la facture reste impayée.\n\nVeuillez agréer, Madame, nos salutations distinguées.\n' >letter.txt
  RELANCE_LANG=fr run o e relance-cli.exe check-letter --format json letter.txt
  if grep -q 'constattons' o; then ok "relance-cli check-letter: the misspelt « constattons » is flagged"; else bad "check-letter spelling rc $rc: $(head -c 600 o e)"; fi

  run o e relance.exe version
  if [ $rc -eq 0 ] && grep -q "^relance $version" o; then ok "relance.exe version, output redirected: $(head -1 o) (rc 0)"; else bad "relance.exe version rc $rc: $(cat o e)"; fi

  # The window: relance.exe under Wine on a virtual screen, on a fresh profile (the welcome page).
  if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
    disp=:$((200 + RANDOM % 100))
    Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    DISPLAY=$disp RELANCE_LANG=fr wine relance.exe >gui.log 2>&1 &
    gui=$!
    win=""
    for _ in $(seq 1 120); do
      win=$(DISPLAY=$disp xdotool search --name '^Relance' 2>/dev/null | head -1) && [ -n "$win" ] && break
      sleep 0.5
    done
    if [ -n "$win" ]; then
      sleep 3
      [ -z "${CHECK_WINDOWS_SHOT:-}" ] || DISPLAY=$disp import -window root "$CHECK_WINDOWS_SHOT" 2>/dev/null || true
      ok "relance.exe opens its window under Wine (« $(DISPLAY=$disp xdotool getwindowname "$win") »)"
    else bad "relance.exe shows no window under Wine in 60 s: $(tail -5 gui.log)"; fi
    kill $gui 2>/dev/null || true
    wineserver -k >/dev/null 2>&1 || true
    kill $xvfb 2>/dev/null || true
  fi

  # Silent install, per user, then uninstall.
  run o e "${setup##*/}" /S
  inst=$(find "$WINEPREFIX/drive_c/users" -type d -path '*/AppData/Local/Programs/Relance' | head -1)
  menu=$(find "$WINEPREFIX/drive_c/users" -type d -path '*/Start Menu/Programs' | head -1)
  if [ $rc -eq 0 ] && [ -n "$inst" ] && [ -f "$inst/relance.exe" ] && [ -f "$inst/relance-cli.exe" ] &&
    [ -f "$inst/THIRD_PARTY_NOTICES.txt" ] && [ -f "$inst/LICENSE.txt" ] && [ -f "$inst/uninstall.exe" ]; then
    ok "installer /S: program, licence, notices and uninstaller in %LOCALAPPDATA%\\Programs\\Relance"
  else bad "installer /S rc $rc: $(ls "$inst" 2>&1)"; fi
  n=$(find "$menu" -maxdepth 1 -name 'Relance*.lnk' | wc -l)
  if [ "$n" -eq 2 ]; then ok "Start menu: $(cd "$menu" && ls Relance*.lnk | tr '\n' ';')"; else bad "Start menu has $n Relance shortcut(s)"; fi
  reg() { wine reg query "$1" /ve 2>/dev/null | tr -d '\r' | sed -n 's/.*REG_SZ *//p'; }
  assoc=$(reg 'HKCU\Software\Classes\.relance')
  cmdline=$(reg 'HKCU\Software\Classes\Relance.Dossier\shell\open\command')
  if [ "$assoc" = Relance.Dossier ] && [[ $cmdline == *'\relance.exe" "%1"' ]]; then ok "*.relance opens with $cmdline"; else bad "association: «$assoc» «$cmdline»"; fi
  shown=$(wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Relance' /v DisplayVersion 2>/dev/null | tr -d '\r' | sed -n 's/.*REG_SZ *//p')
  if [ "$shown" = "$version" ]; then ok "Settings › Apps lists Relance $shown"; else bad "uninstall entry: «$shown»"; fi
  if [ -n "$inst" ]; then
    wuser=${inst#"$WINEPREFIX/drive_c/users/"}
    winst='C:\users\'"${wuser%%/*}"'\AppData\Local\Programs\Relance'
    run o e "$inst/uninstall.exe" /S "_?=$winst" # _?= : runs in place and waits
    left=$(cd "$inst" 2>/dev/null && ls | grep -v '^uninstall.exe$' || true)
    n=$(find "$menu" -maxdepth 1 -name 'Relance*.lnk' | wc -l)
    if [ $rc -eq 0 ] && [ -z "$left" ] && [ "$n" -eq 0 ] && [ -z "$(reg 'HKCU\Software\Classes\.relance')" ] &&
      ! wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Relance' >/dev/null 2>&1; then
      ok "uninstaller /S: files, shortcuts, association and Apps entry removed"
    else bad "uninstall rc $rc: left «$left», $n shortcut(s)"; fi
  fi
fi

if [ $fails -gt 0 ]; then
  echo "check-windows: $fails failure(s)"
  exit 1
fi
echo "check-windows: ok"
