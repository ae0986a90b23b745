-- The conversation list shows each conversation's message count; counting 100 messages per row
-- on every page was most of the list's cost. The count is kept on the conversation by triggers,
-- so it stays right whoever writes the messages (the old service included).
ALTER TABLE fastapi_conversations ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0;
UPDATE fastapi_conversations SET message_count =
    (SELECT COUNT(*) FROM fastapi_messages m WHERE m.conversation_id = fastapi_conversations.id);
CREATE TRIGGER IF NOT EXISTS trg_fastapi_messages_count_insert AFTER INSERT ON fastapi_messages
BEGIN
    UPDATE fastapi_conversations SET message_count = message_count + 1 WHERE id = NEW.conversation_id;
END;
CREATE TRIGGER IF NOT EXISTS trg_fastapi_messages_count_delete AFTER DELETE ON fastapi_messages
BEGIN
    UPDATE fastapi_conversations SET message_count = message_count - 1 WHERE id = OLD.conversation_id;
END;
CREATE TRIGGER IF NOT EXISTS trg_fastapi_messages_count_move AFTER UPDATE OF conversation_id ON fastapi_messages
WHEN OLD.conversation_id IS NOT NEW.conversation_id
BEGIN
    UPDATE fastapi_conversations SET message_count = message_count - 1 WHERE id = OLD.conversation_id;
    UPDATE fastapi_conversations SET message_count = message_count + 1 WHERE id = NEW.conversation_id;
END;
