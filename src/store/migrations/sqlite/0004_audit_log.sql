-- Admin audit log (issue 4): who changed what about whom, when, with the state before and after.
CREATE TABLE IF NOT EXISTS fastapi_audit_log (
    id INTEGER NOT NULL,
    actor_id INTEGER,
    action VARCHAR(50) NOT NULL,
    target_user_id INTEGER,
    target VARCHAR(100),
    before TEXT,
    after TEXT,
    request_id VARCHAR(128),
    created_at DATETIME NOT NULL DEFAULT (CURRENT_TIMESTAMP),
    PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS ix_fastapi_audit_log_created_at ON fastapi_audit_log (created_at);
CREATE INDEX IF NOT EXISTS ix_fastapi_audit_log_target_user_id ON fastapi_audit_log (target_user_id);
-- Admin statistics: the activity report reads user messages of a period from this index alone.
CREATE INDEX IF NOT EXISTS ix_fastapi_messages_sender_timestamp ON fastapi_messages (sender, timestamp, conversation_id);
