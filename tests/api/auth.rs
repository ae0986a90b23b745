//! `/api/v1/auth/*`: every endpoint and its error paths.

use axum::http::Method;
use serde_json::json;

use crate::support::*;

db_test!(async fn register_creates_an_active_free_account(b) {
    let app = TestApp::start(b).await;
    let mut body = TestApp::registration("ann@example.com", "pw");
    body["communications"] = json!("yes");
    let r = app.post_json("/api/v1/auth/register", None, &body).await;
    r.assert(201);
    let v = r.json();
    let keys: Vec<&str> = {
        let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        k.sort();
        k
    };
    assert_eq!(keys, ["created_at", "deletion_requested_at", "full_name", "id", "is_active", "monthly_query_count", "plan_type", "query_count", "role", "username"]);
    assert_eq!(v["username"], "ann@example.com");
    assert_eq!(v["full_name"], "Ann Example");
    assert_eq!(v["role"], "user");
    assert_eq!(v["is_active"], true);
    assert_eq!(v["plan_type"], "free");
    assert_eq!(v["monthly_query_count"], 0);
    assert_eq!(v["query_count"], 0);
    assert_eq!(v["deletion_requested_at"], json!(null));
    let id = v["id"].as_i64().unwrap();
    assert_eq!(app.scalar(&format!("SELECT CAST(marketing_consent AS INTEGER) FROM fastapi_users WHERE id = {id}")).await, 1);
    assert_eq!(app.scalar(&format!("SELECT CAST(gdpr_consent_given AS INTEGER) + CAST(terms_accepted AS INTEGER) FROM fastapi_users WHERE id = {id}")).await, 2);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_users WHERE id = {id} AND last_reset_date IS NOT NULL AND marketing_consent_date IS NOT NULL AND privacy_policy_version = '1.0'")).await, 1);
    // the password was hashed, not stored
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_users WHERE password_hash LIKE '$2b$04$%'").await, 1);
    assert!(app.mail.all().is_empty(), "registration sends no email");
});

db_test!(async fn register_checks_in_order(b) {
    let app = TestApp::start(b).await;
    let mut body = TestApp::registration("ann@example.com", "pw");
    body["terms_agreement"] = json!(false);
    app.post_json("/api/v1/auth/register", None, &body).await
        .assert_detail(400, "You must agree to the terms of service and privacy policy");
    app.register("ann@example.com").await;
    app.post_json("/api/v1/auth/register", None, &TestApp::registration("ann@example.com", "x")).await
        .assert_detail(400, "An account with this email already exists");
    // the username is case-sensitive, as in the old service
    app.post_json("/api/v1/auth/register", None, &TestApp::registration("Ann@example.com", "x")).await.assert(201);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_users").await, 2);
});

db_test!(async fn register_validation_errors(b) {
    let app = TestApp::start(b).await;
    // every missing field at once, with the enclosing object as input
    let r = app.post_json("/api/v1/auth/register", None, &json!({"email": "a@b.c"})).await;
    r.assert(422);
    let d = r.detail();
    let missing: Vec<&str> = d.as_array().unwrap().iter().map(|e| e["loc"][1].as_str().unwrap()).collect();
    assert_eq!(missing, ["first_name", "last_name", "password", "job_title", "company_name", "country", "company_size", "terms_agreement"]);
    assert_eq!(d[0], json!({"type": "missing", "loc": ["body", "first_name"], "msg": "Field required", "input": {"email": "a@b.c"}}));
    // wrong types
    let mut body = TestApp::registration("a@b.c", "pw");
    body["first_name"] = json!(5);
    body["terms_agreement"] = json!("maybe");
    let r = app.post_json("/api/v1/auth/register", None, &body).await;
    assert_eq!(r.error_types(), ["string_type", "bool_parsing"]);
    // column limits
    let mut body = TestApp::registration(&format!("{}@x.io", "e".repeat(80)), "pw");
    body["last_name"] = json!("L".repeat(100));
    let r = app.post_json("/api/v1/auth/register", None, &body).await;
    r.assert(422);
    let d = r.detail();
    assert_eq!(d[0]["loc"], json!(["body", "email"]));
    assert_eq!(d[0]["msg"], "String should have at most 80 characters");
    assert_eq!(d[1]["loc"], json!(["body", "last_name"]));
    assert_eq!(d[1]["msg"], "String should have at most 100 characters");
    assert_eq!(d[1]["ctx"], json!({"max_length": 100}));
    // no body, malformed body, not an object, wrong content type
    let r = app.post_empty("/api/v1/auth/register", None).await;
    r.assert(422);
    assert_eq!(r.detail(), json!([{"type": "missing", "loc": ["body"], "msg": "Field required", "input": null}]));
    let r = app.post_raw("/api/v1/auth/register", None, Some("application/json"), "{\"email\": ").await;
    assert_eq!(r.error_types(), ["json_invalid"]);
    assert_eq!(r.detail()[0]["msg"], "JSON decode error");
    assert_eq!(r.detail()[0]["input"], json!({}));
    assert!(r.detail()[0]["loc"][1].is_u64());
    let r = app.post_raw("/api/v1/auth/register", None, Some("application/json"), "[1,2]").await;
    assert_eq!(r.error_types(), ["model_attributes_type"]);
    let r = app.post_raw("/api/v1/auth/register", None, Some("text/plain"), "hello").await;
    assert_eq!(r.error_types(), ["model_attributes_type"]);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_users").await, 0, "nothing was written");
});

db_test!(async fn login_issues_a_bearer_token(b) {
    let app = TestApp::start(b).await;
    let id = app.register("ann@example.com").await;
    let r = app.login_raw("ann@example.com", PASSWORD).await;
    r.assert(200);
    let v = r.json();
    assert_eq!(v["token_type"], "bearer");
    let token = v["access_token"].as_str().unwrap();
    let claims = app.state.jwt.verify(token).unwrap();
    assert_eq!(claims.user_id as i64, id);
    assert_eq!(claims.exp - claims.iat, 10080 * 60);
    let me = app.get("/api/v1/auth/me", Some(token)).await;
    me.assert(200);
    assert_eq!(me.json()["username"], "ann@example.com");
    // multipart works too, and grant_type=password is accepted
    let body = "--XX\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\nann@example.com\r\n--XX\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nSunny-Panel-2024!\r\n--XX\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\npassword\r\n--XX--\r\n";
    app.post_raw("/api/v1/auth/login", None, Some("multipart/form-data; boundary=XX"), body).await.assert(200);
});

db_test!(async fn login_failures(b) {
    let app = TestApp::start(b).await;
    app.register("ann@example.com").await;
    let r = app.login_raw("ann@example.com", "wrong-password").await;
    r.assert_detail(401, "Invalid username or password");
    assert_eq!(r.header("www-authenticate"), Some("Bearer"));
    let r = app.login_raw("nobody@example.com", "whatever").await;
    r.assert_detail(401, "Invalid username or password");
    assert_eq!(r.header("www-authenticate"), Some("Bearer"));
    // exact, case-sensitive username
    app.login_raw("ANN@example.com", PASSWORD).await.assert_detail(401, "Invalid username or password");
    // pending approval only after a correct password
    app.account("ann@example.com").active(false).apply().await;
    app.login_raw("ann@example.com", "wrong-password").await.assert_detail(401, "Invalid username or password");
    let r = app.login_raw("ann@example.com", PASSWORD).await;
    r.assert_detail(401, "Your account is pending administrator approval. Please wait for an admin to activate your account.");
    assert_eq!(r.header("www-authenticate"), Some("Bearer"));
    // a hash that cannot be parsed
    app.account("ann@example.com").active(true).password_hash("plaintext").apply().await;
    app.login_raw("ann@example.com", PASSWORD).await
        .assert_detail(401, "An error occurred during authentication. Please try again.");
});

db_test!(async fn login_form_validation(b) {
    let app = TestApp::start(b).await;
    let form = Some("application/x-www-form-urlencoded");
    let r = app.post_raw("/api/v1/auth/login", None, form, "username=&password=").await;
    r.assert(422);
    assert_eq!(r.detail(), json!([
        {"type": "missing", "loc": ["body", "username"], "msg": "Field required", "input": null},
        {"type": "missing", "loc": ["body", "password"], "msg": "Field required", "input": null}
    ]));
    let r = app.post_raw("/api/v1/auth/login", None, form, "username=a&password=b&grant_type=client_credentials").await;
    r.assert(422);
    assert_eq!(r.detail()[0]["type"], "string_pattern_mismatch");
    assert_eq!(r.detail()[0]["msg"], "String should match pattern 'password'");
    assert_eq!(r.detail()[0]["ctx"], json!({"pattern": "password"}));
    // a JSON body is not the form
    let r = app.post_json("/api/v1/auth/login", None, &json!({"username": "a", "password": "b"})).await;
    assert_eq!(r.error_types(), ["missing", "missing"]);
});

db_test!(async fn token_checks_in_order(b) {
    let app = TestApp::start(b).await;
    let token = app.user("ann@example.com").await;
    // 1. no header or another scheme
    let r = app.get("/api/v1/auth/me", None).await;
    r.assert_detail(401, "Not authenticated");
    assert!(r.header("www-authenticate").is_none());
    let r = app.request(TestApp::req(Method::GET, "/api/v1/auth/me", None).header("authorization", format!("Basic {token}")).body(axum::body::Body::empty()).unwrap()).await;
    r.assert_detail(401, "Not authenticated");
    // scheme is case-insensitive
    let r = app.request(TestApp::req(Method::GET, "/api/v1/auth/me", None).header("authorization", format!("bearer {token}")).body(axum::body::Body::empty()).unwrap()).await;
    r.assert(200);
    // 2. bad tokens
    let forged = solarintel::auth::jwt::JwtKeys::new("another-secret", 60).issue(1, 0, chrono::Utc::now().timestamp());
    let expired = app.state.jwt.issue(1, 0, chrono::Utc::now().timestamp() - 10080 * 60 - 5);
    for t in ["garbage", forged.as_str(), expired.as_str()] {
        let r = app.get("/api/v1/auth/me", Some(t)).await;
        r.assert_detail(401, "Could not validate credentials");
        assert_eq!(r.header("www-authenticate"), Some("Bearer"));
    }
    // malformed sub (decision F14): 401, never 500
    let key = jsonwebtoken::EncodingKey::from_secret(b"dev-secret-key");
    let bad_sub = jsonwebtoken::encode(&jsonwebtoken::Header::default(), &json!({"sub": "abc", "exp": 4102444800i64}), &key).unwrap();
    app.get("/api/v1/auth/me", Some(&bad_sub)).await.assert_detail(401, "Could not validate credentials");
    // 3. unknown user
    let ghost = app.state.jwt.issue(999_999, 0, chrono::Utc::now().timestamp());
    app.get("/api/v1/auth/me", Some(&ghost)).await.assert_detail(401, "Could not validate credentials");
    // 4. inactive user
    app.account("ann@example.com").active(false).apply().await;
    app.get("/api/v1/auth/me", Some(&token)).await.assert_detail(403, "Inactive user");
    app.account("ann@example.com").active(None).apply().await;
    app.get("/api/v1/auth/me", Some(&token)).await.assert_detail(403, "Inactive user");
});

db_test!(async fn logout_revokes_only_that_token(b) {
    let app = TestApp::start(b).await;
    let t1 = app.user("ann@example.com").await;
    let t2 = app.state.jwt.issue(app.state.jwt.verify(&t1).unwrap().user_id, 0, chrono::Utc::now().timestamp() + 1);
    let r = app.post_empty("/api/v1/auth/logout", Some(&t1)).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": "Successfully logged out. Please delete your token."}));
    app.get("/api/v1/auth/me", Some(&t1)).await.assert_detail(401, "Could not validate credentials");
    app.get("/api/v1/auth/me", Some(&t2)).await.assert(200);
    // logging out twice, without a token, or with garbage is still 200
    app.post_empty("/api/v1/auth/logout", Some(&t1)).await.assert(200);
    app.post_empty("/api/v1/auth/logout", None).await.assert(200);
    app.post_empty("/api/v1/auth/logout", Some("garbage")).await.assert(200);
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_revoked_tokens WHERE expires_at IS NOT NULL").await, 1);
});

db_test!(async fn password_reset_by_email(b) {
    let app = TestApp::start(b).await;
    let uid = app.register("ann@example.com").await;
    // a session from a minute ago, of an account made before it (a token of the same second as
    // the reset stays valid)
    app.backdate_account(uid, 120).await;
    let old_token = app.state.jwt.issue(uid as i32, 0, chrono::Utc::now().timestamp() - 60);
    app.get("/api/v1/auth/me", Some(&old_token)).await.assert(200);
    let mut mails = Vec::new();
    for (i, path) in ["/api/v1/auth/request-password-reset", "/api/v1/auth/forgot-password"].iter().enumerate() {
        let r = app.post_json(path, None, &json!({"email": "ann@example.com"})).await;
        r.assert(200);
        assert_eq!(r.json(), json!({"message": "If the email exists, a password reset link has been sent."}));
        mails.push(app.mail.wait_for("ann@example.com", i + 1).await);
    }
    let (first, second) = (&mails[0], &mails[1]);
    let link = first_link(&second.body);
    assert!(link.starts_with("http://app.example/reset-password?token="), "{link}");
    let token = token_of(&link);
    assert_eq!(token.len(), 43);
    // the first link was replaced by the second
    let stale = token_of(&first_link(&first.body));
    app.post_json("/api/v1/auth/reset-password", None, &json!({"token": stale, "new_password": "new-password-1"})).await
        .assert_detail(400, "Invalid or expired reset token");
    // only a hash is stored
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_users WHERE reset_token_hash IS NOT NULL AND reset_token IS NULL").await, 1);
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_users WHERE reset_token_hash = '{}'", solarintel::auth::sha256_hex(&token))).await, 1);
    // too short: 400, and the token survives the failed attempt
    app.post_json("/api/v1/auth/reset-password", None, &json!({"token": token, "new_password": "short"})).await
        .assert_detail(400, "Password must be at least 8 characters");
    let r = app.post_json("/api/v1/auth/reset-password", None, &json!({"token": token, "new_password": "new-password-1"})).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": "Password successfully reset. You can now login with your new password."}));
    // single use; every earlier token revoked; the new password works, the old one not
    app.post_json("/api/v1/auth/reset-password", None, &json!({"token": token, "new_password": "new-password-2"})).await
        .assert_detail(400, "Invalid or expired reset token");
    app.get("/api/v1/auth/me", Some(&old_token)).await.assert_detail(401, "Could not validate credentials");
    app.login_raw("ann@example.com", PASSWORD).await.assert(401);
    let fresh = app.login("ann@example.com", "new-password-1").await;
    app.get("/api/v1/auth/me", Some(&fresh)).await.assert(200);
});

db_test!(async fn password_reset_edge_cases(b) {
    let app = TestApp::start(b).await;
    app.register("ann@example.com").await;
    // unknown email: same answer, no email
    let r = app.post_json("/api/v1/auth/request-password-reset", None, &json!({"email": "nobody@example.com"})).await;
    r.assert(200);
    assert_eq!(r.json()["message"], "If the email exists, a password reset link has been sent.");
    app.post_json("/api/v1/auth/forgot-password", None, &json!({})).await.assert(422);
    // expired token
    app.post_json("/api/v1/auth/request-password-reset", None, &json!({"email": "ann@example.com"})).await.assert(200);
    let token = token_of(&first_link(&app.mail.wait_for("ann@example.com", 1).await.body));
    app.account("ann@example.com").reset_token_expiry(at("2020-01-01 00:00:00")).apply().await;
    app.post_json("/api/v1/auth/reset-password", None, &json!({"token": token, "new_password": "new-password-1"})).await
        .assert_detail(400, "Reset token has expired");
    app.account("ann@example.com").reset_token_expiry(None).apply().await;
    app.post_json("/api/v1/auth/reset-password", None, &json!({"token": token, "new_password": "new-password-1"})).await
        .assert_detail(400, "Reset token has expired");
    // old plaintext tokens are not honoured
    app.account("ann@example.com").legacy_reset_token("legacy").apply().await;
    app.post_json("/api/v1/auth/reset-password", None, &json!({"token": "legacy", "new_password": "new-password-1"})).await
        .assert_detail(400, "Invalid or expired reset token");
    assert_eq!(app.mail.to("nobody@example.com").len(), 0);
});

db_test!(async fn email_verification_by_link_and_by_post(b) {
    let app = TestApp::start(b).await;
    let token = app.user("ann@example.com").await;
    app.post_empty("/api/v1/auth/send-verification", None).await.assert_detail(401, "Not authenticated");
    let r = app.post_empty("/api/v1/auth/send-verification", Some(&token)).await;
    r.assert(200);
    assert_eq!(r.json()["message"], "Verification email sent. Please check your inbox.");
    let link = first_link(&app.mail.wait_for("ann@example.com", 1).await.body);
    assert!(link.starts_with("http://api.example/api/v1/auth/verify-email?token="), "{link}");
    let vt = token_of(&link);
    // the link: verifies and redirects to the React app's login page
    let r = app.get(&format!("/api/v1/auth/verify-email?token={vt}"), None).await;
    r.assert(303);
    assert_eq!(r.header("location"), Some("http://app.example/login?email_verified=1"));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_users WHERE email_verified = TRUE AND verification_token_hash IS NULL").await, 1);
    // used: failure redirect; missing token: failure redirect
    let r = app.get(&format!("/api/v1/auth/verify-email?token={vt}"), None).await;
    assert_eq!(r.header("location"), Some("http://app.example/login?email_verified=0"));
    let r = app.get("/api/v1/auth/verify-email", None).await;
    assert_eq!(r.header("location"), Some("http://app.example/login?email_verified=0"));
    // already verified
    let r = app.post_empty("/api/v1/auth/send-verification", Some(&token)).await;
    assert_eq!(r.json()["message"], "Email already verified.");
    assert_eq!(app.mail.to("ann@example.com").len(), 1);

    // the POST form, with its errors
    let t2 = app.user("bob@example.com").await;
    app.post_empty("/api/v1/auth/send-verification", Some(&t2)).await.assert(200);
    let vt2 = token_of(&first_link(&app.mail.wait_for("bob@example.com", 1).await.body));
    app.post_json("/api/v1/auth/verify-email", None, &json!({"token": "nope"})).await
        .assert_detail(400, "Invalid or expired verification token");
    app.account("bob@example.com").verification_token_expiry(at("2020-01-01 00:00:00")).apply().await;
    app.post_json("/api/v1/auth/verify-email", None, &json!({"token": vt2})).await
        .assert_detail(400, "Verification token has expired");
    app.account("bob@example.com").verification_token_expiry(at("2999-01-01 00:00:00")).apply().await;
    let r = app.post_json("/api/v1/auth/verify-email", None, &json!({"token": vt2})).await;
    r.assert(200);
    assert_eq!(r.json(), json!({"message": "Email successfully verified!"}));
    app.post_json("/api/v1/auth/verify-email", None, &json!({})).await.assert(422);
});

db_test!(async fn account_deletion_request_and_cancel(b) {
    let app = TestApp::start(b).await;
    let token = app.user("ann@example.com").await;
    app.post_empty("/api/v1/auth/cancel-deletion", Some(&token)).await
        .assert_detail(400, "Account is not marked for deletion");
    // a body is required, and JSON syntax is checked before authentication
    app.post_empty("/api/v1/auth/request-deletion", Some(&token)).await.assert(422);
    let r = app.post_raw("/api/v1/auth/request-deletion", None, Some("application/json"), "{bad").await;
    assert_eq!(r.error_types(), ["json_invalid"]);
    app.post_json("/api/v1/auth/request-deletion", None, &json!({})).await.assert_detail(401, "Not authenticated");
    app.post_json("/api/v1/auth/request-deletion", Some(&token), &json!({"reason": 7})).await.assert(422);
    let r = app.post_json("/api/v1/auth/request-deletion", Some(&token), &json!({"reason": "moving on"})).await;
    r.assert(200);
    assert_eq!(r.json()["message"], "Account deletion requested. You have 30 days to cancel this request. A confirmation email has been sent.");
    let mail = app.mail.wait_for("ann@example.com", 1).await;
    let expected = (chrono::Utc::now() + chrono::Duration::days(30)).format("%Y-%m-%d").to_string();
    assert!(mail.body.contains(&expected), "{}", mail.body);
    // full access during the grace period
    let me = app.get("/api/v1/auth/me", Some(&token)).await;
    me.assert(200);
    assert!(me.json()["deletion_requested_at"].is_string());
    app.login("ann@example.com", PASSWORD).await;
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_users WHERE deleted = TRUE AND deletion_reason = 'moving on'").await, 1);
    let r = app.post_empty("/api/v1/auth/cancel-deletion", Some(&token)).await;
    r.assert(200);
    assert_eq!(r.json()["message"], "Account deletion cancelled. Your account is safe!");
    app.mail.wait_for("ann@example.com", 2).await;
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_users WHERE deleted = FALSE AND deletion_requested_at IS NULL AND deletion_reason IS NULL").await, 1);
    assert_eq!(app.get("/api/v1/auth/me", Some(&token)).await.json()["deletion_requested_at"], json!(null));
});

db_test!(async fn monthly_counter_resets_lazily(b) {
    let app = TestApp::start(b).await;
    let token = app.user("ann@example.com").await;
    app.account("ann@example.com").monthly_count(4).query_count(9).last_reset(at("2020-03-01 00:00:00")).apply().await;
    let me = app.get("/api/v1/auth/me", Some(&token)).await.json();
    assert_eq!(me["monthly_query_count"], 0);
    assert_eq!(me["query_count"], 9);
    assert_eq!(app.scalar("SELECT monthly_query_count FROM fastapi_users").await, 0);
    // a counter of this month is left alone
    app.account("ann@example.com").monthly_count(3).apply().await;
    assert_eq!(app.get("/api/v1/auth/me", Some(&token)).await.json()["monthly_query_count"], 3);
    // the anchor falls back to last_query_date, then created_at
    app.account("ann@example.com").last_reset(None).last_query(at("2021-01-05 10:00:00")).apply().await;
    assert_eq!(app.get("/api/v1/auth/me", Some(&token)).await.json()["monthly_query_count"], 0);
});

// Decision L3: with REQUIRE_EMAIL_VERIFICATION on, a new account logs in only after following its
// link (the current app's /verify-email page); nobody else is locked out.
db_test!(async fn signup_with_email_verification_required(b) {
    let app = TestApp::builder(b).env("REQUIRE_EMAIL_VERIFICATION", "true").start().await;
    // An admin made before (and one an admin creates) is never asked to verify.
    let admin = app.admin("ada@example.com").await;
    let r = app.post_json("/api/v1/auth/register", None, &TestApp::registration("ann@example.com", PASSWORD)).await;
    r.assert(201);
    assert_eq!(r.json(), json!({"message": "Account created successfully! Please check your email to verify your account before logging in."}));
    let r = app.login_raw("ann@example.com", PASSWORD).await;
    r.assert_detail(403, "Please verify your email address before logging in. Check your inbox for the verification link.");
    assert_eq!(r.header("www-authenticate"), Some("Bearer"));
    app.login_raw("ann@example.com", "wrong-password-1").await.assert(401);
    // The link is the app's page; a resend replaces it, with the same answer for any address.
    let first = first_link(&app.mail.wait_for("ann@example.com", 1).await.body);
    assert!(first.starts_with("http://app.example/verify-email?token="), "{first}");
    const RESENT: &str = "If the email exists and is not verified, a new verification link has been sent.";
    for email in ["ann@example.com", "nobody@example.com"] {
        let r = app.post_json("/api/v1/auth/resend-verification", None, &json!({"email": email})).await;
        assert_eq!(r.json(), json!({"message": RESENT}), "{email}");
    }
    let second = first_link(&app.mail.wait_for("ann@example.com", 2).await.body);
    assert_ne!(first, second);
    assert_eq!(app.mail.to("nobody@example.com").len(), 0);
    app.post_json("/api/v1/auth/verify-email", None, &json!({"token": token_of(&first)})).await
        .assert_detail(400, "Invalid or expired verification token");
    // The app's page posts the token: verified, welcomed, and the login works.
    let r = app.post_json("/api/v1/auth/verify-email", None, &json!({"token": token_of(&second)})).await;
    r.assert(200);
    let welcome = app.mail.wait_for("ann@example.com", 3).await;
    assert!(welcome.subject.contains("Welcome"), "{}", welcome.subject);
    app.login_raw("ann@example.com", PASSWORD).await.assert(200);
    // An admin's approval lets an unverified account in and counts as its verification.
    app.post_json("/api/v1/auth/register", None, &TestApp::registration("bob@example.com", PASSWORD)).await.assert(201);
    app.login_raw("bob@example.com", PASSWORD).await.assert(403);
    let bob = app.scalar("SELECT id FROM fastapi_users WHERE username = 'bob@example.com'").await;
    app.post_empty(&format!("/api/v1/admin/users/{bob}/approve"), Some(&admin)).await.assert(200);
    app.login_raw("bob@example.com", PASSWORD).await.assert(200);
    app.post_empty(&format!("/api/v1/admin/users/{bob}/approve"), Some(&admin)).await.assert_detail(400, "User is already active");
    // An account an admin creates logs in at once.
    app.post_json("/api/v1/admin/users", Some(&admin), &json!({"username": "cy@example.com", "password": PASSWORD, "full_name": "Cy"})).await.assert(201);
    app.login_raw("cy@example.com", PASSWORD).await.assert(200);
    // An account that existed before the setting was turned on is as migration 0014 leaves it
    // (not flagged), verified or not: it keeps logging in.
    app.account("cy@example.com").verification_required(false).email_verified(false).apply().await;
    app.login_raw("cy@example.com", PASSWORD).await.assert(200);
});

db_test!(async fn an_account_changed_elsewhere_shows_within_a_second_and_a_write_here_at_once(b) {
    use solarintel::store::users::AUTH_CACHE_TTL;
    use std::time::{Duration, Instant};
    let app = TestApp::start(b).await;
    let t = app.user("ann@example.com").await;
    let first = Instant::now();
    app.get("/api/v1/auth/me", Some(&t)).await.assert(200);
    // Another process deactivates the account. This replica may answer from the authentication
    // it cached a moment ago, but for no longer than the TTL.
    app.account("ann@example.com").active(false).apply_elsewhere().await;
    let r = app.get("/api/v1/auth/me", Some(&t)).await;
    if first.elapsed() < AUTH_CACHE_TTL - Duration::from_millis(100) {
        r.assert(200);
    }
    let changed = Instant::now();
    loop {
        let r = app.get("/api/v1/auth/me", Some(&t)).await;
        if r.status == 403 {
            assert_eq!(r.detail(), json!("Inactive user"));
            break;
        }
        r.assert(200);
        assert!(
            changed.elapsed() < AUTH_CACHE_TTL + Duration::from_millis(500),
            "the deactivation is not seen after {:?}",
            changed.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // A write through this replica is seen by the very next read: the account reactivated here
    // (the harness's write counts as the app's), then a logout through the app.
    app.account("ann@example.com").active(true).apply().await;
    app.get("/api/v1/auth/me", Some(&t)).await.assert(200);
    app.post_empty("/api/v1/auth/logout", Some(&t)).await.assert(200);
    app.get("/api/v1/auth/me", Some(&t)).await.assert(401);
});
