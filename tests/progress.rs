//! Chunked rendering of big sheets: the display order, the chunks, and the
//! deck's markup at its first render.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use factcards::model::{Sheet, parse_sheet};
use factcards::progress::{
    BACKGROUND_CHUNK_FACTS, CHUNK_FACTS, FIRST_RENDER_FACTS, RenderPace, RenderProgress, display_order,
};
use factcards::ssr::render_deck;
use factcards::state::{Action, ViewState};
use factcards::{BUNDLED_SHEET, DeckOptions, FactDeckProps};

/// A valid sheet of `cards` cards of `facts_per_card` facts each, dealt
/// round-robin over `categories` categories (so that display order differs
/// from sheet order).
fn sheet(cards: usize, facts_per_card: usize, categories: usize) -> Sheet {
    let fact = r#"{"text": "A fact.", "status": "confirmed", "sources": ["s"]}"#;
    let facts = vec![fact; facts_per_card].join(",");
    let cards: Vec<String> = (0..cards)
        .map(|i| {
            format!(
                r#"{{"id": "c{i}", "category": "k{}", "title": "Card {i}", "facts": [{facts}]}}"#,
                i % categories
            )
        })
        .collect();
    let categories: Vec<String> = (0..categories)
        .map(|k| format!(r#"{{"id": "k{k}", "label": "K{k}"}}"#))
        .collect();
    let text = format!(
        r#"{{"factcards": 1, "id": "big", "title": "Big", "summary": "Many facts.", "lang": "en",
            "updated": "2026-11-26", "sources": [{{"id": "s", "title": "S"}}],
            "categories": [{}], "cards": [{}]}}"#,
        categories.join(","),
        cards.join(",")
    );
    parse_sheet(&text).unwrap()
}

#[test]
fn display_order_is_by_category_then_sheet_order() {
    let sheet = sheet(5, 1, 2);
    let ids: Vec<&str> = display_order(&sheet)
        .iter()
        .map(|&i| sheet.cards[i].id.as_str())
        .collect();
    assert_eq!(ids, ["c0", "c2", "c4", "c1", "c3"]);
}

#[test]
fn the_bundled_story_renders_whole_at_once() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let order = display_order(&sheet);
    assert!(RenderProgress::first(&sheet, &order, RenderPace::Screenful).is_complete(&order));
}

#[test]
fn a_big_sheet_renders_a_screenful_then_chunks_until_complete() {
    // 1,000 facts in 100 cards of 10.
    let sheet = sheet(100, 10, 10);
    let order = display_order(&sheet);
    let view = ViewState::default();
    let first = RenderProgress::first(&sheet, &order, RenderPace::Screenful);
    assert_eq!(
        first.cards_to_render(&sheet, &order, &view),
        FIRST_RENDER_FACTS / 10
    );
    assert!(!first.is_complete(&order));

    let mut progress = first;
    let mut chunks = vec![];
    while !progress.is_complete(&order) {
        let next = progress.next(&sheet, &order);
        chunks.push(
            next.cards_to_render(&sheet, &order, &view) - progress.cards_to_render(&sheet, &order, &view),
        );
        progress = next;
    }
    // 6 cards first, then chunks of 50 cards (500 facts), the last one short.
    assert_eq!(CHUNK_FACTS, 500);
    assert_eq!(chunks, [50, 44]);
    assert_eq!(progress, first.complete(&order));
    assert_eq!(progress.next(&sheet, &order), progress);
}

#[test]
fn out_of_sight_the_bundled_story_renders_a_card_or_two_per_task() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let order = display_order(&sheet);
    let view = ViewState::default();
    let mut progress = RenderProgress::first(&sheet, &order, RenderPace::Background);
    let mut facts_per_task = vec![];
    let mut rendered = 0;
    loop {
        let now = progress.cards_to_render(&sheet, &order, &view);
        facts_per_task.push(
            order[rendered..now]
                .iter()
                .map(|&card| sheet.cards[card].facts.len())
                .sum::<usize>(),
        );
        rendered = now;
        if progress.is_complete(&order) {
            break;
        }
        progress = progress.next(&sheet, &order);
    }
    // 20 facts in 10 cards: several tasks, none adding a card past the
    // chunk's size once it is reached.
    assert!(facts_per_task.len() >= 3, "{facts_per_task:?}");
    assert_eq!(facts_per_task.iter().sum::<usize>(), 20);
    assert!(
        facts_per_task
            .iter()
            .all(|&facts| facts <= BACKGROUND_CHUNK_FACTS + 3),
        "{facts_per_task:?}"
    );
}

#[test]
fn the_whole_pace_renders_every_card_first() {
    let sheet = sheet(100, 10, 10);
    let order = display_order(&sheet);
    assert!(RenderProgress::first(&sheet, &order, RenderPace::Whole).is_complete(&order));
}

#[test]
fn a_card_bigger_than_a_chunk_still_renders_whole() {
    let sheet = sheet(3, 100, 1);
    let order = display_order(&sheet);
    let first = RenderProgress::first(&sheet, &order, RenderPace::Screenful);
    assert_eq!(first.cards_to_render(&sheet, &order, &ViewState::default()), 1);
    let second = first.next(&sheet, &order);
    assert_eq!(second.cards_to_render(&sheet, &order, &ViewState::default()), 3);
}

#[test]
fn an_open_card_near_the_end_is_rendered_at_once() {
    let sheet = sheet(100, 10, 10);
    let order = display_order(&sheet);
    // c99 is the last card of category k9, the last section: position 100.
    let view = ViewState::default().apply(&sheet, Action::OpenCard("c99".into()));
    let first = RenderProgress::first(&sheet, &order, RenderPace::Screenful);
    assert_eq!(first.cards_to_render(&sheet, &order, &view), 100);
    let view = ViewState::default().apply(&sheet, Action::OpenCard("c0".into()));
    assert_eq!(first.cards_to_render(&sheet, &order, &view), 6);
}

#[test]
fn the_first_render_of_a_big_deck_holds_the_first_cards_in_display_order() {
    let sheet = Rc::new(sheet(100, 10, 10));
    let html = render_deck(FactDeckProps::for_sheet(Rc::clone(&sheet)));
    let cards: Vec<&str> = html
        .split("data-card=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    // Category k0 holds c0, c10, … c90; the first six of them come first.
    assert_eq!(cards, ["c0", "c10", "c20", "c30", "c40", "c50"]);
    // Later sections are not started: no heading without its cards.
    assert_eq!(html.matches("class=\"fc-category\"").count(), 1);
    // The chips still count every card's facts: ten chips of 100.
    assert_eq!(
        html.matches("<span class=\"fc-filter__count\">100</span>")
            .count(),
        10,
        "{html}"
    );
}

#[test]
fn without_progressive_rendering_every_card_is_in_the_first_render() {
    let sheet = Rc::new(sheet(100, 10, 10));
    let html = render_deck(FactDeckProps {
        options: DeckOptions {
            pace: RenderPace::Whole,
            ..DeckOptions::default()
        },
        ..FactDeckProps::for_sheet(sheet)
    });
    assert_eq!(html.matches("data-card=\"").count(), 100);
    assert_eq!(html.matches("class=\"fc-category\"").count(), 10);
}
