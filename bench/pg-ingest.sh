#!/usr/bin/env bash
# Issue #22 benchmark: W ingest workers (`netan ingest --shard i/W`) writing one PostgreSQL case at once, for each W given.
#
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=ana PGDATABASE=cases POSTMASTER_PID=$(head -1 $PGDATA/postmaster.pid) \
#     bench/pg-ingest.sh corpus/ads.jsonl 1 2 4
#
# Each W writes into a fresh schema bench_wW (dropped first). Printed per W: wall time, ads/s, the workers' CPU (user+sys,
# all processes) per ad, the server's CPU per ad (the postmaster and its children, from /proc: the server must be on this
# machine for that column), the workers' time spent waiting on the server's part of each batch (write_ms), and the machine's
# 1-minute load average, its mean over the run (sampled every 10 s) and its maximum (on a shared machine the CPU-per-ad
# columns are the robust figures).
# NETAN (default ./netan) is the netan to run.
set -euo pipefail
corpus=$1; shift
netan=${NETAN:-./netan}
: "${PGHOST:?}" "${PGPORT:?}" "${PGUSER:?}" "${PGDATABASE:?}"
hz=$(getconf CLK_TCK)
export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"
server_ticks() {
  [ -n "${POSTMASTER_PID:-}" ] || { echo 0; return; }
  local total=0 p f
  for p in "$POSTMASTER_PID" $(pgrep -P "$POSTMASTER_PID"); do
    [ -r /proc/$p/stat ] || continue
    # Fields after the command name: utime, stime, cutime, cstime are the 12th-15th.
    f=($(sed 's/^.*) //' /proc/$p/stat))
    total=$((total + f[11] + f[12] + f[13] + f[14]))
  done
  echo $total
}
ads=$(wc -l < "$corpus")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-8s %8s %9s %14s %14s %12s %s\n' workers wall_s ads_per_s worker_cpu_ms_ad server_cpu_ms_ad write_s_sum load_mean_max
for w in "$@"; do
  psql -q -c "DROP SCHEMA IF EXISTS bench_w$w CASCADE;" >/dev/null
  locator="postgresql://$PGUSER@$PGHOST:$PGPORT/$PGDATABASE?schema=bench_w$w"
  : > "$tmp/load"
  (while true; do cut -d' ' -f1 /proc/loadavg >> "$tmp/load"; sleep 10; done) &
  sampler=$!
  before=$(server_ticks)
  start=$(date +%s.%N)
  pids=()
  for ((i = 0; i < w; i++)); do
    /usr/bin/time -f '%U %S' -o "$tmp/cpu$i" "$netan" -c "$locator" -q --json ingest "$corpus" --shard "$i/$w" > "$tmp/out$i" &
    pids+=($!)
  done
  wait "${pids[@]}"
  end=$(date +%s.%N)
  after=$(server_ticks)
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  load=$(awk '{ s += $1; if ($1 > m) m = $1 } END { printf "%.1f/%.1f", s / NR, m }' "$tmp/load")
  python3 - "$tmp" "$w" "$start" "$end" "$before" "$after" "$hz" "$ads" "$load" <<'PY'
import json, sys
tmp, w, start, end, before, after, hz, lines = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:9])
load = sys.argv[9]
cpu = added = write = 0.0
for i in range(w):
    u, s = open(f"{tmp}/cpu{i}").read().split()[-2:]
    cpu += float(u) + float(s)
    for r in json.load(open(f"{tmp}/out{i}")):
        added += r["ads_added"]
        write += r.get("timings_ms", {}).get("write_ms", 0) / 1000
wall = end - start
server = (after - before) / hz
print(f"{w:<8} {wall:8.1f} {added / wall:9.0f} {cpu * 1000 / added:14.3f} {server * 1000 / added:14.3f} {write:12.1f} {load}   ({added:.0f} ads added)")
PY
done
