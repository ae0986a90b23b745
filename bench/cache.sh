#!/usr/bin/env bash
# The answer cache: time to the first chunk and to the whole answer, not cached vs cached, through
# the fake OpenAI-compatible provider of bench/streams.py (DELTAS deltas INTERVAL_MS apart).
#   bench/cache.sh                 # 50 questions, 10 deltas 50 ms apart, SQLite, memory cache
#   BENCH_REDIS=redis://127.0.0.1:6379/ bench/cache.sh    # the cache in Redis
set -euo pipefail
cd "$(dirname "$0")/.."
N="${QUESTIONS:-50}"
DELTAS="${DELTAS:-10}"
INTERVAL_MS="${INTERVAL_MS:-50}"
[ "${NO_BUILD:-0}" = 1 ] || cargo build --release --quiet
# A fresh database has the data version of the last one: entries an earlier run left in Redis
# would answer the "not cached" round.
if [ -n "${BENCH_REDIS:-}" ]; then
  redis-cli -u "$BENCH_REDIS" --scan --pattern 'solarintel:cache:*' | xargs -r redis-cli -u "$BENCH_REDIS" del >/dev/null
fi
BIN=target/release/solarintel
WORK=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
FPORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
python3 bench/streams.py fake "$FPORT" "$DELTAS" "$INTERVAL_MS" &
FAKE=$!
SVC=(env -i PATH="$PATH" HOME="$HOME" DATABASE_URL="sqlite://$WORK/cache.db" PORT="$PORT" SECRET_KEY=bench-secret
  LLM_PROVIDER=openai OPENAI_API_KEY=bench OPENAI_BASE_URL="http://127.0.0.1:$FPORT/v1"
  ${BENCH_REDIS:+REDIS_URL=$BENCH_REDIS}
  RATE_LIMIT_PER_MINUTE=0 LOGIN_RATE_LIMIT_PER_MINUTE=0 JOBS_ENABLED=false LOG_LEVEL=warn "$BIN")
"${SVC[@]}" serve >"$WORK/serve.log" 2>&1 &
PID=$!
cleanup() { kill "$PID" "$FAKE" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf "$BASE/health" >/dev/null 2>&1 && break; sleep 0.1; done
"${SVC[@]}" create-admin --username cache@example.com --password cache-password-1 >/dev/null
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/login" -d 'username=cache%40example.com&password=cache-password-1' |
  python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])')
echo "Machine: $(nproc) cores; SQLite; cache in ${BENCH_REDIS:+Redis}${BENCH_REDIS:-memory}; fake provider: $DELTAS deltas ${INTERVAL_MS} ms apart"
echo "| answer | questions | first chunk p50 ms | p99 ms | whole answer p50 ms | p99 ms |"
echo "|---|---|---|---|---|---|"
python3 bench/cache.py "$BASE" "$TOKEN" "$N"
