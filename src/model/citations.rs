//! Source marks: the short label a fact shows for each source it cites, so
//! that a reader sees which source backs which fact without a click.
//!
//! A source's mark is its `label` when the sheet gives one ("AP"), and
//! otherwise a number: the unlabelled sources are numbered 1, 2, 3… in the
//! order a reader first meets them, reading the cards in display order.
//! Marks are the same everywhere in a deck (by topic, by certainty, print,
//! the no-JS fallback), so "2" always means one source.

use super::sheet::{Card, Sheet};
use super::source_urls::{is_source_link, resolve_source_url};

/// Longest label a source may have, in characters: a mark sits after the
/// text of every fact citing the source, so it must stay short.
pub const MAX_LABEL_CHARS: usize = 12;

/// The mark of each source of a sheet, and the address its links go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceMarks {
    /// One per `sheet.sources`, in the same order.
    labels: Vec<String>,
    /// One per `sheet.sources`: the address a link to it opens, if it has
    /// one a view may link to.
    links: Vec<Option<String>>,
}

impl SourceMarks {
    /// The marks of `sheet`'s sources: their `label`, or a number by first
    /// citation in display order (sources no fact cites come last, in list
    /// order).
    pub fn new(sheet: &Sheet) -> Self {
        let mut order: Vec<usize> = Vec::with_capacity(sheet.sources.len());
        let citations = sheet
            .display_order()
            .into_iter()
            .flat_map(|card| &sheet.cards[card].facts)
            .flat_map(|fact| &fact.sources);
        for cited in citations {
            let index = sheet.sources.iter().position(|source| source.id == cited.source);
            if let Some(index) = index.filter(|index| !order.contains(index)) {
                order.push(index);
            }
        }
        let uncited: Vec<usize> = (0..sheet.sources.len())
            .filter(|index| !order.contains(index))
            .collect();
        order.extend(uncited);
        let mut labels = vec![String::new(); sheet.sources.len()];
        let mut number = 0;
        for index in order {
            labels[index] = match &sheet.sources[index].label {
                Some(label) => label.clone(),
                None => {
                    number += 1;
                    number.to_string()
                }
            };
        }
        // Validation already refused other schemes; checking again here
        // means a sheet built in code (the Yew API) cannot slip a
        // javascript: link in.
        let links = sheet
            .sources
            .iter()
            .map(|source| source.url.clone().filter(|url| is_source_link(url)))
            .collect();
        SourceMarks { labels, links }
    }

    /// The same marks, with each relative link resolved against `base`
    /// (the sheet's own address: [`resolve_source_url`]), and dropped where
    /// it does not resolve to an http(s) address. With no `base`, relative
    /// links stay as written, for the browser to resolve against the page.
    /// The sheet itself stays as it was written, so that a new version is
    /// compared with what it replaces.
    pub fn resolved_against(mut self, base: Option<&str>) -> Self {
        if let Some(base) = base {
            for link in &mut self.links {
                if let Some(url) = link.take() {
                    *link = resolve_source_url(&url, base);
                }
            }
        }
        self
    }

    /// The address a link to the source at `index` of `sheet.sources` opens.
    pub fn link(&self, index: usize) -> Option<&str> {
        self.links.get(index)?.as_deref()
    }

    /// The mark of the source with id `id`, if the sheet has it.
    pub fn label<'a>(&'a self, sheet: &Sheet, id: &str) -> Option<&'a str> {
        let index = sheet.sources.iter().position(|source| source.id == id)?;
        self.labels.get(index).map(String::as_str)
    }

    /// The marks in the order of `sheet.sources`.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }
}

/// The sources `card`'s facts cite, once each, in first-cited order: its
/// list of sources.
pub fn card_sources(card: &Card) -> Vec<&str> {
    let mut cited: Vec<&str> = Vec::new();
    for citation in card.facts.iter().flat_map(|fact| &fact.sources) {
        if !cited.contains(&citation.source.as_str()) {
            cited.push(&citation.source);
        }
    }
    cited
}

/// The positions (0-based) of `card`'s facts that cite `source`: what its
/// entry in the card's list says it backs.
pub fn facts_citing(card: &Card, source: &str) -> Vec<usize> {
    card.facts
        .iter()
        .enumerate()
        .filter(|(_, fact)| fact.sources.iter().any(|cited| cited.source == source))
        .map(|(index, _)| index)
        .collect()
}
