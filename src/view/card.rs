//! `FactCard`: one card, its facts, and a disclosure for its sources.

use std::rc::Rc;

use yew::prelude::*;

use super::changes::{change_mark, new_card_mark};
use super::fact::{Cites, MarkLinks, Showing, fact_item_marked, source_entry_id};
use super::highlight::highlight;
use super::region_map::RegionMap;
use super::sources::{ListOf, source_list};
use super::status::Explained;
use crate::i18n::UiLang;
use crate::live::CardMarks;
use crate::model::{Point, Sheet, SourceMarks, Status, WorldShapes, card_sources};
use crate::search::Query;
use crate::state::{Action, card_anchor};

#[derive(Properties)]
pub struct FactCardProps {
    pub sheet: Rc<Sheet>,
    /// The sheet's source marks (`SourceMarks::new(&sheet)`), computed once
    /// per deck.
    pub marks: Rc<SourceMarks>,
    /// Index of the card in `sheet.cards`.
    pub index: usize,
    /// The indices of the facts to show (those matching the search), in
    /// order; the others are hidden.
    pub facts: Rc<[usize]>,
    /// The search text, to highlight.
    pub query: AttrValue,
    /// Whether the sources are shown.
    pub expanded: bool,
    pub ui_lang: UiLang,
    /// Receives what the reader does: opening the sources, copying the
    /// link, following a source.
    pub dispatch: Callback<Action>,
    /// Optional: opens the status legend at a status, when a fact's status
    /// word is chosen; without it the words are plain text.
    #[prop_or_default]
    pub open_legend: Option<Callback<Status>>,
    /// Optional: the map shapes, for a card with `regions` or `points` (see
    /// [`RegionMap`]).
    #[prop_or_default]
    pub map: Option<Rc<WorldShapes>>,
    /// Optional: whether the map shapes are still loading.
    #[prop_or_default]
    pub map_loading: bool,
    /// Optional: whether this is the no-JS fallback, whose sources open in
    /// a `<details>` (no script needed) and whose "Copy link" keeps its
    /// place unseen.
    #[prop_or_default]
    pub static_markup: bool,
    /// Optional: what live updates changed in this card (`live.rs`).
    #[prop_or_default]
    pub changes: Option<Rc<CardMarks>>,
}

/// Equal when the card would render the same: a new version of the sheet
/// (a live update) in which this card, the sources and its correction are
/// as they were leaves it alone, so that an update re-renders only the
/// cards it changed, not a whole big deck.
impl PartialEq for FactCardProps {
    fn eq(&self, other: &Self) -> bool {
        same_card((&self.sheet, self.index), (&other.sheet, other.index))
            && self.marks == other.marks
            && self.facts == other.facts
            && self.query == other.query
            && self.expanded == other.expanded
            && self.ui_lang == other.ui_lang
            && self.dispatch == other.dispatch
            && self.open_legend == other.open_legend
            && self.map == other.map
            && self.map_loading == other.map_loading
            && self.changes == other.changes
            && self.static_markup == other.static_markup
    }
}

/// Whether card `index` of one sheet renders as card `index` of the other:
/// the same sheet, or a version in which the card, the sources and the
/// card's correction are as they were.
fn same_card((old, old_index): (&Rc<Sheet>, usize), (new, new_index): (&Rc<Sheet>, usize)) -> bool {
    Rc::ptr_eq(old, new) || {
        let card = old.cards.get(old_index);
        old.id == new.id
            && card == new.cards.get(new_index)
            && old.sources == new.sources
            && card.is_none_or(|card| old.is_corrected(&card.id) == new.is_corrected(&card.id))
    }
}

#[component]
pub fn FactCard(props: &FactCardProps) -> Html {
    let sheet = &props.sheet;
    let Some(card) = sheet.cards.get(props.index) else {
        return Html::default();
    };
    let strings = props.ui_lang.strings();
    let anchor = card_anchor(&sheet.id, &card.id);
    // Prefixed, not suffixed: a card id may contain "/", so "a/sources" must
    // not meet card "a"'s sources panel. The prefix's ":" is never in a sheet
    // id (a slug), so these cannot meet a card anchor either.
    let sources_id = format!("sources:{anchor}");
    let title_id = format!("title:{anchor}");
    let map_id = AttrValue::from(anchor.clone());
    let corrected = sheet.is_corrected(&card.id);
    let onclick = {
        let id = card.id.clone();
        props
            .dispatch
            .reform(move |_: MouseEvent| Action::ToggleCard(id.clone()))
    };
    // "Link copied" shows until the button loses focus: feedback that needs
    // no timer and is read out by screen readers as the button's new name.
    let copied = use_state(|| false);
    let copy_link = {
        let (card, copied) = (card.id.clone(), copied.clone());
        props.dispatch.reform(move |_: MouseEvent| {
            copied.set(true);
            Action::CopyLink(card.clone())
        })
    };
    let reset_copied = {
        let copied = copied.clone();
        Callback::from(move |_: FocusEvent| copied.set(false))
    };
    // The sources the card's facts cite, once each, in first-cited order.
    let cited = card_sources(card);
    // A fact's source mark opens the card's list and moves the focus to the
    // source's entry, once it has rendered.
    let sources_ref = use_node_ref();
    let focus_source = use_state(|| None::<String>);
    let open_at_source = {
        let (card, focus_source) = (card.id.clone(), focus_source.clone());
        let dispatch = props.dispatch.clone();
        Callback::from(move |source: String| {
            focus_source.set(Some(source));
            dispatch.emit(Action::OpenCard(card.clone()));
        })
    };
    {
        let (sources_ref, focus_source) = (sources_ref.clone(), focus_source.clone());
        let target = (*focus_source).clone().filter(|_| props.expanded);
        let entry = target
            .as_deref()
            .and_then(|id| sheet.sources.iter().position(|source| source.id == id))
            .map(|index| source_entry_id(index, &anchor));
        use_effect_with(entry, move |entry| {
            if let (Some(entry), Some(list)) = (entry, sources_ref.cast::<web_sys::Element>()) {
                use web_sys::wasm_bindgen::JsCast;
                let items = list.query_selector_all(".fc-sources__item").ok();
                let found = items
                    .iter()
                    .flat_map(|items| (0..items.length()).filter_map(|i| items.item(i)))
                    .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
                    .find(|element| element.id() == *entry);
                if let Some(element) = found {
                    let _ = element.focus();
                }
                focus_source.set(None);
            }
        });
    }
    let cites = Cites {
        sheet,
        marks: &props.marks,
        links: MarkLinks::Card {
            anchor: &anchor,
            open: &open_at_source,
        },
        explained: match &props.open_legend {
            Some(open) => Explained::Legend {
                sheet_id: &sheet.id,
                open,
            },
            None => Explained::Not,
        },
    };
    let sources = html! {
        <CardSourceList sheet={Rc::clone(sheet)} index={props.index} marks={Rc::clone(&props.marks)}
            ui_lang={props.ui_lang} dispatch={props.dispatch.clone()} />
    };
    let query = Query::new(&props.query);
    let no_query = Query::new("");
    let class = classes!("fc-card", props.expanded.then_some("fc-card--expanded"));
    html! {
        <article {class} id={anchor.clone()} aria-labelledby={title_id.clone()} data-card={card.id.clone()}>
            <h4 class="fc-card__title" id={title_id}>
                { highlight(&card.title, &query) }
                if corrected {
                    <span class="fc-card__corrected">{ strings.corrected }</span>
                }
                if props.changes.as_ref().is_some_and(|changes| changes.new) {
                    { new_card_mark(&card.id, props.ui_lang) }
                }
            </h4>
            <ul class="fc-card__facts" role="list">
                { for card.facts.iter().enumerate().map(|(index, fact)| {
                    // Nothing is searched in the no-JS fallback: a fact it
                    // leaves out is beyond a compact deck's first few.
                    let showing = match (props.facts.binary_search(&index).is_ok(), props.static_markup) {
                        (true, _) => Showing::Shown,
                        (false, false) => Showing::Hidden,
                        (false, true) => Showing::OnPaperOnly,
                    };
                    // A fact left out has no match to mark: skip the search.
                    let query = if showing == Showing::Shown { &query } else { &no_query };
                    let change = props.changes.as_ref().and_then(|changes| changes.facts.get(index)).and_then(Option::as_ref);
                    fact_item_marked(fact, query, None, showing, strings, cites, change_mark(change, props.ui_lang))
                }) }
            </ul>
            // The facts first: a locator map illustrates them.
            if card.has_map() {
                <RegionMap
                    regions={Rc::<[String]>::from(card.regions.as_slice())}
                    points={Rc::<[Point]>::from(card.points.as_slice())}
                    map={props.map.clone()}
                    map_loading={props.map_loading}
                    id_prefix={map_id}
                    ui_lang={props.ui_lang}
                />
            }
            if props.static_markup {
                <div class="fc-card__actions">
                    // Open for a card the page asked to open (`--card`); its
                    // summary cannot change its words without a script, so
                    // it says "Sources", not "Show" or "Hide".
                    <details class="fc-card__details" open={props.expanded}>
                        <summary class="fc-card__toggle">
                            <span class="fc-card__toggle-icon" aria-hidden="true"></span>
                            { strings.sources_heading }{ format!(" ({})", cited.len()) }
                        </summary>
                        <div class="fc-card__sources" id={sources_id}>
                            { sources }
                        </div>
                    </details>
                    <span class="fc-card__copy-link fc-reserved" aria-hidden="true">{ strings.copy_link }</span>
                </div>
            } else {
                <div class="fc-card__actions">
                    <button type="button" class="fc-card__toggle" aria-expanded={props.expanded.to_string()}
                        aria-controls={sources_id.clone()} {onclick}>
                        <span class="fc-card__toggle-icon" aria-hidden="true"></span>
                        { if props.expanded { strings.hide_sources } else { strings.show_sources } }
                        { format!(" ({})", cited.len()) }
                    </button>
                    <button type="button" class="fc-card__copy-link" onclick={copy_link} onblur={reset_copied}>
                        { if *copied { strings.link_copied } else { strings.copy_link } }
                    </button>
                </div>
                <div class="fc-card__sources" id={sources_id} hidden={!props.expanded} ref={sources_ref}>
                    { sources }
                </div>
            }
        </article>
    }
}

#[derive(Properties)]
struct CardSourceListProps {
    sheet: Rc<Sheet>,
    /// Index of the card in `sheet.cards`.
    index: usize,
    marks: Rc<SourceMarks>,
    ui_lang: UiLang,
    dispatch: Callback<Action>,
}

impl PartialEq for CardSourceListProps {
    fn eq(&self, other: &Self) -> bool {
        same_card((&self.sheet, self.index), (&other.sheet, other.index))
            && self.marks == other.marks
            && self.ui_lang == other.ui_lang
            && self.dispatch == other.dispatch
    }
}

/// A card's list of sources, a component of its own so that what changes a
/// card's facts but not its sources (a search keystroke, which renders every
/// card it narrows again) leaves the list as it is, unrendered.
#[component]
fn CardSourceList(props: &CardSourceListProps) -> Html {
    let sheet = &props.sheet;
    let Some(card) = sheet.cards.get(props.index) else {
        return Html::default();
    };
    let anchor = card_anchor(&sheet.id, &card.id);
    let cited = card_sources(card);
    source_list(
        sheet,
        &cited,
        ListOf::Card {
            card,
            anchor: &anchor,
        },
        &props.marks,
        props.ui_lang.strings(),
        &props.dispatch,
    )
}
