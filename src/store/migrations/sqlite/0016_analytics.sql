-- Admin analytics (decision L6).
--
-- The query log and the CSV export read a period's queries newest first, ties by id: with the id
-- in the index they are read in that order and a page stops at its limit (PostgreSQL sorted the
-- whole period first). The index of 0004 had the conversation where this one has the id; this
-- one still holds the conversation, so the admin activity report and the analytics' pass over a
-- period read it alone, as they read the old one, which it replaces.
CREATE INDEX IF NOT EXISTS ix_fastapi_messages_sender_timestamp_id
    ON fastapi_messages (sender, timestamp, id, conversation_id);
DROP INDEX IF EXISTS ix_fastapi_messages_sender_timestamp;

-- The conversations started in a period, with their user and agent, from this index alone.
CREATE INDEX IF NOT EXISTS ix_fastapi_conversations_created_at_user_agent
    ON fastapi_conversations (created_at, user_id, agent_type);
