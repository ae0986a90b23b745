-- Email-verified signup is a setting (REQUIRE_EMAIL_VERIFICATION, decision L3). Only an account
-- registered while it was on must follow its link before logging in: accounts that existed
-- before, and those an admin creates or approves, are not locked out (the old service locked
-- them out). The flag says which. (The old service never had this column.)
ALTER TABLE fastapi_users ADD COLUMN IF NOT EXISTS email_verification_required BOOLEAN NOT NULL DEFAULT FALSE;
