//! JSON paths such as `cards[2].facts[0].sources[1]`, built on the stack while
//! decoding so that a path costs nothing unless a problem is reported.

use std::fmt;

use super::json::{Node, Pos, Value};

/// A location in the sheet, as a chain of keys and indices back to the root.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// Where this path starts in the source text, if it came from text: the
    /// deepest node that exists on the way down.
    pub fn locate(&self, root: &Node) -> Option<Pos> {
        match self {
            Path::Root => root.pos,
            _ => self
                .resolve(root)
                .and_then(|node| node.pos)
                .or_else(|| self.parent()?.locate(root)),
        }
    }

    fn parent(&self) -> Option<&Path<'a>> {
        match self {
            Path::Root => None,
            Path::Key(parent, _) | Path::Index(parent, _) => Some(parent),
        }
    }

    fn resolve<'n>(&self, root: &'n Node) -> Option<&'n Node> {
        match self {
            Path::Root => Some(root),
            Path::Key(parent, key) => match &parent.resolve(root)?.value {
                Value::Object(members) => members.iter().find(|m| m.key == *key).map(|m| &m.value),
                _ => None,
            },
            Path::Index(parent, index) => match &parent.resolve(root)?.value {
                Value::Array(items) => items.get(*index),
                _ => None,
            },
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => f.write_str("(root)"),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}
