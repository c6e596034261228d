//! What the reader has chosen to see, and the one transition that changes it.
//!
//! `ViewState::apply` is a pure function of the state and an [`Action`], so
//! native tests drive it directly; the Yew `Reducible` wrapper in
//! `view/deck.rs` only forwards to it. No I/O happens here: the URL hash,
//! events and focus are effects in the view.

use std::collections::BTreeSet;

use crate::model::Sheet;

/// The reader's choices for one deck.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The category ids chosen in the filter. Empty means every category.
    pub categories: BTreeSet<String>,
    /// The ids of the cards whose sources are open.
    pub expanded: BTreeSet<String>,
}

/// Something the reader did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Adds a category to the filter, or removes it if it was chosen.
    ToggleCategory(String),
    /// Clears the filter so that every category shows.
    ShowAllCategories,
    /// Opens a card's sources, or closes them if open.
    ToggleCard(String),
    /// Opens a card (a deep link or `data-card`), showing its category if the
    /// filter hid it.
    OpenCard(String),
}

impl ViewState {
    /// The state a deck starts in: an optional initial category filter and
    /// card to open, both ignored if the sheet does not have them.
    pub fn initial(sheet: &Sheet, category: Option<&str>, card: Option<&str>) -> Self {
        let mut state = ViewState::default();
        if let Some(category) = category.filter(|id| sheet.category(id).is_some()) {
            state = state.apply(sheet, Action::ToggleCategory(category.to_owned()));
        }
        if let Some(card) = card {
            state = state.apply(sheet, Action::OpenCard(card.to_owned()));
        }
        state
    }

    /// The one transition: the state after `action`. Actions naming an id
    /// the sheet does not have leave the state unchanged.
    #[must_use]
    pub fn apply(mut self, sheet: &Sheet, action: Action) -> Self {
        match action {
            Action::ToggleCategory(id) => {
                if sheet.category(&id).is_some() && !self.categories.remove(&id) {
                    self.categories.insert(id);
                }
                // Choosing every category is the same as choosing none.
                if self.categories.len() == sheet.categories.len() {
                    self.categories.clear();
                }
            }
            Action::ShowAllCategories => self.categories.clear(),
            Action::ToggleCard(id) => {
                if sheet.card_index(&id).is_some() && !self.expanded.remove(&id) {
                    self.expanded.insert(id);
                }
            }
            Action::OpenCard(id) => {
                if let Some(index) = sheet.card_index(&id) {
                    let category = &sheet.cards[index].category;
                    if !self.shows_category(category) {
                        self.categories.insert(category.clone());
                    }
                    self.expanded.insert(id);
                }
            }
        }
        self
    }

    /// Whether the filter lets this category's cards show.
    pub fn shows_category(&self, id: &str) -> bool {
        self.categories.is_empty() || self.categories.contains(id)
    }

    pub fn is_expanded(&self, card_id: &str) -> bool {
        self.expanded.contains(card_id)
    }

    /// The indices of the cards to show, in sheet order.
    pub fn visible_cards(&self, sheet: &Sheet) -> Vec<usize> {
        sheet
            .cards
            .iter()
            .enumerate()
            .filter(|(_, card)| self.shows_category(&card.category))
            .map(|(index, _)| index)
            .collect()
    }
}
