-- The users' breach notices as work that survives a restart (GDPR Art. 34): one row per breach
-- whose users are being told, written in the same transaction that marks them notified, with the
-- last account emailed. A sender claims the row for a while (`claimed_by`, `claimed_until`) so two
-- replicas never send the same notices; one that died leaves its claim to run out, and the sweep
-- goes on from `after_id`. A failed email is retried (`tries`), and passed over after the third.
CREATE TABLE IF NOT EXISTS fastapi_breach_user_notices (
    breach_id INTEGER PRIMARY KEY,
    up_to INTEGER NOT NULL,
    after_id INTEGER NOT NULL DEFAULT 0,
    user_actions TEXT NOT NULL,
    sent INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    tries INTEGER NOT NULL DEFAULT 0,
    claimed_by VARCHAR(64),
    claimed_until DATETIME,
    created_at DATETIME NOT NULL,
    finished_at DATETIME
);
