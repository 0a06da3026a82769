//! The DOT grammar: graph, statements, edge chains, subgraphs and attribute lists.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use super::builder::{Attrs, Builder};
use super::lexer::{Kind, Lexer, Token};
use super::MAX_DEPTH;

pub(super) struct Parser<'a> {
    pub(super) lexer: Lexer<'a>,
    pub(super) peeked: Option<Option<Token>>,
    pub(super) b: Builder,
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
    pub(super) fn graph(&mut self) -> Result<(), String> {
        self.b.strict = self.keyword("strict")?;
        let undirected = self.keyword("graph")?;
        self.b.directed = !undirected && self.keyword("digraph")?;
        if !(undirected || self.b.directed) {
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
        let here = self.line();
        let line = self.peek()?.map_or(here, |t| t.line);
        for (word, edge) in [("node", false), ("edge", true)] {
            if self.keyword(word)? {
                let attrs = self.attr_lists()?;
                return if edge {
                    self.b.edge_defaults(&attrs, line)
                } else {
                    self.b.node_defaults(&attrs, line)
                };
            }
        }
        if self.keyword("graph")? {
            let attrs = self.attr_lists()?;
            return self.b.graph_attrs(&attrs, line);
        }
        let first = self.operand()?;
        match &first {
            Operand::Node(id, _) if self.eat(&Kind::Equals)? => {
                let (value, _) = self.id("a value")?;
                return self.b.graph_attrs(&vec![(id.clone(), value)], line);
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
                let v = self.b.node(&id)?;
                self.b.set_node_attrs(v, &attrs, line)?;
            }
            return Ok(());
        }
        let mut sets = Vec::with_capacity(operands.len());
        for o in operands {
            sets.push(match o {
                Operand::Node(id, _) => vec![self.b.node(&id)?],
                Operand::Subgraph(members) => members,
            });
        }
        self.b.edges(&sets, &attrs, line)
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
        if self.b.depth() > MAX_DEPTH {
            return Err(format!(
                "line {line}: subgraphs nested more than {MAX_DEPTH} deep"
            ));
        }
        self.expect(&Kind::Open, "{")?;
        self.b
            .open(name.as_deref().is_some_and(|n| n.starts_with("cluster")));
        let done = self.statements();
        let members = self.b.close();
        done?;
        Ok(Operand::Subgraph(members))
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
    Subgraph(Vec<usize>),
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
