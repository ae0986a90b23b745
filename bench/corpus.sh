#!/usr/bin/env bash
# The held-out measure of understanding (bench/corpus.py): the built-in provider on two instances,
# one with the synthetic sample and one with the real market CSV and price Parquet of
# ../shared/datasets (skipped, and its items counted as skipped, when the folder is absent).
#   bench/corpus.sh                       # development set's misses printed
#   SHOW=all bench/corpus.sh              # every miss (moves what you read to development)
#   WRITER=installer NO_BUILD=1 bench/corpus.sh
#   WRITER=farmer,vc SETS=held_out SHOW=development NO_BUILD=1 bench/corpus.sh   # one held-out pair, misses unseen
#   SETS=development NO_BUILD=1 bench/corpus.sh   # while changing the reader: held-out unmeasured
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${NO_BUILD:-0}" = 1 ] || cargo build --release --quiet
BIN="${BIN:-target/release/solarintel}"
WORK=$(mktemp -d)
PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start() { # name -> "BASE TOKEN"
  local name=$1 port
  port=$(free_port)
  local svc=(env -i PATH="$PATH" HOME="$HOME" DATABASE_URL="sqlite://$WORK/$name.db" PORT="$port"
    SECRET_KEY=bench-secret LLM_PROVIDER=builtin RATE_LIMIT_PER_MINUTE=0 LOGIN_RATE_LIMIT_PER_MINUTE=0
    CACHE_TTL_SECONDS=0 JOBS_ENABLED=false LOG_LEVEL=warn "$BIN")
  "${svc[@]}" migrate >/dev/null
  if [ "$name" = real ]; then
    "${svc[@]}" ingest market ../shared/datasets/market-database-fy.csv >/dev/null
    "${svc[@]}" ingest prices ../shared/datasets/component-prices.parquet >/dev/null
  fi
  "${svc[@]}" serve >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
  "${svc[@]}" create-admin --username "corpus-$name@example.com" --password corpus-password-1 >/dev/null
  local token
  token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/login" \
    -d "username=corpus-$name%40example.com&password=corpus-password-1" |
    python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])')
  echo "http://127.0.0.1:$port $token"
}
ARGS=(--sample $(start sample) --show "${SHOW:-development}")
if [ -f ../shared/datasets/market-database-fy.csv ]; then
  ARGS+=(--real $(start real))
fi
# (WRITER=a,b: several writers, for example one pair of a held-out set.)
WRITERS="${WRITER:-}"
for w in ${WRITERS//,/ }; do ARGS+=(--writer "$w"); done
ARGS+=(--sets "${SETS:-all}")
echo "Machine: $(nproc) cores; $BIN; built-in provider"
python3 bench/corpus.py "${ARGS[@]}"
