//! The shapes of the countries a card's map draws, and how a map is framed.
//!
//! The shapes (data/world-map.json, about 20 KB gzipped) stay out of the
//! wasm: the browser fetches them only for a sheet that has a map, and
//! [`WorldShapes::parse`] reads them. The names of the places are compiled
//! in: see places.rs. Pure Rust, like the rest of the model.

use std::fmt;
use std::rc::Rc;

use super::json::{self, Node, Value};
use super::sheet::MAP_LATITUDES;

/// Width to height of every map, so that the space a map takes is known
/// before its shapes arrive.
pub const MAP_ASPECT: (i32, i32) = (2, 1);

/// A rectangle in map units: `[x0, y0, x1, y1]`, x to the east, y to the
/// south.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BBox {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl BBox {
    fn union(self, other: BBox) -> BBox {
        BBox {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// Whether any of the box shows in `view`.
    pub fn intersects(&self, view: &ViewBox) -> bool {
        self.x1 >= view.x
            && self.x0 <= view.x + view.width
            && self.y1 >= view.y
            && self.y0 <= view.y + view.height
    }
}

/// How a country is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outline {
    /// Its shape, as SVG path data in map units.
    Path(Rc<str>),
    /// Too small for the map's scale: marker points, the main island first.
    Points(Vec<(i32, i32)>),
}

/// One country on the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    pub outline: Outline,
    /// What a map showing the country must include: its main part and the
    /// parts near it (France without French Guiana).
    pub bbox: BBox,
    /// Everything it draws, far-flung parts included, to tell whether it
    /// shows in a view.
    pub extent: BBox,
}

/// The part of the map an SVG shows, in map units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewBox {
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
}

impl fmt::Display for ViewBox {
    /// The `viewBox` attribute: `x y width height`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {} {}", self.x, self.y, self.width, self.height)
    }
}

/// Map units to the degree, of longitude and of latitude alike.
const UNITS_PER_DEGREE: f64 = 10.0;

/// Where a latitude and longitude (degrees, north and east positive) fall on
/// the map, in map units: data/world-map.json's equirectangular
/// `"projection"`, ten units to the degree from 180° W and from the map's
/// northern edge ([`MAP_LATITUDES`]). `tests/regions.rs` checks it against
/// the file.
pub fn project(lat: f64, lon: f64) -> (i32, i32) {
    let north = f64::from(MAP_LATITUDES.1);
    (
        ((lon + 180.0) * UNITS_PER_DEGREE).round() as i32,
        ((north - lat) * UNITS_PER_DEGREE).round() as i32,
    )
}

/// The narrowest part of the world a map shows (72 degrees of longitude), so
/// that a few small countries appear with their neighbours for context
/// rather than as a blob filling the card.
pub const MIN_VIEW_WIDTH: i32 = 720;

/// The country shapes of data/world-map.json.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorldShapes {
    /// The whole map: `0 0 width height`.
    pub width: i32,
    pub height: i32,
    /// Sorted by code.
    countries: Vec<(String, Shape)>,
}

impl WorldShapes {
    /// Reads data/world-map.json: `{"viewBox": "0 0 3600 1420", "countries":
    /// {"AF": {"d": "M…z", "bbox": [x0, y0, x1, y1]}, "SG": {"points": [[x,
    /// y]], "bbox": […]}, …}}`, with an optional `"extent"` box where a
    /// country reaches beyond its `bbox`.
    pub fn parse(text: &str) -> Result<WorldShapes, String> {
        let root = json::parse(text).map_err(|error| format!("world map: {error}"))?;
        let view = root
            .get("viewBox")
            .and_then(Node::as_str)
            .ok_or("world map: no viewBox")?;
        let numbers: Vec<i32> = view.split_whitespace().filter_map(|n| n.parse().ok()).collect();
        let [0, 0, width, height] = numbers[..] else {
            return Err(format!(
                "world map: viewBox \"{view}\" is not \"0 0 width height\""
            ));
        };
        let list = root.get("countries").ok_or("world map: no countries")?;
        let mut countries = Vec::new();
        for entry in list.expect_object("countries")? {
            let code = &entry.key;
            let bbox_node = entry
                .value
                .get("bbox")
                .ok_or_else(|| format!("world map: {code} has no bbox"))?;
            let bbox = bbox(bbox_node, code)?;
            let extent = match entry.value.get("extent") {
                Some(node) => self::bbox(node, code)?,
                None => bbox,
            };
            let needs_one = || format!("world map: {code} needs either \"d\" or \"points\"");
            let outline = match (entry.value.get("d"), entry.value.get("points")) {
                (Some(d), None) => Outline::Path(Rc::from(d.as_str().ok_or_else(needs_one)?)),
                (None, Some(points)) => Outline::Points(
                    points
                        .expect_array(code)?
                        .iter()
                        .map(|point| match integers(point, code)?[..] {
                            [x, y] => Ok((x, y)),
                            _ => Err(format!("world map: {code}: a point is [x, y]")),
                        })
                        .collect::<Result<_, _>>()?,
                ),
                _ => return Err(needs_one()),
            };
            countries.push((
                code.clone(),
                Shape {
                    outline,
                    bbox,
                    extent,
                },
            ));
        }
        if !countries.is_sorted_by(|a, b| a.0 < b.0) {
            return Err("world map: the countries are not sorted by code".to_owned());
        }
        Ok(WorldShapes {
            width,
            height,
            countries,
        })
    }

    pub fn shape(&self, code: &str) -> Option<&Shape> {
        self.countries
            .binary_search_by(|(known, _)| known.as_str().cmp(code))
            .ok()
            .map(|index| &self.countries[index].1)
    }

    /// Every country with its shape, by code.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Shape)> {
        self.countries.iter().map(|(code, shape)| (code.as_str(), shape))
    }

    /// The part of the map that shows `codes` and `points` (map units, see
    /// [`project`]): their boxes with a margin, at least [`MIN_VIEW_WIDTH`]
    /// wide, widened or heightened to [`MAP_ASPECT`], and moved inside the
    /// map where it fits. With no known code and no point, the whole map.
    pub fn frame<'a>(&self, codes: impl IntoIterator<Item = &'a str>, points: &[(i32, i32)]) -> ViewBox {
        let union = codes
            .into_iter()
            .filter_map(|code| self.shape(code))
            .map(|shape| shape.bbox)
            .chain(points.iter().map(|&(x, y)| BBox {
                x0: x,
                y0: y,
                x1: x,
                y1: y,
            }))
            .reduce(BBox::union)
            .unwrap_or(BBox {
                x0: 0,
                y0: 0,
                x1: self.width,
                y1: self.height,
            });
        frame(union, self.width, self.height)
    }
}

/// See [`WorldShapes::frame`].
pub fn frame(union: BBox, map_width: i32, map_height: i32) -> ViewBox {
    let (aspect_w, aspect_h) = MAP_ASPECT;
    let (w, h) = (union.x1 - union.x0, union.y1 - union.y0);
    // 8% of the larger side on each side, and at least 4 degrees, so that
    // no highlighted coast touches the edge.
    let margin = (w.max(h) * 8 / 100).max(40);
    let mut width = (w + 2 * margin).max(MIN_VIEW_WIDTH);
    let mut height = h + 2 * margin;
    if width * aspect_h < height * aspect_w {
        width = div_ceil(height * aspect_w, aspect_h);
    }
    height = div_ceil(width * aspect_h, aspect_w);
    if width > map_width {
        width = map_width;
        height = div_ceil(width * aspect_h, aspect_w);
    }
    let place = |centre: i32, size: i32, limit: i32| {
        if size >= limit {
            (limit - size) / 2
        } else {
            (centre - size / 2).clamp(0, limit - size)
        }
    };
    ViewBox {
        x: place((union.x0 + union.x1) / 2, width, map_width),
        y: place((union.y0 + union.y1) / 2, height, map_height),
        width,
        height,
    }
}

fn div_ceil(a: i32, b: i32) -> i32 {
    (a + b - 1) / b
}

// ---- Reading the parsed JSON ---------------------------------------------------

fn integers(node: &Node, what: &str) -> Result<Vec<i32>, String> {
    node.expect_array(what)?
        .iter()
        .map(|item| match &item.value {
            Value::Number(raw) => raw
                .parse()
                .map_err(|_| format!("{what}: {raw} is not an integer")),
            other => Err(format!("{what}: expected a number, found {}", other.kind())),
        })
        .collect()
}

fn bbox(node: &Node, what: &str) -> Result<BBox, String> {
    match integers(node, what)?[..] {
        [x0, y0, x1, y1] if x0 <= x1 && y0 <= y1 => Ok(BBox { x0, y0, x1, y1 }),
        _ => Err(format!("{what}: a box is [x0, y0, x1, y1]")),
    }
}
