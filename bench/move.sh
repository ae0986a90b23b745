#!/usr/bin/env bash
# The move to PostgreSQL at a realistic size: a SQLite database as bench/run.sh seeds it (an
# account with 1,000 conversations of 100 messages, then 10,000 accounts with 2 conversations of
# 50 messages: 1,100,000 messages), copied by `solarintel copy-database` into a new PostgreSQL
# database; prints the copy's output, its wall time and peak memory, and the row counts on both
# sides. Knobs:
#   PG        server URL without a database name (postgres://postgres:postgres@127.0.0.1:5432)
#   BIN       the binary (${CARGO_TARGET_DIR:-target}/release/solarintel, built unless NO_BUILD=1)
#   USERS CONVS MSGS  bench/seed_platform.py's sizes (10000 2 50)
#   HEAVY_CONVS HEAVY_MSGS  bench/seed_conversations.py's (1000 100)
set -euo pipefail
cd "$(dirname "$0")/.."
PG=${PG:-postgres://postgres:postgres@127.0.0.1:5432}
BIN=${BIN:-${CARGO_TARGET_DIR:-target}/release/solarintel}
[ "${NO_BUILD:-0}" = 1 ] || cargo build --release
TARGET_DB=solarintel_move_bench
work=$(mktemp -d)
cleanup() {
    rm -rf "$work"
    psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $TARGET_DB" >/dev/null 2>&1 || true
}
trap cleanup EXIT

export DATABASE_URL="sqlite://$work/solarintel.db" LOG_LEVEL=warn BCRYPT_COST=4
"$BIN" migrate >/dev/null
printf 'bench-password-1\n' | "$BIN" create-admin --username heavy@example.com --password-stdin >/dev/null 2>&1
python3 bench/seed_conversations.py "$DATABASE_URL" 1 "${HEAVY_CONVS:-1000}" "${HEAVY_MSGS:-100}"
python3 bench/seed_platform.py "$DATABASE_URL" "${USERS:-10000}" "${CONVS:-2}" "${MSGS:-50}"
echo "source: $(du -h "$work/solarintel.db" | cut -f1)B, $(sqlite3 "$work/solarintel.db" \
    'SELECT (SELECT COUNT(*) FROM fastapi_users) || " accounts, " || (SELECT COUNT(*) FROM fastapi_conversations) || " conversations, " || (SELECT COUNT(*) FROM fastapi_messages) || " messages"')"

psql "$PG/postgres" -q -c "DROP DATABASE IF EXISTS $TARGET_DB" -c "CREATE DATABASE $TARGET_DB"
/usr/bin/time -f 'wall %e s, peak RSS %M KiB' "$BIN" copy-database --to "$PG/$TARGET_DB"
echo "target: $(psql "$PG/$TARGET_DB" -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))")," \
    "$(psql "$PG/$TARGET_DB" -Atc "SELECT (SELECT COUNT(*) FROM fastapi_users) || ' accounts, ' || (SELECT COUNT(*) FROM fastapi_conversations) || ' conversations, ' || (SELECT COUNT(*) FROM fastapi_messages) || ' messages'")"
