//! The DOT lexer: IDs (bare, numeral, quoted, HTML), punctuation and comments.

use alloc::format;
use alloc::string::{String, ToString};

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Kind {
    Id { text: String, quoted: bool },
    Open,
    Close,
    OpenAttr,
    CloseAttr,
    Equals,
    Semicolon,
    Comma,
    Colon,
    EdgeOp,
}

#[derive(Clone, Debug)]
pub(super) struct Token {
    pub(super) kind: Kind,
    pub(super) line: usize,
}

pub(super) struct Lexer<'a> {
    text: &'a str,
    at: usize,
    pub(super) line: usize,
}

impl<'a> Lexer<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            text,
            at: 0,
            line: 1,
        }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn bump(&mut self, bytes: usize) {
        self.line += self.text[self.at..self.at + bytes].matches('\n').count();
        self.at += bytes;
    }

    /// Skips white space and comments; `#` lines count as comments only at a line start.
    fn skip(&mut self) -> Result<(), String> {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.bump(rest.len() - trimmed.len());
            let line_start = self.at == 0 || self.text[..self.at].ends_with('\n');
            if trimmed.starts_with("//") || (line_start && trimmed.starts_with('#')) {
                self.bump(trimmed.find('\n').unwrap_or(trimmed.len()));
            } else if let Some(body) = trimmed.strip_prefix("/*") {
                let end = body
                    .find("*/")
                    .ok_or_else(|| format!("line {}: unterminated /* comment", self.line))?;
                self.bump(end + 4);
            } else {
                return Ok(());
            }
        }
    }

    pub(super) fn next(&mut self) -> Result<Option<Token>, String> {
        self.skip()?;
        let line = self.line;
        let rest = self.rest();
        let Some(c) = rest.chars().next() else {
            return Ok(None);
        };
        let punct = match c {
            '{' => Some(Kind::Open),
            '}' => Some(Kind::Close),
            '[' => Some(Kind::OpenAttr),
            ']' => Some(Kind::CloseAttr),
            '=' => Some(Kind::Equals),
            ';' => Some(Kind::Semicolon),
            ',' => Some(Kind::Comma),
            ':' => Some(Kind::Colon),
            _ => None,
        };
        if let Some(kind) = punct {
            self.bump(1);
            return Ok(Some(Token { kind, line }));
        }
        if rest.starts_with("--") || rest.starts_with("->") {
            self.bump(2);
            return Ok(Some(Token {
                kind: Kind::EdgeOp,
                line,
            }));
        }
        let (text, quoted) = match c {
            '"' => (self.quoted()?, true),
            '<' => (self.html()?, true),
            c if c.is_ascii_alphabetic() || c == '_' || !c.is_ascii() => {
                let len = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii()))
                    .unwrap_or(rest.len());
                self.bump(len);
                (rest[..len].to_string(), false)
            }
            c if c.is_ascii_digit() || c == '.' || c == '-' => {
                let len = numeral(rest)
                    .ok_or_else(|| format!("line {line}: unexpected character {c:?}"))?;
                self.bump(len);
                (rest[..len].to_string(), false)
            }
            c => return Err(format!("line {line}: unexpected character {c:?}")),
        };
        Ok(Some(Token {
            kind: Kind::Id { text, quoted },
            line,
        }))
    }

    /// A double-quoted string, with `\"` unescaped and `"a" + "b"` joined.
    fn quoted(&mut self) -> Result<String, String> {
        let mut out = String::new();
        loop {
            let line = self.line;
            let rest = self.rest();
            let mut chars = rest.char_indices().skip(1);
            let end = loop {
                match chars.next() {
                    Some((i, '"')) => break i,
                    Some((_, '\\')) => match chars.next() {
                        Some((_, '"')) => out.push('"'),
                        Some((_, '\n')) => {}
                        Some((_, c)) => {
                            out.push('\\');
                            out.push(c);
                        }
                        None => return Err(format!("line {line}: unterminated string")),
                    },
                    Some((_, c)) => out.push(c),
                    None => return Err(format!("line {line}: unterminated string")),
                }
            };
            self.bump(end + 1);
            let save = (self.at, self.line);
            self.skip()?;
            if self.rest().starts_with('+') {
                self.bump(1);
                self.skip()?;
                if self.rest().starts_with('"') {
                    continue;
                }
            }
            (self.at, self.line) = save;
            return Ok(out);
        }
    }

    /// An HTML string `<...>`, with nested angle brackets; kept as written.
    fn html(&mut self) -> Result<String, String> {
        let line = self.line;
        let mut depth = 0usize;
        for (i, c) in self.rest().char_indices() {
            match c {
                '<' => depth += 1,
                '>' => {
                    depth -= 1;
                    if depth == 0 {
                        let text = self.rest()[1..i].to_string();
                        self.bump(i + 1);
                        return Ok(text);
                    }
                }
                _ => {}
            }
        }
        Err(format!("line {line}: unterminated <HTML> string"))
    }
}

/// The length of the numeral `-?(.[0-9]+ | [0-9]+(.[0-9]*)?)([eE][-+]?[0-9]+)?` at the start
/// of `s`: DOT's numeral, plus an exponent (Graphviz splits `2e3` into `2` and `e3` with
/// a warning; reading it as 2000 is what its writer meant).
fn numeral(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let sign = usize::from(b.first() == Some(&b'-'));
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let whole = digits(sign);
    let mut len = sign + whole;
    if b.get(len) == Some(&b'.') {
        let frac = digits(len + 1);
        if whole == 0 && frac == 0 {
            return None;
        }
        len += 1 + frac;
    } else if whole == 0 {
        return None;
    }
    if matches!(b.get(len), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(b.get(len + 1), Some(b'-' | b'+')));
        let exp = digits(len + 1 + sign);
        if exp > 0 {
            len += 1 + sign + exp;
        }
    }
    Some(len)
}
