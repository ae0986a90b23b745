#!/usr/bin/env python3
"""HTTP helpers of bench/replicas.sh (standard library only). Every answer says which replica
served it (the balancer's X-Replica header).

  replicas.py login BASE USER PASSWORD            print a token
  replicas.py conversation BASE TOKEN             print a new conversation id
  replicas.py logins BASE USER N                  N wrong-password logins: statuses and replicas
  replicas.py burst BASE TOKEN PATH N             N GETs: statuses and replicas
  replicas.py start BASE TOKEN CONV MESSAGE K     start a turn, read K chunks, hang up:
                                                  prints "TURN LAST_EVENT_ID REPLICA"
  replicas.py resume BASE TOKEN TURN LAST_ID      resume: prints "REPLICA TYPES FULL_RESPONSE"
  replicas.py ask BASE TOKEN CONV MESSAGE         a whole turn: prints "REPLICA TYPES FULL_RESPONSE"
"""
import collections
import http.client
import json
import sys
import urllib.parse


def conn(base):
    u = urllib.parse.urlparse(base)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=600)


def request(base, method, path, token=None, body=None, form=None, headers=None):
    c = conn(base)
    h = dict(headers or {})
    if token:
        h["authorization"] = f"Bearer {token}"
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        h["content-type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        h["content-type"] = "application/x-www-form-urlencoded"
    c.request(method, path, body=data, headers=h)
    return c, c.getresponse()


def events(resp, stop_after_chunks=None):
    """(id, event) pairs of an SSE body; stops after K chunks when asked."""
    out, chunks, last_id = [], 0, None
    while True:
        line = resp.readline()
        if not line:
            break
        line = line.decode().rstrip("\n")
        if line.startswith("id: "):
            last_id = line[4:]
        elif line.startswith("data: "):
            ev = json.loads(line[6:])
            out.append((last_id, ev))
            if ev.get("type") == "chunk":
                chunks += 1
                if stop_after_chunks and chunks >= stop_after_chunks:
                    break
            if ev.get("type") in ("done", "error"):
                break
    return out


def main():
    cmd, base = sys.argv[1], sys.argv[2]
    a = sys.argv[3:]
    if cmd == "login":
        _, r = request(base, "POST", "/api/v1/auth/login", form={"username": a[0], "password": a[1]})
        print(json.load(r)["access_token"])
    elif cmd == "conversation":
        _, r = request(base, "POST", "/api/v1/conversations/", token=a[0], body={})
        print(json.load(r)["id"])
    elif cmd == "logins":
        seen = collections.Counter()
        for _ in range(int(a[1])):
            _, r = request(base, "POST", "/api/v1/auth/login", form={"username": a[0], "password": "wrong-password"})
            r.read()
            seen[(r.status, r.getheader("x-replica"))] += 1
        print(" ".join(f"{s}@{rep}x{n}" for (s, rep), n in sorted(seen.items(), key=str)))
    elif cmd == "burst":
        seen = collections.Counter()
        for _ in range(int(a[2])):
            _, r = request(base, "GET", a[1], token=a[0])
            r.read()
            seen[(r.status, r.getheader("x-replica"))] += 1
        print(" ".join(f"{s}@{rep}x{n}" for (s, rep), n in sorted(seen.items(), key=str)))
    elif cmd == "start":
        token, conv, message, k = a[0], int(a[1]), a[2], int(a[3])
        c, r = request(base, "POST", "/api/v1/chat/send", token=token,
                       body={"conversation_id": conv, "message": message, "agent_type": "news"})
        evs = events(r, stop_after_chunks=k)
        c.close()
        print(r.getheader("x-chat-turn-id"), evs[-1][0], r.getheader("x-replica"))
    elif cmd in ("resume", "ask"):
        if cmd == "resume":
            token, turn, last = a[0], a[1], a[2]
            c, r = request(base, "GET", f"/api/v1/chat/stream/{turn}", token=token,
                           headers={"last-event-id": last})
        else:
            token, conv, message = a[0], int(a[1]), a[2]
            c, r = request(base, "POST", "/api/v1/chat/send", token=token,
                           body={"conversation_id": conv, "message": message, "agent_type": "news"})
        evs = events(r)
        types = ",".join(e["type"] for _, e in evs)
        full = next((e.get("full_response", "") for _, e in evs if e["type"] == "done"), "")
        print(r.getheader("x-replica"), types, json.dumps(full))
    else:
        sys.exit(f"unknown command {cmd}")


if __name__ == "__main__":
    main()
