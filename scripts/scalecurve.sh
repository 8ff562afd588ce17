#!/usr/bin/env bash
# The scale curve of issue 26: the same generated B2B ledger at 100k, 1M and 3M invoices,
# imported by Relance and loaded into SQLite, then the reports of the open position, the
# KPIs, the risk classes and the agenda as whole processes (wall time, peak RSS).
#
#   scripts/scalecurve.sh [SIZES…]     (default: 100000 1000000 3000000)
#
# The ledger comes from the peers' generator (BENCH, default ../shared/bench: gen.py
# writes the CSV, csv2fec.py the FEC, sql/ the SQLite load and queries); nothing large is
# committed. Work files go to OUT (default /tmp/relance-scale; the CSV and FEC are kept
# and reused). BIN is the Relance binary (default bin/relance, built by `make build`).
# Customers are invoices / 100 (1,000 to 30,000), seed 1, as of 2025-06-30. Each report
# runs RUNS times (default 3) and the median wall time and the largest peak RSS are
# printed, as a Markdown table on stdout.
set -euo pipefail
BIN=$(realpath "${BIN:-bin/relance}")
BENCH=$(realpath "${BENCH:-../shared/bench}")
OUT=${OUT:-/tmp/relance-scale}
RUNS=${RUNS:-3}
AT=2025-06-30
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100000 1000000 3000000)
command -v sqlite3 >/dev/null || { echo "scalecurve: sqlite3 is needed (apt-get install sqlite3)" >&2; exit 1; }
mkdir -p "$OUT"
TF="$OUT/time.txt"

# timed CMD…: runs CMD, its output discarded, and prints "wall-seconds peak-KB".
timed() {
	/usr/bin/time -o "$TF" -f "%e %M" "$@" >/dev/null 2>&1 || { echo "scalecurve: $* failed" >&2; exit 1; }
	tail -1 "$TF"
}

# measure CMD…: prints "median-wall-seconds peak-KB" over RUNS runs.
measure() {
	local t walls=() peak=0
	for _ in $(seq "$RUNS"); do
		t=$(timed "$@")
		walls+=("${t% *}")
		if [ "${t#* }" -gt "$peak" ]; then peak=${t#* }; fi
	done
	printf '%s %s\n' "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")" "$peak"
}

cell() { # "seconds KB" → "0.42 s, 118 MB"
	awk -v s="$1" -v k="$2" 'BEGIN { printf "%.2f s, %d MB", s, k / 1024 }'
}

echo "| invoices (customers) | items | import | aged | customers | kpi | risk | agenda | SQLite load | SQLite aged | SQLite aged+DSO+risk |"
echo "|---|---:|---|---|---|---|---|---|---|---|---|"
for n in "${SIZES[@]}"; do
	c=$((n / 100))
	csv="$OUT/csv-$n" fec="$OUT/fec-$n.txt" db="$OUT/relance-$n.relance" lite="$OUT/sqlite-$n.db"
	if [ ! -s "$fec" ]; then
		python3 "$BENCH/gen.py" --customers "$c" --invoices "$n" --seed 1 --out "$csv" >&2
		python3 "$BENCH/csv2fec.py" "$csv" "$fec" >&2
	fi
	rm -rf "$db" "$db.backups"
	"$BIN" new --db "$db" --company "Scale $n" >/dev/null
	read -r s k < <(timed "$BIN" import --db "$db" "$fec")
	imp=$(cell "$s" "$k")
	items=$("$BIN" check --db "$db" 2>/dev/null | grep -o '[0-9]* écritures' | grep -o '[0-9]*' || echo "?")
	row=()
	for cmd in "aged --format csv" "customers --format json" kpi risk agenda; do
		# shellcheck disable=SC2086 # the command's words
		read -r s k < <(measure "$BIN" $cmd --db "$db" --at "$AT")
		row+=("$(cell "$s" "$k")")
	done
	rm -f "$lite"
	if [ -d "$csv" ]; then
		read -r s k < <(cd "$csv" && timed sqlite3 "$lite" ".read $BENCH/sql/sqlite_load.sql")
		sl=$(cell "$s" "$k")
		read -r s k < <(measure sqlite3 "$lite" ".read $BENCH/sql/aged_open.sql")
		sa=$(cell "$s" "$k")
		read -r s k < <(measure sqlite3 "$lite" ".read $BENCH/sql/aged_dso_risk.sql")
		sr=$(cell "$s" "$k")
	else
		sl="—" sa="—" sr="—"
	fi
	printf '| %s (%s) | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
		"$n" "$c" "$items" "$imp" "${row[0]}" "${row[1]}" "${row[2]}" "${row[3]}" "${row[4]}" "$sl" "$sa" "$sr"
done
