#!/usr/bin/env bash
# Starts the packaged service (the PostgreSQL build) with a lists directory, waits until it is ready, runs BatchBench
# one job after another, and stops it: the first job after a start and the following ones, with the service's heap.
#
#   bench/batch-jobs.sh --app DIR --db-url JDBC_URL [--lists DIR] [--rows 100000] [--jobs 2] [--port 18540]
#                       [--log FILE] [-- JVM options...]
#
# --app     the quarkus-app directory of a build packaged with -Ppostgresql (target/quarkus-app)
# --db-url  its database (ASSESSOR_DB_USER / ASSESSOR_DB_PASSWORD as usual); the first start imports the lists
# --lists   a directory in the layout of assessor.lists.dir (bench/restart.sh makes one from the snapshots)
# --rows    rows per job; --jobs jobs one after another (each a BatchBench run)
# A user "bench" with the analyst role is configured for the run (its password is "bench").
# After ready, it waits for the log line "Batch warm-up: " when the build has one (at most 120 s), so that the first
# job is measured against a warmed service; the time that took is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
app=; dburl=; lists=/tmp/restart-lists; rows=100000; jobs=2; port=18540; log=/tmp/batch-jobs.log; jvm=()
while [ $# -gt 0 ]; do
  case "$1" in
    --app) app=$2; shift ;;
    --db-url) dburl=$2; shift ;;
    --lists) lists=$2; shift ;;
    --rows) rows=$2; shift ;;
    --jobs) jobs=$2; shift ;;
    --port) port=$2; shift ;;
    --log) log=$2; shift ;;
    --) shift; jvm=("$@"); break ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
  shift
done
[ -f "$app/quarkus-run.jar" ] && [ -n "$dburl" ] || { echo "need --app DIR (with quarkus-run.jar) and --db-url" >&2; exit 2; }
# HEX(SHA-512("bench:assessor:bench")), the form quarkus.security.users.embedded.users takes (docs/security.md).
hash=$(printf 'bench:assessor:bench' | sha512sum | cut -d' ' -f1)
now_ms() { date +%s%3N; }
t0=$(now_ms)
ASSESSOR_DB_URL=$dburl java "${jvm[@]}" -Dquarkus.http.port="$port" -Dassessor.lists.dir="$lists" \
  -Dassessor.lists.download.enabled=false \
  -Dquarkus.security.users.embedded.users.bench="$hash" -Dquarkus.security.users.embedded.roles.bench=analyst \
  -jar "$app/quarkus-run.jar" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" = 200 ]; do
  kill -0 $pid 2>/dev/null || { echo "the service exited; log: $log" >&2; tail -20 "$log" >&2; exit 1; }
  sleep 0.1
done
ready=$(now_ms)
echo "ready in $(( (ready - t0) / 1000 )).$(( (ready - t0) % 1000 / 100 )) s; load: $(uptime | sed 's/.*load average: //')"
if unzip -l "$app/app/"*.jar 2>/dev/null | grep -q 'batch/BatchWarmUp.class'; then
  while ! grep -q 'Batch warm-up: ' "$log" && [ $(( $(now_ms) - ready )) -lt 120000 ]; do sleep 0.2; done
  echo "  $(grep -o 'Batch warm-up: .*' "$log" || echo 'no warm-up line after 120 s'), $(( ($(now_ms) - ready) / 100 ))e-1 s after ready"
fi
for j in $(seq 1 "$jobs"); do
  cpu0=$(awk '{ print $14 + $15 }' /proc/$pid/stat)
  echo "job $j (load: $(uptime | sed 's/.*load average: //'))"
  java bench/BatchBench.java --url "http://127.0.0.1:$port" --rows "$rows" --pid $pid --user bench:bench | sed 's/^/  /'
  cpu1=$(awk '{ print $14 + $15 }' /proc/$pid/stat)
  awk -v c=$(( cpu1 - cpu0 )) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "  service CPU during the job: %.1f s\n", c / hz }'
done
