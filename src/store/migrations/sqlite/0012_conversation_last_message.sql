-- The conversation list is ordered by each conversation's latest message (issue 23). Computing it
-- per conversation made a user with 1,000 conversations wait for every one of them (and their
-- previews) before the page of 50 was cut, about 20x slower; the latest message's id is kept on
-- the conversation by triggers, as the message count is (0006), so the page is read in index
-- order and stops at its limit.
ALTER TABLE fastapi_conversations ADD COLUMN last_message_id INTEGER;
UPDATE fastapi_conversations SET last_message_id =
    (SELECT MAX(m.id) FROM fastapi_messages m WHERE m.conversation_id = fastapi_conversations.id);
CREATE INDEX IF NOT EXISTS ix_fastapi_conversations_user_id_last_message_id
    ON fastapi_conversations (user_id, last_message_id, created_at, id);
CREATE TRIGGER IF NOT EXISTS trg_fastapi_messages_last_insert AFTER INSERT ON fastapi_messages
BEGIN
    UPDATE fastapi_conversations SET last_message_id = NEW.id
     WHERE id = NEW.conversation_id AND (last_message_id IS NULL OR last_message_id < NEW.id);
END;
CREATE TRIGGER IF NOT EXISTS trg_fastapi_messages_last_delete AFTER DELETE ON fastapi_messages
WHEN (SELECT last_message_id FROM fastapi_conversations WHERE id = OLD.conversation_id) = OLD.id
BEGIN
    UPDATE fastapi_conversations SET last_message_id =
        (SELECT MAX(m.id) FROM fastapi_messages m WHERE m.conversation_id = OLD.conversation_id)
     WHERE id = OLD.conversation_id;
END;
CREATE TRIGGER IF NOT EXISTS trg_fastapi_messages_last_move AFTER UPDATE OF conversation_id ON fastapi_messages
WHEN OLD.conversation_id IS NOT NEW.conversation_id
BEGIN
    UPDATE fastapi_conversations SET last_message_id =
        (SELECT MAX(m.id) FROM fastapi_messages m WHERE m.conversation_id = OLD.conversation_id)
     WHERE id = OLD.conversation_id;
    UPDATE fastapi_conversations SET last_message_id =
        (SELECT MAX(m.id) FROM fastapi_messages m WHERE m.conversation_id = NEW.conversation_id)
     WHERE id = NEW.conversation_id;
END;
