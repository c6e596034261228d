//! A card's `points`: places marked on its map with a dot and a name. How
//! they decode, the rules on them (exact messages), where they fall on the
//! map and how they frame it.

mod common;

use common::{errors, first_card_with};
use factcards::model::map::{MIN_VIEW_WIDTH, project};
use factcards::model::{MAP_LATITUDES, Point, WorldShapes, parse_sheet};

const WORLD_MAP: &str = include_str!("../data/world-map.json");

/// The valid sheet with `points` on its first card.
fn sheet_with(points: &str) -> String {
    first_card_with(&format!(r#""points": {points}"#))
}

/// The error lines for a sheet whose first card has `points`.
fn point_errors(points: &str) -> Vec<String> {
    errors(&sheet_with(points))
}

#[test]
fn a_point_decodes_with_its_name_and_coordinates() {
    let sheet =
        parse_sheet(&sheet_with(r#"[{"name": "Moscow", "lat": 55.76, "lon": 37.62}]"#)).expect("valid");
    assert_eq!(
        sheet.cards[0].points,
        [Point {
            name: "Moscow".into(),
            lat: 55.76,
            lon: 37.62
        }]
    );
    assert!(sheet.cards[0].has_map(), "points alone make a map");
    assert!(!sheet.cards[1].has_map());
}

#[test]
fn coordinates_must_be_numbers_and_every_field_is_required() {
    assert_eq!(
        point_errors(r#"[{"name": "Moscow", "lat": "55.76"}, {"lat": 1, "lon": 2, "city": "x"}, "Moscow"]"#),
        [
            "cards[0].points[0]: missing field \"lon\"",
            "cards[0].points[0].lat: expected a number of degrees, found a string",
            "cards[0].points[1]: missing field \"name\"",
            "cards[0].points[1].city: unknown field \"city\" (known fields: \"name\", \"lat\", \"lon\")",
            "cards[0].points[2]: expected an object, found a string",
        ]
    );
}

#[test]
fn a_point_must_be_on_the_map_and_named() {
    assert_eq!(
        point_errors(
            r#"[{"name": " ", "lat": 84, "lon": -180}, {"name": "Pole", "lat": 90, "lon": 0},
                {"name": "South", "lat": -58.5, "lon": 180.5}, {"name": "Far", "lat": 1e999, "lon": -181}]"#
        ),
        [
            "cards[0].points[0].name: is only whitespace",
            "cards[0].points[1].lat: latitude off the map: it must be from -58 to 84 (degrees, north positive)",
            "cards[0].points[2].lat: latitude off the map: it must be from -58 to 84 (degrees, north positive)",
            "cards[0].points[2].lon: longitude out of range: it must be from -180 to 180 (degrees, east positive)",
            "cards[0].points[3].lat: latitude off the map: it must be from -58 to 84 (degrees, north positive)",
            "cards[0].points[3].lon: longitude out of range: it must be from -180 to 180 (degrees, east positive)",
        ]
    );
}

#[test]
fn the_projection_is_the_map_files() {
    // The file states its projection in words; `project` must agree.
    let (south, north) = MAP_LATITUDES;
    assert!(WORLD_MAP.contains(&format!(
        r#""projection": "equirectangular: x = (lon + 180) * 3600 / 360, y = ({north} - lat) * 3600 / 360""#
    )));
    assert!(WORLD_MAP.contains(&format!(r#""viewBox": "0 0 3600 {}""#, (north - south) * 10)));
    assert_eq!(project(84.0, -180.0), (0, 0));
    assert_eq!(project(-58.0, 180.0), (3600, 1420));
    // Moscow falls inside Russia's box, on land.
    let shapes = WorldShapes::parse(WORLD_MAP).unwrap();
    let (x, y) = project(55.76, 37.62);
    let russia = shapes.shape("RU").unwrap().bbox;
    assert!(russia.x0 <= x && x <= russia.x1 && russia.y0 <= y && y <= russia.y1);
    assert_eq!((x, y), (2176, 282));
}

#[test]
fn a_point_alone_is_shown_with_its_surroundings() {
    let shapes = WorldShapes::parse(WORLD_MAP).unwrap();
    let moscow = project(55.76, 37.62);
    let view = shapes.frame([], &[moscow]);
    assert_eq!(view.width, MIN_VIEW_WIDTH);
    assert!(view.x < moscow.0 && moscow.0 < view.x + view.width);
    assert!(view.y < moscow.1 && moscow.1 < view.y + view.height);
    // With regions, the view holds both.
    let far = project(-33.9, 151.2);
    let view = shapes.frame(["AF"], &[far]);
    assert!(view.x + view.width >= far.0 && view.y + view.height >= far.1);
}
