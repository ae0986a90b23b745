#!/usr/bin/env python3
"""The built-in reader under concurrent follow-ups. Standard library only.

  reader.py BASE TOKEN TURNS PREVIOUS_CHARS

Creates TURNS conversations whose previous user message is PREVIOUS_CHARS characters of words
that are near, but not, known names (the reader's most expensive case: every word is compared with
the lexicon's near spellings), then sends the follow-up "and Spain?" in all of them at once while
a probe asks GET /api/v1/health/ping every 5 ms on its own connection. Prints the probe's latency
alone and during the turns, and how long the turns took.
"""
import asyncio
import json
import random
import statistics
import sys
import time
import urllib.parse

BASE, TOKEN, TURNS, CHARS = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
U = urllib.parse.urlsplit(BASE)


async def request(method, path, body=None, reader_writer=None):
    r, w = reader_writer or await asyncio.open_connection(U.hostname, U.port)
    data = json.dumps(body).encode() if body is not None else b""
    head = (f"{method} {path} HTTP/1.1\r\nhost: {U.hostname}\r\nauthorization: Bearer {TOKEN}\r\n"
            f"content-type: application/json\r\ncontent-length: {len(data)}\r\n")
    head += "\r\n" if reader_writer else "connection: close\r\n\r\n"
    w.write(head.encode() + data)
    await w.drain()
    status_line = await r.readline()
    headers = {}
    while True:
        line = await r.readline()
        if line in (b"\r\n", b""):
            break
        k, v = line.decode().split(":", 1)
        headers[k.strip().lower()] = v.strip()
    if "content-length" in headers:
        payload = await r.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        payload = b""
        while True:
            size = int((await r.readline()).strip(), 16)
            if size == 0:
                await r.readline()
                break
            payload += await r.readexactly(size)
            await r.readline()
    else:
        payload = await r.read()
    if not reader_writer:
        w.close()
    return int(status_line.split()[1]), payload


def near_words(n_chars):
    rnd = random.Random(7)
    bases = ["italy", "spain", "germany", "france", "annual", "cumulative", "module", "capacity",
             "forecast", "polysilicon", "netherlands", "installations"]
    out = []
    while sum(len(w) + 1 for w in out) < n_chars:
        w = list(rnd.choice(bases))
        i = rnd.randrange(len(w))
        w[i] = rnd.choice("qxzjvk")
        out.append("".join(w))
    return " ".join(out)[:n_chars]


async def probe(stop, out):
    conn = await asyncio.open_connection(U.hostname, U.port)
    while not stop.is_set():
        t = time.perf_counter()
        status, _ = await request("GET", "/api/v1/health/ping", reader_writer=conn)
        assert status == 200, status
        out.append((time.perf_counter() - t) * 1000)
        await asyncio.sleep(0.005)


def summary(xs):
    xs = sorted(xs)
    return (f"{len(xs)} pings, p50 {statistics.median(xs):.1f} ms, "
            f"p99 {xs[int(len(xs) * 0.99) - 1]:.1f} ms, max {xs[-1]:.1f} ms")


async def main():
    previous = near_words(CHARS)
    convs = []
    for _ in range(TURNS):
        s, b = await request("POST", "/api/v1/conversations/", {})
        c = json.loads(b)["id"]
        s, b = await request("POST", f"/api/v1/conversations/{c}/messages",
                             {"sender": "user", "content": previous})
        assert s == 201, (s, b)
        convs.append(c)
    idle, busy = [], []
    stop = asyncio.Event()
    p = asyncio.create_task(probe(stop, idle))
    await asyncio.sleep(2)
    stop.set()
    await p
    stop = asyncio.Event()
    p = asyncio.create_task(probe(stop, busy))
    await asyncio.sleep(0.2)
    t = time.perf_counter()
    results = await asyncio.gather(*[
        request("POST", "/api/v1/chat/send",
                {"conversation_id": c, "message": "and Spain?", "agent_type": "market"})
        for c in convs])
    took = time.perf_counter() - t
    stop.set()
    await p
    ok = sum(1 for s, b in results if s == 200 and b'"type": "done"' in b or b'"type":"done"' in b)
    print(f"previous question: {CHARS} characters, {len(previous.split())} words")
    print(f"ping alone:            {summary(idle)}")
    print(f"ping during {TURNS} turns: {summary(busy)}")
    print(f"{TURNS} follow-up turns: {ok} done, all answered in {took:.2f} s")


asyncio.run(main())
