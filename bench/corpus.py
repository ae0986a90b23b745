#!/usr/bin/env python3
"""The held-out measure of understanding: ask every question of bench/corpus/*.jsonl and judge the
answers against the figures the writers computed from the data files. Standard library only.

  corpus.py --sample BASE TOKEN [--real BASE TOKEN] [--show development|held_out|all] [--writer W]

Each item runs in a conversation of its own (follow-ups in order); the last answer is judged:
- answerable: *right* when every expected figure is stated (allowing for the rounding printed,
  MW<->GW<->kW and million<->billion) and every expected name appears (dates also read as month
  names); *partial* when some expected figures are stated but not all (a ranking cut short);
  *wrong* when the answer states figures but none of the expected ones; else *declined* (a miss,
  not an error).
- not answerable: *declined* when the answer states no figure (right), *wrong* otherwise; market
  refusals must also offer the expert.
Precision = right / (right + wrong), wrong counting both kinds; coverage = right / answerable.
A figure is a number that is not a year (1990-2100), not in a date, not in double quotes (the
words a refusal echoes) and not one of the question's own numbers. Items whose data instance is not running are
skipped and counted as such.
"""
import argparse
import json
import pathlib
import re
import sys
import urllib.request
from collections import defaultdict

HERE = pathlib.Path(__file__).resolve().parent / "corpus"
# (The lookahead refuses a digit too, so that "12N" does not yield a figure "1" by backtracking.)
NUM = re.compile(r"(?<![\w.])([-+−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w,]\d|[a-zA-Z\d])")


def post(base, token, path, body):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                 headers={"authorization": f"Bearer {token}",
                                          "content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return r.read().decode()


def events(sse):
    out = []
    for block in sse.split("\n\n"):
        for line in block.split("\n"):
            if line.startswith("data: "):
                try:
                    out.append(json.loads(line[6:]))
                except json.JSONDecodeError:
                    pass
    return out


def ask(base, token, item):
    c = json.loads(post(base, token, "/api/v1/conversations/", {}))["id"]
    evs = []
    for turn in item["turns"]:
        evs = events(post(base, token, "/api/v1/chat/send",
                          {"conversation_id": c, "message": turn, "agent_type": item["agent"]}))
    done = next((e for e in evs if e.get("type") == "done"), None)
    text = done.get("full_response", "") if done else ""
    offered = any(e.get("type") == "approval_request" for e in evs)
    return text, offered


DATE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
QUOTED = re.compile(r"\"[^\"\n]*\"")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def with_month_names(text):
    """`2024-11-01` also as `November 2024`, so a name such as "Nov" or "January 2023" matches."""
    def name(m):
        month = int(m.group(2))
        return m.group(0) + (f" ({MONTHS[month - 1]} {m.group(1)})" if 1 <= month <= 12 else "")
    return DATE.sub(name, text)


def numbers(text, question=""):
    """(value, decimals printed, significant digits) of every number stated: not a year, not a
    date, not a number in double quotes (the words a refusal could not match) and not a number
    of the question itself."""
    text = text.split("## How Our Experts Can Help")[0]
    text = QUOTED.sub(" ", DATE.sub(" ", text))
    echoed = {m.group(0).lstrip("+-−") for m in NUM.finditer(question)}
    out = []
    for m in NUM.finditer(text):
        sign, whole, frac = m.group(1), m.group(2), m.group(3) or ""
        digits = whole.replace(",", "")
        if whole + frac in echoed:
            continue
        if not frac and "," not in whole and len(digits) == 4 and 1990 <= int(digits) <= 2100:
            continue
        v = float(digits + frac)
        if sign in "-−" and sign:
            v = -v
        sig = len((digits + frac[1:]).lstrip("0"))
        out.append((v, len(frac) - 1 if frac else 0, sig))
    return out


def states_figure(text):
    return bool(numbers(text))


def matches(expected, printed):
    v, unit = float(expected["value"]), expected.get("unit", "")
    candidates = [v]
    if unit in ("MW", "USD million", "USD m"):
        candidates += [v / 1000, v * 1000]
    if unit == "%":
        candidates += [v / 100]
    for n, decimals, sig in printed:
        for x in candidates:
            tol = 0.5 * 10 ** -decimals + 1e-9
            if abs(abs(n) - abs(x)) <= tol and (sig >= 2 or abs(n - x) < 1e-9):
                return True
    return False


def judge(item, text, offered):
    printed = numbers(text, " ".join(item["turns"]))
    stated = bool(printed)
    if not item["answerable"]:
        ok = not stated and (item["agent"] != "market" or offered)
        return "refused" if ok else ("wrong" if stated else "no_offer")
    named = with_month_names(text).lower()
    names_ok = all(n.lower() in named for n in item.get("names", []))
    found = [matches(e, printed) for e in item.get("expect", [])]
    if names_ok and all(found) and (item.get("expect") or item.get("names")):
        return "right"
    if any(found):
        # Some of the figures asked for, none other wrong-looking: incomplete, not wrong.
        return "partial"
    return "wrong" if stated else "declined"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sample", nargs=2, metavar=("BASE", "TOKEN"), required=True)
    ap.add_argument("--real", nargs=2, metavar=("BASE", "TOKEN"))
    ap.add_argument("--show", choices=["development", "held_out", "all"], default="development",
                    help="whose misses to print (held-out misses stay unseen by default)")
    ap.add_argument("--writer", action="append", help="only these writers")
    ap.add_argument("--sets", default="all",
                    help="comma-separated sets to measure (development while changing the reader: "
                         "the held-out sets are measured once, at the end)")
    args = ap.parse_args()
    split = json.loads((HERE / "split.json").read_text())
    set_of = {w: s for s, ws in split.items() for w in ws}
    instances = {"sample": args.sample, "real": args.real}
    tally = defaultdict(lambda: defaultdict(int))
    misses = []
    for f in sorted(HERE.glob("*.jsonl")):
        writer = f.stem
        if args.writer and writer not in args.writer:
            continue
        s = set_of.get(writer, "unassigned")
        if args.sets != "all" and s not in args.sets.split(","):
            continue
        for line in f.read_text().splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            inst = instances.get(item["data"])
            row = (s, item["kind"] if item["answerable"] else "unanswerable")
            if not inst:
                tally[row]["skipped"] += 1
                continue
            text, offered = ask(*inst, item)
            verdict = judge(item, text, offered)
            tally[row][verdict] += 1
            tally[row]["answerable" if item["answerable"] else "unanswerable"] += 1
            missed = verdict in ("wrong", "no_offer", "partial", "declined")
            if missed and args.show in (s, "all"):
                misses.append((s, item, verdict, text))
    print("| set | kind | answerable: right / n (coverage) | partial | wrong figures | unanswerable declined |")
    print("|---|---|---|---|---|---|")
    totals = defaultdict(lambda: defaultdict(int))
    for (s, kind), t in sorted(tally.items()):
        for k, v in t.items():
            totals[s][k] += v
        print(row_text(s, kind, t))
    for s, t in sorted(totals.items()):
        print(row_text(s, "**all**", t))
        wrong, right = t["wrong"], t["right"]
        prec = right / (right + wrong) * 100 if right + wrong else 100.0
        print(f"| {s} | precision {prec:.1f} % | | | | |")
    for s, item, verdict, text in misses:
        print(f"\nMISS [{s}] {item['id']} ({verdict}) {item['turns']}\n  want {item.get('expect')} "
              f"{item.get('names')} — {item.get('how') or item.get('why')}\n  got: "
              + text.replace("\n", " ")[:600])


def row_text(s, kind, t):
    n = t["answerable"]
    cov = f"{t['right']} / {n} ({t['right'] / n * 100:.0f} %)" if n else "–"
    un = t["unanswerable"]
    dec = f"{t['refused']} / {un}" if un else "–"
    skipped = f" ({t['skipped']} skipped)" if t["skipped"] else ""
    return f"| {s} | {kind}{skipped} | {cov} | {t['partial']} | {t['wrong']} | {dec} |"


if __name__ == "__main__":
    main()
