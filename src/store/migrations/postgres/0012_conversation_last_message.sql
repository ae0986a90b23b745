-- The conversation list is ordered by each conversation's latest message (issue 23). Computing it
-- per conversation made a user with 1,000 conversations wait for every one of them (and their
-- previews) before the page of 50 was cut; the latest message's id is kept on the conversation
-- by triggers, as the message count is (0006), so the page is read in index order and stops at
-- its limit. Statement-level triggers: a bulk write updates each conversation once.
ALTER TABLE fastapi_conversations ADD COLUMN IF NOT EXISTS last_message_id INTEGER;
UPDATE fastapi_conversations c SET last_message_id = n.mx
    FROM (SELECT conversation_id, MAX(id) AS mx FROM fastapi_messages GROUP BY conversation_id) n
    WHERE n.conversation_id = c.id;
CREATE INDEX IF NOT EXISTS ix_fastapi_conversations_user_id_last_message_id
    ON fastapi_conversations (user_id, last_message_id, created_at, id);

CREATE OR REPLACE FUNCTION fastapi_messages_last_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE fastapi_conversations c SET last_message_id = d.mx
        FROM (SELECT conversation_id, MAX(id) AS mx FROM new_rows GROUP BY conversation_id) d
        WHERE c.id = d.conversation_id AND (c.last_message_id IS NULL OR c.last_message_id < d.mx);
    RETURN NULL;
END $$;

-- A delete or a move may take a conversation's latest message away: its latest is looked up again.
CREATE OR REPLACE FUNCTION fastapi_messages_last_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE fastapi_conversations c
       SET last_message_id = (SELECT MAX(m.id) FROM fastapi_messages m WHERE m.conversation_id = c.id)
     WHERE c.id IN (SELECT DISTINCT conversation_id FROM old_rows);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION fastapi_messages_last_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE fastapi_conversations c
       SET last_message_id = (SELECT MAX(m.id) FROM fastapi_messages m WHERE m.conversation_id = c.id)
     WHERE c.id IN (SELECT o.conversation_id FROM old_rows o JOIN new_rows n ON n.id = o.id
                     WHERE n.conversation_id IS DISTINCT FROM o.conversation_id
                    UNION
                    SELECT n.conversation_id FROM old_rows o JOIN new_rows n ON n.id = o.id
                     WHERE n.conversation_id IS DISTINCT FROM o.conversation_id);
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS trg_fastapi_messages_last_insert ON fastapi_messages;
CREATE TRIGGER trg_fastapi_messages_last_insert AFTER INSERT ON fastapi_messages
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fastapi_messages_last_insert();
DROP TRIGGER IF EXISTS trg_fastapi_messages_last_delete ON fastapi_messages;
CREATE TRIGGER trg_fastapi_messages_last_delete AFTER DELETE ON fastapi_messages
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fastapi_messages_last_delete();
DROP TRIGGER IF EXISTS trg_fastapi_messages_last_update ON fastapi_messages;
CREATE TRIGGER trg_fastapi_messages_last_update AFTER UPDATE ON fastapi_messages
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION fastapi_messages_last_update();
