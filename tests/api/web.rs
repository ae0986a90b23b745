//! The web conventions: response compression per content type, the built React app served by
//! `ServeDir` (ranges, validators, precompressed files, cache lifetimes, the `index.html`
//! fallback), and `/health` and `/ready` telling the dependencies' real state.

use axum::body::Body;
use axum::http::Request;
use serde_json::json;

use crate::support::*;

fn get(path: &str, headers: &[(&str, &str)]) -> Request<Body> {
    let mut b = Request::builder().uri(path);
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    b.body(Body::empty()).unwrap()
}

db_test!(async fn json_is_compressed_when_asked_and_event_streams_never(b) {
    let app = TestApp::start(b).await;
    let plain = app.request(get("/api/v1/openapi.json", &[])).await;
    plain.assert(200);
    assert!(plain.header("content-encoding").is_none(), "no Accept-Encoding, no compression");
    let gz = app.request(get("/api/v1/openapi.json", &[("accept-encoding", "gzip")])).await;
    gz.assert(200);
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert_eq!(&gz.body[..2], &[0x1f, 0x8b], "a gzip member");
    assert!(gz.body.len() < plain.body.len() / 2);
    let zst = app.request(get("/api/v1/openapi.json", &[("accept-encoding", "zstd")])).await;
    assert_eq!(zst.header("content-encoding"), Some("zstd"));
    assert_eq!(&zst.body[..4], &[0x28, 0xb5, 0x2f, 0xfd], "a zstd frame");
    // a chat stream is sent as it is made
    let t = app.admin("ada@example.com").await;
    let c = app.post_json("/api/v1/conversations/", Some(&t), &json!({})).await.json()["id"].as_i64().unwrap();
    let body = json!({"conversation_id": c, "message": "hi", "agent_type": "news"}).to_string();
    let r = app.request(Request::post("/api/v1/chat/send").header("authorization", format!("Bearer {t}"))
        .header("content-type", "application/json").header("accept-encoding", "gzip, zstd")
        .body(Body::from(body)).unwrap()).await;
    r.assert(200);
    assert!(r.header("content-type").unwrap().starts_with("text/event-stream"));
    assert!(r.header("content-encoding").is_none());
    assert!(r.text().contains("\"type\":\"done\""));
});

/// The folder `vite build` writes: index.html, hashed assets, a favicon.
fn react_build() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("assets")).unwrap();
    let html = format!(
        "<!doctype html><html><head><script src=\"/assets/index-abc123.js\"></script></head><body>{}</body></html>",
        "<div id=\"root\"></div>".repeat(40)
    );
    std::fs::write(p.join("index.html"), html).unwrap();
    std::fs::write(
        p.join("assets/index-abc123.js"),
        "console.log('app');".repeat(50),
    )
    .unwrap();
    std::fs::write(p.join("assets/index-abc123.js.gz"), b"precompressed-bytes").unwrap();
    std::fs::write(p.join("favicon.ico"), [0u8, 0, 1, 0, 1, 0]).unwrap();
    std::fs::write(p.join("a b.txt"), "spaced").unwrap();
    dir
}

db_test!(async fn the_built_react_app_is_served_with_web_conventions(b) {
    let dir = react_build();
    let app = TestApp::builder(b).env("STATIC_DIR", dir.path().to_str().unwrap()).start().await;
    // a hashed asset: cached for a year, with validators and ranges
    let js = app.request(get("/assets/index-abc123.js", &[])).await;
    js.assert(200);
    assert!(js.header("content-type").unwrap().starts_with("text/javascript"));
    assert_eq!(js.header("cache-control"), Some("public, max-age=31536000, immutable"));
    let etag = js.header("etag").expect("an ETag").to_string();
    assert!(js.header("last-modified").is_some());
    assert_eq!(js.header("accept-ranges"), Some("bytes"));
    let part = app.request(get("/assets/index-abc123.js", &[("range", "bytes=0-6")])).await;
    part.assert(206);
    assert_eq!(part.text(), "console");
    assert!(part.header("content-range").unwrap().starts_with("bytes 0-6/"));
    let again = app.request(get("/assets/index-abc123.js", &[("if-none-match", &etag)])).await;
    again.assert(304);
    assert!(again.body.is_empty());
    // the precompressed file beside it, when the client takes gzip
    let gz = app.request(get("/assets/index-abc123.js", &[("accept-encoding", "gzip")])).await;
    gz.assert(200);
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert_eq!(gz.body, b"precompressed-bytes");
    // zstd is not precompressed: compressed on the fly
    let zst = app.request(get("/assets/index-abc123.js", &[("accept-encoding", "zstd")])).await;
    assert_eq!(zst.header("content-encoding"), Some("zstd"));
    // index.html: revalidated on every use, also as the fallback of the app's own routes
    let index = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    for path in ["/index.html", "/login", "/agents/market", "/assets/", "/assets", "/assets/missing-abc123.js"] {
        let r = app.request(get(path, &[])).await;
        r.assert(200);
        assert_eq!(r.text(), index, "{path}");
        assert_eq!(r.header("cache-control"), Some("no-cache"), "{path}");
        assert!(r.header("content-type").unwrap().starts_with("text/html"), "{path}");
    }
    let r = app.request(get("/", &[("accept", "text/html")])).await;
    assert_eq!(r.text(), index);
    assert_eq!(r.header("cache-control"), Some("no-cache"));
    let r = app.request(get("/login", &[("accept-encoding", "gzip")])).await;
    assert_eq!(r.header("content-encoding"), Some("gzip"), "HTML is compressed");
    // other files: served, no long cache
    let icon = app.request(get("/favicon.ico", &[])).await;
    icon.assert(200);
    assert_eq!(icon.body, [0u8, 0, 1, 0, 1, 0]);
    assert!(icon.header("cache-control").is_none());
    assert_eq!(app.get("/a%20b.txt", None).await.text(), "spaced");
    // nothing outside the folder
    for path in ["/../etc/passwd", "/%2e%2e/etc/passwd", "/assets/%2e%2e/%2e%2e/etc/passwd"] {
        assert_eq!(app.get(path, None).await.text(), index, "{path}");
    }
    // unchanged: the API, JSON for API clients at /, HEAD
    app.get("/api/v1/unknown", None).await.assert_detail(404, "Not Found");
    assert_eq!(app.get("/", None).await.json()["status"], "online");
    let head = app.request(Request::head("/login").body(Body::empty()).unwrap()).await;
    head.assert_detail(404, "Not Found");
});

db_test!(async fn a_missing_index_is_the_json_404(b) {
    let dir = tempfile::tempdir().unwrap();
    let app = TestApp::builder(b).env("STATIC_DIR", dir.path().to_str().unwrap()).start().await;
    app.get("/login", None).await.assert_detail(404, "Not Found");
    app.request(get("/", &[("accept", "text/html")])).await.assert_detail(404, "Not Found");
});

db_test!(async fn health_and_ready_tell_a_closed_database(b) {
    let app = TestApp::start(b).await;
    assert_eq!(app.get("/health", None).await.json()["database"], "connected");
    app.state.db.close().await;
    let h = app.get("/health", None).await;
    h.assert(200);
    assert_eq!(h.json()["database"], "disconnected");
    assert_eq!(h.json()["status"], "healthy", "the process lives: liveness stays 200");
    assert_eq!(h.json()["app"], "fastapi");
    let r = app.get("/ready", None).await;
    r.assert_detail(503, "Not ready");
    assert_eq!(r.json()["failed"], json!(["database"]));
    let api = app.get("/api/v1/health", None).await;
    api.assert(200);
    assert_eq!(api.json()["status"], "unhealthy");
    assert_eq!(api.json()["database"], "unknown");
});

/// Redis that goes away after start-up (the rate limits are shared through it): `/ready` says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[cfg_attr(not(redis_tests), ignore = "set TEST_REDIS_URL to run against Redis")]
async fn ready_names_redis_when_it_stops_answering() {
    let url = std::env::var("TEST_REDIS_URL").unwrap();
    let target = url
        .trim_start_matches("redis://")
        .trim_end_matches('/')
        .to_string();
    // a proxy to the real Redis that can be cut
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    struct AbortAll(Vec<tokio::task::JoinHandle<()>>);
    impl Drop for AbortAll {
        fn drop(&mut self) {
            self.0.iter().for_each(|h| h.abort());
        }
    }
    let proxy = tokio::spawn(async move {
        // dropped with the proxy task: the open connections are cut too
        let mut conns = AbortAll(Vec::new());
        loop {
            let (mut inbound, _) = listener.accept().await.unwrap();
            let target = target.clone();
            conns.0.push(tokio::spawn(async move {
                let mut outbound = tokio::net::TcpStream::connect(&target).await.unwrap();
                let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
            }));
        }
    });
    let limiter =
        solarintel::ratelimit::Limiter::redis(&format!("redis://127.0.0.1:{port}/"), "test-ready:")
            .await
            .unwrap();
    let app = TestApp::builder(Backend::Sqlite)
        .limiter(limiter)
        .start()
        .await;
    app.get("/ready", None).await.assert(200);
    proxy.abort();
    let _ = proxy.await;
    let r = app.get("/ready", None).await;
    r.assert(503);
    assert_eq!(
        r.json(),
        json!({"detail": "Not ready", "failed": ["redis"]})
    );
}
