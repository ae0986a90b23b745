#!/usr/bin/env bash
# STREAMS concurrent chat streams from USERS users (STREAMS/USERS each) through a fake
# OpenAI-compatible provider pacing DELTAS deltas INTERVAL_MS apart, RAMP streams started a second
# (0: all at once), for each of RUNS: `sqlite:1` (one replica on SQLite), `postgres:1`, and
# `postgres:2` (two replicas on one PostgreSQL and Redis; the load generator sends user i to
# replica i mod 2, as a sticky balancer would). Load generator and fake provider:
# examples/streamload.rs (Rust; a Python asyncio client cannot hold 10,000 streams on 2 cores).
# Prints one table row per run. Usage:
#   bench/streams10k.sh                               # 10,000 streams from 1,000 users, every run
#   USERS=100 STREAMS=1000 RUNS=sqlite:1 bench/streams10k.sh
# SERVICE_ENV="NAME=value ..." adds settings to the service's environment. Heap profile
# (docs/BENCHMARKS.md, "Streams at scale"): build with
# `cargo build --release --features system-alloc`, copy the binary, then BIN=that-copy
# SERVICE_WRAP="heaptrack -o /tmp/ht" (the memory and CPU columns then read the wrapper, not the
# service; stop the service with SIGTERM after the run so heaptrack writes out).
# One replica holds two descriptors per stream (the client's socket and the provider's): the run
# needs `ulimit -n` above 2 x STREAMS per replica.
# Users are inserted by SQL as admins (never query-limited, no agent hire needed); each gets one
# conversation and a token minted with the service's SECRET_KEY (no 1,000 password hashes).
set -euo pipefail
cd "$(dirname "$0")/.."
USERS="${USERS:-1000}"
N="${STREAMS:-10000}"
PER=$((N / USERS))
DELTAS="${DELTAS:-15}"
INTERVAL_MS="${INTERVAL_MS:-1000}"
RAMP="${RAMP:-1000}"
RUNS="${RUNS:-sqlite:1 postgres:1 postgres:2}"
BENCH_REDIS="${BENCH_REDIS:-redis://127.0.0.1:6379/}"
BENCH_PG="${BENCH_PG:-postgres://postgres:postgres@127.0.0.1:5432}"
# PostgreSQL pool of each replica (10,000 stream starts each read the user and conversation and
# write messages): 40 + 20 shared by the replicas, so that they stay under the server's default
# max_connections of 100 (each replica also has 2 recorder connections).
PG_POOL_SIZE="${PG_POOL_SIZE:-}"
PG_MAX_OVERFLOW="${PG_MAX_OVERFLOW:-}"
if [ "${NO_BUILD:-0}" != 1 ]; then
  cargo build --release --quiet
  cargo build --release --quiet --example streamload
fi
BIN="${BIN:-target/release/solarintel}"
LOAD=target/release/examples/streamload
ulimit -n 1048576 2>/dev/null || ulimit -n 65536 2>/dev/null || true
echo "Machine: $(nproc) cores; file descriptors: $(ulimit -n); $N streams from $USERS users ($PER each), $DELTAS deltas ${INTERVAL_MS} ms apart, started ${RAMP}/s (0: all at once)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ROWS=()
# User + system CPU of a process, and busy CPU of the whole machine, in clock ticks (1/100 s).
proc_cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
machine_cpu() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
run_one() {
  local db=${1%:*} replicas=${1#*:} WORK FPORT DB_URL PGDB="" FAKE POOL=() REDIS=() PIDS=() ADDRS=() PORT i
  WORK=$(mktemp -d)
  FPORT=$(free_port)
  if [ "$db" = postgres ]; then
    PGDB="solarintel_streams10k_$$"
    psql "$BENCH_PG/postgres" -qc "CREATE DATABASE $PGDB" >/dev/null
    DB_URL="$BENCH_PG/$PGDB"
    POOL=(DB_POOL_SIZE="${PG_POOL_SIZE:-$((40 / replicas))}" DB_MAX_OVERFLOW="${PG_MAX_OVERFLOW:-$((20 / replicas))}")
    [ "$replicas" = 1 ] || REDIS=(REDIS_URL="$BENCH_REDIS")
  else
    [ "$replicas" = 1 ] || { echo "two replicas need PostgreSQL and Redis" >&2; return 1; }
    DB_URL="sqlite://$WORK/streams.db"
  fi
  [ "$(ulimit -n)" -gt $((N * 2 / replicas + 100)) ] ||
    echo "warning: ulimit -n $(ulimit -n) is below 2 x $((N / replicas)) streams a replica: expect refused connections" >&2
  "$LOAD" fake "$FPORT" "$DELTAS" "$INTERVAL_MS" &
  FAKE=$!
  for i in $(seq 1 "$replicas"); do
    PORT=$(free_port)
    env -i PATH="$PATH" HOME="$HOME" DATABASE_URL="$DB_URL" PORT="$PORT" SECRET_KEY=bench-secret \
      LLM_PROVIDER=openai OPENAI_API_KEY=bench OPENAI_BASE_URL="http://127.0.0.1:$FPORT/v1" \
      RATE_LIMIT_PER_MINUTE=0 LOGIN_RATE_LIMIT_PER_MINUTE=0 JOBS_ENABLED=false LOG_LEVEL=warn \
      ${POOL[@]+"${POOL[@]}"} ${REDIS[@]+"${REDIS[@]}"} ${SERVICE_ENV:-} \
      ${SERVICE_WRAP:-} "$BIN" serve >"$WORK/serve$i.log" 2>&1 &
    PIDS+=($!)
    ADDRS+=("127.0.0.1:$PORT")
    for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.1; done
  done
  if [ "$db" = postgres ]; then
    psql "$DB_URL" -qAt -v ON_ERROR_STOP=1 >/dev/null <<SQL
INSERT INTO fastapi_users (username, password_hash, full_name, role, is_active, created_at, email_verified,
    gdpr_consent_given, terms_accepted, marketing_consent, plan_type, query_count, monthly_query_count, deleted)
  SELECT 'load' || g || '@example.com', 'x', 'Load ' || g, 'admin', true, now(), true, true, true, false, 'max', 0, 0, false
  FROM generate_series(1, $USERS) g;
INSERT INTO fastapi_conversations (user_id, title, agent_type, created_at)
  SELECT id, 'Load', 'news', now() FROM fastapi_users WHERE username LIKE 'load%@example.com';
SQL
    psql "$DB_URL" -qAt -F ' ' -c "SELECT user_id, id FROM fastapi_conversations WHERE title = 'Load'" >"$WORK/pairs"
  else
    python3 - "$WORK/streams.db" "$USERS" "$WORK/pairs" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=30)
db.executemany("INSERT INTO fastapi_users (username, password_hash, full_name, role, is_active, created_at, email_verified, "
               "gdpr_consent_given, terms_accepted, marketing_consent, plan_type, query_count, monthly_query_count, deleted) "
               "VALUES (?, 'x', ?, 'admin', 1, datetime('now'), 1, 1, 1, 0, 'max', 0, 0, 0)",
               [(f"load{i}@example.com", f"Load {i}") for i in range(int(sys.argv[2]))])
db.execute("INSERT INTO fastapi_conversations (user_id, title, agent_type, created_at) "
           "SELECT id, 'Load', 'news', datetime('now') FROM fastapi_users WHERE username LIKE 'load%@example.com'")
db.commit()
with open(sys.argv[3], "w") as f:
    for u, c in db.execute("SELECT user_id, id FROM fastapi_conversations WHERE title = 'Load'"):
        f.write(f"{u} {c}\n")
PY
  fi
  echo "== $db, $replicas replica(s): service fd limit $(awk '/Max open files/ {print $4}' /proc/${PIDS[0]}/limits), fake fd limit $(awk '/Max open files/ {print $4}' /proc/$FAKE/limits) ${POOL[*]-} ${REDIS[*]-}"
  local fake_cpu0 machine0 t0
  fake_cpu0=$(proc_cpu "$FAKE"); machine0=$(machine_cpu); t0=$(date +%s%N)
  "$LOAD" load "$(IFS=,; echo "${ADDRS[*]}")" bench-secret "$WORK/pairs" "$PER" "$(IFS=,; echo "${PIDS[*]}")" "$RAMP" | tee "$WORK/out"
  python3 -c 'import sys; f, m, w, c = map(float, sys.argv[1:]); print(f"CPU: the fake provider {f / 100:.1f} s; the whole machine busy {m / 100:.1f} s of {w * c:.1f} s ({w:.1f} s x {c:.0f} cores, {100 * m / 100 / (w * c):.0f} %)")' \
    $(( $(proc_cpu "$FAKE") - fake_cpu0 )) $(( $(machine_cpu) - machine0 )) "$(( ($(date +%s%N) - t0) / 1000000 ))e-3" "$(nproc)"
  ROWS+=("$(grep '^ROW|' "$WORK/out" | sed "s/^ROW/$db/")")
  cat "$WORK"/serve*.log | grep -iE 'error|panic' | cut -c1-200 | sort | uniq -c | sort -rn | head -5 || true
  kill "${PIDS[@]}" "$FAKE" 2>/dev/null || true
  wait "${PIDS[@]}" "$FAKE" 2>/dev/null || true
  [ -z "$PGDB" ] || psql "$BENCH_PG/postgres" -qc "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
for run in $RUNS; do run_one "$run"; done
echo
echo "| database | streams | users | replicas | completed with done | most open at once | TTFB p50 ms | TTFB p99 ms | added per chunk p50 ms | p99 ms | KiB per open stream | service CPU µs per stream |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for r in "${ROWS[@]}"; do echo "| ${r//|/ | } |"; done
