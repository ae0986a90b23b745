//! Security headers on every response (decision L10), and a Content-Security-Policy that lets the
//! web app of `STATIC_DIR` load what its `index.html` names (d3 from its CDN, the analytics tag
//! and its inline snippet) and nothing else.

use axum::body::Body;
use axum::http::Method;
use base64::Engine;
use serde_json::json;
use sha2::{Digest, Sha256};
use solarintel::http::security::{API_CSP, DOCS_CSP};

use crate::support::*;

fn assert_common(r: &Resp, what: &str) {
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "strict-origin-when-cross-origin"),
        (
            "permissions-policy",
            "geolocation=(), microphone=(), camera=()",
        ),
        ("x-xss-protection", "0"),
    ] {
        assert_eq!(r.header(name), Some(value), "{name} on {what}");
    }
}

async fn html_get(app: &TestApp, path: &str) -> Resp {
    app.request(
        TestApp::req(Method::GET, path, None)
            .header("accept", "text/html,application/xhtml+xml")
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_carries_the_headers() {
    let app = TestApp::start(Backend::Sqlite).await;
    let t = app.user("ann@example.com").await;
    let answers = [
        ("GET /health", app.get("/health", None).await, 200),
        (
            "GET /api/v1/auth/me",
            app.get("/api/v1/auth/me", Some(&t)).await,
            200,
        ),
        ("401", app.get("/api/v1/auth/me", None).await, 401),
        ("404", app.get("/api/v1/no-such-thing", None).await, 404),
        (
            "405",
            app.send_json(Method::PATCH, "/api/v1/conversations", Some(&t), &json!({}))
                .await,
            405,
        ),
        (
            "422",
            app.post_raw(
                "/api/v1/conversations/",
                Some(&t),
                Some("application/json"),
                "{",
            )
            .await,
            422,
        ),
        ("openapi", app.get("/api/v1/openapi.json", None).await, 200),
    ];
    for (what, r, status) in answers {
        r.assert(status);
        assert_common(&r, what);
        assert_eq!(r.header("content-security-policy"), Some(API_CSP), "{what}");
        assert_eq!(
            r.header("strict-transport-security"),
            None,
            "{what}: no HSTS unless configured"
        );
    }
    // A CORS preflight answered by the edge itself.
    let pre = app
        .request(
            TestApp::req(Method::OPTIONS, "/api/v1/auth/me", None)
                .header("origin", "http://localhost:5173")
                .header("access-control-request-method", "GET")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    pre.assert(200);
    assert_common(&pre, "preflight");
    // The docs page loads its own files.
    let docs = app.get("/docs/", None).await;
    docs.assert(200);
    assert_common(&docs, "docs");
    assert_eq!(docs.header("content-security-policy"), Some(DOCS_CSP));
    // So does a chat stream.
    app.post_json(
        "/api/v1/agent-management/hire",
        Some(&t),
        &json!({"agent_type": "market"}),
    )
    .await
    .assert(201);
    let c = app
        .post_json("/api/v1/conversations/", Some(&t), &json!({}))
        .await
        .json()["id"]
        .as_i64()
        .unwrap();
    let sse = app
        .post_json(
            "/api/v1/chat/send",
            Some(&t),
            &json!({"conversation_id": c, "message": "hello", "agent_type": "market"}),
        )
        .await;
    sse.assert(200);
    assert_common(&sse, "chat stream");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hsts_only_when_configured() {
    let app = TestApp::builder(Backend::Sqlite)
        .env("HSTS_MAX_AGE_SECONDS", "600")
        .start()
        .await;
    for r in [
        app.get("/health", None).await,
        app.get("/api/v1/no-such-thing", None).await,
    ] {
        assert_eq!(
            r.header("strict-transport-security"),
            Some("max-age=600; includeSubDomains")
        );
    }
}

/// A page like the current app's: the analytics tag and its inline snippet, d3 from its CDN.
const PAGE: &str = r#"<!doctype html>
<html lang="en">
  <head>
    <script async src="https://www.googletagmanager.com/gtag/js?id=G-TEST123"></script>
    <script>
      window.dataLayer = window.dataLayer || [];
      function gtag(){dataLayer.push(arguments);}
      gtag('js', new Date());
      gtag('config', 'G-TEST123');
    </script>
    <script src="https://d3js.org/d3.v7.min.js"></script>
    <script src="/chart-utils.js?v=9"></script>
  </head>
  <body><div id="root"></div><script type="module" src="/assets/index-Ab12Cd34.js"></script></body>
</html>
"#;

/// The text of the page's first `<script>` without attributes: what a browser hashes.
fn inline_hash(page: &str) -> String {
    let start = page.find("<script>").expect("an inline script") + "<script>".len();
    let end = start + page[start..].find("</script>").unwrap();
    let digest = Sha256::digest(&page.as_bytes()[start..end]);
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

async fn app_serving(page: &str) -> (TestApp, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("index.html"), page).unwrap();
    std::fs::create_dir(dir.path().join("assets")).unwrap();
    std::fs::write(
        dir.path().join("assets/index-Ab12Cd34.js"),
        "console.log(1)",
    )
    .unwrap();
    let app = TestApp::builder(Backend::Sqlite)
        .env("STATIC_DIR", dir.path().to_str().unwrap())
        .start()
        .await;
    (app, dir)
}

fn directive<'a>(csp: &'a str, name: &str) -> &'a str {
    csp.split(';')
        .map(str::trim)
        .find(|d| d.starts_with(&format!("{name} ")))
        .unwrap_or_else(|| panic!("no {name} in {csp}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_web_app_may_load_what_its_page_names() {
    let (app, _dir) = app_serving(PAGE).await;
    let hash = inline_hash(PAGE);
    for path in ["/", "/chat/12", "/index.html", "/assets/index-Ab12Cd34.js"] {
        let r = html_get(&app, path).await;
        r.assert(200);
        assert_common(&r, path);
        let csp = r.header("content-security-policy").unwrap().to_string();
        let scripts = directive(&csp, "script-src");
        for needed in [
            "'self'",
            "https://d3js.org",
            "https://www.googletagmanager.com",
            hash.as_str(),
        ] {
            assert!(
                scripts.split(' ').any(|s| s == needed),
                "{needed} missing from {scripts}"
            );
        }
        assert!(
            !scripts.contains("'unsafe-inline'") && !scripts.contains("'unsafe-eval'"),
            "{scripts}"
        );
        assert!(
            directive(&csp, "connect-src").contains("https://*.google-analytics.com"),
            "{csp}"
        );
        assert!(
            directive(&csp, "img-src").contains("data:")
                && directive(&csp, "img-src").contains("blob:"),
            "{csp}"
        );
        assert_eq!(directive(&csp, "frame-ancestors"), "frame-ancestors 'none'");
        assert_eq!(directive(&csp, "object-src"), "object-src 'none'");
    }
    // The API beside it keeps its own policy, a missing file's JSON 404 too.
    assert_eq!(
        app.get("/api/v1/health", None)
            .await
            .header("content-security-policy"),
        Some(API_CSP)
    );
    let missing = html_get(&app, "/.env").await;
    missing.assert(404);
    assert_eq!(missing.header("content-security-policy"), Some(API_CSP));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_that_serves_d3_itself_allows_no_cdn() {
    let page = PAGE
        .replace("https://d3js.org/d3.v7.min.js", "/d3.v7.min.js")
        .replace(r#"<script async src="https://www.googletagmanager.com/gtag/js?id=G-TEST123"></script>"#, "");
    let (app, _dir) = app_serving(&page).await;
    let csp = html_get(&app, "/")
        .await
        .header("content-security-policy")
        .unwrap()
        .to_string();
    assert!(
        !csp.contains("d3js.org") && !csp.contains("google"),
        "{csp}"
    );
    assert!(
        directive(&csp, "script-src").contains(&inline_hash(&page)),
        "{csp}"
    );
}

/// The current React app's own `index.html`, from `../shared/webapps` when present.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_current_apps_page_is_allowed_what_it_loads() {
    let tarball = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/webapps/react-frontend-805144e.tar.gz");
    if !tarball.exists() {
        eprintln!("{} is absent: skipped", tarball.display());
        return;
    }
    let out = std::process::Command::new("tar")
        .args([
            "-xzOf",
            tarball.to_str().unwrap(),
            "react-frontend-805144e/index.html",
        ])
        .output()
        .expect("tar runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = String::from_utf8(out.stdout).unwrap();
    let (app, _dir) = app_serving(&page).await;
    let csp = html_get(&app, "/")
        .await
        .header("content-security-policy")
        .unwrap()
        .to_string();
    let scripts = directive(&csp, "script-src");
    for needed in [
        "https://d3js.org",
        "https://www.googletagmanager.com",
        inline_hash(&page).as_str(),
    ] {
        assert!(
            scripts.split(' ').any(|s| s == needed),
            "{needed} missing from {scripts}"
        );
    }
}
