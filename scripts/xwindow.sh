# Sourced by smoke.sh, e2e.sh and window-shots.sh: wait for the real window.
# relance_window SECONDS [PID]: prints the Relance window's id once it is mapped, or
# nothing after SECONDS (or as soon as process PID, when given, has exited).
relance_window() {
  local wid="" i
  for i in $(seq 1 $(( $1 * 5 ))); do
    wid=$(xdotool search --name 'Relance' 2>/dev/null | head -1 || true)
    [ -n "$wid" ] && break
    if [ -n "${2:-}" ] && ! kill -0 "$2" 2>/dev/null; then break; fi
    sleep 0.2
  done
  echo "$wid"
}
