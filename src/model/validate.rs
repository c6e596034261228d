//! The rules a decoded sheet must follow, each reported with its JSON path.
//!
//! Decoding (decode.rs) settles the shape: which fields exist and their
//! types. These rules settle the meaning: unique ids, references that
//! resolve, text that says something, dates that exist, safe links.

use std::collections::BTreeSet;

use super::decode::{quoted_list, suggest};
use super::error::{Problem, Severity};
use super::json::Node;
use super::path::Path;
use super::regions::World;
use super::sheet::{Sheet, Status};

/// Checks every rule and appends one problem per broken rule and place.
/// `root` is the parsed text, used only to give each problem its line and
/// column.
pub fn validate(sheet: &Sheet, root: Option<&Node>, problems: &mut Vec<Problem>) {
    let mut rules = Rules { root, problems };
    rules.sheet(sheet);
}

struct Rules<'a> {
    root: Option<&'a Node>,
    problems: &'a mut Vec<Problem>,
}

impl Rules<'_> {
    fn report(&mut self, severity: Severity, path: &Path, message: String) {
        let pos = self.root.and_then(|root| path.locate(root));
        self.problems.push(Problem {
            severity,
            path: path.to_string(),
            message,
            pos,
        });
    }

    fn error(&mut self, path: &Path, message: String) {
        self.report(Severity::Error, path, message);
    }

    fn warning(&mut self, path: &Path, message: String) {
        self.report(Severity::Warning, path, message);
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
        let mut seen = BTreeSet::new();
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
        let mut seen = BTreeSet::new();
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
        let mut seen = BTreeSet::new();
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
        let world = World::get();
        for (index, entry) in regions.iter().enumerate() {
            let path = list.index(index);
            if !world.is_known(entry) {
                let message = match suggest_place(world, entry) {
                    Some(near) => format!("unknown region \"{entry}\" (did you mean \"{near}\"?)"),
                    None => format!(
                        "unknown region \"{entry}\" (use an ISO 3166-1 alpha-2 code such as \"AF\", or one of: {})",
                        quoted_list(world.regions().iter().map(|region| region.key.as_str()))
                    ),
                };
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
    fn id(&mut self, item: &Path, id: &str, what: &str, seen: &mut BTreeSet<String>) {
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
        if !seen.insert(id.to_owned()) {
            self.error(&path, format!("duplicate {what} id \"{id}\""));
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

/// What an unknown `regions` entry was probably meant to be: a country code
/// in the wrong case ("af" for "AF"), a country's name ("Iran" for "IR"), or
/// a region key with a typo or in another case ("Middle East" for
/// "middle-east").
fn suggest_place<'w>(world: &'w World, entry: &str) -> Option<&'w str> {
    let trimmed = entry.trim();
    // Codes are ASCII: to_ascii_uppercase spares the wasm Unicode's case tables.
    if let Some(country) = world.country(&trimmed.to_ascii_uppercase()) {
        return Some(&country.code);
    }
    let lower = trimmed.to_lowercase();
    let named = |names: &super::regions::Names| {
        [&names.en, &names.ru].into_iter().any(|name| {
            let name = name.to_lowercase();
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

/// Checks that a link is absolute http or https, with nothing before the
/// scheme: `javascript:`, `data:`, protocol-relative `//host` and padded
/// URLs are refused, not cleaned, so that the editor sees the problem.
pub fn check_url(url: &str) -> Result<(), String> {
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        _ if url.trim() != url => Err("the url has spaces around it".to_owned()),
        None => Err(format!(
            "\"{}\" is not an http or https url",
            url.escape_default()
        )),
        Some(rest) if rest.is_empty() || rest.starts_with('/') => {
            Err(format!("\"{}\" has no host name", url.escape_default()))
        }
        Some(_)
            if url
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || is_invisible(c)) =>
        {
            Err(format!(
                "\"{}\" contains spaces or invisible characters",
                url.escape_default()
            ))
        }
        Some(_) => Ok(()),
    }
}

/// Zero-width and direction-control characters: invisible, yet they change
/// what a reader sees or which id matches.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
        || c.is_control()
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The shape of a BCP 47 tag: a 2-3 letter language, then subtags of 1-8
/// letters or digits. Registry lookups are out of scope.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|part| (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// An ISO 8601 calendar date `YYYY-MM-DD` that exists, optionally followed
/// by `THH:MM`, `:SS`, fractions, and `Z` or an offset. A time needs a zone so
/// that every reader sees the same moment.
pub fn is_iso_date(text: &str) -> bool {
    parse_iso_date(text).is_some()
}

/// The year, month and day of an ISO 8601 date or date-time, and the time
/// as written (`HH:MM`), if valid.
pub fn parse_iso_date(text: &str) -> Option<(u32, u32, u32, Option<&str>)> {
    let (date, time) = match text.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (text, None),
    };
    let bytes = date.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = date.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days_in_month {
        return None;
    }
    match time {
        None => Some((year, month, day, None)),
        Some(time) => is_iso_time(time).then(|| (year, month, day, time.get(..5))),
    }
}

fn is_iso_time(time: &str) -> bool {
    let (clock, zone) = if let Some(clock) = time.strip_suffix('Z') {
        (clock, None)
    } else if time.len() > 6 && matches!(time.as_bytes()[time.len() - 6], b'+' | b'-') {
        let (clock, offset) = time.split_at(time.len() - 6);
        (clock, Some(&offset[1..]))
    } else {
        return false;
    };
    let two_digits = |part: &str, max: u32| {
        part.len() == 2
            && part.bytes().all(|b| b.is_ascii_digit())
            && part.parse::<u32>().is_ok_and(|n| n <= max)
    };
    let zone_ok = zone.is_none_or(|offset| {
        offset.len() == 5
            && offset.as_bytes()[2] == b':'
            && two_digits(&offset[..2], 23)
            && two_digits(&offset[3..], 59)
    });
    let (hms, fraction) = match clock.split_once('.') {
        Some((hms, fraction)) => (hms, Some(fraction)),
        None => (clock, None),
    };
    let fraction_ok = fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    let parts: Vec<&str> = hms.split(':').collect();
    let clock_ok = match parts.as_slice() {
        [h, m] => fraction.is_none() && two_digits(h, 23) && two_digits(m, 59),
        [h, m, s] => two_digits(h, 23) && two_digits(m, 59) && two_digits(s, 59),
        _ => false,
    };
    zone_ok && fraction_ok && clock_ok
}
