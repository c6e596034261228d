//! What changed between two versions of one sheet, for live decks and for
//! editors checking an update before they publish it.
//!
//! A live deck re-reads its sheet and, rather than reloading, marks what is
//! new, what changed and what left; `factcards diff OLD NEW` prints the same
//! diff. Both need the same answer, so it is one pure function here:
//! [`diff`] compares two sheets fact by fact, and [`apply`] rebuilds the new
//! sheet from the old one and the diff, which is how the tests show that a
//! diff leaves nothing out.
//!
//! Facts are matched by their `id` when they have one (ids are unique in the
//! sheet, so a fact keeps its identity when it moves to another card). A fact
//! without an id is matched, among the facts without one, by its text in the
//! same card, then by its text in any card, then by its place (same card,
//! same position): so an edited text at the same place reads as changed,
//! and a reordered fact as moved. docs/format.md ("Fact ids and live
//! updates") says what this cannot tell apart.

use std::collections::BTreeMap;
use std::fmt;

use super::formats::is_invisible;
use super::sheet::{Card, Category, Citation, Correction, Fact, Point, Sheet, Source, Status};

// ---------------------------------------------------------------------------
// The diff
// ---------------------------------------------------------------------------

/// A value before and after a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change<T> {
    pub from: T,
    pub to: T,
}

/// The change from `from` to `to`, if they differ.
fn change<T: PartialEq + Clone>(from: &T, to: &T) -> Option<Change<T>> {
    (from != to).then(|| Change {
        from: from.clone(),
        to: to.clone(),
    })
}

/// Where a fact is in a sheet: `cards[3].facts[1]`, and its card's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactPlace {
    /// The card's position in `cards`, from 0.
    pub card: usize,
    /// The card's id.
    pub card_id: String,
    /// The fact's position in its card's `facts`, from 0.
    pub index: usize,
}

impl fmt::Display for FactPlace {
    /// `cards[3].facts[1]`, as problems name it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cards[{}].facts[{}]", self.card, self.index)
    }
}

/// What changed in the sheet's own fields. Each is `None` when unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HeaderDiff {
    pub title: Option<Change<String>>,
    pub summary: Option<Change<String>>,
    pub lang: Option<Change<String>>,
    pub updated: Option<Change<String>>,
    pub refresh: Option<Change<Option<u32>>>,
    pub credit: Option<Change<Option<String>>>,
}

impl HeaderDiff {
    pub fn is_empty(&self) -> bool {
        *self == HeaderDiff::default()
    }
}

/// What changed in a fact that is in both sheets. Each is `None` when
/// unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FactChanges {
    pub text: Option<Change<String>>,
    pub status: Option<Change<Status>>,
    /// The citations, in order, with their excerpts (see `added_sources`,
    /// `changed_excerpts`).
    pub sources: Option<Change<Vec<Citation>>>,
    pub attribution: Option<Change<Option<String>>>,
    pub quote: Option<Change<Option<String>>>,
    /// The id of the card it was in and of the card it is in now, if it moved
    /// to another card.
    pub card: Option<Change<String>>,
}

impl FactChanges {
    fn between(old: &Fact, old_card: &str, new: &Fact, new_card: &str) -> Self {
        FactChanges {
            text: change(&old.text, &new.text),
            status: change(&old.status, &new.status),
            sources: change(&old.sources, &new.sources),
            attribution: change(&old.attribution, &new.attribution),
            quote: change(&old.quote, &new.quote),
            card: change(&old_card.to_owned(), &new_card.to_owned()),
        }
    }

    /// Whether what the fact says changed: its text, status, sources,
    /// attribution or quote (not only where it is).
    pub fn in_content(&self) -> bool {
        self.text.is_some()
            || self.status.is_some()
            || self.sources.is_some()
            || self.attribution.is_some()
            || self.quote.is_some()
    }

    /// The sources cited now and not before.
    pub fn added_sources(&self) -> Vec<&str> {
        self.sources.as_ref().map_or_else(Vec::new, |sources| {
            sources
                .to
                .iter()
                .filter(|cited| !sources.from.iter().any(|old| old.source == cited.source))
                .map(|cited| cited.source.as_str())
                .collect()
        })
    }

    /// The sources cited before and not now.
    pub fn removed_sources(&self) -> Vec<&str> {
        self.sources.as_ref().map_or_else(Vec::new, |sources| {
            sources
                .from
                .iter()
                .filter(|cited| !sources.to.iter().any(|new| new.source == cited.source))
                .map(|cited| cited.source.as_str())
                .collect()
        })
    }

    /// The sources cited before and now whose excerpt changed: each id with
    /// its excerpt before and after.
    pub fn changed_excerpts(&self) -> Vec<(&str, Option<&str>, Option<&str>)> {
        self.sources.as_ref().map_or_else(Vec::new, |sources| {
            sources
                .to
                .iter()
                .filter_map(|new| {
                    let old = sources.from.iter().find(|old| old.source == new.source)?;
                    (old.excerpt != new.excerpt).then_some((
                        new.source.as_str(),
                        old.excerpt.as_deref(),
                        new.excerpt.as_deref(),
                    ))
                })
                .collect()
        })
    }
}

/// A fact that is only in the new sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFact {
    /// Its key in the new sheet (see [`fact_key`]).
    pub key: String,
    pub at: FactPlace,
    pub fact: Fact,
}

/// A fact in both sheets that changed, moved, or both. (A fact that did
/// neither is not listed.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptFact {
    /// Its key in the new sheet (see [`fact_key`]).
    pub key: String,
    /// Where it was in the old sheet.
    pub from: FactPlace,
    /// Where it is in the new sheet.
    pub at: FactPlace,
    pub changes: FactChanges,
    /// Whether it moved: to another card, or out of its order among the
    /// other facts of its card. A fact that only shifted because facts
    /// before it came or went did not move.
    pub moved: bool,
    /// The fact as it is now.
    pub fact: Fact,
}

impl KeptFact {
    /// Whether what it says changed (see [`FactChanges::in_content`]).
    pub fn is_changed(&self) -> bool {
        self.changes.in_content()
    }
}

/// A fact that is only in the old sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedFact {
    /// Its key in the old sheet (see [`fact_key`]).
    pub key: String,
    pub from: FactPlace,
    pub fact: Fact,
    /// The new sheet's correction that explains why it went, if there is one
    /// (see [`explaining_correction`]).
    pub correction: Option<Correction>,
}

/// A card that is only in the new sheet. Its facts are in
/// [`SheetDiff::new_facts`] (or [`SheetDiff::kept_facts`], for facts moved
/// into it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCard {
    /// Its position in the new sheet's `cards`.
    pub at: usize,
    pub id: String,
    pub category: String,
    pub title: String,
    pub regions: Vec<String>,
    pub points: Vec<Point>,
}

/// A card in both sheets (same id) whose own fields changed, or that moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptCard {
    pub id: String,
    /// Its position in the old sheet's `cards`.
    pub from: usize,
    /// Its position in the new sheet's `cards`.
    pub at: usize,
    pub title: Option<Change<String>>,
    pub category: Option<Change<String>>,
    pub regions: Option<Change<Vec<String>>>,
    pub points: Option<Change<Vec<Point>>>,
    /// Whether it is out of its order among the other cards.
    pub moved: bool,
}

impl KeptCard {
    /// Whether its title, category, regions or points changed.
    pub fn is_changed(&self) -> bool {
        self.title.is_some() || self.category.is_some() || self.regions.is_some() || self.points.is_some()
    }
}

/// A card that is only in the old sheet. Its facts are in
/// [`SheetDiff::removed_facts`] (or moved elsewhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedCard {
    pub id: String,
    /// Its position in the old sheet's `cards`.
    pub from: usize,
    pub title: String,
    /// The new sheet's correction that explains why it went, if there is one.
    pub correction: Option<Correction>,
}

/// Everything that changed from one version of a sheet to the next.
///
/// Lists are in the order of the sheet they refer to: new and kept items in
/// the new sheet's order, removed items in the old sheet's. Facts and cards
/// that neither changed nor moved are not listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetDiff {
    /// The id of the sheet (the same in both).
    pub sheet: String,
    pub header: HeaderDiff,
    pub new_cards: Vec<NewCard>,
    pub kept_cards: Vec<KeptCard>,
    pub removed_cards: Vec<RemovedCard>,
    pub new_facts: Vec<NewFact>,
    pub kept_facts: Vec<KeptFact>,
    pub removed_facts: Vec<RemovedFact>,
    /// The whole lists, when anything in them changed: they are small and
    /// readers see them only through the facts (see `source_changes`).
    pub sources: Option<Change<Vec<Source>>>,
    pub categories: Option<Change<Vec<Category>>>,
    pub corrections: Option<Change<Vec<Correction>>>,
}

/// How many facts and cards an update brings, for `factcards:update` and the
/// live region.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    /// Facts whose content changed (whether or not they also moved).
    pub changed: usize,
    pub removed: usize,
    /// Facts that moved and did not change.
    pub moved: usize,
    pub new_cards: usize,
    pub removed_cards: usize,
}

/// The keys (see [`fact_key`]) of the facts an update touches, grouped as
/// [`Counts`] counts them: new, changed and moved facts by their key in the
/// new sheet, removed facts by their key in the old one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FactIds {
    pub new: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    pub moved: Vec<String>,
}

impl SheetDiff {
    /// Whether the two sheets are the same.
    pub fn is_empty(&self) -> bool {
        self.header.is_empty()
            && self.new_cards.is_empty()
            && self.kept_cards.is_empty()
            && self.removed_cards.is_empty()
            && self.new_facts.is_empty()
            && self.kept_facts.is_empty()
            && self.removed_facts.is_empty()
            && self.sources.is_none()
            && self.categories.is_none()
            && self.corrections.is_none()
    }

    /// Facts whose content changed.
    pub fn changed_facts(&self) -> impl Iterator<Item = &KeptFact> {
        self.kept_facts.iter().filter(|fact| fact.is_changed())
    }

    /// Facts that moved and did not change.
    pub fn moved_facts(&self) -> impl Iterator<Item = &KeptFact> {
        self.kept_facts
            .iter()
            .filter(|fact| fact.moved && !fact.is_changed())
    }

    pub fn counts(&self) -> Counts {
        Counts {
            new: self.new_facts.len(),
            changed: self.changed_facts().count(),
            removed: self.removed_facts.len(),
            moved: self.moved_facts().count(),
            new_cards: self.new_cards.len(),
            removed_cards: self.removed_cards.len(),
        }
    }

    pub fn ids(&self) -> FactIds {
        let keys = |facts: &mut dyn Iterator<Item = &String>| facts.cloned().collect();
        FactIds {
            new: keys(&mut self.new_facts.iter().map(|fact| &fact.key)),
            changed: keys(&mut self.changed_facts().map(|fact| &fact.key)),
            removed: keys(&mut self.removed_facts.iter().map(|fact| &fact.key)),
            moved: keys(&mut self.moved_facts().map(|fact| &fact.key)),
        }
    }
}

/// Why two sheets cannot be diffed, or a diff applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffError {
    /// The new sheet has another `id`: it is another story, not an update.
    OtherStory { old: String, new: String },
    /// The diff was made from another sheet than the one it is applied to.
    DoesNotApply(String),
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiffError::OtherStory { old, new } => write!(
                f,
                "the new sheet is another story: its id is \"{}\", not \"{}\"",
                new.escape_default(),
                old.escape_default()
            ),
            DiffError::DoesNotApply(reason) => write!(f, "the diff does not apply to this sheet: {reason}"),
        }
    }
}

impl std::error::Error for DiffError {}

// ---------------------------------------------------------------------------
// Fact keys
// ---------------------------------------------------------------------------

/// The key of the fact at `index` in `card`: its `id` if it has one, else
/// `<card id>~<index>~<fingerprint of its text>` (such as
/// `why-closed~0~3f9a1c0e`), which cannot be an id since ids are slugs. A key
/// is unique in its sheet. A fact without an id gets another key when it
/// moves or its text changes: give facts ids to keep their keys.
pub fn fact_key(card: &Card, index: usize, fact: &Fact) -> String {
    match &fact.id {
        Some(id) => id.clone(),
        None => format!("{}~{index}~{:08x}", card.id, fingerprint(&fact.text)),
    }
}

/// FNV-1a, 32 bits: stable across builds and platforms, and small.
fn fingerprint(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

// ---------------------------------------------------------------------------
// Diffing
// ---------------------------------------------------------------------------

/// One fact of a sheet, with its place.
struct Entry<'s> {
    place: FactPlace,
    card: &'s Card,
    fact: &'s Fact,
}

fn entries(sheet: &Sheet) -> Vec<Entry<'_>> {
    sheet
        .cards
        .iter()
        .enumerate()
        .flat_map(|(card_index, card)| {
            card.facts.iter().enumerate().map(move |(index, fact)| Entry {
                place: FactPlace {
                    card: card_index,
                    card_id: card.id.clone(),
                    index,
                },
                card,
                fact,
            })
        })
        .collect()
}

/// What changed from `old` to `new`, two versions of the same story (the
/// same sheet `id`). Both should be valid sheets: with duplicate ids the
/// matching is only a best guess.
pub fn diff(old: &Sheet, new: &Sheet) -> Result<SheetDiff, DiffError> {
    if old.id != new.id {
        return Err(DiffError::OtherStory {
            old: old.id.clone(),
            new: new.id.clone(),
        });
    }
    let header = HeaderDiff {
        title: change(&old.title, &new.title),
        summary: change(&old.summary, &new.summary),
        lang: change(&old.lang, &new.lang),
        updated: change(&old.updated, &new.updated),
        refresh: change(&old.refresh, &new.refresh),
        credit: change(&old.credit, &new.credit),
    };
    let (new_cards, kept_cards, removed_cards) = diff_cards(old, new);
    let (new_facts, kept_facts, removed_facts) = diff_facts(old, new);
    Ok(SheetDiff {
        sheet: new.id.clone(),
        header,
        new_cards,
        kept_cards,
        removed_cards,
        new_facts,
        kept_facts,
        removed_facts,
        sources: change(&old.sources, &new.sources),
        categories: change(&old.categories, &new.categories),
        corrections: change(&old.corrections, &new.corrections),
    })
}

fn diff_cards(old: &Sheet, new: &Sheet) -> (Vec<NewCard>, Vec<KeptCard>, Vec<RemovedCard>) {
    let old_index = Waiting::new(
        old.cards
            .iter()
            .enumerate()
            .map(|(index, card)| (by_id(&card.id), index)),
    );
    let mut matched = vec![false; old.cards.len()];
    // The old position of each new card found in the old sheet.
    let pairs: Vec<(usize, Option<usize>)> = (new.cards.iter().enumerate())
        .map(|(at, card)| (at, old_index.take(&by_id(&card.id), &mut matched)))
        .collect();
    let in_order = in_order(&pairs.iter().filter_map(|&(_, from)| from).collect::<Vec<_>>());
    let mut in_order = in_order.into_iter();
    let mut new_cards = Vec::new();
    let mut kept_cards = Vec::new();
    for (at, from) in pairs {
        let card = &new.cards[at];
        let Some(from) = from else {
            new_cards.push(NewCard {
                at,
                id: card.id.clone(),
                category: card.category.clone(),
                title: card.title.clone(),
                regions: card.regions.clone(),
                points: card.points.clone(),
            });
            continue;
        };
        let before = &old.cards[from];
        let kept = KeptCard {
            id: card.id.clone(),
            from,
            at,
            title: change(&before.title, &card.title),
            category: change(&before.category, &card.category),
            regions: change(&before.regions, &card.regions),
            points: change(&before.points, &card.points),
            moved: !in_order.next().unwrap_or(true),
        };
        if kept.is_changed() || kept.moved {
            kept_cards.push(kept);
        }
    }
    let removed_cards = old
        .cards
        .iter()
        .enumerate()
        .filter(|&(index, _)| !matched[index])
        .map(|(from, card)| RemovedCard {
            id: card.id.clone(),
            from,
            title: card.title.clone(),
            correction: explaining_correction(old, new, &card.id).cloned(),
        })
        .collect();
    (new_cards, kept_cards, removed_cards)
}

fn diff_facts(old: &Sheet, new: &Sheet) -> (Vec<NewFact>, Vec<KeptFact>, Vec<RemovedFact>) {
    let old_entries = entries(old);
    let new_entries = entries(new);
    let old_of_new = match_facts(&old_entries, &new_entries);

    // A fact that stays in its card moved only if it is out of order among
    // the facts that stayed there: the longest run in order did not move.
    let mut moved = vec![false; new_entries.len()];
    let mut start = 0;
    while start < new_entries.len() {
        let card = new_entries[start].place.card;
        let end = start
            + new_entries[start..]
                .iter()
                .take_while(|entry| entry.place.card == card)
                .count();
        let mut stayed = Vec::new();
        for n in start..end {
            if let Some(o) = old_of_new[n] {
                if old_entries[o].place.card_id == new_entries[n].place.card_id {
                    stayed.push((n, old_entries[o].place.index));
                } else {
                    moved[n] = true;
                }
            }
        }
        let order: Vec<usize> = stayed.iter().map(|&(_, index)| index).collect();
        for ((n, _), kept_order) in stayed.iter().zip(in_order(&order)) {
            moved[*n] = !kept_order;
        }
        start = end;
    }

    let mut new_facts = Vec::new();
    let mut kept_facts = Vec::new();
    let mut matched = vec![false; old_entries.len()];
    for (n, entry) in new_entries.iter().enumerate() {
        let key = fact_key(entry.card, entry.place.index, entry.fact);
        let Some(o) = old_of_new[n] else {
            new_facts.push(NewFact {
                key,
                at: entry.place.clone(),
                fact: entry.fact.clone(),
            });
            continue;
        };
        matched[o] = true;
        let before = &old_entries[o];
        let changes = FactChanges::between(
            before.fact,
            &before.place.card_id,
            entry.fact,
            &entry.place.card_id,
        );
        if changes.in_content() || moved[n] {
            kept_facts.push(KeptFact {
                key,
                from: before.place.clone(),
                at: entry.place.clone(),
                changes,
                moved: moved[n],
                fact: entry.fact.clone(),
            });
        }
    }
    let removed_facts = old_entries
        .iter()
        .zip(matched)
        .filter(|(_, matched)| !matched)
        .map(|(entry, _)| RemovedFact {
            key: fact_key(entry.card, entry.place.index, entry.fact),
            from: entry.place.clone(),
            fact: entry.fact.clone(),
            correction: explaining_correction(old, new, &entry.place.card_id).cloned(),
        })
        .collect();
    (new_facts, kept_facts, removed_facts)
}

/// For each new fact, the old fact it is (by index into `old`), if any.
///
/// Facts with an id match by id only. Facts without one match among
/// themselves, in passes: same card and same text, then same text in any
/// card, then same card and same position. Each pass takes pairs in the
/// sheets' order, so of two equal texts the first matches the first.
fn match_facts(old: &[Entry], new: &[Entry]) -> Vec<Option<usize>> {
    let mut old_of_new: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];

    let with_ids = Waiting::new(
        (old.iter().enumerate()).filter_map(|(o, entry)| Some((by_id(entry.fact.id.as_deref()?), o))),
    );
    for (n, entry) in new.iter().enumerate() {
        if let Some(id) = &entry.fact.id {
            old_of_new[n] = with_ids.take(&by_id(id), &mut taken);
        }
    }

    let passes: [for<'a, 'b> fn(&'a Entry<'b>) -> Key<'a>; 3] = [
        |entry| (&entry.place.card_id, &entry.fact.text, 0),
        |entry| ("", &entry.fact.text, 0),
        |entry| (&entry.place.card_id, "", entry.place.index),
    ];
    for key in passes {
        let waiting = Waiting::new(
            (old.iter().enumerate())
                .filter(|&(o, entry)| !taken[o] && entry.fact.id.is_none())
                .map(|(o, entry)| (key(entry), o)),
        );
        for (n, entry) in new.iter().enumerate() {
            if old_of_new[n].is_none() && entry.fact.id.is_none() {
                old_of_new[n] = waiting.take(&key(entry), &mut taken);
            }
        }
    }
    old_of_new
}

/// What old cards and facts are matched on: an id, or a fact's card, text
/// and position (see [`match_facts`]).
type Key<'a> = (&'a str, &'a str, usize);

fn by_id(id: &str) -> Key<'_> {
    (id, "", 0)
}

/// Old items by key, waiting to be matched: each look-up takes the first
/// one not yet taken, so items with equal keys pair up in the sheets'
/// order. A sorted `Vec` spares the wasm the code of a `BTreeMap` for what
/// one sort and a binary search do.
struct Waiting<'a>(Vec<(Key<'a>, usize)>);

impl<'a> Waiting<'a> {
    fn new(items: impl Iterator<Item = (Key<'a>, usize)>) -> Self {
        let mut items: Vec<_> = items.collect();
        items.sort_unstable();
        Waiting(items)
    }

    /// The first old item with `key` that is not `taken`, which it marks.
    fn take(&self, key: &Key, taken: &mut [bool]) -> Option<usize> {
        let start = self.0.partition_point(|(listed, _)| listed < key);
        let (_, found) = (self.0[start..].iter())
            .take_while(|(listed, _)| listed == key)
            .find(|&&(_, index)| !taken[index])?;
        taken[*found] = true;
        Some(*found)
    }
}

/// For a sequence of distinct numbers, which of them form a longest
/// increasing subsequence: the items that kept their order. (Patience
/// sorting, O(n log n).)
fn in_order(sequence: &[usize]) -> Vec<bool> {
    // tails[k]: the index in `sequence` of the smallest last item of an
    // increasing run of length k + 1; previous[i]: the item before i in its run.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; sequence.len()];
    for (i, &value) in sequence.iter().enumerate() {
        let k = tails.partition_point(|&t| sequence[t] < value);
        previous[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut kept = vec![false; sequence.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        kept[i] = true;
        at = previous[i];
    }
    kept
}

/// The correction of `new` that explains why something of the card `card_id`
/// left: among the corrections that are new since `old` (not in its list, or
/// dated on or after the day of its `updated`), the newest that names the
/// card, else the newest that names no card.
pub fn explaining_correction<'n>(old: &Sheet, new: &'n Sheet, card_id: &str) -> Option<&'n Correction> {
    let day = |date: &'n str| date.get(..10).unwrap_or(date);
    let old_day = old.updated.get(..10).unwrap_or(&old.updated);
    let fresh: Vec<&Correction> = new
        .corrections_newest_first()
        .into_iter()
        .filter(|correction| day(&correction.date) >= old_day || !old.corrections.contains(correction))
        .collect();
    let names = |card: Option<&str>| fresh.iter().copied().find(|c| c.card.as_deref() == card);
    names(Some(card_id)).or_else(|| names(None))
}

// ---------------------------------------------------------------------------
// Applying
// ---------------------------------------------------------------------------

/// The new sheet, rebuilt from the old one and their diff: facts and cards
/// not listed are taken from `old` in their order, the others put where the
/// diff says. For the diff of `old` and some `new`, the result equals `new`;
/// a diff made from another sheet is refused.
pub fn apply(old: &Sheet, diff: &SheetDiff) -> Result<Sheet, DiffError> {
    let refuse = |reason: String| Err(DiffError::DoesNotApply(reason));
    if old.id != diff.sheet {
        return refuse(format!("it is for the sheet \"{}\"", diff.sheet.escape_default()));
    }
    let mut sheet = old.clone();
    let header = &diff.header;
    set(&mut sheet.title, &header.title, "title")?;
    set(&mut sheet.summary, &header.summary, "summary")?;
    set(&mut sheet.lang, &header.lang, "lang")?;
    set(&mut sheet.updated, &header.updated, "updated")?;
    set(&mut sheet.refresh, &header.refresh, "refresh")?;
    set(&mut sheet.credit, &header.credit, "credit")?;
    set(&mut sheet.sources, &diff.sources, "sources")?;
    set(&mut sheet.categories, &diff.categories, "categories")?;
    set(&mut sheet.corrections, &diff.corrections, "corrections")?;

    // The cards, without their facts yet.
    let removed: Vec<usize> = diff.removed_cards.iter().map(|card| card.from).collect();
    let mut listed: Vec<(usize, Card)> = Vec::new();
    for card in &diff.new_cards {
        let head = Card {
            id: card.id.clone(),
            category: card.category.clone(),
            title: card.title.clone(),
            facts: Vec::new(),
            regions: card.regions.clone(),
            points: card.points.clone(),
        };
        listed.push((card.at, head));
    }
    for kept in &diff.kept_cards {
        let Some(before) = old.cards.get(kept.from).filter(|card| card.id == kept.id) else {
            return refuse(format!("it has no card \"{}\" at cards[{}]", kept.id, kept.from));
        };
        let mut card = before.clone();
        set(&mut card.title, &kept.title, "a card's title")?;
        set(&mut card.category, &kept.category, "a card's category")?;
        set(&mut card.regions, &kept.regions, "a card's regions")?;
        set(&mut card.points, &kept.points, "a card's points")?;
        listed.push((kept.at, card));
    }
    let kept_from: Vec<usize> = diff.kept_cards.iter().map(|card| card.from).collect();
    let unlisted = old
        .cards
        .iter()
        .enumerate()
        .filter(|(index, _)| !removed.contains(index) && !kept_from.contains(index))
        .map(|(_, card)| card.clone());
    let mut cards = place(listed, unlisted).ok_or(DiffError::DoesNotApply(
        "its cards do not fit the sheet's".to_owned(),
    ))?;

    // The facts of each card: listed ones where the diff puts them, the
    // others from the old card of the same id, in their order.
    let mut listed_facts: BTreeMap<usize, Vec<(usize, Fact)>> = BTreeMap::new();
    for fact in &diff.new_facts {
        listed_facts
            .entry(fact.at.card)
            .or_default()
            .push((fact.at.index, fact.fact.clone()));
    }
    for kept in &diff.kept_facts {
        let Some(before) = fact_at(old, &kept.from) else {
            return refuse(format!("it has no fact at {}", kept.from));
        };
        let mut fact = before.clone();
        let changes = &kept.changes;
        set(&mut fact.text, &changes.text, "a fact's text")?;
        set(&mut fact.status, &changes.status, "a fact's status")?;
        set(&mut fact.sources, &changes.sources, "a fact's sources")?;
        set(
            &mut fact.attribution,
            &changes.attribution,
            "a fact's attribution",
        )?;
        set(&mut fact.quote, &changes.quote, "a fact's quote")?;
        listed_facts
            .entry(kept.at.card)
            .or_default()
            .push((kept.at.index, fact));
    }
    let gone: Vec<&FactPlace> = diff
        .removed_facts
        .iter()
        .map(|fact| &fact.from)
        .chain(diff.kept_facts.iter().map(|fact| &fact.from))
        .collect();
    for (index, card) in cards.iter_mut().enumerate() {
        let listed = listed_facts.remove(&index).unwrap_or_default();
        let unlisted: Vec<Fact> = old
            .cards
            .iter()
            .enumerate()
            .find(|(_, before)| before.id == card.id)
            .map(|(card_index, before)| {
                before
                    .facts
                    .iter()
                    .enumerate()
                    .filter(|&(fact_index, _)| {
                        !gone
                            .iter()
                            .any(|place| place.card == card_index && place.index == fact_index)
                    })
                    .map(|(_, fact)| fact.clone())
                    .collect()
            })
            .unwrap_or_default();
        card.facts = place(listed, unlisted).ok_or_else(|| {
            DiffError::DoesNotApply(format!("the facts of card \"{}\" do not fit", card.id))
        })?;
    }
    if !listed_facts.is_empty() {
        return refuse("it puts facts in cards the sheet does not have".to_owned());
    }
    sheet.cards = cards;
    Ok(sheet)
}

/// Sets `value` to the change's `to`, if there is a change and `value` is its
/// `from`.
fn set<T: PartialEq + Clone>(value: &mut T, change: &Option<Change<T>>, what: &str) -> Result<(), DiffError> {
    match change {
        None => Ok(()),
        Some(change) if *value == change.from => {
            *value = change.to.clone();
            Ok(())
        }
        Some(_) => Err(DiffError::DoesNotApply(format!("{what} is not what it was"))),
    }
}

fn fact_at<'s>(sheet: &'s Sheet, place: &FactPlace) -> Option<&'s Fact> {
    let card = sheet
        .cards
        .get(place.card)
        .filter(|card| card.id == place.card_id)?;
    card.facts.get(place.index)
}

/// A list with each listed item at its position and the unlisted ones, in
/// their order, in the places left; `None` if they do not fit exactly.
fn place<T>(listed: Vec<(usize, T)>, unlisted: impl IntoIterator<Item = T>) -> Option<Vec<T>> {
    let mut unlisted = unlisted.into_iter().collect::<Vec<_>>().into_iter();
    let len = listed.len() + unlisted.len();
    let mut slots: Vec<Option<T>> = std::iter::repeat_with(|| None).take(len).collect();
    for (at, item) in listed {
        let slot = slots.get_mut(at)?;
        if slot.is_some() {
            return None;
        }
        *slot = Some(item);
    }
    slots
        .into_iter()
        .map(|slot| slot.or_else(|| unlisted.next()))
        .collect()
}

// ---------------------------------------------------------------------------
// As text, for editors
// ---------------------------------------------------------------------------

/// Which of the two sheets a place is in: a removed fact is named by its
/// place in the old sheet, a new one by its place in the new.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Old,
    New,
}

/// A field of the sheet itself that a diff can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryField {
    Title,
    Summary,
    Lang,
    Updated,
    Refresh,
    Credit,
}

/// A field of a card that a diff can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardField {
    Title,
    Category,
    Regions,
    Points,
}

/// A field of a fact that a diff can change (`Card`: the card it is in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactField {
    Text,
    Status,
    Sources,
    Attribution,
    Quote,
    Card,
}

/// A list of the sheet whose entries are known by their id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Cards,
    Sources,
    Categories,
}

impl StoryField {
    /// Its key in the sheet's JSON.
    pub fn key(self) -> &'static str {
        match self {
            StoryField::Title => "title",
            StoryField::Summary => "summary",
            StoryField::Lang => "lang",
            StoryField::Updated => "updated",
            StoryField::Refresh => "refresh",
            StoryField::Credit => "credit",
        }
    }
}

impl CardField {
    /// Its key in a card's JSON.
    pub fn key(self) -> &'static str {
        match self {
            CardField::Title => "title",
            CardField::Category => "category",
            CardField::Regions => "regions",
            CardField::Points => "points",
        }
    }
}

impl FactField {
    /// Its key in a fact's JSON (`card` is not one: a fact is in its card).
    pub fn key(self) -> &'static str {
        match self {
            FactField::Text => "text",
            FactField::Status => "status",
            FactField::Sources => "sources",
            FactField::Attribution => "attribution",
            FactField::Quote => "quote",
            FactField::Card => "card",
        }
    }
}

/// How the lines of a diff name places, fields and entries. The wording is
/// [`diff_lines_with`]'s, the same for everyone; what differs is whom it is
/// for: `factcards diff` names JSON paths ([`JsonPaths`]), the editor
/// names things as its forms do.
pub trait Locator {
    /// A field of the sheet itself: `title`.
    fn story_field(&self, field: StoryField) -> String;
    /// A field of a card: `category`.
    fn card_field(&self, field: CardField) -> String;
    /// A field of a fact: `status`.
    fn fact_field(&self, field: FactField) -> String;
    /// A status as a value: `confirmed`.
    fn status(&self, status: Status) -> String;
    /// The card at `index` in one sheet, for a line about the card: `card
    /// cards[1] "roads"`. `title` is given when the line tells the card's
    /// title (new and removed cards), for a locator whose places do not
    /// already say it.
    fn card(&self, side: Side, index: usize, id: &str, title: Option<&str>) -> String;
    /// A card that moved from `from` in the old sheet to `at` in the new.
    fn moved_card(&self, from: usize, at: usize, id: &str) -> String {
        format!(
            "{} -> {}",
            self.card(Side::Old, from, id, None),
            self.card(Side::New, at, id, None)
        )
    }
    /// The fact at `place` in one sheet, with its id if it has one and the
    /// line should name it: `cards[3].facts[1] "toll"`.
    fn fact(&self, side: Side, place: &FactPlace, id: Option<&str>) -> String;
    /// An entry of a list as a line names it on its own: `source "afp"`.
    fn entry(&self, side: Side, list: ListKind, id: &str) -> String;
    /// An entry of a list as a value (the card a fact is in, a source it
    /// cites, a card's category): `"afp"`.
    fn value(&self, side: Side, list: ListKind, id: &str) -> String;
    /// The excerpt of one cited source, within a fact's sources: `excerpt
    /// of "afp"`.
    fn excerpt_of(&self, side: Side, source: &str) -> String;
    /// What goes between a thing and what changed in it: `cards[3].facts[1]
    /// status: …` reads as one path, a place in words wants a colon.
    fn before_changes(&self) -> &'static str;
}

/// Places as JSON paths and ids, as `factcards diff` prints them: a script
/// or an editor's text editor can go straight to `cards[3].facts[1]`.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonPaths;

impl Locator for JsonPaths {
    fn story_field(&self, field: StoryField) -> String {
        field.key().to_owned()
    }

    fn card_field(&self, field: CardField) -> String {
        field.key().to_owned()
    }

    fn fact_field(&self, field: FactField) -> String {
        field.key().to_owned()
    }

    fn status(&self, status: Status) -> String {
        status.as_str().to_owned()
    }

    fn card(&self, _: Side, index: usize, id: &str, title: Option<&str>) -> String {
        let title = title.map_or_else(String::new, |title| format!(": {}", quote(title)));
        format!("card cards[{index}] {}{title}", quote(id))
    }

    fn moved_card(&self, from: usize, at: usize, id: &str) -> String {
        format!("card cards[{from}] -> cards[{at}] {}", quote(id))
    }

    fn fact(&self, _: Side, place: &FactPlace, id: Option<&str>) -> String {
        let id = id.map_or_else(String::new, |id| format!(" {}", quote(id)));
        format!("{place}{id}")
    }

    fn entry(&self, _: Side, list: ListKind, id: &str) -> String {
        let noun = match list {
            ListKind::Cards => "card",
            ListKind::Sources => "source",
            ListKind::Categories => "category",
        };
        format!("{noun} {}", quote(id))
    }

    fn value(&self, _: Side, _: ListKind, id: &str) -> String {
        quote(id)
    }

    fn excerpt_of(&self, _: Side, source: &str) -> String {
        format!("excerpt of {}", quote(source))
    }

    fn before_changes(&self) -> &'static str {
        " "
    }
}

/// The diff as `factcards diff` prints it: the groups `New:`, `Changed:`,
/// `Removed:` and `Moved:` (each left out when empty), one indented line per
/// item, such as
/// `  changed cards[3].facts[1] "toll" status: claimed -> confirmed`.
/// New, changed and moved facts are named by their place in the new sheet,
/// removed ones by their place in the old; a fact with an id is also named by
/// it. Sheets that are the same give no lines.
pub fn diff_lines(diff: &SheetDiff) -> Vec<String> {
    diff_lines_with(diff, &JsonPaths)
}

/// The same lines, with places, fields and entries named by `locator`.
/// Each line still starts with what happened (`new`, `changed`, `removed`,
/// `moved`), which [`diff_summary`] counts.
pub fn diff_lines_with(diff: &SheetDiff, locator: &impl Locator) -> Vec<String> {
    let mut new = Vec::new();
    let mut changed = Vec::new();
    let mut removed = Vec::new();
    let mut moved = Vec::new();
    let then = locator.before_changes();

    let header = &diff.header;
    let mut header_line = |field: StoryField, change: &Option<Change<String>>, quoted: bool| {
        if let Some(change) = change {
            let show = |text: &str| if quoted { quote(text) } else { text.to_owned() };
            changed.push(format!(
                "changed {}: {} -> {}",
                locator.story_field(field),
                show(&change.from),
                show(&change.to)
            ));
        }
    };
    header_line(StoryField::Title, &header.title, true);
    header_line(StoryField::Summary, &header.summary, true);
    header_line(StoryField::Lang, &header.lang, false);
    header_line(StoryField::Updated, &header.updated, false);
    if let Some(refresh) = &header.refresh {
        let show =
            |seconds: Option<u32>| seconds.map_or_else(|| "none".to_owned(), |s| format!("{s} seconds"));
        changed.push(format!(
            "changed {}: {} -> {}",
            locator.story_field(StoryField::Refresh),
            show(refresh.from),
            show(refresh.to)
        ));
    }
    if let Some(credit) = &header.credit {
        let show = |credit: &Option<String>| credit.as_deref().map_or_else(|| "none".to_owned(), quote);
        changed.push(format!(
            "changed {}: {} -> {}",
            locator.story_field(StoryField::Credit),
            show(&credit.from),
            show(&credit.to)
        ));
    }

    for card in &diff.new_cards {
        new.push(format!(
            "new {}",
            locator.card(Side::New, card.at, &card.id, Some(&card.title))
        ));
    }
    for fact in &diff.new_facts {
        new.push(format!(
            "new {}: {}, {}",
            locator.fact(Side::New, &fact.at, fact.fact.id.as_deref()),
            locator.status(fact.fact.status),
            quote(&fact.fact.text)
        ));
    }
    for card in &diff.kept_cards {
        if card.is_changed() {
            let mut parts = Vec::new();
            if let Some(title) = &card.title {
                parts.push(format!(
                    "{}: {} -> {}",
                    locator.card_field(CardField::Title),
                    quote(&title.from),
                    quote(&title.to)
                ));
            }
            if let Some(category) = &card.category {
                parts.push(format!(
                    "{}: {} -> {}",
                    locator.card_field(CardField::Category),
                    locator.value(Side::Old, ListKind::Categories, &category.from),
                    locator.value(Side::New, ListKind::Categories, &category.to)
                ));
            }
            if let Some(regions) = &card.regions {
                parts.push(format!(
                    "{}: {} -> {}",
                    locator.card_field(CardField::Regions),
                    list(&regions.from),
                    list(&regions.to)
                ));
            }
            if let Some(points) = &card.points {
                let names =
                    |points: &[Point]| points.iter().map(|point| point.name.clone()).collect::<Vec<_>>();
                parts.push(format!(
                    "{}: {} -> {}",
                    locator.card_field(CardField::Points),
                    list(&names(&points.from)),
                    list(&names(&points.to))
                ));
            }
            changed.push(format!(
                "changed {}{then}{}",
                locator.card(Side::New, card.at, &card.id, None),
                parts.join("; ")
            ));
        }
        if card.moved {
            moved.push(format!(
                "moved {}",
                locator.moved_card(card.from, card.at, &card.id)
            ));
        }
    }
    for fact in diff.changed_facts() {
        changed.push(format!(
            "changed {}{then}{}",
            locator.fact(Side::New, &fact.at, fact.fact.id.as_deref()),
            fact_changes(fact, locator)
        ));
    }
    for fact in diff.moved_facts() {
        moved.push(format!(
            "moved {} -> {}",
            locator.fact(Side::Old, &fact.from, None),
            locator.fact(Side::New, &fact.at, fact.fact.id.as_deref())
        ));
    }
    for card in &diff.removed_cards {
        removed.push(format!(
            "removed {}{}",
            locator.card(Side::Old, card.from, &card.id, Some(&card.title)),
            explained_by(card.correction.as_ref())
        ));
    }
    for fact in &diff.removed_facts {
        removed.push(format!(
            "removed {}: {}{}",
            locator.fact(Side::Old, &fact.from, fact.fact.id.as_deref()),
            quote(&fact.fact.text),
            explained_by(fact.correction.as_ref())
        ));
    }
    list_lines(
        ListKind::Sources,
        &diff.sources,
        |source: &Source| source.id.clone(),
        locator,
        [&mut new, &mut changed, &mut removed],
    );
    list_lines(
        ListKind::Categories,
        &diff.categories,
        |category: &Category| category.id.clone(),
        locator,
        [&mut new, &mut changed, &mut removed],
    );
    if let Some(corrections) = &diff.corrections {
        let line =
            |correction: &Correction| format!("correction {}: {}", correction.date, quote(&correction.text));
        for correction in corrections.to.iter().filter(|c| !corrections.from.contains(c)) {
            new.push(format!("new {}", line(correction)));
        }
        for correction in corrections.from.iter().filter(|c| !corrections.to.contains(c)) {
            removed.push(format!("removed {}", line(correction)));
        }
    }

    let mut lines = Vec::new();
    for (heading, group) in [
        ("New:", new),
        ("Changed:", changed),
        ("Removed:", removed),
        ("Moved:", moved),
    ] {
        if !group.is_empty() {
            lines.push(heading.to_owned());
            lines.extend(group.into_iter().map(|line| format!("  {line}")));
        }
    }
    lines
}

/// `2 new, 1 changed, 0 removed, 1 moved`, counting the lines of each group
/// of [`diff_lines`], or `no changes`.
pub fn diff_summary(diff: &SheetDiff) -> String {
    if diff.is_empty() {
        return "no changes".to_owned();
    }
    let lines = diff_lines(diff);
    let count = |word: &str| {
        lines
            .iter()
            .filter(|line| line.trim_start().starts_with(&format!("{word} ")))
            .count()
    };
    format!(
        "{} new, {} changed, {} removed, {} moved",
        count("new"),
        count("changed"),
        count("removed"),
        count("moved")
    )
}

/// What changed in a fact: `status: claimed -> confirmed; sources: +"a"
/// -"b"`.
fn fact_changes(fact: &KeptFact, locator: &impl Locator) -> String {
    let changes = &fact.changes;
    let optional = |text: &Option<String>| text.as_deref().map_or_else(|| "none".to_owned(), quote);
    let field = |field: FactField| locator.fact_field(field);
    let mut parts = Vec::new();
    if let Some(text) = &changes.text {
        parts.push(format!(
            "{}: {} -> {}",
            field(FactField::Text),
            quote(&text.from),
            quote(&text.to)
        ));
    }
    if let Some(status) = &changes.status {
        parts.push(format!(
            "{}: {} -> {}",
            field(FactField::Status),
            locator.status(status.from),
            locator.status(status.to)
        ));
    }
    if changes.sources.is_some() {
        let source = |side: Side, id: &str| locator.value(side, ListKind::Sources, id);
        let added = changes
            .added_sources()
            .into_iter()
            .map(|id| format!("+{}", source(Side::New, id)));
        let removed = changes
            .removed_sources()
            .into_iter()
            .map(|id| format!("-{}", source(Side::Old, id)));
        let excerpts = changes.changed_excerpts().into_iter().map(|(id, from, to)| {
            let or_none = |text: Option<&str>| text.map_or_else(|| "none".to_owned(), quote);
            format!(
                "{}: {} -> {}",
                locator.excerpt_of(Side::New, id),
                or_none(from),
                or_none(to)
            )
        });
        let mut both: Vec<String> = added.chain(removed).chain(excerpts).collect();
        if both.is_empty() {
            both.push("reordered".to_owned());
        }
        parts.push(format!("{}: {}", field(FactField::Sources), both.join(" ")));
    }
    if let Some(attribution) = &changes.attribution {
        parts.push(format!(
            "{}: {} -> {}",
            field(FactField::Attribution),
            optional(&attribution.from),
            optional(&attribution.to)
        ));
    }
    if let Some(quote_change) = &changes.quote {
        parts.push(format!(
            "{}: {} -> {}",
            field(FactField::Quote),
            optional(&quote_change.from),
            optional(&quote_change.to)
        ));
    }
    let was = locator.fact(Side::Old, &fact.from, None);
    if let Some(card) = &changes.card {
        parts.push(format!(
            "{}: {} -> {} (was {was})",
            field(FactField::Card),
            locator.value(Side::Old, ListKind::Cards, &card.from),
            locator.value(Side::New, ListKind::Cards, &card.to),
        ));
    } else if fact.moved {
        parts.push(format!("moved from {was}"));
    }
    parts.join("; ")
}

/// New, changed and removed entries of a list diffed by id.
fn list_lines<T: PartialEq>(
    kind: ListKind,
    lists: &Option<Change<Vec<T>>>,
    id: impl Fn(&T) -> String,
    locator: &impl Locator,
    [new, changed, removed]: [&mut Vec<String>; 3],
) {
    let Some(lists) = lists else {
        return;
    };
    let find = |items: &[T], wanted: &str| items.iter().position(|item| id(item) == wanted);
    for item in &lists.to {
        match find(&lists.from, &id(item)) {
            None => new.push(format!("new {}", locator.entry(Side::New, kind, &id(item)))),
            Some(before) if lists.from[before] != *item => {
                changed.push(format!("changed {}", locator.entry(Side::New, kind, &id(item))));
            }
            Some(_) => {}
        }
    }
    for item in &lists.from {
        if find(&lists.to, &id(item)).is_none() {
            removed.push(format!("removed {}", locator.entry(Side::Old, kind, &id(item))));
        }
    }
}

/// ` (correction of 2024-03-24: "…")`, or nothing.
fn explained_by(correction: Option<&Correction>) -> String {
    correction.map_or_else(String::new, |correction| {
        format!(
            " (correction of {}: {})",
            correction.date,
            quote(&correction.text)
        )
    })
}

/// `"a", "b"`, or `none`.
fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items
            .iter()
            .map(|item| quote(item))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A text in double quotes, cut to 60 characters with `…`, with `"` and `\`
/// escaped, and control and invisible characters written as escapes so that
/// none reaches a terminal.
fn quote(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    let mut short: String = text.chars().take(MAX_CHARS).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    let mut quoted = String::with_capacity(short.len() + 2);
    quoted.push('"');
    for c in short.chars() {
        match c {
            '"' | '\\' => {
                quoted.push('\\');
                quoted.push(c);
            }
            c if is_invisible(c) => quoted.extend(c.escape_default()),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runs_in_order_are_the_longest() {
        assert_eq!(in_order(&[]), Vec::<bool>::new());
        assert_eq!(in_order(&[0, 1, 2]), [true, true, true]);
        assert_eq!(in_order(&[2, 0, 1]), [false, true, true]);
        assert_eq!(in_order(&[1, 0]), [false, true]);
        assert_eq!(in_order(&[0, 3, 1, 2]), [true, false, true, true]);
    }

    #[test]
    fn fingerprints_are_fnv_1a() {
        assert_eq!(fingerprint(""), 0x811c_9dc5);
        assert_eq!(fingerprint("a"), 0xe40c_292c);
    }

    #[test]
    fn quotes_are_short_and_escaped() {
        assert_eq!(quote("toll"), "\"toll\"");
        assert_eq!(quote("a\"b\nc's"), "\"a\\\"b\\nc's\"");
        assert_eq!(quote("rtl\u{202e}"), "\"rtl\\u{202e}\"");
        assert_eq!(quote(&"x".repeat(61)), format!("\"{}…\"", "x".repeat(60)));
    }

    #[test]
    fn places_fill_the_gaps_in_order() {
        assert_eq!(place(vec![(1, 'b')], ['a', 'c']), Some(vec!['a', 'b', 'c']));
        assert_eq!(place(vec![(3, 'x')], ['a']), None);
        assert_eq!(place(vec![(0, 'x'), (0, 'y')], ['a']), None);
    }
}
