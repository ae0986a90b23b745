#!/usr/bin/env python3
"""A platform-sized database for the admin analytics benchmark (bench/analytics.sh), written
straight into a migrated database: U users (a few admins and soft-deleted accounts among them),
C conversations and M messages (user question, bot answer, alternating), spread over the last
D days, with hired agents and both survey stages. The same rows on both databases (the generator
is seeded). Defaults: 2,000 users, 100,000 conversations, 1,000,000 messages, 365 days.

Usage: seed_analytics.py DATABASE_URL [U] [C] [M] [D]

SQLite URLs (sqlite://PATH) are written with Python's sqlite3; postgres:// URLs are loaded with
psql's \\copy from CSV files in a temporary folder."""
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone

AGENTS = ["market", "news", "digitalization", "nzia_policy", "manufacturer_financial",
          "nzia_market_impact", "component_prices", "seamless", "quality"]
COUNTRIES = ["Germany", "Italy", "Spain", "France", "Poland", "the Netherlands", "China", "India",
             "the United States", "Brazil", "Japan", "Australia", "Chile", "South Africa"]
QUESTIONS = [
    "What was the installed PV capacity in {c} in {y}?",
    "How much PV did {c} install in {y} overall?",
    "Compare the residential and utility-scale segments in {c} for {y}",
    "What are the module prices in {c} this quarter?",
    "Any news about solar auctions in {c}?",
    "Forecast for {c} until 2030, high scenario",
    "What does the NZIA mean for manufacturers in {c}?",
    "Polysilicon price trend since {y}",
    "Which manufacturers ship the most modules to {c}?",
    "What is the cumulative capacity of {c} at the end of {y}?",
]
ROLES = ["Developer", "Investor", "Manufacturer", "Consultant", "Researcher", "Utility", "Other"]
REGIONS = ["Europe", "Asia", "North America", "Latin America", "Africa", "Middle East", "Oceania"]
FAMILIARITY = ["beginner", "intermediate", "expert"]
INSIGHTS = ["prices", "market", "policy", "technology", "news"]
FOCUS = ["Project development", "Manufacturing", "Distribution", "Research", "Other"]
SEGMENTS = ["Residential", "Commercial", "Utility-scale", "Floating", "Agri-PV"]
TECH = ["TOPCon", "HJT", "PERC", "Perovskite", "Storage"]
CHALLENGES = ["Prices", "Grid access", "Permitting", "Financing", "Supply chain"]


def envelope(text):
    return json.dumps({"type": "string", "value": text, "comment": None})


def ts(t):
    return t.strftime("%Y-%m-%d %H:%M:%S.%f")


def generate(users, convs, msgs, days, first_ids):
    """Every table's rows as lists of tuples (ids above `first_ids`, a dict table -> max id)."""
    rnd = random.Random(23)
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    u0, c0, m0 = first_ids["users"] + 1, first_ids["conversations"] + 1, first_ids["messages"] + 1
    out = {k: [] for k in ["users", "conversations", "messages", "hired", "survey1", "survey2"]}
    for i in range(users):
        uid = u0 + i
        role = "admin" if i < 5 else "user"
        deleted = i % 97 == 0 and i >= 5
        created = now - timedelta(days=days + 30) + timedelta(seconds=rnd.randint(0, (days + 29) * 86400))
        plan = ["free", "analyst", "strategist", "enterprise", "premium"][rnd.randint(0, 4)]
        out["users"].append((uid, f"analytics{uid}@example.com", "x", f"User {uid}", role,
                             i % 10 != 0, ts(created), plan, deleted, True, True, True, False))
        for a in rnd.sample(AGENTS, rnd.randint(1, 4)):
            out["hired"].append((uid, a, ts(created), rnd.random() < 0.9))
        if rnd.random() < 0.6:
            out["survey1"].append((uid, rnd.choice(ROLES), None,
                                   json.dumps(rnd.sample(REGIONS, rnd.randint(1, 3))),
                                   rnd.choice(FAMILIARITY), json.dumps(rnd.sample(INSIGHTS, 2)),
                                   rnd.choice(["yes", "no", None]), ts(created + timedelta(days=1)), 5))
            if rnd.random() < 0.5:
                out["survey2"].append((uid, rnd.choice(FOCUS), None,
                                       json.dumps(rnd.sample(SEGMENTS, 2)), json.dumps(rnd.sample(TECH, 2)),
                                       None, json.dumps(rnd.sample(CHALLENGES, 2)),
                                       rnd.choice(["Weekly prices", None]), ts(created + timedelta(days=2)), 5))
    per_conv = max(2, msgs // convs)
    mid = m0
    for k in range(convs):
        cid = c0 + k
        # Activity is skewed: a few users hold many conversations.
        uid = u0 + min(users - 1, int(users * rnd.random() ** 2))
        agent = AGENTS[min(len(AGENTS) - 1, int(len(AGENTS) * rnd.random() ** 1.5))]
        start = now - timedelta(seconds=rnd.randint(600, days * 86400))
        out["conversations"].append((cid, uid, f"Conversation {cid}", agent, ts(start)))
        t = start
        for j in range(per_conv):
            if j % 2 == 0:
                q = rnd.choice(QUESTIONS).format(c=rnd.choice(COUNTRIES), y=rnd.randint(2015, 2025))
                out["messages"].append((mid, cid, "user", envelope(q), ts(t), None))
            else:
                # Now and then another agent answers (a switch within the conversation).
                by = agent if rnd.random() < 0.9 else rnd.choice(AGENTS)
                out["messages"].append((mid, cid, "bot", envelope(
                    f"**Answer from {by}.** " + "Installed capacity grew by 12.5 GW year on year; "
                    "utility-scale projects led the growth while residential slowed. " * 2), ts(t), by))
            mid += 1
            t += timedelta(seconds=rnd.randint(5, 90))
    return out


COLUMNS = {
    "users": ("fastapi_users", "id, username, password_hash, full_name, role, is_active, created_at, plan_type, deleted, "
              "email_verified, gdpr_consent_given, terms_accepted, marketing_consent"),
    "hired": ("fastapi_hired_agent", "user_id, agent_type, hired_at, is_active"),
    "survey1": ("fastapi_user_survey", "user_id, role, role_other, regions, familiarity, insights, tailored, created_at, bonus_queries_granted"),
    "survey2": ("fastapi_user_survey_stage2", "user_id, work_focus, work_focus_other, pv_segments, technologies, technologies_other, challenges, weekly_insight, created_at, bonus_queries_granted"),
    "conversations": ("fastapi_conversations", "id, user_id, title, agent_type, created_at"),
    "messages": ("fastapi_messages", "id, conversation_id, sender, content, timestamp, agent_type"),
}


def main():
    url = sys.argv[1]
    users = int(sys.argv[2]) if len(sys.argv) > 2 else 2_000
    convs = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
    msgs = int(sys.argv[4]) if len(sys.argv) > 4 else 1_000_000
    days = int(sys.argv[5]) if len(sys.argv) > 5 else 365
    tables = {"users": "fastapi_users", "conversations": "fastapi_conversations", "messages": "fastapi_messages"}
    if url.startswith("sqlite://"):
        import sqlite3
        db = sqlite3.connect(url[len("sqlite://"):])
        first = {k: db.execute(f"SELECT COALESCE(MAX(id), 0) FROM {t}").fetchone()[0] for k, t in tables.items()}
        data = generate(users, convs, msgs, days, first)
        for key, rows in data.items():
            table, cols = COLUMNS[key]
            n = len(cols.split(","))
            db.executemany(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * n)})", rows)
        db.commit()
        # No ANALYZE: the service never runs it, so the benchmark plans without statistics too.
        db.close()
    else:
        q = lambda sql: subprocess.run(["psql", url, "-qtAX", "-v", "ON_ERROR_STOP=1", "-c", sql],
                                       check=True, capture_output=True, text=True).stdout.strip()
        first = {k: int(q(f"SELECT COALESCE(MAX(id), 0) FROM {t}")) for k, t in tables.items()}
        data = generate(users, convs, msgs, days, first)
        with tempfile.TemporaryDirectory() as tmp:
            cmds = []
            for key, rows in data.items():
                table, cols = COLUMNS[key]
                path = os.path.join(tmp, key + ".csv")
                with open(path, "w", newline="") as f:
                    w = csv.writer(f)
                    for r in rows:
                        w.writerow(["\\N" if v is None else ("t" if v is True else "f" if v is False else v) for v in r])
                cmds.append(f"\\copy {table} ({cols}) FROM '{path}' WITH (FORMAT csv, NULL '\\N')")
            for t in ["fastapi_users", "fastapi_conversations", "fastapi_messages"]:
                cmds.append(f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT MAX(id) FROM {t}))")
            args = ["psql", url, "-qX", "-v", "ON_ERROR_STOP=1"]
            for c in cmds:
                args += ["-c", c]
            subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
            # VACUUM ANALYZE: the state autovacuum reaches shortly after a bulk load.
            subprocess.run(["psql", url, "-qX", "-c", "VACUUM ANALYZE", "-c", "CHECKPOINT"], check=True)
    print(f"seeded {users} users, {convs} conversations, {len(data['messages'])} messages over {days} days",
          file=sys.stderr)


if __name__ == "__main__":
    main()
