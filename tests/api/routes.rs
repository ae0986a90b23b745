//! Each route is declared once: `routes!` over the handler's `#[utoipa::path]` (http/mod.rs).
//! The router answers every operation of the document, serves that same document, and
//! `src/http` adds no route around it, so an undocumented route cannot exist.

use axum::body::Body;
use axum::http::Method;
use serde_json::Value;

use crate::support::*;

/// Every (method, path) pair of the document, in its order.
fn operations(doc: &Value) -> Vec<(Method, String)> {
    let mut ops = vec![];
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            let m = match method.as_str() {
                "get" => Method::GET,
                "post" => Method::POST,
                "put" => Method::PUT,
                "delete" => Method::DELETE,
                "patch" => Method::PATCH,
                _ => continue,
            };
            ops.push((m, path.clone()));
        }
    }
    ops
}

/// A concrete path for a templated one: each `{param}` becomes a plausible value.
fn concrete(path: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let j = rest[i..].find('}').unwrap() + i;
        out.push_str(match &rest[i + 1..j] {
            "agent_type" => "market",
            "email" => "someone@example.com",
            "turn_id" => "00000000-0000-0000-0000-000000000000",
            _ => "1",
        });
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
    out
}

db_test!(async fn the_router_answers_every_documented_operation(b) {
    let app = TestApp::start(b).await;
    let doc = serde_json::to_value(solarintel::http::openapi::document()).unwrap();
    // The document the service serves is the one `document()` builds from the routes.
    let served = app.get("/api/v1/openapi.json", None).await;
    served.assert(200);
    assert_eq!(served.json(), doc);

    // What "not routed" looks like, so the loop below can tell it apart.
    let unknown = app.get("/api/v1/conversations/1/no-such-thing", None).await;
    assert!(unknown.status.as_u16() == 404 && unknown.text() == r#"{"detail":"Not Found"}"#);
    let wrong_method = app.send_json(Method::PATCH, "/api/v1/conversations", None, &serde_json::json!({})).await;
    wrong_method.assert(405);

    let ops = operations(&doc);
    // the first contract's, the current app's so far (the 9 admin analytics, 12 GDPR
    // and breach register operations, the landing form, the recommendation, the two uploads and
    // their four read-backs) and ours
    assert_eq!(ops.len(), 119, "operations in the document: {ops:?}");
    for (method, path) in ops {
        let uri = concrete(&path);
        let req = TestApp::req(method.clone(), &uri, None)
            .header("content-type", "application/json")
            .body(Body::from("{}"))
            .unwrap();
        let r = app.request(req).await;
        // The router's own answers for what no route claims (root::fallback, middleware::edge).
        let unrouted = r.status.as_u16() == 405
            || (r.status.as_u16() == 404 && r.text() == r#"{"detail":"Not Found"}"#);
        assert!(!unrouted, "{method} {path} ({uri}) is documented but not routed: {} {}", r.status, r.text());
    }
});

/// The Rust source of `src/http`, file by file.
fn http_sources() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/http");
    let mut files = vec![];
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                files.push((
                    p.display().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                ));
            }
        }
    }
    files
}

#[test]
fn routes_are_only_declared_through_the_document() {
    // Only the docs pages (`/docs`, `/redoc`, `/api/v1/openapi.json`) and the metrics address's
    // own router (`METRICS_ADDR`, never the public one) are plain axum routes.
    let mut found = vec![];
    for (path, text) in http_sources() {
        if path.ends_with("http/openapi.rs") || path.ends_with("http/metrics.rs") {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            let l = line.trim_start();
            if l.starts_with("//") {
                continue;
            }
            for needle in [
                ".route(",
                ".route_service(",
                ".nest(",
                ".nest_service(",
                "axum::routing",
            ] {
                if l.contains(needle) {
                    found.push(format!("{path}:{}: {l}", n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "routes declared outside `routes!`:\n{}",
        found.join("\n")
    );
    // One `routes!` per documented path (it groups the methods of one path).
    let n: usize = http_sources()
        .iter()
        .map(|(_, t)| t.matches(".routes(routes!(").count())
        .sum();
    assert_eq!(n, solarintel::http::openapi::document().paths.paths.len());
}

/// The breach register's vocabularies in the document are the ones the parser accepts.
#[test]
fn breach_vocabularies_are_the_parsers() {
    use solarintel::domain::gdpr;
    let doc = serde_json::to_value(solarintel::http::openapi::document()).unwrap();
    for (schema, words) in [
        ("BreachSeverity", gdpr::BREACH_SEVERITIES),
        ("BreachRiskLevel", gdpr::BREACH_RISK_LEVELS),
        ("BreachStatus", gdpr::BREACH_STATUSES),
    ] {
        assert_eq!(
            doc["components"]["schemas"][schema]["enum"],
            serde_json::json!(words),
            "{schema}"
        );
    }
}

/// `#[schema(max_length = ..)]` takes only literals: each limit written there is the parser's.
#[test]
fn request_schema_limits_are_the_parsers_constants() {
    use solarintel::domain::conversation::MAX_CHAT_MESSAGE_CHARS;
    use solarintel::domain::gdpr;
    use solarintel::domain::user::PASSWORD_MIN_CHARS;
    use solarintel::http::{auth, chat, conversations, survey};
    let doc = serde_json::to_value(solarintel::http::openapi::document()).unwrap();
    let cases = [
        (
            "ChatRequest",
            "message",
            "maxLength",
            MAX_CHAT_MESSAGE_CHARS,
        ),
        (
            "ContactSubmit",
            "message",
            "maxLength",
            chat::MAX_CONTACT_MESSAGE_CHARS,
        ),
        (
            "ApprovalRequest",
            "context",
            "maxLength",
            chat::MAX_APPROVAL_CONTEXT_CHARS,
        ),
        (
            "MessageCreate",
            "content",
            "maxLength",
            conversations::MAX_MESSAGE_CHARS,
        ),
        (
            "UserSurveyStage2",
            "weekly_insight",
            "maxLength",
            survey::MAX_WEEKLY_INSIGHT_CHARS,
        ),
        (
            "DeletionRequest",
            "reason",
            "maxLength",
            auth::MAX_DELETION_REASON_CHARS,
        ),
        (
            "RestrictionRequest",
            "reason",
            "maxLength",
            gdpr::MAX_RESTRICTION_REASON_CHARS,
        ),
        (
            "CreateBreach",
            "breach_type",
            "maxLength",
            gdpr::BREACH_TYPE_CHARS,
        ),
        (
            "CreateBreach",
            "description",
            "maxLength",
            gdpr::BREACH_TEXT_CHARS,
        ),
        (
            "CreateBreach",
            "affected_data_categories",
            "maxItems",
            gdpr::BREACH_CATEGORIES,
        ),
        (
            "CreateBreach",
            "discovered_by",
            "maxLength",
            gdpr::BREACH_DISCOVERED_BY_CHARS,
        ),
        (
            "CreateBreach",
            "discovery_method",
            "maxLength",
            gdpr::BREACH_DISCOVERY_METHOD_CHARS,
        ),
        (
            "NotifyDpa",
            "likely_consequences",
            "maxLength",
            gdpr::BREACH_TEXT_CHARS,
        ),
        (
            "NotifyUsers",
            "user_actions",
            "maxLength",
            gdpr::BREACH_TEXT_CHARS,
        ),
        (
            "UpdateBreachStatus",
            "notes",
            "maxLength",
            gdpr::BREACH_NOTE_CHARS,
        ),
        ("UserCreate", "password", "minLength", PASSWORD_MIN_CHARS),
        (
            "ChangePasswordRequest",
            "new_password",
            "minLength",
            PASSWORD_MIN_CHARS,
        ),
        (
            "ResetPasswordRequest",
            "new_password",
            "minLength",
            PASSWORD_MIN_CHARS,
        ),
    ];
    for (schema, field, key, want) in cases {
        let got = &doc["components"]["schemas"][schema]["properties"][field][key];
        assert_eq!(got.as_u64(), Some(want as u64), "{schema}.{field}.{key}");
    }
}

/// The answers the layers and extractors give are in the document (`openapi::complete`, and 429
/// from the rate-limited router), each with the `{"detail": ...}` schema.
#[test]
fn every_operation_documents_its_layers_answers() {
    let doc = serde_json::to_value(solarintel::http::openapi::document()).unwrap();
    let error = |op: &Value, status: &str| {
        op["responses"][status]["content"]["application/json"]["schema"]["$ref"]
            .as_str()
            .map(str::to_string)
    };
    let detail = Some("#/components/schemas/ErrorResponse".to_string());
    let array = Some("#/components/schemas/ValidationErrorResponse".to_string());
    for (method, path) in operations(&doc) {
        let op = &doc["paths"][&path][method.as_str().to_lowercase()];
        let at = format!("{method} {path}");
        assert_eq!(error(op, "500"), detail, "{at}: 500");
        assert_eq!(error(op, "503"), detail, "{at}: 503");
        if op["security"].as_array().is_some_and(|s| !s.is_empty()) {
            assert_eq!(error(op, "401"), detail, "{at}: 401");
            assert_eq!(error(op, "403"), detail, "{at}: 403");
        }
        if !op["requestBody"].is_null() {
            assert_eq!(error(op, "413"), detail, "{at}: 413");
            assert_eq!(error(op, "422"), array, "{at}: 422");
        }
        // Rate limited: /api/v1 except health (api-contract §1.8).
        let limited = path.starts_with("/api/v1/") && !path.starts_with("/api/v1/health");
        assert_eq!(!op["responses"]["429"].is_null(), limited, "{at}: 429");
        // No error answer without a body schema.
        for (status, answer) in op["responses"].as_object().unwrap() {
            if status.as_str() >= "400" {
                assert!(
                    !answer["content"].is_null(),
                    "{at}: {status} has no body schema"
                );
            }
        }
    }
}

/// `openapi::complete` derives 401/403 from an annotation's `security` and 413/422 from its
/// `request_body`: each handler declares them exactly when its extractors authenticate or read
/// a body, so the derived answers are the extractors' answers.
#[test]
fn annotations_declare_what_the_extractors_do() {
    const AUTH: [&str; 6] = [
        "CurrentUser",
        "UserJson",
        "AdminUser",
        "AdminJson",
        "BreachAdmin",
        "BreachJson",
    ];
    const BODY: [&str; 7] = [
        "Multipart",
        "PublicJson",
        "UserJson",
        "AdminJson",
        "BreachJson",
        "LoginForm",
        "Bytes",
    ];
    // chat/send reads the body itself, then authenticates with `read_user_json` (a resume with
    // `Last-Event-ID` must not read a body first).
    const AUTH_IN_BODY: [&str; 1] = ["send"];
    let word = |text: &str, w: &str| {
        text.match_indices(w).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + w.len()..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    };
    let mut checked = 0;
    let mut wrong = vec![];
    for (path, text) in http_sources() {
        for chunk in text.split("#[utoipa::path(").skip(1) {
            let Some(end) = chunk.find(")]") else {
                continue;
            };
            let annotation = &chunk[..end];
            let Some(f) = chunk.find("pub async fn ") else {
                continue;
            };
            let rest = &chunk[f + "pub async fn ".len()..];
            let name = &rest[..rest.find('(').unwrap()];
            let args = &rest[rest.find('(').unwrap()..rest.find("->").unwrap_or(rest.len())];
            let auth = AUTH.iter().any(|w| word(args, w)) || AUTH_IN_BODY.contains(&name);
            let body = BODY.iter().any(|w| word(args, w));
            if annotation.contains("security(") != auth {
                wrong.push(format!(
                    "{path} {name}: security {}, authenticates {auth}",
                    !auth
                ));
            }
            if annotation.contains("request_body") != body {
                wrong.push(format!(
                    "{path} {name}: request_body {}, reads a body {body}",
                    !body
                ));
            }
            checked += 1;
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(
        checked,
        operations(&serde_json::to_value(solarintel::http::openapi::document()).unwrap()).len()
    );
}
