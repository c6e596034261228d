//! The rules a decoded sheet must follow, each reported with its JSON path.
//!
//! Decoding (decode.rs) settles the shape: which fields exist and their
//! types. These rules settle the meaning: unique ids, references that
//! resolve, text that says something, dates that exist, safe links. What a
//! date, a link or a slug looks like is in formats.rs.

#[cfg(not(target_arch = "wasm32"))]
use super::case::lowercase;
use super::error::Problem;
use super::formats::{check_url, is_invisible, is_iso_date, is_language_tag, is_slug};
use super::json::Node;
use super::path::Path;
#[cfg(not(target_arch = "wasm32"))]
use super::places::{Names, World};
use super::sheet::{Sheet, Status};
use super::suggest::quoted_list;
#[cfg(not(target_arch = "wasm32"))]
use super::suggest::suggest;

/// Checks every rule and appends one problem per broken rule and place.
/// `root` is the parsed text, used only to give each problem its line and
/// column.
pub fn validate(sheet: &Sheet, root: &Node, problems: &mut Vec<Problem>) {
    let mut rules = Rules { root, problems };
    rules.sheet(sheet);
}

struct Rules<'a> {
    root: &'a Node,
    problems: &'a mut Vec<Problem>,
}

impl Rules<'_> {
    fn error(&mut self, path: &Path, message: String) {
        let problem = Problem::error(path.to_string(), message);
        self.problems.push(problem.at(path.locate(self.root)));
    }

    fn warning(&mut self, path: &Path, message: String) {
        let problem = Problem::warning(path.to_string(), message);
        self.problems.push(problem.at(path.locate(self.root)));
    }

    fn sheet(&mut self, sheet: &Sheet) {
        let root = Path::Root;
        let id_path = root.key("id");
        self.text(&id_path, &sheet.id);
        if !sheet.id.trim().is_empty() && !is_slug(&sheet.id) {
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

        self.sources(sheet, &root);
        self.categories(sheet, &root);
        self.cards(sheet, &root);
        self.corrections(sheet, &root);
    }

    fn sources(&mut self, sheet: &Sheet, root: &Path) {
        let list = root.key("sources");
        self.not_empty_list(&list, sheet.sources.len(), "source");
        let mut seen = Vec::new();
        for (index, source) in sheet.sources.iter().enumerate() {
            let path = list.index(index);
            self.id(&path, &source.id, "source", &mut seen);
            self.text(&path.key("title"), &source.title);
            if let Some(publisher) = &source.publisher {
                self.text(&path.key("publisher"), publisher);
            }
            if let Some(url) = &source.url {
                let url_path = path.key("url");
                if let Err(reason) = check_url(url) {
                    self.error(&url_path, reason);
                }
            }
            if let Some(published) = &source.published {
                self.date(&path.key("published"), published);
            }
            let cited = sheet
                .cards
                .iter()
                .flat_map(|card| &card.facts)
                .any(|fact| fact.sources.contains(&source.id));
            if !cited {
                self.warning(
                    &path,
                    format!("source \"{}\" is not cited by any fact", source.id),
                );
            }
        }
    }

    fn categories(&mut self, sheet: &Sheet, root: &Path) {
        let list = root.key("categories");
        self.not_empty_list(&list, sheet.categories.len(), "category");
        let mut seen = Vec::new();
        for (index, category) in sheet.categories.iter().enumerate() {
            let path = list.index(index);
            self.id(&path, &category.id, "category", &mut seen);
            self.text(&path.key("label"), &category.label);
            if let Some(description) = &category.description {
                self.text(&path.key("description"), description);
            }
            if !sheet.cards.iter().any(|card| card.category == category.id) {
                self.error(&path, format!("category \"{}\" has no cards", category.id));
            }
        }
    }

    fn cards(&mut self, sheet: &Sheet, root: &Path) {
        let list = root.key("cards");
        self.not_empty_list(&list, sheet.cards.len(), "card");
        let category_ids: Vec<&str> = sheet.categories.iter().map(|c| c.id.as_str()).collect();
        let source_ids: Vec<&str> = sheet.sources.iter().map(|s| s.id.as_str()).collect();
        let mut seen = Vec::new();
        for (index, card) in sheet.cards.iter().enumerate() {
            let path = list.index(index);
            self.id(&path, &card.id, "card", &mut seen);
            self.reference(&path.key("category"), &card.category, "category", &category_ids);
            self.text(&path.key("title"), &card.title);
            let facts_path = path.key("facts");
            if card.facts.is_empty() {
                self.error(
                    &facts_path,
                    format!("card \"{}\" has no facts: add at least one", card.id),
                );
            }
            for (fact_index, fact) in card.facts.iter().enumerate() {
                let fact_path = facts_path.index(fact_index);
                self.text(&fact_path.key("text"), &fact.text);
                let sources_path = fact_path.key("sources");
                if fact.sources.is_empty() {
                    self.error(&sources_path, "a fact must cite at least one source".to_owned());
                }
                for (source_index, source) in fact.sources.iter().enumerate() {
                    self.reference(&sources_path.index(source_index), source, "source", &source_ids);
                }
                if let Some(attribution) = &fact.attribution {
                    self.text(&fact_path.key("attribution"), attribution);
                } else if fact.status == Status::Claimed {
                    // A claim without its claimant reads as fact; a report's
                    // reporter is its source, which every fact already cites.
                    self.warning(
                        &fact_path,
                        "a claimed fact has no attribution: say who claims it".to_owned(),
                    );
                }
                if let Some(quote) = &fact.quote {
                    self.text(&fact_path.key("quote"), quote);
                }
                let has_link = fact
                    .sources
                    .iter()
                    .filter_map(|id| sheet.source(id))
                    .any(|source| source.url.is_some());
                if !fact.sources.is_empty() && !has_link {
                    self.warning(
                        &sources_path,
                        "no source of this fact has a url for readers to check".to_owned(),
                    );
                }
            }
            self.regions(&path.key("regions"), &card.regions);
        }
    }

    /// Each entry of a card's `regions` is a known country code or region
    /// key, named once.
    fn regions(&mut self, list: &Path, regions: &[String]) {
        for (index, entry) in regions.iter().enumerate() {
            let path = list.index(index);
            if let Some(message) = unknown_region(entry) {
                self.error(&path, message);
            } else if regions[..index].contains(entry) {
                self.error(&path, format!("duplicate region \"{entry}\""));
            }
        }
    }

    fn corrections(&mut self, sheet: &Sheet, root: &Path) {
        let list = root.key("corrections");
        let card_ids: Vec<&str> = sheet.cards.iter().map(|c| c.id.as_str()).collect();
        for (index, correction) in sheet.corrections.iter().enumerate() {
            let path = list.index(index);
            self.date(&path.key("date"), &correction.date);
            self.text(&path.key("text"), &correction.text);
            if let Some(card) = &correction.card {
                self.reference(&path.key("card"), card, "card", &card_ids);
            }
        }
    }

    fn not_empty_list(&mut self, path: &Path, len: usize, what: &str) {
        if len == 0 {
            self.error(path, format!("the list is empty: add at least one {what}"));
        }
    }

    /// No text may be empty or only whitespace. Returns whether it has text.
    fn text(&mut self, path: &Path, text: &str) -> bool {
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
    /// that hide what the id really is.
    /// `seen` holds the ids before this one in its list, sorted (a sorted
    /// `Vec` spares the wasm a `BTreeSet`'s code).
    fn id<'s>(&mut self, item: &Path, id: &'s str, what: &str, seen: &mut Vec<&'s str>) {
        let path = item.key("id");
        if !self.text(&path, id) {
            return;
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
    }

    fn reference(&mut self, path: &Path, id: &str, what: &str, known: &[&str]) {
        if !known.contains(&id) {
            self.error(
                path,
                format!(
                    "unknown {what} \"{id}\" (known: {})",
                    quoted_list(known.iter().copied())
                ),
            );
        }
    }

    fn date(&mut self, path: &Path, date: &str) {
        if self.text(path, date) && !is_iso_date(date) {
            self.error(
                path,
                format!(
                    "\"{date}\" is not an ISO 8601 date or date-time, such as \"2024-03-23\" or \"2024-03-23T18:05:00Z\""
                ),
            );
        }
    }
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
