//! Graphviz DOT input: nodes, edges, attributes and clusters, read into the same
//! [`Input`] as WebCola's JSON.
//!
//! The whole DOT language is read:
//! - `strict`, which drops repeated edges;
//! - `graph` and `digraph` (edge direction is ignored: the layout is undirected);
//! - node and edge statements, with edge chains, subgraphs and `{a b}` as endpoints, and
//!   ports (ignored);
//! - `node`/`edge` defaults, scoped to their subgraph and given to nodes and edges created
//!   after them, as Graphviz does;
//! - subgraphs and clusters: a `subgraph cluster…` becomes a group, nested as in the file;
//! - IDs bare, numeric, quoted (with `+` concatenation) and HTML; `//`, `/* */` and `#`
//!   comments.
//!
//! The attributes used, in Graphviz's units (1 point = 1 layout unit; inches × 72):
//! - node `width`, `height` (inches): the node's box;
//! - node `label`: its label, else its ID;
//! - node `pos="x,y"` (points, y up as in Graphviz, so y is negated): its start;
//!   `pos="x,y!"` or `pin=true` also fixes it there;
//! - edge `len` (inches, neato's ideal length): the link's length;
//! - edge `weight`: the link's weight;
//! - cluster `margin` (points): the group's padding.
//!
//! Other attributes are read and ignored.

use std::collections::HashMap;

use colayout::json::Input;
use colayout::{Graph, Group, Link, Node};

/// Points per inch: Graphviz sizes are in inches, positions in points.
const POINTS_PER_INCH: f64 = 72.0;
/// Graphviz's default edge `len`, 1 inch, in points: the link distance for DOT input.
pub const DEFAULT_LEN: f64 = POINTS_PER_INCH;
/// Deeper subgraph nesting than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 200;

/// True when `text` starts (after comments) with `strict`, `graph` or `digraph`.
#[must_use]
pub fn looks_like_dot(text: &str) -> bool {
    matches!(
        Lexer::new(text).next(),
        Ok(Some(Token { kind: Kind::Id { quoted: false, ref text }, .. }))
            if ["strict", "graph", "digraph"].iter().any(|k| text.eq_ignore_ascii_case(k))
    )
}

/// Reads a DOT graph.
///
/// # Errors
/// A message with the line for a syntax error or a bad attribute value, or the graph's
/// own error ([`Graph::new`], [`Graph::with_groups`]).
pub fn parse(text: &str) -> Result<Input, String> {
    let mut p = Parser {
        lexer: Lexer::new(text),
        peeked: None,
        b: Builder::default(),
    };
    p.graph()?;
    p.b.finish()
}

#[derive(Clone, Debug, PartialEq)]
enum Kind {
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
struct Token {
    kind: Kind,
    line: usize,
}

struct Lexer<'a> {
    text: &'a str,
    at: usize,
    line: usize,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Self {
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

    fn next(&mut self) -> Result<Option<Token>, String> {
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

/// The length of the DOT numeral `-?(.[0-9]+ | [0-9]+(.[0-9]*)?)` at the start of `s`.
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
    Some(len)
}

type Attrs = Vec<(String, String)>;

/// A subgraph being read: its defaults, its nodes so far, and its cluster.
#[derive(Default)]
struct Scope {
    node_defaults: Attrs,
    edge_defaults: Attrs,
    members: Vec<usize>,
    cluster: Option<usize>,
}

#[derive(Default)]
struct Builder {
    ids: Vec<String>,
    index: HashMap<String, usize>,
    node_attrs: Vec<(Attrs, usize)>,
    edges: Vec<(usize, usize, Attrs, usize)>,
    /// Per cluster: parent cluster, member nodes, attributes.
    clusters: Vec<(Option<usize>, Vec<usize>, Attrs)>,
    scopes: Vec<Scope>,
    strict: bool,
}

impl Builder {
    /// The node named `id`, created with the current defaults when new, and recorded as
    /// a member of every enclosing subgraph.
    fn node(&mut self, id: &str, line: usize) -> usize {
        let v = match self.index.get(id) {
            Some(&v) => v,
            None => {
                let v = self.ids.len();
                self.ids.push(id.to_string());
                self.index.insert(id.to_string(), v);
                let defaults = self
                    .scopes
                    .iter()
                    .flat_map(|s| s.node_defaults.iter().cloned())
                    .collect();
                self.node_attrs.push((defaults, line));
                v
            }
        };
        for s in &mut self.scopes {
            s.members.push(v);
        }
        v
    }

    fn edge(&mut self, a: usize, b: usize, attrs: &Attrs, line: usize) {
        let mut all: Attrs = self
            .scopes
            .iter()
            .flat_map(|s| s.edge_defaults.iter().cloned())
            .collect();
        all.extend(attrs.iter().cloned());
        self.edges.push((a, b, all, line));
    }

    fn finish(self) -> Result<Input, String> {
        let mut nodes = Vec::with_capacity(self.ids.len());
        let mut labels = Vec::with_capacity(self.ids.len());
        for (id, (attrs, line)) in self.ids.iter().zip(&self.node_attrs) {
            let mut node = Node::default();
            let mut label = None;
            for (k, v) in attrs {
                match k.as_str() {
                    "width" => node.width = Some(number(v, k, *line)? * POINTS_PER_INCH),
                    "height" => node.height = Some(number(v, k, *line)? * POINTS_PER_INCH),
                    "label" if v != "\\N" => label = Some(v.clone()),
                    "label" => label = None,
                    "pos" => {
                        let (xy, pinned) = v
                            .strip_suffix('!')
                            .map_or((v.as_str(), false), |xy| (xy, true));
                        let mut parts = xy.split(',');
                        let (Some(x), Some(y)) = (parts.next(), parts.next()) else {
                            return Err(format!("line {line}: pos={v:?} is not \"x,y\""));
                        };
                        node.x = Some(number(x, k, *line)?);
                        node.y = Some(-number(y, k, *line)?);
                        node.fixed |= pinned;
                    }
                    "pin" => node.fixed = v.eq_ignore_ascii_case("true") || v == "1",
                    _ => {}
                }
            }
            labels.push(Some(label.unwrap_or_else(|| id.clone())));
            nodes.push(node);
        }
        let mut links = Vec::with_capacity(self.edges.len());
        let mut seen = std::collections::HashSet::new();
        for (a, b, attrs, line) in &self.edges {
            if self.strict && !seen.insert((*a.min(b), *a.max(b))) {
                continue;
            }
            let mut link = Link::new(*a, *b);
            for (k, v) in attrs {
                match k.as_str() {
                    "len" => link.length = Some(number(v, k, *line)? * POINTS_PER_INCH),
                    "weight" => link.weight = Some(number(v, k, *line)?),
                    _ => {}
                }
            }
            links.push(link);
        }
        let mut groups: Vec<Group> = Vec::with_capacity(self.clusters.len());
        for (members, attrs) in self.clusters.iter().map(|c| (&c.1, &c.2)) {
            let mut leaves = members.clone();
            leaves.sort_unstable();
            leaves.dedup();
            let mut padding = None;
            for (k, v) in attrs {
                if k == "margin" {
                    padding = Some(number(v, k, 0)?);
                }
            }
            groups.push(Group {
                leaves,
                groups: Vec::new(),
                padding,
                stiffness: None,
            });
        }
        for (j, (parent, _, _)) in self.clusters.iter().enumerate() {
            if let Some(p) = *parent {
                groups[p].groups.push(j);
            }
        }
        let graph = Graph::new(nodes, links)
            .and_then(|g| g.with_groups(groups))
            .map_err(|e| e.to_string())?;
        Ok(Input { graph, labels })
    }
}

fn number(v: &str, name: &str, line: usize) -> Result<f64, String> {
    match v.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(if line > 0 {
            format!("line {line}: {name}={v:?} is not a number")
        } else {
            format!("{name}={v:?} is not a number")
        }),
    }
}

struct Parser<'a> {
    lexer: Lexer<'a>,
    peeked: Option<Option<Token>>,
    b: Builder,
}

impl Parser<'_> {
    fn peek(&mut self) -> Result<Option<&Token>, String> {
        if self.peeked.is_none() {
            self.peeked = Some(self.lexer.next()?);
        }
        Ok(self.peeked.as_ref().and_then(Option::as_ref))
    }

    fn next(&mut self) -> Result<Option<Token>, String> {
        match self.peeked.take() {
            Some(t) => Ok(t),
            None => self.lexer.next(),
        }
    }

    fn line(&self) -> usize {
        self.lexer.line
    }

    fn expect(&mut self, kind: &Kind, what: &str) -> Result<Token, String> {
        match self.next()? {
            Some(t) if &t.kind == kind => Ok(t),
            other => Err(self.unexpected(other, what)),
        }
    }

    /// "line L: expected WHAT, found ..." for the token `found` (`None`: the end).
    fn unexpected(&self, found: Option<Token>, what: &str) -> String {
        match found {
            Some(t) => format!("line {}: expected {what}, found {}", t.line, show(&t.kind)),
            None => format!("line {}: expected {what}, found the end", self.line()),
        }
    }

    /// True (and consumed) when the next token is the keyword `word`.
    fn keyword(&mut self, word: &str) -> Result<bool, String> {
        let is = matches!(self.peek()?, Some(Token { kind: Kind::Id { quoted: false, text }, .. }) if text.eq_ignore_ascii_case(word));
        if is {
            self.next()?;
        }
        Ok(is)
    }

    fn id(&mut self, what: &str) -> Result<(String, usize), String> {
        match self.next()? {
            Some(Token {
                kind: Kind::Id { text, .. },
                line,
            }) => Ok((text, line)),
            other => Err(self.unexpected(other, what)),
        }
    }

    fn eat(&mut self, kind: &Kind) -> Result<bool, String> {
        let is = matches!(self.peek()?, Some(t) if &t.kind == kind);
        if is {
            self.next()?;
        }
        Ok(is)
    }

    /// `[strict] (graph | digraph) [ID] { stmt_list }`
    fn graph(&mut self) -> Result<(), String> {
        self.b.strict = self.keyword("strict")?;
        if !(self.keyword("graph")? || self.keyword("digraph")?) {
            return Err(format!(
                "line {}: a DOT file starts with graph or digraph",
                self.line()
            ));
        }
        if matches!(
            self.peek()?,
            Some(Token {
                kind: Kind::Id { .. },
                ..
            })
        ) {
            self.next()?;
        }
        self.expect(&Kind::Open, "{")?;
        self.b.scopes.push(Scope::default());
        self.statements()?;
        if let Some(t) = self.next()? {
            return Err(format!(
                "line {}: unexpected {} after the graph",
                t.line,
                show(&t.kind)
            ));
        }
        Ok(())
    }

    /// Statements up to and including the closing `}`.
    fn statements(&mut self) -> Result<(), String> {
        loop {
            match self.peek()? {
                None => return Err(format!("line {}: missing }}", self.line())),
                Some(Token {
                    kind: Kind::Close, ..
                }) => {
                    self.next()?;
                    return Ok(());
                }
                Some(Token {
                    kind: Kind::Semicolon,
                    ..
                }) => {
                    self.next()?;
                }
                Some(_) => self.statement()?,
            }
        }
    }

    fn statement(&mut self) -> Result<(), String> {
        for (word, edge) in [("node", false), ("edge", true)] {
            if self.keyword(word)? {
                let attrs = self.attr_lists()?;
                let scope = self.b.scopes.last_mut().ok_or("no scope")?;
                if edge {
                    scope.edge_defaults.extend(attrs);
                } else {
                    scope.node_defaults.extend(attrs);
                }
                return Ok(());
            }
        }
        if self.keyword("graph")? {
            let attrs = self.attr_lists()?;
            self.graph_attrs(attrs);
            return Ok(());
        }
        let first = self.operand()?;
        match &first {
            Operand::Node(id, _) if self.eat(&Kind::Equals)? => {
                let (value, _) = self.id("a value")?;
                self.graph_attrs(vec![(id.clone(), value)]);
                return Ok(());
            }
            _ => {}
        }
        let mut operands = vec![first];
        while self.eat(&Kind::EdgeOp)? {
            operands.push(self.operand()?);
        }
        let attrs = self.attr_lists()?;
        if operands.len() == 1 {
            if let Some(Operand::Node(id, line)) = operands.pop() {
                let v = self.b.node(&id, line);
                self.b.node_attrs[v].0.extend(attrs);
            }
            return Ok(());
        }
        let sets: Vec<(Vec<usize>, usize)> = operands
            .into_iter()
            .map(|o| match o {
                Operand::Node(id, line) => (vec![self.b.node(&id, line)], line),
                Operand::Subgraph(members, line) => (members, line),
            })
            .collect();
        for pair in sets.windows(2) {
            for &a in &pair[0].0 {
                for &b in &pair[1].0 {
                    self.b.edge(a, b, &attrs, pair[1].1);
                }
            }
        }
        Ok(())
    }

    /// Graph attributes: a cluster keeps them (for `margin`); others are ignored.
    fn graph_attrs(&mut self, attrs: Attrs) {
        if let Some(c) = self.b.scopes.last().and_then(|s| s.cluster) {
            self.b.clusters[c].2.extend(attrs);
        }
    }

    /// A node ID (with an ignored port) or a subgraph.
    fn operand(&mut self) -> Result<Operand, String> {
        let sub = matches!(
            self.peek()?,
            Some(Token {
                kind: Kind::Open,
                ..
            })
        ) || matches!(self.peek()?, Some(Token { kind: Kind::Id { quoted: false, text }, .. }) if text.eq_ignore_ascii_case("subgraph"));
        if sub {
            return self.subgraph();
        }
        let (id, line) = self.id("a node, a subgraph or an attribute")?;
        while self.eat(&Kind::Colon)? {
            self.id("a port")?;
        }
        Ok(Operand::Node(id, line))
    }

    /// `[subgraph [ID]] { stmt_list }`; a `cluster…` ID makes a group.
    fn subgraph(&mut self) -> Result<Operand, String> {
        let line = self.line();
        let mut name = None;
        if self.keyword("subgraph")? {
            if let Some(Token {
                kind: Kind::Id { .. },
                ..
            }) = self.peek()?
            {
                name = Some(self.id("a subgraph name")?.0);
            }
        }
        if self.b.scopes.len() > MAX_DEPTH {
            return Err(format!(
                "line {line}: subgraphs nested more than {MAX_DEPTH} deep"
            ));
        }
        self.expect(&Kind::Open, "{")?;
        let parent = self.b.scopes.iter().rev().find_map(|s| s.cluster);
        let cluster = name
            .as_deref()
            .filter(|n| n.starts_with("cluster"))
            .map(|_| {
                self.b.clusters.push((parent, Vec::new(), Vec::new()));
                self.b.clusters.len() - 1
            });
        self.b.scopes.push(Scope {
            cluster,
            ..Scope::default()
        });
        let done = self.statements();
        let scope = self.b.scopes.pop().ok_or("no scope")?;
        done?;
        if let Some(c) = scope.cluster {
            self.b.clusters[c].1.extend(&scope.members);
        }
        Ok(Operand::Subgraph(scope.members, line))
    }

    /// Zero or more `[a=b, c=d; e]` lists, concatenated.
    fn attr_lists(&mut self) -> Result<Attrs, String> {
        let mut attrs = Attrs::new();
        while self.eat(&Kind::OpenAttr)? {
            loop {
                if self.eat(&Kind::CloseAttr)? {
                    break;
                }
                let (key, _) = self.id("an attribute name")?;
                let value = if self.eat(&Kind::Equals)? {
                    self.id("an attribute value")?.0
                } else {
                    "true".to_string()
                };
                attrs.push((key, value));
                if !self.eat(&Kind::Comma)? {
                    self.eat(&Kind::Semicolon)?;
                }
            }
        }
        Ok(attrs)
    }
}

enum Operand {
    Node(String, usize),
    Subgraph(Vec<usize>, usize),
}

fn show(kind: &Kind) -> String {
    match kind {
        Kind::Id { text, .. } => format!("{text:?}"),
        Kind::Open => "{".into(),
        Kind::Close => "}".into(),
        Kind::OpenAttr => "[".into(),
        Kind::CloseAttr => "]".into(),
        Kind::Equals => "=".into(),
        Kind::Semicolon => ";".into(),
        Kind::Comma => ",".into(),
        Kind::Colon => ":".into(),
        Kind::EdgeOp => "an edge operator".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(input: &Input) -> Vec<(usize, usize)> {
        input
            .graph
            .links()
            .iter()
            .map(|l| (l.source, l.target))
            .collect()
    }

    #[test]
    fn reads_nodes_edges_chains_and_subgraph_endpoints() {
        let input = parse(
            "/* a comment */ digraph G {\n  // another\n  a->b -> c;\n  a -> {d e} [len=2];\n  \"x y\" -- f:port:n -- -1.5\n}",
        )
        .unwrap();
        let labels: Vec<_> = input.labels.iter().map(|l| l.clone().unwrap()).collect();
        assert_eq!(labels, ["a", "b", "c", "d", "e", "x y", "f", "-1.5"]);
        assert_eq!(
            links(&input),
            [(0, 1), (1, 2), (0, 3), (0, 4), (5, 6), (6, 7)]
        );
        assert_eq!(input.graph.links()[2].length, Some(144.0));
        assert_eq!(input.graph.links()[0].length, None);
    }

    #[test]
    fn node_attributes_defaults_and_units() {
        let input = parse(
            "graph { node [width=1]; a [height=0.5, label=\"Alpha\"]; subgraph { node [width=2]; b } c; d [pos=\"10,20!\"]; e [pos=\"1,2\"] }",
        )
        .unwrap();
        let nodes = input.graph.nodes();
        assert_eq!((nodes[0].width, nodes[0].height), (Some(72.0), Some(36.0)));
        assert_eq!(nodes[1].width, Some(144.0), "defaults of the inner scope");
        assert_eq!(
            nodes[2].width,
            Some(72.0),
            "the inner default does not leak out"
        );
        assert_eq!(
            (nodes[3].x, nodes[3].y, nodes[3].fixed),
            (Some(10.0), Some(-20.0), true)
        );
        assert!(!nodes[4].fixed);
        assert_eq!(input.labels[0].as_deref(), Some("Alpha"));
    }

    #[test]
    fn clusters_become_nested_groups() {
        let input = parse(
            "digraph { subgraph cluster_0 { a; b; subgraph cluster_inner { margin=4; c } } subgraph cluster_1 { d } e; a -> d; c -> e }",
        )
        .unwrap();
        let groups = input.graph.groups();
        assert_eq!(groups.len(), 3);
        assert_eq!(groups.members(0), [0, 1, 2]);
        assert_eq!(groups.members(1), [2]);
        assert_eq!(groups.members(2), [3]);
    }

    #[test]
    fn strict_drops_repeated_edges_and_quoted_strings_join() {
        let input = parse("strict graph { a -- b; b -- a; \"lo\" + \"ng\" -- a }").unwrap();
        assert_eq!(links(&input), [(0, 1), (2, 0)]);
        assert_eq!(input.labels[2].as_deref(), Some("long"));
        let html = parse("graph { a [label=<<b>bold</b>>] }").unwrap();
        assert_eq!(html.labels[0].as_deref(), Some("<b>bold</b>"));
    }

    #[test]
    fn errors_name_the_line() {
        for (text, want) in [
            ("graph { a -- }", "line 1: expected a node"),
            (
                "graph {\n a [width=wide] }",
                "line 2: width=\"wide\" is not a number",
            ),
            ("graph { a", "missing }"),
            ("graph { \"a }", "unterminated string"),
            ("grph { }", "starts with graph or digraph"),
            ("graph { } x", "after the graph"),
            ("graph { a -- b [len=-1] }", "length"),
        ] {
            let e = parse(text).unwrap_err();
            assert!(e.contains(want), "{text:?}: {e}");
        }
        let deep = format!("graph {{ {} }}", "{".repeat(5000));
        assert!(parse(&deep).unwrap_err().contains("nested more than"));
    }

    proptest::proptest! {
        /// Any text, however broken, gives a graph or an error: never a panic.
        #[test]
        fn never_panics(text in "[a-c0-9.é{}\\[\\];=,:\"<>/*#+ \n-]{0,80}") {
            let _ = parse(&format!("graph {{{text}"));
            let _ = parse(&text);
            let _ = looks_like_dot(&text);
        }
    }

    #[test]
    fn recognises_dot_after_comments() {
        assert!(looks_like_dot("# cpp line\n/* c */ digraph { }"));
        assert!(looks_like_dot("STRICT Graph { }"));
        assert!(!looks_like_dot("{\"nodes\": []}"));
        assert!(!looks_like_dot(""));
    }
}
