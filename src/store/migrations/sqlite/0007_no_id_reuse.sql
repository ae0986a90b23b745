-- SQLite hands out MAX(id) + 1, so deleting the newest account (or conversation, or chat turn)
-- and creating another gave the new row the old id: a deleted user's token opened the next
-- account created (issue 10). The highest id ever deleted is kept here by triggers, whoever
-- deletes (the purge job, an admin, the old service), and this service's inserts take the next
-- id above both it and MAX(id). PostgreSQL's sequences never hand out an id twice.
CREATE TABLE IF NOT EXISTS fastapi_id_floor (
    table_name VARCHAR(64) NOT NULL,
    max_id INTEGER NOT NULL,
    PRIMARY KEY (table_name)
);
INSERT OR IGNORE INTO fastapi_id_floor (table_name, max_id)
    SELECT 'fastapi_users', COALESCE(MAX(id), 0) FROM fastapi_users;
INSERT OR IGNORE INTO fastapi_id_floor (table_name, max_id)
    SELECT 'fastapi_conversations', COALESCE(MAX(id), 0) FROM fastapi_conversations;
INSERT OR IGNORE INTO fastapi_id_floor (table_name, max_id)
    SELECT 'fastapi_chat_turns', COALESCE(MAX(id), 0) FROM fastapi_chat_turns;

CREATE TRIGGER IF NOT EXISTS fastapi_users_id_floor AFTER DELETE ON fastapi_users BEGIN
    UPDATE fastapi_id_floor SET max_id = OLD.id WHERE table_name = 'fastapi_users' AND max_id < OLD.id;
END;
CREATE TRIGGER IF NOT EXISTS fastapi_conversations_id_floor AFTER DELETE ON fastapi_conversations BEGIN
    UPDATE fastapi_id_floor SET max_id = OLD.id WHERE table_name = 'fastapi_conversations' AND max_id < OLD.id;
END;
CREATE TRIGGER IF NOT EXISTS fastapi_chat_turns_id_floor AFTER DELETE ON fastapi_chat_turns BEGIN
    UPDATE fastapi_id_floor SET max_id = OLD.id WHERE table_name = 'fastapi_chat_turns' AND max_id < OLD.id;
END;

-- An account inserted by another writer (the old service sharing the file, which reuses ids)
-- rejects every token issued before it was created: tokens_valid_after is its creation second.
-- This service's own inserts set it themselves, from the clock that also issues the tokens.
CREATE TRIGGER IF NOT EXISTS fastapi_users_tokens_from_creation AFTER INSERT ON fastapi_users
WHEN NEW.tokens_valid_after IS NULL BEGIN
    UPDATE fastapi_users SET tokens_valid_after = strftime('%Y-%m-%d %H:%M:%S', 'now') WHERE id = NEW.id;
END;

-- Addresses each account has logged in from (a keyed SHA-256 of the address, never the
-- address itself): from those, the per-account login throttle does not apply, so an attacker
-- hammering an account cannot keep its owner out (decision F12, issue 10). Forgotten after 90
-- days without a login, and with the account.
CREATE TABLE IF NOT EXISTS fastapi_login_addresses (
    user_id INTEGER NOT NULL,
    address_hash VARCHAR(64) NOT NULL,
    last_login_at DATETIME NOT NULL,
    PRIMARY KEY (user_id, address_hash)
);
CREATE INDEX IF NOT EXISTS ix_fastapi_login_addresses_last_login_at ON fastapi_login_addresses (last_login_at);
