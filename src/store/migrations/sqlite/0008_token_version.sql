-- Revocation without a window (issue 20): tokens_valid_after has whole seconds, so a token issued
-- in the same second as a password change survived it, and a login that read the old password
-- hash just before the change committed got a token after it. Every revocation (a password
-- change or reset, a deactivation, create-admin) now also increments token_version, and each
-- token carries the version its login read with the password hash: a token whose version is not
-- the account's current one is revoked, unless it is the one exempted token. The old service's
-- tokens carry none and count as version 0 until the account's first revocation.
ALTER TABLE fastapi_users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;

-- Access tokens that gave a wrong current password to change-password: a password change made
-- with such a token does not exempt it from the revocation (an attacker who guessed the
-- password with a stolen token keeps nothing). Rows are forgotten when the token expires.
CREATE TABLE IF NOT EXISTS fastapi_password_guesses (
    token_hash VARCHAR(64) NOT NULL,
    user_id INTEGER NOT NULL,
    expires_at TIMESTAMP,
    PRIMARY KEY (token_hash)
);
CREATE INDEX IF NOT EXISTS ix_fastapi_password_guesses_expires_at ON fastapi_password_guesses (expires_at);
