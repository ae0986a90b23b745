-- Per-user agent grants may give unlimited queries (issue 23): an admin grants a user an agent,
-- optionally unlimited and until a date; those queries are not counted. The old service's later
-- versions added the same column (their `add_unlimited_queries`): IF NOT EXISTS. Rows written
-- before are limited.
ALTER TABLE fastapi_agent_whitelist ADD COLUMN IF NOT EXISTS unlimited_queries BOOLEAN DEFAULT FALSE;
UPDATE fastapi_agent_whitelist SET unlimited_queries = FALSE WHERE unlimited_queries IS NULL;
