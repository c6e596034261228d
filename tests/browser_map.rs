//! The regions map in a real headless Chromium: the highlighted countries
//! are exactly the sheet's regions, the map has a size on screen, and the
//! placeholder shown while the shapes load takes exactly the map's space.
//! The shapes are passed as a prop, as the embed does once it has fetched
//! them. Run by `scripts/test` through wasm-bindgen-test-runner.
#![cfg(target_arch = "wasm32")]

mod common;

use std::collections::BTreeSet;
use std::rc::Rc;

use common::browser::{self, bundled_props};
use common::{errors, with};
use factcards::BUNDLED_SHEET;
use factcards::DeckOptions;
use factcards::model::{World, WorldShapes, parse_sheet};
use factcards::view::widget::{Widget, WidgetProps};
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

/// The shapes and the places' names, as the embed fetches them together from
/// beside the loader (the wasm has no names of its own).
const WORLD_MAP: &str = include_str!("../data/world-map.json");
const WORLD_NAMES: &str = include_str!("../data/world-names.json");

fn load_names() -> &'static World {
    World::load(WORLD_NAMES).expect("data/world-names.json parses");
    World::get()
}

fn shapes() -> Rc<WorldShapes> {
    load_names();
    Rc::new(WorldShapes::parse(WORLD_MAP).expect("data/world-map.json parses"))
}

/// Mounts a widget with the widget's stylesheet, so that sizes are the real
/// ones.
async fn mount(props: WidgetProps) -> (Element, AppHandle<Widget>) {
    browser::add_widget_styles();
    browser::mount(props).await
}

fn card(host: &Element, id: &str) -> Element {
    host.query_selector(&format!("[data-card='{id}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no card {id}"))
}

fn codes(card: &Element, selector: &str) -> BTreeSet<String> {
    let list = card.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| {
            let element: Element = wasm_bindgen::JsCast::unchecked_into(list.item(i).unwrap());
            element
                .get_attribute("data-code")
                .expect("every path has data-code")
        })
        .collect()
}

fn highlighted(card: &Element) -> BTreeSet<String> {
    codes(card, "svg path.fc-map__land--highlighted")
}

/// The codes the sheet's `regions` stand for, members of regions included.
fn expected(card_id: &str) -> BTreeSet<String> {
    let sheet = parse_sheet(BUNDLED_SHEET).unwrap();
    let card = sheet.cards.iter().find(|card| card.id == card_id).unwrap();
    load_names()
        .highlighted(&card.regions)
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// The bundled story with the world map's shapes loaded.
async fn mount_with_map() -> (Element, AppHandle<Widget>) {
    mount(WidgetProps {
        options: DeckOptions {
            map: Some(shapes()),
            ..DeckOptions::default()
        },
        ..bundled_props()
    })
    .await
}

fn size(element: &Element) -> (i32, i32) {
    (element.client_width(), element.client_height())
}

#[wasm_bindgen_test]
async fn the_map_highlights_exactly_the_sheets_regions() {
    let (host, _app) = mount_with_map().await;
    let regions = card(&host, "regions");
    assert_eq!(
        highlighted(&regions),
        BTreeSet::from(["AF".to_owned(), "IR".to_owned(), "PK".to_owned()])
    );
    let network = card(&host, "wider-isis-network");
    let network_codes = highlighted(&network);
    assert_eq!(network_codes, expected("wider-isis-network"));
    assert!(network_codes.contains("EG") && network_codes.contains("ID") && network_codes.contains("UZ"));
    // Only the two cards with regions and the one with a point have a map.
    assert_eq!(host.query_selector_all(".fc-map").unwrap().length(), 3);
    let attack = card(&host, "what-happened");
    assert!(highlighted(&attack).is_empty(), "a point highlights no country");
    assert_eq!(
        attack
            .query_selector(".fc-map__label")
            .unwrap()
            .and_then(|label| label.text_content())
            .as_deref(),
        Some("Moscow")
    );
    // Every path, highlighted or not, says which country it is.
    let all = regions.query_selector_all("svg path").unwrap().length();
    assert_eq!(codes(&regions, "svg path").len() as u32, all);
}

#[wasm_bindgen_test]
async fn the_map_has_a_size_and_a_text_alternative() {
    let (host, _app) = mount_with_map().await;
    for id in ["regions", "wider-isis-network"] {
        let svg = card(&host, id)
            .query_selector("svg.fc-map__svg")
            .unwrap()
            .expect("an svg");
        let (width, height) = size(&svg);
        assert!(width > 100 && height > 50, "{id}: {width}x{height}");
        // Two to one, as the placeholder.
        assert!((width - 2 * height).abs() <= 2, "{id}: {width}x{height}");
        assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
        let title_id = svg.get_attribute("aria-labelledby").unwrap();
        let title = svg.query_selector("title").unwrap().unwrap();
        assert_eq!(title.id(), title_id);
        assert!(title.text_content().unwrap().starts_with("Map showing "));
    }
    let caption = card(&host, "regions")
        .query_selector("figcaption")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(caption, "On the map: Afghanistan, Pakistan and Iran");
}

#[wasm_bindgen_test]
async fn the_placeholder_holds_the_maps_space_until_the_shapes_arrive() {
    // One sheet for both renders, as when the shapes arrive for the deck
    // on screen (a new sheet would be a new deck).
    let sheet = bundled_props();
    let (host, mut app) = mount(WidgetProps {
        options: DeckOptions {
            map_loading: true,
            ..DeckOptions::default()
        },
        ..sheet.clone()
    })
    .await;
    let regions = card(&host, "regions");
    assert!(regions.query_selector("svg").unwrap().is_none());
    let placeholder = regions
        .query_selector(".fc-map__placeholder")
        .unwrap()
        .expect("a placeholder");
    let before = size(&placeholder);
    let card_height = regions.client_height();
    assert!(before.0 > 100, "{before:?}");
    app.update(WidgetProps {
        options: DeckOptions {
            map: Some(shapes()),
            ..DeckOptions::default()
        },
        ..sheet
    });
    yew::scheduler::flush().await;
    let regions = card(&host, "regions");
    let svg = regions.query_selector("svg").unwrap().expect("the map");
    assert_eq!(size(&svg), before, "no layout shift");
    assert_eq!(regions.client_height(), card_height);
    assert!(regions.query_selector(".fc-map__placeholder").unwrap().is_none());
    // The very element that held the space holds the map: its box never
    // depends on the SVG, not even between two layouts.
    let frame = regions
        .query_selector(".fc-map__frame")
        .unwrap()
        .expect("the frame");
    assert!(frame.is_same_node(Some(&placeholder)));
}

#[wasm_bindgen_test]
async fn without_shapes_only_the_caption_shows() {
    let (host, _app) = mount(bundled_props()).await;
    let regions = card(&host, "regions");
    assert!(regions.query_selector("svg").unwrap().is_none());
    assert!(regions.query_selector(".fc-map__placeholder").unwrap().is_none());
    assert!(regions.query_selector("figcaption").unwrap().is_some());
}

/// The wasm has no names to check `regions` against: a reader's widget
/// checks an entry's form (the CLI checks it names a known place).
#[wasm_bindgen_test]
fn a_reader_checks_regions_by_their_form() {
    let regions = |list: &str| {
        with(
            r#""title": "Formed in 2015","#,
            &format!(r#""title": "Formed in 2015", "regions": {list},"#),
        )
    };
    assert_eq!(
        errors(&regions(r#"["AF", "middle-east", "XX", "some-key"]"#)),
        Vec::<String>::new()
    );
    assert_eq!(
        errors(&regions(r#"["AF", "Iran", "AF"]"#)),
        [
            "cards[0].regions[1]: unknown region \"Iran\" (use an ISO 3166-1 alpha-2 code such as \"AF\", or a region key such as \"middle-east\")",
            "cards[0].regions[2]: duplicate region \"AF\"",
        ]
    );
}
