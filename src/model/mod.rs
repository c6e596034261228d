//! The story sheet: its types, how text becomes a sheet, and its rules.
//!
//! Pure Rust (std + serde): no browser crates, so all of it is tested natively
//! and reused by the editor CLI.

mod decode;
pub mod error;
pub mod formats;
pub mod json;
pub mod limits;
pub mod map;
mod path;
pub mod places;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod sheet;
mod suggest;
mod validate;

pub use error::{Problem, Severity, SheetError};
pub use formats::{check_url, parse_iso_date};
pub use map::{Outline, ViewBox, WorldShapes};
pub use places::World;
pub use sheet::{Card, Category, Correction, Fact, FormatVersion, Sheet, Source, Status};
pub use suggest::quoted_list;

/// Everything known about a sheet after checking it: the sheet if it has no
/// errors, and every problem found (errors and warnings) in document order.
#[derive(Debug, Clone)]
pub struct Report {
    pub sheet: Option<Sheet>,
    pub problems: Vec<Problem>,
}

impl Report {
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.severity == Severity::Warning)
    }

    /// The sheet, or every error if there is any.
    pub fn into_result(self) -> Result<Sheet, SheetError> {
        let errors: Vec<Problem> = self
            .problems
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        match self.sheet {
            Some(sheet) if errors.is_empty() => Ok(sheet),
            _ => Err(SheetError { problems: errors }),
        }
    }
}

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

/// Decodes and validates a parsed tree: limits first, then the shape, then
/// the rules.
fn check_tree(root: &json::Node) -> Report {
    let mut problems = Vec::new();
    limits::check_tree(root, &mut problems);
    if !problems.is_empty() {
        return Report {
            sheet: None,
            problems,
        };
    }
    let sheet = decode::decode_sheet(root, &mut problems);
    if let Some(sheet) = &sheet {
        validate::validate(sheet, root, &mut problems);
    }
    let has_errors = problems.iter().any(|p| p.severity == Severity::Error);
    Report {
        sheet: if has_errors { None } else { sheet },
        problems,
    }
}

/// Parses and checks a sheet: the sheet, or every error in it.
pub fn parse_sheet(text: &str) -> Result<Sheet, SheetError> {
    check(text).into_result()
}
