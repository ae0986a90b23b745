#!/usr/bin/env python3
"""Cached vs uncached answers through the fake provider of streams.py.

  cache.py BASE TOKEN N   asks N distinct questions, each in a new conversation (the answer cache
                          misses and the model is called), then the same N again in new
                          conversations (the cache answers), and prints time to the first chunk
                          and to the done event for both rounds.
"""
import json
import sys
import time
import urllib.request


def call(base, token, method, path, body=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"authorization": f"Bearer {token}", "content-type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


def ask(base, token, question):
    conv = call(base, token, "POST", "/api/v1/conversations/", {})["id"]
    body = json.dumps({"conversation_id": conv, "message": question, "agent_type": "news"}).encode()
    req = urllib.request.Request(base + "/api/v1/chat/send", method="POST", data=body,
                                 headers={"authorization": f"Bearer {token}", "content-type": "application/json"})
    start = time.monotonic()
    first = None
    with urllib.request.urlopen(req) as r:
        for line in r:
            if not line.startswith(b"data: "):
                continue
            ev = json.loads(line[6:])
            if ev.get("type") == "chunk" and first is None:
                first = time.monotonic() - start
            if ev.get("type") in ("done", "error"):
                assert ev["type"] == "done", ev
                return first * 1000, (time.monotonic() - start) * 1000


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))]


def main():
    base, token, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    questions = [f"What happened in solar news item {i}?" for i in range(n)]
    for label in ("not cached (model called)", "cached (same questions, new conversations)"):
        firsts, fulls = [], []
        for q in questions:
            f, t = ask(base, token, q)
            firsts.append(f)
            fulls.append(t)
        print(f"| {label} | {n} | {pct(firsts, 0.5):.1f} | {pct(firsts, 0.99):.1f} | {pct(fulls, 0.5):.1f} | {pct(fulls, 0.99):.1f} |")


if __name__ == "__main__":
    main()
