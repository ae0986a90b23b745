//! Leads reach people: the admin lists of expert-contact requests and waitlist
//! entries (filters, search before paging, total, close, audit), and the staff notification of
//! each new one by email (the SMTP sink) and webhook (a local receiver).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::*;

const STAFF: &str = "leads@example.com";

/// A webhook receiver on 127.0.0.1: answers 500 to the first `fail_first` calls, then 200, and
/// keeps every body it received (failed calls included).
#[derive(Clone)]
struct Receiver {
    url: String,
    bodies: Arc<Mutex<Vec<Value>>>,
    calls: Arc<AtomicUsize>,
}

impl Receiver {
    async fn start(fail_first: usize) -> Receiver {
        use axum::extract::State;
        use axum::http::StatusCode;
        use axum::routing::post;
        type St = (Arc<Mutex<Vec<Value>>>, Arc<AtomicUsize>, usize);
        let bodies: Arc<Mutex<Vec<Value>>> = Arc::default();
        let calls: Arc<AtomicUsize> = Arc::default();
        let app =
            axum::Router::new()
                .route(
                    "/hook",
                    post(
                        |State((bodies, calls, fail)): State<St>,
                         axum::Json(v): axum::Json<Value>| async move {
                            bodies.lock().unwrap().push(v);
                            if calls.fetch_add(1, Ordering::SeqCst) < fail {
                                StatusCode::INTERNAL_SERVER_ERROR
                            } else {
                                StatusCode::OK
                            }
                        },
                    ),
                )
                .with_state((bodies.clone(), calls.clone(), fail_first));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!(
            "http://{}/hook?token=s3cret",
            listener.local_addr().unwrap()
        );
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Receiver { url, bodies, calls }
    }

    /// Wait up to 10 s until `n` calls have arrived.
    async fn wait_calls(&self, n: usize) -> Vec<Value> {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if self.calls.load(Ordering::SeqCst) >= n {
                return self.bodies.lock().unwrap().clone();
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        panic!(
            "{n} webhook calls expected, got {:?}",
            self.bodies.lock().unwrap()
        );
    }
}

async fn app_with(b: Backend, webhook: Option<&str>) -> TestApp {
    let mut builder = TestApp::builder(b).env("CONTACT_NOTIFY_EMAIL", STAFF);
    if let Some(url) = webhook {
        builder = builder.env("CONTACT_WEBHOOK_URL", url);
    }
    let app = builder.start().await;
    app.state
        .notifier
        .set_retry_pause(Duration::from_millis(20));
    app
}

async fn contact(app: &TestApp, token: &str, message: &str) {
    app.post_json(
        "/api/v1/chat/contact/submit",
        Some(token),
        &json!({"message": message, "selected_experts": ["ai-expert"]}),
    )
    .await
    .assert(200);
}

db_test!(async fn admin_lists_filter_search_before_paging_and_total(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("boss@example.com").await;
    let ann = app.user("ann@example.com").await;
    let bob = app.user("bob@example.com").await;
    for m in ["one", "two", "three"] {
        contact(&app, &ann, m).await;
    }
    contact(&app, &bob, "four").await;
    for e in ["w1@example.com", "w2@example.com", "zed@other.org"] {
        app.post_json("/api/v1/waitlist/join", None, &json!({"email": e, "agents": ["market"]})).await.assert(200);
    }

    // everything, newest first
    let all = app.get("/api/v1/admin/contact-requests", Some(&admin)).await;
    all.assert(200);
    let all = all.json();
    assert_eq!(all["total"], 4);
    assert_eq!(all["skip"], 0);
    assert_eq!(all["limit"], 50);
    assert_eq!(all["items"][0]["message"], "four");
    assert_eq!(all["items"][0]["email"], "bob@example.com");
    assert_eq!(all["items"][0]["status"], "open");
    assert_eq!(all["items"][0]["selected_experts"], json!(["ai-expert"]));
    assert_eq!(all["items"][0]["closed_at"], Value::Null);

    // the search runs before paging: one page of ann's requests, and the total of all of them
    let page = app.get("/api/v1/admin/contact-requests?q=ANN%40&limit=2", Some(&admin)).await.json();
    assert_eq!(page["total"], 3, "{page}");
    let msgs: Vec<&str> = page["items"].as_array().unwrap().iter().map(|i| i["message"].as_str().unwrap()).collect();
    assert_eq!(msgs, ["three", "two"]);
    let page2 = app.get("/api/v1/admin/contact-requests?q=ann%40&limit=2&skip=2", Some(&admin)).await.json();
    assert_eq!(page2["total"], 3);
    assert_eq!(page2["items"].as_array().unwrap().len(), 1);
    assert_eq!(page2["items"][0]["message"], "one");
    // a `%` is a character, not a wildcard
    assert_eq!(app.get("/api/v1/admin/contact-requests?q=%25", Some(&admin)).await.json()["total"], 0);

    // status: close one, then open / closed
    let id = page["items"][0]["id"].as_i64().unwrap();
    app.post_empty(&format!("/api/v1/admin/contact-requests/{id}/close"), Some(&admin)).await.assert(200);
    let open = app.get("/api/v1/admin/contact-requests?status=open", Some(&admin)).await.json();
    assert_eq!(open["total"], 3);
    let closed = app.get("/api/v1/admin/contact-requests?status=closed", Some(&admin)).await.json();
    assert_eq!(closed["total"], 1);
    assert_eq!(closed["items"][0]["id"], id);
    assert_eq!(app.get("/api/v1/admin/contact-requests?status=done", Some(&admin)).await.error_types(), ["literal_error"]);
    assert_eq!(app.get("/api/v1/admin/contact-requests?skip=-1", Some(&admin)).await.error_types(), ["greater_than_equal"]);
    // the limit is capped, not refused
    assert_eq!(app.get("/api/v1/admin/contact-requests?limit=100000", Some(&admin)).await.json()["limit"], 500);

    // created from / to
    app.exec("UPDATE fastapi_contact_request SET created_at = '2024-01-10 12:00:00' WHERE message = 'one'").await;
    app.exec("UPDATE fastapi_contact_request SET created_at = '2024-03-10 12:00:00' WHERE message = 'two'").await;
    let r = app.get("/api/v1/admin/contact-requests?created_from=2024-01-01&created_to=2024-02-01", Some(&admin)).await.json();
    assert_eq!(r["total"], 1, "{r}");
    assert_eq!(r["items"][0]["message"], "one");
    let r = app.get("/api/v1/admin/contact-requests?created_to=2024-12-31T00:00:00Z", Some(&admin)).await.json();
    assert_eq!(r["total"], 2);
    assert_eq!(app.get("/api/v1/admin/contact-requests?created_from=soon", Some(&admin)).await.error_types(), ["datetime_parsing"]);

    // the waitlist: search on the email, before paging
    let w = app.get("/api/v1/admin/waitlist?q=example.com&limit=1", Some(&admin)).await.json();
    assert_eq!(w["total"], 2, "{w}");
    assert_eq!(w["items"].as_array().unwrap().len(), 1);
    assert_eq!(w["items"][0]["email"], "w2@example.com");
    assert_eq!(w["items"][0]["interested_agents"], json!(["market"]));
    assert_eq!(w["items"][0]["status"], "open");
    let wid = w["items"][0]["id"].as_i64().unwrap();
    app.post_empty(&format!("/api/v1/admin/waitlist/{wid}/close"), Some(&admin)).await.assert(200);
    let w = app.get("/api/v1/admin/waitlist?status=open", Some(&admin)).await.json();
    assert_eq!(w["total"], 2);
    let w = app.get("/api/v1/admin/waitlist?status=closed&q=W2", Some(&admin)).await.json();
    assert_eq!(w["total"], 1);
    assert_eq!(w["items"][0]["id"], wid);
    app.exec("UPDATE fastapi_waitlist SET created_at = '2023-06-01 00:00:00' WHERE email = 'zed@other.org'").await;
    let w = app.get("/api/v1/admin/waitlist?created_to=2023-12-31", Some(&admin)).await.json();
    assert_eq!(w["total"], 1);
    assert_eq!(w["items"][0]["email"], "zed@other.org");
});

db_test!(async fn only_admins_see_or_close_leads(b) {
    let app = TestApp::start(b).await;
    let user = app.user("ann@example.com").await;
    contact(&app, &user, "hello").await;
    for path in ["/api/v1/admin/contact-requests", "/api/v1/admin/waitlist"] {
        app.get(path, Some(&user)).await.assert(403);
        app.get(path, None).await.assert(401);
    }
    for path in ["/api/v1/admin/contact-requests/1/close", "/api/v1/admin/waitlist/1/close"] {
        app.post_empty(path, Some(&user)).await.assert(403);
    }
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_contact_request WHERE contacted_at IS NULL").await, 1);
});

db_test!(async fn close_is_idempotent_audited_and_404s_unknown_ids(b) {
    let app = TestApp::start(b).await;
    let admin = app.admin("boss@example.com").await;
    let user = app.user("ann@example.com").await;
    contact(&app, &user, "call me").await;
    app.post_json("/api/v1/waitlist/join", None, &json!({"email": "w@example.com"})).await.assert(200);
    let cid = app.scalar("SELECT MAX(id) FROM fastapi_contact_request").await;
    let wid = app.scalar("SELECT MAX(id) FROM fastapi_waitlist").await;

    let first = app.post_empty(&format!("/api/v1/admin/contact-requests/{cid}/close"), Some(&admin)).await;
    first.assert(200);
    let first = first.json();
    assert_eq!(first["status"], "closed");
    assert!(first["closed_at"].is_string(), "{first}");
    let again = app.post_empty(&format!("/api/v1/admin/contact-requests/{cid}/close"), Some(&admin)).await;
    again.assert(200);
    assert_eq!(again.json(), first, "a second close changes nothing");
    app.post_empty("/api/v1/admin/contact-requests/999999/close", Some(&admin)).await
        .assert_detail(404, "Contact request not found");
    app.post_empty("/api/v1/admin/contact-requests/abc/close", Some(&admin)).await.assert(422);

    let w = app.post_empty(&format!("/api/v1/admin/waitlist/{wid}/close"), Some(&admin)).await.json();
    assert_eq!(w["status"], "closed");
    assert_eq!(app.post_empty(&format!("/api/v1/admin/waitlist/{wid}/close"), Some(&admin)).await.json(), w);
    app.post_empty("/api/v1/admin/waitlist/999999/close", Some(&admin)).await
        .assert_detail(404, "Waitlist entry not found");
    assert_eq!(app.scalar(&format!("SELECT COUNT(*) FROM fastapi_waitlist WHERE id = {wid} AND notified = TRUE")).await, 1);

    // one audit entry per real change, with the admin and the target
    let log = app.get("/api/v1/admin/audit-log?limit=10", Some(&admin)).await.json();
    let items = log["items"].as_array().unwrap();
    let of = |action: &str| items.iter().filter(|e| e["action"] == action).cloned().collect::<Vec<_>>();
    let c = of("close_contact_request");
    assert_eq!(c.len(), 1, "{log}");
    assert_eq!(c[0]["actor_username"], "boss@example.com");
    assert_eq!(c[0]["target"], format!("contact_request {cid}"));
    assert_eq!(c[0]["before"]["status"], "open");
    assert_eq!(c[0]["after"]["status"], "closed");
    assert!(c[0]["request_id"].is_string());
    let w = of("close_waitlist_entry");
    assert_eq!(w.len(), 1, "{log}");
    assert_eq!(w[0]["target"], format!("waitlist {wid}"));
});

db_test!(async fn new_leads_email_staff_and_post_the_webhook(b) {
    let hook = Receiver::start(0).await;
    let app = app_with(b, Some(&hook.url)).await;
    let user = app.user("ann@example.com").await;
    contact(&app, &user, "Please call me about pricing").await;
    let cid = app.scalar("SELECT MAX(id) FROM fastapi_contact_request").await;

    let mail = app.mail.wait_for(STAFF, 1).await;
    assert!(mail.subject.contains("expert-contact request"), "{}", mail.subject);
    assert!(mail.subject.contains("ann@example.com"), "{}", mail.subject);
    assert!(mail.body.contains("Please call me about pricing"), "{}", mail.body);
    let bodies = hook.wait_calls(1).await;
    assert_eq!(bodies[0]["kind"], "contact");
    assert_eq!(bodies[0]["id"], cid);
    assert_eq!(bodies[0]["email"], "ann@example.com");
    assert_eq!(bodies[0]["message"], "Please call me about pricing");
    assert_eq!(bodies[0]["selected_experts"], json!(["ai-expert"]));
    assert!(bodies[0]["created_at"].as_str().unwrap().starts_with("20"), "{}", bodies[0]);

    app.post_json("/api/v1/waitlist/join", None, &json!({"email": "w@example.com", "agents": ["price"]})).await.assert(200);
    let wid = app.scalar("SELECT MAX(id) FROM fastapi_waitlist").await;
    let mail = app.mail.wait_for(STAFF, 2).await;
    assert!(mail.subject.contains("waitlist"), "{}", mail.subject);
    assert!(mail.body.contains("w@example.com"), "{}", mail.body);
    let bodies = hook.wait_calls(2).await;
    assert_eq!(bodies[1]["kind"], "waitlist");
    assert_eq!(bodies[1]["id"], wid);
    assert_eq!(bodies[1]["email"], "w@example.com");
    assert_eq!(bodies[1]["interested_agents"], json!(["price"]));
    // (the first join only: a refused duplicate notifies no one)
    app.post_json("/api/v1/waitlist/join", None, &json!({"email": "w@example.com"})).await.assert(400);
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(hook.calls.load(Ordering::SeqCst), 2);
    assert_eq!(app.mail.to(STAFF).len(), 2);
});

db_test!(async fn a_failing_webhook_is_retried_until_it_answers(b) {
    let hook = Receiver::start(2).await;
    let app = app_with(b, Some(&hook.url)).await;
    let user = app.user("ann@example.com").await;
    contact(&app, &user, "third time lucky").await;
    let bodies = hook.wait_calls(3).await;
    assert_eq!(bodies.len(), 3);
    assert!(bodies.iter().all(|b| b["message"] == "third time lucky" && b["kind"] == "contact"));
    // no fourth call after the success
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(hook.calls.load(Ordering::SeqCst), 3);
});

db_test!(async fn a_dead_receiver_neither_slows_nor_fails_the_user(b) {
    // A receiver that accepts connections and never answers: each call would wait out the
    // webhook timeout.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let held: Arc<Mutex<Vec<tokio::net::TcpStream>>> = Arc::default();
    let keep = held.clone();
    tokio::spawn(async move {
        while let Ok((s, _)) = listener.accept().await {
            keep.lock().unwrap().push(s);
        }
    });
    let app = app_with(b, Some(&url)).await;
    let user = app.user("ann@example.com").await;
    let start = Instant::now();
    let r = app.post_json("/api/v1/chat/contact/submit", Some(&user), &json!({"message": "hello"})).await;
    r.assert(200);
    assert_eq!(r.json()["success"], true);
    let r = app.post_json("/api/v1/waitlist/join", None, &json!({"email": "w@example.com"})).await;
    r.assert(200);
    assert!(start.elapsed() < Duration::from_secs(2), "took {:?}", start.elapsed());
    // the webhook was attempted (and is still waiting), the email went out regardless
    let t = Instant::now();
    while held.lock().unwrap().is_empty() && t.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(!held.lock().unwrap().is_empty(), "the webhook was never called");
    app.mail.wait_for(STAFF, 2).await;
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_contact_request").await, 1);
});
