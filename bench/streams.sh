#!/usr/bin/env bash
# Concurrent chat streams through a fake OpenAI-compatible provider: time to first byte, the
# service's added latency per chunk, and memory per open stream. Usage:
#   bench/streams.sh                      # 1,000 streams of 5 deltas 200 ms apart, on SQLite
#   STREAMS=200 BENCH_PG=postgres://postgres:postgres@127.0.0.1:5432 bench/streams.sh
#   STREAMS=500 UNREAD=60 DELTAS=200 bench/streams.sh   # clients that never read: memory held
set -euo pipefail
cd "$(dirname "$0")/.."
N="${STREAMS:-1000}"
DELTAS="${DELTAS:-5}"
INTERVAL_MS="${INTERVAL_MS:-200}"
[ "${NO_BUILD:-0}" = 1 ] || cargo build --release --quiet
BIN=target/release/solarintel
ulimit -n 65536 2>/dev/null || true

WORK=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
FPORT=$(free_port)
MPORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
if [ -n "${BENCH_PG:-}" ]; then
  PGDB="solarintel_streams_$$"
  psql "$BENCH_PG/postgres" -qc "CREATE DATABASE $PGDB" >/dev/null
  DB_URL="$BENCH_PG/$PGDB"
else
  DB_URL="sqlite://$WORK/streams.db"
fi

python3 bench/streams.py fake "$FPORT" "$DELTAS" "$INTERVAL_MS" &
FAKE=$!
SVC=(env -i PATH="$PATH" HOME="$HOME" DATABASE_URL="$DB_URL" PORT="$PORT" SECRET_KEY=bench-secret
  LLM_PROVIDER=openai OPENAI_API_KEY=bench OPENAI_BASE_URL="http://127.0.0.1:$FPORT/v1"
  RATE_LIMIT_PER_MINUTE=0 LOGIN_RATE_LIMIT_PER_MINUTE=0 CHAT_MAX_STREAMS_PER_USER=0 HTTP_WRITE_STALL_SECONDS="${HTTP_WRITE_STALL_SECONDS:-60}" METRICS_ADDR="127.0.0.1:$MPORT" JOBS_ENABLED=false LOG_LEVEL=warn "$BIN")
"${SVC[@]}" serve >"$WORK/serve.log" 2>&1 &
PID=$!
cleanup() {
  kill "$PID" "$FAKE" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  [ -z "${PGDB:-}" ] || psql "$BENCH_PG/postgres" -qc "DROP DATABASE IF EXISTS $PGDB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf "$BASE/health" >/dev/null 2>&1 && break; sleep 0.1; done

# An admin: counted but never limited, and needs no hire.
"${SVC[@]}" create-admin --username streams@example.com --password streams-password-1 >/dev/null
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/login" -d 'username=streams%40example.com&password=streams-password-1' |
  python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])')
CONV=$(curl -sf "$BASE/api/v1/conversations/fresh/create-or-get" -H "Authorization: Bearer $TOKEN" |
  python3 -c 'import sys, json; print(json.load(sys.stdin)["conversation_id"])')

echo "Machine: $(nproc) cores; database: ${DB_URL%%:*}; $N streams, $DELTAS deltas ${INTERVAL_MS} ms apart from the fake provider"
if [ -n "${UNREAD:-}" ]; then
  # UNREAD=60: the streams' clients never read; held 60 s, then closed.
  python3 bench/streams.py unread "$BASE" "$TOKEN" "$CONV" "$N" "$PID" "$UNREAD" "http://127.0.0.1:$MPORT"
else
  python3 bench/streams.py load "$BASE" "$TOKEN" "$CONV" "$N" "$PID"
fi
