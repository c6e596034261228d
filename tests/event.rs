//! The DOM events named in `src/event.rs` and the event map of
//! `web/factcards.d.ts` agree, so a TypeScript host sees every event the
//! widget dispatches, and none it does not.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use factcards::event::{DOM_NAMES, DeckEvent};

const TYPES: &str = include_str!("../web/factcards.d.ts");

/// The quoted keys of `interface FactcardsEventMap { … }` in the d.ts.
fn event_map_keys() -> BTreeSet<&'static str> {
    let start = TYPES
        .find("interface FactcardsEventMap")
        .expect("web/factcards.d.ts declares FactcardsEventMap");
    let body = &TYPES[start..];
    let body = &body[..body.find("\n}").expect("FactcardsEventMap ends")];
    body.lines()
        .filter_map(|line| line.trim().strip_prefix('"')?.split_once('"'))
        .map(|(name, _)| name)
        .collect()
}

#[test]
fn the_d_ts_event_map_lists_every_dom_event_and_no_other() {
    let declared: BTreeSet<&str> = DOM_NAMES.into_iter().collect();
    assert_eq!(declared.len(), DOM_NAMES.len(), "a DOM name is listed twice");
    assert_eq!(event_map_keys(), declared);
}

#[test]
fn every_event_for_the_host_has_a_listed_dom_name() {
    let events = [
        DeckEvent::Ready {
            sheet: "s".into(),
            cards: 1,
        },
        DeckEvent::Failed { problems: Vec::new() },
        DeckEvent::CardToggle {
            card: "c".into(),
            expanded: true,
        },
        DeckEvent::Filter {
            categories: Vec::new(),
        },
        DeckEvent::SourceClick {
            source: "s".into(),
            url: "https://example.org/".into(),
        },
        DeckEvent::CopyLink {
            card: "c".into(),
            anchor: "s/c".into(),
        },
    ];
    let names: Vec<&str> = events.iter().filter_map(DeckEvent::dom_name).collect();
    assert_eq!(names, DOM_NAMES);
    let view = DeckEvent::ViewChanged { fragment: "s".into() };
    assert_eq!(
        view.dom_name(),
        None,
        "view changes go to the URL, not to the host"
    );
}
