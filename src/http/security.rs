//! Security headers on every response (decision L10): the old service's list, and a
//! Content-Security-Policy per kind of answer. The API's JSON may load nothing and be framed by
//! nobody; the docs page loads its own files; the web app of `STATIC_DIR` gets a policy made from
//! its own `index.html` at start-up: the origins of the scripts it names (the current app loads d3
//! from `https://d3js.org` and Google Analytics), the SHA-256 of each inline script (its
//! analytics snippet) instead of `'unsafe-inline'`, and the analytics endpoints when it loads
//! Google's tag. HSTS only when `HSTS_MAX_AGE_SECONDS` is above 0 (by default in production).

use axum::http::{HeaderMap, HeaderValue, header};
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::config::Settings;

/// The policy of every answer that is not a page: nothing may be loaded or run from it, and no
/// page may frame it.
pub const API_CSP: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// The policy of the docs page (`/docs`): its own scripts and styles, images inline.
pub const DOCS_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; \
     form-action 'self'; frame-ancestors 'none'";

/// Where Google's tag sends its measurements (Google's documented policy for GA4).
const ANALYTICS: &[&str] = &[
    "https://*.google-analytics.com",
    "https://*.analytics.google.com",
    "https://*.googletagmanager.com",
];

/// The headers of every response, computed once at start-up.
#[derive(Clone, Debug)]
pub struct SecurityHeaders {
    /// The web app's policy (`STATIC_DIR`).
    pub app_csp: HeaderValue,
    hsts: Option<HeaderValue>,
}

impl SecurityHeaders {
    /// From the settings, reading `STATIC_DIR/index.html` when there is one.
    pub fn from_settings(s: &Settings) -> SecurityHeaders {
        let index = s.static_dir.as_ref().and_then(|dir| {
            let path = std::path::Path::new(dir).join("index.html");
            match std::fs::read_to_string(&path) {
                Ok(text) => Some(text),
                Err(e) => {
                    tracing::warn!(path = %path.display(), error = %e, "STATIC_DIR has no readable index.html: its policy allows only this origin's scripts");
                    None
                }
            }
        });
        let api_origin = origin_of(&s.public_url);
        let app_csp = app_csp(index.as_deref(), api_origin.as_deref());
        SecurityHeaders {
            app_csp: HeaderValue::from_str(&app_csp).unwrap_or_else(|_| {
                HeaderValue::from_static("default-src 'self'; frame-ancestors 'none'")
            }),
            hsts: (s.hsts_max_age > 0).then(|| {
                HeaderValue::from_str(&format!("max-age={}; includeSubDomains", s.hsts_max_age))
                    .expect("a number is a header value")
            }),
        }
    }

    /// Add the headers to a response to `path`, keeping a policy its handler set (the web app's).
    pub fn apply(&self, path: &str, h: &mut HeaderMap) {
        h.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        // "0", not "1; mode=block": the filter it configured is gone from browsers, and where it
        // remains it could be abused to blank out parts of a page; the policy below protects.
        h.insert(header::X_XSS_PROTECTION, HeaderValue::from_static("0"));
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        );
        h.insert(
            "permissions-policy",
            HeaderValue::from_static("geolocation=(), microphone=(), camera=()"),
        );
        if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
            let csp = if path == "/docs" || path.starts_with("/docs/") {
                DOCS_CSP
            } else {
                API_CSP
            };
            h.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(csp),
            );
        }
        if let Some(v) = &self.hsts {
            h.insert(header::STRICT_TRANSPORT_SECURITY, v.clone());
        }
    }
}

/// `scheme://host[:port]` of an absolute http(s) URL (a `//host/...` one is https).
fn origin_of(url: &str) -> Option<String> {
    let url = if url.starts_with("//") {
        format!("https:{url}")
    } else {
        url.to_string()
    };
    let u = reqwest::Url::parse(&url).ok()?;
    if !matches!(u.scheme(), "http" | "https") {
        return None;
    }
    let host = u.host_str()?;
    Some(match u.port() {
        Some(p) => format!("{}://{host}:{p}", u.scheme()),
        None => format!("{}://{host}", u.scheme()),
    })
}

/// A `<script>` or `<link>` tag of a page: its attributes and, for a script, its text.
#[derive(Debug, Default, PartialEq)]
struct Tag {
    attrs: Vec<(String, String)>,
    text: Option<String>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The attributes of an opening tag's inside (`src="x" async`), names lower-cased.
fn attributes(inside: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = inside.trim_start();
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..end].to_ascii_lowercase();
        rest = rest[end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                    Some(close) => (&after[1..1 + close], &after[close + 2..]),
                    None => (&after[1..], ""),
                },
                _ => {
                    let e = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..e], &after[e..])
                }
            };
            value = v.to_string();
            rest = tail.trim_start();
        } else if end == 0 {
            // a stray `/` or `=`
            rest = rest[1..].trim_start();
            continue;
        }
        if !name.is_empty() {
            out.push((name, value));
        }
    }
    out
}

/// Where the opening tag starting at `at` (its `<`) ends: the index of its `>`, quotes minded.
fn tag_end(html: &str, at: usize) -> Option<usize> {
    let mut quote = None;
    for (i, c) in html[at..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(at + i),
            _ => {}
        }
    }
    None
}

/// The `<script>` and `<link>` tags of a page, in order (comments skipped).
fn tags(html: &str) -> Vec<(&'static str, Tag)> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(off) = lower[at..].find('<') {
        let start = at + off;
        if lower[start..].starts_with("<!--") {
            at = lower[start..]
                .find("-->")
                .map_or(html.len(), |e| start + e + 3);
            continue;
        }
        let kind = ["script", "link"].into_iter().find(|k| {
            lower[start + 1..].starts_with(k)
                && lower[start + 1 + k.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_whitespace() || c == '>' || c == '/')
        });
        let Some(kind) = kind else {
            at = start + 1;
            continue;
        };
        let Some(end) = tag_end(html, start) else {
            break;
        };
        let inside = html[start + 1 + kind.len()..end].trim_end_matches('/');
        let mut tag = Tag {
            attrs: attributes(inside),
            text: None,
        };
        at = end + 1;
        if kind == "script" {
            let close = lower[at..].find("</script").map_or(html.len(), |c| at + c);
            tag.text = Some(html[at..close].to_string());
            at = close;
        }
        out.push((kind, tag));
    }
    out
}

/// Whether a `<script type=...>` runs as JavaScript (or is an import map, which a policy also
/// governs); data blocks such as `application/ld+json` need no permission.
fn is_script_type(t: Option<&str>) -> bool {
    match t.map(|t| t.trim().to_ascii_lowercase()) {
        None => true,
        Some(t) => {
            t.is_empty()
                || t == "module"
                || t == "importmap"
                || t.ends_with("javascript")
                || t.ends_with("ecmascript")
        }
    }
}

/// The web app's policy from its `index.html` (none: only this origin), allowing `api_origin`
/// (`PUBLIC_URL`'s) for its calls.
pub fn app_csp(index_html: Option<&str>, api_origin: Option<&str>) -> String {
    let mut scripts: Vec<String> = vec!["'self'".into()];
    let mut styles: Vec<String> = vec!["'self'".into(), "'unsafe-inline'".into()];
    let mut fonts: Vec<String> = vec!["'self'".into(), "data:".into()];
    let mut images: Vec<String> = vec!["'self'".into(), "data:".into(), "blob:".into()];
    let mut connects: Vec<String> = vec!["'self'".into()];
    let push = |list: &mut Vec<String>, v: String| {
        if !list.contains(&v) {
            list.push(v);
        }
    };
    if let Some(o) = api_origin {
        push(&mut connects, o.to_string());
    }
    let mut analytics = false;
    for (kind, tag) in tags(index_html.unwrap_or("")) {
        match kind {
            "script" if is_script_type(tag.attr("type")) => match tag.attr("src") {
                Some(src) => {
                    if let Some(o) = origin_of(src.trim()) {
                        analytics |= o.ends_with(".googletagmanager.com")
                            || o.ends_with("//googletagmanager.com");
                        push(&mut scripts, o);
                    }
                }
                None => {
                    let text = tag.text.unwrap_or_default();
                    if !text.trim().is_empty() {
                        let digest = Sha256::digest(text.as_bytes());
                        let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
                        push(&mut scripts, format!("'sha256-{b64}'"));
                    }
                }
            },
            "link" => {
                let rel = tag.attr("rel").unwrap_or("").to_ascii_lowercase();
                if let Some(o) = tag.attr("href").and_then(|h| origin_of(h.trim())) {
                    if rel.split_whitespace().any(|r| r == "stylesheet") {
                        if o == "https://fonts.googleapis.com" {
                            push(&mut fonts, "https://fonts.gstatic.com".into());
                        }
                        push(&mut styles, o);
                    } else if rel.split_whitespace().any(|r| r == "modulepreload") {
                        push(&mut scripts, o);
                    }
                }
            }
            _ => {}
        }
    }
    if analytics {
        for o in ANALYTICS {
            push(&mut scripts, (*o).into());
            push(&mut images, (*o).into());
            push(&mut connects, (*o).into());
        }
    }
    format!(
        "default-src 'self'; script-src {}; style-src {}; img-src {}; font-src {}; connect-src {}; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        scripts.join(" "),
        styles.join(" "),
        images.join(" "),
        fonts.join(" "),
        connects.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html>
<html><head>
  <!-- <script src="https://commented.example/x.js"></script> -->
  <script async src="https://www.googletagmanager.com/gtag/js?id=G-TEST"></script>
  <script>
    window.dataLayer = window.dataLayer || [];
    gtag('js', new Date());
  </script>
  <script type="application/ld+json">{"@type": "Organization"}</script>
  <SCRIPT SRC='https://d3js.org/d3.v7.min.js'></SCRIPT>
  <script src="/chart-utils.js?v=9"></script>
  <link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">
  <link rel="icon" href="https://icons.example/i.svg">
</head><body><script type="module" src="/assets/index-abc123.js"></script></body></html>"#;

    #[test]
    fn the_page_names_what_it_loads() {
        let csp = app_csp(Some(PAGE), Some("https://api.example"));
        let inline =
            "\n    window.dataLayer = window.dataLayer || [];\n    gtag('js', new Date());\n  ";
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(inline));
        assert!(
            csp.contains(&format!(
                "script-src 'self' https://www.googletagmanager.com 'sha256-{hash}' https://d3js.org https://*.google-analytics.com"
            )),
            "{csp}"
        );
        assert!(!csp.contains("commented.example"), "{csp}");
        assert!(!csp.contains("icons.example"), "{csp}");
        assert!(!csp.contains("'unsafe-eval'"), "{csp}");
        assert!(
            csp.contains("connect-src 'self' https://api.example https://*.google-analytics.com"),
            "{csp}"
        );
        assert!(
            csp.contains("style-src 'self' 'unsafe-inline' https://fonts.googleapis.com"),
            "{csp}"
        );
        assert!(
            csp.contains("font-src 'self' data: https://fonts.gstatic.com"),
            "{csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        // one hash: the JSON-LD block is data, not a script
        assert_eq!(csp.matches("'sha256-").count(), 1, "{csp}");
    }

    #[test]
    fn without_a_page_only_this_origin() {
        let csp = app_csp(None, None);
        assert!(
            csp.starts_with("default-src 'self'; script-src 'self'; style-src"),
            "{csp}"
        );
        assert!(!csp.contains("https://"), "{csp}");
    }

    #[test]
    fn attributes_are_read_with_or_without_quotes() {
        assert_eq!(
            attributes(r#"async src="a b" data-x='y' type=module"#),
            vec![
                ("async".to_string(), String::new()),
                ("src".to_string(), "a b".to_string()),
                ("data-x".to_string(), "y".to_string()),
                ("type".to_string(), "module".to_string()),
            ]
        );
        assert_eq!(
            origin_of("//cdn.example/x.js").as_deref(),
            Some("https://cdn.example")
        );
        assert_eq!(
            origin_of("http://h.example:8080/x").as_deref(),
            Some("http://h.example:8080")
        );
        assert_eq!(origin_of("/local.js"), None);
        assert_eq!(origin_of("javascript:alert(1)"), None);
    }
}
