//! The rules a decoded sheet must follow, each reported with its JSON path.
//!
//! Decoding (decode.rs) settles the shape: which fields exist and their
//! types. These rules settle the meaning: unique ids, references that
//! resolve, text that says something, dates that exist, safe links. What a
//! date, a link or a slug looks like is in formats.rs.
//!
//! The rules run even when the shape had problems, on whatever decoded, so an
//! editor sees every problem at once. A rule whose input was not decoded (a
//! gap, see decode.rs) is skipped, and so is one that a problem already
//! reported would make wrong: with a source id misspelt, "source X is not
//! cited" and "no source of this fact has a url" would only repeat it.

use std::collections::HashMap;

#[cfg(not(target_arch = "wasm32"))]
use super::case::lowercase;
use super::citations::{MAX_LABEL_CHARS, SourceMarks};
use super::decode::Gaps;
use super::error::Problem;
use super::formats::{
    ENGLISH_MONTHS, SpreadsheetDate, is_invisible, is_iso_date, is_language_tag, is_slug, spreadsheet_date,
};
use super::json::Node;
use super::path::Path;
#[cfg(not(target_arch = "wasm32"))]
use super::places::{Names, World};
use super::sheet::{Fact, MAP_LATITUDES, MAX_REFRESH_SECONDS, MIN_REFRESH_SECONDS, Point, Sheet, Status};
use super::source_urls::check_source_url;
use super::suggest::{quoted_list, suggest};

/// Checks every rule and appends one problem per broken rule and place.
/// `gaps` are the values that did not decode, whose rules are skipped;
/// `root` is the parsed text, used only to give each problem its line and
/// column; a sheet that did not come from JSON text (a spreadsheet's) has
/// none.
pub fn validate(sheet: &Sheet, gaps: &Gaps, root: Option<&Node>, problems: &mut Vec<Problem>) {
    let mut rules = Rules { root, gaps, problems };
    rules.sheet(sheet);
}

struct Rules<'a> {
    root: Option<&'a Node>,
    gaps: &'a Gaps,
    problems: &'a mut Vec<Problem>,
}

/// The ids of one list (sources, categories or cards), and whether they are
/// all there: if one did not decode, a reference that matches none of them
/// may well name it, so it is not called unknown.
struct Known<'s> {
    ids: Vec<&'s str>,
    complete: bool,
}

/// What the rules that look across the sheet may rely on.
struct References {
    /// Every fact's sources decoded and name known sources.
    citations: bool,
    /// Every card's category decoded and names a known category.
    card_categories: bool,
}

impl Known<'_> {
    fn resolves(&self, id: &str) -> bool {
        self.ids.contains(&id)
    }
}

impl Rules<'_> {
    /// Whether the value at `path` decoded, so its rules can judge it.
    fn decoded(&self, path: &Path) -> bool {
        !self.gaps.covers(path)
    }

    /// The ids of the list at `key`, each read from its item's `id`.
    fn known<'s, T>(&self, key: &str, items: &'s [T], id: fn(&T) -> &str) -> Known<'s> {
        let list = Path::Root;
        let list = list.key(key);
        let complete =
            self.decoded(&list) && (0..items.len()).all(|index| self.decoded(&list.index(index).key("id")));
        Known {
            ids: items.iter().map(id).collect(),
            complete,
        }
    }

    fn error(&mut self, path: &Path, message: String) {
        self.push(path, Problem::error(path.to_string(), message));
    }

    fn warning(&mut self, path: &Path, message: String) {
        self.push(path, Problem::warning(path.to_string(), message));
    }

    fn push(&mut self, path: &Path, problem: Problem) {
        self.problems.push(match self.root {
            Some(root) => problem.at(path.locate(root)),
            None => problem,
        });
    }

    fn sheet(&mut self, sheet: &Sheet) {
        let root = Path::Root;
        let id_path = root.key("id");
        if self.text(&id_path, &sheet.id) && !is_slug(&sheet.id) {
            self.error(
                &id_path,
                format!(
                    "\"{}\" is not a slug: use lowercase letters, digits and single hyphens, such as \"moscow-attack\"",
                    sheet.id
                ),
            );
        }
        self.text(&root.key("title"), &sheet.title);
        self.text(&root.key("summary"), &sheet.summary);
        let lang_path = root.key("lang");
        if self.text(&lang_path, &sheet.lang) && !is_language_tag(&sheet.lang) {
            self.error(
                &lang_path,
                format!(
                    "\"{}\" is not a BCP 47 language tag such as \"en\" or \"pt-BR\"",
                    sheet.lang
                ),
            );
        }
        self.date(&root.key("updated"), &sheet.updated);
        if let Some(seconds) = sheet.refresh {
            self.refresh(&root.key("refresh"), seconds);
        }

        let sources = self.known("sources", &sheet.sources, |source| &source.id);
        let categories = self.known("categories", &sheet.categories, |category| &category.id);
        let cards = self.known("cards", &sheet.cards, |card| &card.id);
        let references = self.references(sheet, &sources, &categories);
        self.sources(sheet, &root, &references);
        self.source_marks(sheet, &root);
        self.categories(sheet, &root, &references);
        self.cards(sheet, &root, &sources, &categories);
        self.corrections(sheet, &root, &cards);
        if let Some(credit) = &sheet.credit {
            self.text(&root.key("credit"), credit);
        }
    }

    /// Whether every reference from the facts to the sources, and from the
    /// cards to the categories, decoded and resolves: only then can a source
    /// be said to be uncited, or a category empty.
    fn references(&self, sheet: &Sheet, sources: &Known, categories: &Known) -> References {
        let cards = Path::Root;
        let cards = cards.key("cards");
        let mut references = References {
            citations: sources.complete && self.decoded(&cards),
            card_categories: categories.complete && self.decoded(&cards),
        };
        for (index, card) in sheet.cards.iter().enumerate() {
            let card_path = cards.index(index);
            references.card_categories &=
                self.decoded(&card_path.key("category")) && categories.resolves(&card.category);
            let facts = card_path.key("facts");
            references.citations &= self.decoded(&facts);
            for (fact_index, fact) in card.facts.iter().enumerate() {
                let cited = facts.index(fact_index);
                let cited = cited.key("sources");
                references.citations &= self.decoded(&cited)
                    && fact.sources.iter().enumerate().all(|(source_index, citation)| {
                        let path = cited.index(source_index);
                        self.decoded(&path)
                            && self.decoded(&path.key("source"))
                            && sources.resolves(&citation.source)
                    });
            }
        }
        references
    }

    fn sources(&mut self, sheet: &Sheet, root: &Path, references: &References) {
        let list = root.key("sources");
        if !self.decoded(&list) {
            return;
        }
        self.not_empty_list(&list, sheet.sources.len(), "source");
        let mut seen = Vec::new();
        for (index, source) in sheet.sources.iter().enumerate() {
            let path = list.index(index);
            if !self.decoded(&path) {
                continue;
            }
            let has_id = self.id(&path, &source.id, "source", &mut seen);
            self.text(&path.key("title"), &source.title);
            if let Some(label) = &source.label {
                self.label(&path.key("label"), label);
            }
            if let Some(publisher) = &source.publisher {
                self.text(&path.key("publisher"), publisher);
            }
            if let Some(url) = &source.url {
                let url_path = path.key("url");
                if let Err(reason) = check_source_url(url) {
                    self.error(&url_path, reason);
                }
            }
            if let Some(published) = &source.published {
                self.date(&path.key("published"), published);
            }
            let citing: Vec<&Fact> = sheet
                .cards
                .iter()
                .flat_map(|card| &card.facts)
                .filter(|fact| fact.sources.iter().any(|cited| cited.source == source.id))
                .collect();
            // Once per source, not once per fact: the fix is the same. A
            // url of the wrong type was read as none, and is reported as such.
            let unchecked = citing
                .iter()
                .filter(|fact| {
                    !fact
                        .sources
                        .iter()
                        .filter_map(|cited| sheet.source(&cited.source))
                        .any(|source| source.url.is_some())
                })
                .count();
            if source.url.is_none() && unchecked > 0 && self.decoded(&path.key("url")) {
                let facts = if unchecked == 1 {
                    "fact cites"
                } else {
                    "facts cite"
                };
                self.warning(
                    &path,
                    format!(
                        "source \"{}\" has no url, and {unchecked} {facts} no source that has one: readers cannot check them",
                        source.id
                    ),
                );
            }
            if has_id && references.citations && citing.is_empty() {
                self.warning(
                    &path,
                    format!("source \"{}\" is not cited by any fact", source.id),
                );
            }
        }
    }

    /// A source's mark must be short, and no two sources may show the same
    /// mark (a label against another's label or default number).
    fn label(&mut self, path: &Path, label: &str) {
        if self.text(path, label) && label.chars().count() > MAX_LABEL_CHARS {
            self.error(
                path,
                format!(
                    "\"{label}\" is too long for a source mark: use at most {MAX_LABEL_CHARS} characters, such as \"AP\" or \"UN\""
                ),
            );
        }
    }

    fn source_marks(&mut self, sheet: &Sheet, root: &Path) {
        let marks = SourceMarks::new(sheet);
        let labels = marks.labels();
        for (index, label) in labels.iter().enumerate() {
            let first = labels.iter().position(|other| other == label);
            if let Some(first) = first.filter(|&first| first < index && !label.trim().is_empty()) {
                let list = root.key("sources");
                let path = list.index(index);
                let path = if sheet.sources[index].label.is_some() {
                    path.key("label")
                } else {
                    path
                };
                self.error(
                    &path,
                    format!(
                        "source \"{}\" would show the mark \"{label}\", which source \"{}\" already shows: give each source its own label",
                        sheet.sources[index].id, sheet.sources[first].id
                    ),
                );
            }
        }
    }

    fn categories(&mut self, sheet: &Sheet, root: &Path, references: &References) {
        let list = root.key("categories");
        if !self.decoded(&list) {
            return;
        }
        self.not_empty_list(&list, sheet.categories.len(), "category");
        let mut seen = Vec::new();
        for (index, category) in sheet.categories.iter().enumerate() {
            let path = list.index(index);
            if !self.decoded(&path) {
                continue;
            }
            let has_id = self.id(&path, &category.id, "category", &mut seen);
            self.text(&path.key("label"), &category.label);
            if let Some(description) = &category.description {
                self.text(&path.key("description"), description);
            }
            let has_cards = || sheet.cards.iter().any(|card| card.category == category.id);
            if has_id && references.card_categories && !has_cards() {
                self.error(&path, format!("category \"{}\" has no cards", category.id));
            }
        }
    }

    fn cards(&mut self, sheet: &Sheet, root: &Path, sources: &Known, categories: &Known) {
        let list = root.key("cards");
        if !self.decoded(&list) {
            return;
        }
        self.not_empty_list(&list, sheet.cards.len(), "card");
        let mut seen = Vec::new();
        // Fact ids are unique in the whole sheet, so that a fact moved to
        // another card keeps its id: each id with the path that has it first
        // (a hash map: the wasm has its code already, for Yew's listeners,
        // and a sheet may have thousands of ids).
        let mut fact_ids = HashMap::new();
        for (index, card) in sheet.cards.iter().enumerate() {
            let path = list.index(index);
            if !self.decoded(&path) {
                continue;
            }
            self.id(&path, &card.id, "card", &mut seen);
            self.reference(&path.key("category"), &card.category, "category", categories);
            self.text(&path.key("title"), &card.title);
            let facts_path = path.key("facts");
            if self.decoded(&facts_path) && card.facts.is_empty() {
                self.error(
                    &facts_path,
                    format!("card \"{}\" has no facts: add at least one", card.id),
                );
            }
            for (fact_index, fact) in card.facts.iter().enumerate() {
                let fact_path = facts_path.index(fact_index);
                if self.decoded(&fact_path) {
                    self.fact_id(&fact_path, fact, &mut fact_ids);
                    self.fact(&fact_path, fact, sources);
                }
            }
            self.regions(&path.key("regions"), &card.regions);
            self.points(&path.key("points"), &card.points);
        }
    }

    /// Each point of a card's map has a name and lies on the map: its
    /// latitude within [`MAP_LATITUDES`], its longitude from -180 to 180.
    /// The messages leave the number out: the path says which it is.
    fn points(&mut self, list: &Path, points: &[Point]) {
        let (south, north) = MAP_LATITUDES;
        for (index, point) in points.iter().enumerate() {
            let path = list.index(index);
            if !self.decoded(&path) {
                continue;
            }
            self.text(&path.key("name"), &point.name);
            let lat = path.key("lat");
            if self.decoded(&lat) && !(f64::from(south)..=f64::from(north)).contains(&point.lat) {
                let message = format!(
                    "latitude off the map: it must be from {south} to {north} (degrees, north positive)"
                );
                self.error(&lat, message);
            }
            let lon = path.key("lon");
            if self.decoded(&lon) && !(-180.0..=180.0).contains(&point.lon) {
                let message = "longitude out of range: it must be from -180 to 180 (degrees, east positive)";
                self.error(&lon, message.to_owned());
            }
        }
    }

    fn fact(&mut self, path: &Path, fact: &Fact, sources: &Known) {
        self.text(&path.key("text"), &fact.text);
        let sources_path = path.key("sources");
        if self.decoded(&sources_path) && fact.sources.is_empty() {
            self.error(&sources_path, "a fact must cite at least one source".to_owned());
        }
        for (index, citation) in fact.sources.iter().enumerate() {
            let path = sources_path.index(index);
            // A citation written as an object is judged at its "source"
            // field; a bare id at its place in the list.
            let id_path = if citation.excerpt.is_some() {
                path.key("source")
            } else {
                path
            };
            // A gap at the citation or its "source" was reported already.
            if self.decoded(&path.key("source")) {
                self.reference(&id_path, &citation.source, "source", sources);
            }
            if let Some(excerpt) = &citation.excerpt {
                self.text(&path.key("excerpt"), excerpt);
            }
        }
        let attribution_path = path.key("attribution");
        if let Some(attribution) = &fact.attribution {
            self.text(&attribution_path, attribution);
        } else if let Some(who) = claimant_needed(fact.status)
            && self.decoded(&path.key("status"))
            && self.decoded(&attribution_path)
        {
            // A claim or a dispute without its claimant reads as fact; a
            // report's reporter is its source, which every fact already
            // cites. Advice while writing, and fixed before publishing.
            let problem = Problem::warning_before_publishing(
                path.to_string(),
                format!(
                    "a {} fact has no attribution: say who {who} (needed before publishing)",
                    fact.status.as_str()
                ),
            );
            self.push(path, problem);
        }
        if let Some(quote) = &fact.quote {
            self.text(&path.key("quote"), quote);
        }
    }

    /// A fact's optional id: a slug, unique in the sheet.
    fn fact_id<'s>(&mut self, fact_path: &Path, fact: &'s Fact, seen: &mut HashMap<&'s str, String>) {
        let Some(id) = &fact.id else {
            return;
        };
        let path = fact_path.key("id");
        if !self.text(&path, id) {
            return;
        }
        if !is_slug(id) {
            self.error(
                &path,
                format!(
                    "fact id \"{}\" is not a slug: use lowercase letters, digits and single hyphens, such as \"death-toll\"",
                    id.escape_default()
                ),
            );
        } else if let Some(first) = seen.get(id.as_str()) {
            self.error(
                &path,
                format!("duplicate fact id \"{id}\" (also at {first}): fact ids are unique in the sheet"),
            );
        } else {
            seen.insert(id, fact_path.to_string());
        }
    }

    /// A suggested polling interval, within what a reader's tab can bear and
    /// a live story needs.
    fn refresh(&mut self, path: &Path, seconds: u32) {
        if !self.decoded(path) {
            return;
        }
        if seconds < MIN_REFRESH_SECONDS {
            self.error(
                path,
                format!(
                    "{seconds} seconds is too often: the shortest refresh is {MIN_REFRESH_SECONDS} seconds"
                ),
            );
        } else if seconds > MAX_REFRESH_SECONDS {
            self.error(
                path,
                format!(
                    "{seconds} seconds is longer than a day: the longest refresh is {MAX_REFRESH_SECONDS} seconds; leave refresh out for a sheet that is not live"
                ),
            );
        }
    }

    /// Each entry of a card's `regions` is a known country code or region
    /// key, named once.
    fn regions(&mut self, list: &Path, regions: &[String]) {
        for (index, entry) in regions.iter().enumerate() {
            let path = list.index(index);
            if !self.decoded(&path) {
                continue;
            }
            if let Some(message) = unknown_region(entry) {
                self.error(&path, message);
            } else if regions[..index].contains(entry) {
                self.error(&path, format!("duplicate region \"{entry}\""));
            }
        }
    }

    fn corrections(&mut self, sheet: &Sheet, root: &Path, cards: &Known) {
        let list = root.key("corrections");
        if !self.decoded(&list) {
            return;
        }
        for (index, correction) in sheet.corrections.iter().enumerate() {
            let path = list.index(index);
            if !self.decoded(&path) {
                continue;
            }
            self.date(&path.key("date"), &correction.date);
            self.text(&path.key("text"), &correction.text);
            if let Some(card) = &correction.card {
                self.reference(&path.key("card"), card, "card", cards);
            }
        }
    }

    fn not_empty_list(&mut self, path: &Path, len: usize, what: &str) {
        if len == 0 {
            self.error(path, format!("the list is empty: add at least one {what}"));
        }
    }

    /// No text may be empty or only whitespace. Returns whether it has text
    /// (and `false`, saying nothing, for a text that did not decode).
    fn text(&mut self, path: &Path, text: &str) -> bool {
        if !self.decoded(path) {
            return false;
        }
        if text.trim().is_empty() {
            let message = if text.is_empty() {
                "is empty"
            } else {
                "is only whitespace"
            };
            self.error(path, message.to_owned());
            false
        } else {
            true
        }
    }

    /// Ids must be present, unique within their list, and free of characters
    /// that hide what the id really is. Returns whether there is an id.
    /// `seen` holds the ids before this one in its list, sorted (a sorted
    /// `Vec` spares the wasm a `BTreeSet`'s code).
    fn id<'s>(&mut self, item: &Path, id: &'s str, what: &str, seen: &mut Vec<&'s str>) -> bool {
        let path = item.key("id");
        if !self.text(&path, id) {
            return false;
        }
        if let Some(bad) = id.chars().find(|&c| c.is_whitespace() || is_invisible(c)) {
            self.error(
                &path,
                format!(
                    "{what} id \"{}\" contains the invisible character U+{:04X}",
                    id.escape_default(),
                    u32::from(bad)
                ),
            );
        }
        match seen.binary_search(&id) {
            Ok(_) => self.error(&path, format!("duplicate {what} id \"{id}\"")),
            Err(at) => seen.insert(at, id),
        }
        true
    }

    /// A reference to an id of `known`: an error if it names none of them
    /// (with the near one it was probably meant to be, or the list), unless
    /// the list or the reference did not decode. Returns whether it
    /// resolves.
    fn reference(&mut self, path: &Path, id: &str, what: &str, known: &Known) -> bool {
        if !self.decoded(path) {
            return false;
        }
        if known.resolves(id) {
            return true;
        }
        if known.complete {
            let message = match suggest(id, &known.ids) {
                Some(near) => format!("unknown {what} \"{id}\" (did you mean \"{near}\"?)"),
                None => format!(
                    "unknown {what} \"{id}\" (known: {})",
                    quoted_list(known.ids.iter().copied())
                ),
            };
            self.error(path, message);
        }
        false
    }

    fn date(&mut self, path: &Path, date: &str) {
        if self.text(path, date) && !is_iso_date(date) {
            let mut message = format!(
                "\"{date}\" is not an ISO 8601 date or date-time, such as \"2024-03-23\" or \"2024-03-23T18:05:00Z\""
            );
            if let Some(reformatted) = spreadsheet_date(date) {
                message.push_str("; ");
                message.push_str(&reformatted_by_excel(&reformatted));
            }
            self.error(path, message);
        }
    }
}

/// What to write instead of a date that Excel reformatted: it shows an ISO
/// date from a CSV in the computer's short format, and saves it so. When
/// day and month could be either way round, both readings, since only the
/// person who typed it knows.
fn reformatted_by_excel(date: &SpreadsheetDate) -> String {
    let write = match date.readings.as_slice() {
        [one] => format!(": write it as \"{}\"", date.iso(*one)),
        readings => {
            let each = readings
                .iter()
                .map(|&(year, month, day)| {
                    let month_name = ENGLISH_MONTHS[(month as usize).saturating_sub(1) % 12];
                    format!("\"{}\" if it is {day} {month_name}", date.iso((year, month, day)))
                })
                .collect::<Vec<_>>()
                .join(", or ");
            format!(", and its day and month could be either way round: write it as {each}")
        }
    };
    let zone = if date.time.is_some() {
        // The spreadsheet never knew the zone, and a time needs one.
        ", with its time zone after it (\"Z\" for UTC, or an offset such as \"+03:00\")"
    } else {
        ""
    };
    format!(
        "it looks like a date that Excel reformatted{write}{zone} (or format the column as text before saving)"
    )
}

/// Why `entry` is not a place, if it is not: natively, checked against the
/// compiled-in names, with what it was probably meant to be.
#[cfg(not(target_arch = "wasm32"))]
fn unknown_region(entry: &str) -> Option<String> {
    let world = World::get();
    if world.is_known(entry) {
        return None;
    }
    Some(match suggest_place(world, entry) {
        Some(near) => format!("unknown region \"{entry}\" (did you mean \"{near}\"?)"),
        None => format!(
            "unknown region \"{entry}\" (use an ISO 3166-1 alpha-2 code such as \"AF\", or one of: {})",
            quoted_list(world.regions().iter().map(|region| region.key.as_str()))
        ),
    })
}

/// Why `entry` is not a place, if it is not: in the wasm, which has no names
/// to check against (a reader's widget fetches them only to draw a map), by
/// its form alone: two capital letters or a region key. The CLI and
/// server-side rendering check it names a known place.
#[cfg(target_arch = "wasm32")]
fn unknown_region(entry: &str) -> Option<String> {
    let code = entry.len() == 2 && entry.bytes().all(|byte| byte.is_ascii_uppercase());
    (!code && !is_slug(entry)).then(|| {
        format!(
            "unknown region \"{entry}\" (use an ISO 3166-1 alpha-2 code such as \"AF\", or a region key such as \"middle-east\")"
        )
    })
}

/// What an unknown `regions` entry was probably meant to be: a country code
/// in the wrong case ("af" for "AF"), a country's name ("Iran" for "IR"), or
/// a region key with a typo or in another case ("Middle East" for
/// "middle-east").
#[cfg(not(target_arch = "wasm32"))]
fn suggest_place<'w>(world: &'w World, entry: &str) -> Option<&'w str> {
    let trimmed = entry.trim();
    // Codes are ASCII: to_ascii_uppercase spares the wasm Unicode's case tables.
    if let Some(country) = world.country(&trimmed.to_ascii_uppercase()) {
        return Some(&country.code);
    }
    let lower = lowercase(trimmed);
    let named = |names: &Names| {
        [&names.en, &names.ru].into_iter().any(|name| {
            let name = lowercase(name);
            name == lower || name.strip_prefix("the ") == Some(lower.as_str())
        })
    };
    if let Some(country) = world.countries().iter().find(|country| named(&country.names)) {
        return Some(&country.code);
    }
    if let Some(region) = world.regions().iter().find(|region| named(&region.names)) {
        return Some(&region.key);
    }
    let keys: Vec<&str> = world.regions().iter().map(|region| region.key.as_str()).collect();
    suggest(&lower.replace([' ', '_'], "-"), &keys)
}

/// What a fact of `status` must say of its attribution, when it needs one:
/// who makes the claim, or who disputes the fact.
fn claimant_needed(status: Status) -> Option<&'static str> {
    match status {
        Status::Claimed => Some("claims it"),
        Status::Disputed => Some("disputes it"),
        _ => None,
    }
}
