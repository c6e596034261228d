//! The places a card's map can show: ISO 3166-1 alpha-2 country codes and
//! named macro-regions, their names in English and Russian, the countries
//! each region holds, and the shapes to draw them with.
//!
//! The data is split by when it is needed. The names
//! (data/world-names.json, a few KB gzipped) are compiled in and parsed once,
//! at first use, because validation and captions need them at once. The
//! shapes (data/world-map.json, about 20 KB gzipped) stay out of the wasm:
//! the browser fetches them only for a sheet that has a map, and
//! [`WorldShapes::parse`] reads them. Both files are written by
//! tools/map/build-map.mjs. Pure Rust, like the rest of the model.

use std::fmt;
use std::rc::Rc;
use std::sync::OnceLock;

use super::json::{self, Member, Node, Value};

/// data/world-names.json: every code and region key the format accepts.
pub const WORLD_NAMES: &str = include_str!("../../data/world-names.json");

/// Width to height of every map, so that the space a map takes is known
/// before its shapes arrive.
pub const MAP_ASPECT: (i32, i32) = (2, 1);

/// A place's name in each language the widget's labels come in. English
/// names read as they do inside a sentence ("the Middle East", "the United
/// States"); Russian names are nominative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    pub en: String,
    pub ru: String,
}

impl Names {
    /// The name for a UI language tag (`en`, `ru`); English for any other.
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "ru" => &self.ru,
            _ => &self.en,
        }
    }
}

/// A country or territory, by its ISO 3166-1 alpha-2 code ("AF").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub code: String,
    pub names: Names,
}

/// A macro-region such as "middle-east", and the countries it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub key: String,
    pub names: Names,
    /// Alpha-2 codes, sorted.
    pub members: Vec<String>,
}

/// Every place a sheet may name in a card's `regions`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct World {
    /// Sorted by code.
    countries: Vec<Country>,
    /// In the order of the file, which the docs and messages follow.
    regions: Vec<Region>,
}

impl World {
    /// The compiled-in places, parsed on first use. The file is part of the
    /// build and `tests/regions.rs` checks it parses; if it ever did not,
    /// every entry would be reported as unknown rather than the widget
    /// panicking.
    pub fn get() -> &'static World {
        static WORLD: OnceLock<World> = OnceLock::new();
        WORLD.get_or_init(|| World::parse(WORLD_NAMES).unwrap_or_default())
    }

    /// Reads data/world-names.json:
    /// `{"countries": {"AF": {"en": …, "ru": …}, …}, "regions": {"africa":
    /// {"en": …, "ru": …, "members": ["AO", …]}, …}}`. Codes and members
    /// must be sorted, as the script writes them: look-ups are binary
    /// searches, and checking order costs the wasm less than sorting.
    pub fn parse(text: &str) -> Result<World, String> {
        let root = json::parse(text).map_err(|error| format!("world names: {error}"))?;
        let list = root.get("countries").ok_or("world names: no countries")?;
        let countries = object(list, "countries")?
            .iter()
            .map(|entry| {
                Ok(Country {
                    code: entry.key.clone(),
                    names: names(&entry.value, &entry.key)?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        if !countries.is_sorted_by(|a, b| a.code < b.code) {
            return Err("world names: the countries are not sorted by code".to_owned());
        }
        let mut regions = Vec::new();
        let list = root.get("regions").ok_or("world names: no regions")?;
        for entry in object(list, "regions")? {
            let key = &entry.key;
            let members_node = entry
                .value
                .get("members")
                .ok_or_else(|| format!("world names: {key} has no members"))?;
            let members = strings(members_node, key)?;
            if !members.is_sorted_by(|a, b| a < b) {
                return Err(format!("world names: the members of {key} are not sorted"));
            }
            if let Some(stray) = members
                .iter()
                .find(|code| countries.binary_search_by(|c| c.code.as_str().cmp(code)).is_err())
            {
                return Err(format!("world names: {key} lists unknown code {stray}"));
            }
            regions.push(Region {
                key: key.clone(),
                names: names(&entry.value, key)?,
                members,
            });
        }
        Ok(World { countries, regions })
    }

    /// Every country, sorted by code.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// Every region, in the documented order.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries
            .binary_search_by(|country| country.code.as_str().cmp(code))
            .ok()
            .map(|index| &self.countries[index])
    }

    pub fn region(&self, key: &str) -> Option<&Region> {
        self.regions.iter().find(|region| region.key == key)
    }

    /// Whether `entry` is a country code or a region key, exactly as written.
    pub fn is_known(&self, entry: &str) -> bool {
        self.names(entry).is_some()
    }

    /// The names of a country code or a region key.
    pub fn names(&self, entry: &str) -> Option<&Names> {
        self.country(entry)
            .map(|country| &country.names)
            .or_else(|| self.region(entry).map(|region| &region.names))
    }

    /// The country codes a card's `regions` highlight, sorted: the countries
    /// named and every member of the regions named. Unknown entries add
    /// nothing.
    pub fn highlighted(&self, entries: &[String]) -> Vec<&str> {
        let regions: Vec<&Region> = entries.iter().filter_map(|entry| self.region(entry)).collect();
        self.countries
            .iter()
            .map(|country| country.code.as_str())
            .filter(|code| {
                entries.iter().any(|entry| entry == code)
                    || regions
                        .iter()
                        .any(|region| region.members.binary_search_by(|m| m.as_str().cmp(code)).is_ok())
            })
            .collect()
    }
}

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
        for entry in object(list, "countries")? {
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
                    array(points, code)?
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

    /// The part of the map that shows `codes`: their boxes with a margin, at
    /// least [`MIN_VIEW_WIDTH`] wide, widened or heightened to
    /// [`MAP_ASPECT`], and moved inside the map where it fits. With no known
    /// code, the whole map.
    pub fn frame<'a>(&self, codes: impl IntoIterator<Item = &'a str>) -> ViewBox {
        let union = codes
            .into_iter()
            .filter_map(|code| self.shape(code))
            .map(|shape| shape.bbox)
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

fn object<'n>(node: &'n Node, what: &str) -> Result<&'n [Member], String> {
    node.as_object()
        .ok_or_else(|| format!("{what}: expected an object, found {}", node.value.kind()))
}

fn array<'n>(node: &'n Node, what: &str) -> Result<&'n [Node], String> {
    node.as_array()
        .ok_or_else(|| format!("{what}: expected an array, found {}", node.value.kind()))
}

fn strings(node: &Node, what: &str) -> Result<Vec<String>, String> {
    array(node, what)?
        .iter()
        .map(|item| {
            item.as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("{what}: expected a string, found {}", item.value.kind()))
        })
        .collect()
}

fn integers(node: &Node, what: &str) -> Result<Vec<i32>, String> {
    array(node, what)?
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

fn names(node: &Node, what: &str) -> Result<Names, String> {
    let name = |lang: &str| {
        node.get(lang)
            .and_then(Node::as_str)
            .map(str::to_owned)
            .ok_or_else(|| format!("world names: {what} has no \"{lang}\" name"))
    };
    Ok(Names {
        en: name("en")?,
        ru: name("ru")?,
    })
}
