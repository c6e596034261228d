//! A small JSON parser that remembers where every value starts.
//!
//! Editors need `line 12, column 5` next to every problem, not only next to
//! syntax errors, and the widget must refuse hostile input (deep nesting, lone
//! surrogates) with a clear message before it does any work. serde_json gives
//! a position only for the first error and pulls its float formatting into the
//! wasm; this parser keeps numbers as their source text (the format has one
//! number, the version) and records the position of every value and key.

use std::fmt;

/// Deepest nesting of arrays and objects accepted. A sheet needs five levels;
/// the limit stops a hostile `[[[[…` from exhausting the stack.
pub const MAX_DEPTH: usize = 32;

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// A parsed value and where it starts in the text. Every node comes from
/// [`parse`], so every node has a position.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number exactly as written, already checked against the grammar.
    Number(String),
    String(String),
    Array(Vec<Node>),
    /// Members in document order; duplicates are kept so that the decoder
    /// can report them.
    Object(Vec<Member>),
}

/// One `"key": value` of an object, with where its key starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_pos: Pos,
    pub value: Node,
}

impl Value {
    /// The JSON name of this kind of value, for messages like "expected a
    /// string, found an array".
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

impl Node {
    /// The value of `key`, if this is an object that has it. A duplicated
    /// key gives its first value (the decoder reports the duplicate).
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_object()?
            .iter()
            .find(|member| member.key == key)
            .map(|member| &member.value)
    }

    /// The members, or why not: `WHAT: expected an object, found an array`.
    /// For files the widget itself ships, whose shape is fixed.
    pub fn expect_object(&self, what: &str) -> Result<&[Member], String> {
        self.as_object()
            .ok_or_else(|| format!("{what}: expected an object, found {}", self.value.kind()))
    }

    /// The items, or why not, as [`Node::expect_object`] says it.
    pub fn expect_array(&self, what: &str) -> Result<&[Node], String> {
        self.as_array()
            .ok_or_else(|| format!("{what}: expected an array, found {}", self.value.kind()))
    }

    /// The members, if this is an object.
    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The text, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(text) => Some(text),
            _ => None,
        }
    }
}

/// A syntax error: the first place where the text stops being JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pos, self.message)
    }
}

/// Parses one JSON document. A leading byte order mark is skipped, as RFC
/// 8259 allows, because some Windows editors write one.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser = Parser {
        bytes: text.as_bytes(),
        offset: 0,
        line: 1,
        column: 1,
    };
    parser.skip_whitespace();
    if parser.peek().is_none() {
        return Err(parser.error("the document is empty: expected a JSON object"));
    }
    let node = parser.value(0)?;
    parser.skip_whitespace();
    match parser.peek() {
        None => Ok(node),
        Some(_) => Err(parser.error("unexpected text after the end of the document")),
    }
}

struct Parser<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u32,
    column: u32,
}

impl Parser<'_> {
    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.column,
        }
    }

    fn error(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            pos: self.pos(),
            message: message.into(),
        }
    }

    fn error_at(&self, pos: Pos, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            pos,
            message: message.into(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.offset).copied()
    }

    /// Moves past one byte, keeping line and column: UTF-8 continuation
    /// bytes do not start a new column.
    fn bump(&mut self) {
        if let Some(&byte) = self.bytes.get(self.offset) {
            self.offset += 1;
            if byte == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if byte & 0xC0 != 0x80 {
                self.column += 1;
            }
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.bump();
        }
    }

    fn found(&self) -> String {
        match self.peek() {
            None => "the end of the document".to_owned(),
            Some(byte) => {
                let rest = std::str::from_utf8(&self.bytes[self.offset..]).unwrap_or("");
                match rest.chars().next() {
                    Some(c) if !c.is_control() => format!("'{c}'"),
                    _ => format!("byte 0x{byte:02x}"),
                }
            }
        }
    }

    fn expect_literal(&mut self, word: &'static str, value: Value) -> Result<Value, SyntaxError> {
        let start = self.pos();
        if self.bytes[self.offset..].starts_with(word.as_bytes()) {
            for _ in 0..word.len() {
                self.bump();
            }
            Ok(value)
        } else {
            Err(self.error_at(start, format!("expected a value, found {}", self.found())))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        let pos = self.pos();
        let value = match self.peek() {
            Some(b'{') => self.object(depth + 1)?,
            Some(b'[') => self.array(depth + 1)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.expect_literal("true", Value::Bool(true))?,
            Some(b'f') => self.expect_literal("false", Value::Bool(false))?,
            Some(b'n') => self.expect_literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            _ => return Err(self.error(format!("expected a value, found {}", self.found()))),
        };
        Ok(Node { value, pos })
    }

    fn check_depth(&self, depth: usize) -> Result<(), SyntaxError> {
        if depth > MAX_DEPTH {
            Err(self.error(format!(
                "nesting is deeper than {MAX_DEPTH} levels of arrays and objects"
            )))
        } else {
            Ok(())
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.check_depth(depth)?;
        self.bump(); // {
        let mut members = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.bump();
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_whitespace();
            if self.peek() != Some(b'"') {
                let message = if self.peek() == Some(b'}') {
                    "trailing comma before '}'".to_owned()
                } else {
                    format!("expected a key in double quotes, found {}", self.found())
                };
                return Err(self.error(message));
            }
            let key_pos = self.pos();
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error(format!("expected ':' after the key, found {}", self.found())));
            }
            self.bump();
            self.skip_whitespace();
            let value = self.value(depth)?;
            members.push(Member { key, key_pos, value });
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b'}') => {
                    self.bump();
                    return Ok(Value::Object(members));
                }
                _ => {
                    return Err(self.error(format!("expected ',' or '}}', found {}", self.found())));
                }
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.check_depth(depth)?;
        self.bump(); // [
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.bump();
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_whitespace();
            if self.peek() == Some(b']') {
                return Err(self.error("trailing comma before ']'"));
            }
            items.push(self.value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b']') => {
                    self.bump();
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error(format!("expected ',' or ']', found {}", self.found()))),
            }
        }
    }

    fn number(&mut self) -> Result<String, SyntaxError> {
        let start = self.offset;
        let start_pos = self.pos();
        let invalid = |p: &Self| p.error_at(start_pos, "invalid number");
        if self.peek() == Some(b'-') {
            self.bump();
        }
        match self.peek() {
            Some(b'0') => self.bump(),
            Some(b'1'..=b'9') => {
                while let Some(b'0'..=b'9') = self.peek() {
                    self.bump();
                }
            }
            _ => return Err(invalid(self)),
        }
        if self.peek() == Some(b'.') {
            self.bump();
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(invalid(self));
            }
            while let Some(b'0'..=b'9') = self.peek() {
                self.bump();
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.bump();
            if let Some(b'+' | b'-') = self.peek() {
                self.bump();
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(invalid(self));
            }
            while let Some(b'0'..=b'9') = self.peek() {
                self.bump();
            }
        }
        // The bytes just checked are ASCII digits and signs.
        Ok(String::from_utf8_lossy(&self.bytes[start..self.offset]).into_owned())
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.bump(); // opening quote
        let mut out = String::new();
        loop {
            // Copy the longest run of plain characters in one go.
            let run_start = self.offset;
            while let Some(byte) = self.peek() {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.bump();
            }
            // The input is a &str and the run stops only at ASCII bytes, so
            // the run is valid UTF-8.
            out.push_str(std::str::from_utf8(&self.bytes[run_start..self.offset]).unwrap_or(""));
            match self.peek() {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.bump();
                    return Ok(out);
                }
                Some(b'\\') => {
                    let escape_pos = self.pos();
                    self.bump();
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.bump();
                            out.push(self.unicode_escape(escape_pos)?);
                            continue;
                        }
                        _ => {
                            return Err(self.error_at(escape_pos, "invalid escape sequence"));
                        }
                    };
                    self.bump();
                    out.push(escaped);
                }
                Some(_) => {
                    return Err(
                        self.error("control character in a string (write it as an escape such as \\n)")
                    );
                }
            }
        }
    }

    fn hex4(&mut self, escape_pos: Pos) -> Result<u32, SyntaxError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(byte @ b'0'..=b'9') => byte - b'0',
                Some(byte @ b'a'..=b'f') => byte - b'a' + 10,
                Some(byte @ b'A'..=b'F') => byte - b'A' + 10,
                _ => {
                    return Err(self.error_at(escape_pos, "invalid \\u escape: expected 4 hex digits"));
                }
            };
            code = code * 16 + u32::from(digit);
            self.bump();
        }
        Ok(code)
    }

    /// Reads the digits after `\u`, joining a surrogate pair. A lone
    /// surrogate cannot be represented as text and is an error.
    fn unicode_escape(&mut self, escape_pos: Pos) -> Result<char, SyntaxError> {
        let first = self.hex4(escape_pos)?;
        let lone = |p: &Self, code: u32| {
            p.error_at(
                escape_pos,
                format!("lone surrogate \\u{code:04x} is not a character"),
            )
        };
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.bytes[self.offset..].starts_with(b"\\u") {
                    return Err(lone(self, first));
                }
                let second_pos = self.pos();
                self.bump();
                self.bump();
                let second = self.hex4(second_pos)?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(lone(self, first));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(lone(self, first)),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| lone(self, code))
    }
}
