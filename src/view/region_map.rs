//! `RegionMap`: a small world map in a card, highlighting the countries and
//! regions the card's `regions` name and marking its `points` with a dot and
//! a label, with a caption naming them all in words.
//!
//! The caption names the places in words. Server-side the names are
//! compiled in; the widget fetches them together with the shapes, so until
//! they arrive its caption gives the entries as written ("AF") and a
//! placeholder of the map's exact proportions holds the map's space.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::UiLang;
use crate::model::map::{coarsen_path, corners_of, grid_step, path_data, project};
use crate::model::{Outline, Point, ViewBox, World, WorldShapes};

#[derive(Properties, PartialEq)]
pub struct RegionMapProps {
    /// The card's `regions`: country codes and region keys, already valid.
    pub regions: Rc<[String]>,
    /// Optional: the card's `points`, already valid, marked with a dot and
    /// their name, and named after the regions in the caption.
    #[prop_or_default]
    pub points: Rc<[Point]>,
    /// Optional: the shapes, once they are loaded. Without them the map
    /// shows its caption, and a placeholder if `map_loading`.
    #[prop_or_default]
    pub map: Option<Rc<WorldShapes>>,
    /// Optional: whether the shapes are on their way, so that a placeholder
    /// holds the map's space until they arrive (no layout shift).
    #[prop_or_default]
    pub map_loading: bool,
    /// Makes the element ids unique on the page (the card's anchor).
    pub id_prefix: AttrValue,
    pub ui_lang: UiLang,
}

#[component]
pub fn RegionMap(props: &RegionMapProps) -> Html {
    let strings = props.ui_lang.strings();
    let world = World::get();
    let names: Vec<&str> = props
        .regions
        .iter()
        .map(|entry| {
            world
                .names(entry)
                .map_or(entry.as_str(), |names| names.get(strings.tag))
        })
        .chain(props.points.iter().map(|point| point.name.as_str()))
        .collect();
    let places = strings.list(&names);
    let title_id = format!("map-title:{}", props.id_prefix);
    // The paths are worked out once per set of places and shapes, not on
    // every render of the card.
    let paths = use_memo(
        (
            Rc::clone(&props.regions),
            Rc::clone(&props.points),
            props.map.clone(),
        ),
        |(regions, points, map)| {
            map.as_deref()
                .map(|shapes| MapPaths::new(shapes, regions, points))
        },
    );
    let picture = match (&*paths, props.map_loading) {
        (Some(paths), _) => html! {
            <div class="fc-map__frame">
            <svg class="fc-map__svg" viewBox={paths.view.to_string()} role="img"
                aria-labelledby={title_id.clone()} font-size={paths.label_size()}>
                <title id={title_id}>{ format!("{} {places}", strings.map_title) }</title>
                { for paths.land.iter().map(|path| path.html("fc-map__land")) }
                { for paths.highlighted.iter().map(|path| path.html("fc-map__land fc-map__land--highlighted")) }
                { for paths.points.iter().map(|path| path.html("fc-map__land fc-map__land--highlighted fc-map__land--point")) }
                { for paths.markers.iter().map(|marker| marker.html(paths.radius)) }
            </svg>
            </div>
        },
        // The same frame, empty: Yew keeps the element when the map comes,
        // so the space never collapses between the two, not even for the
        // layout of one task (in which WebKit, with no scroll anchoring,
        // had pulled a deep-linked card's scroll position back).
        (None, true) => html! { <div class="fc-map__frame fc-map__placeholder" aria-hidden="true"></div> },
        (None, false) => Html::default(),
    };
    html! {
        <figure class="fc-map">
            { picture }
            <figcaption class="fc-map__caption">
                <span class="fc-map__caption-label">{ strings.map_caption }</span>
                { " " }{ places }
            </figcaption>
        </figure>
    }
}

/// One country's `<path>`.
#[derive(PartialEq)]
struct CountryPath {
    code: AttrValue,
    d: AttrValue,
    /// `scale(3)` for an outline written in units of a grid of 3 map units.
    transform: Option<AttrValue>,
}

impl CountryPath {
    fn html(&self, class: &'static str) -> Html {
        html! { <path {class} data-code={self.code.clone()} d={self.d.clone()} transform={self.transform.clone()} /> }
    }
}

/// One of the card's points: where its dot is, and its name.
#[derive(PartialEq)]
struct Marker {
    x: i32,
    y: i32,
    name: AttrValue,
    /// Whether the name goes to the left of the dot: near the right edge of
    /// the view it would be cut off on the right.
    left: bool,
}

impl Marker {
    /// The dot (half as large again as a small country's, so that the two
    /// do not read alike) and the name beside it, its middle level with the
    /// dot; the name's size is the `<svg>`'s.
    fn html(&self, radius: i32) -> Html {
        let gap = if self.left { -2 * radius } else { 2 * radius };
        html! {
            <>
                <path class="fc-map__dot" d={circles(&[(self.x, self.y)], radius * 3 / 2)} />
                <text class="fc-map__label" x={(self.x + gap).to_string()} y={self.y.to_string()} dy="0.35em"
                    text-anchor={self.left.then_some("end")}>{ self.name.clone() }</text>
            </>
        }
    }
}

/// What a map draws: the part of the world it shows, the other countries in
/// view, the highlighted countries' shapes, dots for the highlighted
/// countries too small to have a shape, and the card's points.
#[derive(PartialEq)]
struct MapPaths {
    view: ViewBox,
    land: Vec<CountryPath>,
    highlighted: Vec<CountryPath>,
    points: Vec<CountryPath>,
    markers: Vec<Marker>,
    /// The radius of a small country's dot, in map units.
    radius: i32,
}

impl MapPaths {
    /// The size of the points' names, in map units, for a map that has
    /// points.
    fn label_size(&self) -> Option<String> {
        (!self.markers.is_empty()).then(|| (self.view.width / 25).to_string())
    }

    fn new(shapes: &WorldShapes, regions: &[String], points: &[Point]) -> Self {
        let codes = World::get().highlighted(regions);
        let at: Vec<(i32, i32)> = points.iter().map(|point| project(point.lat, point.lon)).collect();
        let view = shapes.frame(codes.iter().copied(), &at);
        // Markers and labels keep one size on screen whatever the zoom: a
        // radius of 0.8% of the map's width (3 px on a phone), and names at
        // 4% of it (about 13 px on a phone).
        let radius = (view.width / 120).max(2);
        let mut paths = MapPaths {
            view,
            land: Vec::new(),
            highlighted: Vec::new(),
            points: Vec::new(),
            markers: points
                .iter()
                .zip(at)
                .map(|(point, (x, y))| Marker {
                    x,
                    y,
                    name: AttrValue::from(point.name.clone()),
                    left: x > view.x + view.width * 2 / 3,
                })
                .collect(),
            radius,
        };
        let step = grid_step(view.width);
        let scaled: AttrValue = format!("scale({step})").into();
        // An outline on the view's grid, in its units; one the grid would
        // lose entirely (a speck of an island) as it is, in map units, so
        // that a small country named on the map is never left out.
        let outline = |rings: &[Box<str>]| {
            let rings = corners_of(rings);
            match coarsen_path(&rings, step) {
                Some(coarse) => (AttrValue::from(coarse), true),
                None => (AttrValue::from(path_data(&rings)), false),
            }
        };
        for (code, shape) in shapes.iter() {
            let lit = codes.binary_search(&code).is_ok();
            let (list, (d, on_grid)) = match &shape.outline {
                Outline::Rings(rings) if lit => (&mut paths.highlighted, outline(rings)),
                Outline::Rings(rings) if shape.extent.intersects(&view) => (&mut paths.land, outline(rings)),
                Outline::Points(points) if lit => (
                    &mut paths.points,
                    (AttrValue::from(circles(points, radius)), false),
                ),
                _ => continue,
            };
            list.push(CountryPath {
                code: AttrValue::from(code.to_owned()),
                d,
                transform: (on_grid && step > 1).then(|| scaled.clone()),
            });
        }
        paths
    }
}

/// Path data for a dot of radius `r` around each point.
fn circles(points: &[(i32, i32)], r: i32) -> String {
    points
        .iter()
        .map(|(x, y)| {
            format!(
                "M{} {y}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 {} 0z",
                x - r,
                2 * r,
                -2 * r
            )
        })
        .collect()
}
