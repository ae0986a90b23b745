-- The conversation list shows each conversation's message count; counting 100 messages per row
-- on every page was most of the list's cost. The count is kept on the conversation by triggers,
-- so it stays right whoever writes the messages (the old service included). Statement-level
-- triggers: a bulk delete (a purge) updates each conversation once.
ALTER TABLE fastapi_conversations ADD COLUMN IF NOT EXISTS message_count INTEGER NOT NULL DEFAULT 0;
UPDATE fastapi_conversations c SET message_count = n.cnt
    FROM (SELECT conversation_id, COUNT(*) AS cnt FROM fastapi_messages GROUP BY conversation_id) n
    WHERE n.conversation_id = c.id;

CREATE OR REPLACE FUNCTION fastapi_messages_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE fastapi_conversations c SET message_count = c.message_count + d.n
        FROM (SELECT conversation_id, COUNT(*) AS n FROM new_rows GROUP BY conversation_id) d
        WHERE c.id = d.conversation_id;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fastapi_messages_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE fastapi_conversations c SET message_count = c.message_count - d.n
        FROM (SELECT conversation_id, COUNT(*) AS n FROM old_rows GROUP BY conversation_id) d
        WHERE c.id = d.conversation_id;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fastapi_messages_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE fastapi_conversations c SET message_count = c.message_count - d.n
        FROM (SELECT conversation_id, COUNT(*) AS n FROM old_rows GROUP BY conversation_id) d
        WHERE c.id = d.conversation_id;
    UPDATE fastapi_conversations c SET message_count = c.message_count + d.n
        FROM (SELECT conversation_id, COUNT(*) AS n FROM new_rows GROUP BY conversation_id) d
        WHERE c.id = d.conversation_id;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS trg_fastapi_messages_count_insert ON fastapi_messages;
CREATE TRIGGER trg_fastapi_messages_count_insert AFTER INSERT ON fastapi_messages
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fastapi_messages_count_insert();
DROP TRIGGER IF EXISTS trg_fastapi_messages_count_delete ON fastapi_messages;
CREATE TRIGGER trg_fastapi_messages_count_delete AFTER DELETE ON fastapi_messages
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fastapi_messages_count_delete();
DROP TRIGGER IF EXISTS trg_fastapi_messages_count_update ON fastapi_messages;
CREATE TRIGGER trg_fastapi_messages_count_update AFTER UPDATE ON fastapi_messages
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION fastapi_messages_count_update();
