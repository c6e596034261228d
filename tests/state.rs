//! The view state's one transition, driven by sequences of Actions.
#![cfg(not(target_arch = "wasm32"))]

use factcards::BUNDLED_SHEET;
use factcards::model::parse_sheet;
use factcards::state::{Action, ViewState};

fn ids(set: &std::collections::BTreeSet<String>) -> Vec<&str> {
    set.iter().map(String::as_str).collect()
}

#[test]
fn a_new_deck_shows_every_card_closed() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let state = ViewState::default();
    assert_eq!(
        state.visible_cards(&sheet),
        (0..sheet.cards.len()).collect::<Vec<_>>()
    );
    assert!(state.expanded.is_empty());
}

#[test]
fn filter_then_expand_sequence() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let state = ViewState::default()
        .apply(&sheet, Action::ToggleCategory("origins".into()))
        .apply(&sheet, Action::ToggleCard("formed-in-2015".into()));
    assert_eq!(ids(&state.categories), ["origins"]);
    let visible: Vec<&str> = state
        .visible_cards(&sheet)
        .iter()
        .map(|&i| sheet.cards[i].id.as_str())
        .collect();
    assert_eq!(visible, ["formed-in-2015", "parent-group"]);
    assert!(state.is_expanded("formed-in-2015"));

    // A second category adds to the filter; toggling the first removes it.
    let state = state
        .apply(&sheet, Action::ToggleCategory("ideology".into()))
        .apply(&sheet, Action::ToggleCategory("origins".into()));
    assert_eq!(ids(&state.categories), ["ideology"]);
    let visible: Vec<&str> = state
        .visible_cards(&sheet)
        .iter()
        .map(|&i| sheet.cards[i].id.as_str())
        .collect();
    assert_eq!(visible, ["aims", "ties-to-isis"]);
    // The hidden card stays open for when its category comes back.
    assert!(state.is_expanded("formed-in-2015"));

    let state = state
        .apply(&sheet, Action::ToggleCard("formed-in-2015".into()))
        .apply(&sheet, Action::ShowAllCategories);
    assert!(state.categories.is_empty());
    assert!(state.expanded.is_empty());
    assert_eq!(state.visible_cards(&sheet).len(), sheet.cards.len());
}

#[test]
fn choosing_every_category_is_the_same_as_all() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let mut state = ViewState::default();
    for category in &sheet.categories {
        state = state.apply(&sheet, Action::ToggleCategory(category.id.clone()));
    }
    assert_eq!(state, ViewState::default());
}

#[test]
fn opening_a_hidden_card_shows_its_category() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let state = ViewState::default()
        .apply(&sheet, Action::ToggleCategory("origins".into()))
        .apply(&sheet, Action::OpenCard("why-russia".into()));
    assert_eq!(ids(&state.categories), ["origins", "russia"]);
    assert_eq!(ids(&state.expanded), ["why-russia"]);
}

#[test]
fn unknown_ids_leave_the_state_unchanged() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let state = ViewState::default()
        .apply(&sheet, Action::ToggleCategory("nope".into()))
        .apply(&sheet, Action::ToggleCard("nope".into()))
        .apply(&sheet, Action::OpenCard("nope".into()));
    assert_eq!(state, ViewState::default());
}

#[test]
fn initial_options_apply_only_when_they_exist() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let state = ViewState::initial(&sheet, Some("russia"), Some("aims"));
    assert_eq!(ids(&state.categories), ["ideology", "russia"]);
    assert_eq!(ids(&state.expanded), ["aims"]);
    assert_eq!(
        ViewState::initial(&sheet, Some("missing"), Some("missing")),
        ViewState::default()
    );
}
