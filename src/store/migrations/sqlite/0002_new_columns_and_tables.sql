-- Additive changes of the new service (decisions F3, F5, F10, F11, B4, B5). Columns are added
-- with defaults NULL, so rows written by the old service stay valid. (SQLite has no ADD COLUMN IF NOT
-- EXISTS; the old service never had these columns, so plain ADD COLUMN is safe after 0001.)

ALTER TABLE fastapi_users ADD COLUMN tokens_valid_after DATETIME;
ALTER TABLE fastapi_users ADD COLUMN token_exempt_hash VARCHAR(64);
ALTER TABLE fastapi_users ADD COLUMN reset_token_hash VARCHAR(64);
ALTER TABLE fastapi_users ADD COLUMN verification_token_hash VARCHAR(64);
CREATE INDEX IF NOT EXISTS ix_fastapi_users_reset_token_hash ON fastapi_users (reset_token_hash);
CREATE INDEX IF NOT EXISTS ix_fastapi_users_verification_token_hash ON fastapi_users (verification_token_hash);

ALTER TABLE fastapi_hired_agent ADD COLUMN required_plan_at_hire VARCHAR(20);
ALTER TABLE fastapi_agent_access ADD COLUMN required_plan_raised_at DATETIME;

CREATE TABLE IF NOT EXISTS fastapi_revoked_tokens (
    id INTEGER NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    user_id INTEGER NOT NULL,
    revoked_at DATETIME NOT NULL DEFAULT (CURRENT_TIMESTAMP),
    expires_at DATETIME,
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS ix_fastapi_revoked_tokens_token_hash ON fastapi_revoked_tokens (token_hash);
CREATE INDEX IF NOT EXISTS ix_fastapi_revoked_tokens_user_id ON fastapi_revoked_tokens (user_id);
CREATE INDEX IF NOT EXISTS ix_fastapi_revoked_tokens_expires_at ON fastapi_revoked_tokens (expires_at);

CREATE TABLE IF NOT EXISTS fastapi_chat_turns (
    id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    conversation_id INTEGER NOT NULL,
    user_message_id INTEGER,
    agent_type VARCHAR(50) NOT NULL,
    status VARCHAR(16) NOT NULL DEFAULT 'running',
    answered BOOLEAN NOT NULL DEFAULT 0,
    refunded BOOLEAN NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL DEFAULT (CURRENT_TIMESTAMP),
    heartbeat_at DATETIME,
    finished_at DATETIME,
    PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS ix_fastapi_chat_turns_user_id ON fastapi_chat_turns (user_id);
CREATE INDEX IF NOT EXISTS ix_fastapi_chat_turns_conversation_id ON fastapi_chat_turns (conversation_id);
CREATE INDEX IF NOT EXISTS ix_fastapi_chat_turns_finished_at ON fastapi_chat_turns (finished_at);

CREATE TABLE IF NOT EXISTS fastapi_chat_events (
    id INTEGER NOT NULL,
    turn_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    data TEXT NOT NULL,
    created_at DATETIME NOT NULL DEFAULT (CURRENT_TIMESTAMP),
    PRIMARY KEY (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS ix_fastapi_chat_events_turn_id_seq ON fastapi_chat_events (turn_id, seq);

CREATE TABLE IF NOT EXISTS fastapi_job_leases (
    name VARCHAR(64) NOT NULL,
    holder VARCHAR(128) NOT NULL,
    expires_at DATETIME NOT NULL,
    last_run_at DATETIME,
    PRIMARY KEY (name)
);

-- Decision F5: the O&M agent is leo_om everywhere.
UPDATE fastapi_conversations SET agent_type = 'leo_om' WHERE agent_type = 'om';
UPDATE fastapi_hired_agent SET agent_type = 'leo_om' WHERE agent_type = 'om';
UPDATE fastapi_agent_whitelist SET agent_type = 'leo_om' WHERE agent_type = 'om';
UPDATE fastapi_agent_access SET agent_type = 'leo_om'
 WHERE agent_type = 'om'
   AND NOT EXISTS (SELECT 1 FROM fastapi_agent_access a2 WHERE a2.agent_type = 'leo_om');

-- Decision F3: existing hires record the requirement in force now.
UPDATE fastapi_hired_agent SET required_plan_at_hire = (
    SELECT a.required_plan FROM fastapi_agent_access a WHERE a.agent_type = fastapi_hired_agent.agent_type
) WHERE required_plan_at_hire IS NULL;
