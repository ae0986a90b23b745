#!/usr/bin/env bash
# The built-in reader under concurrent follow-ups whose previous question is long:
# /health/ping latency alone and while TURNS follow-ups are read. The real market and
# price files are ingested when ../shared/datasets has them (a larger lexicon), else the sample.
#   bench/reader.sh                        # 20 turns, previous question of 24,000 characters
#   TURNS=40 PREVIOUS_CHARS=5000 BIN=/path/to/other/solarintel NO_BUILD=1 bench/reader.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TURNS="${TURNS:-20}"
CHARS="${PREVIOUS_CHARS:-24000}"
[ "${NO_BUILD:-0}" = 1 ] || cargo build --release --quiet
BIN="${BIN:-target/release/solarintel}"
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
SVC=(env -i PATH="$PATH" HOME="$HOME" DATABASE_URL="sqlite://$WORK/reader.db" PORT="$PORT"
  SECRET_KEY=bench-secret LLM_PROVIDER=builtin RATE_LIMIT_PER_MINUTE=0 LOGIN_RATE_LIMIT_PER_MINUTE=0
  JOBS_ENABLED=false LOG_LEVEL=warn "$BIN")
DATA=../shared/datasets
"${SVC[@]}" migrate >/dev/null
if [ -f "$DATA/market-database-fy.csv" ]; then
  "${SVC[@]}" ingest market "$DATA/market-database-fy.csv" >/dev/null
  "${SVC[@]}" ingest prices "$DATA/component-prices.parquet" >/dev/null
  LOADED="real market CSV and price Parquet"
else
  LOADED="the synthetic sample"
fi
"${SVC[@]}" serve >"$WORK/serve.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do curl -sf "$BASE/health" >/dev/null 2>&1 && break; sleep 0.1; done
"${SVC[@]}" create-admin --username reader@example.com --password reader-password-1 >/dev/null
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/login" -d 'username=reader%40example.com&password=reader-password-1' |
  python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])')
echo "Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); $BIN; data: $LOADED"
python3 bench/reader.py "$BASE" "$TOKEN" "$TURNS" "$CHARS"
