-- GDPR (decision L7): restriction of processing, the processing log and the breach register, in
-- the old service's later tables and columns (its `models.py` and one-off scripts), so a database
-- it already set up is adopted as it is: IF NOT EXISTS throughout.

ALTER TABLE fastapi_users ADD COLUMN IF NOT EXISTS processing_restricted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE fastapi_users ADD COLUMN IF NOT EXISTS restriction_requested_at TIMESTAMP WITHOUT TIME ZONE NULL;
ALTER TABLE fastapi_users ADD COLUMN IF NOT EXISTS restriction_reason TEXT NULL;
ALTER TABLE fastapi_users ADD COLUMN IF NOT EXISTS restriction_grounds VARCHAR(50) NULL;
CREATE INDEX IF NOT EXISTS idx_users_processing_restricted ON fastapi_users (processing_restricted)
    WHERE processing_restricted = TRUE;

CREATE TABLE IF NOT EXISTS fastapi_data_processing_logs (
    id SERIAL PRIMARY KEY,
    user_id INTEGER NOT NULL,
    activity_type VARCHAR(50) NOT NULL,
    endpoint VARCHAR(255),
    method VARCHAR(10),
    ip_address VARCHAR(45),
    user_agent VARCHAR(255),
    purpose TEXT,
    data_categories TEXT,
    legal_basis VARCHAR(50),
    timestamp TIMESTAMP WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    performed_by_user_id INTEGER
);
CREATE INDEX IF NOT EXISTS idx_data_processing_logs_user_id ON fastapi_data_processing_logs (user_id);
CREATE INDEX IF NOT EXISTS idx_data_processing_logs_activity_type ON fastapi_data_processing_logs (activity_type);
CREATE INDEX IF NOT EXISTS idx_data_processing_logs_timestamp ON fastapi_data_processing_logs (timestamp);

CREATE TABLE IF NOT EXISTS fastapi_data_breach_logs (
    id SERIAL PRIMARY KEY,
    breach_type VARCHAR(50) NOT NULL,
    severity VARCHAR(20) NOT NULL,
    description TEXT NOT NULL,
    affected_data_categories TEXT,
    estimated_affected_users INTEGER,
    discovered_at TIMESTAMP WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    breach_occurred_at TIMESTAMP WITHOUT TIME ZONE,
    contained_at TIMESTAMP WITHOUT TIME ZONE,
    resolved_at TIMESTAMP WITHOUT TIME ZONE,
    discovered_by VARCHAR(100),
    discovery_method VARCHAR(100),
    risk_level VARCHAR(20) NOT NULL,
    likely_consequences TEXT,
    technical_measures TEXT,
    organizational_measures TEXT,
    internal_team_notified BOOLEAN DEFAULT FALSE,
    internal_notification_date TIMESTAMP WITHOUT TIME ZONE,
    dpa_notified BOOLEAN DEFAULT FALSE,
    dpa_notification_date TIMESTAMP WITHOUT TIME ZONE,
    dpa_notification_required BOOLEAN DEFAULT TRUE,
    users_notified BOOLEAN DEFAULT FALSE,
    users_notification_date TIMESTAMP WITHOUT TIME ZONE,
    users_notification_required BOOLEAN DEFAULT FALSE,
    remediation_steps TEXT,
    prevention_measures TEXT,
    status VARCHAR(20) NOT NULL DEFAULT 'open',
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP WITHOUT TIME ZONE,
    created_by_user_id INTEGER,
    notes TEXT
);
CREATE INDEX IF NOT EXISTS idx_data_breach_logs_severity ON fastapi_data_breach_logs (severity);
CREATE INDEX IF NOT EXISTS idx_data_breach_logs_status ON fastapi_data_breach_logs (status);
CREATE INDEX IF NOT EXISTS idx_data_breach_logs_created_at ON fastapi_data_breach_logs (created_at);
CREATE INDEX IF NOT EXISTS idx_data_breach_logs_discovered_at ON fastapi_data_breach_logs (discovered_at);
