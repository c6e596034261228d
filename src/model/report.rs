//! What checking a sheet found, and how it is written for people and their
//! tools: one compiler-style line per problem and a one-line summary. The
//! CLI prints these; keeping them here lets them be tested without starting
//! a process.

use super::error::{Problem, Severity, SheetError};
use super::sheet::Sheet;

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

    /// The problems publishing refuses: the errors, and the warnings to fix
    /// before publishing.
    pub fn publishing_blockers(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.blocks_publishing())
    }

    /// `ok`, `ok, 1 warning`, `2 errors` or `2 errors, 1 warning`.
    pub fn summary(&self) -> String {
        summary(self.errors().count(), self.warnings().count())
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

/// One problem as a compiler would print it:
/// `FILE:LINE:COL: error: path: message`, without `:LINE:COL` when the
/// position is unknown and without `path: ` when the problem concerns the
/// whole text (a syntax error).
pub fn problem_line(file: &str, problem: &Problem) -> String {
    let location = match problem.pos {
        Some(pos) => format!("{file}:{}:{}", pos.line, pos.column),
        None => file.to_owned(),
    };
    let severity = match problem.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    if problem.path.is_empty() {
        format!("{location}: {severity}: {}", problem.message)
    } else {
        format!("{location}: {severity}: {}: {}", problem.path, problem.message)
    }
}

/// `ok`, `ok, 1 warning`, `2 errors` or `2 errors, 1 warning`.
pub fn summary(errors: usize, warnings: usize) -> String {
    let mut parts = Vec::new();
    if errors == 0 {
        parts.push("ok".to_owned());
    } else {
        parts.push(plural(errors, "error"));
    }
    if warnings > 0 {
        parts.push(plural(warnings, "warning"));
    }
    parts.join(", ")
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::Pos;

    fn report(errors: usize, warnings: usize) -> Report {
        let mut problems = vec![Problem::error("id", "is empty"); errors];
        problems.extend(vec![Problem::warning("id", "advice"); warnings]);
        Report {
            sheet: None,
            problems,
        }
    }

    #[test]
    fn the_summary_counts_errors_and_warnings() {
        assert_eq!(report(0, 0).summary(), "ok");
        assert_eq!(report(0, 1).summary(), "ok, 1 warning");
        assert_eq!(report(1, 0).summary(), "1 error");
        assert_eq!(report(2, 3).summary(), "2 errors, 3 warnings");
    }

    #[test]
    fn a_problem_line_has_file_position_severity_path_and_message() {
        let at = Pos { line: 4, column: 27 };
        let error = Problem::error("cards[0].id", "is empty").at(at);
        assert_eq!(
            problem_line("a.json", &error),
            "a.json:4:27: error: cards[0].id: is empty"
        );
        let warning = Problem::warning("sources[1]", "not cited");
        assert_eq!(
            problem_line("a.json", &warning),
            "a.json: warning: sources[1]: not cited"
        );
        let syntax = Problem::error("", "unterminated string").at(at);
        assert_eq!(
            problem_line("<stdin>", &syntax),
            "<stdin>:4:27: error: unterminated string"
        );
    }
}
