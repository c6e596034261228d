//! The places a card's `regions` may name: ISO 3166-1 alpha-2 country codes
//! and named macro-regions, their names in English and Russian, and the
//! countries each region holds.
//!
//! The names are data/world-names.json (15.6 KB, 5.6 KB gzipped). Native
//! builds (the CLI, server-side rendering, the tests) compile them in, to
//! check every entry of a sheet's `regions` and name it. The wasm does not:
//! the widget fetches them with the map shapes (see map.rs), and only for a
//! sheet with regions, then hands them to [`World::load`]. Until they are
//! here a reader's widget checks only what an entry looks like (see
//! validate.rs) and a map's caption names the entries as written. Both files
//! are written by tools/map/build-map.mjs.

use std::sync::OnceLock;

use super::json::{self, Node};

/// data/world-names.json: every code and region key the format accepts.
/// Compiled into native builds only.
#[cfg(not(target_arch = "wasm32"))]
pub const WORLD_NAMES: &str = include_str!("../../data/world-names.json");

/// The places once known: compiled in natively, fetched in the wasm.
static WORLD: OnceLock<World> = OnceLock::new();

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
    /// The places. Natively the compiled-in names, parsed on first use: the
    /// file is part of the build and `tests/regions.rs` checks it parses; if
    /// it ever did not, every entry would be reported as unknown rather than
    /// the CLI panicking. In the wasm, the names [`World::load`] was given,
    /// and no place at all before that.
    pub fn get() -> &'static World {
        #[cfg(not(target_arch = "wasm32"))]
        return WORLD.get_or_init(|| World::parse(WORLD_NAMES).unwrap_or_default());
        #[cfg(target_arch = "wasm32")]
        {
            static NONE: World = World {
                countries: Vec::new(),
                regions: Vec::new(),
            };
            WORLD.get().unwrap_or(&NONE)
        }
    }

    /// Takes the names of data/world-names.json, fetched (the wasm has
    /// none of its own). Names already known are kept.
    pub fn load(text: &str) -> Result<(), String> {
        let world = World::parse(text)?;
        let _ = WORLD.set(world);
        Ok(())
    }

    /// Reads data/world-names.json:
    /// `{"countries": {"AF": {"en": …, "ru": …}, …}, "regions": {"africa":
    /// {"en": …, "ru": …, "members": ["AO", …]}, …}}`. Codes and members
    /// must be sorted, as the script writes them: look-ups are binary
    /// searches, and checking order costs the wasm less than sorting.
    pub fn parse(text: &str) -> Result<World, String> {
        let root = json::parse(text).map_err(|error| format!("world names: {error}"))?;
        let list = root.get("countries").ok_or("world names: no countries")?;
        let countries = list
            .expect_object("countries")?
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
        for entry in list.expect_object("regions")? {
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

// ---- Reading the parsed JSON ---------------------------------------------------

fn strings(node: &Node, what: &str) -> Result<Vec<String>, String> {
    node.expect_array(what)?
        .iter()
        .map(|item| {
            item.as_str()
                .map(str::to_owned)
                .ok_or_else(|| format!("{what}: expected a string, found {}", item.value.kind()))
        })
        .collect()
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
