//! What the reader has chosen to see, and the one transition that changes it.
//!
//! `ViewState::apply` is a pure function of the state and an [`Action`], so
//! native tests drive it directly; `deck_state.rs` builds the whole deck's
//! transition on it. No I/O happens here: the URL hash,
//! events and focus are effects at the edge. The view is also written to and
//! read from a URL fragment, so a shared link reopens the same view.

pub use crate::model::IdSet;
use crate::model::{Sheet, Status};
use crate::search::{Query, SearchIndex, search};

/// How the facts are grouped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Grouping {
    /// By category, then card, as the sheet orders them.
    #[default]
    Topic,
    /// By how sure the facts are: what we know, what is claimed or reported,
    /// what is unclear or disputed.
    Certainty,
}

impl Grouping {
    /// Its name, as the `factcards:grouping` event gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            Grouping::Topic => "topic",
            Grouping::Certainty => "certainty",
        }
    }
}

/// The reader's choices for one deck.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The category ids chosen in the filter. Empty means every category.
    pub categories: IdSet,
    /// The ids of the cards whose sources are open.
    pub expanded: IdSet,
    /// The search box's text, as typed.
    pub query: String,
    pub grouping: Grouping,
    /// Whether the status legend (what each status means) is open. Not kept
    /// in the URL: it is help, not a view to share.
    pub legend: bool,
    /// Whether the compact layout's search box is open (it starts behind a
    /// button). Not kept in the URL; a shared search opens it anyway.
    pub search_open: bool,
    /// Whether the compact layout shows every fact rather than the first
    /// [`COMPACT_FACTS`]. Not kept in the URL.
    pub show_all: bool,
}

/// How many facts the compact layout shows before "Show all N facts".
pub const COMPACT_FACTS: usize = 3;

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
    /// filter hid it, clearing a search that hid it, and showing every fact
    /// in the compact layout.
    OpenCard(String),
    /// Sets the search text.
    Search(String),
    /// Groups the facts by topic or by certainty.
    Group(Grouping),
    /// Clears the filter and the search (the empty-result "reset").
    Reset,
    /// Opens the status legend, or closes it if open (the legend toggle).
    ToggleLegend,
    /// Opens the status legend (a status word was chosen).
    ShowLegend,
    /// Opens the compact layout's search box, or closes it if open.
    ToggleSearch,
    /// Shows every fact in the compact layout ("Show all N facts").
    ShowAllFacts,
    /// Replaces the whole view (a shared link with a view in its fragment).
    Restore(ViewState),
    /// Asks for a link to a card, to share. The view stays as it is; the
    /// host hears of it (and the embed copies the link).
    CopyLink(String),
    /// Follows a source's link (to `url`, in a new tab). The view stays as
    /// it is; the host hears of it.
    FollowSource { source: String, url: String },
}

/// The three groups of the certainty view, in display order.
pub const CERTAINTY_GROUPS: [&[Status]; 3] = [
    &[Status::Confirmed],
    &[Status::Claimed, Status::Reported],
    &[Status::Unclear, Status::Disputed],
];

/// The facts to show: for each visible card, in sheet order, the indices of
/// its facts that match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Visible {
    pub cards: Vec<(usize, Vec<usize>)>,
}

impl Visible {
    /// The cards and facts of every category that match `query`.
    pub fn matching(sheet: &Sheet, index: &SearchIndex, query: &str) -> Self {
        Visible {
            cards: search(sheet, index, &Query::new(query), |_| true),
        }
    }

    pub fn fact_count(&self) -> usize {
        self.cards.iter().map(|(_, facts)| facts.len()).sum()
    }

    pub fn card_count(&self) -> usize {
        self.cards.len()
    }

    /// These cards narrowed to the categories `view`'s filter lets show.
    pub fn in_categories(&self, sheet: &Sheet, view: &ViewState) -> Visible {
        Visible {
            cards: self
                .cards
                .iter()
                .filter(|(card, _)| view.shows_category(&sheet.cards[*card].category))
                .cloned()
                .collect(),
        }
    }

    /// The first `limit` of these facts in display order (`order`, the
    /// cards' indices as the deck shows them), or all of them without a
    /// limit: what the compact layout shows before "Show all".
    pub fn first_facts(&self, order: &[usize], limit: Option<usize>) -> Visible {
        let Some(mut left) = limit else {
            return self.clone();
        };
        let mut kept = Vec::new();
        for card in order {
            if left == 0 {
                break;
            }
            if let Some((_, facts)) = self.cards.iter().find(|(index, _)| index == card) {
                let take: Vec<usize> = facts.iter().copied().take(left).collect();
                left -= take.len();
                if !take.is_empty() {
                    kept.push((*card, take));
                }
            }
        }
        // Back in sheet order, as every `Visible` is.
        kept.sort_unstable_by_key(|(card, _)| *card);
        Visible { cards: kept }
    }

    /// How many of these facts each category holds, in category order.
    pub fn counts_by_category(&self, sheet: &Sheet) -> Vec<usize> {
        let mut counts = vec![0; sheet.categories.len()];
        for (card, facts) in &self.cards {
            let category = &sheet.cards[*card].category;
            if let Some(position) = sheet.categories.iter().position(|c| c.id == *category) {
                counts[position] += facts.len();
            }
        }
        counts
    }
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
                self.normalise_categories(sheet);
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
                        self.normalise_categories(sheet);
                    }
                    if !self.query.is_empty() {
                        let index_of_search = SearchIndex::new(sheet);
                        let query = Query::new(&self.query);
                        let hidden = (0..sheet.cards[index].facts.len())
                            .all(|fact| !index_of_search.fact_matches(&query, index, fact));
                        if hidden {
                            self.query.clear();
                        }
                    }
                    self.expanded.insert(id);
                    // A compact deck shows the card however far down it is.
                    self.show_all = true;
                }
            }
            Action::Search(text) => self.query = text,
            Action::Group(grouping) => self.grouping = grouping,
            Action::Reset => {
                self.categories.clear();
                self.query.clear();
            }
            Action::ToggleLegend => self.legend = !self.legend,
            Action::ShowLegend => self.legend = true,
            Action::ToggleSearch => self.search_open = !self.search_open,
            Action::ShowAllFacts => self.show_all = true,
            Action::Restore(view) => {
                let (legend, search_open, show_all) = (self.legend, self.search_open, self.show_all);
                self = view;
                self.legend = legend;
                self.search_open = search_open;
                self.show_all = show_all;
                self.categories.retain(|id| sheet.category(id).is_some());
                self.expanded.retain(|id| sheet.card_index(id).is_some());
                self.normalise_categories(sheet);
            }
            Action::CopyLink(_) | Action::FollowSource { .. } => {}
        }
        self
    }

    /// Choosing every category is the same as choosing none.
    fn normalise_categories(&mut self, sheet: &Sheet) {
        if self.categories.len() == sheet.categories.len() {
            self.categories.clear();
        }
    }

    /// Whether the filter lets this category's cards show.
    pub fn shows_category(&self, id: &str) -> bool {
        self.categories.is_empty() || self.categories.contains(id)
    }

    pub fn is_expanded(&self, card_id: &str) -> bool {
        self.expanded.contains(card_id)
    }

    /// How many facts show, if not all: in the compact layout, the first
    /// [`COMPACT_FACTS`] until the reader asks for all of them, filters or
    /// searches (a search must find every fact).
    pub fn fact_limit(&self, compact: bool) -> Option<usize> {
        (compact && !self.show_all && !self.is_narrowed()).then_some(COMPACT_FACTS)
    }

    /// Whether the search box shows: always in the full layout; in the
    /// compact one once opened, or while it holds a search (a shared link).
    pub fn shows_search(&self, compact: bool) -> bool {
        !compact || self.search_open || !self.query.is_empty()
    }

    /// Whether the reader has narrowed what is shown.
    pub fn is_narrowed(&self) -> bool {
        !self.categories.is_empty() || !self.query.trim().is_empty()
    }

    /// The cards and facts that pass the category filter and the search.
    pub fn visible(&self, sheet: &Sheet, index: &SearchIndex) -> Visible {
        let query = Query::new(&self.query);
        Visible {
            cards: search(sheet, index, &query, |card| self.shows_category(&card.category)),
        }
    }

    /// The view as a URL fragment (without `#`): `<sheet-id>?cat=a,b&q=…&open=…&by=certainty`,
    /// or just `<sheet-id>` for the default view. Values are percent-encoded.
    pub fn to_fragment(&self, sheet_id: &str) -> String {
        let mut parts = Vec::new();
        let list = |set: &IdSet| {
            set.iter()
                .map(|id| percent_encode(id))
                .collect::<Vec<_>>()
                .join(",")
        };
        if !self.categories.is_empty() {
            parts.push(format!("cat={}", list(&self.categories)));
        }
        if !self.query.trim().is_empty() {
            parts.push(format!("q={}", percent_encode(&self.query)));
        }
        if !self.expanded.is_empty() {
            parts.push(format!("open={}", list(&self.expanded)));
        }
        if self.grouping == Grouping::Certainty {
            parts.push("by=certainty".to_owned());
        }
        if parts.is_empty() {
            sheet_id.to_owned()
        } else {
            format!("{sheet_id}?{}", parts.join("&"))
        }
    }
}

/// What a URL fragment asks of a deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// `#<sheet-id>/<card-id>`: open one card.
    Card(String),
    /// `#<sheet-id>?…`: restore a whole view.
    View(ViewState),
}

/// A card's anchor, `<sheet-id>/<card-id>`: its DOM id, and what a deep link
/// names (encoded by [`card_fragment`]).
pub fn card_anchor(sheet_id: &str, card_id: &str) -> String {
    format!("{sheet_id}/{card_id}")
}

/// The URL fragment (without `#`) of a link to a card, encoded as
/// [`parse_fragment`] decodes it, so that a copied link opens that card.
pub fn card_fragment(sheet_id: &str, card_id: &str) -> String {
    format!("{sheet_id}/{}", percent_encode(card_id))
}

/// Whether a URL fragment (without `#`) is the widget's own for the sheet
/// `sheet_id`: the sheet's bare id, a card link (`<id>/…`) or a view
/// (`<id>?…`). Anything else (`#section-2`, another sheet's) is the page's.
pub fn owns_fragment(sheet_id: &str, fragment: &str) -> bool {
    fragment
        .strip_prefix(sheet_id)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/') || rest.starts_with('?'))
}

/// Reads a URL fragment (without `#`, still percent-encoded) for the sheet
/// `sheet_id`. Fragments for other sheets, or that name nothing, are `None`.
pub fn parse_fragment(sheet_id: &str, fragment: &str) -> Option<LinkTarget> {
    let rest = fragment.strip_prefix(sheet_id)?;
    if let Some(card) = rest.strip_prefix('/') {
        let card = percent_decode(card);
        return (!card.is_empty()).then_some(LinkTarget::Card(card));
    }
    let query = rest.strip_prefix('?')?;
    let mut view = ViewState::default();
    let list = |value: &str| -> IdSet {
        value
            .split(',')
            .map(percent_decode)
            .filter(|id| !id.is_empty())
            .collect()
    };
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "cat" => view.categories = list(value),
            "open" => view.expanded = list(value),
            "q" => view.query = percent_decode(value),
            "by" if value == "certainty" => view.grouping = Grouping::Certainty,
            _ => {}
        }
    }
    Some(LinkTarget::View(view))
}

/// Percent-encodes everything but unreserved characters (RFC 3986), so a
/// value cannot end its list or pair.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` sequences (and `+` as a space); invalid UTF-8 becomes
/// U+FFFD rather than an error, since a link is only a hint.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    out.push((high * 16 + low) as u8);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
