#!/usr/bin/env bash
# Measures `run`'s start and memory as BENCHMARKS.md describes: runs JAR on a copy of DB (or an
# empty database when DB is ""), with email configured against a closed port, polls GET /health
# until it answers HTTP 200 with "status":"UP" (a 503 while starting, or DOWN, is not ready), reads
# the process's CPU time (all threads) then, waits 10 s and reads VmRSS.
# Usage: scripts/start-rss.sh JAR DB [java options...]
# Prints: ready (wall ms), CPU ms at ready, CPU ms 10 s later, RSS MB, the load average around it.
# With START_RSS_LATER=N (seconds, more than 10) also the RSS N s after ready and the peak (VmHWM)
# by then: the first housekeeping run at 100,000 listings may still be running at 10 s.
# With START_RSS_THREADS=FILE the CPU time of each thread at ready is written there (by name, summed).
# With START_RSS_LOG=FILE the run's log is copied there (its timestamps show where the start went);
# START_RSS_LOGBACK=FILE logs with that logback configuration instead of config/logback.xml.
# With START_RSS_GC=1 the collector's pauses until ready are summed from the JVM's GC log
# (gc_before_ready_ms, and how many young and full collections).
set -euo pipefail
jar=$1
src=$2
shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/bench.db"
if [ -n "$src" ]; then cp "$src" "$db"; fi
# The match index's snapshot beside the database (written by a graceful stop), when there is one.
if [ -n "$src" ] && [ -f "$src.match-index" ]; then cp "$src.match-index" "$db.match-index"; fi
port=$((20000 + $$ % 10000))
export AIDBRIDGE_DB="$db" AIDBRIDGE_BASE_DIR="$work" AIDBRIDGE_HTTP_PORT=$port \
  AIDBRIDGE_IMAP_URL=imap://127.0.0.1:1 AIDBRIDGE_SMTP_URL=smtp://127.0.0.1:1 \
  AIDBRIDGE_EMAIL_ADDRESS=aid@localhost AIDBRIDGE_EMAIL_PASSWORD=unused
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
export AIDBRIDGE_CONFIG="$root/config/application.properties"
cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat"; }
load_before=$(cut -d' ' -f1 /proc/loadavg)
start=$(date +%s%N)
gc_log=()
if [ -n "${START_RSS_GC:-}" ]; then gc_log=("-Xlog:gc:file=$work/gc.log:uptime"); fi
java "${gc_log[@]}" "$@" -Dlogback.configurationFile="${START_RSS_LOGBACK:-$root/config/logback.xml}" -jar "$jar" run \
  > "$work/run.log" 2>&1 &
pid=$!
up() { # HTTP 200 (-f fails on 4xx and 5xx) and the body says UP
  local body
  body="$(curl -sf -m 1 "http://127.0.0.1:$port/health" 2>/dev/null)" || return 1
  [[ $body =~ \"status\"\ *:\ *\"UP\" ]]
}
until up; do
  kill -0 $pid 2>/dev/null || { tail "$work/run.log"; exit 1; }
  sleep 0.05
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
cpu_ready=$(cpu_ms $pid)
if [ -n "${START_RSS_THREADS:-}" ]; then
  for task in /proc/$pid/task/*; do
    # comm is the thread's name (15 characters); utime and stime follow the parenthesised name.
    echo "$(sed 's/[0-9]*$//' "$task/comm")|$(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}')"
  done | awk -F'|' -v t="$(getconf CLK_TCK)" '{ms[$1] += $2 * 1000 / t}
    END {for (n in ms) printf "%6d ms  %s\n", ms[n], n}' | sort -rn > "$START_RSS_THREADS"
fi
sleep 10
rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
cpu_later=$(cpu_ms $pid)
later=""
if [ -n "${START_RSS_LATER:-}" ]; then
  sleep $((START_RSS_LATER - 10))
  later="rss_${START_RSS_LATER}s_mb=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")"
  later="$later peak_mb=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")"
fi
kill $pid
wait $pid || true
if [ -n "${START_RSS_LOG:-}" ]; then cp "$work/run.log" "$START_RSS_LOG"; fi
# When the match index was complete, from its log line's time (before 2026-12-02 /health said UP
# without it; since then not before it).
index_at=$(sed -n 's/^\([0-9T:.-]*\)Z .*match index: .* read in .*/\1/p' "$work/run.log" | head -1)
index=""
if [ -n "$index_at" ]; then
  index="index_ms=$(( ($(date -u -d "${index_at/T/ }" +%s%N) - start) / 1000000 ))"
fi
gc=""
if [ -n "${START_RSS_GC:-}" ]; then
  # Lines such as "[1.234s] GC(7) Pause Young (Allocation Failure) 14M->11M(18M) 12.152ms".
  gc="$(awk -v r="$ready" '/Pause/ { t = substr($1, 2) * 1000; if (t < r) { ms = $NF; sub("ms", "", ms);
    s += ms; if ($0 ~ /Full/) f++; else y++ } } END { printf "gc_before_ready_ms=%d young=%d full=%d", s, y, f }' \
    "$work/gc.log")"
fi
echo "ready_ms=$ready $index $gc cpu_at_ready_ms=$cpu_ready cpu_10s_later_ms=$cpu_later rss_mb=$rss $later" \
  "load=$load_before..$(cut -d' ' -f1 /proc/loadavg) opts=[$*]"
