//! The story sheet: its types, how text becomes a sheet, and its rules.
//!
//! Pure Rust (std + serde): no browser crates, so all of it is tested natively
//! and reused by the editor CLI.

pub mod case;
pub mod citations;
mod decode;
pub mod diff;
pub mod error;
pub mod excerpts;
pub mod formats;
mod id_set;
pub mod json;
pub mod limits;
pub mod map;
mod path;
pub mod places;
pub mod report;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod sheet;
pub mod source_urls;
#[cfg(any(feature = "csv", not(target_arch = "wasm32")))]
pub mod spreadsheet;
mod suggest;
mod validate;

pub use citations::{SourceMarks, card_sources, facts_citing};
pub use diff::{DiffError, SheetDiff, apply, diff};
pub use error::{Problem, Severity, SheetError};
pub use formats::{check_url, parse_iso_date};
pub use id_set::IdSet;
pub use map::{Outline, ViewBox, WorldShapes};
pub use places::World;
pub use report::Report;
pub use sheet::{
    Card, Category, Citation, Correction, Fact, FormatVersion, MAP_LATITUDES, MAX_REFRESH_SECONDS,
    MIN_REFRESH_SECONDS, Point, Sheet, Source, Status,
};
pub use source_urls::{check_source_url, is_source_link, resolve_source_url};
pub use suggest::quoted_list;

/// Parses, decodes and validates a sheet from JSON text.
pub fn check(text: &str) -> Report {
    if let Some(too_big) = limits::check_size(text) {
        return Report {
            sheet: None,
            problems: vec![too_big],
        };
    }
    match json::parse(text) {
        Ok(root) => check_tree(&root),
        Err(syntax) => Report {
            sheet: None,
            problems: vec![Problem::error("", syntax.message).at(syntax.pos)],
        },
    }
}

/// Checks a sheet given as bytes, as read from a file. JSON must be UTF-8;
/// other bytes are an error at the first one that is not, like a syntax
/// error.
pub fn check_bytes(bytes: &[u8]) -> Report {
    match std::str::from_utf8(bytes) {
        Ok(text) => check(text),
        Err(error) => {
            let valid = String::from_utf8_lossy(&bytes[..error.valid_up_to()]);
            let message = "the file is not UTF-8 text: save it as UTF-8";
            Report {
                sheet: None,
                problems: vec![Problem::error("", message).at(end_position(&valid))],
            }
        }
    }
}

/// The position just after `text`, counted as the JSON parser counts: lines
/// end at `\n`, columns are characters, a byte order mark is not counted.
fn end_position(text: &str) -> json::Pos {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (lines_before, last_line) = match text.rsplit_once('\n') {
        Some((before, last)) => (before.matches('\n').count() + 1, last),
        None => (0, text),
    };
    json::Pos {
        line: u32::try_from(lines_before + 1).unwrap_or(u32::MAX),
        column: u32::try_from(last_line.chars().count() + 1).unwrap_or(u32::MAX),
    }
}

/// Decodes and validates a parsed tree: limits first, then the shape and the
/// rules in one pass, so that every problem is found at once.
fn check_tree(root: &json::Node) -> Report {
    let mut problems = Vec::new();
    limits::check_tree(root, &mut problems);
    if !problems.is_empty() {
        return Report {
            sheet: None,
            problems,
        };
    }
    let sheet = decode::decode_sheet(root, &mut problems).map(|(sheet, gaps)| {
        validate::validate(&sheet, &gaps, Some(root), &mut problems);
        sheet
    });
    // Shape and rule problems together, in the order of the text, as an
    // editor reads it (the sort is stable: problems at one place keep the
    // order they were found in).
    problems.sort_by_key(|problem| problem.pos.map(|pos| (pos.line, pos.column)));
    let has_errors = problems.iter().any(|p| p.severity == Severity::Error);
    Report {
        sheet: if has_errors { None } else { sheet },
        problems,
    }
}

/// The sheet in `text` as far as it decodes, even with errors in its values
/// (an unknown source id, an empty title), for an editor to open and fix;
/// `None` if the text is not JSON or not shaped like a sheet at all.
pub fn decode_lenient(text: &str) -> Option<Sheet> {
    let root = json::parse(text).ok()?;
    decode::decode_sheet(&root, &mut Vec::new()).map(|(sheet, _)| sheet)
}

/// Parses and checks a sheet: the sheet, or every error in it.
pub fn parse_sheet(text: &str) -> Result<Sheet, SheetError> {
    check(text).into_result()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only_problem(report: &Report) -> (&str, Option<(u32, u32)>) {
        let [problem] = report.problems.as_slice() else {
            panic!("expected one problem, got {:?}", report.problems);
        };
        let pos = problem.pos.map(|pos| (pos.line, pos.column));
        (problem.message.as_str(), pos)
    }

    #[test]
    fn bytes_that_are_not_utf8_are_an_error_where_they_start() {
        // "café" saved as Latin-1, on the second line.
        let report = check_bytes(b"{\n  \"title\": \"caf\xe9\"\n}");
        assert!(report.sheet.is_none());
        assert_eq!(
            only_problem(&report),
            ("the file is not UTF-8 text: save it as UTF-8", Some((2, 16)))
        );
    }

    #[test]
    fn columns_count_characters_and_skip_a_byte_order_mark() {
        let mut bytes = "\u{feff}\"é".as_bytes().to_vec();
        bytes.push(0xff);
        assert_eq!(only_problem(&check_bytes(&bytes)).1, Some((1, 3)));
    }

    #[test]
    fn utf8_bytes_are_checked_as_text() {
        let report = check_bytes(b"[]");
        assert_eq!(
            only_problem(&report),
            ("expected an object, found an array", Some((1, 1)))
        );
    }
}
