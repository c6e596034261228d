//! How much of a deck has rendered: a big sheet renders in chunks.
//!
//! Yew builds every card's DOM in one task, and a sheet of thousands of
//! facts would freeze the host page for seconds (the performance budget: no
//! main-thread task over 200 ms). So the topic view renders a screenful of
//! cards first, then a chunk more in each later task, until every card is
//! in. The bundled story and any sheet of up to [`FIRST_RENDER_FACTS`] facts
//! render whole in the first task, as before.
//!
//! Behind a server-rendered fallback the reader already sees every fact, and
//! the live deck renders out of sight until it replaces the fallback whole:
//! there it goes in small chunks ([`RenderPace::Background`]), so that
//! taking over never blocks the page that is already readable.
//!
//! Pure, like `state.rs`: the deck keeps a [`RenderProgress`] beside its
//! `ViewState` and schedules the next chunk in an effect.

use crate::model::Sheet;
use crate::state::ViewState;

/// About how many facts the first render shows: more than a screen holds
/// on any device, so that the reader never sees the end of what is
/// rendered before the next chunk is in.
pub const FIRST_RENDER_FACTS: usize = 60;

/// About how many facts each later chunk adds. Each chunk is one task,
/// which this keeps near 100 ms on a slow laptop (a fifth of a millisecond
/// per fact), well under the 200 ms task budget; smaller chunks cost more in
/// all, since each waits for a frame and re-checks the cards already in.
pub const CHUNK_FACTS: usize = 500;

/// About how many facts each chunk of a deck rendering out of sight adds:
/// a few cards per task, each task far under the 50 ms that counts as
/// blocking on a phone, since nobody waits for it.
pub const BACKGROUND_CHUNK_FACTS: usize = 4;

/// How a deck paces the rendering of its cards.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RenderPace {
    /// A screenful first, then big chunks (the default).
    #[default]
    Screenful,
    /// Out of sight behind a server-rendered fallback: small chunks from
    /// the start.
    Background,
    /// Every card in the first render, as a server-side render needs.
    Whole,
}

/// The sheet's cards in display order (by category, then as the sheet
/// orders them within it), as indices into `sheet.cards`.
pub fn display_order(sheet: &Sheet) -> Vec<usize> {
    sheet.display_order()
}

/// How many cards, in display order, the topic view renders so far, and at
/// what pace it renders the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderProgress {
    cards: usize,
    pace: RenderPace,
}

impl RenderProgress {
    /// The first render: whole cards up to about [`FIRST_RENDER_FACTS`]
    /// facts (a screenful), or [`BACKGROUND_CHUNK_FACTS`] (out of sight), or
    /// all of them; always at least one card.
    pub fn first(sheet: &Sheet, order: &[usize], pace: RenderPace) -> Self {
        let start = RenderProgress { cards: 0, pace };
        match pace {
            RenderPace::Screenful => start.extended(sheet, order, FIRST_RENDER_FACTS),
            RenderPace::Background => start.extended(sheet, order, BACKGROUND_CHUNK_FACTS),
            RenderPace::Whole => start.complete(order),
        }
    }

    /// Every card at once (a printout).
    #[must_use]
    pub fn complete(self, order: &[usize]) -> Self {
        RenderProgress {
            cards: order.len(),
            ..self
        }
    }

    /// The next chunk: whole cards up to about [`CHUNK_FACTS`] more facts,
    /// or [`BACKGROUND_CHUNK_FACTS`] out of sight.
    #[must_use]
    pub fn next(self, sheet: &Sheet, order: &[usize]) -> Self {
        let facts = match self.pace {
            RenderPace::Background => BACKGROUND_CHUNK_FACTS,
            RenderPace::Screenful | RenderPace::Whole => CHUNK_FACTS,
        };
        self.extended(sheet, order, facts)
    }

    pub fn is_complete(&self, order: &[usize]) -> bool {
        self.cards >= order.len()
    }

    /// How many cards in display order to render for `view`: the ones
    /// rendered so far, and at least up to the last open card, so that a
    /// deep link to a card near the end finds it in the page at once.
    pub fn cards_to_render(&self, sheet: &Sheet, order: &[usize], view: &ViewState) -> usize {
        let through_open_cards = if view.expanded.is_empty() {
            0
        } else {
            order
                .iter()
                .rposition(|&card| view.is_expanded(&sheet.cards[card].id))
                .map_or(0, |position| position + 1)
        };
        self.cards.max(through_open_cards).min(order.len())
    }

    fn extended(self, sheet: &Sheet, order: &[usize], facts: usize) -> Self {
        let mut cards = self.cards;
        let mut added = 0;
        while cards < order.len() && (added < facts || cards == self.cards) {
            added += sheet.cards[order[cards]].facts.len();
            cards += 1;
        }
        RenderProgress { cards, ..self }
    }
}
