//! The deck in a real headless Chromium: rendering, filtering, expanding and
//! the error panel. Run by `scripts/test` through wasm-bindgen-test-runner.
#![cfg(target_arch = "wasm32")]

mod common;

use std::rc::Rc;

use common::browser::{self, bundled_props};
use factcards::BUNDLED_SHEET;
use factcards::model::parse_sheet;
use factcards::view::widget::{LoadState, WidgetProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a widget in the given state; see `common::browser::mount`.
async fn mount(load: LoadState) -> Element {
    browser::mount(WidgetProps::new(load)).await.0
}

/// Mounts with `debug`, which lists a failing sheet's problems on the page.
async fn mount_debug(load: LoadState) -> Element {
    let mut props = WidgetProps::new(load);
    props.options.debug = true;
    browser::mount(props).await.0
}

fn bundled() -> LoadState {
    bundled_props().load
}

fn all(host: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into::<HtmlElement>().unwrap())
        .collect()
}

fn one(host: &Element, selector: &str) -> HtmlElement {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into()
        .unwrap()
}

async fn click(element: &HtmlElement) {
    element.click();
    yew::scheduler::flush().await;
}

fn visible_card_ids(host: &Element) -> Vec<String> {
    all(host, ":not([hidden]) > .fc-card")
        .iter()
        .map(|card| card.get_attribute("data-card").unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn the_deck_renders_every_card() {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let host = mount(bundled()).await;
    let expected: Vec<String> = sheet.cards.iter().map(|card| card.id.clone()).collect();
    assert_eq!(visible_card_ids(&host), expected);
    assert_eq!(
        one(&host, ".fc-header__title").text_content().unwrap(),
        sheet.title
    );
    // Each fact shows its status as a word.
    let statuses: Vec<String> = all(&host, ".fc-fact .fc-status")
        .iter()
        .map(|s| s.inner_text())
        .collect();
    assert_eq!(
        statuses.len(),
        sheet.cards.iter().map(|c| c.facts.len()).sum::<usize>()
    );
    assert!(statuses.iter().any(|s| s.contains("Unclear")), "{statuses:?}");
    // Rendered boxes, not just nodes: every card has a size on screen.
    for card in all(&host, ":not([hidden]) > .fc-card") {
        assert!(card.offset_height() > 0);
    }
}

#[wasm_bindgen_test]
async fn choosing_a_category_hides_the_others() {
    let host = mount(bundled()).await;
    let origins = one(&host, ".fc-filter__chip[data-category='origins']");
    assert_eq!(origins.get_attribute("aria-pressed").as_deref(), Some("false"));
    click(&origins).await;
    assert_eq!(origins.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(
        one(&host, ".fc-filter__chip--all")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false")
    );
    assert_eq!(visible_card_ids(&host), ["formed-in-2015", "parent-group"]);
    let headings: Vec<String> = all(&host, ".fc-category:not([hidden]) .fc-category__title")
        .iter()
        .map(|h| h.inner_text())
        .collect();
    assert_eq!(headings, ["Origins"]);

    // "All" brings every card back.
    click(&one(&host, ".fc-filter__chip--all")).await;
    assert_eq!(visible_card_ids(&host).len(), 10);
}

#[wasm_bindgen_test]
async fn expanding_a_card_reveals_its_sources() {
    let host = mount(bundled()).await;
    let card = one(&host, ".fc-card[data-card='aims']");
    let toggle = one(&card, ".fc-card__toggle");
    let sources = one(&card, ".fc-card__sources");
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(toggle.get_attribute("aria-controls"), Some(sources.id()));
    assert!(sources.hidden());
    assert_eq!(sources.offset_height(), 0);

    click(&toggle).await;
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(!sources.hidden());
    assert!(sources.offset_height() > 0);
    assert!(
        sources
            .inner_text()
            .contains("Moscow Concert Hall Terror Attack Linked to ISIS-K")
    );
    // Other cards stay closed.
    assert_eq!(all(&host, ".fc-card__toggle[aria-expanded='true']").len(), 1);

    click(&toggle).await;
    assert!(sources.hidden());
}

#[wasm_bindgen_test]
async fn source_links_open_in_a_new_tab_safely() {
    let text = BUNDLED_SHEET.replacen(
        r#""url": "./sources/moscow-isis-k-article.html""#,
        r#""url": "https://example.com/article""#,
        1,
    );
    let host = mount(LoadState::Ready(Rc::new(parse_sheet(&text).unwrap()))).await;
    click(&one(&host, ".fc-card[data-card='aims'] .fc-card__toggle")).await;
    let link = one(&host, ".fc-card[data-card='aims'] .fc-sources__link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.com/article")
    );
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
}

#[wasm_bindgen_test]
async fn a_bad_sheet_shows_readers_one_calm_line_or_nothing() {
    let problems = parse_sheet("{}").unwrap_err().problems;
    let host = mount(LoadState::Failed(problems.clone())).await;
    assert!(host.query_selector(".fc-error").unwrap().is_none());
    assert_eq!(
        one(&host, ".fc-unavailable").inner_text(),
        "The key facts cannot be shown just now."
    );
    let mut props = WidgetProps::new(LoadState::Failed(problems));
    props.options.on_error = factcards::options::OnError::Hide;
    let host = browser::mount(props).await.0;
    assert_eq!(host.inner_html(), "");
}

#[wasm_bindgen_test]
async fn a_bad_sheet_shows_the_error_panel_with_its_messages_with_debug() {
    let text = BUNDLED_SHEET
        .replacen(r#""source": "article""#, r#""source": "s9""#, 1)
        .replacen(r#""status": "claimed""#, r#""status": "claimd""#, 1);
    let problems = parse_sheet(&text).unwrap_err().problems;
    let host = mount_debug(LoadState::Failed(problems)).await;
    assert!(host.query_selector(".fc-deck").unwrap().is_none());
    let panel = one(&host, ".fc-error");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let items: Vec<String> = all(&panel, ".fc-error__problem")
        .iter()
        .map(|li| li.inner_text())
        .collect();
    // Every problem at once, in the order of the text.
    assert_eq!(
        items,
        [
            "cards[0].facts[0].sources[0].source: unknown source \"s9\" (known: \"article\")",
            "cards[1].facts[0].status: unknown status \"claimd\" (did you mean \"claimed\"?)"
        ]
    );

    let problems = parse_sheet(&BUNDLED_SHEET.replacen(r#""source": "article""#, r#""source": "s9""#, 1))
        .unwrap_err()
        .problems;
    let host = mount_debug(LoadState::Failed(problems)).await;
    let items: Vec<String> = all(&host, ".fc-error__problem")
        .iter()
        .map(|li| li.inner_text())
        .collect();
    assert_eq!(
        items,
        ["cards[0].facts[0].sources[0].source: unknown source \"s9\" (known: \"article\")"]
    );
    assert!(one(&host, ".fc-error").offset_height() > 0);
}
