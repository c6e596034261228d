//! `FactDeck`: the whole widget for one valid sheet, and the only component
//! that holds state.

use std::rc::Rc;

use yew::prelude::*;

use super::card::FactCard;
use super::corrections::CorrectionsFooter;
use super::filter::CategoryFilter;
use super::header::DeckHeader;
use crate::i18n::{UiLang, is_rtl};
use crate::model::{Problem, Sheet};
use crate::state::{Action, ViewState};

/// Properties of [`FactDeck`].
#[derive(Properties, PartialEq)]
pub struct FactDeckProps {
    /// The sheet to show. It must be valid: check it with
    /// `model::parse_sheet` and show `ErrorPanel` otherwise. A new `Rc`
    /// re-renders the deck; the same `Rc` costs a pointer comparison.
    pub sheet: Rc<Sheet>,
    /// Optional BCP 47 tag for the widget's own labels; defaults to the
    /// sheet's `lang`.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// Optional id of the category to filter on at first.
    #[prop_or_default]
    pub initial_category: Option<AttrValue>,
    /// Optional id of the card to open at first.
    #[prop_or_default]
    pub initial_card: Option<AttrValue>,
    /// Optional deep link: opens its card (and shows its category) each time
    /// a new one arrives, such as when the page's `#sheet/card` hash changes.
    #[prop_or_default]
    pub deep_link: Option<DeepLink>,
    /// Optional address of the sheet's JSON for the "Get the data" link.
    #[prop_or_default]
    pub data_href: Option<AttrValue>,
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
            lang: None,
            initial_category: None,
            initial_card: None,
            deep_link: None,
            data_href: None,
            on_event: Callback::noop(),
        }
    }
}

/// A request to open one card; `seq` tells a repeated link to the same card
/// from the previous one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeepLink {
    pub card: AttrValue,
    pub seq: u32,
}

/// Something that happened in the widget, reported to the host: mostly what
/// the reader did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeckEvent {
    /// A valid sheet is shown.
    Ready { sheet: String, cards: usize },
    /// The sheet could not be shown; the error panel lists these problems.
    Failed { problems: Vec<Problem> },
    /// A card's sources were opened or closed.
    CardToggle { card: String, expanded: bool },
    /// The category filter changed; empty means every category.
    Filter { categories: Vec<String> },
    /// The reader followed a source's link.
    SourceClick { source: String, url: String },
    /// The reader asked for a link to a card (`anchor` is `sheet/card`).
    CopyLink { card: String, anchor: String },
}

/// Yew's reducer wrapper around the pure transition in `state.rs`.
#[derive(PartialEq)]
struct DeckState {
    sheet: Rc<Sheet>,
    view: ViewState,
}

impl Reducible for DeckState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let view = self.view.clone().apply(&self.sheet, action);
        Rc::new(DeckState {
            sheet: Rc::clone(&self.sheet),
            view,
        })
    }
}

/// The key-facts deck: header, category filter, cards grouped by category,
/// and the corrections footer.
#[component]
pub fn FactDeck(props: &FactDeckProps) -> Html {
    let sheet = &props.sheet;
    let state = {
        let sheet = Rc::clone(sheet);
        let category = props.initial_category.clone();
        let card = props.initial_card.clone();
        use_reducer(move || DeckState {
            view: ViewState::initial(&sheet, category.as_deref(), card.as_deref()),
            sheet,
        })
    };
    // A stable callback, so that cards whose props did not change are not
    // re-rendered when another card or the filter changes.
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback(dispatcher, |action: Action, dispatcher| {
            dispatcher.dispatch(action)
        })
    };
    {
        let dispatch = dispatch.clone();
        use_effect_with(props.deep_link.clone(), move |link| {
            if let Some(link) = link {
                dispatch.emit(Action::OpenCard(link.card.to_string()));
            }
        });
    }
    use_report_changes(&state.view, &props.on_event);

    let ui_lang = UiLang::from_tag(props.lang.as_deref().unwrap_or(&sheet.lang));
    let view = &state.view;
    let dir = if is_rtl(&sheet.lang) { "rtl" } else { "ltr" };

    let sections = sheet
        .categories
        .iter()
        .filter(|category| view.shows_category(&category.id))
        .map(|category| {
            let heading_id = format!("fc-{}-{}", sheet.id, category.id);
            let cards = sheet
                .cards
                .iter()
                .enumerate()
                .filter(|(_, card)| card.category == category.id)
                .map(|(index, card)| {
                    html! {
                        <FactCard
                            key={card.id.as_str()}
                            sheet={Rc::clone(sheet)}
                            {index}
                            expanded={view.is_expanded(&card.id)}
                            ui_lang={ui_lang}
                            dispatch={dispatch.clone()}
                            on_event={props.on_event.clone()}
                        />
                    }
                });
            html! {
                <section key={category.id.as_str()} class="fc-category" aria-labelledby={heading_id.clone()}>
                    <h3 class="fc-category__title" id={heading_id}>{ &category.label }</h3>
                    if let Some(description) = &category.description {
                        <p class="fc-category__description">{ description }</p>
                    }
                    <div class="fc-category__cards">{ for cards }</div>
                </section>
            }
        });

    html! {
        <div class="fc-deck" lang={sheet.lang.clone()} {dir}>
            <DeckHeader sheet={Rc::clone(sheet)} {ui_lang} />
            <CategoryFilter
                sheet={Rc::clone(sheet)}
                chosen={view.categories.iter().cloned().collect::<Vec<_>>()}
                {ui_lang}
                dispatch={dispatch.clone()}
            />
            <div class="fc-deck__categories">{ for sections }</div>
            if !sheet.corrections.is_empty() {
                <CorrectionsFooter sheet={Rc::clone(sheet)} {ui_lang} />
            }
            if let Some(href) = &props.data_href {
                <p class="fc-deck__data">
                    <a class="fc-deck__data-link" href={href.clone()} download={format!("{}.json", sheet.id)}>
                        { ui_lang.strings().get_the_data }
                    </a>
                </p>
            }
        </div>
    }
}

/// Reports filter and card changes to `on_event` after they render, by
/// comparing with the state last reported. An effect, because the reducer
/// does no I/O.
#[hook]
fn use_report_changes(view: &ViewState, on_event: &Callback<DeckEvent>) {
    let reported = use_mut_ref(|| view.clone());
    let on_event = on_event.clone();
    use_effect_with(view.clone(), move |view| {
        let mut previous = reported.borrow_mut();
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
        *previous = view.clone();
    });
}
