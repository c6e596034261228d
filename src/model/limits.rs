//! Limits on a sheet's size, enforced before the work they guard: the byte
//! size before parsing, counts and text lengths on the parsed tree before
//! decoding and rendering. A sheet can come from any URL, and the widget runs
//! inside someone else's page: an oversized sheet gets a clear error instead
//! of a memory blow-up or a frozen tab. docs/format.md lists them.

use std::fmt::Write as _;

use super::error::Problem;
use super::json::{Node, Value};
use super::path::push_key;

/// The largest sheet, in bytes of JSON text (4 MiB).
pub const MAX_SHEET_BYTES: usize = 4 * 1024 * 1024;
/// The most cards a sheet may have.
pub const MAX_CARDS: usize = 1_000;
/// The most facts, across all cards.
pub const MAX_FACTS: usize = 10_000;
/// The most facts on one card.
pub const MAX_FACTS_PER_CARD: usize = 100;
/// The most sources.
pub const MAX_SOURCES: usize = 500;
/// The most categories.
pub const MAX_CATEGORIES: usize = 50;
/// The most corrections.
pub const MAX_CORRECTIONS: usize = 200;
/// The longest text of any field, in characters.
pub const MAX_TEXT_CHARS: usize = 5_000;
/// The longest excerpt of a source, in characters: the passage a fact rests
/// on is a sentence or two, not the article, and the check against the saved
/// source compares it with every passage of its length.
pub const MAX_EXCERPT_CHARS: usize = 1_000;
/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 200;

/// The byte-size check, before parsing.
pub fn check_size(text: &str) -> Option<Problem> {
    (text.len() > MAX_SHEET_BYTES).then(|| {
        Problem::error(
            "",
            format!(
                "the sheet is {} bytes; the limit is {MAX_SHEET_BYTES} bytes (4 MiB)",
                text.len()
            ),
        )
    })
}

/// Counts and text lengths, on the parsed tree before it is decoded.
pub fn check_tree(root: &Node, problems: &mut Vec<Problem>) {
    if root.as_object().is_none() {
        return;
    }
    let list = |key: &str| {
        let node = root.get(key)?;
        Some((node.as_array()?, node))
    };
    let mut too_many = |key: &str, limit: usize, what: &str| {
        if let Some((items, node)) = list(key)
            && items.len() > limit
        {
            problems.push(limit_problem(
                key.to_owned(),
                node,
                format!("{} {what}; the limit is {limit}", items.len()),
            ));
        }
    };
    too_many("cards", MAX_CARDS, "cards");
    too_many("sources", MAX_SOURCES, "sources");
    too_many("categories", MAX_CATEGORIES, "categories");
    too_many("corrections", MAX_CORRECTIONS, "corrections");

    if let Some((cards, cards_node)) = list("cards") {
        let mut total = 0;
        for (index, card) in cards.iter().enumerate() {
            if let Some(facts) = card.get("facts")
                && let Some(items) = facts.as_array()
            {
                total += items.len();
                if items.len() > MAX_FACTS_PER_CARD {
                    problems.push(limit_problem(
                        format!("cards[{index}].facts"),
                        facts,
                        format!(
                            "{} facts on one card; the limit is {MAX_FACTS_PER_CARD}",
                            items.len()
                        ),
                    ));
                }
            }
        }
        if total > MAX_FACTS {
            problems.push(limit_problem(
                "cards".to_owned(),
                cards_node,
                format!("{total} facts in all; the limit is {MAX_FACTS}"),
            ));
        }
    }
    check_lengths(root, &mut String::new(), problems);
}

/// Every string in the tree, by the limit of its kind. Stops after a few
/// reports: one long text is enough to say what is wrong.
fn check_lengths(node: &Node, path: &mut String, problems: &mut Vec<Problem>) {
    const MAX_REPORTS: usize = 10;
    if problems.len() >= MAX_REPORTS {
        return;
    }
    match &node.value {
        Value::String(text) => {
            let is_id = path.ends_with(".id") || path == "id";
            let limit = if is_id {
                MAX_ID_CHARS
            } else if path.ends_with(".excerpt") {
                MAX_EXCERPT_CHARS
            } else {
                MAX_TEXT_CHARS
            };
            // Counting characters is linear; bytes bound it first.
            if text.len() > limit && text.chars().count() > limit {
                problems.push(limit_problem(
                    path.clone(),
                    node,
                    format!(
                        "the text is {} characters; the limit is {limit}",
                        text.chars().count()
                    ),
                ));
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let length = path.len();
                // write!, not format!: no allocation per item of a big sheet.
                let _ = write!(path, "[{index}]");
                check_lengths(item, path, problems);
                path.truncate(length);
            }
        }
        Value::Object(members) => {
            for member in members {
                let length = path.len();
                push_key(path, &member.key);
                // Keys are text too: a huge unknown key would otherwise cost
                // its spelling suggestion quadratic time.
                if member.key.len() > MAX_ID_CHARS && member.key.chars().count() > MAX_ID_CHARS {
                    problems.push(limit_problem(
                        path.clone(),
                        &member.value,
                        format!(
                            "the field name is {} characters; the limit is {MAX_ID_CHARS}",
                            member.key.chars().count()
                        ),
                    ));
                    path.truncate(length);
                    continue;
                }
                check_lengths(&member.value, path, problems);
                path.truncate(length);
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

fn limit_problem(path: String, node: &Node, message: String) -> Problem {
    Problem::error(path, message).at(node.pos)
}
