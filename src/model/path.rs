//! JSON paths such as `cards[2].facts[0].sources[1]`, built on the stack while
//! decoding so that a path costs nothing unless a problem is reported.

use std::fmt::{self, Write};

use super::formats::is_invisible;
use super::json::{Node, Pos};

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

    /// Where this path starts in the source text: the deepest node that
    /// exists on the way down (a missing field is reported where its object
    /// starts).
    pub fn locate(&self, root: &Node) -> Pos {
        match (self.resolve(root), self.parent()) {
            (Some(node), _) => node.pos,
            (None, Some(parent)) => parent.locate(root),
            (None, None) => root.pos,
        }
    }

    /// This path, then each path that holds it, up to the root.
    pub fn ancestry(&self) -> impl Iterator<Item = &Path<'a>> {
        std::iter::successors(Some(self), |path| path.parent())
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
            Path::Key(parent, key) => parent.resolve(root)?.get(key),
            Path::Index(parent, index) => parent.resolve(root)?.as_array()?.get(*index),
        }
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => f.write_str("(root)"),
            Path::Key(Path::Root, key) if is_plain_key(key) => f.write_str(key),
            Path::Key(Path::Root, key) => write_quoted(f, key),
            Path::Key(parent, key) if is_plain_key(key) => write!(f, "{parent}.{key}"),
            Path::Key(parent, key) => {
                write!(f, "{parent}")?;
                write_quoted(f, key)
            }
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// Whether a key can be written bare in a path. Others (empty, or with
/// characters a path uses itself) are written as `["a.b"]`, so that no key
/// can pass for another path, nor for the empty path of a syntax error.
pub fn is_plain_key(key: &str) -> bool {
    !key.is_empty()
        && !key
            .chars()
            .any(|c| matches!(c, '.' | '[' | ']' | '"' | '\\') || c.is_whitespace() || c.is_control())
}

/// Writes `["key"]`, escaped as Rust's `{:?}` writes a string: quotes,
/// backslashes, control and invisible characters (`\u{202e}`) escaped, any
/// other character as it is. Written out here because the release wasm is
/// built without `Debug` formatting (`-Zfmt-debug=none`, scripts/nightly.sh),
/// and a reader's console must still name the path.
fn write_quoted(out: &mut impl Write, key: &str) -> fmt::Result {
    out.write_str("[\"")?;
    for c in key.chars() {
        match c {
            '"' => out.write_str("\\\"")?,
            '\\' => out.write_str("\\\\")?,
            '\n' => out.write_str("\\n")?,
            '\r' => out.write_str("\\r")?,
            '\t' => out.write_str("\\t")?,
            '\0' => out.write_str("\\0")?,
            c if is_invisible(c) => write!(out, "\\u{{{:x}}}", u32::from(c))?,
            c => out.write_char(c)?,
        }
    }
    out.write_str("\"]")
}

/// Appends `key` to a path written as text, as [`Path`]'s Display does.
pub fn push_key(path: &mut String, key: &str) {
    if !is_plain_key(key) {
        let _ = write_quoted(path, key);
    } else {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_key_reads_as_debug_writes_it() {
        for key in [
            "",
            "a.b",
            "a b",
            "say \"hi\"",
            "back\\slash",
            "tab\tnew\nline",
            "\u{202e} rtl",
            "zero\u{200b} width",
            "é ü",
            "ctl\u{1}",
        ] {
            let mut path = String::new();
            push_key(&mut path, key);
            assert_eq!(path, format!("[{key:?}]"), "{key}");
        }
    }
}
