-- GDPR (decision L7): restriction of processing, the processing log and the breach register, in
-- the old service's later tables and columns (its `models.py` and one-off scripts), so a database
-- it already set up is adopted as it is. The four restriction columns of `fastapi_users` are
-- added by `Db::migrate` just before this migration, and only when missing (SQLite has no ADD
-- COLUMN IF NOT EXISTS). New tables take AUTOINCREMENT ids, so an id is never handed out twice.

CREATE TABLE IF NOT EXISTS fastapi_data_processing_logs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL,
    activity_type VARCHAR(50) NOT NULL,
    endpoint VARCHAR(255),
    method VARCHAR(10),
    ip_address VARCHAR(45),
    user_agent VARCHAR(255),
    purpose TEXT,
    data_categories TEXT,
    legal_basis VARCHAR(50),
    timestamp DATETIME NOT NULL DEFAULT (CURRENT_TIMESTAMP),
    performed_by_user_id INTEGER
);
CREATE INDEX IF NOT EXISTS idx_data_processing_logs_user_id ON fastapi_data_processing_logs (user_id);
CREATE INDEX IF NOT EXISTS idx_data_processing_logs_activity_type ON fastapi_data_processing_logs (activity_type);
CREATE INDEX IF NOT EXISTS idx_data_processing_logs_timestamp ON fastapi_data_processing_logs (timestamp);

CREATE INDEX IF NOT EXISTS idx_users_processing_restricted ON fastapi_users (processing_restricted)
    WHERE processing_restricted = 1;

CREATE TABLE IF NOT EXISTS fastapi_data_breach_logs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    breach_type VARCHAR(50) NOT NULL,
    severity VARCHAR(20) NOT NULL,
    description TEXT NOT NULL,
    affected_data_categories TEXT,
    estimated_affected_users INTEGER,
    discovered_at DATETIME NOT NULL DEFAULT (CURRENT_TIMESTAMP),
    breach_occurred_at DATETIME,
    contained_at DATETIME,
    resolved_at DATETIME,
    discovered_by VARCHAR(100),
    discovery_method VARCHAR(100),
    risk_level VARCHAR(20) NOT NULL,
    likely_consequences TEXT,
    technical_measures TEXT,
    organizational_measures TEXT,
    internal_team_notified BOOLEAN DEFAULT 0,
    internal_notification_date DATETIME,
    dpa_notified BOOLEAN DEFAULT 0,
    dpa_notification_date DATETIME,
    dpa_notification_required BOOLEAN DEFAULT 1,
    users_notified BOOLEAN DEFAULT 0,
    users_notification_date DATETIME,
    users_notification_required BOOLEAN DEFAULT 0,
    remediation_steps TEXT,
    prevention_measures TEXT,
    status VARCHAR(20) NOT NULL DEFAULT 'open',
    created_at DATETIME NOT NULL DEFAULT (CURRENT_TIMESTAMP),
    updated_at DATETIME,
    created_by_user_id INTEGER,
    notes TEXT
);
CREATE INDEX IF NOT EXISTS idx_data_breach_logs_severity ON fastapi_data_breach_logs (severity);
CREATE INDEX IF NOT EXISTS idx_data_breach_logs_status ON fastapi_data_breach_logs (status);
CREATE INDEX IF NOT EXISTS idx_data_breach_logs_created_at ON fastapi_data_breach_logs (created_at);
CREATE INDEX IF NOT EXISTS idx_data_breach_logs_discovered_at ON fastapi_data_breach_logs (discovered_at);
