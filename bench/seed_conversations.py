#!/usr/bin/env python3
"""Give one user N conversations with M messages each, directly in the database (the benchmark's
"heavy user"). Usage: seed_conversations.py DATABASE_URL USER_ID [N] [M]

SQLite URLs use Python's sqlite3; postgres:// URLs go through psql."""
import json
import subprocess
import sys


def envelope(text):
    return json.dumps({"type": "string", "value": text, "comment": None})


def main():
    url, user_id = sys.argv[1], int(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    m = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    if url.startswith("sqlite://"):
        import sqlite3
        db = sqlite3.connect(url[len("sqlite://"):])
        cur = db.cursor()
        for i in range(n):
            cur.execute(
                "INSERT INTO fastapi_conversations (user_id, title, agent_type, created_at) VALUES (?, ?, 'market', datetime('now', ?))",
                (user_id, f"Conversation {i}", f"-{n - i} minutes"),
            )
            cid = cur.lastrowid
            cur.executemany(
                "INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp) VALUES (?, ?, ?, datetime('now'))",
                [(cid, "user" if j % 2 == 0 else "bot", envelope(f"message {j} of conversation {i} about PV module prices in Europe"))
                 for j in range(m)],
            )
        db.commit()
    else:
        sql = f"""
        INSERT INTO fastapi_conversations (user_id, title, agent_type, created_at)
          SELECT {user_id}, 'Conversation ' || g, 'market', now() - (({n} - g) || ' minutes')::interval FROM generate_series(0, {n - 1}) g;
        INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp)
          SELECT c.id, CASE WHEN j % 2 = 0 THEN 'user' ELSE 'bot' END,
                 '{{"type": "string", "value": "message ' || j || ' about PV module prices in Europe", "comment": null}}', now()
          FROM fastapi_conversations c CROSS JOIN generate_series(0, {m - 1}) j WHERE c.user_id = {user_id};
        """
        # VACUUM ANALYZE: the state autovacuum reaches shortly after a bulk load (visibility map
        # set, so the message counts are index-only scans).
        subprocess.run(["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql, "-c", "VACUUM ANALYZE", "-c", "CHECKPOINT"], check=True)


if __name__ == "__main__":
    main()
