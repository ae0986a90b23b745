#!/usr/bin/env bash
# Two `solarintel serve` replicas on one PostgreSQL and one Redis behind HAProxy.
# Installs what it needs (HAProxy, Redis, wrk) on a fresh Debian machine, starts PostgreSQL,
# then prints each check and a table:
#   - login throttling and the general rate limit hold across replicas (the limit is not doubled);
#   - a turn started through one replica is resumed through the other (Last-Event-ID);
#   - a replica killed with SIGKILL mid-turn: the client reconnecting through the balancer gets the
#     turn finished as streaming.md §8 says, nothing lost or counted twice;
#   - a replica stopped with SIGTERM drains its turn while the balancer sends new work to the other;
#   - each background job runs once across both; the answer cache is shared;
#   - the read scenarios of bench/run.sh through the balancer with one and with two replicas.
# Usage: bench/replicas.sh   (NO_BUILD=1 to skip the release build; DURATION=10s per wrk row)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"

apt_updated=0
need() { # need COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 && return
  if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
need haproxy haproxy
need wrk wrk
need redis-server redis-server
need psql postgresql-client
pg_answers() { PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -d postgres -qtAc 'SELECT 1' >/dev/null 2>&1; }
if ! pg_answers; then
  need pg_ctlcluster postgresql
  pg_ctlcluster --skip-systemctl-redirect 15 main start || true
  for _ in $(seq 1 30); do
    runuser -u postgres -- psql -qc "ALTER USER postgres PASSWORD 'postgres'" >/dev/null 2>&1 && break
    sleep 1
  done
fi
pg_answers || { echo "PostgreSQL does not answer on 127.0.0.1:5432"; exit 1; }
if [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" != PONG ]; then
  redis-server --daemonize yes --port 6379 --save "" >/dev/null
  for _ in $(seq 1 30); do [ "$(redis-cli ping 2>/dev/null)" = PONG ] && break; sleep 0.2; done
fi
[ "${NO_BUILD:-0}" = 1 ] || cargo build --release --quiet
BIN=$PWD/target/release/solarintel
ulimit -n 65536 2>/dev/null || true

WORK=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PG=postgres://postgres:postgres@127.0.0.1:5432
PGDB="solarintel_replicas_$$"
psql "$PG/postgres" -qc "CREATE DATABASE $PGDB" >/dev/null
DB_URL="$PG/$PGDB"
REDIS_DB=$((RANDOM % 8 + 8))
REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB"
redis-cli -n "$REDIS_DB" flushdb >/dev/null
P=("" "$(free_port)" "$(free_port)")
M=("" "$(free_port)" "$(free_port)")
LB=$(free_port)
FPORT=$(free_port)
BASE="http://127.0.0.1:$LB"
H=bench/replicas.py
PIDS=("" "" "")
LOGIN_LIMIT=5
RATE_LIMIT=20

# The fake provider: 12 deltas 500 ms apart (6 s a turn), so a turn can be interrupted.
python3 bench/streams.py fake "$FPORT" 12 500 &
FAKE=$!

start_replica() { # start_replica N [VAR=value ...]
  local n=$1; shift
  env -i PATH="$PATH" HOME="$HOME" DATABASE_URL="$DB_URL" REDIS_URL="$REDIS_URL" PORT="${P[$n]}" \
    SECRET_KEY=replicas-bench-secret TRUSTED_PROXIES=127.0.0.1 METRICS_ADDR="127.0.0.1:${M[$n]}" \
    LLM_PROVIDER=openai OPENAI_API_KEY=bench OPENAI_BASE_URL="http://127.0.0.1:$FPORT/v1" \
    LOGIN_RATE_LIMIT_PER_MINUTE=$LOGIN_LIMIT RATE_LIMIT_PER_MINUTE=$RATE_LIMIT CHAT_DRAIN_SECONDS=30 \
    JOBS_ENABLED=true LOG_LEVEL=info SAMPLE_DATA=false "$@" "$BIN" serve >>"$WORK/r$n.log" 2>&1 &
  PIDS[$n]=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:${P[$n]}/ready" >/dev/null 2>&1 && return; sleep 0.1; done
  echo "replica $n did not start:"; cat "$WORK/r$n.log"; exit 1
}
stop_replica() { kill "${PIDS[$1]}" 2>/dev/null || true; wait "${PIDS[$1]}" 2>/dev/null || true; }

haproxy_up() { # haproxy_up N_SERVERS
  {
    echo "global"
    echo "  maxconn 4000"
    echo "defaults"
    echo "  mode http"
    echo "  timeout connect 2s"
    echo "  timeout client 10m"
    echo "  timeout server 10m"
    echo "  retries 3"
    echo "  option redispatch"
    echo "  option forwardfor"
    echo "frontend fe"
    echo "  bind 127.0.0.1:$LB"
    echo "  default_backend be"
    echo "backend be"
    echo "  balance roundrobin"
    echo "  option httpchk GET /ready"
    echo "  http-check expect status 200"
    echo "  default-server inter 300ms fall 1 rise 2"
    echo "  http-response set-header X-Replica %s"
    for n in $(seq 1 "$1"); do echo "  server r$n 127.0.0.1:${P[$n]} check"; done
  } >"$WORK/haproxy.cfg"
  [ ! -f "$WORK/haproxy.pid" ] || { kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null || true; sleep 0.5; }
  haproxy -q -f "$WORK/haproxy.cfg" -D -p "$WORK/haproxy.pid"
  for _ in $(seq 1 50); do curl -sf "$BASE/ready" >/dev/null 2>&1 && break; sleep 0.1; done
  sleep 1 # both servers checked up
}

cleanup() {
  [ ! -f "$WORK/haproxy.pid" ] || kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null || true
  for n in 1 2; do [ -z "${PIDS[$n]}" ] || kill -9 "${PIDS[$n]}" 2>/dev/null || true; done
  kill "$FAKE" 2>/dev/null || true
  wait 2>/dev/null || true
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $PGDB" >/dev/null 2>&1 || true
  redis-cli -n "$REDIS_DB" flushdb >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

start_replica 1
start_replica 2
haproxy_up 2
sql() { psql "$DB_URL" -qtAc "$1"; }
"$BIN" --version >/dev/null
env -i PATH="$PATH" DATABASE_URL="$DB_URL" SAMPLE_DATA=false "$BIN" create-admin --username admin@example.com --password admin-password-1 >/dev/null
TOKEN=$(python3 $H login "$BASE" admin@example.com admin-password-1)
FAILED=0
check() { # check NAME CONDITION-RESULT DETAIL
  if [ "$2" = ok ]; then echo "ok    $1: $3"; else echo "FAIL  $1: $3"; FAILED=1; fi
  ROWS+=("| $1 | $2 | $3 |")
}
ROWS=()
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); PostgreSQL $(psql "$PG/postgres" -qtAc 'SHOW server_version' | cut -d' ' -f1), Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2), $(haproxy -v | head -1 | awk '{print $1, $3}')"

# 1. The login throttle: LOGIN_LIMIT failures a minute per account, whichever replica answers.
OUT=$(python3 $H logins "$BASE" victim@example.com $((LOGIN_LIMIT * 2 + 2)))
N401=$(echo "$OUT" | tr ' ' '\n' | awk -F'[@x]' '$1==401 {s+=$NF} END {print s+0}')
BOTH=$(echo "$OUT" | grep -c "r1" || true)$(echo "$OUT" | grep -c "r2" || true)
[ "$N401" = "$LOGIN_LIMIT" ] && [ "$BOTH" = 11 ] && R=ok || R=fail
check "login throttle across replicas" $R "$((LOGIN_LIMIT * 2 + 2)) wrong passwords for one account: $N401 answered 401, the rest 429 (limit $LOGIN_LIMIT/min; both replicas answered: $OUT)"

# 2. The general rate limit: RATE_LIMIT requests a minute per user across both.
OUT=$(python3 $H burst "$BASE" "$TOKEN" /api/v1/auth/me $((RATE_LIMIT * 2)))
N200=$(echo "$OUT" | tr ' ' '\n' | awk -F'[@x]' '$1==200 {s+=$NF} END {print s+0}')
[ "$N200" -ge $((RATE_LIMIT - 1)) ] && [ "$N200" -le $((RATE_LIMIT + 2)) ] && R=ok || R=fail
check "general rate limit across replicas" $R "$((RATE_LIMIT * 2)) requests of one user: $N200 answered 200 (limit $RATE_LIMIT/min, not $((RATE_LIMIT * 2)); $OUT)"
# The rest of the checks are not about limits.
redis-cli -n "$REDIS_DB" --scan --pattern 'solarintel:*' | grep -v ':cache:' | xargs -r redis-cli -n "$REDIS_DB" del >/dev/null

# 3. Resume through the other replica.
CONV=$(python3 $H conversation "$BASE" "$TOKEN")
read -r TURN LAST FROM <<<"$(python3 $H start "$BASE" "$TOKEN" "$CONV" "resume me" 2)"
for _ in 1 2 3 4; do
  read -r VIA TYPES FULL <<<"$(python3 $H resume "$BASE" "$TOKEN" "$TURN" "$LAST")"
  [ "$VIA" != "$FROM" ] && break
done
[ "$VIA" != "$FROM" ] && [[ "$TYPES" == chunk*done ]] && R=ok || R=fail
check "resume on the other replica" $R "turn $TURN started on $FROM, read to $LAST, resumed on $VIA with Last-Event-ID: $TYPES"

# 4. SIGKILL mid-turn.
CONV=$(python3 $H conversation "$BASE" "$TOKEN")
BEFORE=$(sql "SELECT query_count FROM fastapi_users WHERE username = 'admin@example.com'")
read -r TURN LAST FROM <<<"$(python3 $H start "$BASE" "$TOKEN" "$CONV" "kill me" 2)"
N=${FROM#r}
kill -9 "${PIDS[$N]}"; wait "${PIDS[$N]}" 2>/dev/null || true; PIDS[$N]=""
T0=$(date +%s)
read -r VIA TYPES FULL <<<"$(python3 $H resume "$BASE" "$TOKEN" "$TURN" "$LAST")"
T1=$(date +%s)
AFTER=$(sql "SELECT query_count FROM fastapi_users WHERE username = 'admin@example.com'")
STORED=$(sql "SELECT COUNT(*) FROM fastapi_messages WHERE conversation_id = $CONV AND sender = 'bot' AND content LIKE '%interrupted by an error%'")
STATUS=$(sql "SELECT status FROM fastapi_chat_turns WHERE id = $TURN")
[[ "$TYPES" == *error ]] && [ "$STORED" = 1 ] && [ "$STATUS" = error ] && [ $((AFTER - BEFORE)) = 1 ] && R=ok || R=fail
check "SIGKILL mid-turn" $R "$FROM killed after 2 chunks; reconnecting through the balancer ($VIA) waited $((T1 - T0)) s (the 60 s heartbeat) then got $TYPES; partial answer stored ($STORED bot message), turn $STATUS, counted $((AFTER - BEFORE)) time"
start_replica "$N"
sleep 1

# 5. SIGTERM drains its turn while the balancer sends new work to the other replica.
CONV=$(python3 $H conversation "$BASE" "$TOKEN")
python3 $H ask "$BASE" "$TOKEN" "$CONV" "drain me" >"$WORK/drain.out" &
ASK=$!
sleep 1.5
SERVING=$(sql "SELECT COUNT(*) FROM fastapi_chat_turns WHERE status = 'running'")
# Which replica holds it: the one whose metrics count a running turn.
HOLDER=0
for n in 1 2; do
  RUNNING=$(curl -sf "http://127.0.0.1:${M[$n]}/metrics" | awk '/^solarintel_chat_turns_running/ {print $2}')
  [ "$RUNNING" = 1 ] && HOLDER=$n
done
[ "$HOLDER" != 0 ] || { echo "FAIL  no replica reports the running turn"; exit 1; }
kill -TERM "${PIDS[$HOLDER]}"
sleep 1
OUT=$(python3 $H burst "$BASE" "$TOKEN" /api/v1/conversations 10)
wait $ASK || true
read -r VIA TYPES FULL <"$WORK/drain.out"
wait "${PIDS[$HOLDER]}" 2>/dev/null || true
EXITED=$([ -e "/proc/${PIDS[$HOLDER]}" ] && echo no || echo yes)
OTHER=$((3 - HOLDER))
[[ "$TYPES" == *done ]] && [[ "$OUT" == "200@r${OTHER}x10" ]] && [ "$EXITED" = yes ] && R=ok || R=fail
check "SIGTERM drain" $R "r$HOLDER got SIGTERM with $SERVING turn running: the turn ended $TYPES; 10 new requests meanwhile: $OUT; r$HOLDER exited after the drain: $EXITED"
PIDS[$HOLDER]=""
start_replica "$HOLDER"
sleep 1

# 6. Jobs: each ran once across the replicas (both started with JOBS_ENABLED=true, three starts).
LOGS=$(cat "$WORK"/r*.log | sed 's/\x1b\[[0-9;]*m//g')
RAN=$(echo "$LOGS" | grep -c 'job ran' || true)
PER=$(echo "$LOGS" | grep 'job ran' | grep -o 'job="\?[a-z_]*' | tr -d '"' | sort | uniq -c | awk '{print $2"x"$1}' | tr '\n' ' ' || true)
STARTS=$(echo "$LOGS" | grep -c 'Solar Intelligence listening' || true)
LEASES=$(sql "SELECT COUNT(*) FROM fastapi_job_leases WHERE last_run_at IS NOT NULL")
[ "$RAN" = 4 ] && [ "$LEASES" = 4 ] && R=ok || R=fail
check "jobs once across replicas" $R "$STARTS replica starts, $RAN job runs in all logs ($PER), $LEASES leases with a last run: each job once in its hour"

# 7. The answer cache is shared: the same question on two new conversations, on two replicas.
C1=$(python3 $H conversation "$BASE" "$TOKEN"); C2=$(python3 $H conversation "$BASE" "$TOKEN")
read -r V1 T1 F1 <<<"$(python3 $H ask "$BASE" "$TOKEN" "$C1" "What is new in PV this week?")"
read -r V2 T2 F2 <<<"$(python3 $H ask "$BASE" "$TOKEN" "$C2" "what is new in PV this week?")"
if [ "$V1" = "$V2" ]; then
  C3=$(python3 $H conversation "$BASE" "$TOKEN")
  read -r V2 T2 F2 <<<"$(python3 $H ask "$BASE" "$TOKEN" "$C3" "What is new in PV  this week?")"
fi
N2=${V2#r}
HITS=$(curl -sf "http://127.0.0.1:${M[$N2]}/metrics" | awk -F' ' '/solarintel_cache_requests_total\{kind="answer",result="hit"\}/ {print $2}')
[ "$V1" != "$V2" ] && [ "$F1" = "$F2" ] && [ "${HITS:-0}" -ge 1 ] && R=ok || R=fail
check "answer cache shared in Redis" $R "asked on $V1, then on $V2: same answer, $V2 counted ${HITS:-0} answer-cache hit (no model call)"

# 8. Read scenarios through the balancer, one and two replicas (limits off).
for n in 1 2; do stop_replica "$n"; PIDS[$n]=""; done
start_replica 1 RATE_LIMIT_PER_MINUTE=0 LOGIN_RATE_LIMIT_PER_MINUTE=0 JOBS_ENABLED=false
start_replica 2 RATE_LIMIT_PER_MINUTE=0 LOGIN_RATE_LIMIT_PER_MINUTE=0 JOBS_ENABLED=false
USER_ID=$(sql "SELECT id FROM fastapi_users WHERE username = 'admin@example.com'")
python3 bench/seed_conversations.py "$DB_URL" "$USER_ID" 1000 100 >/dev/null
summarise() {
  awk '
    function ms(v) { if (v ~ /us$/) { sub(/us$/, "", v); return v / 1000 }
                     if (v ~ /ms$/) { sub(/ms$/, "", v); return v + 0 }
                     if (v ~ /s$/)  { sub(/s$/, "", v);  return v * 1000 } return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    END { printf "%.0f | %.2f ms | %.2f ms", rps, p50, p99 }'
}
run_wrk() {
  wrk -t2 -c"$CONNECTIONS" -d2s --timeout 10s "$@" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$@" | summarise
}
READS=()
for servers in 1 2; do
  haproxy_up "$servers"
  READS+=("| GET /api/v1/health/ping | $servers | $(run_wrk "$BASE/api/v1/health/ping") |")
  READS+=("| GET /api/v1/auth/me | $servers | $(run_wrk -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/auth/me") |")
  READS+=("| GET /api/v1/conversations (1,000 conversations; page of 50) | $servers | $(run_wrk -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/conversations") |")
  READS+=("| GET /api/v1/conversations/{id}/messages (latest 50 of 100) | $servers | $(run_wrk -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/conversations/500/messages") |")
done

echo
echo "| check | result | what was seen |"
echo "|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "Reads through HAProxy (wrk -t2 -c$CONNECTIONS, $DURATION per row after a 2 s warm-up; replicas, PostgreSQL, HAProxy and wrk share the machine):"
echo
echo "| scenario | replicas | requests/s | p50 | p99 |"
echo "|---|---|---|---|---|"
printf '%s\n' "${READS[@]}"
exit $FAILED
