#!/usr/bin/env bash
# The admin analytics (decision L6) on a platform-sized database: builds the release binary,
# migrates a fresh database, writes 1,000,000 messages for ~2,000 users in ~100,000 conversations
# over a year (bench/seed_analytics.py: a few admins and deleted accounts among them, hires,
# surveys), starts the service, logs in an admin and times each endpoint with hyperfine (one
# request at a time, after a warm-up). Usage:
#   bench/analytics.sh                     # SQLite
#   BENCH_PG=postgres://postgres:postgres@127.0.0.1:5432 bench/analytics.sh   # SQLite, then a fresh PostgreSQL database
# Knobs: NO_BUILD=1 (use the release binary already built), RUNS (timed runs per endpoint,
# default 5), USERS, CONVS, MSGS, DAYS (the seed's sizes), ONLY_PG=1 (skip SQLite), KEEP=1 (keep
# the databases and print where they are), BIN (another binary, with NO_BUILD=1). The binary is
# $CARGO_TARGET_DIR/release/solarintel (target/release/solarintel when unset). Prints a Markdown table and writes it to
# bench/results/analytics.md.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-5}"
USERS="${USERS:-2000}"
CONVS="${CONVS:-100000}"
MSGS="${MSGS:-1000000}"
DAYS="${DAYS:-365}"
BIN="${BIN:-${CARGO_TARGET_DIR:-target}/release/solarintel}"
command -v hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
[ "${NO_BUILD:-0}" = 1 ] || cargo build --release --quiet
[ -x "$BIN" ] || { echo "no release binary at $BIN" >&2; exit 1; }

WORK=$(mktemp -d)
mkdir -p bench/results
PIDS=()
PGDB=""
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  if [ "${KEEP:-0}" = 1 ]; then
    echo "kept: $WORK${PGDB:+ and the PostgreSQL database $PGDB}" >&2
  else
    [ -z "$PGDB" ] || psql "$BENCH_PG/postgres" -qc "DROP DATABASE IF EXISTS $PGDB" >/dev/null 2>&1 || true
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

# What is timed: the dashboard's one call (the app's periods 7, 30, 90 days, and a year), the
# other reports, the query log (first page, a deep page, each filter over all time), the survey
# tab and the export (10,000 rows).
ENDPOINTS=(
  "full-report?days=7"
  "full-report?days=30"
  "full-report?days=90"
  "full-report?days=365"
  "overview"
  "usage-over-time?days=30"
  "agent-usage?days=30"
  "user-engagement?days=30"
  "hourly-distribution?days=30"
  "recent-queries?limit=20"
  "recent-queries?limit=20&offset=10000"
  "recent-queries?limit=20&agent=news"
  "recent-queries?limit=20&search=germany"
  "recent-queries?limit=20&days=30&agent=news&search=germany"
  "surveys"
  "export-queries-csv?days=30"
  "export-queries-csv?days=365&agent=news"
)

declare -A RESULT
# run_backend NAME DATABASE_URL: seed, serve, time every endpoint into RESULT[NAME,endpoint].
run_backend() {
  local name=$1 url=$2
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local svc=(env -i PATH="$PATH" HOME="$HOME" DATABASE_URL="$url" PORT="$port" SECRET_KEY=bench-secret
    RATE_LIMIT_PER_MINUTE=0 LOGIN_RATE_LIMIT_PER_MINUTE=0 JOBS_ENABLED=false SAMPLE_DATA=false "$BIN")
  "${svc[@]}" migrate >/dev/null
  local t0=$SECONDS
  python3 bench/seed_analytics.py "$url" "$USERS" "$CONVS" "$MSGS" "$DAYS"
  echo "$name: seeded in $((SECONDS - t0)) s" >&2
  "${svc[@]}" create-admin --username analytics-admin@example.com --password admin-password-1 >/dev/null
  "${svc[@]}" serve >"$WORK/serve-$name.log" 2>&1 &
  PIDS+=($!)
  local base="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do curl -sf "$base/health" >/dev/null 2>&1 && break; sleep 0.2; done
  local token
  token=$(curl -sf -X POST "$base/api/v1/auth/login" -d 'username=analytics-admin%40example.com&password=admin-password-1' |
    python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])')
  for e in "${ENDPOINTS[@]}"; do
    local u="$base/api/v1/admin/analytics/$e"
    # each answers 200 before it is timed
    curl -sf -o "$WORK/body" -H "Authorization: Bearer $token" "$u" || { echo "$name $e failed" >&2; tail -5 "$WORK/serve-$name.log" >&2; exit 1; }
    local size
    size=$(wc -c <"$WORK/body")
    hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/h.json" \
      "curl -sf -o /dev/null -H 'Authorization: Bearer $token' '$u'" >/dev/null
    RESULT[$name,$e]=$(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
ms = lambda s: f"{s * 1000:,.0f} ms" if s >= 0.1 else f"{s * 1000:.1f} ms"
med, lo, hi = ms(r["median"]), ms(r["min"]), ms(r["max"])
print(f"{med} ({lo}–{hi}), {int(sys.argv[2]) / 1024:,.1f} KiB")
' "$WORK/h.json" "$size")
  done
}

BACKENDS=()
if [ "${ONLY_PG:-0}" != 1 ]; then
  run_backend sqlite "sqlite://$WORK/analytics.db"
  BACKENDS+=(sqlite)
fi
if [ -n "${BENCH_PG:-}" ]; then
  PGDB="solarintel_analytics_$$"
  psql "$BENCH_PG/postgres" -qc "CREATE DATABASE $PGDB" >/dev/null
  run_backend postgres "$BENCH_PG/$PGDB"
  BACKENDS+=(postgres)
fi

{
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $USERS users, $CONVS conversations, $MSGS messages over $DAYS days; hyperfine, $RUNS runs after 1 warm-up, one request at a time; median (min–max) and body size"
  echo
  header="| \`GET /api/v1/admin/analytics/...\` |"
  rule="|---|"
  for b in "${BACKENDS[@]}"; do header+=" $b |"; rule+="---|"; done
  echo "$header"
  echo "$rule"
  for e in "${ENDPOINTS[@]}"; do
    row="| \`$e\` |"
    for b in "${BACKENDS[@]}"; do row+=" ${RESULT[$b,$e]} |"; done
    echo "$row"
  done
} | tee bench/results/analytics.md
