//! `.env` files read as python-dotenv reads them (the old service's pydantic-settings used it), so
//! a file written for the old service means the same here:
//!
//! - `KEY=value`, `export KEY=value`, spaces around `=`; `#` starts a comment line;
//! - an unquoted value runs to the end of the line, spaces included (`APP_NAME=Solar Intelligence
//!   API`), less a comment that follows whitespace (` # ...`) and trailing whitespace; quotes
//!   inside it are kept (`CORS_ORIGINS=["https://app.example.com"]` is a JSON list);
//! - `'single'` quotes are literal but for `\'` and `\\`; `"double"` quotes decode `\n`, `\t`,
//!   `\"`, `\\` and the other C escapes, and both may span lines;
//! - `${NAME}` and `${NAME:-default}` are replaced by an earlier value of the file, else the
//!   environment, else the default or nothing;
//! - a line that does not parse is skipped and reported by its number (never its text: it may
//!   hold a secret); the lines after it are read.

/// A line that could not be read: its number and, when it starts with one, the name it sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotEnvError {
    pub line: usize,
    pub name: Option<String>,
}

impl std::fmt::Display for DotEnvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.name {
            Some(n) => write!(
                f,
                "line {} ({n}) could not be read and was skipped",
                self.line
            ),
            None => write!(f, "line {} could not be read and was skipped", self.line),
        }
    }
}

/// The pairs of a `.env` text, in order, and the lines that did not parse. `lookup` gives the
/// environment's value of a name for `${NAME}`.
pub fn parse(
    text: &str,
    lookup: impl Fn(&str) -> Option<String>,
) -> (Vec<(String, String)>, Vec<DotEnvError>) {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        i: 0,
    };
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut errors = Vec::new();
    loop {
        p.skip_whitespace_and_newlines();
        if p.i >= p.s.len() {
            break;
        }
        let start = p.i;
        match p.binding() {
            Ok(Some((key, value))) => {
                let value = interpolate(&value, |name| {
                    pairs
                        .iter()
                        .rev()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| v.clone())
                        .or_else(|| lookup(name))
                });
                pairs.push((key, value));
            }
            // A comment, or a name with no `=` (python-dotenv gives it no value: not set).
            Ok(None) => {}
            Err(()) => {
                p.i = start;
                let line = text[..start].matches('\n').count() + 1;
                let name = p.name_at(start);
                p.rest_of_line();
                errors.push(DotEnvError { line, name });
            }
        }
    }
    (pairs, errors)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
}

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t' || b == b'\x0b' || b == b'\x0c'
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn skip_whitespace_and_newlines(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.i += 1;
        }
    }

    fn skip_blanks(&mut self) {
        while self.peek().is_some_and(is_blank) {
            self.i += 1;
        }
    }

    fn rest_of_line(&mut self) {
        while let Some(b) = self.peek() {
            self.i += 1;
            if b == b'\n' {
                break;
            }
            if b == b'\r' {
                if self.peek() == Some(b'\n') {
                    self.i += 1;
                }
                break;
            }
        }
    }

    /// Blanks, an optional comment, then the end of the line (or of the text).
    fn end_of_line(&mut self) -> Result<(), ()> {
        self.skip_blanks();
        if self.peek() == Some(b'#') {
            while self.peek().is_some_and(|b| b != b'\n' && b != b'\r') {
                self.i += 1;
            }
        }
        match self.peek() {
            None => Ok(()),
            Some(b'\n' | b'\r') => {
                self.rest_of_line();
                Ok(())
            }
            _ => Err(()),
        }
    }

    fn binding(&mut self) -> Result<Option<(String, String)>, ()> {
        if self.peek() == Some(b'#') {
            self.rest_of_line();
            return Ok(None);
        }
        if self.text[self.i..].starts_with("export")
            && self.s.get(self.i + 6).copied().is_some_and(is_blank)
        {
            self.i += 6;
            self.skip_blanks();
        }
        let key = self.key()?;
        self.skip_blanks();
        if self.peek() != Some(b'=') {
            self.end_of_line()?;
            return Ok(None);
        }
        self.i += 1;
        self.skip_blanks();
        let value = self.value()?;
        Ok(Some((key, value)))
    }

    fn key(&mut self) -> Result<String, ()> {
        if self.peek() == Some(b'\'') {
            let end = self.text[self.i + 1..].find('\'').ok_or(())?;
            let key = &self.text[self.i + 1..self.i + 1 + end];
            if key.is_empty() {
                return Err(());
            }
            self.i += end + 2;
            return Ok(key.to_string());
        }
        let start = self.i;
        while self
            .peek()
            .is_some_and(|b| b != b'=' && b != b'#' && !b.is_ascii_whitespace())
        {
            self.i += 1;
        }
        if self.i == start {
            return Err(());
        }
        Ok(self.text[start..self.i].to_string())
    }

    fn value(&mut self) -> Result<String, ()> {
        match self.peek() {
            Some(q @ (b'\'' | b'"')) => {
                // Up to the next quote not escaped by a backslash.
                let start = self.i + 1;
                let mut j = start;
                loop {
                    match self.s.get(j) {
                        None => return Err(()),
                        Some(b'\\') if self.s.get(j + 1) == Some(&q) => j += 2,
                        Some(b'\\') if self.s.get(j + 1) == Some(&b'\\') => j += 2,
                        Some(&b) if b == q => break,
                        Some(_) => j += 1,
                    }
                }
                let raw = &self.text[start..j];
                self.i = j + 1;
                self.end_of_line()?;
                Ok(if q == b'\'' {
                    raw.replace("\\'", "'").replace("\\\\", "\\")
                } else {
                    unescape_double(raw)
                })
            }
            _ => {
                let start = self.i;
                while self.peek().is_some_and(|b| b != b'\n' && b != b'\r') {
                    self.i += 1;
                }
                let mut v = &self.text[start..self.i];
                // A comment starts at whitespace followed by `#`.
                if let Some(at) = v
                    .char_indices()
                    .find(|&(k, c)| c == '#' && k > 0 && v[..k].ends_with(char::is_whitespace))
                    .map(|(k, _)| k)
                {
                    v = &v[..at];
                }
                self.rest_of_line();
                Ok(v.trim_end().to_string())
            }
        }
    }

    /// The name a broken line starts with, if it looks like one.
    fn name_at(&self, start: usize) -> Option<String> {
        let line = self.text[start..].lines().next().unwrap_or("");
        line.trim_start()
            .trim_start_matches("export ")
            .split(['=', ' ', ':', '\t'])
            .next()
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .map(str::to_string)
    }
}

fn unescape_double(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('a') => out.push('\x07'),
            Some('b') => out.push('\x08'),
            Some('f') => out.push('\x0c'),
            Some('v') => out.push('\x0b'),
            Some(e @ ('\\' | '\'' | '"')) => out.push(e),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// `${NAME}` and `${NAME:-default}` replaced.
fn interpolate(value: &str, lookup: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find("${") {
        let Some(end) = rest[at..].find('}') else {
            break;
        };
        out.push_str(&rest[..at]);
        let inner = &rest[at + 2..at + end];
        let (name, default) = match inner.split_once(":-") {
            Some((n, d)) => (n, Some(d)),
            None => (inner, None),
        };
        match lookup(name) {
            Some(v) => out.push_str(&v),
            None => out.push_str(default.unwrap_or("")),
        }
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Vec<(String, String)>, Vec<usize>) {
        let (pairs, errors) = parse(text, |n| (n == "HOME").then(|| "/home/op".to_string()));
        (pairs, errors.iter().map(|e| e.line).collect())
    }

    fn pair(k: &str, v: &str) -> (String, String) {
        (k.to_string(), v.to_string())
    }

    #[test]
    fn the_forms_python_dotenv_reads() {
        let text = "\
# the old service's .env: it's fine to write apostrophes in comments
APP_NAME=Solar Intelligence API
CORS_ORIGINS=[\"https://app.example.com\"]
export PORT = 9000   # a comment after whitespace
PASSWORD=abc#def
SINGLE='#not a comment'  # but this is
DOUBLE=\"line one\\nline two\"
MULTI=\"first
second\"
ESCAPED='don\\'t'
DATA_DIR=${HOME}/data
FALLBACK=${MISSING:-none}
EMPTY=
NAME_ONLY
";
        let (pairs, errors) = read(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(
            pairs,
            vec![
                pair("APP_NAME", "Solar Intelligence API"),
                pair("CORS_ORIGINS", "[\"https://app.example.com\"]"),
                pair("PORT", "9000"),
                pair("PASSWORD", "abc#def"),
                pair("SINGLE", "#not a comment"),
                pair("DOUBLE", "line one\nline two"),
                pair("MULTI", "first\nsecond"),
                pair("ESCAPED", "don't"),
                pair("DATA_DIR", "/home/op/data"),
                pair("FALLBACK", "none"),
                pair("EMPTY", ""),
            ]
        );
    }

    #[test]
    fn a_broken_line_is_skipped_and_the_rest_is_read() {
        let (pairs, lines) = read("A=1\nnot a line\nB=2\nC D=3\nE=\"unclosed\nF=6\n");
        let names: Vec<&str> = pairs.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["A", "B", "F"]);
        assert_eq!(lines, [2, 4, 5]);
    }
}
