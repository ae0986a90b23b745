#!/usr/bin/env python3
"""Concurrent chat streams through a fake OpenAI-compatible provider.

Two parts, standard library only:
  streams.py fake PORT DELTAS INTERVAL_MS   an OpenAI-compatible server whose deltas carry the
                                             time they were sent (ns, CLOCK_MONOTONIC, in letters)
  streams.py load BASE TOKEN CONVERSATION N PID
                                             opens N chat streams at once and prints time to
                                             first byte, the service's added latency per chunk
                                             (client receive time minus fake-provider send
                                             time), completion, and the service's memory per
                                             open stream
"""
import asyncio
import json
import socket
import statistics
import sys
import time


def stamp(ns):
    """A send time written in letters ("bhd..." for 173...): the service states no figure its
    data does not hold, so a delta made of digits would be withheld as an unchecked
    figure, and the stream would carry no chunks."""
    return "".join(chr(ord("a") + int(d)) for d in str(ns))


def unstamp(word):
    if word and all("a" <= c <= "j" for c in word):
        return int("".join(str(ord(c) - ord("a")) for c in word))
    return None


async def fake_server(port, deltas, interval):
    async def handle(reader, writer):
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.decode().split("\r\n"):
                if line.lower().startswith("content-length:"):
                    length = int(line.split(":", 1)[1])
            if length:
                await reader.readexactly(length)
            writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n")
            for _ in range(deltas):
                await asyncio.sleep(interval)
                chunk = {"choices": [{"index": 0, "delta": {"content": f"{stamp(time.monotonic_ns())} "}}]}
                writer.write(f"data: {json.dumps(chunk)}\n\n".encode())
                await writer.drain()
            writer.write(b'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n')
            await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", port, backlog=4096)
    async with server:
        await server.serve_forever()


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1])
    return 0


async def one_stream(host, port, token, conversation, ttfb, lat, done, opened):
    body = json.dumps({"conversation_id": conversation, "message": "stream", "agent_type": "news"}).encode()
    req = (f"POST /api/v1/chat/send HTTP/1.1\r\nhost: {host}\r\nauthorization: Bearer {token}\r\n"
           f"content-type: application/json\r\ncontent-length: {len(body)}\r\nconnection: close\r\n\r\n").encode() + body
    start = time.monotonic_ns()
    reader, writer = await asyncio.open_connection(host, port, limit=1 << 20)
    writer.write(req)
    await writer.drain()
    first = True
    buf = b""
    ok = False
    opened.append(1)
    while True:
        data = await reader.read(65536)
        if not data:
            break
        now = time.monotonic_ns()
        if first and b"data: " in data:
            ttfb.append((now - start) / 1e6)
            first = False
        buf += data
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            if not line.startswith(b"data: "):
                continue
            ev = json.loads(line[6:])
            if ev.get("type") == "chunk":
                for word in ev["content"].split():
                    sent = unstamp(word)
                    if sent is not None:
                        lat.append((now - sent) / 1e6)
            elif ev.get("type") == "done":
                ok = True
    writer.close()
    done.append(ok)


async def load(base, token, conversation, n, pid):
    host, port = base.replace("http://", "").split(":")
    port = int(port)
    idle = rss_kb(pid)
    ttfb, lat, done, opened = [], [], [], []
    peak = idle

    async def sample():
        nonlocal peak
        while len(done) < n:
            peak = max(peak, rss_kb(pid))
            await asyncio.sleep(0.05)

    t0 = time.monotonic()
    sampler = asyncio.create_task(sample())
    await asyncio.gather(*(one_stream(host, port, token, conversation, ttfb, lat, done, opened) for _ in range(n)))
    elapsed = time.monotonic() - t0
    await sampler

    def pct(xs, p):
        xs = sorted(xs)
        return xs[min(len(xs) - 1, int(len(xs) * p))] if xs else float("nan")

    print(f"streams: {n} concurrent, {sum(done)} completed with done, {elapsed:.1f} s wall")
    print(f"time to first byte: p50 {pct(ttfb, 0.5):.1f} ms, p99 {pct(ttfb, 0.99):.1f} ms")
    print(f"added latency per chunk ({len(lat)} chunks): p50 {pct(lat, 0.5):.1f} ms, p99 {pct(lat, 0.99):.1f} ms, "
          f"mean {statistics.mean(lat) if lat else float('nan'):.1f} ms")
    print(f"memory: idle {idle / 1024:.0f} MiB, peak with the streams open {peak / 1024:.0f} MiB, "
          f"{(peak - idle) / max(n, 1):.0f} KiB per open stream")


async def unread(base, token, conversation, n, pid, hold, metrics_base):
    """Streams whose client never reads a byte: what the service holds for them while their
    sockets stay open, once their turns have finished, and after the sockets close."""
    host, port = base.replace("http://", "").split(":")
    port = int(port)
    idle = rss_kb(pid)
    body = json.dumps({"conversation_id": conversation, "message": "stream", "agent_type": "news"}).encode()
    req = (f"POST /api/v1/chat/send HTTP/1.1\r\nhost: {host}\r\nauthorization: Bearer {token}\r\n"
           f"content-type: application/json\r\ncontent-length: {len(body)}\r\n\r\n").encode() + body
    socks = []
    for _ in range(n):
        s = socket.socket()
        # the smallest receive buffer the kernel allows: the client's side takes almost nothing
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1)
        s.connect((host, port))
        s.sendall(req)
        socks.append(s)
    peak = idle
    t0 = time.monotonic()
    while time.monotonic() - t0 < hold:
        peak = max(peak, rss_kb(pid))
        await asyncio.sleep(0.2)
    held = rss_kb(pid)
    # Only now read each answer's status line: how many streams were opened at all.
    ok = 0
    for s in socks:
        s.settimeout(5)
        try:
            ok += s.recv(12).startswith(b"HTTP/1.1 200")
        except OSError:
            pass
    for s in socks:
        s.close()
    await asyncio.sleep(3)
    closed = rss_kb(pid)
    import urllib.request
    metrics = urllib.request.urlopen(f"{metrics_base}/metrics").read().decode()
    stalls = next((l.split()[-1] for l in metrics.splitlines() if l.startswith("solarintel_http_write_stalls_total")), "?")
    print(f"connections closed for taking no bytes (solarintel_http_write_stalls_total): {stalls}")
    print(f"unread streams: {n} ({ok} answered 200), held {hold:.0f} s with their sockets open and never read")
    print(f"memory: idle {idle / 1024:.0f} MiB, peak {peak / 1024:.0f} MiB, after {hold:.0f} s {held / 1024:.0f} MiB "
          f"({(held - idle) / max(n, 1):.0f} KiB per unread stream), 3 s after closing {closed / 1024:.0f} MiB")


def main():
    if sys.argv[1] == "unread":
        asyncio.run(unread(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7]), sys.argv[8]))
        return
    if sys.argv[1] == "fake":
        asyncio.run(fake_server(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]) / 1000))
    else:
        asyncio.run(load(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])))


if __name__ == "__main__":
    main()
