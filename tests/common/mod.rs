//! Helpers shared by the test files, as yew's own tests share theirs: the
//! small valid sheet that each rule test breaks one thing in, edits of it and
//! of the bundled story, the problems a check finds as text, and (in the
//! browser) mounting a widget into a fresh element.
//!
//! Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

#[cfg(target_arch = "wasm32")]
pub mod browser;

use factcards::BUNDLED_SHEET;
use factcards::model::check;

/// A small valid sheet with no warnings; each test breaks one thing in it.
pub const VALID: &str = r#"{
  "factcards": 1,
  "id": "test-story",
  "title": "A test story",
  "summary": "One sentence.",
  "lang": "en",
  "updated": "2024-03-23",
  "sources": [
    {"id": "article", "title": "The article", "url": "https://example.com/a"},
    {"id": "report", "title": "A report", "url": "http://example.org/r", "published": "2024-03-22T18:05:00Z"}
  ],
  "categories": [
    {"id": "origins", "label": "Origins"},
    {"id": "claims", "label": "Claims", "description": "Who says what."}
  ],
  "cards": [
    {"id": "formed", "category": "origins", "title": "Formed in 2015",
     "facts": [{"text": "The group formed in 2015.", "status": "confirmed", "sources": ["article"]}]},
    {"id": "claim", "category": "claims", "title": "The claim",
     "facts": [{"text": "The group claimed the attack.", "status": "claimed", "sources": ["article", "report"],
                "attribution": "the group", "quote": "we did it"}]}
  ],
  "corrections": [{"date": "2024-03-24", "text": "Fixed a date.", "card": "formed"}]
}"#;

/// `VALID` with one replacement, which must apply.
pub fn with(from: &str, to: &str) -> String {
    replace_once(VALID, from, to)
}

/// The valid sheet with one more field on its first card, such as
/// `"regions": ["AF"]`.
pub fn first_card_with(field: &str) -> String {
    with(
        r#""title": "Formed in 2015","#,
        &format!(r#""title": "Formed in 2015", {field},"#),
    )
}

/// The bundled story with one replacement, which must apply.
pub fn bundled_with(from: &str, to: &str) -> String {
    replace_once(BUNDLED_SHEET, from, to)
}

fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "test setup: {from:?} not in the sheet");
    text.replacen(from, to, 1)
}

/// The errors a check of `text` finds, each as `path: message`.
pub fn errors(text: &str) -> Vec<String> {
    check(text).errors().map(ToString::to_string).collect()
}

/// The warnings a check of `text` finds, each as `path: message`.
pub fn warnings(text: &str) -> Vec<String> {
    check(text).warnings().map(ToString::to_string).collect()
}
