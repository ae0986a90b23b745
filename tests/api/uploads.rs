//! The current app's upload endpoints and the storage and BIPV read-backs (`latest-app.md`
//! §1.2, decision L5): every check the old service made, the upload's name and size kept on the
//! message, and no result, image or dashboard invented.

use axum::body::Body;
use axum::http::Method;
use serde_json::{Value, json};

use crate::support::answers::conversation;
use crate::support::chat::counters;
use crate::support::fake_llm::parse_sse;
use crate::support::*;

/// One part of a multipart form: a text field, or a file with its name and content type.
enum Part<'a> {
    Text(&'a str, &'a str),
    File(&'a str, &'a str, &'a str, Vec<u8>),
}

const BOUNDARY: &str = "----solarintel-test-boundary";

fn form(parts: &[Part<'_>]) -> Vec<u8> {
    let mut out = Vec::new();
    for p in parts {
        out.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match p {
            Part::Text(name, value) => {
                out.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                        .as_bytes(),
                );
            }
            Part::File(name, file, ct, bytes) => {
                out.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: {ct}\r\n\r\n"
                    )
                    .as_bytes(),
                );
                out.extend_from_slice(bytes);
                out.extend_from_slice(b"\r\n");
            }
        }
    }
    out.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    out
}

async fn post_form(app: &TestApp, path: &str, t: Option<&str>, parts: &[Part<'_>]) -> Resp {
    let req = TestApp::req(Method::POST, path, t)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(form(parts)))
        .unwrap();
    app.request(req).await
}

/// A PNG header of `w` x `h` pixels (what the endpoint reads; the pixels are not decoded).
fn png(w: u32, h: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    b.extend_from_slice(&w.to_be_bytes());
    b.extend_from_slice(&h.to_be_bytes());
    b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    b
}

async fn hire(app: &TestApp, t: &str, agent: &str) {
    app.post_json(
        "/api/v1/agent-management/hire",
        Some(t),
        &json!({"agent_type": agent}),
    )
    .await
    .assert(201);
}

fn done_text(r: &Resp) -> String {
    let events = parse_sse(&r.text());
    let done = events
        .iter()
        .find(|(_, e)| e["type"] == "done")
        .unwrap_or_else(|| panic!("{events:?}"));
    done.1["full_response"].as_str().unwrap().to_string()
}

async fn stored_user_message(app: &TestApp, t: &str, c: i64) -> Value {
    let msgs = app
        .get(&format!("/api/v1/conversations/{c}/messages"), Some(t))
        .await
        .json();
    let user = msgs
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|m| m["sender"] == "user")
        .unwrap()
        .clone();
    serde_json::from_str(user["content"].as_str().unwrap()).unwrap()
}

db_test!(async fn a_load_profile_upload_is_checked_kept_by_name_and_never_used_for_a_figure(b) {
    let app = TestApp::builder(b).env("SAMPLE_DATA", "true").start().await;
    let t = app.user("ann@example.com").await;
    let bob = app.user("bob@example.com").await;
    hire(&app, &t, "storage_optimization").await;
    let c = conversation(&app, &t).await;
    let cs = c.to_string();
    let path = "/api/v1/chat/send-with-file";
    let csv = b"hour,load_kw\n0,0.4\n1,0.3\n".to_vec();
    // Authentication first, then the form's fields, then the upload's checks.
    post_form(&app, path, None, &[Part::Text("conversation_id", &cs)]).await.assert(401);
    let r = post_form(&app, path, Some(&t), &[Part::Text("message", "hi")]).await;
    r.assert(422);
    assert_eq!(r.json()["detail"][0]["loc"], json!(["body", "conversation_id"]), "{}", r.text());
    let r = post_form(&app, path, Some(&t), &[Part::Text("conversation_id", "x"), Part::Text("message", "hi")]).await;
    assert_eq!(r.error_types(), ["int_parsing"]);
    post_form(&app, path, Some(&t), &[Part::Text("conversation_id", &cs), Part::Text("message", " ")])
        .await
        .assert_detail(400, "Message or file is required");
    post_form(&app, path, Some(&t), &[Part::Text("conversation_id", &cs), Part::Text("message", " "),
        Part::File("file", "notes.txt", "text/plain", b"x".to_vec())])
        .await
        .assert_detail(400, "Invalid file type. Allowed: csv, xlsx, xls, json");
    post_form(&app, path, Some(&t), &[Part::Text("conversation_id", &cs), Part::Text("message", " "),
        Part::File("file", "big.csv", "text/csv", vec![b'1'; 10 * 1024 * 1024 + 1])])
        .await
        .assert_detail(400, "File size must be less than 10MB");
    let long = "x".repeat(5001);
    let r = post_form(&app, path, Some(&t), &[Part::Text("conversation_id", &cs), Part::Text("message", &long)]).await;
    r.assert(422);
    assert_eq!(r.error_types(), ["string_too_long"]);
    post_form(&app, path, Some(&t), &[Part::Text("conversation_id", &cs), Part::Text("message", "hi"),
        Part::Text("agent_type", "market")])
        .await
        .assert_detail(400, "This endpoint is for the storage_optimization agent, not market");
    // Someone else's conversation is not found; nothing was counted or stored by any of these.
    post_form(&app, path, Some(&bob), &[Part::Text("conversation_id", &cs), Part::Text("message", "hi")])
        .await
        .assert_detail(404, "Conversation not found or access denied");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages").await, 0);
    // The app's upload: a blank message and a file. The agent says it cannot, and the answer says
    // the file was not used; the file's name and size are kept on the message, not its content.
    let before = counters(&app).await;
    let r = post_form(&app, path, Some(&t), &[Part::Text("conversation_id", &cs), Part::Text("message", " "),
        Part::Text("agent_type", "storage_optimization"), Part::File("file", "load.csv", "text/csv", csv.clone())])
        .await;
    r.assert(200);
    let text = done_text(&r);
    assert!(text.contains("not available on this installation"), "{text}");
    assert!(text.contains("\"load.csv\" (25 bytes), was received but not read or kept"), "{text}");
    assert_eq!(counters(&app).await, before, "an agent that cannot answer costs nothing");
    let stored = stored_user_message(&app, &t, c).await;
    assert_eq!(stored, json!({"type": "string", "value": "", "comment": null, "file_name": "load.csv", "file_size": 25}));
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages WHERE content LIKE '%hour,load_kw%'").await, 0);
    // Without a file it is an ordinary message to the same agent.
    let r = post_form(&app, path, Some(&t), &[Part::Text("conversation_id", &cs), Part::Text("message", "Size my battery")]).await;
    r.assert(200);
    assert!(!done_text(&r).contains("was received"));
    assert_eq!(stored_user_message(&app, &t, c).await, json!({"type": "string", "value": "Size my battery", "comment": null}));
});

db_test!(async fn building_images_are_checked_and_no_visualisation_is_invented(b) {
    let app = TestApp::builder(b).env("SAMPLE_DATA", "true").start().await;
    let admin = app.admin("ada@example.com").await;
    let t = app.user("ann@example.com").await;
    hire(&app, &t, "bipv_design").await;
    let ann = app.scalar("SELECT id FROM fastapi_users WHERE username = 'ann@example.com'").await;
    app.send_json(Method::PUT, &format!("/api/v1/admin/users/{ann}"), Some(&admin), &json!({"plan_type": "strategist"}))
        .await
        .assert(200);
    let c = conversation(&app, &t).await;
    let cs = c.to_string();
    let path = "/api/v1/chat/send-with-images";
    let with = |extra: Vec<Part<'static>>| {
        let mut v: Vec<Part<'_>> = vec![Part::Text("conversation_id", &cs), Part::Text("message", "A solar facade please")];
        v.extend(extra);
        v
    };
    post_form(&app, path, Some(&t), &[Part::Text("conversation_id", &cs)]).await.assert(422);
    post_form(&app, path, Some(&t), &[Part::Text("conversation_id", &cs), Part::Text("message", " ")])
        .await
        .assert_detail(400, "Message or images are required");
    let six: Vec<Part<'static>> = (0..6).map(|_| Part::File("images", "roof.png", "image/png", png(10, 10))).collect();
    post_form(&app, path, Some(&t), &with(six)).await.assert_detail(400, "Maximum 5 images allowed per request");
    post_form(&app, path, Some(&t), &with(vec![Part::File("images", "roof.gif", "image/gif", b"GIF89a".to_vec())]))
        .await
        .assert_detail(400, "Invalid image type: image/gif. Allowed: JPEG, PNG, WebP");
    post_form(&app, path, Some(&t), &with(vec![Part::File("images", "roof.png", "image/png", b"not an image".to_vec())]))
        .await
        .assert_detail(400, "Failed to process image 'roof.png': not a JPEG, PNG or WebP image");
    let mut huge = png(4000, 3000);
    huge.resize(10 * 1024 * 1024 + 1, 0);
    post_form(&app, path, Some(&t), &with(vec![Part::File("images", "huge.png", "image/png", huge)]))
        .await
        .assert_detail(400, "Image 'huge.png' exceeds 10MB limit");
    assert_eq!(app.scalar("SELECT COUNT(*) FROM fastapi_messages").await, 0);
    // Two good images: the agent says it cannot visualise, the answer says the images were not
    // used, and the message keeps their names, sizes and dimensions.
    let r = post_form(&app, path, Some(&t), &with(vec![
        Part::File("images", "front.png", "image/png", png(1200, 800)),
        Part::File("images", "module.png", "image/png", png(300, 200)),
    ]))
    .await;
    r.assert(200);
    let text = done_text(&r);
    assert!(text.contains("not available on this installation") && text.contains("The 2 images you sent were received but not kept"), "{text}");
    let stored = stored_user_message(&app, &t, c).await;
    assert_eq!(stored["value"], "A solar facade please");
    assert_eq!(stored["images"], json!([
        {"filename": "front.png", "size": 33, "dimensions": "1200x800"},
        {"filename": "module.png", "size": 33, "dimensions": "300x200"},
    ]));
    // Nothing was generated, so there is nothing to read back, for the owner or anyone else.
    let bob = app.user("bob@example.com").await;
    assert_eq!(app.get(&format!("/api/v1/conversations/{c}/bipv-images"), Some(&t)).await.json(), json!([]));
    app.get(&format!("/api/v1/conversations/{c}/bipv-images"), Some(&bob)).await.assert_detail(404, "Conversation not found");
    app.get(&format!("/api/v1/conversations/{c}/bipv-images"), None).await.assert(401);
    for p in ["/api/v1/chat/images/0b7c4a9e-1111-4c2d-9e0f-123456789abc", "/api/v1/chat/images/0b7c4a9e-1111-4c2d-9e0f-123456789abc/metadata"] {
        app.get(p, Some(&t)).await.assert_detail(404, "Image not found or expired");
        app.get(p, None).await.assert(401);
    }
});

db_test!(async fn a_storage_dashboard_is_never_invented(b) {
    let app = TestApp::builder(b).env("SAMPLE_DATA", "true").start().await;
    let t = app.user("ann@example.com").await;
    let bob = app.user("bob@example.com").await;
    hire(&app, &t, "storage_optimization").await;
    let c = conversation(&app, &t).await;
    let path = format!("/api/v1/chat/dashboard/{c}");
    app.get(&path, Some(&bob)).await.assert_detail(404, "Conversation not found");
    app.get(&path, None).await.assert(401);
    app.get("/api/v1/chat/dashboard/abc", Some(&t)).await.assert(422);
    app.get(&path, Some(&t)).await.assert_detail(404, "No storage optimization message found");
    let r = app.post_json("/api/v1/chat/send", Some(&t),
        &json!({"conversation_id": c, "message": "Size a battery for my roof", "agent_type": "storage_optimization"})).await;
    r.assert(200);
    assert!(done_text(&r).contains("not available on this installation"));
    app.get(&path, Some(&t)).await.assert_detail(404, "No dashboard data found in conversation");
});
