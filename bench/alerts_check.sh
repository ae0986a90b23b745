#!/usr/bin/env bash
# The shipped alert rules (deploy/alerts.yml) through promtool: syntax, then their unit tests
# (deploy/alerts_test.yml), then the service's own /metrics through `promtool check metrics`.
# Needs promtool (Debian: apt-get install prometheus).
#   bench/alerts_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
promtool check rules deploy/alerts.yml
promtool test rules deploy/alerts_test.yml
cargo build --quiet
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
MPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$WORK" && exec env -i PATH="$PATH" PORT="$PORT" METRICS_ADDR="127.0.0.1:$MPORT" LOG_LEVEL=warn \
  "$OLDPWD/target/debug/solarintel" serve >serve.log 2>&1) &
PID=$!
trap 'kill $PID 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.1; done
curl -s "http://127.0.0.1:$MPORT/metrics" | promtool check metrics
echo "alerts and metrics: ok"
