-- Which agent answered each bot message (issue 23; the current app shows it). The column itself
-- is added by `Db::migrate` just before this migration, and only when missing: the old service
-- added the same column later, so a database it migrated may already have it, and SQLite has no
-- ADD COLUMN IF NOT EXISTS.
CREATE INDEX IF NOT EXISTS idx_messages_agent_type ON fastapi_messages (agent_type);
-- Bot messages written before: the agent of their conversation (as the old service backfilled
-- them). User messages stay NULL.
UPDATE fastapi_messages
   SET agent_type = (SELECT c.agent_type FROM fastapi_conversations c WHERE c.id = fastapi_messages.conversation_id)
 WHERE sender = 'bot' AND agent_type IS NULL;
