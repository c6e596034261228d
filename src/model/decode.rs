//! Reads a parsed JSON tree into the sheet types, reporting every problem.
//!
//! serde stops at the first error; an editor fixing a sheet wants them all at
//! once, each with its path. So each object is read field by field: unknown
//! and misspelt keys, duplicate keys, wrong types and missing fields are all
//! collected, and decoding goes on past them. A value that cannot be read
//! becomes a placeholder (an empty text, an empty list, a blank item), so the
//! rest of the sheet still decodes and the rules can run on it; its path is
//! kept in [`Gaps`] so that the rules skip what they would only misjudge.

use super::error::Problem;
use super::formats::parse_decimal;
use super::id_set::IdSet;
use super::json::{Node, Pos, Value};
use super::path::Path;
use super::sheet::{
    Card, Category, Citation, Correction, Fact, FormatVersion, Point, SUPPORTED_VERSIONS, Sheet, Source,
    Status,
};
use super::suggest::{quoted_list, suggest};

/// The places where decoding put a placeholder because the value was
/// missing, of the wrong type or unknown (a status). A rule that reads a
/// value at or under one of them would report a follow-on of a problem
/// already reported, so it is skipped.
#[derive(Debug, Default)]
pub struct Gaps {
    /// Paths as `Path` writes them: `cards[1].facts[0].status`.
    paths: IdSet,
}

impl Gaps {
    fn add(&mut self, path: &Path) {
        self.add_path(path.to_string());
    }

    /// A gap at a path written as text, for sheets built from other sources
    /// (a spreadsheet).
    pub fn add_path(&mut self, path: String) {
        self.paths.insert(path);
    }

    /// Whether `path`, or a value that holds it, was not decoded.
    pub fn covers(&self, path: &Path) -> bool {
        // A clean sheet has no gaps: no path is written out.
        !self.paths.is_empty() && path.ancestry().any(|step| self.paths.contains(&step.to_string()))
    }
}

/// Decodes a whole sheet, with placeholders where values could not be read.
/// Returns `None` only if there is nothing to decode: the text is not an
/// object, or its format version is one this build cannot read. The reasons
/// are in `problems` either way.
pub fn decode_sheet(root: &Node, problems: &mut Vec<Problem>) -> Option<(Sheet, Gaps)> {
    let mut d = Decoder {
        problems,
        gaps: Gaps::default(),
    };
    let path = Path::Root;
    let fields = d.object(
        root,
        &path,
        &[
            "factcards",
            "id",
            "title",
            "summary",
            "lang",
            "updated",
            "refresh",
            "sources",
            "categories",
            "cards",
            "corrections",
            "credit",
        ],
    )?;
    // The version decides how to read the rest, so an unknown version is the
    // only problem worth reporting.
    let version = d.version(fields, &path);
    if version.is_none() && fields.get("factcards").is_some() {
        return None;
    }
    let sheet = Sheet {
        factcards: version.unwrap_or(FormatVersion(SUPPORTED_VERSIONS[0])),
        id: d.string(fields, &path, "id"),
        title: d.string(fields, &path, "title"),
        summary: d.string(fields, &path, "summary"),
        lang: d.string(fields, &path, "lang"),
        updated: d.string(fields, &path, "updated"),
        refresh: d.seconds(fields, &path, "refresh"),
        sources: d.list(fields, &path, "sources", Decoder::source),
        categories: d.list(fields, &path, "categories", Decoder::category),
        cards: d.list(fields, &path, "cards", Decoder::card),
        corrections: d.optional_list(fields, &path, "corrections", Decoder::correction),
        credit: d.optional_string(fields, &path, "credit"),
    };
    Some((sheet, d.gaps))
}

struct Decoder<'p> {
    problems: &'p mut Vec<Problem>,
    gaps: Gaps,
}

impl<'p> Decoder<'p> {
    fn report(&mut self, path: &Path, pos: Pos, message: String) {
        self.problems
            .push(Problem::error(path.to_string(), message).at(pos));
    }

    fn wrong_type(&mut self, path: &Path, node: &Node, expected: &str) {
        let message = format!("expected {expected}, found {}", node.value.kind());
        self.report(path, node.pos, message);
    }

    /// Checks that `node` is an object whose keys are all in `known`, and
    /// returns it for its fields to be read.
    fn object<'n>(&mut self, node: &'n Node, path: &Path, known: &[&str]) -> Option<&'n Node> {
        let Some(members) = node.as_object() else {
            self.wrong_type(path, node, "an object");
            return None;
        };
        for (index, member) in members.iter().enumerate() {
            let key_path = path.key(&member.key);
            if !known.contains(&member.key.as_str()) {
                let message = match suggest(&member.key, known) {
                    Some(near) => format!("unknown field \"{}\" (did you mean \"{near}\"?)", member.key),
                    None => format!(
                        "unknown field \"{}\" (known fields: {})",
                        member.key,
                        quoted_list(known.iter().copied())
                    ),
                };
                self.report(&key_path, member.key_pos, message);
            } else if members[..index].iter().any(|earlier| earlier.key == member.key) {
                let message = format!("duplicate field \"{}\"", member.key);
                self.report(&key_path, member.key_pos, message);
            }
        }
        Some(node)
    }

    fn missing(&mut self, fields: &Node, path: &Path, key: &str) {
        let message = format!("missing field \"{key}\"");
        self.report(path, fields.pos, message);
    }

    fn version(&mut self, fields: &Node, path: &Path) -> Option<FormatVersion> {
        let Some(node) = fields.get("factcards") else {
            let message = format!(
                "missing field \"factcards\" (the format version; supported: {})",
                version_list()
            );
            self.report(path, fields.pos, message);
            return None;
        };
        let path = path.key("factcards");
        let supported = match &node.value {
            Value::Number(raw) => SUPPORTED_VERSIONS.iter().find(|v| v.to_string() == *raw),
            _ => None,
        };
        match supported {
            Some(&version) => Some(FormatVersion(version)),
            None => {
                let found = match &node.value {
                    Value::Number(raw) => raw.clone(),
                    other => other.kind().to_owned(),
                };
                let message = format!(
                    "unsupported format version {found} (supported: {})",
                    version_list()
                );
                self.report(&path, node.pos, message);
                None
            }
        }
    }

    /// The value of a required field, or `None` (reported, and a gap) if
    /// it is missing.
    fn required<'n>(&mut self, fields: &'n Node, path: &Path, key: &str) -> Option<&'n Node> {
        let node = fields.get(key);
        if node.is_none() {
            self.missing(fields, path, key);
            self.gaps.add(&path.key(key));
        }
        node
    }

    /// A required text; `""` in its place if it is missing or not a string.
    fn string(&mut self, fields: &Node, path: &Path, key: &str) -> String {
        self.required(fields, path, key)
            .and_then(|node| self.text(node, &path.key(key)))
            .unwrap_or_default()
    }

    /// An optional text: absent is fine, `null` is not (omit the field).
    fn optional_string(&mut self, fields: &Node, path: &Path, key: &str) -> Option<String> {
        self.text(fields.get(key)?, &path.key(key))
    }

    /// An optional whole number of seconds, such as `120`. Its range is a
    /// rule (validate.rs); here only its type.
    fn seconds(&mut self, fields: &Node, path: &Path, key: &str) -> Option<u32> {
        let node = fields.get(key)?;
        let path = path.key(key);
        let Value::Number(raw) = &node.value else {
            self.wrong_type(&path, node, "a number of seconds");
            self.gaps.add(&path);
            return None;
        };
        // Digits only: no fraction, exponent or sign. A huge number is read
        // as the largest, which the rules then call too long.
        if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
            let message = format!("expected a whole number of seconds, such as 120, found {raw}");
            self.report(&path, node.pos, message);
            self.gaps.add(&path);
            return None;
        }
        Some(raw.parse().unwrap_or(u32::MAX))
    }

    /// A list item that must be text; `""` in its place if it is not.
    fn string_value(&mut self, node: &Node, path: &Path) -> String {
        self.text(node, path).unwrap_or_default()
    }

    /// The text of a string node, or `None` (reported, and a gap).
    fn text(&mut self, node: &Node, path: &Path) -> Option<String> {
        let text = node.as_str().map(str::to_owned);
        if text.is_none() {
            self.wrong_type(path, node, "a string");
            self.gaps.add(path);
        }
        text
    }

    /// A required list; empty in its place if it is missing or not a list.
    fn list<T>(&mut self, fields: &Node, path: &Path, key: &str, item: Item<'p, T>) -> Vec<T> {
        if fields.get(key).is_none() {
            self.missing(fields, path, key);
            self.gaps.add(&path.key(key));
            return Vec::new();
        }
        self.optional_list(fields, path, key, item)
    }

    /// Reads every item even after a bad one, so all problems are reported;
    /// a bad item keeps its place (as a placeholder), so the paths of the
    /// items after it stay right.
    fn optional_list<T>(&mut self, fields: &Node, path: &Path, key: &str, item: Item<'p, T>) -> Vec<T> {
        let Some(node) = fields.get(key) else {
            return Vec::new();
        };
        let path = path.key(key);
        let Some(nodes) = node.as_array() else {
            self.wrong_type(&path, node, "an array");
            self.gaps.add(&path);
            return Vec::new();
        };
        nodes
            .iter()
            .enumerate()
            .map(|(index, node)| item(self, node, &path.index(index)))
            .collect()
    }

    /// The object's fields, or `None` (and a gap for the whole item) if it is
    /// not an object.
    fn item<'n>(&mut self, node: &'n Node, path: &Path, known: &[&str]) -> Option<&'n Node> {
        let fields = self.object(node, path, known);
        if fields.is_none() {
            self.gaps.add(path);
        }
        fields
    }

    fn source(&mut self, node: &Node, path: &Path) -> Source {
        let Some(fields) = self.item(
            node,
            path,
            &["id", "title", "label", "publisher", "url", "published"],
        ) else {
            return Source {
                id: String::new(),
                title: String::new(),
                label: None,
                publisher: None,
                url: None,
                published: None,
            };
        };
        Source {
            id: self.string(fields, path, "id"),
            title: self.string(fields, path, "title"),
            label: self.optional_string(fields, path, "label"),
            publisher: self.optional_string(fields, path, "publisher"),
            url: self.optional_string(fields, path, "url"),
            published: self.optional_string(fields, path, "published"),
        }
    }

    fn category(&mut self, node: &Node, path: &Path) -> Category {
        let Some(fields) = self.item(node, path, &["id", "label", "description"]) else {
            return Category {
                id: String::new(),
                label: String::new(),
                description: None,
            };
        };
        Category {
            id: self.string(fields, path, "id"),
            label: self.string(fields, path, "label"),
            description: self.optional_string(fields, path, "description"),
        }
    }

    fn card(&mut self, node: &Node, path: &Path) -> Card {
        let known = ["id", "category", "title", "facts", "regions", "points"];
        let Some(fields) = self.item(node, path, &known) else {
            return Card {
                id: String::new(),
                category: String::new(),
                title: String::new(),
                facts: Vec::new(),
                regions: Vec::new(),
                points: Vec::new(),
            };
        };
        Card {
            id: self.string(fields, path, "id"),
            category: self.string(fields, path, "category"),
            title: self.string(fields, path, "title"),
            facts: self.list(fields, path, "facts", Decoder::fact),
            regions: self.optional_list(fields, path, "regions", Decoder::string_value),
            points: self.optional_list(fields, path, "points", Decoder::point),
        }
    }

    fn point(&mut self, node: &Node, path: &Path) -> Point {
        let fields = self.item(node, path, &["name", "lat", "lon"]);
        let Some(fields) = fields else {
            return Point {
                name: String::new(),
                lat: 0.0,
                lon: 0.0,
            };
        };
        Point {
            name: self.string(fields, path, "name"),
            lat: self.degrees(fields, path, "lat"),
            lon: self.degrees(fields, path, "lon"),
        }
    }

    /// A required number of degrees; 0 in its place if it is missing or not
    /// a number. Its range is a rule (validate.rs).
    fn degrees(&mut self, fields: &Node, path: &Path, key: &str) -> f64 {
        let Some(node) = self.required(fields, path, key) else {
            return 0.0;
        };
        let path = path.key(key);
        match &node.value {
            // The parser only lets valid JSON numbers through, and every one
            // of those reads as an f64 (a huge one as infinity, off the map).
            Value::Number(raw) => parse_decimal(raw).unwrap_or(f64::INFINITY),
            _ => {
                self.wrong_type(&path, node, "a number of degrees");
                self.gaps.add(&path);
                0.0
            }
        }
    }

    fn fact(&mut self, node: &Node, path: &Path) -> Fact {
        let known = ["id", "text", "status", "sources", "attribution", "quote"];
        let Some(fields) = self.item(node, path, &known) else {
            return Fact {
                id: None,
                text: String::new(),
                status: PLACEHOLDER_STATUS,
                sources: Vec::new(),
                attribution: None,
                quote: None,
            };
        };
        Fact {
            id: self.optional_string(fields, path, "id"),
            text: self.string(fields, path, "text"),
            status: self.status(fields, path),
            sources: self.list(fields, path, "sources", Decoder::citation),
            attribution: self.optional_string(fields, path, "attribution"),
            quote: self.optional_string(fields, path, "quote"),
        }
    }

    /// A cited source: its id as a string, or `{ "source", "excerpt" }`.
    fn citation(&mut self, node: &Node, path: &Path) -> Citation {
        match &node.value {
            Value::String(id) => Citation::new(id.as_str()),
            Value::Object(_) => {
                let fields = self.item(node, path, &["source", "excerpt"]);
                let Some(fields) = fields else {
                    return Citation::new("");
                };
                Citation {
                    source: self.string(fields, path, "source"),
                    excerpt: self.optional_string(fields, path, "excerpt"),
                }
            }
            _ => {
                self.wrong_type(
                    path,
                    node,
                    "a source id or an object with \"source\" and \"excerpt\"",
                );
                self.gaps.add(path);
                Citation::new("")
            }
        }
    }

    fn status(&mut self, fields: &Node, path: &Path) -> Status {
        let status_path = path.key("status");
        let Some(node) = self.required(fields, path, "status") else {
            return PLACEHOLDER_STATUS;
        };
        let Some(name) = self.text(node, &status_path) else {
            return PLACEHOLDER_STATUS;
        };
        if let Some(status) = Status::from_name(&name) {
            return status;
        }
        self.report(&status_path, node.pos, unknown_status(&name));
        self.gaps.add(&status_path);
        PLACEHOLDER_STATUS
    }

    fn correction(&mut self, node: &Node, path: &Path) -> Correction {
        let Some(fields) = self.item(node, path, &["date", "text", "card"]) else {
            return Correction {
                date: String::new(),
                text: String::new(),
                card: None,
            };
        };
        Correction {
            date: self.string(fields, path, "date"),
            text: self.string(fields, path, "text"),
            card: self.optional_string(fields, path, "card"),
        }
    }
}

/// How one item of a list is read.
type Item<'p, T> = fn(&mut Decoder<'p>, &Node, &Path) -> T;

/// What stands in for a status that could not be read; never judged, since
/// its path is a gap.
const PLACEHOLDER_STATUS: Status = Status::Confirmed;

/// `unknown status "confimed" (did you mean "confirmed"?)`, or the list.
pub fn unknown_status(name: &str) -> String {
    let names: Vec<&str> = Status::ALL.iter().map(|status| status.as_str()).collect();
    match suggest(name, &names) {
        Some(near) => format!("unknown status \"{name}\" (did you mean \"{near}\"?)"),
        None => format!(
            "unknown status \"{name}\" (expected one of: {})",
            quoted_list(names.iter().copied())
        ),
    }
}

fn version_list() -> String {
    SUPPORTED_VERSIONS
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
