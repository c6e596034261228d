//! The `regions` field of a card and its map: one test per rule with the
//! exact message, the place data the widget ships, how a map is framed, and
//! the map's markup rendered server-side.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use common::{VALID, errors, first_card_with};
use factcards::model::map::{BBox, MAP_ASPECT, MIN_VIEW_WIDTH, Outline, ViewBox, frame};
use factcards::model::places::WORLD_NAMES;
use factcards::model::{World, WorldShapes, check, parse_sheet};

/// The shapes file, which the browser fetches.
const WORLD_MAP: &str = include_str!("../data/world-map.json");

/// The valid sheet with `regions` on its first card.
fn sheet_with(regions: &str) -> String {
    first_card_with(&format!(r#""regions": {regions}"#))
}

/// The error lines for a sheet whose first card has `regions`.
fn region_errors(regions: &str) -> Vec<String> {
    errors(&sheet_with(regions))
}

const REGION_KEYS: &str = r#""africa", "middle-east", "central-asia", "southeast-asia", "south-asia", "east-asia", "europe", "caucasus", "north-america", "south-america", "oceania""#;

// ---- The rules ---------------------------------------------------------------

#[test]
fn country_codes_and_region_keys_are_accepted() {
    assert_eq!(
        region_errors(r#"["AF", "PK", "IR", "middle-east", "XK", "SG"]"#),
        Vec::<String>::new()
    );
    let sheet = parse_sheet(&sheet_with(r#"["AF", "africa"]"#)).expect("valid");
    assert_eq!(sheet.cards[0].regions, ["AF", "africa"]);
}

#[test]
fn regions_is_optional_and_an_empty_list_shows_no_map() {
    let sheet = parse_sheet(VALID).expect("valid");
    assert!(sheet.cards[0].regions.is_empty());
    assert_eq!(region_errors("[]"), Vec::<String>::new());
    // Serialised back, an empty list is left out, as it was written.
    let json = serde_json::to_string(&sheet).unwrap();
    assert!(!json.contains("regions"), "{json}");
}

#[test]
fn an_unknown_code_lists_what_is_accepted() {
    assert_eq!(
        region_errors(r#"["AF", "AFG"]"#),
        [format!(
            "cards[0].regions[1]: unknown region \"AFG\" (use an ISO 3166-1 alpha-2 code such as \"AF\", or one of: {REGION_KEYS})"
        )]
    );
}

#[test]
fn an_unknown_entry_has_its_line_and_column() {
    let report = check(&sheet_with(r#"["AF", "XX"]"#));
    let problem = report.errors().next().expect("an error");
    assert_eq!(problem.path, "cards[0].regions[1]");
    assert_eq!(problem.pos.map(|pos| (pos.line, pos.column)), Some((17, 90)));
}

#[test]
fn a_code_in_the_wrong_case_gets_a_suggestion() {
    assert_eq!(
        region_errors(r#"["af"]"#),
        ["cards[0].regions[0]: unknown region \"af\" (did you mean \"AF\"?)"]
    );
    assert_eq!(
        region_errors(r#"["Pk"]"#),
        ["cards[0].regions[0]: unknown region \"Pk\" (did you mean \"PK\"?)"]
    );
}

#[test]
fn a_misspelt_or_capitalised_region_key_gets_a_suggestion() {
    assert_eq!(
        region_errors(r#"["midle-east"]"#),
        ["cards[0].regions[0]: unknown region \"midle-east\" (did you mean \"middle-east\"?)"]
    );
    assert_eq!(
        region_errors(r#"["Africa"]"#),
        ["cards[0].regions[0]: unknown region \"Africa\" (did you mean \"africa\"?)"]
    );
    assert_eq!(
        region_errors(r#"["Middle East"]"#),
        ["cards[0].regions[0]: unknown region \"Middle East\" (did you mean \"middle-east\"?)"]
    );
    assert_eq!(
        region_errors(r#"["central_asia"]"#),
        ["cards[0].regions[0]: unknown region \"central_asia\" (did you mean \"central-asia\"?)"]
    );
}

#[test]
fn a_country_name_suggests_its_code() {
    assert_eq!(
        region_errors(r#"["Iran"]"#),
        ["cards[0].regions[0]: unknown region \"Iran\" (did you mean \"IR\"?)"]
    );
    assert_eq!(
        region_errors(r#"["United States"]"#),
        ["cards[0].regions[0]: unknown region \"United States\" (did you mean \"US\"?)"]
    );
    assert_eq!(
        region_errors(r#"["Пакистан"]"#),
        ["cards[0].regions[0]: unknown region \"Пакистан\" (did you mean \"PK\"?)"]
    );
}

#[test]
fn antarctica_is_not_on_the_map() {
    assert_eq!(
        region_errors(r#"["AQ"]"#),
        [format!(
            "cards[0].regions[0]: unknown region \"AQ\" (use an ISO 3166-1 alpha-2 code such as \"AF\", or one of: {REGION_KEYS})"
        )]
    );
}

#[test]
fn a_place_named_twice_is_an_error() {
    assert_eq!(
        region_errors(r#"["AF", "africa", "AF", "africa"]"#),
        [
            "cards[0].regions[2]: duplicate region \"AF\"",
            "cards[0].regions[3]: duplicate region \"africa\"",
        ]
    );
}

#[test]
fn regions_must_be_a_list_of_strings() {
    assert_eq!(
        region_errors(r#""AF""#),
        ["cards[0].regions: expected an array, found a string"]
    );
    assert_eq!(
        region_errors(r#"["AF", 4]"#),
        ["cards[0].regions[1]: expected a string, found a number"]
    );
    assert_eq!(
        region_errors("null"),
        ["cards[0].regions: expected an array, found null"]
    );
}

#[test]
fn the_schema_lists_every_place() {
    let schema: serde_json::Value = serde_json::from_str(&factcards::model::schema::schema_json()).unwrap();
    let regions = &schema["$defs"]["Card"]["properties"]["regions"];
    assert_eq!(regions["type"], "array");
    assert_eq!(regions["uniqueItems"], true);
    let allowed: Vec<&str> = regions["items"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|value| value.as_str())
        .collect();
    let world = World::get();
    assert_eq!(allowed.len(), world.countries().len() + world.regions().len());
    for place in ["AF", "PK", "IR", "XK", "africa", "middle-east"] {
        assert!(allowed.contains(&place), "{place}");
    }
    assert!(
        regions["description"]
            .as_str()
            .unwrap()
            .contains("ISO 3166-1 alpha-2")
    );
}

// ---- The place data ----------------------------------------------------------

#[test]
fn the_names_and_the_shapes_cover_the_same_places() {
    let world = World::parse(WORLD_NAMES).expect("data/world-names.json parses");
    let shapes = WorldShapes::parse(WORLD_MAP).expect("data/world-map.json parses");
    assert_eq!(&world, World::get());
    let named: BTreeSet<&str> = world.countries().iter().map(|c| c.code.as_str()).collect();
    let drawn: BTreeSet<&str> = shapes.iter().map(|(code, _)| code).collect();
    assert_eq!(named, drawn);
    // Every ISO 3166-1 country but Antarctica, and Kosovo.
    assert_eq!(named.len(), 249);
    assert!(named.contains("XK") && !named.contains("AQ"));
    for region in world.regions() {
        assert!(!region.members.is_empty(), "{}", region.key);
    }
    assert_eq!((shapes.width, shapes.height), (3600, 1420));
}

#[test]
fn names_are_short_common_names_in_english_and_russian() {
    let world = World::get();
    let name = |code: &str| {
        let names = world.names(code).unwrap();
        (names.en.as_str(), names.ru.as_str())
    };
    assert_eq!(name("IR"), ("Iran", "Иран"));
    assert_eq!(name("RU"), ("Russia", "Россия"));
    assert_eq!(name("KR"), ("South Korea", "Южная Корея"));
    assert_eq!(name("US"), ("the United States", "США"));
    assert_eq!(name("middle-east"), ("the Middle East", "Ближний Восток"));
    assert_eq!(name("southeast-asia"), ("Southeast Asia", "Юго-Восточная Азия"));
    for country in world.countries() {
        for text in [&country.names.en, &country.names.ru] {
            assert!(
                !text.contains(',') && !text.contains('('),
                "{}: {text}",
                country.code
            );
        }
    }
}

#[test]
fn regions_hold_their_countries() {
    let world = World::get();
    let members = |key: &str| world.region(key).unwrap().members.clone();
    assert_eq!(members("central-asia"), ["KG", "KZ", "TJ", "TM", "UZ"]);
    assert!(members("middle-east").contains(&"IR".to_owned()));
    assert!(members("southeast-asia").contains(&"SG".to_owned()));
    let codes = world.highlighted(&["AF".to_owned(), "central-asia".to_owned(), "KZ".to_owned()]);
    assert_eq!(
        codes.into_iter().collect::<Vec<_>>(),
        ["AF", "KG", "KZ", "TJ", "TM", "UZ"]
    );
}

#[test]
fn small_countries_are_marker_points() {
    let shapes = WorldShapes::parse(WORLD_MAP).unwrap();
    assert!(matches!(shapes.shape("SG").unwrap().outline, Outline::Points(_)));
    assert!(matches!(shapes.shape("AF").unwrap().outline, Outline::Rings(_)));
    // French Guiana is drawn with France, but France's box is European.
    let france = shapes.shape("FR").unwrap();
    assert!(france.bbox.x0 > 1700 && france.extent.x0 < 1300);
}

#[test]
fn broken_map_files_are_refused_with_a_reason() {
    assert!(WorldShapes::parse("{").is_err());
    assert_eq!(
        WorldShapes::parse(r#"{"viewBox": "0 0 10 10", "countries": {"AF": {"d": "M0 0z"}}}"#),
        Err("world map: AF needs either \"rings\" or \"points\"".to_owned())
    );
    assert_eq!(
        WorldShapes::parse(r#"{"viewBox": "0 0 10 10", "countries": {"AF": {"rings": ["AAAAAA", "AB"]}}}"#),
        Err(
            "world map: AF: ring 2 is not a string of at least three corners in the map's encoding"
                .to_owned()
        )
    );
    assert_eq!(
        WorldShapes::parse(r#"{"viewBox": "0 0 10 10", "countries": {"SG": {"points": []}}}"#),
        Err("world map: SG needs either \"rings\" or \"points\"".to_owned())
    );
    assert_eq!(
        World::parse(r#"{"countries": {"AF": {"en": "Afghanistan"}}}"#),
        Err("world names: AF has no \"ru\" name".to_owned())
    );
}

// ---- Framing -----------------------------------------------------------------

fn contains(view: &ViewBox, bbox: BBox) -> bool {
    view.x <= bbox.x0
        && view.y <= bbox.y0
        && view.x + view.width >= bbox.x1
        && view.y + view.height >= bbox.y1
}

fn has_map_aspect(view: &ViewBox) {
    let (w, h) = MAP_ASPECT;
    assert!((view.width * h - view.height * w).abs() <= w, "{view}");
}

#[test]
fn a_few_countries_are_shown_with_their_neighbours() {
    let shapes = WorldShapes::parse(WORLD_MAP).unwrap();
    let view = shapes.frame(["AF", "PK", "IR"], &[]);
    assert_eq!(view.width, MIN_VIEW_WIDTH);
    has_map_aspect(&view);
    for code in ["AF", "PK", "IR"] {
        assert!(
            contains(&view, shapes.shape(code).unwrap().bbox),
            "{code} in {view}"
        );
    }
    // A single small country is not blown up either.
    let view = shapes.frame(["LB"], &[]);
    assert_eq!(view.width, MIN_VIEW_WIDTH);
}

#[test]
fn a_continent_fits_whole() {
    let shapes = WorldShapes::parse(WORLD_MAP).unwrap();
    let world = World::get();
    for key in ["africa", "europe", "south-america", "southeast-asia"] {
        let codes = world.highlighted(std::slice::from_ref(&key.to_owned()));
        let view = shapes.frame(codes.iter().copied(), &[]);
        has_map_aspect(&view);
        for code in &codes {
            assert!(
                contains(&view, shapes.shape(code).unwrap().bbox),
                "{code} of {key} in {view}"
            );
        }
        assert!(
            view.x >= 0 && view.x + view.width <= shapes.width,
            "{key}: {view}"
        );
    }
}

#[test]
fn the_whole_world_is_as_wide_as_the_map_and_centred() {
    let view = frame(
        BBox {
            x0: 0,
            y0: 0,
            x1: 3600,
            y1: 1420,
        },
        3600,
        1420,
    );
    assert_eq!(
        view,
        ViewBox {
            x: 0,
            y: -190,
            width: 3600,
            height: 1800
        }
    );
}

// ---- The rendered map --------------------------------------------------------

use std::rc::Rc;

use factcards::BUNDLED_SHEET;
use factcards::ssr::{FallbackOptions, render_deck, render_fallback, world_shapes};
use factcards::{DeckOptions, FactDeckProps};

/// The `<figure>` of card `card` in `html`.
fn figure<'a>(html: &'a str, card: &str) -> &'a str {
    let start = html
        .find(&format!("data-card=\"{card}\""))
        .unwrap_or_else(|| panic!("card {card}"));
    let rest = &html[start..];
    let from = rest.find("<figure").expect("a figure");
    let to = rest.find("</figure>").expect("the figure's end");
    &rest[from..to + "</figure>".len()]
}

/// The value of `name="…"` in a tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[start..].split('"').next()
}

/// The codes of the highlighted `<path>`s, and of all of them.
fn path_codes(figure: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut highlighted = BTreeSet::new();
    let mut all = BTreeSet::new();
    for tag in figure.split("<path").skip(1) {
        let tag = &tag[..tag.find('>').unwrap()];
        let code = attribute(tag, "data-code")
            .expect("every path has data-code")
            .to_owned();
        let class = attribute(tag, "class").unwrap_or("");
        assert!(class.split(' ').any(|c| c == "fc-map__land"), "{tag}");
        if class.split(' ').any(|c| c == "fc-map__land--highlighted") {
            highlighted.insert(code.clone());
        }
        all.insert(code);
    }
    (highlighted, all)
}

fn text_of(figure: &str, open: &str, close: &str) -> String {
    let start = figure.find(open).unwrap_or_else(|| panic!("{open} in {figure}"));
    let inner = &figure[start..];
    let inner = &inner[inner.find('>').unwrap() + 1..inner.find(close).unwrap()];
    // Drop tags, keep text.
    let mut text = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

fn bundled_fallback(options: FallbackOptions) -> String {
    render_fallback(Rc::new(parse_sheet(BUNDLED_SHEET).unwrap()), &options)
}

#[test]
fn the_regions_card_highlights_exactly_afghanistan_pakistan_and_iran() {
    let html = bundled_fallback(FallbackOptions::default());
    let figure = figure(&html, "regions");
    let (highlighted, all) = path_codes(figure);
    assert_eq!(
        highlighted,
        BTreeSet::from(["AF".into(), "IR".into(), "PK".into()])
    );
    // Neighbours are drawn for context; far-away countries are left out.
    assert!(all.contains("TM") && all.contains("IN"));
    assert!(!all.contains("BR") && !all.contains("US"));
    assert_eq!(
        text_of(figure, "<title", "</title>"),
        "Map showing Afghanistan, Pakistan and Iran"
    );
    assert_eq!(
        text_of(figure, "<figcaption", "</figcaption>"),
        "On the map: Afghanistan, Pakistan and Iran"
    );
    let svg = &figure[figure.find("<svg").unwrap()..];
    let svg_tag = &svg[..svg.find('>').unwrap()];
    assert_eq!(attribute(svg_tag, "role"), Some("img"));
    assert_eq!(
        attribute(svg_tag, "aria-labelledby"),
        Some("map-title:moscow-concert-hall-attack-isis-k/regions")
    );
    assert!(figure.contains("<title id=\"map-title:moscow-concert-hall-attack-isis-k/regions\">"));
    assert_eq!(attribute(svg_tag, "viewBox"), Some("2049 343 720 360"));
}

#[test]
fn the_network_card_highlights_exactly_the_four_regions() {
    let html = bundled_fallback(FallbackOptions::default());
    let figure = figure(&html, "wider-isis-network");
    let (highlighted, _) = path_codes(figure);
    let world = World::get();
    let expected: BTreeSet<String> = ["africa", "middle-east", "central-asia", "southeast-asia"]
        .into_iter()
        .flat_map(|key| world.region(key).unwrap().members.clone())
        .collect();
    assert_eq!(highlighted, expected);
    assert!(highlighted.contains("SG") && highlighted.contains("ZA") && highlighted.contains("KZ"));
    assert_eq!(
        text_of(figure, "<title", "</title>"),
        "Map showing Africa, the Middle East, Central Asia and Southeast Asia"
    );
    assert_eq!(
        text_of(figure, "<figcaption", "</figcaption>"),
        "On the map: Africa, the Middle East, Central Asia and Southeast Asia"
    );
}

#[test]
fn the_map_speaks_russian_in_the_russian_ui() {
    let html = bundled_fallback(FallbackOptions {
        lang: Some("ru".to_owned()),
        ..FallbackOptions::default()
    });
    let network = figure(&html, "wider-isis-network");
    assert_eq!(
        text_of(network, "<figcaption", "</figcaption>"),
        "На карте: Африка, Ближний Восток, Центральная Азия и Юго-Восточная Азия"
    );
    assert_eq!(
        text_of(figure(&html, "regions"), "<title", "</title>"),
        "Карта: Афганистан, Пакистан и Иран"
    );
}

#[test]
fn only_cards_with_regions_or_points_have_a_map_and_no_markup_has_a_style_attribute() {
    let html = bundled_fallback(FallbackOptions::default());
    assert_eq!(html.matches("<figure class=\"fc-map\"").count(), 3);
    assert_eq!(html.matches("<svg").count(), 3);
    assert!(!html.contains("style="), "strict CSP: no style attributes");
}

#[test]
fn while_the_shapes_load_a_placeholder_holds_the_space() {
    let sheet = Rc::new(parse_sheet(BUNDLED_SHEET).unwrap());
    let html = render_deck(FactDeckProps {
        options: DeckOptions {
            map_loading: true,
            ..DeckOptions::default()
        },
        ..FactDeckProps::for_sheet(Rc::clone(&sheet))
    });
    let figure = figure(&html, "regions");
    assert!(
        figure.contains("<div aria-hidden=\"true\" class=\"fc-map__frame fc-map__placeholder\"></div>"),
        "{figure}"
    );
    assert!(!figure.contains("<svg"));
    assert_eq!(
        text_of(figure, "<figcaption", "</figcaption>"),
        "On the map: Afghanistan, Pakistan and Iran"
    );
}

#[test]
fn without_shapes_the_caption_stands_alone() {
    let sheet = Rc::new(parse_sheet(BUNDLED_SHEET).unwrap());
    let html = render_deck(FactDeckProps::for_sheet(sheet));
    let figure = figure(&html, "wider-isis-network");
    assert!(!figure.contains("<svg") && !figure.contains("placeholder"));
    assert!(figure.contains("On the map:"));
}

#[test]
fn the_native_build_has_the_shapes() {
    let shapes = world_shapes().expect("data/world-map.json is compiled into native builds");
    assert!(shapes.shape("AF").is_some());
}

#[test]
fn a_point_is_a_dot_with_its_name_on_the_map_and_in_the_words() {
    let html = bundled_fallback(FallbackOptions::default());
    let attack = figure(&html, "what-happened");
    // Moscow, 55.76 N 37.62 E, projected as data/world-map.json says.
    assert!(
        attack.contains(r#"d="M2167 282a9 9 0 1 0 18 0a9 9 0 1 0 -18 0z" class="fc-map__dot""#),
        "{attack}"
    );
    assert!(
        attack.contains(r#"<text x="2188" y="282" dy="0.35em" class="fc-map__label">Moscow</text>"#),
        "{attack}"
    );
    assert_eq!(
        text_of(attack, "<figcaption", "</figcaption>"),
        "On the map: Moscow"
    );
    assert_eq!(text_of(attack, "<title", "</title>"), "Map showing Moscow");
}
