//! Documents for the search agents: Markdown, plain text, HTML and JSON lines, split into
//! passages of a few paragraphs that the full-text index ranks.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::IngestError;
use super::read::parse_date;
pub use crate::domain::records::Passage;
use crate::domain::records::SourceMeta;
use crate::store::Db;
use crate::store::datasets as ds;

/// Target passage size in characters: a few paragraphs, small enough to quote.
const PASSAGE_CHARS: usize = 1200;

#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub title: String,
    pub url: Option<String>,
    pub published_at: Option<NaiveDate>,
    pub body: String,
}

/// The files under `paths` (folders walked, sorted, hidden files skipped) that we can read.
/// A folder's walk stays inside it: an entry whose real path (symlinks resolved) is
/// outside the folder given is skipped, and no real file or folder is visited twice, so a
/// symlink to a parent folder neither loops nor repeats files, and two links to one file load
/// it once. Each skip is logged. A file named directly is taken as named, links included.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, IngestError> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for p in paths {
        let meta =
            std::fs::metadata(p).map_err(|e| IngestError::file(format!("{}: {e}", p.display())))?;
        let real = std::fs::canonicalize(p)
            .map_err(|e| IngestError::file(format!("{}: {e}", p.display())))?;
        if meta.is_dir() {
            walk(p, &real, &mut seen, &mut out)?;
        } else {
            if doc_format(p).is_none() {
                return Err(IngestError::file(format!(
                    "{}: unsupported document type (expected .md, .txt, .html or .jsonl)",
                    p.display()
                )));
            }
            if seen.insert(real) {
                out.push(p.clone());
            } else {
                tracing::warn!(path = %p.display(), "skipped: the same file was already collected");
            }
        }
    }
    if out.is_empty() {
        return Err(IngestError::file(
            "no .md, .txt, .html or .jsonl files found".into(),
        ));
    }
    Ok(out)
}

/// Walk `dir` (inside `root`, the real path of the folder given), adding its document files,
/// with `walkdir` (sorted by name, symlinks followed, loops through an ancestor reported by it).
/// `seen` holds the real paths of the folders and files already visited.
fn walk(
    dir: &Path,
    root: &Path,
    seen: &mut HashSet<PathBuf>,
    out: &mut Vec<PathBuf>,
) -> Result<(), IngestError> {
    let hidden = |e: &walkdir::DirEntry| {
        e.depth() > 0 && e.file_name().to_str().is_some_and(|n| n.starts_with('.'))
    };
    let mut entries = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !hidden(e));
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) if e.depth() == 0 => {
                return Err(IngestError::file(format!("{}: {e}", dir.display())));
            }
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                if e.loop_ancestor().is_some() {
                    tracing::warn!(path, "skipped: a symlink to a folder it is in (a loop)");
                } else {
                    tracing::warn!(path, error = %e, "skipped: cannot be read or resolved (a broken symlink?)");
                }
                continue;
            }
        };
        let p = entry.path();
        let real = match std::fs::canonicalize(p) {
            Ok(real) => real,
            Err(e) => {
                tracing::warn!(path = %p.display(), error = %e, "skipped: cannot be resolved (a broken or looping symlink?)");
                continue;
            }
        };
        let is_dir = entry.file_type().is_dir();
        if !real.starts_with(root) {
            tracing::warn!(path = %p.display(), target = %real.display(), "skipped: a symlink that leads outside the folder");
            if is_dir {
                entries.skip_current_dir();
            }
            continue;
        }
        if is_dir {
            if !seen.insert(real) {
                tracing::warn!(path = %p.display(), "skipped: the same folder was already walked");
                entries.skip_current_dir();
            }
        } else if doc_format(p).is_some() {
            if seen.insert(real) {
                out.push(p.to_path_buf());
            } else {
                tracing::warn!(path = %p.display(), "skipped: the same file was already collected");
            }
        }
    }
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Format {
    Markdown,
    Text,
    Html,
    JsonLines,
}

pub fn doc_format(p: &Path) -> Option<Format> {
    match p.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "md" | "markdown" => Some(Format::Markdown),
        "txt" | "text" => Some(Format::Text),
        "html" | "htm" => Some(Format::Html),
        "jsonl" | "ndjson" => Some(Format::JsonLines),
        _ => None,
    }
}

/// Parse a document file; `stem` names documents that carry no title.
pub fn parse(format: Format, text: &str, stem: &str) -> Result<Vec<Document>, IngestError> {
    // A byte-order mark and Windows line ends are not part of the text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let normalised;
    let text = if text.contains('\r') {
        normalised = text.replace("\r\n", "\n").replace('\r', "\n");
        normalised.as_str()
    } else {
        text
    };
    match format {
        Format::JsonLines => parse_jsonl(text),
        Format::Markdown => Ok(vec![parse_markdown(text, stem)]),
        Format::Text => {
            let first = text.lines().map(str::trim).find(|l| !l.is_empty());
            let (title, body) = match first {
                Some(l) if l.chars().count() <= 150 => (
                    l.to_string(),
                    text.trim_start()
                        .split_once('\n')
                        .map(|x| x.1)
                        .unwrap_or("")
                        .to_string(),
                ),
                _ => (stem.to_string(), text.to_string()),
            };
            Ok(vec![Document {
                title,
                url: None,
                published_at: None,
                body,
            }])
        }
        Format::Html => Ok(vec![parse_html(text, stem)]),
    }
    .and_then(|docs| {
        if docs.iter().all(|d| d.body.trim().is_empty()) {
            Err(IngestError::file("the document has no text".into()))
        } else {
            Ok(docs)
        }
    })
}

fn parse_jsonl(text: &str) -> Result<Vec<Document>, IngestError> {
    let mut docs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| IngestError::at(n, None, format!("not valid JSON: {e}")))?;
        let field = |k: &str| {
            v.get(k)
                .and_then(|x| x.as_str())
                .map(str::trim)
                .filter(|s| !s.is_empty())
        };
        let body = field("body")
            .ok_or_else(|| IngestError::at(n, Some("body"), "missing or empty".into()))?;
        let title = field("title")
            .ok_or_else(|| IngestError::at(n, Some("title"), "missing or empty".into()))?;
        let published_at = match field("published_at") {
            None => None,
            Some(d) => Some(parse_date(d).ok_or_else(|| {
                IngestError::at(
                    n,
                    Some("published_at"),
                    format!("expected a date, found {d:?}"),
                )
            })?),
        };
        docs.push(Document {
            title: title.to_string(),
            url: field("url").map(str::to_string),
            published_at,
            body: body.to_string(),
        });
    }
    if docs.is_empty() {
        return Err(IngestError::file("no documents in the file".into()));
    }
    Ok(docs)
}

fn parse_markdown(text: &str, stem: &str) -> Document {
    let mut title = None;
    let mut url = None;
    let mut date = None;
    let mut rest = text;
    // Optional front matter: `---` lines around `key: value` pairs.
    if let Some(after) = text.strip_prefix("---\n")
        && let Some(end) = after.find("\n---")
    {
        for line in after[..end].lines() {
            if let Some((k, v)) = line.split_once(':') {
                let v = v.trim().trim_matches('"').trim();
                match k.trim().to_ascii_lowercase().as_str() {
                    "title" => title = Some(v.to_string()),
                    "url" | "link" => url = Some(v.to_string()),
                    "date" | "published_at" | "published" => date = parse_date(v),
                    _ => {}
                }
            }
        }
        rest = after[end + 4..].trim_start_matches(['-', '\n']);
    }
    let (heading, body) = markdown_text(rest, title.is_none());
    Document {
        title: title.or(heading).unwrap_or_else(|| stem.to_string()),
        url,
        published_at: date,
        body,
    }
}

/// The text of Markdown without its markup (emphasis, links and images keep their words, code
/// its content, HTML its visible text), paragraphs, headings, list items and table rows as
/// paragraphs; and, when `wants_title`, the first level-1 heading, which becomes the title and
/// leaves the body.
fn markdown_text(md: &str, wants_title: bool) -> (Option<String>, String) {
    use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let mut title: Option<String> = None;
    let mut in_title = false;
    let mut heading = String::new();
    let mut out = String::new();
    let mut html = String::new();
    let flush_html = |html: &mut String, out: &mut String| {
        if !html.is_empty() {
            out.push_str(&strip_tags(html));
            html.clear();
        }
    };
    for ev in Parser::new_ext(md, opts) {
        if !matches!(ev, Event::Html(_) | Event::InlineHtml(_)) {
            flush_html(&mut html, &mut out);
        }
        match ev {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if wants_title && title.is_none() => in_title = true,
            Event::End(TagEnd::Heading(HeadingLevel::H1)) if in_title => {
                in_title = false;
                title = Some(heading.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            Event::Text(t) | Event::Code(t) if in_title => heading.push_str(&t),
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::Html(h) | Event::InlineHtml(h) => html.push_str(&h),
            Event::SoftBreak | Event::HardBreak if in_title => heading.push(' '),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => out.push_str("\n\n"),
            Event::End(TagEnd::TableCell) => out.push(' '),
            _ => {}
        }
    }
    flush_html(&mut html, &mut out);
    let body = out
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    (title.filter(|t| !t.is_empty()), body)
}

fn parse_html(html: &str, stem: &str) -> Document {
    let read = read_html(html);
    let meta = |key: &str| read.meta.get(key).cloned();
    Document {
        title: read.title.or(read.h1).unwrap_or_else(|| stem.to_string()),
        url: meta("og:url"),
        published_at: meta("article:published_time")
            .or_else(|| meta("date"))
            .and_then(|d| parse_date(&d)),
        body: read.body,
    }
}

/// What an HTML document says.
struct HtmlRead {
    title: Option<String>,
    /// The first level-1 heading: the title when there is no `<title>`.
    h1: Option<String>,
    /// The visible text outside `<head>`, block elements as paragraph breaks.
    body: String,
    /// `<meta>` contents by their `name` or `property`, lower-cased.
    meta: std::collections::HashMap<String, String>,
}

/// Read HTML with a WHATWG tokenizer (html5gum): comments, character references, attribute
/// values and a `<` in text are read as browsers read them; the contents of `script`, `style`,
/// `template` and `noscript` are dropped; block elements become paragraph breaks and table cells
/// spaces.
fn read_html(html: &str) -> HtmlRead {
    use html5gum::{DefaultEmitter, Token, Tokenizer};
    let text = |s: &[u8]| String::from_utf8_lossy(s).into_owned();
    let mut emitter = DefaultEmitter::default();
    // (Script, style and title contents are raw text, as a tree builder would switch to.)
    emitter.naively_switch_states(true);
    let mut read = HtmlRead {
        title: None,
        h1: None,
        body: String::new(),
        meta: std::collections::HashMap::new(),
    };
    let mut hidden = 0usize;
    let mut in_head = false;
    let mut title: Option<String> = None;
    let mut h1: Option<String> = None;
    for Ok(token) in Tokenizer::new_with_emitter(html, emitter) {
        match token {
            Token::StartTag(tag) => {
                let name = text(&tag.name);
                match name.as_str() {
                    "script" | "style" | "template" | "noscript" if !tag.self_closing => {
                        hidden += 1
                    }
                    "head" => in_head = true,
                    "body" => in_head = false,
                    "title" if read.title.is_none() => title = Some(String::new()),
                    "h1" if read.h1.is_none() => h1 = Some(String::new()),
                    "meta" => {
                        let attr = |k: &str| tag.attributes.get(k.as_bytes()).map(|v| text(v));
                        if let (Some(key), Some(content)) =
                            (attr("property").or_else(|| attr("name")), attr("content"))
                        {
                            read.meta.entry(key.to_lowercase()).or_insert(content);
                        }
                    }
                    _ => {}
                }
                read.body.push_str(break_of(&name));
            }
            Token::EndTag(tag) => {
                let name = text(&tag.name);
                match name.as_str() {
                    "script" | "style" | "template" | "noscript" => {
                        hidden = hidden.saturating_sub(1)
                    }
                    "head" => in_head = false,
                    "title" => {
                        if let Some(t) = title.take().map(|t| collapse(&t)) {
                            read.title = read.title.take().or((!t.is_empty()).then_some(t));
                        }
                    }
                    "h1" => {
                        if let Some(t) = h1.take().map(|t| collapse(&t)) {
                            read.h1 = read.h1.take().or((!t.is_empty()).then_some(t));
                        }
                    }
                    _ => {}
                }
                read.body.push_str(break_of(&name));
            }
            Token::String(s) if hidden == 0 => {
                let s = text(&s);
                if let Some(t) = title.as_mut() {
                    t.push_str(&s);
                } else if !in_head {
                    if let Some(h) = h1.as_mut() {
                        h.push_str(&s);
                    }
                    read.body.push_str(&s);
                }
            }
            _ => {}
        }
    }
    // Collapse whitespace inside paragraphs (a no-break space included); keep paragraph breaks.
    read.body = read
        .body
        .split("\n\n")
        .map(collapse)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    read
}

/// The break an element makes in the text around it.
fn break_of(name: &str) -> &'static str {
    match name {
        "td" | "th" => " ",
        "p" | "div" | "br" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "tr" | "section"
        | "article" | "blockquote" | "pre" | "table" | "ul" | "ol" | "header" | "footer"
        | "figcaption" => "\n\n",
        _ => "",
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Visible text of an HTML fragment (Markdown's inline HTML), as [`read_html`] reads it.
pub fn strip_tags(html: &str) -> String {
    read_html(html).body
}

/// Split a document into passages: paragraphs joined up to [`PASSAGE_CHARS`], long paragraphs
/// cut at sentence ends.
pub fn passages(doc: &Document, doc_no: i32) -> Vec<Passage> {
    let mut pieces: Vec<String> = Vec::new();
    for para in doc.body.split("\n\n") {
        let para = para.split_whitespace().collect::<Vec<_>>().join(" ");
        if para.is_empty() {
            continue;
        }
        if para.len() <= PASSAGE_CHARS {
            pieces.push(para);
            continue;
        }
        let mut cur = String::new();
        for sentence in para.split_inclusive(". ") {
            if cur.len() + sentence.len() > PASSAGE_CHARS && !cur.is_empty() {
                pieces.push(std::mem::take(&mut cur).trim().to_string());
            }
            cur.push_str(sentence);
        }
        if !cur.trim().is_empty() {
            pieces.push(cur.trim().to_string());
        }
    }
    let mut out: Vec<Passage> = Vec::new();
    let mut cur = String::new();
    let push = |text: String, out: &mut Vec<Passage>| {
        out.push(Passage {
            doc_no,
            ord: out.len() as i32,
            title: doc.title.clone(),
            url: doc.url.clone(),
            published_at: doc.published_at,
            body: text,
        });
    };
    for p in pieces {
        if !cur.is_empty() && cur.len() + p.len() + 2 > PASSAGE_CHARS {
            push(std::mem::take(&mut cur), &mut out);
        }
        if !cur.is_empty() {
            cur.push_str("\n\n");
        }
        cur.push_str(&p);
    }
    if !cur.is_empty() {
        push(cur, &mut out);
    }
    out
}

/// What a document ingestion did.
#[derive(Clone, Debug, PartialEq)]
pub struct DocsReport {
    pub collection: String,
    pub files: usize,
    pub documents: usize,
    pub passages: usize,
}

/// Load documents into `collection`, all files in one transaction; each file replaces the rows
/// it loaded before.
pub async fn ingest_docs(
    db: &Db,
    collection: &str,
    files: &[(String, Format, String)],
    is_sample: bool,
    progress: &mut super::progress::Progress,
) -> Result<DocsReport, IngestError> {
    if collection.is_empty()
        || collection.len() > 60
        || !collection
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return Err(IngestError::file(format!(
            "invalid collection name {collection:?}: use letters, digits, '_' or '-' (the agents read {})",
            super::collections().collect::<Vec<_>>().join(", ")
        )));
    }
    progress.start(
        &format!("docs/{collection}"),
        "files",
        Some(files.len() as u64),
    );
    let mut tx = db.begin().await?;
    let mut report = DocsReport {
        collection: collection.to_string(),
        files: 0,
        documents: 0,
        passages: 0,
    };
    for (name, format, text) in files {
        let stem = Path::new(name)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| name.clone());
        let docs = parse(*format, text, &stem).map_err(|e| IngestError {
            message: format!("{name}: {}", e.message),
            ..e
        })?;
        let source_id = ds::replace_source(
            &mut tx,
            &SourceMeta {
                kind: super::docs_kind(collection),
                name: name.clone(),
                layout: "docs".into(),
                is_sample,
            },
        )
        .await?;
        let mut all = Vec::new();
        for (i, d) in docs.iter().enumerate() {
            all.extend(passages(d, i as i32));
        }
        for chunk in all.chunks(200) {
            ds::insert_passages(&mut tx, source_id, collection, chunk).await?;
        }
        ds::finish_source(&mut tx, source_id, docs.len() as u64, all.len() as u64, 0).await?;
        report.files += 1;
        report.documents += docs.len();
        report.passages += all.len();
        progress.add(1);
    }
    progress.phase("committing");
    tx.commit().await?;
    progress.finish();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_and_metadata() {
        let d = parse_html(
            "<html><head><title>Big &amp; small</title><meta property=\"article:published_time\" content=\"2024-05-01T10:00:00Z\"><style>p{}</style></head>\
             <body><script>var x = 1;</script><p>First  para.</p><p>Second</p></body></html>",
            "stem",
        );
        assert_eq!(d.title, "Big & small");
        assert_eq!(d.published_at, NaiveDate::from_ymd_opt(2024, 5, 1));
        assert_eq!(d.body, "First para.\n\nSecond");
    }

    #[test]
    fn html_is_read_as_browsers_tokenize_it() {
        let d = parse_html(
            "<!DOCTYPE html><HTML><HEAD><TITLE>A <b>raw</b> title</TITLE>\
             <meta name=date content=2024-07-09><meta property='og:url' content='https://x.test/a?b=1&amp;c=2'>\
             </HEAD><BODY><script>if (a < b) { document.write(\"</p><p>fake\") }</script>\
             <h1>Heading &amp; more</h1><p>1 <2 and 3>2</p><p>a<!-- x -- y -->b</p>\
             <noscript><p>no</p></noscript><img alt=\"x > y\" src=i.png><p>&notaref; &amp c</p></BODY></HTML>",
            "stem",
        );
        assert_eq!(d.title, "A <b>raw</b> title");
        assert_eq!(d.published_at, NaiveDate::from_ymd_opt(2024, 7, 9));
        assert_eq!(d.url.as_deref(), Some("https://x.test/a?b=1&c=2"));
        assert_eq!(
            d.body,
            "Heading & more\n\n1 <2 and 3>2\n\nab\n\n\u{ac}aref; & c"
        );
        // Without a <title>, the first level-1 heading.
        let d = parse_html("<h1>Only <i>this</i></h1><p>text</p>", "stem");
        assert_eq!(
            (d.title.as_str(), d.body.as_str()),
            ("Only this", "Only this\n\ntext")
        );
    }

    #[test]
    fn markdown_front_matter_and_heading() {
        let d = parse_markdown(
            "---\ntitle: \"Soiling\"\ndate: 2025-02-03\nurl: https://x.test/a\n---\n\n# Ignored heading\n\nText here.",
            "f",
        );
        assert_eq!(d.title, "Soiling");
        assert_eq!(d.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(d.published_at, NaiveDate::from_ymd_opt(2025, 2, 3));
        assert!(d.body.contains("Text here."));
        let d = parse_markdown("# Title\n\nBody", "f");
        assert_eq!(d.title, "Title");
    }

    #[test]
    fn html_entities_comments_and_attributes() {
        let d = parse_html(
            "<html><head><title>O&#8217;Neil&nbsp;&amp;&nbsp;Sons &mdash; Q&#x32;</title></head><body>\
             <!-- a <p>hidden</p> comment --><p title=\"a > b\">Caf&eacute; &lsquo;PV&rsquo; &lt;tag&gt; 3 &lt; 4</p>\
             <table><tr><td>a</td><td>b</td></tr></table><template><p>no</p></template>x < y</body></html>",
            "stem",
        );
        assert_eq!(d.title, "O\u{2019}Neil & Sons \u{2014} Q2");
        assert_eq!(
            d.body,
            "Caf\u{e9} \u{2018}PV\u{2019} <tag> 3 < 4\n\na b\n\nx < y"
        );
    }

    #[test]
    fn markdown_markup_is_not_indexed_and_crlf_or_bom_front_matter_reads() {
        let md = "\u{feff}---\r\ntitle: Soiling losses\r\ndate: 2025-02-03\r\n---\r\n\r\n# Heading\r\n\r\n\
                  Some **bold** and _italic_ text with a [link](https://x.test) and `code`.\r\n\r\n\
                  - item one\r\n- item ![alt text](img.png)\r\n\r\n> quoted &amp; <b>html</b>\r\n\r\n\
                  | a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n";
        let docs = parse(Format::Markdown, md, "f").unwrap();
        let d = &docs[0];
        assert_eq!(d.title, "Soiling losses");
        assert_eq!(d.published_at, NaiveDate::from_ymd_opt(2025, 2, 3));
        assert_eq!(
            d.body,
            "Heading\n\nSome bold and italic text with a link and code.\n\nitem one\n\nitem alt text\n\nquoted & html\n\na b\n\n1 2"
        );
        for markup in ["**", "](", "`", "| ", "---", "\r", "\u{feff}"] {
            assert!(!d.body.contains(markup), "{markup} left in {:?}", d.body);
        }
        // Without front matter the first level-1 heading is the title, not body text.
        let d = &parse(Format::Markdown, "\u{feff}# The *title*\r\n\r\nBody", "f").unwrap()[0];
        assert_eq!((d.title.as_str(), d.body.as_str()), ("The title", "Body"));
        let d = &parse(Format::Text, "\u{feff}First line\r\nrest\r\n", "f").unwrap()[0];
        assert_eq!(
            (d.title.as_str(), d.body.as_str()),
            ("First line", "rest\n")
        );
    }

    #[test]
    fn jsonl_errors_name_the_line_and_field() {
        let e = parse_jsonl("{\"title\":\"a\",\"body\":\"b\"}\n{\"title\":\"x\"}\n").unwrap_err();
        assert_eq!(e.to_string(), "row 2, column \"body\": missing or empty");
        let e = parse_jsonl("not json").unwrap_err();
        assert_eq!(e.row, Some(1));
    }

    #[test]
    fn passages_keep_paragraphs_together_up_to_the_limit() {
        let para = "Sentence one is here. ".repeat(30); // ~660 chars
        let d = Document {
            title: "t".into(),
            url: None,
            published_at: None,
            body: format!("{para}\n\n{para}\n\nshort"),
        };
        let ps = passages(&d, 3);
        assert_eq!(ps.len(), 2);
        assert!(ps.iter().all(|p| p.body.len() <= PASSAGE_CHARS));
        assert_eq!(ps[1].ord, 1);
        assert!(ps[1].body.ends_with("short"));
        let long = Document {
            body: "A long sentence that goes on. ".repeat(200),
            ..d
        };
        assert!(passages(&long, 0).len() >= 5);
    }
}
