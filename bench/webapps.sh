#!/usr/bin/env bash
# Browser check of both old React apps against the release binary.
#
#   bench/webapps.sh            # both apps
#   bench/webapps.sh 805144e    # one app (d67994b = first app, 805144e = current app)
#
# For each app: build it (vite build, d3 served locally) into /tmp/webapps/<app>/dist for its own
# origin, start target/release/solarintel on a fresh SQLite file serving it with STATIC_DIR, create
# an admin, and drive the main flows in headless Chromium with puppeteer-core
# (bench/webapps/check.cjs): register, hire, chat and streaming, charts live and after a reload,
# the conversation list, the price agent, profile (and GDPR export), logout/login, the admin pages,
# and in the current app the storage and BIPV agents' uploads (a load profile, an image).
# Screenshots, logs and report.json go to /tmp/webapps/<app>/; nothing is written into the
# repository. Exits 0 when ../shared/webapps is absent (nothing to check), 1 when a step fails.
#
# The first app runs with the contract's signup (REQUIRE_EMAIL_VERIFICATION=false, MAIL_LOG_ONLY);
# the current app with email verification on, its mail caught by bench/webapps/smtp-sink.cjs so the
# check can follow the /verify-email link (MAIL_LOG_ONLY redacts links from the log).
#
# Needs: node 20 + npm (registry reachable), Debian chromium (apt-get install -y chromium), or
# CHROMIUM=/path/to/chrome. The binary is used as built: this script never runs cargo.
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HERE="$ROOT/bench/webapps"
WEBAPPS_DIR="${WEBAPPS_DIR:-$ROOT/../shared/webapps}"
BIN="${SOLARINTEL_BIN:-$ROOT/target/release/solarintel}"
WORK=/tmp/webapps
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
ADMIN_EMAIL=admin@example.com
ADMIN_PW="Admin-Check-$(date +%s)x"

if [[ ! -d "$WEBAPPS_DIR" ]]; then
  echo "webapps check skipped: $WEBAPPS_DIR is absent (the React app archives are not on this machine)"
  exit 0
fi
[[ -x "$BIN" ]] || { echo "webapps check: no release binary at $BIN (build it first; this script does not)"; exit 1; }
[[ -n "$CHROMIUM" && -x "$CHROMIUM" ]] || { echo "webapps check: no chromium; apt-get update && apt-get install -y chromium (or set CHROMIUM)"; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "webapps check: node and npm are needed"; exit 1; }

mkdir -p "$WORK/node"
if [[ ! -d "$WORK/node/node_modules/puppeteer-core" ]]; then
  cp "$HERE/package.json" "$WORK/node/package.json"
  (cd "$WORK/node" && npm install --no-audit --no-fund >"$WORK/node/npm-install.log" 2>&1) \
    || { echo "webapps check: npm install puppeteer-core failed, see $WORK/node/npm-install.log"; exit 1; }
fi
export NODE_PATH="$WORK/node/node_modules"

apps=("$@")
[[ ${#apps[@]} -gt 0 ]] || apps=(d67994b 805144e)

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; }
trap cleanup EXIT

wait_http() { # url seconds
  for _ in $(seq 1 $(( $2 * 10 ))); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

run_app() {
  local app="$1" port smtp_port="" out="$WORK/$1"
  case "$app" in
    d67994b) port=18101 ;;
    805144e) port=18102; smtp_port=18125 ;;
    *) echo "unknown app $app (d67994b or 805144e)"; return 1 ;;
  esac
  local origin="http://127.0.0.1:$port"
  echo "=== $app: build for $origin"
  WEBAPPS_DIR="$WEBAPPS_DIR" "$HERE/build.sh" "$app" "$origin" || return 1

  rm -f "$out/$app.db" "$out/$app.db-wal" "$out/$app.db-shm" "$out/mail.jsonl" "$out/serve.log"
  local -a envs=(env -i PATH="$PATH" HOME="$HOME" DATABASE_URL="sqlite://$out/$app.db" PORT="$port"
    SECRET_KEY=webapp-check-secret LLM_PROVIDER=builtin RATE_LIMIT_PER_MINUTE=0 LOGIN_RATE_LIMIT_PER_MINUTE=0
    JOBS_ENABLED=false STATIC_DIR="$out/dist" LOG_LEVEL=warn FRONTEND_URL="$origin" PUBLIC_URL="$origin")
  local mail_arg=()
  if [[ -n "$smtp_port" ]]; then
    node "$HERE/smtp-sink.cjs" "$smtp_port" "$out/mail.jsonl" >"$out/smtp-sink.log" 2>&1 &
    PIDS+=($!); local sink=$!
    envs+=(SMTP_HOST=127.0.0.1 SMTP_PORT="$smtp_port" SMTP_TLS=none REQUIRE_EMAIL_VERIFICATION=true)
    mail_arg=(--mail "$out/mail.jsonl")
  else
    envs+=(MAIL_LOG_ONLY=true REQUIRE_EMAIL_VERIFICATION=false)
  fi
  "${envs[@]}" "$BIN" migrate >"$out/migrate.log" 2>&1 || { echo "migrate failed:"; cat "$out/migrate.log"; return 1; }
  "${envs[@]}" "$BIN" create-admin --username "$ADMIN_EMAIL" --password "$ADMIN_PW" >"$out/create-admin.log" 2>&1 \
    || { echo "create-admin failed:"; cat "$out/create-admin.log"; return 1; }
  "${envs[@]}" "$BIN" serve >"$out/serve.log" 2>&1 &
  local srv=$!; PIDS+=($srv)
  if ! wait_http "$origin/health" 20; then echo "service did not answer on $origin; log:"; tail -20 "$out/serve.log"; kill "$srv"; return 1; fi

  echo "=== $app: browser check against $BIN on $origin"
  node "$HERE/check.cjs" --app "$app" --base "$origin" --out "$out" --admin "$ADMIN_EMAIL" \
    --admin-password "$ADMIN_PW" --chromium "$CHROMIUM" "${mail_arg[@]}"
  local rc=$?
  kill "$srv" 2>/dev/null; wait "$srv" 2>/dev/null
  [[ -n "$smtp_port" ]] && { kill "$sink" 2>/dev/null; wait "$sink" 2>/dev/null; }
  if grep -qE ' (ERROR|WARN) |panicked' "$out/serve.log"; then
    echo "--- $app: service warnings, errors and panics (from $out/serve.log):"
    grep -E -A1 ' (ERROR|WARN) |panicked' "$out/serve.log" | grep -v '^--$' | tail -30
  fi
  return $rc
}

overall=0
declare -A status
for app in "${apps[@]}"; do
  if run_app "$app"; then status[$app]=ok; else status[$app]=FAILED; overall=1; fi
done
echo
echo "=== webapps check summary"
for app in "${apps[@]}"; do echo "  $app: ${status[$app]} (report /tmp/webapps/$app/report.json, screenshots /tmp/webapps/$app/shots/)"; done
exit $overall
