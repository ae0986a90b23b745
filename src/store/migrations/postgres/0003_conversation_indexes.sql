-- Indexes for the conversation list and message pages (issue 3): the latest user message of a
-- conversation and a user's newest conversations are index lookups, not scans. Additive only.
CREATE INDEX IF NOT EXISTS ix_fastapi_messages_conversation_id_sender_id ON fastapi_messages (conversation_id, sender, id);
CREATE INDEX IF NOT EXISTS ix_fastapi_conversations_user_id_created_at ON fastapi_conversations (user_id, created_at, id);
