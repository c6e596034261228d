//! What the widget tells its host: the [`DeckEvent`]s a deck reports, the
//! DOM name each one is dispatched under, and the [`DeckLink`]s a host
//! hands a deck to follow.
//!
//! Pure: the view emits these through a callback, and the embed turns them
//! into DOM events whose `detail` is the event serialised (serde, so the
//! shape is the type's: `{sheet, cards}`, `{card, expanded}`, …). Each DOM
//! name is defined here once; `web/factcards.d.ts` follows them
//! (tests/event.rs checks it).

use serde::{Serialize, Serializer};

use crate::model::diff::{Counts, FactIds};
use crate::model::{Problem, Severity, SheetDiff};
use crate::state::LinkTarget;

/// The DOM name of [`DeckEvent::Ready`].
pub const READY: &str = "factcards:ready";
/// The DOM name of [`DeckEvent::Failed`].
pub const ERROR: &str = "factcards:error";
/// The DOM name of [`DeckEvent::CardToggle`].
pub const CARD_TOGGLE: &str = "factcards:card-toggle";
/// The DOM name of [`DeckEvent::Filter`].
pub const FILTER: &str = "factcards:filter";
/// The DOM name of [`DeckEvent::SourceClick`].
pub const SOURCE_CLICK: &str = "factcards:source-click";
/// The DOM name of [`DeckEvent::CopyLink`].
pub const COPY_LINK: &str = "factcards:copy-link";
/// The DOM name of [`DeckEvent::Search`].
pub const SEARCH: &str = "factcards:search";
/// The DOM name of [`DeckEvent::Grouping`].
pub const GROUPING: &str = "factcards:grouping";
/// The DOM name of [`DeckEvent::Seen`].
pub const VIEW: &str = "factcards:view";

/// The DOM name of [`DeckEvent::Update`].
pub const UPDATE: &str = "factcards:update";

/// Every DOM event the embed dispatches on a mount element, in the order
/// the docs list them.
pub const DOM_NAMES: [&str; 10] = [
    READY,
    ERROR,
    CARD_TOGGLE,
    FILTER,
    SOURCE_CLICK,
    COPY_LINK,
    SEARCH,
    GROUPING,
    VIEW,
    UPDATE,
];

/// Something that happened in the widget, reported to the host: mostly what
/// the reader did. Serialised, each is the plain object of its fields (the
/// DOM event's `detail`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum DeckEvent {
    /// A valid sheet is shown, every card of it rendered.
    Ready { sheet: String, cards: usize },
    /// The sheet could not be shown; the error panel lists these problems.
    Failed {
        #[serde(serialize_with = "serialize_problems")]
        problems: Vec<Problem>,
    },
    /// A card's sources were opened or closed.
    CardToggle { card: String, expanded: bool },
    /// The category filter changed; empty means every category.
    Filter { categories: Vec<String> },
    /// The reader followed a source's link.
    SourceClick { source: String, url: String },
    /// The reader asked for a link to a card (`anchor` is `sheet/card`).
    CopyLink { card: String, anchor: String },
    /// The search text changed; `matches` is how many facts now show (the
    /// category filter included). The transition records every change; the
    /// embed dispatches only the last of a burst of keystrokes.
    Search { query: String, matches: usize },
    /// The facts were grouped by `"topic"` or by `"certainty"`.
    Grouping { grouping: &'static str },
    /// At least half of the deck (or of the screen, for a deck taller than
    /// it) came into view, for the first time. Observed by the embed.
    Seen { sheet: String },
    /// The view changed (filter, search, open cards or grouping), for the
    /// embed to keep in the URL fragment.
    ViewChanged { fragment: String },
    /// A live deck shows a new version of its sheet (`live.rs`): how many
    /// facts and cards changed, and the keys of the facts.
    Update {
        sheet: String,
        /// The new version's `updated`.
        updated: String,
        counts: UpdateCounts,
        ids: UpdateIds,
    },
}

/// How many facts and cards an update brought, in `factcards:update`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UpdateCounts {
    pub new: usize,
    pub changed: usize,
    pub removed: usize,
    pub moved: usize,
    pub new_cards: usize,
    pub removed_cards: usize,
}

impl From<Counts> for UpdateCounts {
    fn from(counts: Counts) -> Self {
        UpdateCounts {
            new: counts.new,
            changed: counts.changed,
            removed: counts.removed,
            moved: counts.moved,
            new_cards: counts.new_cards,
            removed_cards: counts.removed_cards,
        }
    }
}

/// The keys of the facts an update touched (a fact's `id`, or the key
/// `model::diff::fact_key` makes for a fact without one), in
/// `factcards:update`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct UpdateIds {
    pub new: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    pub moved: Vec<String>,
}

impl From<FactIds> for UpdateIds {
    fn from(ids: FactIds) -> Self {
        UpdateIds {
            new: ids.new,
            changed: ids.changed,
            removed: ids.removed,
            moved: ids.moved,
        }
    }
}

impl DeckEvent {
    /// The `factcards:update` of `diff`, whose new version was `updated`.
    pub fn of_update(diff: &SheetDiff, updated: &str) -> DeckEvent {
        DeckEvent::Update {
            sheet: diff.sheet.clone(),
            updated: updated.to_owned(),
            counts: diff.counts().into(),
            ids: diff.ids().into(),
        }
    }
}

impl DeckEvent {
    /// The DOM event this is dispatched as, or `None` for what is not the
    /// host's business (a view change goes to the URL instead).
    pub fn dom_name(&self) -> Option<&'static str> {
        Some(match self {
            DeckEvent::Ready { .. } => READY,
            DeckEvent::Failed { .. } => ERROR,
            DeckEvent::CardToggle { .. } => CARD_TOGGLE,
            DeckEvent::Filter { .. } => FILTER,
            DeckEvent::SourceClick { .. } => SOURCE_CLICK,
            DeckEvent::CopyLink { .. } => COPY_LINK,
            DeckEvent::Search { .. } => SEARCH,
            DeckEvent::Grouping { .. } => GROUPING,
            DeckEvent::Seen { .. } => VIEW,
            DeckEvent::Update { .. } => UPDATE,
            DeckEvent::ViewChanged { .. } => return None,
        })
    }
}

/// A link for a deck to follow (from the page's URL fragment); `seq` tells
/// a repeated link from the previous one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckLink {
    pub target: LinkTarget,
    pub seq: u32,
}

/// One problem of a sheet as a page reads it, in a rejected sheet's
/// `error.problems` and in the `factcards:error` detail:
/// `{path, message, line, column, severity}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProblemDetail<'a> {
    /// The JSON path of the value (`cards[2].facts[0]`); empty for the
    /// sheet as a whole.
    pub path: &'a str,
    pub message: &'a str,
    /// Where the value starts in the JSON text (1-based), or `None` (null)
    /// when the sheet did not come from text, such as an object given to
    /// `mount`.
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// `"error"` or `"warning"`.
    pub severity: &'static str,
}

impl<'a> From<&'a Problem> for ProblemDetail<'a> {
    fn from(problem: &'a Problem) -> Self {
        ProblemDetail {
            path: &problem.path,
            message: &problem.message,
            line: problem.pos.map(|pos| pos.line),
            column: problem.pos.map(|pos| pos.column),
            severity: match problem.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            },
        }
    }
}

/// `problems` as the list of [`ProblemDetail`]s a page reads.
pub fn problem_details(problems: &[Problem]) -> Vec<ProblemDetail<'_>> {
    problems.iter().map(ProblemDetail::from).collect()
}

fn serialize_problems<S: Serializer>(problems: &[Problem], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(problems.iter().map(ProblemDetail::from))
}
