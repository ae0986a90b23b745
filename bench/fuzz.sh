#!/usr/bin/env bash
# Fuzz the API against its own OpenAPI document with schemathesis (PyPI), on a fresh instance:
# server errors, response bodies that break their schema, statuses the document does not list,
# and request schemas looser or stricter than the parser. Not part of CI.
#
#   bench/fuzz.sh                 # as an admin, 40 examples per operation
#   EXAMPLES=200 bench/fuzz.sh
#   AS=user bench/fuzz.sh         # as a plain user (created active by the admin)
#
# Needs python3 (a venv with schemathesis is made in $VENV on first use) and a built binary
# ($BIN, default target/debug/solarintel; `cargo build` first). The report (JUnit and NDJSON) is
# written to $OUT. The calls that end the caller's own session or account are left out
# (logout, request-deletion): everything after them would be a 401.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/debug/solarintel}
VENV=${VENV:-/tmp/st-venv}
PORT=${PORT:-18080}
EXAMPLES=${EXAMPLES:-40}
AS=${AS:-admin}
OUT=${OUT:-$(mktemp -d /tmp/fuzz.XXXXXX)}
mkdir -p "$OUT"
CHECKS=${CHECKS:-not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance,negative_data_rejection,positive_data_acceptance}

[ -x "$VENV/bin/st" ] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q schemathesis; }
[ -x "$BIN" ] || { echo "build first: cargo build (or set BIN)" >&2; exit 1; }

export DATABASE_URL="sqlite://$OUT/fuzz.db"
export PORT HOST=127.0.0.1 RATE_LIMIT_PER_MINUTE=0 LOGIN_RATE_LIMIT_PER_MINUTE=0 RUST_LOG=${RUST_LOG:-warn}
unset REDIS_URL
PASSWORD='Fuzz-Panel-2024!'
"$BIN" migrate >/dev/null
echo "$PASSWORD" | "$BIN" create-admin --username fuzz@example.com --password-stdin >/dev/null
"$BIN" serve >"$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 100); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.2; done

login() {
  curl -sf -X POST "$BASE/api/v1/auth/login" \
    --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
TOKEN=$(login fuzz@example.com)
if [ "$AS" = user ]; then
  curl -sf -X POST "$BASE/api/v1/admin/users" -H "Authorization: Bearer $TOKEN" \
    -H 'content-type: application/json' \
    -d "{\"username\":\"user@example.com\",\"password\":\"$PASSWORD\",\"full_name\":\"Fuzz User\",\"is_active\":true}" >/dev/null
  TOKEN=$(login user@example.com)
fi

set +e
# From $OUT, so schemathesis's cache (.schemathesis/) stays out of the repository.
CONFIG="$PWD/bench/schemathesis.toml"
(cd "$OUT" && "$VENV/bin/st" --config-file "$CONFIG" run "$BASE/api/v1/openapi.json" --url "$BASE" \
  -H "Authorization: Bearer $TOKEN" \
  --checks "$CHECKS" --max-examples "$EXAMPLES" --workers 2 --seed 12 \
  --exclude-path /api/v1/auth/logout --exclude-path /api/v1/auth/request-deletion \
  --suppress-health-check all --request-timeout 30 \
  --report junit,ndjson --report-dir "$OUT") 2>&1 | tee "$OUT/st.txt"
rc=${PIPESTATUS[0]}
echo "report: $OUT (st.txt, junit.xml, events.ndjson, serve.log)"
exit "$rc"
