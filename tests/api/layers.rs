//! Data flows one way (architecture.md "The shape"): HTTP → domain → store, and HTTP → chat →
//! agents → llm / tools → store. This test reads the source and fails when a module names one
//! its row of `RULES` does not allow, when a top-level module has no row, or when the modules
//! form an import circle that does not pass through the application state (`app`). A module is
//! named by `crate::<module>` (in a `use`, a path, a `crate::{a, b}` group or an attribute
//! string such as `serialize_with = "crate::http::..."`) or by `super::super::<module>`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each top-level module of the crate with the other top-level modules it may name (anything
/// else is a violation). Every `pub mod` of `src/lib.rs` has a row.
const RULES: &[(&str, &[&str])] = &[
    // pure rules, types and names: no I/O, nothing of the crate
    ("domain", &[]),
    ("dotenv", &[]),
    ("breaker", &[]),
    // the process's own memory (it reads /proc; nothing of the crate)
    ("residency", &[]),
    // the chat events, below the agents that emit them and the chat that streams them
    ("events", &["domain"]),
    ("config", &["domain", "dotenv"]),
    ("auth", &["config", "domain"]),
    ("mail", &["auth", "config", "domain"]),
    // all SQL; returns rows or domain types
    ("store", &["config", "domain"]),
    // the counters only: their exposition, which reads the application state, is in `http`
    ("metrics", &["domain"]),
    (
        "ratelimit",
        &["auth", "breaker", "config", "domain", "metrics"],
    ),
    (
        "cache",
        &["breaker", "config", "domain", "metrics", "ratelimit"],
    ),
    ("llm", &["config", "domain", "events", "metrics"]),
    // file reading and ingestion into the store
    ("data", &["config", "domain", "store"]),
    // the tools read the store for the agents, through their narrow context
    (
        "tools",
        &["cache", "config", "data", "domain", "llm", "store"],
    ),
    // the agents reach the data only through the tools' context: not the store, the
    // application state or the chat that runs them
    ("agents", &["domain", "events", "llm", "tools"]),
    ("notify", &["config", "domain", "mail"]),
    // chat returns its own errors; http maps them
    (
        "chat",
        &[
            "agents", "app", "cache", "config", "domain", "events", "llm", "store", "tools",
        ],
    ),
    (
        "jobs",
        &["app", "chat", "config", "domain", "mail", "store"],
    ),
    ("doctor", &["config", "domain", "llm", "mail", "store"]),
    // the top: the HTTP layer and the application state that wires everything
    (
        "http",
        &[
            "app",
            "auth",
            "cache",
            "chat",
            "config",
            "domain",
            "events",
            "jobs",
            "llm",
            "mail",
            "metrics",
            "notify",
            "ratelimit",
            "store",
            "tools",
        ],
    ),
    (
        "app",
        &[
            "agents",
            "auth",
            "cache",
            "chat",
            "config",
            "data",
            "domain",
            "http",
            "jobs",
            "llm",
            "mail",
            "metrics",
            "notify",
            "ratelimit",
            "store",
            "tools",
        ],
    ),
];

/// The crate's top-level modules, from `src/lib.rs`.
fn top_level_modules(src: &Path) -> Vec<String> {
    std::fs::read_to_string(src.join("lib.rs"))
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod ")?.strip_suffix(';'))
        .map(str::to_string)
        .collect()
}

/// The `.rs` files of a top-level module (`src/<m>.rs` or `src/<m>/**`), with their module path.
fn files_of(src: &Path, module: &str) -> Vec<(PathBuf, Vec<String>)> {
    let mut out = Vec::new();
    let single = src.join(format!("{module}.rs"));
    if single.is_file() {
        out.push((single, vec![module.to_string()]));
    }
    let dir = src.join(module);
    if dir.is_dir() {
        walk(&dir, &mut vec![module.to_string()], &mut out);
    }
    out
}

fn walk(dir: &Path, path: &mut Vec<String>, out: &mut Vec<(PathBuf, Vec<String>)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_stem().unwrap().to_str().unwrap().to_string();
        if p.is_dir() {
            path.push(name);
            walk(&p, path, out);
            path.pop();
        } else if p.extension().is_some_and(|e| e == "rs") {
            let mut m = path.clone();
            if name != "mod" {
                m.push(name);
            }
            out.push((p, m));
        }
    }
}

/// The code of a line without its `//` comment (doc comments may name any module).
fn code(line: &str) -> &str {
    match line.find("//") {
        Some(i) => &line[..i],
        None => line,
    }
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The top-level crate modules a source text names through `crate::` or `super::` paths.
/// `module` is the file's module path (`["store", "users"]` for `src/store/users.rs`).
pub fn named_modules(text: &str, module: &[String]) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let line = code(line);
        let bytes: Vec<char> = line.chars().collect();
        let s: String = bytes.iter().collect();
        let mut i = 0;
        while i < bytes.len() {
            let at_word = i == 0 || !is_ident(bytes[i - 1]);
            let rest: String = bytes[i..].iter().collect();
            let (mut depth, mut j) = if at_word && rest.starts_with("crate::") {
                (Some(0usize), i + "crate::".len())
            } else if at_word && rest.starts_with("super::") {
                (None, i)
            } else {
                i += 1;
                continue;
            };
            // resolve a chain of `super::`
            if depth.is_none() {
                let mut up = 0;
                while bytes[j..].iter().collect::<String>().starts_with("super::") {
                    up += 1;
                    j += "super::".len();
                }
                depth = module.len().checked_sub(up);
                match depth {
                    Some(0) => {}
                    // still inside the file's own ancestors: the first segment after them is
                    // the same top-level module unless we climbed to the root
                    Some(_) => {
                        i = j;
                        continue;
                    }
                    None => panic!("too many `super::` in {module:?}: {s}"),
                }
            }
            // at the crate root: the next segment, or each item of a `{...}` group
            if bytes.get(j) == Some(&'{') {
                let end = bytes[j..]
                    .iter()
                    .position(|&c| c == '}')
                    .map_or(bytes.len(), |k| j + k);
                let group: String = bytes[j + 1..end].iter().collect();
                for item in group.split(',') {
                    let name: String = item.trim().chars().take_while(|&c| is_ident(c)).collect();
                    if !name.is_empty() {
                        found.insert(name);
                    }
                }
                i = end;
            } else {
                let name: String = bytes[j..].iter().take_while(|&&c| is_ident(c)).collect();
                if !name.is_empty() {
                    found.insert(name);
                }
                i = j;
            }
        }
    }
    found
}

#[test]
fn no_lower_layer_names_a_higher_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = top_level_modules(&src);
    assert!(modules.len() > 15, "{modules:?}");
    for m in &modules {
        assert!(
            RULES.iter().any(|(layer, _)| layer == m),
            "src/lib.rs declares `{m}`, which has no row in the layer rules"
        );
    }
    let mut violations = Vec::new();
    let mut scanned = 0;
    // Who names whom, for the circle check.
    let mut edges: Vec<(String, String)> = Vec::new();
    for (layer, allowed) in RULES {
        let files = files_of(&src, layer);
        assert!(!files.is_empty(), "no source files for layer {layer}");
        for (file, module) in files {
            scanned += 1;
            let text = std::fs::read_to_string(&file).unwrap();
            for name in named_modules(&text, &module) {
                // macros exported at the crate root (`crate::on_db!`) are not modules
                if name == *layer || !modules.contains(&name) {
                    continue;
                }
                edges.push((layer.to_string(), name.clone()));
                if !allowed.contains(&name.as_str()) {
                    violations.push(format!(
                        "{} ({layer}) names crate::{name}",
                        file.strip_prefix(&src).unwrap().display()
                    ));
                }
            }
        }
    }
    assert!(scanned > 30, "only {scanned} files scanned");
    assert!(
        violations.is_empty(),
        "a layer names a module its row does not allow (docs/ARCHITECTURE.md):\n{}",
        violations.join("\n")
    );
    // No import circle but through the application state: without `app`, the modules form a
    // hierarchy.
    edges.retain(|(a, b)| a != "app" && b != "app");
    if let Some(circle) = find_circle(&modules, &edges) {
        panic!("an import circle not through `app`: {}", circle.join(" → "));
    }
}

/// A circle in the graph `edges` over `nodes`, if there is one (depth-first search).
fn find_circle(nodes: &[String], edges: &[(String, String)]) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        edges: &[(String, String)],
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == n) {
            let mut circle = path[i..].to_vec();
            circle.push(n.to_string());
            return Some(circle);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_string());
        for (_, to) in edges.iter().filter(|(from, _)| from == n) {
            if let Some(c) = visit(to, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    nodes
        .iter()
        .find_map(|n| visit(n, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_circle_finder_finds_a_circle_and_only_one() {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let e = |v: &[(&str, &str)]| {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>()
    };
    let nodes = s(&["a", "b", "c", "d"]);
    assert_eq!(
        find_circle(
            &nodes,
            &e(&[("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")])
        ),
        Some(s(&["a", "b", "c", "a"]))
    );
    // a diamond is no circle
    assert_eq!(
        find_circle(
            &nodes,
            &e(&[("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")])
        ),
        None
    );
}

#[test]
fn the_scanner_sees_every_way_of_naming_a_module() {
    let m = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    let cases: &[(&str, Vec<String>, BTreeSet<String>)] = &[
        (
            "use crate::http::error::ApiError;",
            m(&["store", "users"]),
            set(&["http"]),
        ),
        (
            "use crate::{on_db, http};",
            m(&["store"]),
            set(&["on_db", "http"]),
        ),
        (
            "#[serde(serialize_with = \"crate::http::json::opt_datetime\")]",
            m(&["store", "admin"]),
            set(&["http"]),
        ),
        (
            "let x = crate::chat::turn::ORPHAN_AFTER;",
            m(&["jobs"]),
            set(&["chat"]),
        ),
        (
            "use super::super::http::json;",
            m(&["store", "users"]),
            set(&["http"]),
        ),
        ("use super::http::json;", m(&["store"]), set(&["http"])),
        // within the layer: `super::` from a submodule stays in it
        ("use super::{Db, Tx};", m(&["store", "users"]), set(&[])),
        ("use super::super::Db;", m(&["store", "a", "b"]), set(&[])),
        // comments and look-alike identifiers are not imports
        ("// see crate::http::json", m(&["store"]), set(&[])),
        ("let mycrate::http = 1;", m(&["store"]), set(&[])),
    ];
    for (text, module, want) in cases {
        assert_eq!(&named_modules(text, module), want, "{text}");
    }
}

/// No Rust source file grows past 40 kB: a file that long holds several subjects, and is split
/// into a module folder (one file per subject, its tests in `tests.rs`).
#[test]
fn no_source_file_is_over_40_kb() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut Vec::new(), &mut files);
    assert!(files.len() > 50, "{}", files.len());
    let big: Vec<String> = files
        .iter()
        .filter_map(|(p, _)| {
            let len = std::fs::metadata(p).unwrap().len();
            (len > 40_000).then(|| format!("{} ({len} bytes)", p.display()))
        })
        .collect();
    assert!(
        big.is_empty(),
        "source files over 40 kB:\n{}",
        big.join("\n")
    );
}
