#!/usr/bin/env bash
# Checks strace logs of Relance runs (strace -f -e trace=connect,sendto,sendmsg) for
# network connections: any AF_INET/AF_INET6 connect or send to an address other than the
# loopback fails the check (the optional grammar helper binds to 127.0.0.1, which is
# allowed; X11 and D-Bus use AF_UNIX sockets). Usage: scripts/nonet.sh LOG...
set -euo pipefail
status=0
for log in "$@"; do
  [ -e "$log" ] || { echo "nonet: no trace $log: was the program traced?"; status=1; continue; }
  bad=$(grep -E 'sa_family=AF_INET6?' "$log" \
        | grep -vE 'inet_addr\("127\.[0-9.]+"\)|inet_pton\(AF_INET6, "::1"' || true)
  if [ -n "$bad" ]; then
    echo "nonet: network connection attempted (see $log):"
    echo "$bad" | head -5
    status=1
    continue
  fi
  n=$(grep -cE '(connect|sendto|sendmsg)\(' "$log" || true)
  echo "nonet: $(basename "$log"): $n socket calls, none to the network"
done
exit $status
