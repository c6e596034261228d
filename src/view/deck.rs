//! `FactDeck`: the whole widget for one valid sheet, and the only component
//! that holds state.

use std::rc::Rc;

use yew::prelude::*;

use super::certainty::certainty_view;
use super::corrections::corrections_footer;
use super::filter::category_filter;
use super::grouping::grouping_switch;
use super::header::deck_header;
use super::results::result_status;
use super::search_box::search_box;
use super::topics::{Topics, topic_sections};
use crate::event::DeckEvent;
use crate::i18n::{UiLang, is_rtl};
use crate::model::Sheet;
use crate::options::DeckOptions;
use crate::progress::{RenderProgress, display_order};
use crate::search::{Query, SearchIndex};
use crate::state::{Action, Grouping, LinkTarget, ViewState};

/// Properties of [`FactDeck`].
#[derive(Properties, PartialEq, Clone)]
pub struct FactDeckProps {
    /// The sheet to show. It must be valid: check it with
    /// `model::parse_sheet` and show `ErrorPanel` otherwise. A new `Rc`
    /// re-renders the deck; the same `Rc` costs a pointer comparison.
    pub sheet: Rc<Sheet>,
    /// Optional: the language, first filter and card, a link to follow,
    /// the map shapes, the pace of rendering (see [`DeckOptions`]).
    #[prop_or_default]
    pub options: DeckOptions,
    /// Optional listener for what the reader does, for the host's own
    /// analytics (the embed turns these into DOM events).
    #[prop_or_default]
    pub on_event: Callback<DeckEvent>,
}

impl FactDeckProps {
    /// Props showing `sheet` with every option left at its default.
    pub fn for_sheet(sheet: Rc<Sheet>) -> Self {
        FactDeckProps {
            sheet,
            options: DeckOptions::default(),
            on_event: Callback::noop(),
        }
    }
}

/// What changes a deck: the reader's actions, and the next chunk of a big
/// sheet's cards.
enum DeckAction {
    /// Something the reader did (`state.rs`).
    View(Action),
    /// The next chunk of cards, from the chunk timer.
    RenderMore,
    /// Every card at once, for a printout.
    RenderAll,
}

/// Yew's reducer wrapper around the pure transitions in `state.rs` and
/// `progress.rs`.
#[derive(PartialEq)]
struct DeckState {
    sheet: Rc<Sheet>,
    view: ViewState,
    /// The cards in display order, which the progress counts in.
    order: Rc<[usize]>,
    rendered: RenderProgress,
}

impl Reducible for DeckState {
    type Action = DeckAction;

    fn reduce(self: Rc<Self>, action: DeckAction) -> Rc<Self> {
        let (view, rendered) = match action {
            DeckAction::View(action) => (self.view.clone().apply(&self.sheet, action), self.rendered),
            DeckAction::RenderMore => (self.view.clone(), self.rendered.next(&self.sheet, &self.order)),
            DeckAction::RenderAll => (self.view.clone(), self.rendered.complete(&self.order)),
        };
        if view == self.view && rendered == self.rendered {
            return self;
        }
        Rc::new(DeckState {
            sheet: Rc::clone(&self.sheet),
            view,
            order: Rc::clone(&self.order),
            rendered,
        })
    }
}

/// The key-facts deck: header, search, category filter, grouping, the facts
/// by topic or by certainty, and the footer.
#[component]
pub fn FactDeck(props: &FactDeckProps) -> Html {
    let sheet = &props.sheet;
    let state = {
        let sheet = Rc::clone(sheet);
        let category = props.options.initial_category.clone();
        let card = props.options.initial_card.clone();
        let pace = props.options.pace;
        use_reducer(move || {
            let order: Rc<[usize]> = display_order(&sheet).into();
            DeckState {
                view: ViewState::initial(&sheet, category.as_deref(), card.as_deref()),
                rendered: RenderProgress::first(&sheet, &order, pace),
                order,
                sheet,
            }
        })
    };
    // A stable callback, so that cards whose props did not change are not
    // re-rendered when another card or the filter changes.
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback(dispatcher, |action: Action, dispatcher| {
            dispatcher.dispatch(DeckAction::View(action))
        })
    };
    use_progressive_rendering(&state, &props.on_event);
    {
        let dispatch = dispatch.clone();
        use_effect_with(props.options.link.clone(), move |link| {
            if let Some(link) = link {
                dispatch.emit(match &link.target {
                    LinkTarget::Card(card) => Action::OpenCard(card.clone()),
                    LinkTarget::View(view) => Action::Restore(view.clone()),
                });
            }
        });
    }
    use_report_changes(&sheet.id, &state.view, &props.on_event);

    // The search index is built once per sheet; what shows is recomputed
    // only when the filter or the search changes, not when a card opens.
    let index = use_memo(Rc::clone(sheet), |sheet| SearchIndex::new(sheet));
    let view = &state.view;
    // The search is the costly part, so it alone is memoised; the category
    // filter is applied on top of its result.
    let searched = {
        let index = Rc::clone(&index);
        use_memo((Rc::clone(sheet), view.query.clone()), move |(sheet, query)| {
            let search = ViewState {
                query: query.clone(),
                ..ViewState::default()
            };
            search.visible(sheet, &index)
        })
    };
    let visible = searched.in_categories(sheet, view);
    let counts = searched.counts_by_category(sheet);

    let ui_lang = UiLang::from_tag(props.options.lang.as_deref().unwrap_or(&sheet.lang));
    let dir = if is_rtl(&sheet.lang) { "rtl" } else { "ltr" };
    let query = AttrValue::from(view.query.clone());
    let strings = ui_lang.strings();
    // The live region speaks only once the reader has narrowed the view.
    let announce = {
        let interacted = use_mut_ref(|| false);
        let mut interacted = interacted.borrow_mut();
        *interacted |= view.is_narrowed();
        *interacted
    };

    let body = match view.grouping {
        Grouping::Topic => {
            let rendered = state.rendered.cards_to_render(sheet, &state.order, view);
            topic_sections(Topics {
                sheet,
                searched: &searched,
                view,
                rendered,
                query: &query,
                ui_lang,
                dispatch: &dispatch,
                on_event: &props.on_event,
                map: props.options.map.as_ref(),
                map_loading: props.options.map_loading,
            })
        }
        Grouping::Certainty => certainty_view(sheet, &visible, &Query::new(&query), strings),
    };

    html! {
        <div class="fc-deck" lang={sheet.lang.clone()} {dir}>
            { deck_header(sheet, strings) }
            <div class="fc-controls">
                { search_box(&query, &sheet.id, strings, &dispatch) }
                { grouping_switch(view.grouping, strings, &dispatch) }
                { category_filter(sheet, &view.categories, &counts, strings, &dispatch) }
                { result_status(visible.fact_count(), visible.card_count(), announce, strings, &dispatch) }
            </div>
            { body }
            if !sheet.corrections.is_empty() {
                { corrections_footer(sheet, strings) }
            }
            if let Some(href) = &props.options.data_href {
                <p class="fc-deck__data">
                    <a class="fc-deck__data-link" href={href.clone()} download={format!("{}.json", sheet.id)}>
                        { ui_lang.strings().get_the_data }
                    </a>
                </p>
            }
        </div>
    }
}

/// Renders the rest of a big sheet, a chunk per task, and reports `Ready`
/// once every card is in. A timer of 0 ms yields to the browser between
/// chunks, so that it paints and answers the reader. A printout cannot wait
/// for the chunks, so `beforeprint` renders them all at once. One effect,
/// keyed on the progress: it runs after each chunk, and once more when the
/// deck is complete, which the progress never leaves.
#[hook]
fn use_progressive_rendering(state: &UseReducerHandle<DeckState>, on_event: &Callback<DeckEvent>) {
    let complete = state.rendered.is_complete(&state.order);
    let dispatcher = state.dispatcher();
    let on_event = on_event.clone();
    let sheet = Rc::clone(&state.sheet);
    use_effect_with(state.rendered, move |_| {
        let pending = if complete {
            on_event.emit(DeckEvent::Ready {
                sheet: sheet.id.clone(),
                cards: sheet.cards.len(),
            });
            None
        } else {
            let more = dispatcher.clone();
            let next_chunk =
                gloo_timers::callback::Timeout::new(0, move || more.dispatch(DeckAction::RenderMore));
            let before_print = web_sys::window().map(|window| {
                gloo_events::EventListener::new(&window, "beforeprint", move |_| {
                    dispatcher.dispatch(DeckAction::RenderAll)
                })
            });
            Some((next_chunk, before_print))
        };
        move || drop(pending)
    });
}

/// Reports filter, card and view changes to `on_event` after they render, by
/// comparing with the state last reported. An effect, because the reducer
/// does no I/O.
#[hook]
fn use_report_changes(sheet_id: &str, view: &ViewState, on_event: &Callback<DeckEvent>) {
    let reported = use_mut_ref(|| view.clone());
    let on_event = on_event.clone();
    let sheet_id = sheet_id.to_owned();
    use_effect_with(view.clone(), move |view| {
        let mut previous = reported.borrow_mut();
        if *previous == *view {
            return;
        }
        if previous.categories != view.categories {
            on_event.emit(DeckEvent::Filter {
                categories: view.categories.iter().cloned().collect(),
            });
        }
        for card in previous.expanded.symmetric_difference(&view.expanded) {
            on_event.emit(DeckEvent::CardToggle {
                card: card.clone(),
                expanded: view.expanded.contains(card),
            });
        }
        on_event.emit(DeckEvent::ViewChanged {
            fragment: view.to_fragment(&sheet_id),
        });
        *previous = view.clone();
    });
}
