#!/usr/bin/env bash
# Times a start of the packaged service with the lists directory in force, from the moment the JVM is launched
# until the service is ready, and says where the time went (from the service's own log lines).
#
#   bench/restart.sh [--fresh] [--runs N] [--data ../shared/data] [--lists DIR] [--db DIR] [--port 18480]
#                    [--jar target/quarkus-app/quarkus-run.jar] [--log FILE] [--keep] [-- JVM options...]
#
# --fresh   empties the database directory first: a first start, which imports every list. Without it the database
#           of the previous run is used again with the same files: a restart. Run once with --fresh, then without.
# --lists   a directory in the layout of assessor.lists.dir. Default: made under /tmp from --data with symlinks
#           (OFAC-SDN/sdn.csv, alt.csv, add.csv; US-CSL/ the CSL .csv.gz; UN/ the UN XML; no OPENSANCTIONS).
# --runs    starts one after another (each after the previous one stopped); each prints its own line, then the
#           medians of the READY and CPU times.
# --threads also prints the CPU time of the JVM's threads at that moment, grouped by name (main, the JIT compilers,
#           GC, the ruleset compile, ...), from /proc.
# --keep    leaves the service running after the last run (its pid is printed) instead of stopping it.
# Anything after -- goes to the JVM, e.g. -- -XX:StartFlightRecording=filename=/tmp/start.jfr,settings=profile
#
# "Ready" is GET /q/health/ready answering 200 while the log holds the line "Screening index: N entries ...". The
# readiness checks are DOWN until the ruleset is loaded and the index holds a list (health/*Readiness); waiting for
# the log line as well keeps the measure the same on builds from before those checks, where the 200 only said that
# the HTTP port was open. Each time is also printed alone. The service runs with downloads off
# (assessor.lists.download.enabled=false), so the lists in force are those of the directory, and on an H2 file
# database of the run's own (--db), never ./data.
set -euo pipefail
cd "$(dirname "$0")/.."

fresh=0; runs=1; keep=0; threads=0; port=18480
data=../shared/data; lists=; db=/tmp/restart-db; jar=target/quarkus-app/quarkus-run.jar; log=/tmp/restart-bench.log
jvm=()
while [ $# -gt 0 ]; do
  case "$1" in
    --fresh) fresh=1 ;;
    --keep) keep=1 ;;
    --threads) threads=1 ;;
    --runs) runs=$2; shift ;;
    --data) data=$2; shift ;;
    --lists) lists=$2; shift ;;
    --db) db=$2; shift ;;
    --port) port=$2; shift ;;
    --jar) jar=$2; shift ;;
    --log) log=$2; shift ;;
    --) shift; jvm=("$@"); break ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
  shift
done
[ -f "$jar" ] || { echo "no $jar: build it first (mvn -B -o -DskipTests package)" >&2; exit 2; }

if [ -z "$lists" ]; then
  lists=/tmp/restart-lists
  data=$(cd "$data" && pwd)
  mkdir -p "$lists/OFAC-SDN" "$lists/US-CSL" "$lists/UN"
  ln -sf "$data/ofac/sdn_2024-05-03.csv" "$lists/OFAC-SDN/sdn.csv"
  ln -sf "$data/ofac/alt_2025-12_watchman.csv" "$lists/OFAC-SDN/alt.csv"
  ln -sf "$data/ofac/add_2025-12_watchman.csv" "$lists/OFAC-SDN/add.csv"
  ln -sf "$data/csl/csl_us_consolidated_2025.csv.gz" "$lists/US-CSL/csl_us_consolidated_2025.csv.gz"
  ln -sf "$data/un/UN_consolidated.xml" "$lists/UN/UN_consolidated.xml"
fi

now_ms() { date +%s%3N; }
# Milliseconds since the epoch of a log line's leading "yyyy-MM-dd HH:mm:ss,SSS" (Quarkus' console format).
line_ms() {
  local ts
  ts=$(grep -m1 -E -- "$1" "$log" | cut -c1-23) || true
  [ -n "$ts" ] || { echo ""; return; }
  echo $(( $(date -d "${ts%,*}" +%s) * 1000 + 10#${ts#*,} ))
}
secs() { [ -n "$1" ] && awk -v ms="$(( $1 - t0 ))" 'BEGIN { printf "%.1f s", ms / 1000 }' || echo "-"; }

readies=(); cpus=()
pid=
stop() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  pid=
}
trap stop EXIT

for run in $(seq 1 "$runs"); do
  if [ "$fresh" = 1 ] && [ "$run" = 1 ]; then
    rm -rf "$db"
    kind="first start"
  else
    kind="restart"
  fi
  mkdir -p "$db"
  load=$(uptime | sed 's/.*load average: //')
  : >"$log"  # an old log must not be read as this run's
  t0=$(now_ms)
  java "${jvm[@]}" -Dquarkus.http.port="$port" -Dassessor.lists.dir="$lists" -Dassessor.lists.download.enabled=false \
    "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:$db/assessor;DB_CLOSE_ON_EXIT=FALSE" \
    -jar "$jar" >"$log" 2>&1 &
  pid=$!
  ready=; indexed=; http=
  while :; do
    kill -0 "$pid" 2>/dev/null || { echo "the service exited; its log: $log" >&2; tail -20 "$log" >&2; exit 1; }
    [ -n "$indexed" ] || ! grep -q 'Screening index: ' "$log" || indexed=$(now_ms)
    if [ -z "$http" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" = 200 ]; then
      http=$(now_ms)
    fi
    if [ -n "$indexed" ] && [ -n "$http" ]; then
      ready=$(( indexed > http ? indexed : http ))
      break
    fi
    if [ $(( $(now_ms) - t0 )) -gt 600000 ]; then
      echo "not ready after 600 s; log: $log" >&2; exit 1
    fi
    sleep 0.05
  done
  # CPU time the JVM used until then (all its threads, user + system): on a machine shared with other work the
  # wall time varies with their load, this much less.
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f s", ($14 + $15) / hz }' "/proc/$pid/stat")
  readies+=("$(( ready - t0 ))"); cpus+=("$cpu")
  echo "$kind: READY in $(secs "$ready") (index logged at $(secs "$indexed"), /q/health/ready 200 at $(secs "$http"))," \
       "CPU $cpu; load before: $load"
  if [ "$threads" = 1 ]; then
    hz=$(getconf CLK_TCK)
    for t in /proc/"$pid"/task/*; do
      # comm may hold spaces ("C2 CompilerThre"): the fields after it are counted from the closing parenthesis.
      stat=$(cat "$t/stat" 2>/dev/null) || continue
      name=$(cat "$t/comm" 2>/dev/null | sed -E 's/[#-]?[0-9]+$//; s/ +$//')
      rest=${stat##*) }
      echo "$name|$(echo "$rest" | awk '{ print $12 + $13 }')"
    done | awk -F'|' -v hz="$hz" '{ cpu[$1] += $2 } END { for (n in cpu) if (cpu[n] > 0) printf "%8.2f s  %s\n", cpu[n] / hz, n }' \
      | sort -rn | head -15 | sed 's/^/  cpu /'
  fi
  # Where the time went, from the log's own timestamps (relative to the launch; the log has millisecond stamps).
  first=$(head -c 23 "$log" | grep -E '^[0-9]{4}-' >/dev/null && line_ms '^[0-9]{4}-' || echo "")
  echo "  first log line $(secs "$first"); Flyway done $(secs "$(line_ms 'Successfully (applied|validated)|is up to date')");" \
       "rules loaded $(secs "$(line_ms 'Loaded [0-9]+ rules')"); Quarkus 'started' $(secs "$(line_ms 'started in')")"
  grep -E 'Start-up event|List [A-Z-]+ from|Screening index: |Loaded [0-9]+ (rules|six-digit)|started in' "$log" \
    | sed -E 's/^([0-9-]+ [0-9:,]+) +[A-Z]+ +\[[^]]*\] +\([^)]*\) /\1 /' | sed 's/^/  | /'
  if [ "$keep" = 1 ] && [ "$run" = "$runs" ]; then
    echo "service left running: pid $pid, port $port, log $log"
    trap - EXIT
  else
    stop
  fi
done
if [ "$runs" -gt 1 ]; then
  # Medians over the runs (the first run of --fresh, a first start, counts with the restarts).
  printf '%s\n' "${readies[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "median READY %.1f s of %d runs (min %.1f, max %.1f)", a[int((NR + 1) / 2)] / 1000, NR, a[1] / 1000, a[NR] / 1000 }'
  printf '%s\n' "${cpus[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf ", median CPU %.1f s\n", a[int((NR + 1) / 2)] }'
fi
