//! The DOM events named in `src/event.rs` and the event map of
//! `web/factcards.d.ts` agree, so a TypeScript host sees every event the
//! widget dispatches, and none it does not.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use factcards::event::{DOM_NAMES, DeckEvent, problem_details};
use factcards::model::check;
use serde_json::json;

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

/// One event of each kind the host hears, in `DOM_NAMES` order.
fn one_of_each_for_the_host() -> Vec<DeckEvent> {
    vec![
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
        DeckEvent::Search {
            query: "q".into(),
            matches: 2,
        },
        DeckEvent::Grouping {
            grouping: "certainty",
        },
        DeckEvent::Seen { sheet: "s".into() },
        DeckEvent::Update {
            sheet: "s".into(),
            updated: "2026-11-26".into(),
            counts: Default::default(),
            ids: Default::default(),
        },
    ]
}

#[test]
fn every_event_for_the_host_has_a_listed_dom_name() {
    let events = one_of_each_for_the_host();
    let names: Vec<&str> = events.iter().filter_map(DeckEvent::dom_name).collect();
    assert_eq!(names, DOM_NAMES);
    let view = DeckEvent::ViewChanged { fragment: "s".into() };
    assert_eq!(
        view.dom_name(),
        None,
        "view changes go to the URL, not to the host"
    );
}

/// The `detail` a page gets: each event serialised as the object of its
/// fields (the embed uses serde-wasm-bindgen, with the same shape).
fn detail(event: &DeckEvent) -> serde_json::Value {
    serde_json::to_value(event).unwrap()
}

#[test]
fn each_detail_is_the_object_of_its_events_fields() {
    let ready = DeckEvent::Ready {
        sheet: "s".into(),
        cards: 9,
    };
    assert_eq!(detail(&ready), json!({"sheet": "s", "cards": 9}));
    let toggle = DeckEvent::CardToggle {
        card: "c".into(),
        expanded: false,
    };
    assert_eq!(detail(&toggle), json!({"card": "c", "expanded": false}));
    let filter = DeckEvent::Filter {
        categories: vec!["a".into(), "b".into()],
    };
    assert_eq!(detail(&filter), json!({"categories": ["a", "b"]}));
    let source = DeckEvent::SourceClick {
        source: "s1".into(),
        url: "https://example.org/".into(),
    };
    assert_eq!(
        detail(&source),
        json!({"source": "s1", "url": "https://example.org/"})
    );
    let copy = DeckEvent::CopyLink {
        card: "c".into(),
        anchor: "s/c".into(),
    };
    assert_eq!(detail(&copy), json!({"card": "c", "anchor": "s/c"}));
}

#[test]
fn a_failed_sheets_problems_carry_path_message_line_column_and_severity() {
    let syntax = check("{\n  \"factcards\": 1,\n  \"id\" \"x\"\n}").problems;
    let failed = DeckEvent::Failed {
        problems: syntax.clone(),
    };
    let problems = &detail(&failed)["problems"];
    assert_eq!(problems.as_array().map(Vec::len), Some(1));
    assert_eq!(problems[0]["path"], "");
    assert_eq!(problems[0]["line"], 3);
    assert_eq!(problems[0]["column"], 8);
    assert_eq!(problems[0]["severity"], "error");
    assert_eq!(problems[0]["message"], syntax[0].message.as_str());

    // Without a position (a sheet given as an object), line and column are null.
    let mut positionless = syntax;
    positionless[0].pos = None;
    let value = serde_json::to_value(problem_details(&positionless)).unwrap();
    assert_eq!(value[0]["line"], serde_json::Value::Null);
    assert_eq!(value[0]["column"], serde_json::Value::Null);
}

#[test]
fn the_iframe_loader_forwards_every_dom_event_with_its_documented_fields_only() {
    const LOADER: &str = include_str!("../web/embed-loader.js");
    let start = LOADER
        .find("const EVENTS = {")
        .expect("embed-loader.js lists EVENTS");
    let body = &LOADER[start..];
    let body = &body[..body.find("};").unwrap()];
    let listed: Vec<(&str, Vec<&str>)> = body
        .lines()
        .filter_map(|line| {
            let (name, fields) = line.trim().strip_prefix('"')?.split_once("\": [")?;
            let fields = fields
                .trim_end_matches("],")
                .split(", ")
                .map(|f| f.trim_matches('"'))
                .collect();
            Some((name, fields))
        })
        .collect();
    let names: Vec<&str> = listed.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, DOM_NAMES);
    // Each event's fields are the keys of its detail.
    let samples = one_of_each_for_the_host();
    for ((name, fields), event) in listed.iter().zip(&samples) {
        assert_eq!(event.dom_name(), Some(*name));
        let detail = detail(event);
        let mut keys: Vec<&str> = detail.as_object().unwrap().keys().map(String::as_str).collect();
        let mut fields = fields.clone();
        keys.sort_unstable();
        fields.sort_unstable();
        assert_eq!(keys, fields, "{name}");
    }
}
