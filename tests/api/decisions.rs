//! Every design reference a comment makes resolves in `docs/DECISIONS.md`. The spec and the issue
//! tracker live outside the repository, so each decision id (a capital B, C, D, F or L and a
//! number), spec section (`streaming.md §8.3`, `api-contract §1.3`, and a bare `§` after such a
//! citation earlier in the file), spec document and issue number cited in a comment of `src/` or
//! `tests/` (Rust and SQL) must have a heading there that is exactly its key.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The spec's documents, as comments name them: with `.md`, or before a `§` without it.
const SPEC_DOCS: &[&str] = &[
    "api-contract",
    "streaming",
    "latest-app",
    "decisions",
    "agents",
    "architecture",
    "operations",
    "rust-stack-notes",
];

/// The letters of the spec's decision ids: decisions.md's C, F and B, latest-app.md's L (its
/// decisions) and D (the old service's defects).
const ID_LETTERS: &[char] = &['B', 'C', 'D', 'F', 'L'];

/// Projects whose own trackers a comment may cite ("the shape of sqlx issue 2099"): not ours.
const UPSTREAM: &[&str] = &["sqlx"];

/// One run of consecutive comment lines of a file, joined by spaces, so a citation wrapped onto
/// the next line (`api-contract` / `§4.10`) reads whole.
struct Block {
    text: Vec<char>,
    /// (offset in `text`, line number) of each joined line.
    lines: Vec<(usize, usize)>,
}

impl Block {
    fn line_at(&self, offset: usize) -> usize {
        self.lines
            .iter()
            .take_while(|(o, _)| *o <= offset)
            .last()
            .map_or(0, |(_, l)| *l)
    }
}

/// The comment part of a line: after the first `marker` that is not inside a `quote`d string.
fn comment_of<'a>(line: &'a str, marker: &str, quote: char) -> Option<&'a str> {
    let (mut in_str, mut escaped) = (false, false);
    for (i, c) in line.char_indices() {
        if in_str {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == quote {
                in_str = false;
            }
        } else if c == quote {
            in_str = true;
        } else if line[i..].starts_with(marker) {
            return Some(line[i..].trim_start_matches(['/', '!', '-']).trim());
        }
    }
    None
}

fn comment_blocks(source: &str, sql: bool) -> Vec<Block> {
    let (marker, quote) = if sql { ("--", '\'') } else { ("//", '"') };
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    for (i, line) in source.lines().enumerate() {
        match comment_of(line, marker, quote) {
            Some(text) => {
                let block = current.get_or_insert_with(|| Block {
                    text: Vec::new(),
                    lines: Vec::new(),
                });
                block.lines.push((block.text.len(), i + 1));
                block.text.extend(text.chars());
                block.text.push(' ');
            }
            None => blocks.extend(current.take()),
        }
    }
    blocks.extend(current);
    blocks
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn starts_with(text: &[char], at: usize, s: &str) -> bool {
    let s: Vec<char> = s.chars().collect();
    text.len() >= at + s.len() && text[at..at + s.len()] == s[..]
}

fn starts_with_ci(text: &[char], at: usize, s: &str) -> bool {
    let s: Vec<char> = s.chars().collect();
    text.len() >= at + s.len()
        && text[at..at + s.len()]
            .iter()
            .zip(&s)
            .all(|(a, b)| a.to_ascii_lowercase() == *b)
}

/// The digits starting at `at`, and where they end.
fn digits(text: &[char], at: usize) -> Option<(String, usize)> {
    let end = (at..text.len())
        .find(|&i| !text[i].is_ascii_digit())
        .unwrap_or(text.len());
    (end > at).then(|| (text[at..end].iter().collect(), end))
}

/// The spec document named right before `at` (`api-contract`, `` `streaming.md` ``), if any.
fn doc_before(text: &[char], at: usize) -> Option<&'static str> {
    let mut end = at;
    while end > 0 && (text[end - 1].is_whitespace() || text[end - 1] == '`') {
        end -= 1;
    }
    let before: String = text[..end].iter().collect();
    let before = before.strip_suffix(".md").unwrap_or(&before);
    SPEC_DOCS.iter().copied().find(|doc| {
        before.strip_suffix(doc).is_some_and(|rest| {
            !rest.ends_with(|c: char| is_word(c) || matches!(c, '/' | '.' | '-'))
        })
    })
}

/// Whether the `§` at `at` follows an issue number ("issue 13 §2").
fn after_issue(text: &[char], at: usize) -> bool {
    let before = text[..at].iter().collect::<String>().to_lowercase();
    let before = before
        .trim_end()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end();
    before.ends_with("issue") || before.ends_with("issues")
}

/// Whether the word before `at` names another project ("sqlx issue 2099").
fn after_upstream(text: &[char], at: usize) -> bool {
    let mut end = at;
    while end > 0 && text[end - 1].is_whitespace() {
        end -= 1;
    }
    let start = (0..end)
        .rev()
        .take_while(|&p| is_word(text[p]))
        .last()
        .unwrap_or(end);
    UPSTREAM.contains(&text[start..end].iter().collect::<String>().as_str())
}

/// The numbers after "issue" or "issues" (`at` is just after "issue"): "issue 11", "issues 10, 20
/// and 22"; none when no number follows.
fn issue_numbers(text: &[char], mut at: usize) -> Vec<String> {
    if text.get(at) == Some(&'s') {
        at += 1;
    }
    if !text.get(at).is_some_and(|c| c.is_whitespace()) {
        return Vec::new();
    }
    while text.get(at).is_some_and(|c| c.is_whitespace()) {
        at += 1;
    }
    let mut numbers = Vec::new();
    while let Some((n, end)) = digits(text, at) {
        numbers.push(n);
        let next = [", and ", " and ", ", "].iter().find(|sep| {
            starts_with(text, end, sep)
                && text.get(end + sep.len()).is_some_and(char::is_ascii_digit)
        });
        match next {
            Some(sep) => at = end + sep.len(),
            None => break,
        }
    }
    numbers
}

/// Who a `§` section belongs to.
#[derive(Clone, Copy)]
enum Owner {
    Doc(&'static str),
    /// "issue 13 §2": a part of an issue, not of the spec.
    Issue,
}

/// Every citation key found in the comments of `file`, with the line it is on; a `§` that
/// belongs to no document is reported in `errors`.
fn citations(
    file: &str,
    source: &str,
    sql: bool,
    found: &mut Vec<(String, usize)>,
    errors: &mut Vec<String>,
) {
    let mut last_doc: Option<&'static str> = None;
    for block in comment_blocks(source, sql) {
        let t = &block.text;
        let mut previous: Option<(usize, Option<Owner>)> = None;
        for i in 0..t.len() {
            let boundary = i == 0 || !is_word(t[i - 1]);
            // A decision id: F7, L4, D6; a lower-case letter may follow the number.
            if boundary
                && ID_LETTERS.contains(&t[i])
                && let Some((n, mut end)) = digits(t, i + 1)
                && n.len() <= 2
            {
                if end < t.len()
                    && t[end].is_ascii_lowercase()
                    && (end + 1 == t.len() || !is_word(t[end + 1]))
                {
                    end += 1;
                }
                if end == t.len() || !is_word(t[end]) {
                    found.push((t[i..end].iter().collect(), block.line_at(i)));
                }
            }
            // A spec document named whole: `agents.md`, or `api-contract` before a `§`.
            if i == 0 || !(is_word(t[i - 1]) || matches!(t[i - 1], '/' | '.' | '-')) {
                for doc in SPEC_DOCS {
                    if !starts_with(t, i, doc) {
                        continue;
                    }
                    let mut j = i + doc.chars().count();
                    let md = starts_with(t, j, ".md") && !t.get(j + 3).is_some_and(|&c| is_word(c));
                    if !md {
                        while j < t.len() && (t[j] == '`' || t[j] == ' ') {
                            j += 1;
                        }
                    }
                    if md || t.get(j) == Some(&'§') {
                        found.push((format!("{doc}.md"), block.line_at(i)));
                    }
                }
            }
            // A section: `streaming.md §8.3`, the `§3, §8` of a list, or a bare `§8.2` of the
            // document the file cited a section of last.
            if t[i] == '§' {
                let mut at = i + 1;
                while at < t.len() && t[at] == ' ' {
                    at += 1;
                }
                let Some((mut number, mut end)) = digits(t, at) else {
                    continue;
                };
                while end + 1 < t.len() && t[end] == '.' && t[end + 1].is_ascii_digit() {
                    let (more, e) = digits(t, end + 1).unwrap();
                    number = format!("{number}.{more}");
                    end = e;
                }
                let continues = previous.filter(|(prev_end, _)| {
                    let between: String = t[*prev_end..i].iter().collect();
                    between
                        .replace("and", "")
                        .chars()
                        .all(|c| c.is_whitespace() || c == ',' || c == '`')
                });
                let owner = if let Some((_, owner)) = continues {
                    owner
                } else if let Some(doc) = doc_before(t, i) {
                    last_doc = Some(doc);
                    Some(Owner::Doc(doc))
                } else if after_issue(t, i) {
                    Some(Owner::Issue)
                } else if let Some(doc) = last_doc {
                    Some(Owner::Doc(doc))
                } else {
                    errors.push(format!(
                        "{file}:{}: §{number} names no document (write `streaming.md §{number}`, \
                         `api-contract §{number}`, ...)",
                        block.line_at(i)
                    ));
                    None
                };
                if let Some(Owner::Doc(doc)) = owner {
                    found.push((format!("{doc}.md §{number}"), block.line_at(i)));
                }
                previous = Some((end, owner));
            }
            // An issue: `issue 11`, `issues 10, 20 and 22`, `Issue 13 §2`.
            if boundary && starts_with_ci(t, i, "issue") && !after_upstream(t, i) {
                for n in issue_numbers(t, i + "issue".len()) {
                    found.push((format!("issue {n}"), block.line_at(i)));
                }
            }
        }
    }
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "sql") {
            out.push(path);
        }
    }
}

#[test]
fn every_cited_id_has_an_entry_in_decisions_md() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let decisions = std::fs::read_to_string(root.join("docs/DECISIONS.md")).unwrap();
    let entries: BTreeSet<String> = decisions
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim().to_lowercase())
        .collect();

    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    sources(&root.join("tests"), &mut files);
    let (mut cited, mut errors) = (BTreeMap::<String, Vec<String>>::new(), Vec::new());
    for path in &files {
        let file = path.strip_prefix(root).unwrap().display().to_string();
        let source = std::fs::read_to_string(path).unwrap();
        let mut found = Vec::new();
        citations(
            &file,
            &source,
            file.ends_with(".sql"),
            &mut found,
            &mut errors,
        );
        for (key, line) in found {
            cited.entry(key).or_default().push(format!("{file}:{line}"));
        }
    }

    // The scan itself works: the citations the code is known to make are found.
    for key in [
        "F7",
        "L4",
        "D6",
        "api-contract.md §1.3",
        "streaming.md §8.3",
        "agents.md",
        "issue 20",
    ] {
        assert!(
            cited.contains_key(key),
            "the scan no longer finds {key:?}: {:?}",
            cited.keys()
        );
    }
    assert!(
        cited.len() >= 80 && cited.values().map(Vec::len).sum::<usize>() >= 300,
        "too few citations found: {cited:?}"
    );

    for (key, places) in &cited {
        if !entries.contains(&key.to_lowercase()) {
            errors.push(format!(
                "{}: cites `{key}`, which has no entry in docs/DECISIONS.md (add a heading `### {key}` with what it means){}",
                places[0],
                if places.len() > 1 { format!(" (also {})", places[1..].join(", ")) } else { String::new() }
            ));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));

    // Both places a newcomer starts from point here.
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let architecture = std::fs::read_to_string(root.join("docs/ARCHITECTURE.md")).unwrap();
    assert!(
        readme.contains("docs/DECISIONS.md"),
        "README.md does not link docs/DECISIONS.md"
    );
    assert!(
        architecture.contains("DECISIONS.md"),
        "docs/ARCHITECTURE.md does not link DECISIONS.md"
    );
}
