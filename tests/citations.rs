//! Source marks: the label each fact shows for its sources, the rules on
//! labels, what a source's entry says it backs, and the marks in the
//! rendered deck (live markup and the no-JS fallback).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use common::{VALID, errors, with};
use factcards::i18n::UiLang;
use factcards::model::{SourceMarks, card_sources, facts_citing, parse_sheet};
use factcards::ssr::render_deck;
use factcards::{BUNDLED_SHEET, FactDeckProps};

fn marks_of(text: &str) -> Vec<String> {
    let sheet = parse_sheet(text).expect("valid");
    SourceMarks::new(&sheet).labels().to_vec()
}

#[test]
fn unlabelled_sources_are_numbered_by_first_citation() {
    assert_eq!(marks_of(VALID), ["1", "2"]);
    // "report" is cited first once the claims card comes first.
    let text = with(
        r#"{"id": "origins", "label": "Origins"},
    {"id": "claims", "label": "Claims", "description": "Who says what."}"#,
        r#"{"id": "claims", "label": "Claims", "description": "Who says what."},
    {"id": "origins", "label": "Origins"}"#,
    );
    let text = text.replace(
        r#""sources": ["article", "report"]"#,
        r#""sources": ["report", "article"]"#,
    );
    assert_eq!(marks_of(&text), ["2", "1"]);
}

#[test]
fn labels_replace_numbers_and_the_others_count_on_without_them() {
    let text = with(
        r#"{"id": "article", "title": "The article","#,
        r#"{"id": "article", "title": "The article", "label": "AP","#,
    );
    assert_eq!(marks_of(&text), ["AP", "1"]);
}

#[test]
fn uncited_sources_come_after_the_cited_ones() {
    let text = with(
        r#"{"id": "report", "title": "A report""#,
        r#"{"id": "spare", "title": "Not cited"}, {"id": "report", "title": "A report""#,
    );
    assert_eq!(marks_of(&text), ["1", "3", "2"]);
}

#[test]
fn a_label_must_be_short() {
    let text = with(
        r#"{"id": "article", "title": "The article","#,
        r#"{"id": "article", "title": "The article", "label": "Associated Press","#,
    );
    assert_eq!(
        errors(&text),
        [
            "sources[0].label: \"Associated Press\" is too long for a source mark: use at most 12 characters, such as \"AP\" or \"UN\""
        ]
    );
}

#[test]
fn two_sources_cannot_show_the_same_mark() {
    let text = with(
        r#"{"id": "report", "title": "A report","#,
        r#"{"id": "report", "title": "A report", "label": "1","#,
    );
    assert_eq!(
        errors(&text),
        [
            "sources[1].label: source \"report\" would show the mark \"1\", which source \"article\" already shows: give each source its own label"
        ]
    );
}

#[test]
fn a_label_cannot_be_blank() {
    let text = with(
        r#"{"id": "article", "title": "The article","#,
        r#"{"id": "article", "title": "The article", "label": " ","#,
    );
    assert_eq!(errors(&text), ["sources[0].label: is only whitespace"]);
}

#[test]
fn the_credit_line_is_text() {
    let text = with(
        r#""updated": "2024-03-23","#,
        r#""updated": "2024-03-23", "credit": "","#,
    );
    assert_eq!(errors(&text), ["credit: is empty"]);
    let text = with(
        r#""updated": "2024-03-23","#,
        r#""updated": "2024-03-23", "credit": "Graphic: A. Editor","#,
    );
    assert_eq!(
        parse_sheet(&text).unwrap().credit.as_deref(),
        Some("Graphic: A. Editor")
    );
}

#[test]
fn a_card_lists_its_sources_once_and_says_which_facts_each_backs() {
    let sheet = parse_sheet(VALID).unwrap();
    let claim = &sheet.cards[1];
    assert_eq!(card_sources(claim), ["article", "report"]);
    assert_eq!(facts_citing(claim, "report"), [0]);
    let strings = UiLang::En.strings();
    assert_eq!(strings.cited_for(&[0], 1), "For the fact above");
    assert_eq!(strings.cited_for(&[0, 1, 2], 3), "For every fact above");
    assert_eq!(strings.cited_for(&[1], 3), "For fact 2");
    assert_eq!(strings.cited_for(&[0, 2, 3], 4), "For facts 1, 3 and 4");
    assert_eq!(UiLang::Ru.strings().cited_for(&[0, 2], 3), "Для фактов 1 и 3");
}

#[test]
fn every_fact_of_the_bundled_story_ends_with_its_source_marks() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let html = render_deck(FactDeckProps::for_sheet(Rc::new(sheet.clone())));
    let facts: usize = sheet.cards.iter().map(|card| card.facts.len()).sum();
    let citations: usize = sheet
        .cards
        .iter()
        .flat_map(|card| &card.facts)
        .map(|fact| fact.sources.len())
        .sum();
    assert_eq!(html.matches("<span class=\"fc-cites\">").count(), facts);
    // Every citation of the bundled story gives its excerpt, so each mark
    // opens it (render.rs); the card's own list still has each entry, and
    // the entry says what it backs.
    assert_eq!(
        html.matches("class=\"fc-cite fc-cite--excerpt\"").count(),
        citations
    );
    let card = &sheet.cards[0];
    let entry = format!("source0:{}/{}", sheet.id, card.id);
    assert!(html.contains(&format!("id=\"{entry}\"")));
    assert!(html.contains("<span class=\"fc-sources__backs\">"));
    assert!(html.contains("<span class=\"fc-visually-hidden\">source </span>1"));
}
