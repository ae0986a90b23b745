-- The free trial's fallback agent (decision L4, setting FALLBACK_AGENT): once a free user's
-- monthly queries are used up, the fallback agent answers a few queries a calendar day (UTC).
-- `fastapi_users.daily_free_queries` (the queries left on that day; NULL reads as the full
-- allowance) and `daily_free_queries_reset_date` (the day they belong to, reset lazily by the
-- next claim on another day) are the old service's later columns (its `models.py`, never
-- migrated there): `Db::migrate` adds them just before this migration, and only when missing,
-- since SQLite has no ADD COLUMN IF NOT EXISTS. A turn records which counter it took, so a failed
-- turn gives back the right one.
ALTER TABLE fastapi_chat_turns ADD COLUMN fallback_daily BOOLEAN NOT NULL DEFAULT 0;
