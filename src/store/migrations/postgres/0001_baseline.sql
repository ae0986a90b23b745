-- Baseline: the old service's tables exactly as it created them. On a database the old
-- service created, every statement is a no-op, so its tables are adopted in place.

CREATE TABLE IF NOT EXISTS fastapi_agent_access (
	id SERIAL NOT NULL, 
	agent_type VARCHAR(50) NOT NULL, 
	required_plan VARCHAR(20), 
	is_enabled BOOLEAN, 
	description TEXT, 
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), 
	updated_at TIMESTAMP WITHOUT TIME ZONE, 
	PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS ix_fastapi_agent_access_id ON fastapi_agent_access (id);

CREATE UNIQUE INDEX IF NOT EXISTS ix_fastapi_agent_access_agent_type ON fastapi_agent_access (agent_type);

CREATE TABLE IF NOT EXISTS fastapi_agent_whitelist (
	id SERIAL NOT NULL, 
	agent_type VARCHAR(50) NOT NULL, 
	user_id INTEGER NOT NULL, 
	granted_by INTEGER, 
	granted_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), 
	expires_at TIMESTAMP WITHOUT TIME ZONE, 
	is_active BOOLEAN, 
	reason TEXT, 
	PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS ix_fastapi_agent_whitelist_user_id ON fastapi_agent_whitelist (user_id);

CREATE INDEX IF NOT EXISTS ix_fastapi_agent_whitelist_agent_type ON fastapi_agent_whitelist (agent_type);

CREATE INDEX IF NOT EXISTS ix_fastapi_agent_whitelist_id ON fastapi_agent_whitelist (id);

CREATE INDEX IF NOT EXISTS ix_fastapi_agent_whitelist_is_active ON fastapi_agent_whitelist (is_active);

CREATE TABLE IF NOT EXISTS fastapi_contact_request (
	id SERIAL NOT NULL, 
	user_id INTEGER, 
	name VARCHAR(100) NOT NULL, 
	email VARCHAR(120) NOT NULL, 
	company VARCHAR(150), 
	phone VARCHAR(20), 
	message TEXT NOT NULL, 
	source VARCHAR(50) NOT NULL, 
	status VARCHAR(20), 
	selected_experts TEXT, 
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), 
	contacted_at TIMESTAMP WITHOUT TIME ZONE, 
	PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS ix_fastapi_contact_request_status ON fastapi_contact_request (status);

CREATE INDEX IF NOT EXISTS ix_fastapi_contact_request_source ON fastapi_contact_request (source);

CREATE INDEX IF NOT EXISTS ix_fastapi_contact_request_id ON fastapi_contact_request (id);

CREATE INDEX IF NOT EXISTS ix_fastapi_contact_request_created_at ON fastapi_contact_request (created_at);

CREATE TABLE IF NOT EXISTS fastapi_conversations (
	id SERIAL NOT NULL, 
	user_id INTEGER NOT NULL, 
	title VARCHAR(256), 
	agent_type VARCHAR(50), 
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), 
	PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS ix_fastapi_conversations_user_id ON fastapi_conversations (user_id);

CREATE INDEX IF NOT EXISTS ix_fastapi_conversations_id ON fastapi_conversations (id);

CREATE TABLE IF NOT EXISTS fastapi_hired_agent (
	id SERIAL NOT NULL, 
	user_id INTEGER NOT NULL, 
	agent_type VARCHAR(50) NOT NULL, 
	hired_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), 
	is_active BOOLEAN, 
	PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS ix_fastapi_hired_agent_id ON fastapi_hired_agent (id);

CREATE INDEX IF NOT EXISTS ix_fastapi_hired_agent_is_active ON fastapi_hired_agent (is_active);

CREATE INDEX IF NOT EXISTS ix_fastapi_hired_agent_user_id ON fastapi_hired_agent (user_id);

CREATE INDEX IF NOT EXISTS ix_fastapi_hired_agent_agent_type ON fastapi_hired_agent (agent_type);

CREATE TABLE IF NOT EXISTS fastapi_messages (
	id SERIAL NOT NULL, 
	conversation_id INTEGER NOT NULL, 
	sender VARCHAR(16), 
	content TEXT, 
	timestamp TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), 
	PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS ix_fastapi_messages_conversation_id ON fastapi_messages (conversation_id);

CREATE INDEX IF NOT EXISTS ix_fastapi_messages_id ON fastapi_messages (id);

CREATE TABLE IF NOT EXISTS fastapi_user_survey (
	id SERIAL NOT NULL, 
	user_id INTEGER NOT NULL, 
	role VARCHAR(50) NOT NULL, 
	role_other VARCHAR(100), 
	regions TEXT NOT NULL, 
	familiarity VARCHAR(20) NOT NULL, 
	insights TEXT NOT NULL, 
	tailored VARCHAR(10), 
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), 
	bonus_queries_granted INTEGER, 
	PRIMARY KEY (id)
);

CREATE UNIQUE INDEX IF NOT EXISTS ix_fastapi_user_survey_user_id ON fastapi_user_survey (user_id);

CREATE INDEX IF NOT EXISTS ix_fastapi_user_survey_id ON fastapi_user_survey (id);

CREATE TABLE IF NOT EXISTS fastapi_user_survey_stage2 (
	id SERIAL NOT NULL, 
	user_id INTEGER NOT NULL, 
	work_focus VARCHAR(100) NOT NULL, 
	work_focus_other VARCHAR(100), 
	pv_segments TEXT NOT NULL, 
	technologies TEXT NOT NULL, 
	technologies_other VARCHAR(200), 
	challenges TEXT NOT NULL, 
	weekly_insight TEXT, 
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), 
	bonus_queries_granted INTEGER, 
	PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS ix_fastapi_user_survey_stage2_id ON fastapi_user_survey_stage2 (id);

CREATE UNIQUE INDEX IF NOT EXISTS ix_fastapi_user_survey_stage2_user_id ON fastapi_user_survey_stage2 (user_id);

CREATE TABLE IF NOT EXISTS fastapi_users (
	id SERIAL NOT NULL, 
	username VARCHAR(80) NOT NULL, 
	password_hash VARCHAR(255) NOT NULL, 
	full_name VARCHAR(100) NOT NULL, 
	role VARCHAR(50), 
	is_active BOOLEAN, 
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), 
	email_verified BOOLEAN NOT NULL, 
	verification_token VARCHAR(100), 
	verification_token_expiry TIMESTAMP WITHOUT TIME ZONE, 
	reset_token VARCHAR(100), 
	reset_token_expiry TIMESTAMP WITHOUT TIME ZONE, 
	gdpr_consent_given BOOLEAN NOT NULL, 
	gdpr_consent_date TIMESTAMP WITHOUT TIME ZONE, 
	terms_accepted BOOLEAN NOT NULL, 
	terms_accepted_date TIMESTAMP WITHOUT TIME ZONE, 
	marketing_consent BOOLEAN NOT NULL, 
	marketing_consent_date TIMESTAMP WITHOUT TIME ZONE, 
	privacy_policy_version VARCHAR(10), 
	terms_version VARCHAR(10), 
	plan_type VARCHAR(20), 
	query_count INTEGER, 
	last_query_date TIMESTAMP WITHOUT TIME ZONE, 
	plan_start_date TIMESTAMP WITHOUT TIME ZONE, 
	plan_end_date TIMESTAMP WITHOUT TIME ZONE, 
	monthly_query_count INTEGER, 
	last_reset_date TIMESTAMP WITHOUT TIME ZONE, 
	deleted BOOLEAN NOT NULL, 
	deletion_requested_at TIMESTAMP WITHOUT TIME ZONE, 
	deletion_reason TEXT, 
	PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS ix_fastapi_users_is_active ON fastapi_users (is_active);

CREATE UNIQUE INDEX IF NOT EXISTS ix_fastapi_users_username ON fastapi_users (username);

CREATE INDEX IF NOT EXISTS ix_fastapi_users_id ON fastapi_users (id);

CREATE INDEX IF NOT EXISTS ix_fastapi_users_created_at ON fastapi_users (created_at);

CREATE TABLE IF NOT EXISTS fastapi_waitlist (
	id SERIAL NOT NULL, 
	email VARCHAR(120) NOT NULL, 
	interested_agents TEXT, 
	created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT now(), 
	notified BOOLEAN, 
	notified_at TIMESTAMP WITHOUT TIME ZONE, 
	ip_address VARCHAR(45), 
	user_agent VARCHAR(256), 
	PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS ix_fastapi_waitlist_id ON fastapi_waitlist (id);

CREATE UNIQUE INDEX IF NOT EXISTS ix_fastapi_waitlist_email ON fastapi_waitlist (email);
