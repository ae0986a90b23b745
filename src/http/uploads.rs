//! The current app's upload endpoints and what its storage and BIPV agents read back
//! (`latest-app.md` §1.2, decision L5): `chat/send-with-file`, `chat/send-with-images`,
//! `chat/images/{id}` (and its metadata), `chat/dashboard/{conversation_id}` and
//! `conversations/{id}/bipv-images`.
//!
//! This installation has neither the storage optimiser nor an image generator, so the two agents
//! answer that they cannot (their `unavailable` text), and nothing here invents a result: an
//! upload is checked as the old service checked it, its name and size are kept on the user's
//! message, its content is neither read further nor stored, and the answer ends by saying so.
//! There are no generated images and no optimisation dashboards, so the read-back endpoints
//! answer their "not found" (or an empty list) after the same ownership checks the old service
//! made.

use axum::Json;
use axum::extract::multipart::{Field, MultipartError, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;
use serde_json::{Map, Value, json};
use utoipa::ToSchema;

use super::conversations::ConversationId;
use super::error::{ApiError, ApiResult};
use super::extract::{CurrentUser, Obj};
use crate::app::AppState;
use crate::chat::{hub, sse, turn};
use crate::domain::conversation::{MAX_CHAT_MESSAGE_CHARS, normalize_agent_type};
use crate::store::conversations as conv;
use utoipa_axum::{router::OpenApiRouter, routes};

/// One uploaded file or image may hold up to 10 MB (the old service's `10 * 1024 * 1024`).
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// Images per message.
pub const MAX_IMAGES: usize = 5;
/// Room for the form's other fields and the multipart framing, over the uploads themselves.
const FORM_OVERHEAD_BYTES: usize = 256 * 1024;
/// The start of an image kept to find its dimensions (a JPEG's frame header follows its
/// metadata segments, which may be large); the rest is counted, not kept.
const IMAGE_HEAD_BYTES: usize = 1024 * 1024;
/// The longest file name kept on a message.
const MAX_NAME_CHARS: usize = 255;
/// The file types the storage agent's upload accepts, by extension.
const FILE_TYPES: [&str; 4] = ["csv", "xlsx", "xls", "json"];
/// The image types the BIPV agent's upload accepts, by the part's declared content type.
const IMAGE_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

const STORAGE_AGENT: &str = "storage_optimization";
const BIPV_AGENT: &str = "bipv_design";

pub fn routes() -> OpenApiRouter<AppState> {
    // The uploads' own body limits: `MAX_BODY_BYTES` bounds every other body.
    let file = OpenApiRouter::new()
        .routes(routes!(send_with_file))
        .layer(DefaultBodyLimit::max(
            MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES,
        ));
    let images = OpenApiRouter::new()
        .routes(routes!(send_with_images))
        .layer(DefaultBodyLimit::max(
            MAX_IMAGES * MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES,
        ));
    OpenApiRouter::new()
        .merge(file)
        .merge(images)
        .routes(routes!(image))
        .routes(routes!(image_metadata))
        .routes(routes!(dashboard))
        .routes(routes!(bipv_images))
}

/// A form part that is an upload: its name as sent, its declared type, its size, and the start
/// of its content (up to `keep` bytes).
struct Upload {
    file_name: String,
    content_type: Option<String>,
    size: usize,
    head: Vec<u8>,
}

/// The form of an upload endpoint: its text fields (as FastAPI reads a form, an empty value is
/// missing) and its uploads under `upload_field`.
struct Form {
    fields: Map<String, Value>,
    uploads: Vec<Upload>,
}

fn multipart_error(e: MultipartError) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "Request body too large")
    } else {
        ApiError::bad_request("There was an error parsing the body")
    }
}

/// Reads one upload part chunk by chunk: counts all of it, keeps its first `keep` bytes, and
/// stops with `too_big` once it passes [`MAX_UPLOAD_BYTES`] (the rest is not read).
async fn read_upload(
    mut field: Field<'_>,
    keep: usize,
    too_big: impl Fn(&str) -> ApiError,
) -> ApiResult<Upload> {
    // (A name is kept on the message: at most [`MAX_NAME_CHARS`] of it.)
    let file_name: String = field
        .file_name()
        .unwrap_or_default()
        .chars()
        .take(MAX_NAME_CHARS)
        .collect();
    let content_type = field.content_type().map(str::to_string);
    let mut size = 0usize;
    let mut head = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
        size += chunk.len();
        if size > MAX_UPLOAD_BYTES {
            return Err(too_big(&file_name));
        }
        let room = keep.saturating_sub(head.len());
        head.extend_from_slice(&chunk[..room.min(chunk.len())]);
    }
    Ok(Upload {
        file_name,
        content_type,
        size,
        head,
    })
}

/// Reads the form. Not a multipart body at all: no fields (each required one is then missing).
/// More than `max_images` uploads stop the reading with [`too_many_images`] (what is kept of
/// each stays bounded); without a maximum every upload is read.
async fn read_form(
    multipart: Result<Multipart, MultipartRejection>,
    upload_field: &str,
    keep: usize,
    too_big: impl Fn(&str) -> ApiError,
    max_images: Option<usize>,
) -> ApiResult<Form> {
    let mut form = Form {
        fields: Map::new(),
        uploads: Vec::new(),
    };
    let Ok(mut mp) = multipart else {
        return Ok(form);
    };
    while let Some(field) = mp.next_field().await.map_err(multipart_error)? {
        let Some(name) = field.name().map(str::to_string) else {
            continue;
        };
        if name == upload_field && field.file_name().is_some() {
            let upload = read_upload(field, keep, &too_big).await?;
            // An empty file input of a browser form: no upload.
            if !(upload.file_name.is_empty() && upload.size == 0) {
                form.uploads.push(upload);
            }
            if max_images.is_some_and(|max| form.uploads.len() > max) {
                return Err(too_many_images());
            }
        } else {
            let text = field.text().await.map_err(multipart_error)?;
            if !text.is_empty() {
                form.fields.entry(name).or_insert(Value::String(text));
            }
        }
    }
    Ok(form)
}

/// The text fields both upload endpoints share, checked as the old service's `Form(...)`
/// parameters were (one 422 for all that fail).
struct Message {
    conversation_id: i64,
    text: String,
}

fn read_message(form: &Form, endpoint_agent: &str) -> ApiResult<Message> {
    let mut o = Obj::new(&form.fields, "body");
    let conversation_id = o.req_int("conversation_id");
    let text = o.req_str("message");
    // (The cap of `chat/send`'s message.)
    o.max_chars("message", &text, MAX_CHAT_MESSAGE_CHARS);
    let agent = o.opt_str("agent_type");
    o.finish()?;
    // The old service checked access against the agent named here but always answered with the
    // endpoint's agent; here the two cannot differ.
    if let Some(a) = agent
        && normalize_agent_type(&a) != endpoint_agent
    {
        return Err(ApiError::bad_request(format!(
            "This endpoint is for the {endpoint_agent} agent, not {a}"
        )));
    }
    Ok(Message {
        conversation_id,
        text: text.trim().to_string(),
    })
}

/// Starts the turn with the endpoint's agent and streams it, as `chat/send` does.
async fn stream_turn(
    state: &AppState,
    user: &CurrentUser,
    message: &Message,
    agent: &str,
    attachments: turn::Attachments,
) -> ApiResult<Response> {
    let guard = super::chat::open_stream(state, user, None)?;
    let started = turn::start_with(
        state,
        &user.user,
        &message.text,
        message.conversation_id,
        agent,
        attachments,
    )
    .await?;
    let stream = hub::stream(started.live, 0, turn::KEEP_ALIVE_AFTER);
    Ok(sse::response(
        super::chat::guarded(stream, guard),
        Some(started.turn_id),
    ))
}

/// A message with an optional data file for the storage agent (the current app sends the load
/// profile here). The file is checked (≤ 10 MB; csv, xlsx, xls or json) and its name and size
/// are kept on the message; its content is not read further or stored, since this installation
/// has no storage optimiser: the agent says so, and the answer ends saying the file was not used.
#[utoipa::path(post, path = "/api/v1/chat/send-with-file", tag = "chat", security(("bearer" = [])),
    request_body(content_type = "multipart/form-data", description = "`conversation_id` (required), `message` (required; may be blank when a file is sent), `agent_type` (`storage_optimization`, the default), `file` (optional)"),
    responses((status = 200, content_type = "text/event-stream", body = crate::events::Event, description = "The turn's events, as from `/chat/send`"),
        (status = 400, description = "`Message or file is required`, `File size must be less than 10MB`, `Invalid file type. Allowed: csv, xlsx, xls, json`, or another agent named"),
        (status = 403), (status = 404),
        (status = 413, description = "The form is larger than its uploads may be (10 MB a file or image, five images) with 256 KiB for the rest"),
        (status = 422, description = "`conversation_id` or `message` is missing, or `conversation_id` is not an integer"), (status = 429)))]
pub async fn send_with_file(
    State(state): State<AppState>,
    user: CurrentUser,
    multipart: Result<Multipart, MultipartRejection>,
) -> ApiResult<Response> {
    // (Only the first file is used; any more are counted and dropped, as the old service did.)
    let form = read_form(
        multipart,
        "file",
        0,
        |_| ApiError::bad_request("File size must be less than 10MB"),
        None,
    )
    .await?;
    let message = read_message(&form, STORAGE_AGENT)?;
    let file = form.uploads.first();
    if message.text.is_empty() && file.is_none() {
        return Err(ApiError::bad_request("Message or file is required"));
    }
    let mut attachments = turn::Attachments::default();
    if let Some(f) = file {
        let name = if f.file_name.is_empty() {
            "unknown"
        } else {
            &f.file_name
        };
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        if !FILE_TYPES.contains(&ext.as_str()) {
            return Err(ApiError::bad_request(format!(
                "Invalid file type. Allowed: {}",
                FILE_TYPES.join(", ")
            )));
        }
        attachments.envelope.insert("file_name".into(), json!(name));
        attachments
            .envelope
            .insert("file_size".into(), json!(f.size));
        attachments.note = Some(format!(
            "The file you attached, \"{}\" ({} bytes), was received but not read or kept: \
             nothing was computed from it.",
            as_plain_text(name),
            crate::tools::fmt_thousands(f.size as f64, 0)
        ));
    }
    stream_turn(&state, &user, &message, STORAGE_AGENT, attachments).await
}

/// A file name as the answer (Markdown) writes it: letters, digits, spaces and `.-_()`, the
/// rest `_`, so a name cannot add a link or an image to the answer.
fn as_plain_text(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_' | '(' | ')') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// An image's format and size in pixels, read from its header.
#[derive(Debug, PartialEq)]
pub struct ImageHeader {
    pub format: &'static str,
    pub width: u32,
    pub height: u32,
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes(
        b.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn le16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes(
        b.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at + 3)?;
    Some(u32::from(s[0]) | u32::from(s[1]) << 8 | u32::from(s[2]) << 16)
}

/// The dimensions of a PNG, JPEG or WebP image from the start of its bytes, or why they could
/// not be read. The pixels are not decoded: nothing here uses them.
pub fn image_header(b: &[u8]) -> Result<ImageHeader, &'static str> {
    let found = if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        // The first chunk is IHDR: width and height, big-endian.
        if b.get(12..16) != Some(b"IHDR") {
            return Err("a PNG without its header chunk");
        }
        let w = u32::from_be_bytes(b.get(16..20).ok_or("a truncated PNG")?.try_into().unwrap());
        let h = u32::from_be_bytes(b.get(20..24).ok_or("a truncated PNG")?.try_into().unwrap());
        ImageHeader {
            format: "PNG",
            width: w,
            height: h,
        }
    } else if b.starts_with(&[0xFF, 0xD8]) {
        jpeg_header(b)?
    } else if b.len() >= 12 && &b[0..4] == b"RIFF" && &b[8..12] == b"WEBP" {
        webp_header(b)?
    } else {
        return Err("not a JPEG, PNG or WebP image");
    };
    if found.width == 0 || found.height == 0 {
        return Err("an image with no pixels");
    }
    Ok(found)
}

/// A JPEG's size from its first frame header (SOF0–SOF15 but DHT, JPG and DAC).
fn jpeg_header(b: &[u8]) -> Result<ImageHeader, &'static str> {
    let mut at = 2;
    loop {
        // Markers may be padded with fill bytes.
        while b.get(at) == Some(&0xFF) && b.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        if b.get(at) != Some(&0xFF) {
            return Err("a JPEG whose frame header could not be found");
        }
        let marker = *b.get(at + 1).ok_or("a truncated JPEG")?;
        match marker {
            // Markers without a length.
            0x01 | 0xD0..=0xD7 => at += 2,
            0xD9 | 0xDA => return Err("a JPEG without a frame header before its image data"),
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                let h = be16(b, at + 5).ok_or("a truncated JPEG")?;
                let w = be16(b, at + 7).ok_or("a truncated JPEG")?;
                return Ok(ImageHeader {
                    format: "JPEG",
                    width: w,
                    height: h,
                });
            }
            _ => {
                let len = be16(b, at + 2)
                    .ok_or("a JPEG whose frame header could not be found in its first megabyte")?
                    as usize;
                if len < 2 {
                    return Err("a damaged JPEG");
                }
                at += 2 + len;
            }
        }
    }
}

/// A WebP's size from its first chunk: lossy (`VP8 `), lossless (`VP8L`) or extended (`VP8X`).
fn webp_header(b: &[u8]) -> Result<ImageHeader, &'static str> {
    let truncated = "a truncated WebP";
    let (width, height) = match b.get(12..16).ok_or(truncated)? {
        b"VP8 " => {
            if b.get(23..26) != Some(&[0x9D, 0x01, 0x2A]) {
                return Err("a WebP whose frame could not be read");
            }
            (
                le16(b, 26).ok_or(truncated)? & 0x3FFF,
                le16(b, 28).ok_or(truncated)? & 0x3FFF,
            )
        }
        b"VP8L" => {
            if b.get(20) != Some(&0x2F) {
                return Err("a WebP whose frame could not be read");
            }
            let bits = u32::from_le_bytes(b.get(21..25).ok_or(truncated)?.try_into().unwrap());
            ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        }
        b"VP8X" => (
            le24(b, 24).ok_or(truncated)? + 1,
            le24(b, 27).ok_or(truncated)? + 1,
        ),
        _ => return Err("a WebP of an unknown kind"),
    };
    Ok(ImageHeader {
        format: "WebP",
        width,
        height,
    })
}

/// A message with up to five building or module images for the BIPV agent. Each is checked as
/// the old service did (JPEG, PNG or WebP; ≤ 10 MB; an image whose dimensions can be read) and
/// its name, size and dimensions are kept on the message; the images themselves are not stored,
/// and no visualisation is generated: this installation has no image generator, and the agent
/// says so.
#[utoipa::path(post, path = "/api/v1/chat/send-with-images", tag = "chat", security(("bearer" = [])),
    request_body(content_type = "multipart/form-data", description = "`conversation_id` (required), `message` (required; may be blank when images are sent), `agent_type` (`bipv_design`, the default), `images` (0 to 5 parts)"),
    responses((status = 200, content_type = "text/event-stream", body = crate::events::Event, description = "The turn's events, as from `/chat/send`"),
        (status = 400, description = "`Message or images are required`, `Maximum 5 images allowed per request`, `Invalid image type: …`, `Image '…' exceeds 10MB limit`, `Failed to process image '…': …`, or another agent named"),
        (status = 403), (status = 404),
        (status = 413, description = "The form is larger than its uploads may be (10 MB a file or image, five images) with 256 KiB for the rest"),
        (status = 422, description = "`conversation_id` or `message` is missing, or `conversation_id` is not an integer"), (status = 429)))]
pub async fn send_with_images(
    State(state): State<AppState>,
    user: CurrentUser,
    multipart: Result<Multipart, MultipartRejection>,
) -> ApiResult<Response> {
    let form = read_form(
        multipart,
        "images",
        IMAGE_HEAD_BYTES,
        |name| ApiError::bad_request(format!("Image '{name}' exceeds 10MB limit")),
        Some(MAX_IMAGES),
    )
    .await?;
    let message = read_message(&form, BIPV_AGENT)?;
    if message.text.is_empty() && form.uploads.is_empty() {
        return Err(ApiError::bad_request("Message or images are required"));
    }
    let mut infos = Vec::new();
    for img in &form.uploads {
        let declared = img.content_type.as_deref().unwrap_or("None");
        if !IMAGE_TYPES.contains(&declared) {
            return Err(ApiError::bad_request(format!(
                "Invalid image type: {declared}. Allowed: JPEG, PNG, WebP"
            )));
        }
        let header = image_header(&img.head).map_err(|why| {
            ApiError::bad_request(format!(
                "Failed to process image '{}': {why}",
                img.file_name
            ))
        })?;
        infos.push(json!({
            "filename": img.file_name,
            "size": img.size,
            "dimensions": format!("{}x{}", header.width, header.height),
        }));
    }
    let mut attachments = turn::Attachments::default();
    if !infos.is_empty() {
        let n = infos.len();
        attachments.note = Some(if n == 1 {
            "The image you sent was received but not kept, and no visualisation was made from it."
                .to_string()
        } else {
            format!(
                "The {n} images you sent were received but not kept, and no visualisation was made from them."
            )
        });
        attachments
            .envelope
            .insert("images".into(), Value::Array(infos));
    }
    stream_turn(&state, &user, &message, BIPV_AGENT, attachments).await
}

fn too_many_images() -> ApiError {
    ApiError::bad_request(format!("Maximum {MAX_IMAGES} images allowed per request"))
}

const IMAGE_NOT_FOUND: &str = "Image not found or expired";

/// A generated BIPV image. This installation generates none (decision L5), so every id is
/// answered 404.
#[utoipa::path(get, path = "/api/v1/chat/images/{image_id}", tag = "chat", security(("bearer" = [])),
    params(("image_id" = String, Path)),
    responses((status = 200, content_type = "image/*", description = "Never: no image is generated here"), (status = 401), (status = 404)))]
pub async fn image(_user: CurrentUser, Path(_id): Path<String>) -> ApiResult<Response> {
    Err(ApiError::not_found(IMAGE_NOT_FOUND))
}

/// A generated image's metadata: as [`image`], 404 for every id.
#[utoipa::path(get, path = "/api/v1/chat/images/{image_id}/metadata", tag = "chat", security(("bearer" = [])),
    params(("image_id" = String, Path)),
    responses((status = 200, description = "Never: no image is generated here"), (status = 401), (status = 404)))]
pub async fn image_metadata(_user: CurrentUser, Path(_id): Path<String>) -> ApiResult<Response> {
    Err(ApiError::not_found(IMAGE_NOT_FOUND))
}

/// The conversation of the caller, or the old service's 404.
async fn own_conversation(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
) -> ApiResult<conv::Conversation> {
    conv::get(&state.db, user.user.id, id)
        .await?
        .ok_or_else(|| ApiError::not_found("Conversation not found"))
}

/// The storage optimiser's dashboards in a conversation. The storage agent here computes none,
/// so after the ownership check the answer is the old service's 404: no storage agent message,
/// or no dashboard data in them.
#[utoipa::path(get, path = "/api/v1/chat/dashboard/{conversation_id}", tag = "chat", security(("bearer" = [])),
    params(("conversation_id" = i64, Path)),
    responses((status = 200, description = "Never: no dashboard is computed here"), (status = 401),
        (status = 404, description = "`Conversation not found`, `No storage optimization message found` or `No dashboard data found in conversation`"), (status = 422)))]
pub async fn dashboard(
    State(state): State<AppState>,
    user: CurrentUser,
    ConversationId(id): ConversationId,
) -> ApiResult<Response> {
    let c = own_conversation(&state, &user, id).await?;
    let answered = conv::has_bot_message_of(&state.db, i64::from(c.id), STORAGE_AGENT).await?;
    Err(ApiError::not_found(if answered {
        "No dashboard data found in conversation"
    } else {
        "No storage optimization message found"
    }))
}

#[derive(Serialize, ToSchema)]
pub struct BipvImage {
    id: i64,
    message_id: i64,
    conversation_id: i64,
    image_data: String,
    mime_type: String,
    title: Option<String>,
    prompt: Option<String>,
    created_at: String,
}

/// The BIPV images generated in one of the caller's conversations: none here (decision L5).
#[utoipa::path(get, path = "/api/v1/conversations/{conversation_id}/bipv-images", tag = "conversations", security(("bearer" = [])),
    params(("conversation_id" = i64, Path)),
    responses((status = 200, body = [BipvImage], description = "Always empty: no image is generated here"), (status = 401), (status = 404), (status = 422)))]
pub async fn bipv_images(
    State(state): State<AppState>,
    user: CurrentUser,
    ConversationId(id): ConversationId,
) -> ApiResult<Json<Vec<BipvImage>>> {
    own_conversation(&state, &user, id).await?;
    Ok(Json(Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_dimensions_are_read_from_each_formats_header() {
        // PNG: signature, IHDR length, "IHDR", 640 x 480.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&640u32.to_be_bytes());
        png.extend_from_slice(&480u32.to_be_bytes());
        assert_eq!(
            image_header(&png),
            Ok(ImageHeader {
                format: "PNG",
                width: 640,
                height: 480
            })
        );
        // JPEG: SOI, an APP0 segment of 16 bytes, fill bytes, then SOF0 with 300 high, 400 wide.
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
        jpeg.extend_from_slice(&[0u8; 14]);
        jpeg.extend_from_slice(&[0xFF, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x01, 0x90]);
        assert_eq!(
            image_header(&jpeg),
            Ok(ImageHeader {
                format: "JPEG",
                width: 400,
                height: 300
            })
        );
        // A DHT segment (0xC4) is not a frame header.
        let mut dht = vec![0xFF, 0xD8, 0xFF, 0xC4, 0x00, 0x04, 0x00, 0x00];
        dht.extend_from_slice(&[0xFF, 0xC2, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x20]);
        assert_eq!(
            image_header(&dht).map(|h| (h.width, h.height)),
            Ok((32, 16))
        );
        // WebP, lossy: 1024 x 768.
        let mut vp8 = b"RIFF\0\0\0\0WEBPVP8 \0\0\0\0".to_vec();
        vp8.extend_from_slice(&[0, 0, 0, 0x9D, 0x01, 0x2A]);
        vp8.extend_from_slice(&1024u16.to_le_bytes());
        vp8.extend_from_slice(&768u16.to_le_bytes());
        assert_eq!(
            image_header(&vp8).map(|h| (h.width, h.height)),
            Ok((1024, 768))
        );
        // WebP, lossless: width-1 and height-1 in 14 bits each: 100 x 50.
        let bits: u32 = 99 | (49 << 14);
        let mut vp8l = b"RIFF\0\0\0\0WEBPVP8L\0\0\0\0\x2F".to_vec();
        vp8l.extend_from_slice(&bits.to_le_bytes());
        assert_eq!(
            image_header(&vp8l).map(|h| (h.width, h.height)),
            Ok((100, 50))
        );
        // WebP, extended: 24-bit width-1 and height-1: 2000 x 1500.
        let mut vp8x = b"RIFF\0\0\0\0WEBPVP8X\0\0\0\0\0\0\0\0".to_vec();
        vp8x.extend_from_slice(&1999u32.to_le_bytes()[..3]);
        vp8x.extend_from_slice(&1499u32.to_le_bytes()[..3]);
        assert_eq!(
            image_header(&vp8x).map(|h| (h.width, h.height)),
            Ok((2000, 1500))
        );
    }

    #[test]
    fn a_file_name_cannot_add_markdown_to_the_answer() {
        assert_eq!(
            as_plain_text("![x](https://evil.example/t.png).csv"),
            "__x_(https___evil.example_t.png).csv"
        );
        assert_eq!(
            as_plain_text("Lastprofil (2024)-v2.csv"),
            "Lastprofil (2024)-v2.csv"
        );
    }

    #[test]
    fn what_is_not_an_image_is_refused_with_a_reason() {
        assert!(image_header(b"GIF89a....").is_err());
        assert!(image_header(b"").is_err());
        // Truncated before the dimensions.
        assert!(image_header(b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0").is_err());
        assert!(image_header(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0, 0]).is_err());
        // Image data before any frame header.
        assert!(image_header(&[0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02]).is_err());
        // Zero pixels.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&[0u8; 8]);
        assert_eq!(image_header(&png), Err("an image with no pixels"));
    }
}
