-- Issue 10: on SQLite a deleted account's id was handed out again (see the SQLite migration of
-- the same name). PostgreSQL's sequences never hand out an id twice, so only the rule for
-- accounts inserted by another writer is needed here: a new account rejects every token issued
-- before it was created (tokens_valid_after is its creation second, in UTC).
CREATE OR REPLACE FUNCTION fastapi_users_tokens_from_creation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.tokens_valid_after IS NULL THEN
        NEW.tokens_valid_after := date_trunc('second', now() AT TIME ZONE 'UTC');
    END IF;
    RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS fastapi_users_tokens_from_creation ON fastapi_users;
CREATE TRIGGER fastapi_users_tokens_from_creation BEFORE INSERT ON fastapi_users
    FOR EACH ROW EXECUTE FUNCTION fastapi_users_tokens_from_creation();

-- Addresses each account has logged in from (a keyed SHA-256 of the address, never the
-- address itself): from those, the per-account login throttle does not apply, so an attacker
-- hammering an account cannot keep its owner out (decision F12, issue 10). Forgotten after 90
-- days without a login, and with the account.
CREATE TABLE IF NOT EXISTS fastapi_login_addresses (
    user_id INTEGER NOT NULL,
    address_hash VARCHAR(64) NOT NULL,
    last_login_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, address_hash)
);
CREATE INDEX IF NOT EXISTS ix_fastapi_login_addresses_last_login_at ON fastapi_login_addresses (last_login_at);
