//! The shapes of the countries a card's map draws, and how a map is framed.
//!
//! The shapes (data/world-map.json, about 15 KB gzipped) stay out of the
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
    /// Its shape: rings of corners in map units, each closing back to its
    /// first corner (holes wind the other way), as the file writes them
    /// ([`decode_ring`]): encoded, they take a third of the memory of their
    /// corners, and a map decodes them only to draw them ([`corners_of`]).
    Rings(Rc<[Box<str>]>),
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

/// About how many pixels wide a card's map is drawn at most (a deck is at
/// most 42em wide): a map's outlines need no finer grid than a map unit per
/// pixel of it, [`grid_step`].
pub const MAP_DRAWN_PX: i32 = 720;

/// The grid a map of `view_width` map units draws its outlines on
/// ([`coarsen_path`]): about one pixel of the map as drawn, and never finer
/// than a map unit.
pub fn grid_step(view_width: i32) -> i32 {
    (view_width / MAP_DRAWN_PX).max(1)
}

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
    /// {"AF": {"rings": ["u6Ekd…", …]}, "SG": {"points": [[x, y]]}, …}}`, each
    /// ring written as [`decode_ring`] reads it.
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
            let needs_one = || format!("world map: {code} needs either \"rings\" or \"points\"");
            let outline = match (entry.value.get("rings"), entry.value.get("points")) {
                (Some(rings), None) => {
                    let mut encoded = Vec::new();
                    for (index, ring) in rings.expect_array(code)?.iter().enumerate() {
                        let Some(text) = ring.as_str().filter(|text| decode_ring(text).is_some()) else {
                            return Err(format!(
                                "world map: {code}: ring {} is not a string of at least three corners in the map's encoding",
                                index + 1
                            ));
                        };
                        encoded.push(Box::from(text));
                    }
                    Outline::Rings(encoded.into())
                }
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
            let (bbox, extent) = boxes(&outline).ok_or_else(needs_one)?;
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

/// A ring as data/world-map.json writes it (tools/map/build-map.mjs
/// `encodeRing`): a number per character run, zigzag encoded (0, -1, 1, -2,
/// … as 0, 1, 2, 3, …) in base 32, least significant digit first, its last
/// digit from `A`–`Z` `a`–`f` and the others from `g`–`z` `0`–`9` `+` `/`;
/// the first corner absolute, each next one relative to the one before.
/// Two characters a corner for most of the 1:110m outlines, and no
/// separators. `None` unless it is at least three whole corners.
pub fn decode_ring(text: &str) -> Option<Vec<(i32, i32)>> {
    let mut numbers = Vec::with_capacity(text.len());
    let (mut value, mut shift) = (0u32, 0u32);
    for byte in text.bytes() {
        let (digit, last) = match byte {
            b'A'..=b'Z' => (byte - b'A', true),
            b'a'..=b'f' => (byte - b'a' + 26, true),
            b'g'..=b'z' => (byte - b'g', false),
            b'0'..=b'9' => (byte - b'0' + 20, false),
            b'+' => (30, false),
            b'/' => (31, false),
            _ => return None,
        };
        if shift > 25 {
            return None;
        }
        value |= u32::from(digit) << shift;
        shift += 5;
        if last {
            // Zigzag: even values are the non-negative numbers.
            let magnitude = i32::try_from(value >> 1).ok()?;
            numbers.push(if value & 1 == 0 { magnitude } else { -magnitude - 1 });
            (value, shift) = (0, 0);
        }
    }
    if shift != 0 || numbers.len() % 2 != 0 || numbers.len() < 6 {
        return None;
    }
    let mut corners = Vec::with_capacity(numbers.len() / 2);
    let (mut x, mut y) = (0i32, 0i32);
    for step in numbers.chunks_exact(2) {
        (x, y) = (x.checked_add(step[0])?, y.checked_add(step[1])?);
        corners.push((x, y));
    }
    Some(corners)
}

/// The corners of each of a country's rings ([`Outline::Rings`]).
pub fn corners_of(rings: &[Box<str>]) -> Vec<Vec<(i32, i32)>> {
    rings.iter().filter_map(|ring| decode_ring(ring)).collect()
}

/// How far from a country's main part another of its parts may lie, in map
/// units beyond half the main part's size, and still be framed with it: a
/// country's islands offshore are, French Guiana is not. Marker points
/// (island states) reach further.
const FRAMED_REACH: i32 = 100;
const FRAMED_REACH_OF_POINTS: i32 = 150;

/// A country's `bbox` and `extent` ([`Shape`]): the box of its main part
/// (largest ring, or first point) grown by its parts within reach of it
/// ([`FRAMED_REACH`]), and the box of all it draws. Far-flung parts are left
/// out of the first, or showing France would mean showing French Guiana,
/// and Russia's box would span the world (the antimeridian cut leaves a
/// sliver of Chukotka at the map's left edge). `None` for no part at all.
fn boxes(outline: &Outline) -> Option<(BBox, BBox)> {
    let box_of = |corners: &[(i32, i32)]| {
        corners
            .iter()
            .map(|&(x, y)| BBox {
                x0: x,
                y0: y,
                x1: x,
                y1: y,
            })
            .reduce(BBox::union)
    };
    let (parts, main, reach): (Vec<BBox>, usize, i32) = match outline {
        Outline::Rings(rings) => {
            let mut parts = Vec::with_capacity(rings.len());
            // The largest ring; of equal ones, the first written.
            let (mut main, mut largest) = (0, -1);
            for ring in corners_of(rings) {
                let Some(part) = box_of(&ring) else { continue };
                let area = ring_area_doubled(&ring).abs();
                if area > largest {
                    (main, largest) = (parts.len(), area);
                }
                parts.push(part);
            }
            (parts, main, FRAMED_REACH)
        }
        Outline::Points(points) => (
            points.iter().filter_map(|&point| box_of(&[point])).collect(),
            0,
            FRAMED_REACH_OF_POINTS,
        ),
    };
    let main = *parts.get(main)?;
    // In half units: half the main part's size need not be whole.
    let limit = 2 * reach + (main.x1 - main.x0).max(main.y1 - main.y0);
    let mut framed = main;
    let mut extent = main;
    for &part in &parts {
        let gap = 0
            .max(part.x0 - main.x1)
            .max(main.x0 - part.x1)
            .max(part.y0 - main.y1)
            .max(main.y0 - part.y1);
        if 2 * gap <= limit {
            framed = framed.union(part);
        }
        extent = extent.union(part);
    }
    Some((framed, extent))
}

/// Twice a ring's signed area (the shoelace formula), in square map units.
fn ring_area_doubled(ring: &[(i32, i32)]) -> i64 {
    let next = ring.iter().cycle().skip(1);
    ring.iter()
        .zip(next)
        .map(|(&(x0, y0), &(x1, y1))| i64::from(x0) * i64::from(y1) - i64::from(x1) * i64::from(y0))
        .sum()
}

/// A country's rings ([`Outline::Rings`]) as SVG path data on a grid of
/// `step` map units, written in units of that grid (draw it scaled by
/// `step`): each corner moved to the nearest grid point, then the corners
/// that coincide or lie on a straight run dropped, and those within a pixel
/// of the line between their neighbours. A map that shows a wide part of
/// the world gives a map unit a fraction of a pixel, and its detail is bytes
/// and layout work that no reader can see. Neighbours that share a border
/// share its corners, and so keep sharing them. A ring that shrinks to less
/// than a triangle goes; `None` if nothing is left (the caller draws
/// [`path_data`] instead).
pub fn coarsen_path(rings: &[Vec<(i32, i32)>], step: i32) -> Option<String> {
    let step = step.max(1);
    let snap = |value: i32| (value + step / 2).div_euclid(step);
    let coarse: Vec<Vec<(i32, i32)>> = rings
        .iter()
        .filter_map(|ring| {
            let mut corners: Vec<(i32, i32)> = Vec::with_capacity(ring.len());
            for &(x, y) in ring {
                let point = (snap(x), snap(y));
                if corners.last() != Some(&point) {
                    corners.push(point);
                }
            }
            while corners.len() > 1 && corners.first() == corners.last() {
                corners.pop();
            }
            let mut corners = simplify_ring(&corners);
            drop_straight_runs(&mut corners);
            (corners.len() >= 3).then_some(corners)
        })
        .collect();
    (!coarse.is_empty()).then(|| path_data(&coarse))
}

/// Rings as the shortest SVG path data: relative commands, `h`/`v` for
/// steps along an axis, a command letter only where it changes, and `-` as
/// a separator (`M12 34l3-1h5v2z`).
pub fn path_data(rings: &[Vec<(i32, i32)>]) -> String {
    let mut out = String::new();
    let mut pen: Option<(i32, i32)> = None;
    for corners in rings.iter().filter(|corners| !corners.is_empty()) {
        let (x0, y0) = corners[0];
        match pen {
            // Closing a ring returns the pen to its start.
            Some((px, py)) => write_move(&mut out, 'm', x0 - px, y0 - py),
            None => write_move(&mut out, 'M', x0, y0),
        }
        let mut last = ' ';
        for pair in corners.windows(2) {
            let (dx, dy) = (pair[1].0 - pair[0].0, pair[1].1 - pair[0].1);
            match (dx, dy) {
                (0, dy) => write_segment(&mut out, &mut last, 'v', &[dy]),
                (dx, 0) => write_segment(&mut out, &mut last, 'h', &[dx]),
                (dx, dy) => write_segment(&mut out, &mut last, 'l', &[dx, dy]),
            }
        }
        out.push('z');
        pen = Some((x0, y0));
    }
    out
}

/// How far, in grid units, a corner may lie off the line its neighbours
/// would draw and still be left out: under a pixel, on a map whose grid
/// unit is about a pixel.
const SIMPLIFY_TOLERANCE: f64 = 0.6;

/// A ring's corners without those within [`SIMPLIFY_TOLERANCE`] of the line
/// between the corners kept around them (Douglas–Peucker, split at the
/// corner farthest from the first).
fn simplify_ring(corners: &[(i32, i32)]) -> Vec<(i32, i32)> {
    let n = corners.len();
    if n < 4 {
        return corners.to_vec();
    }
    let far = (1..n)
        .max_by_key(|&i| {
            let (dx, dy) = (corners[i].0 - corners[0].0, corners[i].1 - corners[0].1);
            i64::from(dx) * i64::from(dx) + i64::from(dy) * i64::from(dy)
        })
        .unwrap_or(n / 2);
    let mut keep = vec![false; n + 1];
    keep[0] = true;
    keep[far] = true;
    keep[n] = true;
    // The ring as a line from its first corner round to it again (index n).
    let at = |i: usize| corners[i % n];
    let mut spans = vec![(0, far), (far, n)];
    while let Some((from, to)) = spans.pop() {
        if to <= from + 1 {
            continue;
        }
        // A span's line is fixed, so the corner farthest from it is the one
        // with the largest cross product (or, where the line is a point,
        // the largest squared distance), and whether it lies beyond the
        // tolerance is a comparison of squares: no square root, which a
        // map's thousands of corners would pay for in software in the wasm.
        let (a, b) = (at(from), at(to));
        let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
        let length_squared = dx * dx + dy * dy;
        let off = |p: (i32, i32)| {
            let (px, py) = (f64::from(p.0 - a.0), f64::from(p.1 - a.1));
            if length_squared == 0.0 {
                px * px + py * py
            } else {
                (px * dy - py * dx).abs()
            }
        };
        let (worst, most) = (from + 1..to)
            .map(|i| (i, off(at(i))))
            .fold(
                (from, 0.0),
                |best, next| if next.1 > best.1 { next } else { best },
            );
        let tolerance_squared = SIMPLIFY_TOLERANCE * SIMPLIFY_TOLERANCE;
        let beyond = if length_squared == 0.0 {
            most > tolerance_squared
        } else {
            most * most > tolerance_squared * length_squared
        };
        if beyond {
            keep[worst] = true;
            spans.push((from, worst));
            spans.push((worst, to));
        }
    }
    (0..n).filter(|&i| keep[i]).map(|i| corners[i]).collect()
}

/// Drops the corners of a ring that lie on a straight run, around its
/// closing too.
fn drop_straight_runs(corners: &mut Vec<(i32, i32)>) {
    let mut i = 0;
    let mut kept_since_drop = 0;
    while corners.len() >= 3 && kept_since_drop < corners.len() {
        let n = corners.len();
        i %= n;
        let (a, b, c) = (corners[(i + n - 1) % n], corners[i], corners[(i + 1) % n]);
        let cross = i64::from(b.0 - a.0) * i64::from(c.1 - a.1) - i64::from(b.1 - a.1) * i64::from(c.0 - a.0);
        if cross == 0 {
            corners.remove(i);
            kept_since_drop = 0;
        } else {
            i += 1;
            kept_since_drop += 1;
        }
    }
}

/// `M12 34` or `m-3 5`.
fn write_move(out: &mut String, command: char, x: i32, y: i32) {
    out.push(command);
    push_numbers(out, &[x, y]);
}

/// One segment, its command letter left out when it repeats the last one.
fn write_segment(out: &mut String, last: &mut char, command: char, numbers: &[i32]) {
    if *last != command {
        out.push(command);
        *last = command;
    } else if numbers[0] >= 0 {
        out.push(' ');
    }
    push_numbers(out, numbers);
}

/// Numbers as SVG path data writes them shortest: a minus sign separates.
fn push_numbers(out: &mut String, numbers: &[i32]) {
    for (i, number) in numbers.iter().enumerate() {
        if i > 0 && *number >= 0 {
            out.push(' ');
        }
        push_integer(out, *number);
    }
}

/// `number` in decimal, written straight into `out`: a map's path data is
/// thousands of numbers, and `to_string` would allocate a string for each.
fn push_integer(out: &mut String, number: i32) {
    if number < 0 {
        out.push('-');
    }
    let mut magnitude = number.unsigned_abs();
    let mut digits = [0u8; 10];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (magnitude % 10) as u8;
        magnitude /= 10;
        if magnitude == 0 {
            break;
        }
    }
    out.extend(digits[start..].iter().map(|&digit| char::from(digit)));
}

#[cfg(test)]
mod coarsen_tests {
    use super::{BBox, Outline, boxes, coarsen_path, decode_ring, path_data};

    /// A ring in the file's encoding, as tools/map/build-map.mjs writes it.
    fn encode(ring: &[(i32, i32)]) -> String {
        const FINAL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef";
        const MORE: &[u8] = b"ghijklmnopqrstuvwxyz0123456789+/";
        let mut out = String::new();
        let mut previous = (0, 0);
        for &(x, y) in ring {
            for number in [x - previous.0, y - previous.1] {
                let mut zigzag = if number < 0 { -2 * number - 1 } else { 2 * number } as usize;
                while zigzag >= 32 {
                    out.push(char::from(MORE[zigzag % 32]));
                    zigzag /= 32;
                }
                out.push(char::from(FINAL[zigzag]));
            }
            previous = (x, y);
        }
        out
    }

    fn square(x: i32, y: i32, size: i32) -> Vec<(i32, i32)> {
        vec![(x, y), (x + size, y), (x + size, y + size), (x, y + size)]
    }

    #[test]
    fn corners_move_to_the_grid_written_in_its_units_and_straight_runs_go() {
        // A square with a corner on each side's middle: on a grid of 2 the
        // middles lie on straight runs and go; the square is 2 grid units.
        let square_with_middles = vec![(0, 0), (2, 0), (4, 0), (4, 4), (2, 4), (0, 4)];
        assert_eq!(
            coarsen_path(&[square_with_middles], 2).as_deref(),
            Some("M0 0h2v2h-2z")
        );
        // Corners move to the nearest grid point.
        assert_eq!(
            coarsen_path(&[vec![(1, 1), (10, 1), (10, 10), (1, 10)]], 10).as_deref(),
            Some("M0 0h1v1h-1z")
        );
        // A ring after the first moves from the first one's start.
        assert_eq!(
            coarsen_path(&[square(0, 0, 4), square(10, 0, 4)], 2).as_deref(),
            Some("M0 0h2v2h-2zm5 0h2v2h-2z")
        );
        // A grid of one keeps every corner.
        assert_eq!(
            coarsen_path(&[vec![(5, 5), (8, 6), (7, 10)]], 1).as_deref(),
            Some("M5 5l3 1-1 4z")
        );
    }

    #[test]
    fn a_ring_smaller_than_the_grid_goes_and_nothing_left_is_none() {
        assert_eq!(
            coarsen_path(&[square(0, 0, 4), square(20, 20, 1)], 4).as_deref(),
            Some("M0 0h1v1h-1z")
        );
        assert_eq!(coarsen_path(&[square(20, 20, 1)], 4), None);
        // Drawn as it is instead.
        assert_eq!(path_data(&[square(20, 20, 1)]), "M20 20h1v1h-1z");
    }

    #[test]
    fn numbers_are_written_as_decimal_integers() {
        let rings = [vec![(-12, 0), (1_999_999_988, -7), (-5, 1_000_000)]];
        assert_eq!(path_data(&rings), "M-12 0l2000000000-7-1999999993 1000007z");
        for number in [0, 7, -1, 10, 1_000, i32::MAX, i32::MIN] {
            let mut out = String::new();
            super::push_integer(&mut out, number);
            assert_eq!(out, number.to_string());
        }
    }

    #[test]
    fn rings_decode_from_the_files_encoding() {
        // The United Arab Emirates' first corners: M2316 598l2-1v3l8-2.
        assert_eq!(
            decode_ring("4wEslBEBAGQD"),
            Some(vec![(2316, 598), (2318, 597), (2318, 600), (2326, 598)])
        );
        let ring = vec![(3599, 1419), (0, 0), (-40, 17), (1000, -1000)];
        assert_eq!(decode_ring(&encode(&ring)), Some(ring));
        // Under three corners, half a corner, a number left unfinished, a
        // character outside the encoding, a number beyond i32: refused.
        for broken in ["", "AAAA", "AAAAA", "AAAAAAg", "AAAA AA", "AAAAAAggggggggA"] {
            assert_eq!(decode_ring(broken), None, "{broken:?}");
        }
    }

    #[test]
    fn a_countrys_box_frames_its_main_part_and_the_parts_near_it() {
        let main = square(1000, 500, 100);
        // 140 units off: within 100 + half the main part's size.
        let offshore = square(1240, 500, 10);
        // Across the world.
        let overseas = square(200, 900, 50);
        let encoded: Vec<Box<str>> = [overseas, main, offshore]
            .iter()
            .map(|ring| encode(ring).into())
            .collect();
        let (bbox, extent) = boxes(&Outline::Rings(encoded.into())).expect("boxes");
        assert_eq!(
            bbox,
            BBox {
                x0: 1000,
                y0: 500,
                x1: 1250,
                y1: 600
            }
        );
        assert_eq!(
            extent,
            BBox {
                x0: 200,
                y0: 500,
                x1: 1250,
                y1: 950
            }
        );
        // Points: the first is the main one, and reaches 150 units.
        let (bbox, extent) = boxes(&Outline::Points(vec![(10, 10), (160, 10), (400, 10)])).expect("boxes");
        assert_eq!(
            bbox,
            BBox {
                x0: 10,
                y0: 10,
                x1: 160,
                y1: 10
            }
        );
        assert_eq!(extent.x1, 400);
        assert_eq!(boxes(&Outline::Points(Vec::new())), None);
    }

    #[test]
    fn the_bundled_map_on_a_grid_of_three_keeps_two_thirds_of_its_bytes_and_draws_every_large_country() {
        let shapes = super::WorldShapes::parse(include_str!("../../data/world-map.json")).expect("the map");
        let (mut before, mut after) = (0, 0);
        for (code, shape) in shapes.iter() {
            if let Outline::Rings(rings) = &shape.outline {
                let rings = super::corners_of(rings);
                let coarse = coarsen_path(&rings, 3);
                before += path_data(&rings).len();
                after += coarse.as_ref().map_or(0, String::len);
                let wide = shape.bbox.x1 - shape.bbox.x0 >= 9 || shape.bbox.y1 - shape.bbox.y0 >= 9;
                assert!(!wide || coarse.is_some(), "{code} vanished");
            }
        }
        assert!(
            after * 3 < before * 2,
            "a grid of 3 keeps {after} of {before} bytes"
        );
    }
}
