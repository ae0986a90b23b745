#!/usr/bin/env bash
# Ingestion benchmark: a generated long-layout market CSV of ROWS rows (default 1,000,000) into a
# fresh SQLite database (or PostgreSQL with BENCH_PG), with wall time and peak memory from
# /usr/bin/time, then the real files of ../shared/datasets when present.
#   bench/ingest.sh
#   ROWS=200000 BENCH_PG=postgres://postgres:postgres@127.0.0.1:5432 bench/ingest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${ROWS:-1000000}"
[ "${NO_BUILD:-0}" = 1 ] || cargo build --release --quiet
BIN=target/release/solarintel
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ -n "${BENCH_PG:-}" ]; then
  PGDB="solarintel_ingest_$$"
  psql "$BENCH_PG/postgres" -qc "CREATE DATABASE $PGDB" >/dev/null
  DB_URL="$BENCH_PG/$PGDB"
else
  DB_URL="sqlite://$WORK/ingest.db"
fi
python3 - "$WORK/big.csv" "$ROWS" <<'PY'
import sys, random
path, n = sys.argv[1], int(sys.argv[2])
random.seed(1)
scen = ["Historical Primary", "Forecast - High", "Forecast - Most probable", "Forecast - Low"]
conn = ["Total", "Centralised", "Distributed", "Off-grid"]
with open(path, "w") as f:
    f.write("Territory,Year,Scenario,Connection,Type,Capacity(MW),AC/DC,Estimated/Confirmed,Installed/Decomissioned\n")
    i = 0
    t = 0
    while i < n:
        terr = f"Territory {t}"
        for y in range(1992, 2031):
            for s in scen:
                for c in conn:
                    for k in ("Annual", "Cumulative"):
                        if i >= n: break
                        f.write(f"{terr},{y},{s},{c},{k},{random.random()*1000:.3f},DC,Confirmed,Installed\n")
                        i += 1
        t += 1
PY
echo "file: $(du -h "$WORK/big.csv" | cut -f1), $ROWS rows, database: $([ -n "${BENCH_PG:-}" ] && echo PostgreSQL || echo SQLite)"
run() {
  env -i PATH="$PATH" HOME="$HOME" DATABASE_URL="$DB_URL" LOG_LEVEL=warn SAMPLE_DATA=false \
    /usr/bin/time -f "wall %e s, peak RSS %M KiB" "$BIN" ingest "$@"
}
run market "$WORK/big.csv"
D=../shared/datasets
if [ -d "$D" ]; then
  run market "$D/market-database-fy.csv"
  run market "$D/bi-market-data.xlsx" --sheet "Market Search Data"
  run prices "$D/component-prices.parquet"
fi
if [ -n "${BENCH_PG:-}" ]; then psql "$BENCH_PG/postgres" -qc "DROP DATABASE $PGDB" >/dev/null; fi
