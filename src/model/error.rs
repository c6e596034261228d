//! Problems found in a sheet: what is wrong, where, and how serious it is.

use std::fmt;

use super::json::Pos;

/// An error stops the sheet from being shown; a warning is advice for the
/// editor (the CLI prints it, the widget does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, with the JSON path it concerns (`cards[2].facts[0]`) and,
/// when the sheet came from text, the line and column where that value starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub path: String,
    pub message: String,
    pub pos: Option<Pos>,
    /// A warning while the sheet is written that publishing refuses: a
    /// claim that names no claimant would reach readers as fact.
    pub before_publishing: bool,
}

impl Problem {
    /// An error at `path` (empty for the whole text), with no position yet.
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Error,
            path: path.into(),
            message: message.into(),
            pos: None,
            before_publishing: false,
        }
    }

    /// A warning at `path`, with no position yet.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(path, message)
        }
    }

    /// A warning at `path` that must be fixed before the sheet is published.
    pub fn warning_before_publishing(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            before_publishing: true,
            ..Problem::warning(path, message)
        }
    }

    /// Whether publishing refuses the sheet while this problem is in it:
    /// every error, and the warnings to fix before publishing.
    pub fn blocks_publishing(&self) -> bool {
        self.severity == Severity::Error || self.before_publishing
    }

    /// The same problem, placed at `pos` in the text.
    pub fn at(self, pos: Pos) -> Self {
        Problem {
            pos: Some(pos),
            ..self
        }
    }
}

impl fmt::Display for Problem {
    /// `cards[2].facts[0].sources[1]: unknown source "s9" (known: "article")`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            match self.pos {
                Some(pos) => write!(f, "{pos}: {}", self.message),
                None => f.write_str(&self.message),
            }
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Why a sheet could not be used: every error found, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetError {
    pub problems: Vec<Problem>,
}

impl SheetError {
    pub fn single(path: impl Into<String>, message: impl Into<String>) -> Self {
        SheetError {
            problems: vec![Problem::error(path, message)],
        }
    }
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problems.len();
        write!(
            f,
            "the sheet has {count} problem{}",
            if count == 1 { "" } else { "s" }
        )?;
        for problem in &self.problems {
            write!(f, "\n- {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for SheetError {}
