#!/usr/bin/env bash
# Benchmark harness: builds the release binary, starts it on a fresh database, loads it with wrk
# and prints a table. Usage:
#   bench/run.sh                 # SQLite (embedded default)
#   BENCH_PG=postgres://postgres:postgres@127.0.0.1:5432 bench/run.sh   # a fresh PostgreSQL database
# Knobs: DURATION (default 10s), CONNECTIONS (default 32), NO_BUILD=1 to skip cargo build,
# QUICK=1 for the authenticated read and /health/ping only (side by side, with memory),
# DB_POOL_SIZE and DB_MAX_OVERFLOW passed to the service.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ "${NO_BUILD:-0}" = 1 ] || cargo build --release --quiet
BIN=target/release/solarintel

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
if [ -n "${BENCH_PG:-}" ]; then
  PGDB="solarintel_bench_$$"
  psql "$BENCH_PG/postgres" -qc "CREATE DATABASE $PGDB" >/dev/null
  DB_URL="$BENCH_PG/$PGDB"
else
  DB_URL="sqlite://$WORK/bench.db"
fi
mkdir -p bench/results

# A realistic configuration: bcrypt cost 12 as in production; the general rate limits are off so
# the load generator measures the service, not the limiter.
SVC=(env -i PATH="$PATH" HOME="$HOME" DATABASE_URL="$DB_URL" PORT="$PORT" SECRET_KEY=bench-secret
  RATE_LIMIT_PER_MINUTE=0 LOGIN_RATE_LIMIT_PER_MINUTE=0 JOBS_ENABLED=false
  ${DB_POOL_SIZE:+DB_POOL_SIZE=$DB_POOL_SIZE} ${DB_MAX_OVERFLOW:+DB_MAX_OVERFLOW=$DB_MAX_OVERFLOW} "$BIN")
# env execs the binary, so $! is the service's own pid (for its memory figures).
"${SVC[@]}" serve >"$WORK/serve.log" 2>&1 &
PID=$!
cleanup() {
  kill $PID 2>/dev/null || true
  wait $PID 2>/dev/null || true
  [ -z "${PGDB:-}" ] || psql "$BENCH_PG/postgres" -qc "DROP DATABASE IF EXISTS $PGDB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf "$BASE/health" >/dev/null 2>&1 && break; sleep 0.1; done
curl -sf "$BASE/health" >/dev/null || { cat "$WORK/serve.log"; exit 1; }

rss_kb() { awk '/^VmRSS/ {print $2}' /proc/$PID/status; }
hwm_kb() { awk '/^VmHWM/ {print $2}' /proc/$PID/status; }
IDLE_RSS=$(rss_kb)

curl -sf -X POST "$BASE/api/v1/auth/register" -H 'content-type: application/json' -d '{
  "first_name":"Bench","last_name":"User","email":"bench@example.com","password":"bench-password-1",
  "job_title":"x","company_name":"x","country":"x","company_size":"x","terms_agreement":true}' >/dev/null || true
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/login" -d 'username=bench%40example.com&password=bench-password-1' |
  python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])')

# wrk output -> "req/s p50 p99" (latencies in ms)
summarise() {
  awk '
    function ms(v) { if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
                     if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
                     if (v ~ /s$/)  { sub(/s$/, "", v);  return v * 1000 } return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}
# Each scenario gets a short unrecorded warm-up (pool connections opened, caches filled).
run_wrk() {
  wrk -t2 -c"$1" -d2s --timeout 10s "${@:2}" >/dev/null
  wrk -t2 -c"$1" -d"$DURATION" --timeout 10s --latency "${@:2}" | summarise
}

ROWS=()
row() { ROWS+=("| $1 | $2 | $3 | $4 |"); }

read -r a b c <<<"$(run_wrk "$CONNECTIONS" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/auth/me")"
row "GET /api/v1/auth/me ($CONNECTIONS conns)" "$a" "$b ms" "$c ms"
ME=$a
if [ "${QUICK:-0}" = 1 ]; then
  # QUICK=1: the authenticated read against /health/ping, side by side, and nothing else.
  read -r a b c <<<"$(run_wrk "$CONNECTIONS" "$BASE/api/v1/health/ping")"
  row "GET /api/v1/health/ping ($CONNECTIONS conns)" "$a" "$b ms" "$c ms"
  PING=$a
  READ_RSS=$(rss_kb)
else
# The heavy user: 1,000 conversations with 100 messages each (100,000 messages).
USER_ID=$(curl -sf "$BASE/api/v1/auth/me" -H "Authorization: Bearer $TOKEN" | python3 -c 'import sys, json; print(json.load(sys.stdin)["id"])')
python3 bench/seed_conversations.py "$DB_URL" "$USER_ID" 1000 100
read -r a b c <<<"$(run_wrk "$CONNECTIONS" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/conversations")"
row "GET /api/v1/conversations (1,000 conversations, 100,000 messages; page of 50)" "$a" "$b ms" "$c ms"
read -r a b c <<<"$(run_wrk "$CONNECTIONS" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/conversations?limit=-1")"
row "GET /api/v1/conversations?limit=-1 (the maximum page of 100)" "$a" "$b ms" "$c ms"
read -r a b c <<<"$(run_wrk "$CONNECTIONS" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/conversations/500/messages")"
row "GET /api/v1/conversations/{id}/messages (latest 50 of 100)" "$a" "$b ms" "$c ms"
read -r a b c <<<"$(run_wrk "$CONNECTIONS" "$BASE/api/v1/health/ping")"
row "GET /api/v1/health/ping ($CONNECTIONS conns)" "$a" "$b ms" "$c ms"
PING=$a
READ_RSS=$(rss_kb)
read -r a b c <<<"$(run_wrk 8 -s bench/login.lua "$BASE/api/v1/auth/login")"
row "POST /api/v1/auth/login (bcrypt cost 12, 8 conns)" "$a" "$b ms" "$c ms"

# A paced ping probe (4 connections, 5 ms apart: a few hundred requests/s) alone, then the same
# probe while 16 connections log in as fast as they can (bcrypt cost 12 on every core).
probe() { wrk -t1 -c4 -d"$DURATION" --latency -s bench/paced.lua "$BASE/api/v1/health/ping" | summarise; }
read -r i1 i2 IDLE_P99 <<<"$(probe)"
row "GET /health/ping, paced probe, idle" "$i1" "$i2 ms" "$IDLE_P99 ms"
wrk -t1 -c16 -d"$DURATION" -s bench/login.lua "$BASE/api/v1/auth/login" >"$WORK/storm.txt" &
STORM=$!
sleep 1
read -r s1 s2 STORM_P99 <<<"$(probe)"
wait $STORM
LOGINS=$(summarise <"$WORK/storm.txt" | awk '{print $1}')
row "GET /health/ping, paced probe, during a login storm ($LOGINS logins/s)" "$s1" "$s2 ms" "$STORM_P99 ms"

# The admin console on a platform-sized database: 10,000 more users with 2 conversations of 50
# messages each (1,000,000 messages over 60 days).
"${SVC[@]}" create-admin --username admin@example.com --password admin-password-1 >/dev/null
python3 bench/seed_platform.py "$DB_URL" 10000 2 50
ADMIN=$(curl -sf -X POST "$BASE/api/v1/auth/login" -d 'username=admin%40example.com&password=admin-password-1' |
  python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])')
read -r a b c <<<"$(run_wrk 2 -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/admin/statistics/system")"
row "GET /api/v1/admin/statistics/system (10,000 users, 1,000,000 messages; 2 conns)" "$a" "$b ms" "$c ms"
read -r a b c <<<"$(run_wrk 2 -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/admin/statistics/activity?days=30")"
row "GET /api/v1/admin/statistics/activity?days=30 (same data; 2 conns)" "$a" "$b ms" "$c ms"
read -r a b c <<<"$(run_wrk 2 -H "Authorization: Bearer $ADMIN" "$BASE/api/v1/admin/statistics/activity?days=1")"
row "GET /api/v1/admin/statistics/activity?days=1 (same data; 2 conns)" "$a" "$b ms" "$c ms"
fi

{
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); database: ${DB_URL%%:*}; wrk -t2, $DURATION per row after a 2 s warm-up; server and load generator share the machine"
  echo
  echo "| scenario | requests/s | p50 | p99 |"
  echo "|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "auth/me at $(awk -v a="$ME" -v b="$PING" 'BEGIN { printf "%.0f", 100 * a / b }') % of /health/ping in this run."
  [ "${QUICK:-0}" = 1 ] || echo "Ping p99 during the login storm: $STORM_P99 ms against $IDLE_P99 ms idle ($(awk -v a="$STORM_P99" -v b="$IDLE_P99" 'BEGIN { printf "%.2f", a / b }')x)."
  echo "Memory (RSS): idle $((IDLE_RSS / 1024)) MiB, after the reads $((READ_RSS / 1024)) MiB, peak $(($(hwm_kb) / 1024)) MiB."
} | tee bench/results/latest.md
