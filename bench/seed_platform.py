#!/usr/bin/env python3
"""A platform-sized database for the admin statistics benchmark: U users, each with C
conversations of M messages (defaults 10,000 × 2 × 50 = 1,000,000 messages), spread over the last
60 days. Usage: seed_platform.py DATABASE_URL [U] [C] [M]"""
import json
import random
import subprocess
import sys

AGENTS = ["market", "price", "news", "digitalization", "nzia_policy", "leo_om"]


def main():
    url = sys.argv[1]
    users = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    convs = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    msgs = int(sys.argv[4]) if len(sys.argv) > 4 else 50
    if url.startswith("sqlite://"):
        import sqlite3
        rnd = random.Random(7)
        db = sqlite3.connect(url[len("sqlite://"):])
        cur = db.cursor()
        first_user = (cur.execute("SELECT COALESCE(MAX(id), 0) FROM fastapi_users").fetchone()[0]) + 1
        cur.executemany(
            "INSERT INTO fastapi_users (username, password_hash, full_name, role, is_active, created_at, email_verified, "
            "gdpr_consent_given, terms_accepted, marketing_consent, plan_type, query_count, monthly_query_count, deleted) "
            "VALUES (?, 'x', ?, 'user', ?, datetime('now', ?), 0, 1, 1, 0, ?, ?, ?, 0)",
            [(f"user{i}@example.com", f"User {i}", 1 if i % 10 else 0, f"-{rnd.randint(0, 90)} days",
              ["free", "premium", "max"][i % 3], rnd.randint(0, 500), rnd.randint(0, 5)) for i in range(users)],
        )
        conv_rows = [(first_user + u, AGENTS[(u + c) % len(AGENTS)], f"-{rnd.randint(0, 60)} days")
                     for u in range(users) for c in range(convs)]
        cur.executemany(
            "INSERT INTO fastapi_conversations (user_id, title, agent_type, created_at) VALUES (?, 'Seeded', ?, datetime('now', ?))",
            conv_rows,
        )
        first_conv = cur.execute("SELECT MAX(id) FROM fastapi_conversations").fetchone()[0] - len(conv_rows) + 1
        content = json.dumps({"type": "string", "value": "What is the PV outlook?", "comment": None})
        batch = []
        for k in range(len(conv_rows)):
            for j in range(msgs):
                batch.append((first_conv + k, "user" if j % 2 == 0 else "bot", content,
                              f"-{rnd.randint(0, 60 * 24 * 60)} minutes"))
                if len(batch) >= 50_000:
                    cur.executemany("INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp) "
                                    "VALUES (?, ?, ?, datetime('now', ?))", batch)
                    batch = []
        if batch:
            cur.executemany("INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp) "
                            "VALUES (?, ?, ?, datetime('now', ?))", batch)
        db.commit()
        db.execute("ANALYZE")
        db.close()
    else:
        agents_sql = ",".join(f"'{a}'" for a in AGENTS)
        sql = f"""
        INSERT INTO fastapi_users (username, password_hash, full_name, role, is_active, created_at, email_verified,
            gdpr_consent_given, terms_accepted, marketing_consent, plan_type, query_count, monthly_query_count, deleted)
          SELECT 'user' || g || '@example.com', 'x', 'User ' || g, 'user', g % 10 <> 0, now() - (g % 91 || ' days')::interval,
                 false, true, true, false, (ARRAY['free','premium','max'])[1 + g % 3], (g * 7919) % 500, g % 6, false
          FROM generate_series(1, {users}) g;
        INSERT INTO fastapi_conversations (user_id, title, agent_type, created_at)
          SELECT u.id, 'Seeded', (ARRAY[{agents_sql}])[1 + (u.id + c) % {len(AGENTS)}], now() - ((u.id + c) % 61 || ' days')::interval
          FROM fastapi_users u CROSS JOIN generate_series(0, {convs - 1}) c WHERE u.username LIKE 'user%@example.com';
        INSERT INTO fastapi_messages (conversation_id, sender, content, timestamp)
          SELECT c.id, CASE WHEN j % 2 = 0 THEN 'user' ELSE 'bot' END,
                 '{{"type": "string", "value": "What is the PV outlook?", "comment": null}}',
                 now() - (((c.id * 31 + j * 17) % 86400) || ' minutes')::interval
          FROM fastapi_conversations c CROSS JOIN generate_series(0, {msgs - 1}) j WHERE c.title = 'Seeded';
        """
        subprocess.run(["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql, "-c", "VACUUM ANALYZE", "-c", "CHECKPOINT"], check=True)


if __name__ == "__main__":
    main()
