-- Audit entries outlive the users they name (issue 20). A purge (the job or an admin delete)
-- used to delete the entries about the user, so how an account became an admin vanished with
-- it. Entries now stay, and keep the username of the moment beside the id: `actor_username`
-- for who acted, `target_username` for whom it was about. (There was never a foreign key to
-- fastapi_users, so the table keeps its shape and indexes; columns are added NULL.)
ALTER TABLE fastapi_audit_log ADD COLUMN actor_username VARCHAR(80);
ALTER TABLE fastapi_audit_log ADD COLUMN target_username VARCHAR(80);
-- Existing entries: the name of each user who still exists (the deleted ones' entries were
-- removed with them, except the deletions themselves, which keep their id only).
UPDATE fastapi_audit_log
   SET actor_username = (SELECT u.username FROM fastapi_users u WHERE u.id = fastapi_audit_log.actor_id)
 WHERE actor_id IS NOT NULL;
UPDATE fastapi_audit_log
   SET target_username = (SELECT u.username FROM fastapi_users u WHERE u.id = fastapi_audit_log.target_user_id)
 WHERE target_user_id IS NOT NULL;
