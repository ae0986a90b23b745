#!/usr/bin/env bash
# Issue 13 §3: STREAMS concurrent chat streams from USERS users (STREAMS/USERS each) through a fake
# OpenAI-compatible provider pacing DELTAS deltas INTERVAL_MS apart, one replica, on SQLite and
# PostgreSQL. Load generator and fake provider: examples/streamload.rs (Rust; a Python asyncio
# client cannot hold 10,000 streams on 2 cores). Prints one table row per database. Usage:
#   bench/streams10k.sh                               # 10,000 streams from 1,000 users, both databases
#   USERS=100 STREAMS=1000 DBS=sqlite bench/streams10k.sh
# Users are inserted by SQL as admins (never query-limited, no agent hire needed); each gets one
# conversation and a token minted with the service's SECRET_KEY (no 1,000 password hashes).
set -euo pipefail
cd "$(dirname "$0")/.."
USERS="${USERS:-1000}"
N="${STREAMS:-10000}"
PER=$((N / USERS))
DELTAS="${DELTAS:-5}"
INTERVAL_MS="${INTERVAL_MS:-200}"
DBS="${DBS:-sqlite postgres}"
BENCH_PG="${BENCH_PG:-postgres://postgres:postgres@127.0.0.1:5432}"
# PostgreSQL pool of the service: 10,000 stream starts each read the user and conversation and
# write messages.
PG_POOL_SIZE="${PG_POOL_SIZE:-40}"
PG_MAX_OVERFLOW="${PG_MAX_OVERFLOW:-20}"
if [ "${NO_BUILD:-0}" != 1 ]; then
  cargo build --release --quiet
  cargo build --release --quiet --example streamload
fi
BIN=target/release/solarintel
LOAD=target/release/examples/streamload
ulimit -n 1048576 2>/dev/null || ulimit -n 65536 2>/dev/null || true
echo "Machine: $(nproc) cores; file descriptors: $(ulimit -n); $N streams from $USERS users ($PER each), $DELTAS deltas ${INTERVAL_MS} ms apart"
[ "$(ulimit -n)" -ge $((N * 2 + 1000)) ] || echo "warning: ulimit -n $(ulimit -n) is below 2 x $N streams" >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ROWS=()
run_one() {
  local db=$1 WORK PORT FPORT BASE DB_URL PGDB="" FAKE PID POOL=()
  WORK=$(mktemp -d)
  PORT=$(free_port); FPORT=$(free_port); BASE="http://127.0.0.1:$PORT"
  if [ "$db" = postgres ]; then
    PGDB="solarintel_streams10k_$$"
    psql "$BENCH_PG/postgres" -qc "CREATE DATABASE $PGDB" >/dev/null
    DB_URL="$BENCH_PG/$PGDB"
    POOL=(DB_POOL_SIZE="$PG_POOL_SIZE" DB_MAX_OVERFLOW="$PG_MAX_OVERFLOW")
  else
    DB_URL="sqlite://$WORK/streams.db"
  fi
  "$LOAD" fake "$FPORT" "$DELTAS" "$INTERVAL_MS" &
  FAKE=$!
  env -i PATH="$PATH" HOME="$HOME" DATABASE_URL="$DB_URL" PORT="$PORT" SECRET_KEY=bench-secret \
    LLM_PROVIDER=openai OPENAI_API_KEY=bench OPENAI_BASE_URL="http://127.0.0.1:$FPORT/v1" \
    RATE_LIMIT_PER_MINUTE=0 LOGIN_RATE_LIMIT_PER_MINUTE=0 JOBS_ENABLED=false LOG_LEVEL=warn ${POOL[@]+"${POOL[@]}"} \
    "$BIN" serve >"$WORK/serve.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 200); do curl -sf "$BASE/health" >/dev/null 2>&1 && break; sleep 0.1; done
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
  echo "== $db: service fd limit $(awk '/Max open files/ {print $4}' /proc/$PID/limits), fake fd limit $(awk '/Max open files/ {print $4}' /proc/$FAKE/limits) ${POOL[*]-}"
  "$LOAD" load "127.0.0.1:$PORT" bench-secret "$WORK/pairs" "$PER" "$PID" | tee "$WORK/out"
  ROWS+=("$(grep '^ROW|' "$WORK/out" | sed "s/^ROW/$db/")")
  grep -iE 'error|panic' "$WORK/serve.log" | cut -c1-200 | sort | uniq -c | sort -rn | head -5 || true
  kill "$PID" "$FAKE" 2>/dev/null || true
  wait "$PID" "$FAKE" 2>/dev/null || true
  [ -z "$PGDB" ] || psql "$BENCH_PG/postgres" -qc "DROP DATABASE IF EXISTS $PGDB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
for db in $DBS; do run_one "$db"; done
echo
echo "| database | streams | users | completed with done | TTFB p50 ms | TTFB p99 ms | added per chunk p50 ms | p99 ms | KiB per open stream |"
echo "|---|---|---|---|---|---|---|---|---|"
for r in "${ROWS[@]}"; do echo "| ${r//|/ | } |"; done
