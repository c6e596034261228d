//! Search over a sheet: text folded for matching (case and diacritics
//! ignored), an index built once per sheet, and the match ranges used to
//! highlight. Pure Rust, no browser.
//!
//! Folding maps each character to exactly one character, so a position in
//! folded text is the same character position in the original, and
//! highlights need no second pass.

use std::ops::Range;
use std::rc::Rc;

use crate::model::case::lower_char;
use crate::model::{Card, Sheet};

/// One character folded for matching: lowercase, without accents. Latin
/// letters with diacritics lose them (é → e, ß → s, ø → o); Cyrillic ё is е.
pub fn fold_char(c: char) -> char {
    match lower_char(c) {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ß' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ё' => 'е',
        // Typographic quotes and dashes match their plain forms.
        '’' | '‘' => '\'',
        '“' | '”' | '«' | '»' => '"',
        '–' | '—' => '-',
        other => other,
    }
}

/// Text folded for matching, one character per original character.
pub fn fold(text: &str) -> Vec<char> {
    text.chars().map(fold_char).collect()
}

/// A search query: its words, folded. Every word must match somewhere.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    terms: Vec<Vec<char>>,
}

impl Query {
    pub fn new(text: &str) -> Self {
        Query {
            terms: text.split_whitespace().map(fold).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every term occurs in one of `fields`.
    pub fn matches_any(&self, fields: &[&[char]]) -> bool {
        self.terms
            .iter()
            .all(|term| fields.iter().any(|field| find(field, term, 0).is_some()))
    }

    /// The character ranges of `text` that match a term, merged and sorted,
    /// for highlighting.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        let folded = fold(text);
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for term in &self.terms {
            let mut from = 0;
            while let Some(start) = find(&folded, term, from) {
                ranges.push(start..start + term.len());
                from = start + term.len().max(1);
            }
        }
        ranges.sort_unstable_by_key(|range| range.start);
        let mut merged: Vec<Range<usize>> = Vec::new();
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        merged
    }
}

fn find(haystack: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    (from..=haystack.len() - needle.len()).find(|&start| haystack[start..start + needle.len()] == *needle)
}

/// Splits `text` into (segment, is_match) pieces at `ranges` (character
/// ranges, as from [`Query::ranges`]).
pub fn segments<'t>(text: &'t str, ranges: &[Range<usize>]) -> Vec<(&'t str, bool)> {
    if ranges.is_empty() {
        return vec![(text, false)];
    }
    let byte_at = |char_index: usize| {
        text.char_indices()
            .nth(char_index)
            .map_or(text.len(), |(byte, _)| byte)
    };
    let mut pieces = Vec::new();
    let mut position = 0;
    for range in ranges {
        let (start, end) = (byte_at(range.start), byte_at(range.end));
        if start > position {
            pieces.push((&text[position..start], false));
        }
        if end > start {
            pieces.push((&text[start..end], true));
        }
        position = end;
    }
    if position < text.len() {
        pieces.push((&text[position..], false));
    }
    pieces
}

/// The folded text of every card title and fact, built once per sheet so a
/// keystroke only compares, never re-folds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchIndex {
    cards: Vec<Rc<CardEntry>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct CardEntry {
    title: Vec<char>,
    facts: Vec<FactEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct FactEntry {
    text: Vec<char>,
    quote: Vec<char>,
    attribution: Vec<char>,
}

impl CardEntry {
    fn of(card: &Card) -> Self {
        CardEntry {
            title: fold(&card.title),
            facts: (card.facts.iter())
                .map(|fact| FactEntry {
                    text: fold(&fact.text),
                    quote: fact.quote.as_deref().map(fold).unwrap_or_default(),
                    attribution: fact.attribution.as_deref().map(fold).unwrap_or_default(),
                })
                .collect(),
        }
    }
}

impl SearchIndex {
    pub fn new(sheet: &Sheet) -> Self {
        SearchIndex {
            cards: sheet.cards.iter().map(CardEntry::of).map(Rc::new).collect(),
        }
    }

    /// The index of `sheet`, a new version of `previous`, which this
    /// indexes: a card that did not change keeps its entry, so a live update
    /// that changes one fact folds one card, not the whole sheet again.
    #[must_use]
    pub fn updated(&self, previous: &Sheet, sheet: &Sheet) -> Self {
        let cards = (sheet.cards.iter().enumerate())
            .map(|(at, card)| match (previous.cards.get(at), self.cards.get(at)) {
                (Some(before), Some(entry)) if before == card => Rc::clone(entry),
                _ => Rc::new(CardEntry::of(card)),
            })
            .collect();
        SearchIndex { cards }
    }

    /// Whether a fact matches: every term is in the fact's text, quote or
    /// attribution, or in its card's title.
    pub fn fact_matches(&self, query: &Query, card: usize, fact: usize) -> bool {
        if query.is_empty() {
            return true;
        }
        let Some(card) = self.cards.get(card) else {
            return false;
        };
        let Some(entry) = card.facts.get(fact) else {
            return false;
        };
        query.matches_any(&[&entry.text, &entry.quote, &entry.attribution, &card.title])
    }
}

/// Runs `query` over the cards `include` lets through: for each card with a
/// matching fact, in sheet order, its index and the indices of the facts
/// that match. An empty query matches every fact.
pub fn search(
    sheet: &Sheet,
    index: &SearchIndex,
    query: &Query,
    include: impl Fn(&Card) -> bool,
) -> Vec<(usize, Vec<usize>)> {
    sheet
        .cards
        .iter()
        .enumerate()
        .filter(|(_, card)| include(card))
        .filter_map(|(card_index, card)| {
            let facts: Vec<usize> = (0..card.facts.len())
                .filter(|&fact| index.fact_matches(query, card_index, fact))
                .collect();
            (!facts.is_empty()).then_some((card_index, facts))
        })
        .collect()
}
