//! `/api/v1/auth` (api-contract §2.3): login, registration, tokens, password reset, email
//! verification, account deletion and the waitlist.

use axum::Json;
use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::{HeaderMap, StatusCode, request::Parts};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Duration, NaiveDateTime};
use serde::Serialize;
use serde_json::{Value, json};
use utoipa::{IntoParams, ToSchema};

use super::error::{ApiError, ApiResult, FieldError, ResultExt};
use super::extract::{
    ClientIp, CurrentUser, FormFields, Obj, PublicJson, RequestBody, UserJson, bearer_token,
};
use super::responses::{MessageResponse, message};
use super::throttle;
use crate::app::AppState;
use crate::auth::password::VerifyError;
use crate::auth::{new_one_time_token, sha256_hex};
use crate::domain::plans::Plan;
use crate::domain::user::{self, Role, User};
use crate::mail::templates;
use crate::store::{self, admin::Removal, users::OneTimeKind};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(login))
        .routes(routes!(register))
        .routes(routes!(me))
        .routes(routes!(logout))
        .routes(routes!(request_password_reset))
        .routes(routes!(forgot_password))
        .routes(routes!(reset_password))
        .routes(routes!(send_verification))
        .routes(routes!(resend_verification))
        .routes(routes!(verify_email, verify_email_link))
        .routes(routes!(request_deletion))
        .routes(routes!(cancel_deletion))
        .routes(routes!(waitlist_join))
        .routes(routes!(waitlist_check))
}

/// `/auth/register` and `/auth/me` (decision C8: 7 old keys + 3).
#[derive(Serialize, ToSchema)]
pub struct UserResponse {
    id: i32,
    username: String,
    full_name: String,
    role: String,
    is_active: bool,
    plan_type: String,
    monthly_query_count: i64,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    deletion_requested_at: Option<NaiveDateTime>,
    #[serde(serialize_with = "super::json::opt_datetime")]
    #[schema(value_type = Option<String>)]
    created_at: Option<NaiveDateTime>,
    query_count: i64,
}

impl From<&User> for UserResponse {
    fn from(u: &User) -> Self {
        UserResponse {
            id: u.id,
            username: u.username.clone(),
            full_name: u.full_name().to_string(),
            role: u.role().to_string(),
            is_active: u.is_active(),
            plan_type: u.plan_type().to_string(),
            monthly_query_count: u.monthly_query_count(),
            deletion_requested_at: u.deletion_requested_at,
            created_at: u.created_at,
            query_count: u.query_count(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    access_token: String,
    token_type: &'static str,
}

/// The OAuth2 password form (urlencoded or multipart). An empty `username` or `password` is
/// missing, as in FastAPI's form parsing.
#[derive(ToSchema)]
pub struct LoginForm {
    #[schema(min_length = 1)]
    pub username: String,
    #[schema(min_length = 1)]
    pub password: String,
    // A form has no `null`: the optional fields are absent or a string.
    #[schema(pattern = "password", nullable = false)]
    pub grant_type: Option<String>,
    #[schema(nullable = false)]
    pub scope: Option<String>,
    #[schema(nullable = false)]
    pub client_id: Option<String>,
    #[schema(nullable = false)]
    pub client_secret: Option<String>,
}

fn form_missing(field: &str) -> FieldError {
    FieldError::missing(vec![json!("body"), json!(field)], Value::Null)
}

impl LoginForm {
    fn read(mut f: std::collections::BTreeMap<String, String>) -> ApiResult<LoginForm> {
        let mut errors = Vec::new();
        let username = f.remove("username").filter(|s| !s.is_empty());
        let password = f.remove("password").filter(|s| !s.is_empty());
        let grant_type = f.remove("grant_type");
        if let Some(gt) = &grant_type
            && !gt.contains("password")
        {
            errors.push(FieldError {
                kind: "string_pattern_mismatch",
                loc: vec![json!("body"), json!("grant_type")],
                msg: "String should match pattern 'password'".into(),
                input: json!(gt),
                ctx: Some(json!({"pattern": "password"})),
            });
        }
        if username.is_none() {
            errors.insert(0, form_missing("username"));
        }
        if password.is_none() {
            let at = usize::from(username.is_none());
            errors.insert(at, form_missing("password"));
        }
        match (username, password) {
            (Some(username), Some(password)) if errors.is_empty() => Ok(LoginForm {
                username,
                password,
                grant_type,
                scope: f.remove("scope"),
                client_id: f.remove("client_id"),
                client_secret: f.remove("client_secret"),
            }),
            _ => Err(ApiError::Validation(errors)),
        }
    }
}

impl<S: Send + Sync> FromRequest<S> for LoginForm {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        LoginForm::read(FormFields::from_request(req, state).await?.0)
    }
}

/// Log in with the OAuth2 password form; returns a bearer token.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth",
    request_body(content = LoginForm, content_type = "application/x-www-form-urlencoded"),
    responses((status = 200, body = TokenResponse), (status = 401), (status = 422), (status = 429)))]
pub async fn login(
    State(state): State<AppState>,
    ip: ClientIp,
    LoginForm {
        username, password, ..
    }: LoginForm,
) -> ApiResult<Response> {
    // Counted before the password is checked; given back below if it was no guess.
    let attempt = throttle::begin_login(&state, ip.0, &username).await?;

    let invalid = || ApiError::unauthorized("Invalid username or password");
    let Some(user) = store::users::get_by_username(&state.db, &username).await? else {
        if let Err(busy) = state.hasher.verify_dummy(&username, password).await {
            attempt.refund(&state).await;
            return Err(busy.into());
        }
        return Err(invalid());
    };
    match state
        .hasher
        .verify(password, user.password_hash.clone())
        .await
    {
        Ok(true) => {}
        Ok(false) => return Err(invalid()),
        Err(VerifyError::Busy(busy)) => {
            attempt.refund(&state).await;
            return Err(busy.into());
        }
        Err(e) => {
            tracing::warn!(user_id = user.id, error = %e, "stored password hash could not be checked");
            attempt.refund(&state).await;
            return Err(ApiError::unauthorized(
                "An error occurred during authentication. Please try again.",
            ));
        }
    }
    if !user.is_active() {
        attempt.refund(&state).await;
        return Err(ApiError::unauthorized(
            "Your account is pending administrator approval. Please wait for an admin to activate your account.",
        ));
    }
    // Registered under REQUIRE_EMAIL_VERIFICATION and not verified yet (decision L3).
    if user.email_verification_required && !user.email_verified() {
        attempt.refund(&state).await;
        return Err(ApiError::Detail {
            status: StatusCode::FORBIDDEN,
            detail: "Please verify your email address before logging in. Check your inbox for the verification link.".into(),
            www_authenticate: true,
            retry_after: None,
        });
    }
    // A successful login is not an attempt, clears its account's counter, and makes this
    // address one of the account's own.
    attempt
        .login_succeeded(&state, ip.0, user.id, &user.username)
        .await;
    // The token version read with the password hash just checked: a revocation that commits
    // after that read (a password change racing this login) revokes this token too.
    let token = state.jwt.issue(
        user.id,
        user.token_version,
        store::now().and_utc().timestamp(),
    );
    Ok(Json(TokenResponse {
        access_token: token,
        token_type: "bearer",
    })
    .into_response())
}

/// Caps on the registration's free text that the full-name and email column limits do not
/// cover (anyone can register, so every stored field is bounded). Far above what the
/// React apps send: `job_title` and `company_name` are typed in, `country` is a two-letter code
/// and `company_size` one of six values such as `501-1000`. They are validated and discarded,
/// but a request with no cap is still read and held whole.
pub const MAX_JOB_TITLE_CHARS: usize = 200;
pub const MAX_COMPANY_NAME_CHARS: usize = 200;
pub const MAX_COUNTRY_CHARS: usize = 100;
pub const MAX_COMPANY_SIZE_CHARS: usize = 50;

#[derive(ToSchema)]
pub struct RegisterRequest {
    /// With `last_name`, the full name `"<first_name> <last_name>"` is at most 100 characters
    /// (reported at `last_name`).
    #[schema(max_length = 100)]
    pub first_name: String,
    #[schema(max_length = 100)]
    pub last_name: String,
    #[schema(max_length = 80)]
    pub email: String,
    pub password: String,
    #[schema(max_length = 200)]
    pub job_title: String,
    #[schema(max_length = 200)]
    pub company_name: String,
    #[schema(max_length = 100)]
    pub country: String,
    #[schema(max_length = 50)]
    pub company_size: String,
    #[schema(value_type = super::extract::LaxBool)]
    pub terms_agreement: bool,
    /// Absent means `false`.
    #[schema(value_type = super::extract::LaxBool, required = false)]
    pub communications: bool,
}

impl RegisterRequest {
    fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

impl RequestBody for RegisterRequest {
    fn read(o: &mut Obj<'_>) -> Self {
        let r = RegisterRequest {
            first_name: o.req_str("first_name"),
            last_name: o.req_str("last_name"),
            email: o.req_str("email"),
            password: o.req_str("password"),
            job_title: o.req_str("job_title"),
            company_name: o.req_str("company_name"),
            country: o.req_str("country"),
            company_size: o.req_str("company_size"),
            terms_agreement: o.req_bool("terms_agreement"),
            communications: o.opt_bool("communications", false),
        };
        o.max_chars("email", &r.email, 80);
        o.max_chars("job_title", &r.job_title, MAX_JOB_TITLE_CHARS);
        o.max_chars("company_name", &r.company_name, MAX_COMPANY_NAME_CHARS);
        o.max_chars("country", &r.country, MAX_COUNTRY_CHARS);
        o.max_chars("company_size", &r.company_size, MAX_COMPANY_SIZE_CHARS);
        if r.full_name().chars().count() > 100 {
            o.push(FieldError::too_long(
                vec![json!("body"), json!("last_name")],
                json!(r.last_name),
                100,
            ));
        }
        r
    }
}

/// Create an active account (no approval). With `REQUIRE_EMAIL_VERIFICATION` the answer is
/// `{"message": ...}` instead and the account logs in once its emailed link is followed.
#[utoipa::path(post, path = "/api/v1/auth/register", tag = "auth", request_body = RegisterRequest,
    responses((status = 201, description = "The new account; `{\"message\"}` when REQUIRE_EMAIL_VERIFICATION is on",
        body = UserResponse), (status = 400), (status = 422), (status = 429)))]
pub async fn register(
    State(state): State<AppState>,
    ip: ClientIp,
    PublicJson(r): PublicJson<RegisterRequest>,
) -> ApiResult<Response> {
    let full_name = r.full_name();
    let RegisterRequest {
        email,
        password,
        terms_agreement,
        communications,
        ..
    } = r;
    throttle::attempt(&state, ip.0, Some(&email)).await?;

    if !terms_agreement {
        return Err(ApiError::bad_request(
            "You must agree to the terms of service and privacy policy",
        ));
    }
    let exists = || ApiError::bad_request("An account with this email already exists");
    if store::users::username_exists(&state.db, &email).await? {
        return Err(exists());
    }
    let hash = state.hasher.hash(password).await?;
    // Under REQUIRE_EMAIL_VERIFICATION (decision L3) the account is written with its emailed
    // token, in the same statement, and logs in once the link is followed.
    let now = store::now();
    let token = state
        .settings
        .require_email_verification
        .then(new_one_time_token);
    let token_hash = token.as_deref().map(sha256_hex);
    let new = store::users::NewUser {
        username: &email,
        password_hash: &hash,
        full_name: &full_name,
        role: Role::User.as_str(),
        is_active: true,
        plan_type: Plan::Free.as_str(),
        marketing_consent: communications,
        verification: token_hash
            .as_deref()
            .map(|h| (h, now + Duration::hours(24))),
        now,
    };
    let user = store::users::insert(&state.db, &new)
        .await?
        .ok_or_else(exists)?;
    if let Some(token) = token {
        state.mailer.send(templates::verification(
            &user.username,
            &verification_link(&state, &token),
        ));
        return Ok((
            StatusCode::CREATED,
            message(
                "Account created successfully! Please check your email to verify your account before logging in.",
            ),
        )
            .into_response());
    }
    Ok((StatusCode::CREATED, Json(UserResponse::from(&user))).into_response())
}

/// The link of a verification email: the current app's `/verify-email` page when signup
/// requires it (that page posts the token), else this service's link, which verifies and
/// redirects to the app's login page (decision F17).
fn verification_link(state: &AppState, token: &str) -> String {
    if state.settings.require_email_verification {
        format!("{}/verify-email?token={token}", state.settings.frontend_url)
    } else {
        format!(
            "{}/api/v1/auth/verify-email?token={token}",
            state.settings.public_url
        )
    }
}

/// The caller's account.
#[utoipa::path(get, path = "/api/v1/auth/me", tag = "auth", security(("bearer" = [])),
    responses((status = 200, body = UserResponse), (status = 401), (status = 403)))]
pub async fn me(user: CurrentUser) -> Json<UserResponse> {
    Json(UserResponse::from(&user.user))
}

/// Revoke the presented token, if any (decision F10). Always 200.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth",
    responses((status = 200, body = MessageResponse)))]
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> ApiResult<Json<MessageResponse>> {
    if let Some(token) = bearer_token(&headers)
        && let Some(claims) = state.jwt.verify(token)
        && store::users::get(&state.db, claims.user_id)
            .await?
            .is_some()
    {
        let expires = chrono::DateTime::from_timestamp(claims.exp, 0).map(|d| d.naive_utc());
        store::tokens::revoke(
            &state.db,
            &sha256_hex(token),
            claims.user_id,
            store::now(),
            expires,
        )
        .await?;
    }
    Ok(message(
        "Successfully logged out. Please delete your token.",
    ))
}

/// The longest `email` of a reset request: the longest address mail can carry (RFC 5321:
/// 64 + 1 + 255); no account can have a longer one (usernames are at most 80). Nothing of it is stored
/// (the throttle keeps a keyed hash), but an anonymous request should not make the service hold,
/// hash and look up a megabyte of address in a background task either.
pub const MAX_RESET_EMAIL_CHARS: usize = 320;

#[derive(ToSchema)]
pub struct EmailRequest {
    #[schema(max_length = 320)]
    pub email: String,
}

impl RequestBody for EmailRequest {
    fn read(o: &mut Obj<'_>) -> Self {
        let email = o.req_str("email");
        o.max_chars("email", &email, MAX_RESET_EMAIL_CHARS);
        EmailRequest { email }
    }
}

const RESET_SENT: &str = "If the email exists, a password reset link has been sent.";

/// Ask for a password reset link. The answer is the same whether or not the account exists.
#[utoipa::path(post, path = "/api/v1/auth/request-password-reset", tag = "auth", request_body = EmailRequest,
    responses((status = 200, body = MessageResponse), (status = 422), (status = 429)))]
pub async fn request_password_reset(
    State(state): State<AppState>,
    ip: ClientIp,
    PublicJson(EmailRequest { email }): PublicJson<EmailRequest>,
) -> ApiResult<Json<MessageResponse>> {
    throttle::attempt(&state, ip.0, Some(&email)).await?;
    // The work happens after the answer, so its timing says nothing about the account.
    let st = state.clone();
    tokio::spawn(async move {
        if let Err(e) = issue_reset(&st, &email).await {
            tracing::error!(error = %e, "password reset could not be issued");
        }
    });
    Ok(message(RESET_SENT))
}

async fn issue_reset(state: &AppState, email: &str) -> anyhow::Result<()> {
    let Some(user) = store::users::get_by_username(&state.db, email).await? else {
        return Ok(());
    };
    let token = new_one_time_token();
    let expiry = store::now() + Duration::hours(1);
    store::users::set_one_time_token(
        &state.db,
        user.id,
        OneTimeKind::Reset,
        &sha256_hex(&token),
        expiry,
    )
    .await?;
    let link = format!(
        "{}/reset-password?token={token}",
        state.settings.frontend_url
    );
    state
        .mailer
        .send(templates::password_reset(&user.username, &link));
    Ok(())
}

/// Same as `request-password-reset` (decision C7: the React app calls this path).
#[utoipa::path(post, path = "/api/v1/auth/forgot-password", tag = "auth", request_body = EmailRequest,
    responses((status = 200, body = MessageResponse), (status = 422), (status = 429)))]
pub async fn forgot_password(
    state: State<AppState>,
    ip: ClientIp,
    body: PublicJson<EmailRequest>,
) -> ApiResult<Json<MessageResponse>> {
    request_password_reset(state, ip, body).await
}

#[derive(ToSchema)]
pub struct ResetPasswordRequest {
    pub token: String,
    #[schema(min_length = 8)]
    pub new_password: String,
}

impl RequestBody for ResetPasswordRequest {
    fn read(o: &mut Obj<'_>) -> Self {
        ResetPasswordRequest {
            token: o.req_str("token"),
            new_password: o.req_str("new_password"),
        }
    }
}

/// Set a new password with a reset token; revokes every earlier access token.
#[utoipa::path(post, path = "/api/v1/auth/reset-password", tag = "auth", request_body = ResetPasswordRequest,
    responses((status = 200, body = MessageResponse), (status = 400), (status = 422), (status = 429)))]
pub async fn reset_password(
    State(state): State<AppState>,
    ip: ClientIp,
    PublicJson(ResetPasswordRequest {
        token,
        new_password,
    }): PublicJson<ResetPasswordRequest>,
) -> ApiResult<Json<MessageResponse>> {
    throttle::attempt(&state, ip.0, None).await?;

    let invalid = || ApiError::bad_request("Invalid or expired reset token");
    let hash = sha256_hex(&token);
    let (id, expiry) = store::users::find_by_one_time_token(&state.db, OneTimeKind::Reset, &hash)
        .await?
        .ok_or_else(invalid)?;
    let now = store::now();
    if expiry.is_none_or(|e| e < now) {
        return Err(ApiError::bad_request("Reset token has expired"));
    }
    if !user::password_long_enough(&new_password) {
        return Err(ApiError::bad_request(user::password_too_short_message()));
    }
    const FAILED: &str = "Failed to reset password";
    let new_hash = state.hasher.hash(new_password).await.or_400(FAILED)?;
    let done = store::users::complete_password_reset(
        &state.db,
        id,
        &hash,
        &new_hash,
        store::truncate_to_seconds(now),
    )
    .await
    .or_400(FAILED)?;
    if !done {
        // Used by a concurrent request in the meantime.
        return Err(invalid());
    }
    Ok(message(
        "Password successfully reset. You can now login with your new password.",
    ))
}

/// Email a verification link to the caller.
#[utoipa::path(post, path = "/api/v1/auth/send-verification", tag = "auth", security(("bearer" = [])),
    responses((status = 200, body = MessageResponse), (status = 400), (status = 401), (status = 429)))]
pub async fn send_verification(
    State(state): State<AppState>,
    ip: ClientIp,
    user: CurrentUser,
) -> ApiResult<Json<MessageResponse>> {
    throttle::attempt(&state, ip.0, Some(&user.user.username)).await?;
    if user.user.email_verified() {
        return Ok(message("Email already verified."));
    }
    let token = new_one_time_token();
    let expiry = store::now() + Duration::hours(24);
    store::users::set_one_time_token(
        &state.db,
        user.user.id,
        OneTimeKind::Verification,
        &sha256_hex(&token),
        expiry,
    )
    .await
    .or_400("Failed to send verification email")?;
    state.mailer.send(templates::verification(
        &user.user.username,
        &verification_link(&state, &token),
    ));
    Ok(message("Verification email sent. Please check your inbox."))
}

/// The same answer whether or not the address has an unverified account (no enumeration).
const RESENT: &str =
    "If the email exists and is not verified, a new verification link has been sent.";

/// Send a new verification link to an address (the current app's verify page, without a
/// login): always the same answer.
#[utoipa::path(post, path = "/api/v1/auth/resend-verification", tag = "auth", request_body = EmailRequest,
    responses((status = 200, body = MessageResponse), (status = 422), (status = 429)))]
pub async fn resend_verification(
    State(state): State<AppState>,
    ip: ClientIp,
    PublicJson(EmailRequest { email }): PublicJson<EmailRequest>,
) -> ApiResult<Json<MessageResponse>> {
    throttle::attempt(&state, ip.0, Some(&email)).await?;
    let Some(user) = store::users::get_by_username(&state.db, &email).await? else {
        return Ok(message(RESENT));
    };
    if user.email_verified() || !user.is_active() {
        return Ok(message(RESENT));
    }
    let token = new_one_time_token();
    store::users::set_one_time_token(
        &state.db,
        user.id,
        OneTimeKind::Verification,
        &sha256_hex(&token),
        store::now() + Duration::hours(24),
    )
    .await?;
    state.mailer.send(templates::verification(
        &user.username,
        &verification_link(&state, &token),
    ));
    Ok(message(RESENT))
}

/// The checks and effect shared by both verification endpoints.
async fn verify_token(state: &AppState, token: &str) -> ApiResult<()> {
    let invalid = || ApiError::bad_request("Invalid or expired verification token");
    let hash = sha256_hex(token);
    let (id, expiry) =
        store::users::find_by_one_time_token(&state.db, OneTimeKind::Verification, &hash)
            .await?
            .ok_or_else(invalid)?;
    if expiry.is_none_or(|e| e < store::now()) {
        return Err(ApiError::bad_request("Verification token has expired"));
    }
    let done = store::users::complete_email_verification(&state.db, id, &hash)
        .await
        .or_400("Failed to verify email")?;
    if !done {
        return Err(invalid());
    }
    // An account that could not log in before: welcome it (decision L3). The verification
    // stands either way; a read that fails only costs the welcome, and says so.
    match store::users::get(&state.db, id).await {
        Ok(Some(u)) if u.email_verification_required => {
            state.mailer.send(templates::welcome(
                &u.username,
                &format!("{}/login", state.settings.frontend_url),
            ));
        }
        Ok(_) => {}
        Err(e) => tracing::warn!(user_id = id, error = %e, "welcome email not sent"),
    }
    Ok(())
}

#[derive(ToSchema)]
pub struct TokenRequest {
    pub token: String,
}

impl RequestBody for TokenRequest {
    fn read(o: &mut Obj<'_>) -> Self {
        TokenRequest {
            token: o.req_str("token"),
        }
    }
}

/// Verify the email address with the token from the email.
#[utoipa::path(post, path = "/api/v1/auth/verify-email", tag = "auth", request_body = TokenRequest,
    responses((status = 200, body = MessageResponse), (status = 400), (status = 422), (status = 429)))]
pub async fn verify_email(
    State(state): State<AppState>,
    ip: ClientIp,
    PublicJson(TokenRequest { token }): PublicJson<TokenRequest>,
) -> ApiResult<Json<MessageResponse>> {
    throttle::attempt(&state, ip.0, None).await?;
    verify_token(&state, &token).await?;
    Ok(message("Email successfully verified!"))
}

/// The query of the emailed link: the first `token`, if any. It never fails: a link without a
/// token redirects with `email_verified=0`.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VerifyLinkQuery {
    pub token: Option<String>,
}

impl<S: Send + Sync> FromRequestParts<S> for VerifyLinkQuery {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let token = parts.uri.query().and_then(|q| {
            form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "token")
                .map(|(_, v)| v.into_owned())
        });
        Ok(VerifyLinkQuery { token })
    }
}

/// The link in the verification email (decision F17): verifies, then redirects to the React
/// app's login page with `email_verified=1` or `0`.
#[utoipa::path(get, path = "/api/v1/auth/verify-email", tag = "auth", params(VerifyLinkQuery),
    responses((status = 303, description = "Redirect to the web app's login page")))]
pub async fn verify_email_link(
    State(state): State<AppState>,
    ip: ClientIp,
    VerifyLinkQuery { token }: VerifyLinkQuery,
) -> ApiResult<Response> {
    let base = &state.settings.frontend_url;
    let Some(token) = token.filter(|t| !t.is_empty()) else {
        return Ok(Redirect::to(&format!("{base}/login?email_verified=0")).into_response());
    };
    throttle::attempt(&state, ip.0, None).await?;
    let ok = verify_token(&state, &token).await.is_ok();
    Ok(Redirect::to(&format!("{base}/login?email_verified={}", u8::from(ok))).into_response())
}

/// A deletion reason is stored as free text: far above what the React app's form sends.
pub const MAX_DELETION_REASON_CHARS: usize = 2_000;

#[derive(ToSchema)]
pub struct DeletionRequest {
    #[schema(max_length = 2000)]
    pub reason: Option<String>,
}

impl RequestBody for DeletionRequest {
    fn read(o: &mut Obj<'_>) -> Self {
        let reason = o.opt_str("reason");
        if let Some(r) = &reason {
            o.max_chars("reason", r, MAX_DELETION_REASON_CHARS);
        }
        DeletionRequest { reason }
    }
}

/// Ask for the account to be deleted in 30 days.
#[utoipa::path(post, path = "/api/v1/auth/request-deletion", tag = "auth", security(("bearer" = [])),
    request_body = DeletionRequest,
    responses((status = 200, body = MessageResponse), (status = 400), (status = 401), (status = 422)))]
pub async fn request_deletion(
    State(state): State<AppState>,
    UserJson {
        user,
        body: DeletionRequest { reason },
        ..
    }: UserJson<DeletionRequest>,
) -> ApiResult<Json<MessageResponse>> {
    let now = store::now();
    // The last active admin cannot schedule themselves away: the same 400 as every
    // other route that would leave no admin; nothing is changed and no email is sent.
    match store::users::request_deletion(&state.db, user.user.id, reason.as_deref(), now)
        .await
        .or_400("Failed to request account deletion")?
    {
        Removal::Done => {}
        Removal::LastAdmin => return Err(super::admin::last_admin()),
        Removal::NotFound => {
            return Err(ApiError::bad_request("Failed to request account deletion"));
        }
    }
    let date = user::deletion_takes_effect(now)
        .format("%Y-%m-%d %H:%M")
        .to_string();
    state
        .mailer
        .send(templates::deletion_requested(&user.user.username, &date));
    Ok(message(&user::deletion_requested_message()))
}

/// Cancel a pending deletion request.
#[utoipa::path(post, path = "/api/v1/auth/cancel-deletion", tag = "auth", security(("bearer" = [])),
    responses((status = 200, body = MessageResponse), (status = 400), (status = 401)))]
pub async fn cancel_deletion(
    State(state): State<AppState>,
    user: CurrentUser,
) -> ApiResult<Json<MessageResponse>> {
    if !user.user.deleted() {
        return Err(ApiError::bad_request("Account is not marked for deletion"));
    }
    let changed = store::users::cancel_deletion(&state.db, user.user.id)
        .await
        .or_400("Failed to cancel account deletion")?;
    if !changed {
        return Err(ApiError::bad_request("Account is not marked for deletion"));
    }
    state
        .mailer
        .send(templates::deletion_cancelled(&user.user.username));
    Ok(message("Account deletion cancelled. Your account is safe!"))
}

/// The longest `interested_agents` stored by the anonymous waitlist (it was bounded
/// only by the 1 MiB body). The current React app sends the chosen agent types joined with
/// commas: all eight make under 100 characters.
pub const MAX_INTERESTED_AGENTS_CHARS: usize = 2_000;

#[derive(ToSchema)]
pub struct WaitlistJoinRequest {
    #[schema(max_length = 120)]
    pub email: String,
    #[schema(max_length = 2000)]
    pub interested_agents: Option<String>,
}

impl RequestBody for WaitlistJoinRequest {
    fn read(o: &mut Obj<'_>) -> Self {
        let r = WaitlistJoinRequest {
            email: o.req_str("email"),
            interested_agents: o.opt_str("interested_agents"),
        };
        o.max_chars("email", &r.email, 120);
        if let Some(a) = &r.interested_agents {
            o.max_chars("interested_agents", a, MAX_INTERESTED_AGENTS_CHARS);
        }
        r
    }
}

/// Join the waitlist.
#[utoipa::path(post, path = "/api/v1/auth/waitlist/join", tag = "auth", request_body = WaitlistJoinRequest,
    responses((status = 200, body = MessageResponse), (status = 400), (status = 422)))]
pub async fn waitlist_join(
    State(state): State<AppState>,
    PublicJson(r): PublicJson<WaitlistJoinRequest>,
) -> ApiResult<Json<MessageResponse>> {
    join_waitlist(&state, &r.email, r.interested_agents.as_deref()).await
}

/// The waitlist insert shared by both join endpoints.
pub async fn join_waitlist(
    state: &AppState,
    email: &str,
    agents: Option<&str>,
) -> ApiResult<Json<MessageResponse>> {
    let now = store::now();
    let Some(id) = store::waitlist::join(&state.db, email, agents, now)
        .await
        .or_400("Failed to add to waitlist")?
    else {
        return Err(ApiError::bad_request("Email already in waitlist"));
    };
    // Stored: tell staff in the background; it never delays or fails this answer.
    let mut lead = crate::notify::Lead::new(crate::notify::Kind::Waitlist, id, email, now);
    lead.interested_agents = agents.and_then(|a| serde_json::from_str(a).ok());
    state.notifier.lead(lead);
    Ok(message(
        "Successfully added to waitlist! We'll notify you when access is available.",
    ))
}

#[derive(Serialize, ToSchema)]
pub struct WaitlistCheckResponse {
    in_waitlist: bool,
    message: &'static str,
}

/// Whether an email is on the waitlist.
#[utoipa::path(get, path = "/api/v1/auth/waitlist/check/{email}", tag = "auth",
    params(("email" = String, Path)), responses((status = 200, body = WaitlistCheckResponse)))]
pub async fn waitlist_check(
    State(state): State<AppState>,
    Path(email): Path<String>,
) -> Json<WaitlistCheckResponse> {
    Json(match store::waitlist::contains(&state.db, &email).await {
        Ok(true) => WaitlistCheckResponse {
            in_waitlist: true,
            message: "Email is in waitlist",
        },
        Ok(false) => WaitlistCheckResponse {
            in_waitlist: false,
            message: "Email not in waitlist",
        },
        Err(e) => {
            tracing::error!(error = %e, "waitlist check failed");
            WaitlistCheckResponse {
                in_waitlist: false,
                message: "Failed to check waitlist status",
            }
        }
    })
}
