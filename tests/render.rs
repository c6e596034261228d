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
    assert!(html.contains("</span>Unclear</button>"));
    assert!(html.contains("</span>Claimed</button>"));
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

/// The bundled story's deck with the Russian labels.
fn russian_deck() -> String {
    render_deck(FactDeckProps {
        options: DeckOptions {
            lang: Some("ru".into()),
            ..DeckOptions::default()
        },
        ..bundled_props()
    })
}

#[test]
fn the_russian_ui_labels_the_deck_in_russian() {
    let html = russian_deck();
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

#[test]
fn every_status_word_is_described_by_its_line_of_the_legend() {
    let html = render_deck(bundled_props());
    let lines = ["confirmed", "claimed", "reported", "unclear", "disputed"];
    for status in lines {
        let id = format!("legend:moscow-concert-hall-attack-isis-k/{status}");
        assert_eq!(html.matches(&format!("id=\"{id}\"")).count(), 1, "{status}");
    }
    let words = html.matches("<button type=\"button\" data-status=").count();
    let described = html
        .matches("aria-describedby=\"legend:moscow-concert-hall-attack-isis-k/")
        .count();
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let facts: usize = sheet.cards.iter().map(|card| card.facts.len()).sum();
    assert_eq!(words, facts);
    assert_eq!(described, facts);
    // One toggle, closed at first, controlling the legend.
    assert!(
        html.contains("aria-expanded=\"false\" aria-controls=\"legend:moscow-concert-hall-attack-isis-k\"")
    );
    assert!(html.contains("Said by someone involved, often about themselves"));
}

#[test]
fn the_legend_is_in_the_deck_language() {
    let html = russian_deck();
    assert!(html.contains("Что означают метки"));
    assert!(html.contains("Насколько достоверен каждый факт"));
    assert!(html.contains("Так говорит одна из сторон"));
}

#[test]
fn the_no_js_fallback_has_no_control_a_reader_could_try_and_sources_in_details() {
    use factcards::ssr::render_fallback;
    let sheet = Rc::new(parse_sheet(BUNDLED_SHEET).unwrap());
    let cards = sheet.cards.len();
    let html = render_fallback(Rc::clone(&sheet), &DeckOptions::default());
    // The controls keep their place, unseen and out of the accessibility
    // tree, so that nothing moves when the live deck takes over.
    assert!(html.contains(r#"<div aria-hidden="true" class="fc-controls fc-reserved">"#));
    let after_controls = &html[html.find("fc-status-legend").unwrap_or(0)..];
    let cards_part = &after_controls[after_controls.find("fc-deck__categories").unwrap()..];
    // A mark that opens its excerpt is a button, but one that works without
    // script (a native popover); no other button is among the cards.
    assert_eq!(
        cards_part.matches("<button").count(),
        cards_part
            .matches("<button type=\"button\" popovertarget=")
            .count(),
        "a button among the cards"
    );
    assert!(!cards_part.contains("<input"));
    assert_eq!(cards_part.matches(r#"class="fc-card__details""#).count(), cards);
    // The live deck keeps its buttons.
    let live = render_deck(bundled_props());
    assert!(live.contains(r#"<div class="fc-controls">"#));
    assert!(!live.contains("<details"));
}

#[test]
fn a_compact_fallback_keeps_every_fact_off_screen_but_on_paper_beyond_the_first_few() {
    use factcards::options::Layout;
    use factcards::ssr::render_fallback;
    use factcards::state::COMPACT_FACTS;
    let sheet = Rc::new(parse_sheet(BUNDLED_SHEET).unwrap());
    let facts = sheet.cards.iter().map(|card| card.facts.len()).sum::<usize>();
    let compact = DeckOptions {
        layout: Layout::Compact,
        ..DeckOptions::default()
    };
    // No script will show the rest on request: the facts beyond the first
    // few are in the markup, kept off screen by a class that print.css
    // does not apply, not by `hidden`, which would keep them off paper too.
    // (The screen and paper themselves are measured in e2e: fallback.test.mjs.)
    let html = render_fallback(Rc::clone(&sheet), &compact);
    let in_markup = html.matches(r#"class="fc-fact">"#).count();
    let over_limit = html.matches(r#"class="fc-fact fc-over-limit">"#).count();
    assert_eq!(in_markup + over_limit, facts);
    // In display order: the first few facts show; the next one shares
    // their card (the second card), which the limit splits.
    let over_limit_in_order: Vec<bool> = html
        .split("<li ")
        .filter_map(|tag| tag.split('>').next())
        .filter(|tag| tag.contains(r#"class="fc-fact"#))
        .map(|tag| tag.contains("fc-over-limit"))
        .collect();
    assert_eq!(over_limit_in_order[..COMPACT_FACTS], [false; COMPACT_FACTS]);
    assert!(over_limit_in_order[COMPACT_FACTS]);
    assert!(html.contains(r#"class="fc-card-slot fc-over-limit">"#));
    assert!(html.contains(r#"class="fc-category fc-over-limit">"#));
    let cards_part = &html[html.find("fc-deck__categories").unwrap()..];
    assert!(
        !cards_part.contains(" hidden"),
        "a card or fact hidden from paper"
    );

    // The live compact deck hides them, and lifts the limit itself before
    // printing.
    let live = render_deck(FactDeckProps {
        options: compact.clone(),
        ..bundled_props()
    });
    assert!(!live.contains("fc-over-limit"));
    assert_eq!(live.matches(r#"class="fc-fact">"#).count(), facts);
    assert!(live.contains(r#"<div hidden="hidden" class="fc-card-slot">"#));
    assert!(live.contains(r#"hidden="hidden" class="fc-fact">"#));

    // A category the page starts with lifts the limit; the other
    // categories are hidden on paper too, as the reader chose.
    let narrowed = render_fallback(
        sheet,
        &DeckOptions {
            initial_category: Some("russia".into()),
            ..compact
        },
    );
    assert!(!narrowed.contains("fc-over-limit"));
    assert!(narrowed.contains(r#"<div hidden="hidden" class="fc-card-slot">"#));
}

#[test]
fn a_mark_with_an_excerpt_opens_the_sources_words_and_a_link_to_them() {
    const LINKED: &str = r#""url": "./sources/moscow-isis-k-article.html""#;
    assert!(BUNDLED_SHEET.contains(LINKED));
    let text = BUNDLED_SHEET.replacen(LINKED, r#""url": "https://news.example/a?x=1""#, 1);
    let sheet = parse_sheet(&text).expect("valid");
    let html = render_deck(FactDeckProps::for_sheet(Rc::new(sheet)));
    // Each of the 20 facts' marks is a button for its popover, which is
    // closed (the UA hides it) until the reader opens it.
    assert_eq!(
        html.matches("<button type=\"button\" popovertarget=\"excerpt0:")
            .count(),
        20
    );
    assert_eq!(html.matches("class=\"fc-cite fc-cite--excerpt\"").count(), 20);
    assert_eq!(html.matches("popover=\"auto\"").count(), 20);
    // The source's words, as a quotation citing the source, and the link
    // that opens the source at them.
    assert!(html.contains(
        "<q cite=\"https://news.example/a?x=1\" class=\"fc-excerpt__words\">ISIS-K was formed in 2015</q>"
    ));
    assert!(html.contains(
        "href=\"https://news.example/a?x=1#:~:text=ISIS%2DK%20was%20formed%20in%202015\" target=\"_blank\" rel=\"noopener noreferrer\" class=\"fc-excerpt__link\">Open the source at this passage</a>"
    ));
    // Without an address, the words and no link.
    let unlinked = parse_sheet(&BUNDLED_SHEET.replacen(&format!(",\n      {LINKED}"), "", 1)).expect("valid");
    let unlinked = render_deck(FactDeckProps::for_sheet(Rc::new(unlinked)));
    assert!(unlinked.contains("<q class=\"fc-excerpt__words\">ISIS-K was formed in 2015</q>"));
    assert!(!unlinked.contains("#:~:text="));
    // The bundled source's address is relative to the sheet: where the deck
    // does not know the sheet's address, the link stays relative, for the
    // browser to resolve against the page...
    let bundled = render_deck(bundled_props());
    assert!(bundled.contains(
        "href=\"./sources/moscow-isis-k-article.html#:~:text=ISIS%2DK%20was%20formed%20in%202015\""
    ));
    // ...and where it does, it links the copy beside the sheet.
    let mut props = bundled_props();
    props.options.source_base = Some("https://news.example/stories/moscow/sheet.json".into());
    let based = render_deck(props);
    assert!(based.contains(
        "<q cite=\"https://news.example/stories/moscow/sources/moscow-isis-k-article.html\" class=\"fc-excerpt__words\">ISIS-K was formed in 2015</q>"
    ));
    assert!(based.contains(
        "href=\"https://news.example/stories/moscow/sources/moscow-isis-k-article.html#:~:text=ISIS%2DK%20was%20formed%20in%202015\""
    ));
    assert!(!based.contains("\"./sources/"));
    // Each popover's id is its button's target, and ids do not repeat.
    let mut ids: Vec<&str> = bundled
        .split("popovertarget=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default())
        .collect();
    for id in &ids {
        assert!(bundled.contains(&format!("id=\"{id}\"")), "{id}");
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 20);
}
