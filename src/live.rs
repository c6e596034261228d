//! Live sheets: when a deck re-reads its sheet, and what it does with what
//! it gets.
//!
//! A page opts in with `data-live` or the `live` option ([`Live`]). The
//! embed (`embed/live.rs`) owns the timers, the conditional requests and
//! the observers; everything it decides is here, pure, so that native tests
//! (tests/live.rs) cover it:
//!
//! - [`Poller`]: the delay before the next read: the page's interval, or
//!   the sheet's `refresh`, never under the floor; doubling after each
//!   failure up to a cap; and no reads while the tab is hidden or the deck
//!   is off screen.
//! - [`judge`]: what a fetched sheet that passed the checks means for the
//!   shown one: nothing new, an update (its diff), or a refusal (another
//!   story).
//! - [`Announcer`]: the live region speaks at most once a minute, adding up
//!   what came meanwhile, so that a sheet that flips between two versions
//!   cannot talk over the reader.

use crate::model::diff::{Counts, fact_key};
use crate::model::formats::parse_decimal;
use crate::model::{IdSet, MAX_REFRESH_SECONDS, MIN_REFRESH_SECONDS, Sheet, SheetDiff, Status, diff};

/// The interval of a live deck whose page asked for updates without a
/// number and whose sheet suggests none (`refresh`), in seconds.
pub const DEFAULT_LIVE_SECONDS: u32 = 120;

/// The longest wait between two reads after failures, in milliseconds (an
/// hour), unless the interval itself is longer.
pub const MAX_BACKOFF_MS: u64 = 3_600_000;

/// The shortest time between two announcements of the live region, in
/// milliseconds.
pub const ANNOUNCE_EVERY_MS: f64 = 60_000.0;

/// Whether and how often a deck re-reads its sheet, as the page chose it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Live {
    /// Shown once, never re-read (the default).
    #[default]
    Off,
    /// Every this many milliseconds (the page gave a number of seconds;
    /// [`Poller`] raises it to its floor).
    Every(u64),
    /// At the sheet's `refresh`, or [`DEFAULT_LIVE_SECONDS`] without one.
    Suggested,
}

impl Live {
    /// The value of a `data-live` attribute (`None` if absent): a number of
    /// seconds, empty (or `on`/`true`) for the sheet's suggestion, `off` or
    /// `false` for none. An unreadable value reads as the suggestion: the
    /// page did ask for live updates.
    pub fn from_attribute(value: Option<&str>) -> Live {
        let Some(value) = value.map(str::trim) else {
            return Live::Off;
        };
        match value {
            "off" | "false" => Live::Off,
            "" | "on" | "true" => Live::Suggested,
            seconds => parse_decimal(seconds)
                .and_then(Live::from_seconds)
                .unwrap_or(Live::Suggested),
        }
    }

    /// `Every` for a positive, finite number of seconds.
    pub fn from_seconds(seconds: f64) -> Option<Live> {
        (seconds.is_finite() && seconds > 0.0).then(|| Live::Every((seconds * 1000.0).round() as u64))
    }

    pub fn is_on(self) -> bool {
        self != Live::Off
    }

    /// The interval, in milliseconds, for a sheet that suggests `refresh`
    /// seconds, at least `floor_ms` and at most a day; `None` when off.
    pub fn interval_ms(self, refresh: Option<u32>, floor_ms: u64) -> Option<u64> {
        let asked = match self {
            Live::Off => return None,
            Live::Every(ms) => ms,
            Live::Suggested => u64::from(refresh.unwrap_or(DEFAULT_LIVE_SECONDS)) * 1000,
        };
        Some(asked.clamp(floor_ms, u64::from(MAX_REFRESH_SECONDS) * 1000))
    }
}

/// The shortest interval of a release build, in milliseconds: the shortest
/// `refresh` a sheet may suggest. (The test build lowers it, so that the
/// end-to-end suite need not wait.)
pub const FLOOR_MS: u64 = MIN_REFRESH_SECONDS as u64 * 1000;

/// How a read of the sheet went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 304, or the same sheet: nothing to do.
    Unchanged,
    /// A new version is shown.
    Updated,
    /// The network, the server or the sheet failed; the deck is unchanged.
    Failed,
}

/// When a live deck reads its sheet next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poller {
    interval_ms: u64,
    failures: u32,
    visible: bool,
    on_screen: bool,
}

impl Poller {
    /// A poller reading every `interval_ms` (see [`Live::interval_ms`]),
    /// for a tab that is visible and a deck on screen until told otherwise.
    pub fn new(interval_ms: u64) -> Self {
        Poller {
            interval_ms: interval_ms.max(1),
            failures: 0,
            visible: true,
            on_screen: true,
        }
    }

    /// The interval when reads succeed.
    pub fn interval_ms(&self) -> u64 {
        self.interval_ms
    }

    /// Takes a new interval (the sheet's `refresh` changed).
    pub fn set_interval_ms(&mut self, interval_ms: u64) {
        self.interval_ms = interval_ms.max(1);
    }

    /// Whether reads may happen now: the tab is visible and the deck on
    /// screen. While not, the embed stops its timer.
    pub fn may_read(&self) -> bool {
        self.visible && self.on_screen
    }

    /// The delay before the next read: the interval, doubled for each
    /// failure in a row, capped at [`MAX_BACKOFF_MS`] (or the interval, if
    /// longer).
    pub fn delay_ms(&self) -> u64 {
        let doubled = self.interval_ms.saturating_mul(1u64 << self.failures.min(20));
        doubled.min(MAX_BACKOFF_MS.max(self.interval_ms))
    }

    /// Records a read; returns the delay before the next one.
    pub fn after(&mut self, outcome: Outcome) -> u64 {
        match outcome {
            Outcome::Failed => self.failures = self.failures.saturating_add(1),
            Outcome::Unchanged | Outcome::Updated => self.failures = 0,
        }
        self.delay_ms()
    }

    /// The failures in a row so far.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// The tab was hidden or shown. Returns whether reads may resume now
    /// (they had stopped, and now may happen).
    pub fn set_visible(&mut self, visible: bool) -> bool {
        let before = self.may_read();
        self.visible = visible;
        !before && self.may_read()
    }

    /// The deck left or came back on screen. Returns whether reads may
    /// resume now.
    pub fn set_on_screen(&mut self, on_screen: bool) -> bool {
        let before = self.may_read();
        self.on_screen = on_screen;
        !before && self.may_read()
    }
}

/// What a fetched sheet, which passed every check, means for the one shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The same sheet: nothing to render.
    Same,
    /// A new version: show it, marking what the diff says.
    Update(Box<SheetDiff>),
    /// Not an update of this story: the shown deck stays; the reason is for
    /// the console and `factcards:error`.
    Refused(String),
}

/// Judges `fetched` against `shown`.
pub fn judge(shown: &Sheet, fetched: &Sheet) -> Verdict {
    match diff(shown, fetched) {
        Ok(changes) if changes.is_empty() => Verdict::Same,
        Ok(changes) => Verdict::Update(Box::new(changes)),
        Err(error) => Verdict::Refused(format!("the update was not shown: {error}")),
    }
}

/// Whether a response that ended at `final_url` (after any redirects) may
/// be shown, for a sheet asked from `asked_url`, on a page at
/// `page_origin`: only from the origin asked or the page's own. Origins are
/// `scheme://host[:port]`, as `URL.origin` gives them.
pub fn same_origin_allowed(asked_origin: &str, final_origin: &str, page_origin: &str) -> bool {
    final_origin == asked_origin || final_origin == page_origin
}

/// The class of the inert JSON script that holds, in the server-rendered
/// fallback of a live sheet, the sheet as rendered (`ssr.rs` writes it,
/// the embed reads it).
pub const RENDERED_SHEET_CLASS: &str = "fc-rendered-sheet";

/// The live region's pace: at most one announcement a minute, adding up
/// what arrived meanwhile.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Announcer {
    last_ms: Option<f64>,
    pending: Counts,
}

impl Announcer {
    /// Records an update's counts at time `now_ms`; returns what to
    /// announce now, if anything (the counts since the last announcement).
    pub fn note(&mut self, counts: Counts, now_ms: f64) -> Option<Counts> {
        add(&mut self.pending, counts);
        self.due(now_ms)
    }

    /// What to announce at `now_ms`, if a minute has passed and something
    /// waits (for a timer that flushes the waiting counts).
    pub fn due(&mut self, now_ms: f64) -> Option<Counts> {
        if self.pending == Counts::default() {
            return None;
        }
        if self.last_ms.is_some_and(|last| now_ms - last < ANNOUNCE_EVERY_MS) {
            return None;
        }
        self.last_ms = Some(now_ms);
        Some(std::mem::take(&mut self.pending))
    }

    /// Milliseconds until the waiting counts may be announced, if any wait.
    pub fn wait_ms(&self, now_ms: f64) -> Option<f64> {
        (self.pending != Counts::default()).then(|| {
            self.last_ms
                .map_or(0.0, |last| (last + ANNOUNCE_EVERY_MS - now_ms).max(0.0))
        })
    }
}

fn add(total: &mut Counts, more: Counts) {
    total.new += more.new;
    total.changed += more.changed;
    total.removed += more.removed;
    total.moved += more.moved;
    total.new_cards += more.new_cards;
    total.removed_cards += more.removed_cards;
}

/// What a reader is shown of one fact's change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactMark {
    /// The fact is new.
    New { at: String },
    /// What the fact says changed: its status (from, to), and whether its
    /// text or its sources changed.
    Changed {
        status: Option<(Status, Status)>,
        text: bool,
        sources: bool,
        at: String,
    },
}

/// The change marks of a live deck: for each fact key (`fact_key`) in the
/// shown sheet, the latest change, and the ids of the new cards. Marks stay
/// for the reader's visit: an update only adds to them or replaces a
/// fact's mark.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeMarks {
    /// Sorted by key: a sorted `Vec` spares the wasm a `BTreeMap`'s code.
    facts: Vec<(String, FactMark)>,
    new_cards: IdSet,
}

impl ChangeMarks {
    /// These marks with those of `diff`, which arrived at `at` (a time
    /// already in the reader's words, such as "10:42").
    #[must_use]
    pub fn with(&self, diff: &SheetDiff, at: &str) -> ChangeMarks {
        let mut next = self.clone();
        for removed in &diff.removed_facts {
            if let Ok(at) = next.position(&removed.key) {
                next.facts.remove(at);
            }
        }
        for removed in &diff.removed_cards {
            next.new_cards.remove(&removed.id);
        }
        for fact in &diff.new_facts {
            next.set(&fact.key, FactMark::New { at: at.to_owned() });
        }
        for fact in diff.changed_facts() {
            // A fact still unseen as new stays new.
            if matches!(next.fact(&fact.key), Some(FactMark::New { .. })) {
                continue;
            }
            next.set(
                &fact.key,
                FactMark::Changed {
                    status: fact
                        .changes
                        .status
                        .as_ref()
                        .map(|change| (change.from, change.to)),
                    text: fact.changes.text.is_some()
                        || fact.changes.quote.is_some()
                        || fact.changes.attribution.is_some(),
                    sources: fact.changes.sources.is_some(),
                    at: at.to_owned(),
                },
            );
        }
        for card in &diff.new_cards {
            next.new_cards.insert(card.id.clone());
        }
        next
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.facts
            .binary_search_by(|(listed, _)| listed.as_str().cmp(key))
    }

    /// Gives the fact `key` the mark `mark`, in place of any it had.
    fn set(&mut self, key: &str, mark: FactMark) {
        match self.position(key) {
            Ok(at) => self.facts[at].1 = mark,
            Err(at) => self.facts.insert(at, (key.to_owned(), mark)),
        }
    }

    /// These marks without the "New" of the facts and cards the reader has
    /// seen: fact keys in `facts`, card ids in `cards`. What changed in a
    /// fact stays marked: it says what the fact said before.
    #[must_use]
    pub fn seen(&self, facts: &[String], cards: &[String]) -> ChangeMarks {
        let mut next = self.clone();
        next.facts
            .retain(|(key, mark)| !(matches!(mark, FactMark::New { .. }) && facts.contains(key)));
        next.new_cards.retain(|id| !cards.contains(id));
        next
    }

    /// The mark of the fact whose key is `key`, if it has one.
    pub fn fact(&self, key: &str) -> Option<&FactMark> {
        self.position(key).ok().map(|at| &self.facts[at].1)
    }

    /// Whether the card `id` came with an update.
    pub fn is_new_card(&self, id: &str) -> bool {
        self.new_cards.contains(id)
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty() && self.new_cards.is_empty()
    }

    /// The marks of the card at `index` in `sheet`, fact by fact, or `None`
    /// if it has none, so that unmarked cards keep equal props.
    pub fn of_card(&self, sheet: &Sheet, index: usize) -> Option<CardMarks> {
        // Every render asks for every card: without marks (no update yet,
        // or none left), skip working out each fact's key.
        if self.is_empty() {
            return None;
        }
        let card = sheet.cards.get(index)?;
        let facts: Vec<Option<(String, FactMark)>> = card
            .facts
            .iter()
            .enumerate()
            .map(|(at, fact)| {
                let key = fact_key(card, at, fact);
                self.fact(&key).cloned().map(|mark| (key, mark))
            })
            .collect();
        let new = self.is_new_card(&card.id);
        (new || facts.iter().any(Option::is_some)).then_some(CardMarks { new, facts })
    }
}

/// One card's change marks (see [`ChangeMarks::of_card`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardMarks {
    /// The card came with an update.
    pub new: bool,
    /// Each fact's mark and key, by its position in the card.
    pub facts: Vec<Option<(String, FactMark)>>,
}
