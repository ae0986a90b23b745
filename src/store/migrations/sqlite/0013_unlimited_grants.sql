-- Per-user agent grants may give unlimited queries (issue 23): an admin grants a user an agent,
-- optionally unlimited and until a date; those queries are not counted. The column itself is
-- added by `Db::migrate` just before this migration, and only when missing: the old service's
-- later versions added it too (their `add_unlimited_queries`), and SQLite has no ADD COLUMN IF
-- NOT EXISTS. Rows written before are limited.
UPDATE fastapi_agent_whitelist SET unlimited_queries = 0 WHERE unlimited_queries IS NULL;
