//! Reads a parsed JSON tree into the sheet types, reporting every problem.
//!
//! serde stops at the first error; an editor fixing a sheet wants them all at
//! once, each with its path. So each object is read field by field: unknown
//! and misspelt keys, duplicate keys, wrong types and missing fields are all
//! collected, and decoding goes on past them wherever the shape allows.

use super::error::Problem;
use super::json::{Node, Pos, Value};
use super::path::Path;
use super::sheet::{
    Card, Category, Correction, Fact, FormatVersion, SUPPORTED_VERSIONS, Sheet, Source, Status,
};
use super::suggest::{quoted_list, suggest};

/// Decodes a whole sheet. Returns `None` if a required part is missing or
/// has the wrong type; the reasons are in `problems` either way.
pub fn decode_sheet(root: &Node, problems: &mut Vec<Problem>) -> Option<Sheet> {
    let mut d = Decoder { problems };
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
    let id = d.string(fields, &path, "id");
    let title = d.string(fields, &path, "title");
    let summary = d.string(fields, &path, "summary");
    let lang = d.string(fields, &path, "lang");
    let updated = d.string(fields, &path, "updated");
    let sources = d.list(fields, &path, "sources", Decoder::source);
    let categories = d.list(fields, &path, "categories", Decoder::category);
    let cards = d.list(fields, &path, "cards", Decoder::card);
    let corrections = d.optional_list(fields, &path, "corrections", Decoder::correction);
    let credit = d.optional_string(fields, &path, "credit");
    Some(Sheet {
        factcards: version?,
        id: id?,
        title: title?,
        summary: summary?,
        lang: lang?,
        updated: updated?,
        sources: sources?,
        categories: categories?,
        cards: cards?,
        corrections: corrections?.unwrap_or_default(),
        credit: credit?,
    })
}

struct Decoder<'p> {
    problems: &'p mut Vec<Problem>,
}

impl Decoder<'_> {
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

    fn string(&mut self, fields: &Node, path: &Path, key: &str) -> Option<String> {
        match fields.get(key) {
            None => {
                self.missing(fields, path, key);
                None
            }
            Some(node) => self.string_value(node, &path.key(key)),
        }
    }

    /// An optional string: absent is fine, `null` is not (omit the field).
    fn optional_string(&mut self, fields: &Node, path: &Path, key: &str) -> Option<Option<String>> {
        match fields.get(key) {
            None => Some(None),
            Some(node) => self.string_value(node, &path.key(key)).map(Some),
        }
    }

    fn string_value(&mut self, node: &Node, path: &Path) -> Option<String> {
        match node.as_str() {
            Some(text) => Some(text.to_owned()),
            None => {
                self.wrong_type(path, node, "a string");
                None
            }
        }
    }

    fn list<T>(
        &mut self,
        fields: &Node,
        path: &Path,
        key: &str,
        item: fn(&mut Self, &Node, &Path) -> Option<T>,
    ) -> Option<Vec<T>> {
        if fields.get(key).is_none() {
            self.missing(fields, path, key);
            return None;
        }
        self.optional_list(fields, path, key, item)?
    }

    /// Reads every item even after a bad one, so all problems are reported.
    fn optional_list<T>(
        &mut self,
        fields: &Node,
        path: &Path,
        key: &str,
        item: fn(&mut Self, &Node, &Path) -> Option<T>,
    ) -> Option<Option<Vec<T>>> {
        let Some(node) = fields.get(key) else {
            return Some(None);
        };
        let path = path.key(key);
        let Some(nodes) = node.as_array() else {
            self.wrong_type(&path, node, "an array");
            return None;
        };
        let items: Vec<Option<T>> = nodes
            .iter()
            .enumerate()
            .map(|(index, node)| item(self, node, &path.index(index)))
            .collect();
        items.into_iter().collect::<Option<Vec<T>>>().map(Some)
    }

    fn source(&mut self, node: &Node, path: &Path) -> Option<Source> {
        let fields = self.object(
            node,
            path,
            &["id", "title", "label", "publisher", "url", "published"],
        )?;
        let id = self.string(fields, path, "id");
        let title = self.string(fields, path, "title");
        let label = self.optional_string(fields, path, "label");
        let publisher = self.optional_string(fields, path, "publisher");
        let url = self.optional_string(fields, path, "url");
        let published = self.optional_string(fields, path, "published");
        Some(Source {
            id: id?,
            title: title?,
            label: label?,
            publisher: publisher?,
            url: url?,
            published: published?,
        })
    }

    fn category(&mut self, node: &Node, path: &Path) -> Option<Category> {
        let fields = self.object(node, path, &["id", "label", "description"])?;
        let id = self.string(fields, path, "id");
        let label = self.string(fields, path, "label");
        let description = self.optional_string(fields, path, "description");
        Some(Category {
            id: id?,
            label: label?,
            description: description?,
        })
    }

    fn card(&mut self, node: &Node, path: &Path) -> Option<Card> {
        let fields = self.object(node, path, &["id", "category", "title", "facts", "regions"])?;
        let id = self.string(fields, path, "id");
        let category = self.string(fields, path, "category");
        let title = self.string(fields, path, "title");
        let facts = self.list(fields, path, "facts", Decoder::fact);
        let regions = self.optional_list(fields, path, "regions", |d, node, path| {
            d.string_value(node, path)
        });
        Some(Card {
            id: id?,
            category: category?,
            title: title?,
            facts: facts?,
            regions: regions?.unwrap_or_default(),
        })
    }

    fn fact(&mut self, node: &Node, path: &Path) -> Option<Fact> {
        let fields = self.object(node, path, &["text", "status", "sources", "attribution", "quote"])?;
        let text = self.string(fields, path, "text");
        let status = self.status(fields, path);
        let sources = self.list(fields, path, "sources", |d, node, path| {
            d.string_value(node, path)
        });
        let attribution = self.optional_string(fields, path, "attribution");
        let quote = self.optional_string(fields, path, "quote");
        Some(Fact {
            text: text?,
            status: status?,
            sources: sources?,
            attribution: attribution?,
            quote: quote?,
        })
    }

    fn status(&mut self, fields: &Node, path: &Path) -> Option<Status> {
        let name = self.string(fields, path, "status")?;
        if let Some(status) = Status::from_name(&name) {
            return Some(status);
        }
        let names: Vec<&str> = Status::ALL.iter().map(|status| status.as_str()).collect();
        let message = match suggest(&name, &names) {
            Some(near) => format!("unknown status \"{name}\" (did you mean \"{near}\"?)"),
            None => format!(
                "unknown status \"{name}\" (expected one of: {})",
                quoted_list(names.iter().copied())
            ),
        };
        let node = fields.get("status").unwrap_or(fields);
        self.report(&path.key("status"), node.pos, message);
        None
    }

    fn correction(&mut self, node: &Node, path: &Path) -> Option<Correction> {
        let fields = self.object(node, path, &["date", "text", "card"])?;
        let date = self.string(fields, path, "date");
        let text = self.string(fields, path, "text");
        let card = self.optional_string(fields, path, "card");
        Some(Correction {
            date: date?,
            text: text?,
            card: card?,
        })
    }
}

fn version_list() -> String {
    SUPPORTED_VERSIONS
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
