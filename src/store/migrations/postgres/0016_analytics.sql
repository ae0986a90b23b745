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

-- The text of a stored message as the analytics' search reads it: the `value` of its JSON
-- envelope when that is a string, '' when the envelope has another `value`, else (not an
-- envelope, not JSON) the content as stored (SQLite's json_valid does this inline). Before PostgreSQL 16 there is no
-- test of JSON validity that does not raise, and one row the old service or a person stored as
-- plain text must not fail a search: the cast's error is caught.
CREATE OR REPLACE FUNCTION fastapi_message_text(content TEXT) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v json;
BEGIN
    IF content IS NULL OR content !~ '^\s*\{' THEN
        RETURN content;
    END IF;
    BEGIN
        v := content::json -> 'value';
        IF json_typeof(v) = 'string' THEN
            RETURN v #>> '{}';
        ELSIF v IS NOT NULL THEN
            RETURN '';
        END IF;
    EXCEPTION WHEN others THEN
        NULL;
    END;
    RETURN content;
END $$;

-- A survey answer's JSON list, or an empty list when the text is not a JSON array (as above,
-- without raising), for the analytics' region distribution.
CREATE OR REPLACE FUNCTION fastapi_json_array(t TEXT) RETURNS json
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v json;
BEGIN
    BEGIN
        v := t::json;
    EXCEPTION WHEN others THEN
        RETURN '[]'::json;
    END;
    IF json_typeof(v) = 'array' THEN
        RETURN v;
    END IF;
    RETURN '[]'::json;
END $$;
