//! `FactDeck`: the whole widget for one valid sheet, and the only component
//! that holds state.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::certainty::certainty_view;
use super::corrections::corrections_footer;
use super::filter::category_filter;
use super::grouping::grouping_switch;
use super::header::deck_header;
use super::legend::{legend_line_id, legend_toggle, status_legend};
use super::results::result_status;
use super::search_box::{search_box, search_input_id, search_toggle};
use super::topics::{Topics, topic_sections};
use crate::deck_state::{DeckAction, DeckState};
use crate::event::DeckEvent;
use crate::i18n::{UiLang, is_rtl};
use crate::model::{Sheet, SourceMarks, Status};
use crate::options::{DeckOptions, Layout};
use crate::search::Query;
use crate::state::{Action, COMPACT_FACTS, Grouping, LinkTarget, Visible};

/// From how many cards a deck skips drawing the cards off screen
/// (`content-visibility: auto`, the `.fc-deck--long` class): far above a
/// news story's dozen, so that captures of ordinary decks show every card,
/// and low enough that a generated sheet of thousands stays fast.
pub const LONG_DECK_CARDS: usize = 60;

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

/// Yew's reducer around the pure `DeckState` (`deck_state.rs`), with the
/// count of events the host has heard, which the reporting effect keeps.
struct Deck {
    state: DeckState,
    heard: Rc<Cell<u64>>,
}

impl Reducible for Deck {
    type Action = DeckAction;

    fn reduce(self: Rc<Self>, action: DeckAction) -> Rc<Self> {
        let state = self.state.apply(action, self.heard.get());
        if state.same_as(&self.state) {
            return self;
        }
        let heard = Rc::clone(&self.heard);
        Rc::new(Deck { state, heard })
    }
}

/// The key-facts deck: header, search, category filter, grouping, the facts
/// by topic or by certainty, and the footer.
#[component]
pub fn FactDeck(props: &FactDeckProps) -> Html {
    let state = {
        let sheet = Rc::clone(&props.sheet);
        let category = props.options.initial_category.clone();
        let card = props.options.initial_card.clone();
        let pace = props.options.pace;
        use_reducer(move || Deck {
            state: DeckState::new(sheet, category.as_deref(), card.as_deref(), pace),
            heard: Rc::new(Cell::new(0)),
        })
    };
    // A new version of the sheet (a live deck) goes through the reducer,
    // which keeps the reader's view and marks what changed; until it has,
    // the deck shows the sheet its state refers to. It does so in a task of
    // its own: diffing and rendering a big sheet after the render that
    // brought it would be one long task on a phone.
    {
        let dispatcher = state.dispatcher();
        let at = props.options.arrived.clone();
        let shown = Rc::clone(&state.state.sheet);
        use_effect_with(Rc::clone(&props.sheet), move |sheet| {
            let sheet = Rc::clone(sheet);
            let pending = (!Rc::ptr_eq(&shown, &sheet)).then(|| {
                gloo_timers::callback::Timeout::new(0, move || {
                    dispatcher.dispatch(DeckAction::NewSheet { sheet, at })
                })
            });
            move || drop(pending)
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(props.options.seen.clone(), move |seen| {
            if let Some(seen) = seen {
                let (facts, cards) = (**seen).clone();
                dispatcher.dispatch(DeckAction::Seen { facts, cards });
            }
        });
    }
    let sheet: &Rc<Sheet> = &state.state.sheet;
    // A stable callback, so that cards whose props did not change are not
    // re-rendered when another card or the filter changes.
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback(dispatcher, |action: Action, dispatcher| {
            dispatcher.dispatch(DeckAction::View(action))
        })
    };
    // A status word opens the legend and moves the focus to its line, once
    // the legend has rendered open.
    let legend_ref = use_node_ref();
    let deck_ref = use_node_ref();
    let focus_status = use_state(|| None::<Status>);
    let open_legend = {
        let focus_status = focus_status.clone();
        use_callback(dispatch.clone(), move |status: Status, dispatch| {
            focus_status.set(Some(status));
            dispatch.emit(Action::ShowLegend);
        })
    };
    {
        let line = (*focus_status)
            .filter(|_| state.state.view.legend)
            .map(|status| legend_line_id(&sheet.id, status));
        let (legend_ref, focus_status) = (legend_ref.clone(), focus_status.clone());
        use_effect_with(line, move |line| {
            if let Some(line) = line {
                focus_first(&legend_ref, ".fc-legend__line", &|_, element| {
                    element.id() == *line
                });
                focus_status.set(None);
            }
        });
    }
    // The compact layout's search opens at the reader's request: the focus
    // goes to the box it opened.
    {
        let opened = state.state.view.search_open;
        let input_id = search_input_id(&sheet.id);
        let deck_ref = deck_ref.clone();
        use_effect_with(opened, move |opened| {
            if *opened {
                focus_first(&deck_ref, ".fc-search__input", &|_, input| input.id() == input_id);
            }
        });
    }
    // "Show all N facts" goes away once pressed, and the focus with it: the
    // focus moves to the first fact it revealed, so that keyboard and screen
    // reader users read on from where the new facts begin (the live region
    // says how many facts there now are).
    {
        let deck_ref = deck_ref.clone();
        use_effect_with(state.state.revealed, move |revealed| {
            if *revealed {
                let first_new = COMPACT_FACTS as u32;
                focus_first(&deck_ref, ".fc-fact", &|index, _| index == first_new);
            }
        });
    }
    use_progressive_rendering(&state);
    use_print_mode(&state);
    use_report_to_host(&state, &props.on_event);
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

    // The search index is built once per sheet; what shows is recomputed
    // only when the filter or the search changes, not when a card opens.
    let index = Rc::clone(&state.state.index);
    // The marks and links of the sources, once per sheet: relative links
    // resolved against the sheet's own address, so that every view links
    // the same one.
    let marks = use_memo(
        (Rc::clone(sheet), props.options.source_base.clone()),
        |(sheet, base)| Rc::new(SourceMarks::new(sheet).resolved_against(base.as_deref())),
    );
    let deck = &state.state;
    let view = &deck.view;
    // The search is the costly part, so it alone is memoised; the category
    // filter is applied on top of its result.
    let searched = {
        let index = Rc::clone(&index);
        use_memo((Rc::clone(sheet), view.query.clone()), move |(sheet, query)| {
            Visible::matching(sheet, &index, query)
        })
    };
    let visible = searched.in_categories(sheet, view);
    let counts = searched.counts_by_category(sheet);
    // The compact layout shows the first few facts until asked for all.
    let compact = props.options.layout == Layout::Compact;
    let limit = deck.fact_limit(compact);
    let shown = searched.first_facts(&deck.order, limit);
    let hidden_facts = visible.fact_count() - shown.in_categories(sheet, view).fact_count();

    let ui_lang = UiLang::from_tag(props.options.lang.as_deref().unwrap_or(&sheet.lang));
    let dir = if is_rtl(&sheet.lang) { "rtl" } else { "ltr" };
    let query = AttrValue::from(view.query.clone());
    let strings = ui_lang.strings();

    // The no-JS fallback has no working controls: it keeps their place,
    // unseen, so that nothing moves when the live deck takes over.
    let still = props.options.static_markup;
    let legend_words = (!still).then_some(&open_legend);
    let reserved = still.then_some("fc-reserved");
    let body = match view.grouping {
        Grouping::Topic => {
            let rendered = deck.rendered.cards_to_render(sheet, &deck.order, view);
            topic_sections(Topics {
                sheet,
                marks: &marks,
                open_legend: legend_words,
                searched: &shown,
                view,
                rendered,
                query: &query,
                ui_lang,
                dispatch: &dispatch,
                map: props.options.map.as_ref(),
                map_loading: props.options.map_loading,
                static_markup: still,
                changes: &deck.changes,
            })
        }
        Grouping::Certainty => certainty_view(
            sheet,
            &shown.in_categories(sheet, view),
            &Query::new(&query),
            &marks,
            strings,
            &dispatch,
            legend_words,
        ),
    };

    html! {
        <div class={classes!(
                "fc-deck",
                compact.then_some("fc-deck--compact"),
                (sheet.cards.len() >= LONG_DECK_CARDS).then_some("fc-deck--long"),
            )} lang={sheet.lang.clone()} {dir}
            ref={deck_ref}>
            if props.options.shows_header() {
                { deck_header(sheet, strings) }
            } else {
                // Without its header the deck keeps its title for screen
                // readers, so that the headings below stay in order.
                <h2 class="fc-visually-hidden">{ &sheet.title }</h2>
            }
            if let Some(at) = &deck.updated_at {
                <p class="fc-header__live" data-updated-at="">{ strings.updated }{ " " }{ at }</p>
            }
            <div class={classes!("fc-controls", reserved)} aria-hidden={still.then_some("true")}>
                if compact {
                    { search_toggle(view.shows_search(compact), &sheet.id, strings, &dispatch) }
                }
                if view.shows_search(compact) {
                    { search_box(&query, &sheet.id, strings, &dispatch) }
                }
                // How to read the facts: they wrap to a new line together.
                <div class="fc-controls__reading">
                    { grouping_switch(view.grouping, strings, &dispatch) }
                    { legend_toggle(&sheet.id, view.legend, strings, &dispatch) }
                </div>
                { category_filter(sheet, &view.categories, &counts, strings, &dispatch) }
                { result_status(visible.fact_count(), visible.card_count(), deck.announce, strings, &dispatch) }
            </div>
            { status_legend(&sheet.id, view.legend, strings, &legend_ref) }
            { body }
            if hidden_facts > 0 {
                <button type="button" class={classes!("fc-show-all", reserved)} aria-hidden={still.then_some("true")}
                    onclick={dispatch.reform(|_: MouseEvent| Action::ShowAllFacts)}>
                    { strings.show_all(visible.fact_count()) }
                </button>
            }
            if !sheet.corrections.is_empty() {
                { corrections_footer(sheet, strings) }
            }
            if let Some(credit) = &sheet.credit {
                <p class="fc-deck__credit">{ credit }</p>
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

/// Renders the rest of a big sheet, a chunk per task. A timer of 0 ms
/// yields to the browser between chunks, so that it paints and answers the
/// reader. One effect, keyed on the progress: it runs after each chunk,
/// until the deck is complete (which records `Ready`).
#[hook]
fn use_progressive_rendering(state: &UseReducerHandle<Deck>) {
    let complete = state.state.rendered.is_complete(&state.state.order);
    let dispatcher = state.dispatcher();
    use_effect_with(state.state.rendered, move |_| {
        let pending = (!complete).then(|| {
            gloo_timers::callback::Timeout::new(0, move || dispatcher.dispatch(DeckAction::RenderMore))
        });
        move || drop(pending)
    });
}

/// Tells the deck when the page goes to paper and back
/// ([`DeckAction::Print`]): `beforeprint` and `afterprint` for a real
/// printout (the deck renders in the microtask after `beforeprint`, before
/// the page is laid out for print), and the `print` media query's changes
/// for the print preview of developer tools and tests, which fire no print
/// event.
#[hook]
fn use_print_mode(state: &UseReducerHandle<Deck>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let listeners = web_sys::window().map(|window| {
            let listen = |name: &'static str, printing: bool| {
                let dispatcher = dispatcher.clone();
                gloo_events::EventListener::new(&window, name, move |_| {
                    dispatcher.dispatch(DeckAction::Print(printing))
                })
            };
            [listen("beforeprint", true), listen("afterprint", false)]
        });
        move || drop(listeners)
    });
}

/// Focuses the first element under `root` that matches `selector` and that
/// `pick` accepts, given its position among the matches; an element that is
/// not focusable (a fact) becomes focusable by script only.
fn focus_first(root: &NodeRef, selector: &str, pick: &dyn Fn(u32, &web_sys::HtmlElement) -> bool) {
    use web_sys::wasm_bindgen::JsCast;
    let Some(found) = root
        .cast::<web_sys::Element>()
        .and_then(|root| root.query_selector_all(selector).ok())
    else {
        return;
    };
    let element = (0..found.length())
        .filter_map(|index| Some((index, found.item(index)?.dyn_into::<web_sys::HtmlElement>().ok()?)))
        .find(|(index, element)| pick(*index, element));
    if let Some((_, element)) = element {
        if element.tab_index() < 0 {
            element.set_tab_index(-1);
        }
        let _ = element.focus();
    }
}

/// The one path out to the host: after each render, hands `on_event` the
/// events the transitions recorded since the last (`deck_state.rs`). An
/// effect, because the reducer does no I/O, and after the render, so that
/// listeners find the page as the event says.
#[hook]
fn use_report_to_host(state: &UseReducerHandle<Deck>, on_event: &Callback<DeckEvent>) {
    let on_event = on_event.clone();
    let deck = state.clone();
    use_effect_with(state.state.recorded(), move |_| {
        for event in deck.state.unheard(deck.heard.get()) {
            on_event.emit(event.clone());
        }
        deck.heard.set(deck.state.recorded());
    });
}
