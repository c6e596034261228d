//! A deck's whole state and its one transition: the reader's view
//! (`state.rs`), how far a big sheet has rendered (`progress.rs`), whether
//! the live region speaks, and what the host has yet to hear.
//!
//! This is the one path out to the host: leaf views only dispatch
//! [`Action`]s, the transition records the [`DeckEvent`]s each one means
//! (a filter or card change found by comparing the views before and after,
//! a copied link, a followed source, the deck complete), and one effect in
//! `view/deck.rs` hands them to the host after they render. Pure, so native
//! tests drive it (tests/state.rs); Yew's `Reducible` only wraps it.

use std::rc::Rc;

use crate::event::DeckEvent;
use crate::live::ChangeMarks;
use crate::model::Sheet;
#[cfg(any(feature = "live", not(target_arch = "wasm32")))]
use crate::model::diff;
use crate::progress::{RenderPace, RenderProgress, display_order};
use crate::search::SearchIndex;
use crate::state::{Action, ViewState, card_anchor};

/// What changes a deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeckAction {
    /// Something the reader did.
    View(Action),
    /// The next chunk of a big sheet's cards, from the chunk timer.
    RenderMore,
    /// The page is being printed (`true`) or is back on screen (`false`).
    /// A printout holds every card, and every fact of a compact deck the
    /// reader has not expanded: paper has no "Show all" button.
    Print(bool),
    /// A new version of the sheet, shown in place of the old one with the
    /// reader's view kept. One that arrived at `at` (a live deck's update,
    /// the time in the reader's words) has what changed marked and told to
    /// the host; one given with no arrival (a Yew host's new props, the
    /// editor's preview of each edit) is only shown. Another story, or the
    /// same sheet, changes nothing.
    NewSheet { sheet: Rc<Sheet>, at: Option<String> },
    /// The reader has seen these new facts (keys) and cards (ids): they are
    /// no longer marked "New".
    Seen { facts: Vec<String>, cards: Vec<String> },
}

/// Everything that changes in one deck.
#[derive(Debug, Clone)]
pub struct DeckState {
    pub sheet: Rc<Sheet>,
    /// The sheet's search index, built once: the deck searches with it, and
    /// the transition counts a search's matches for the host.
    pub index: Rc<SearchIndex>,
    /// What the reader has chosen to see.
    pub view: ViewState,
    /// Whether the page is being printed: see [`DeckAction::Print`].
    pub printing: bool,
    /// Whether the reader pressed "Show all N facts": the focus then goes
    /// to the first fact it revealed, the one after the first
    /// [`crate::state::COMPACT_FACTS`].
    pub revealed: bool,
    /// The cards in display order, which `rendered` counts in.
    pub order: Rc<[usize]>,
    pub rendered: RenderProgress,
    /// Whether the live region speaks. It is silent while the deck loads,
    /// and speaks for good from the first narrowed view on (a filter or a
    /// search), so that each later change, widening included, is read out.
    pub announce: bool,
    /// What live updates changed, marked on the facts (`live.rs`).
    pub changes: Rc<ChangeMarks>,
    /// When the latest update arrived, in the reader's words (`None` before
    /// the first).
    pub updated_at: Option<String>,
    /// The events recorded and not yet heard, oldest first: numbers
    /// `recorded - outbox.len()` to `recorded - 1`.
    outbox: Vec<DeckEvent>,
    /// How many events this deck has recorded in all.
    recorded: u64,
}

impl DeckState {
    /// A deck showing `sheet`, with an optional first category and card (ids
    /// the sheet lacks are ignored), rendering at `pace`. A sheet that
    /// renders whole at once records `Ready` at once.
    pub fn new(sheet: Rc<Sheet>, category: Option<&str>, card: Option<&str>, pace: RenderPace) -> Self {
        let order: Rc<[usize]> = display_order(&sheet).into();
        let view = ViewState::initial(&sheet, category, card);
        let mut state = DeckState {
            rendered: RenderProgress::first(&sheet, &order, pace),
            announce: view.is_narrowed(),
            printing: false,
            revealed: false,
            changes: Rc::default(),
            updated_at: None,
            view,
            order,
            index: Rc::new(SearchIndex::new(&sheet)),
            sheet,
            outbox: Vec::new(),
            recorded: 0,
        };
        if state.rendered.is_complete(&state.order) {
            state.record_ready();
        }
        state
    }

    /// The state after `action`. `heard` is how many of the recorded events
    /// the host has heard so far (see [`DeckState::unheard`]); those leave
    /// the outbox.
    #[must_use]
    pub fn apply(&self, action: DeckAction, heard: u64) -> Self {
        let mut next = self.clone();
        let first = self.recorded - self.outbox.len() as u64;
        let heard_here = heard.saturating_sub(first).min(self.outbox.len() as u64);
        next.outbox.drain(..heard_here as usize);
        match action {
            DeckAction::View(action) => {
                let said = self.event_of(&action);
                // "Show all" adds facts below the reader's place: the live
                // region says how many there now are.
                let revealed = action == Action::ShowAllFacts;
                next.view = self.view.clone().apply(&self.sheet, action);
                next.announce |= next.view.is_narrowed() || revealed;
                next.revealed |= revealed;
                for event in view_changes(&self.sheet.id, &self.view, &next.view) {
                    next.record(event);
                }
                if next.view.query != self.view.query {
                    let matches = next.view.visible(&self.sheet, &self.index).fact_count();
                    next.record(DeckEvent::Search {
                        query: next.view.query.clone(),
                        matches,
                    });
                }
                if let Some(event) = said {
                    next.record(event);
                }
            }
            DeckAction::RenderMore => next.rendered = self.rendered.next(&self.sheet, &self.order),
            DeckAction::Print(printing) => {
                if printing {
                    next.rendered = self.rendered.complete(&self.order);
                }
                next.printing = printing;
            }
            DeckAction::Seen { facts, cards } => {
                let changes = self.changes.seen(&facts, &cards);
                if changes != *self.changes {
                    next.changes = Rc::new(changes);
                }
            }
            DeckAction::NewSheet { sheet, at } => {
                // The same sheet, the same words again, or another story
                // (not an update): the deck stays as it is.
                if Rc::ptr_eq(&self.sheet, &sheet) || self.sheet.id != sheet.id || self.sheet == sheet {
                    return next;
                }
                if let Some(at) = at {
                    // Only a build with live sheets marks what changed.
                    #[cfg(any(feature = "live", not(target_arch = "wasm32")))]
                    if let Ok(changes) = diff(&self.sheet, &sheet) {
                        next.changes = Rc::new(self.changes.with(&changes, &at));
                        next.record(DeckEvent::of_update(&changes, &sheet.updated));
                    }
                    next.updated_at = Some(at);
                }
                next.order = display_order(&sheet).into();
                next.index = Rc::new(self.index.updated(&self.sheet, &sheet));
                // The cards rendered so far stay rendered: an update never
                // takes away what the reader sees.
                next.rendered = if self.rendered.is_complete(&self.order) {
                    self.rendered.complete(&next.order)
                } else {
                    self.rendered.next(&sheet, &next.order)
                };
                next.sheet = sheet;
                return next;
            }
        }
        if !self.rendered.is_complete(&self.order) && next.rendered.is_complete(&self.order) {
            next.record_ready();
        }
        next
    }

    /// How many facts show, if not all: the view's limit, lifted in print.
    pub fn fact_limit(&self, compact: bool) -> Option<usize> {
        self.view.fact_limit(compact && !self.printing)
    }

    /// Whether `other` shows and owes the same as this state: if so, the
    /// deck need not render again.
    pub fn same_as(&self, other: &DeckState) -> bool {
        self.recorded == other.recorded
            && Rc::ptr_eq(&self.sheet, &other.sheet)
            && Rc::ptr_eq(&self.changes, &other.changes)
            && self.rendered == other.rendered
            && self.announce == other.announce
            && self.printing == other.printing
            && self.revealed == other.revealed
            && self.view == other.view
    }

    /// The events the host has not heard, given that it has heard `heard`
    /// of them; after handing them over, it has heard
    /// [`DeckState::recorded`].
    pub fn unheard(&self, heard: u64) -> &[DeckEvent] {
        let first = self.recorded - self.outbox.len() as u64;
        let skip = heard.saturating_sub(first).min(self.outbox.len() as u64);
        &self.outbox[skip as usize..]
    }

    /// How many events this deck has recorded in all.
    pub fn recorded(&self) -> u64 {
        self.recorded
    }

    /// What the host hears of an action that leaves the view as it is.
    fn event_of(&self, action: &Action) -> Option<DeckEvent> {
        match action {
            Action::CopyLink(card) => self.sheet.card_index(card).map(|_| DeckEvent::CopyLink {
                card: card.clone(),
                anchor: card_anchor(&self.sheet.id, card),
            }),
            Action::FollowSource { source, url } => Some(DeckEvent::SourceClick {
                source: source.clone(),
                url: url.clone(),
            }),
            _ => None,
        }
    }

    fn record_ready(&mut self) {
        self.record(DeckEvent::Ready {
            sheet: self.sheet.id.clone(),
            cards: self.sheet.cards.len(),
        });
    }

    fn record(&mut self, event: DeckEvent) {
        self.outbox.push(event);
        self.recorded += 1;
    }
}

/// What the host hears of a change of view: the filter if it changed, each
/// card opened or closed, and the new view for the URL fragment.
pub fn view_changes(sheet_id: &str, before: &ViewState, after: &ViewState) -> Vec<DeckEvent> {
    if before == after {
        return Vec::new();
    }
    let mut events = Vec::new();
    if before.categories != after.categories {
        events.push(DeckEvent::Filter {
            categories: after.categories.iter().cloned().collect(),
        });
    }
    if before.grouping != after.grouping {
        events.push(DeckEvent::Grouping {
            grouping: after.grouping.as_str(),
        });
    }
    for card in before.expanded.symmetric_difference(&after.expanded) {
        events.push(DeckEvent::CardToggle {
            card: card.clone(),
            expanded: after.expanded.contains(card),
        });
    }
    events.push(DeckEvent::ViewChanged {
        fragment: after.to_fragment(sheet_id),
    });
    events
}
