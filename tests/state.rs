//! The view state's one transition, driven by sequences of Actions.
#![cfg(not(target_arch = "wasm32"))]

use factcards::BUNDLED_SHEET;
use factcards::model::{Sheet, parse_sheet};
use factcards::search::SearchIndex;
use factcards::state::{Action, Grouping, LinkTarget, ViewState, Visible, parse_fragment};

fn card_ids(state: &ViewState, sheet: &Sheet) -> Vec<String> {
    let index = SearchIndex::new(sheet);
    state
        .visible(sheet, &index)
        .cards
        .iter()
        .map(|(card, _)| sheet.cards[*card].id.clone())
        .collect()
}

fn ids(set: &factcards::state::IdSet) -> Vec<&str> {
    set.iter().map(String::as_str).collect()
}

#[test]
fn a_new_deck_shows_every_card_closed() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let state = ViewState::default();
    let all: Vec<String> = sheet.cards.iter().map(|card| card.id.clone()).collect();
    assert_eq!(card_ids(&state, &sheet), all);
    assert!(state.expanded.is_empty());
}

#[test]
fn filter_then_expand_sequence() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let state = ViewState::default()
        .apply(&sheet, Action::ToggleCategory("origins".into()))
        .apply(&sheet, Action::ToggleCard("formed-in-2015".into()));
    assert_eq!(ids(&state.categories), ["origins"]);
    assert_eq!(card_ids(&state, &sheet), ["formed-in-2015", "parent-group"]);
    assert!(state.is_expanded("formed-in-2015"));

    // A second category adds to the filter; toggling the first removes it.
    let state = state
        .apply(&sheet, Action::ToggleCategory("ideology".into()))
        .apply(&sheet, Action::ToggleCategory("origins".into()));
    assert_eq!(ids(&state.categories), ["ideology"]);
    assert_eq!(card_ids(&state, &sheet), ["aims", "ties-to-isis"]);
    // The hidden card stays open for when its category comes back.
    assert!(state.is_expanded("formed-in-2015"));

    let state = state
        .apply(&sheet, Action::ToggleCard("formed-in-2015".into()))
        .apply(&sheet, Action::ShowAllCategories);
    assert!(state.categories.is_empty());
    assert!(state.expanded.is_empty());
    assert_eq!(card_ids(&state, &sheet).len(), sheet.cards.len());
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

#[test]
fn search_keeps_matching_facts_only_ignoring_case_and_accents() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let index = SearchIndex::new(&sheet);
    let state = ViewState::default().apply(&sheet, Action::Search("SHARÍA".into()));
    let visible = state.visible(&sheet, &index);
    assert_eq!(visible.card_count(), 1);
    assert_eq!(visible.fact_count(), 1);
    let (card, facts) = &visible.cards[0];
    assert_eq!(sheet.cards[*card].id, "aims");
    assert!(sheet.cards[*card].facts[facts[0]].text.contains("Sharia law"));
    // Every word must match; a card title counts for its facts.
    let state = state.apply(&sheet, Action::Search("why putin".into()));
    assert_eq!(card_ids(&state, &sheet), ["why-russia"]);
    assert_eq!(state.visible(&sheet, &index).fact_count(), 1);
    // Counts per category follow the search.
    let searched = Visible::matching(&sheet, &index, &state.query);
    assert_eq!(searched.counts_by_category(&sheet), [0, 0, 0, 0, 0, 1]);
}

#[test]
fn search_and_filter_combine_and_reset_clears_both() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let index = SearchIndex::new(&sheet);
    let state = ViewState::default()
        .apply(&sheet, Action::ToggleCategory("origins".into()))
        .apply(&sheet, Action::Search("russia".into()));
    assert_eq!(state.visible(&sheet, &index).fact_count(), 0);
    assert!(state.is_narrowed());
    let state = state.apply(&sheet, Action::Reset);
    assert!(!state.is_narrowed());
    assert_eq!(card_ids(&state, &sheet).len(), 10);
}

#[test]
fn opening_a_card_hidden_by_the_search_clears_the_search() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let state = ViewState::default()
        .apply(&sheet, Action::Search("sharia".into()))
        .apply(&sheet, Action::OpenCard("why-russia".into()));
    assert_eq!(state.query, "");
    assert!(card_ids(&state, &sheet).contains(&"why-russia".to_owned()));
    // A card the search still shows keeps the search.
    let state = ViewState::default()
        .apply(&sheet, Action::Search("sharia".into()))
        .apply(&sheet, Action::OpenCard("aims".into()));
    assert_eq!(state.query, "sharia");
}

#[test]
fn the_view_round_trips_through_a_url_fragment() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let state = ViewState::default()
        .apply(&sheet, Action::ToggleCategory("origins".into()))
        .apply(&sheet, Action::ToggleCategory("russia".into()))
        .apply(&sheet, Action::Search("Putin & co, 100%".into()))
        .apply(&sheet, Action::ToggleCard("why-russia".into()))
        .apply(&sheet, Action::Group(Grouping::Certainty));
    let fragment = state.to_fragment(&sheet.id);
    assert_eq!(
        fragment,
        "moscow-concert-hall-attack-isis-k?cat=origins,russia&q=Putin%20%26%20co%2C%20100%25&open=why-russia&by=certainty"
    );
    let Some(LinkTarget::View(view)) = parse_fragment(&sheet.id, &fragment) else {
        panic!("not a view link");
    };
    assert_eq!(ViewState::default().apply(&sheet, Action::Restore(view)), state);
    assert_eq!(ViewState::default().to_fragment(&sheet.id), sheet.id);
}

#[test]
fn fragments_for_cards_other_sheets_and_unknown_ids() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    assert_eq!(
        parse_fragment(&sheet.id, "moscow-concert-hall-attack-isis-k/why-russia"),
        Some(LinkTarget::Card("why-russia".into()))
    );
    assert_eq!(parse_fragment(&sheet.id, "another-story/why-russia"), None);
    assert_eq!(
        parse_fragment(&sheet.id, "moscow-concert-hall-attack-isis-k-2/x"),
        None
    );
    // Ids the sheet lacks are dropped when the view is restored.
    let Some(LinkTarget::View(view)) = parse_fragment(
        &sheet.id,
        "moscow-concert-hall-attack-isis-k?cat=nope,origins&open=gone",
    ) else {
        panic!("not a view link");
    };
    let state = ViewState::default().apply(&sheet, Action::Restore(view));
    assert_eq!(ids(&state.categories), ["origins"]);
    assert!(state.expanded.is_empty());
}

// ---------------------------------------------------------------------------
// The whole deck's transition (deck_state.rs): what the host hears, and the
// live region's flag.
// ---------------------------------------------------------------------------

mod deck {
    use std::rc::Rc;

    use factcards::BUNDLED_SHEET;
    use factcards::deck_state::{DeckAction, DeckState};
    use factcards::event::DeckEvent;
    use factcards::model::parse_sheet;
    use factcards::progress::RenderPace;
    use factcards::state::{Action, Grouping, LinkTarget, card_fragment, parse_fragment};

    const SHEET_ID: &str = "moscow-concert-hall-attack-isis-k";

    fn deck() -> DeckState {
        DeckState::new(
            Rc::new(parse_sheet(BUNDLED_SHEET).unwrap()),
            None,
            None,
            RenderPace::Screenful,
        )
    }

    /// Applies `actions` one by one, as the host hears after each render.
    fn run(mut state: DeckState, actions: Vec<Action>) -> (DeckState, Vec<DeckEvent>) {
        let mut heard = 0;
        let mut events = state.unheard(heard).to_vec();
        heard = state.recorded();
        for action in actions {
            state = state.apply(DeckAction::View(action), heard);
            events.extend(state.unheard(heard).iter().cloned());
            heard = state.recorded();
        }
        (state, events)
    }

    #[test]
    fn a_small_sheet_is_ready_at_once_and_says_so_once() {
        let (_, events) = run(deck(), vec![]);
        assert_eq!(
            events,
            [DeckEvent::Ready {
                sheet: SHEET_ID.into(),
                cards: 10
            }]
        );
    }

    #[test]
    fn each_change_is_reported_with_the_view_for_the_url() {
        let (_, events) = run(
            deck(),
            vec![
                Action::ToggleCategory("origins".into()),
                Action::ToggleCard("aims".into()),
                Action::Search("isis".into()),
            ],
        );
        assert_eq!(
            events[1..],
            [
                DeckEvent::Filter {
                    categories: vec!["origins".into()]
                },
                DeckEvent::ViewChanged {
                    fragment: format!("{SHEET_ID}?cat=origins")
                },
                DeckEvent::CardToggle {
                    card: "aims".into(),
                    expanded: true
                },
                DeckEvent::ViewChanged {
                    fragment: format!("{SHEET_ID}?cat=origins&open=aims")
                },
                DeckEvent::ViewChanged {
                    fragment: format!("{SHEET_ID}?cat=origins&q=isis&open=aims")
                },
                DeckEvent::Search {
                    query: "isis".into(),
                    matches: 4
                },
            ]
        );
    }

    #[test]
    fn a_search_is_heard_with_its_matches_and_a_grouping_with_its_name() {
        let (_, events) = run(
            deck(),
            vec![
                Action::Search("no such words".into()),
                Action::Group(Grouping::Certainty),
                Action::Group(Grouping::Certainty),
            ],
        );
        let heard: Vec<&DeckEvent> = events
            .iter()
            .filter(|event| !matches!(event, DeckEvent::ViewChanged { .. } | DeckEvent::Ready { .. }))
            .collect();
        assert_eq!(
            heard,
            [
                &DeckEvent::Search {
                    query: "no such words".into(),
                    matches: 0
                },
                &DeckEvent::Grouping {
                    grouping: "certainty"
                },
            ]
        );
    }

    #[test]
    fn copying_a_link_and_following_a_source_are_heard_and_change_nothing_else() {
        let start = deck();
        let (state, events) = run(
            start.clone(),
            vec![
                Action::CopyLink("aims".into()),
                Action::FollowSource {
                    source: "s1".into(),
                    url: "https://example.org/".into(),
                },
                Action::CopyLink("no-such-card".into()),
            ],
        );
        assert_eq!(state.view, start.view);
        assert_eq!(
            events[1..],
            [
                DeckEvent::CopyLink {
                    card: "aims".into(),
                    anchor: format!("{SHEET_ID}/aims")
                },
                DeckEvent::SourceClick {
                    source: "s1".into(),
                    url: "https://example.org/".into()
                },
            ]
        );
    }

    #[test]
    fn events_recorded_between_two_renders_are_all_heard_in_order() {
        // Two actions before the host hears anything (one render for both).
        let state = deck()
            .apply(DeckAction::View(Action::ToggleCard("aims".into())), 0)
            .apply(DeckAction::View(Action::CopyLink("aims".into())), 0);
        let heard: Vec<&DeckEvent> = state.unheard(0).iter().collect();
        assert_eq!(heard.len(), 4, "{heard:?}");
        assert!(matches!(heard[0], DeckEvent::Ready { .. }));
        assert!(matches!(heard[1], DeckEvent::CardToggle { .. }));
        assert!(matches!(heard[3], DeckEvent::CopyLink { .. }));
        // Once heard, they leave the outbox with the next transition.
        let later = state.apply(
            DeckAction::View(Action::ToggleCard("aims".into())),
            state.recorded(),
        );
        assert_eq!(later.unheard(state.recorded()).len(), 2);
        assert_eq!(later.recorded(), state.recorded() + 2);
    }

    #[test]
    fn a_deck_rendering_in_chunks_is_ready_once_its_last_chunk_is_in() {
        // Out of sight, a deck renders a few facts per chunk.
        let sheet = Rc::new(parse_sheet(BUNDLED_SHEET).unwrap());
        let mut state = DeckState::new(sheet, None, None, RenderPace::Background);
        assert_eq!(state.unheard(0), []);
        let mut chunks = 0;
        while state.unheard(0).is_empty() {
            state = state.apply(DeckAction::RenderMore, 0);
            chunks += 1;
            assert!(chunks < 100, "never complete");
        }
        assert!(matches!(state.unheard(0), [DeckEvent::Ready { cards: 10, .. }]));
        // Complete stays complete, and Ready is not said twice.
        let again = state.apply(DeckAction::Print(true), state.recorded());
        assert_eq!(again.unheard(state.recorded()), []);
    }

    #[test]
    fn a_compact_deck_prints_every_fact_and_limits_them_again_after() {
        use factcards::state::COMPACT_FACTS;
        let state = deck();
        assert_eq!(state.fact_limit(true), Some(COMPACT_FACTS));
        let printing = state.apply(DeckAction::Print(true), 0);
        assert_eq!(printing.fact_limit(true), None);
        assert!(!printing.same_as(&state), "the deck renders for print");
        let back = printing.apply(DeckAction::Print(false), 0);
        assert_eq!(
            back.fact_limit(true),
            Some(COMPACT_FACTS),
            "not expanded for the reader"
        );
        assert!(!back.view.show_all);
    }

    #[test]
    fn show_all_facts_is_announced() {
        let state = deck();
        assert!(!state.announce);
        let state = state.apply(DeckAction::View(Action::ShowAllFacts), 0);
        assert!(
            state.announce,
            "the live region says how many facts there now are"
        );
        assert!(state.revealed, "the focus goes to the first fact revealed");
        let linked = deck().apply(DeckAction::View(Action::OpenCard("why-russia".into())), 0);
        assert!(
            linked.view.show_all && !linked.revealed,
            "a deep link keeps the focus where it is"
        );
    }

    #[test]
    fn the_live_region_speaks_from_the_first_narrowed_view_on() {
        let state = deck();
        assert!(!state.announce, "silent while the deck loads");
        let state = state.apply(DeckAction::View(Action::ToggleCard("aims".into())), 0);
        assert!(!state.announce, "opening a card narrows nothing");
        let state = state.apply(DeckAction::View(Action::Search("isis".into())), 0);
        assert!(state.announce);
        let state = state.apply(DeckAction::View(Action::Reset), 0);
        assert!(state.announce, "widening again is read out too");
        let filtered = DeckState::new(
            Rc::new(parse_sheet(BUNDLED_SHEET).unwrap()),
            Some("origins"),
            None,
            RenderPace::Screenful,
        );
        assert!(
            filtered.announce,
            "a deck that starts filtered says what it shows"
        );
    }

    #[test]
    fn a_copied_link_opens_its_card() {
        for card in ["aims", "a card/with spaces"] {
            let fragment = card_fragment(SHEET_ID, card);
            assert_eq!(
                parse_fragment(SHEET_ID, &fragment),
                Some(LinkTarget::Card(card.into()))
            );
        }
        assert_eq!(card_fragment(SHEET_ID, "a b/c"), format!("{SHEET_ID}/a%20b%2Fc"));
    }
}

#[test]
fn the_status_legend_opens_and_closes_and_is_not_kept_in_the_url() {
    let sheet = factcards::model::parse_sheet(factcards::BUNDLED_SHEET).unwrap();
    let view = ViewState::default();
    assert!(!view.legend);
    let open = view.clone().apply(&sheet, Action::ToggleLegend);
    assert!(open.legend);
    assert!(!open.clone().apply(&sheet, Action::ToggleLegend).legend);
    // A status word only opens it.
    assert!(open.clone().apply(&sheet, Action::ShowLegend).legend);
    assert!(view.clone().apply(&sheet, Action::ShowLegend).legend);
    assert_eq!(open.to_fragment(&sheet.id), sheet.id);
    // Restoring a shared view leaves the reader's legend as it was.
    let restored = open.apply(&sheet, Action::Restore(ViewState::default()));
    assert!(restored.legend);
}

#[test]
fn the_compact_layout_shows_the_first_facts_in_display_order_until_asked_for_all() {
    use factcards::progress::display_order;
    use factcards::state::COMPACT_FACTS;
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let index = SearchIndex::new(&sheet);
    let order = display_order(&sheet);
    let state = ViewState::default();
    assert_eq!(state.fact_limit(false), None);
    assert_eq!(state.fact_limit(true), Some(COMPACT_FACTS));
    let all = state.visible(&sheet, &index);
    let first = all.first_facts(&order, state.fact_limit(true));
    assert_eq!(first.fact_count(), COMPACT_FACTS);
    // The facts kept are the first ones the reader would meet.
    let expected: Vec<(usize, usize)> = order
        .iter()
        .flat_map(|card| (0..sheet.cards[*card].facts.len()).map(move |fact| (*card, fact)))
        .take(COMPACT_FACTS)
        .collect();
    let mut kept: Vec<(usize, usize)> = first
        .cards
        .iter()
        .flat_map(|(card, facts)| facts.iter().map(move |fact| (*card, *fact)))
        .collect();
    kept.sort_by_key(|(card, fact)| (order.iter().position(|c| c == card), *fact));
    assert_eq!(kept, expected);
    assert_eq!(all.first_facts(&order, None), all);

    // "Show all" lifts the limit for good; so does any narrowing.
    let shown = state.clone().apply(&sheet, Action::ShowAllFacts);
    assert_eq!(shown.fact_limit(true), None);
    let searching = state.clone().apply(&sheet, Action::Search("russia".into()));
    assert_eq!(searching.fact_limit(true), None);
    let filtered = state
        .clone()
        .apply(&sheet, Action::ToggleCategory("origins".into()));
    assert_eq!(filtered.fact_limit(true), None);
    // A deep link to a card far down shows it.
    let linked = state.apply(&sheet, Action::OpenCard("why-russia".into()));
    assert_eq!(linked.fact_limit(true), None);
}

#[test]
fn the_compact_search_opens_on_request_or_when_a_search_is_shared() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let state = ViewState::default();
    assert!(state.shows_search(false));
    assert!(!state.shows_search(true));
    let open = state.clone().apply(&sheet, Action::ToggleSearch);
    assert!(open.search_open && open.shows_search(true));
    assert!(
        !open
            .clone()
            .apply(&sheet, Action::ToggleSearch)
            .shows_search(true)
    );
    // A restored view (a shared link) keeps what the reader opened, and a
    // shared search shows its box.
    let Some(LinkTarget::View(view)) = parse_fragment(&sheet.id, &format!("{}?q=russia", sheet.id)) else {
        panic!("a view fragment");
    };
    let restored = ViewState::default().apply(&sheet, Action::Restore(view));
    assert!(restored.shows_search(true));
    let kept = open
        .apply(&sheet, Action::ShowAllFacts)
        .apply(&sheet, Action::Restore(ViewState::default()));
    assert!(kept.search_open && kept.show_all);
    // Neither is part of a shared link.
    assert_eq!(kept.to_fragment(&sheet.id), sheet.id);
}

#[test]
fn a_widget_owns_only_the_fragments_of_its_sheet() {
    use factcards::state::owns_fragment;
    for fragment in ["story", "story/card-1", "story?cat=a&q=b"] {
        assert!(owns_fragment("story", fragment), "{fragment}");
    }
    for fragment in ["", "section-2", "story-2", "story-2/card", "other?cat=a"] {
        assert!(!owns_fragment("story", fragment), "{fragment}");
    }
}
