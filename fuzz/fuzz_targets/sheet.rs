//! Fuzzes the whole path from text to HTML: any bytes that are UTF-8 go
//! through `model::check`, and a sheet that passes is rendered by the same
//! server-side renderer as the no-JavaScript fallback, which must then show
//! every fact's text.
//!
//! What counts as a bug: any panic (a slice off a char boundary, an index out
//! of range, an overflow), a hang or runaway memory (libFuzzer's `-timeout`
//! and `-rss_limit_mb`), an error without a message or with a position past
//! the end of the text, or a valid sheet whose deck loses a fact.

#![no_main]

use std::rc::Rc;

use factcards::model::{self, Severity};
use factcards::ssr::{self, FallbackOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let report = model::check(text);
    // Lines as the parser counts them (only '\n' ends one); a position may
    // point just past a line's last character.
    let lines: Vec<&str> = text.split('\n').collect();
    for problem in &report.problems {
        assert!(
            !problem.message.is_empty(),
            "a problem without a message: {problem:?}"
        );
        if let Some(pos) = problem.pos {
            let line = (pos.line as usize)
                .checked_sub(1)
                .and_then(|index| lines.get(index));
            let fits =
                line.is_some_and(|line| pos.column >= 1 && pos.column as usize <= line.chars().count() + 1);
            assert!(fits, "{problem:?} is outside the text ({} lines)", lines.len());
        }
    }
    let has_errors = report.problems.iter().any(|p| p.severity == Severity::Error);
    let Some(sheet) = report.sheet else {
        assert!(has_errors, "no sheet, yet no error");
        return;
    };
    assert!(!has_errors, "a sheet came back with errors");
    let html = ssr::render_fallback(Rc::new(sheet.clone()), &FallbackOptions::default());
    for fact in sheet.cards.iter().flat_map(|card| &card.facts) {
        let escaped = escape_text(&fact.text);
        assert!(
            html.contains(&escaped),
            "fact text {:?} is missing from the deck",
            fact.text
        );
    }
});

/// Text escaped as Yew's server-side renderer writes a text node.
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
