//! The deck's markup, rendered natively with Yew's server-side renderer.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use factcards::model::parse_sheet;
use factcards::ssr::render_deck;
use factcards::view::error_panel::{ErrorPanel, ErrorPanelProps};
use factcards::{BUNDLED_SHEET, DeckOptions, FactDeckProps};
use yew::LocalServerRenderer;

fn bundled_props() -> FactDeckProps {
    FactDeckProps::for_sheet(Rc::new(parse_sheet(BUNDLED_SHEET).unwrap()))
}

#[test]
fn every_card_and_fact_is_rendered_with_its_status_word() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let html = render_deck(bundled_props());
    assert_eq!(html.matches("<article ").count(), sheet.cards.len());
    for card in &sheet.cards {
        assert!(
            html.contains(&format!("id=\"{}/{}\"", sheet.id, card.id)),
            "card {}",
            card.id
        );
    }
    let facts = sheet.cards.iter().map(|card| card.facts.len()).sum::<usize>();
    assert_eq!(html.matches("class=\"fc-fact\"").count(), facts);
    assert!(html.contains(">Unclear</span>"));
    assert!(html.contains(">Claimed</span>"));
}

#[test]
fn cards_start_closed_with_a_disclosure_button() {
    let html = render_deck(bundled_props());
    assert!(html.contains(
        "aria-expanded=\"false\" aria-controls=\"sources:moscow-concert-hall-attack-isis-k/aims\""
    ));
    assert!(!html.contains("aria-expanded=\"true\""));
}

#[test]
fn initial_card_and_category_options_apply() {
    let props = FactDeckProps {
        options: DeckOptions {
            initial_category: Some("russia".into()),
            initial_card: Some("why-russia".into()),
            ..DeckOptions::default()
        },
        ..bundled_props()
    };
    let html = render_deck(props);
    // Cards of other categories stay in the markup, hidden.
    let shown = html
        .split("<div class=\"fc-card-slot\"")
        .skip(1)
        .filter(|tag| !tag.split('>').next().unwrap_or("").contains(" hidden"))
        .count();
    assert_eq!(shown, 1);
    assert!(html.contains("aria-expanded=\"true\""));
}

#[test]
fn text_from_json_is_escaped_not_interpreted() {
    let text = BUNDLED_SHEET.replacen(
        "Moscow concert hall attack: what we know about ISIS-K",
        "<img src=x onerror=alert(1)><script>alert(2)</script>",
        1,
    );
    let props = FactDeckProps {
        sheet: Rc::new(parse_sheet(&text).unwrap()),
        ..bundled_props()
    };
    let html = render_deck(props);
    assert!(!html.contains("<img"));
    assert!(!html.contains("<script"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
}

#[test]
fn the_russian_ui_labels_the_deck_in_russian() {
    let props = FactDeckProps {
        options: DeckOptions {
            lang: Some("ru".into()),
            ..DeckOptions::default()
        },
        ..bundled_props()
    };
    let html = render_deck(props);
    assert!(html.contains("Показать источники"));
    assert!(html.contains("Обновлено"));
    assert!(html.contains("1 декабря 2026 г."));
}

#[test]
fn the_error_panel_lists_every_problem_with_its_path() {
    let problems = parse_sheet(r#"{"factcards": 1, "id": "x"}"#)
        .unwrap_err()
        .problems;
    let html = futures::executor::block_on(
        LocalServerRenderer::<ErrorPanel>::with_props(ErrorPanelProps {
            problems,
            ui_lang: Default::default(),
        })
        .hydratable(false)
        .render(),
    );
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("These facts could not be shown"));
    assert_eq!(html.matches("<li class=\"fc-error__problem\"").count(), 7);
    assert!(html.contains("missing field \"title\""));
}
