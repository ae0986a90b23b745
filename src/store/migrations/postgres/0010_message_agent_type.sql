-- Which agent answered each bot message (issue 23; the current app shows it, and the old service
-- added the same column later, so a database it migrated may already have it: IF NOT EXISTS).
ALTER TABLE fastapi_messages ADD COLUMN IF NOT EXISTS agent_type VARCHAR(50);
CREATE INDEX IF NOT EXISTS idx_messages_agent_type ON fastapi_messages (agent_type);
-- Bot messages written before: the agent of their conversation (as the old service backfilled
-- them). User messages stay NULL.
UPDATE fastapi_messages
   SET agent_type = (SELECT c.agent_type FROM fastapi_conversations c WHERE c.id = fastapi_messages.conversation_id)
 WHERE sender = 'bot' AND agent_type IS NULL;
