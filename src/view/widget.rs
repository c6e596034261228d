//! `Widget`: what a mount point shows at each stage of getting its sheet:
//! a space-holding loading state, the deck, or the error panel.

use std::rc::Rc;

use yew::prelude::*;

use super::deck::FactDeck;
use super::error_panel::ErrorPanel;
use crate::event::{DeckEvent, DeckLink};
use crate::i18n::UiLang;
use crate::model::{Problem, Sheet, WorldShapes};
use crate::progress::RenderPace;

/// Where a mount point is in getting its sheet. Matched exhaustively so that
/// no stage can render as a blank box.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    /// The sheet is being fetched.
    Loading,
    /// The sheet is valid.
    Ready(Rc<Sheet>),
    /// The sheet could not be fetched, parsed or validated.
    Failed(Vec<Problem>),
}

#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    pub load: LoadState,
    /// Optional BCP 47 tag for the labels; defaults to the sheet's `lang`.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// Optional id of the category to filter on at first.
    #[prop_or_default]
    pub initial_category: Option<AttrValue>,
    /// Optional id of the card to open at first.
    #[prop_or_default]
    pub initial_card: Option<AttrValue>,
    /// Optional deep link to open a card now (see [`DeckLink`]).
    #[prop_or_default]
    pub link: Option<DeckLink>,
    /// Optional address of the sheet's JSON for the "Get the data" link.
    #[prop_or_default]
    pub data_href: Option<AttrValue>,
    /// Optional listener for the reader's actions.
    #[prop_or_default]
    pub on_event: Callback<DeckEvent>,
    /// Optional map shapes for cards with `regions` (see [`FactDeck`]).
    #[prop_or_default]
    pub map: Option<Rc<WorldShapes>>,
    /// Optional: whether `map` is on its way.
    #[prop_or_default]
    pub map_loading: bool,
    /// Optional pace of rendering the cards (see [`FactDeck`]).
    #[prop_or_default]
    pub pace: RenderPace,
}

impl WidgetProps {
    /// Props for `load` with every option at its default.
    pub fn new(load: LoadState) -> Self {
        WidgetProps {
            load,
            lang: None,
            initial_category: None,
            initial_card: None,
            link: None,
            data_href: None,
            on_event: Callback::noop(),
            map: None,
            map_loading: false,
            pace: RenderPace::default(),
        }
    }
}

#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let ui_lang = UiLang::from_tag(props.lang.as_deref().unwrap_or(""));
    // Failed is reported after it renders, so listeners find the error
    // panel in place; the deck reports Ready once all its cards are in.
    {
        let on_event = props.on_event.clone();
        use_effect_with(props.load.clone(), move |load| {
            if let LoadState::Failed(problems) = load {
                on_event.emit(DeckEvent::Failed {
                    problems: problems.clone(),
                });
            }
        });
    }
    match &props.load {
        LoadState::Loading => html! {
            <div class="fc-loading" role="status" aria-live="polite">
                <p>{ ui_lang.strings().loading }</p>
            </div>
        },
        LoadState::Ready(sheet) => html! {
            // A new sheet is a new deck: the key resets the reader's state,
            // which refers to the old sheet's ids.
            <FactDeck
                key={Rc::as_ptr(sheet) as usize}
                sheet={Rc::clone(sheet)}
                lang={props.lang.clone()}
                initial_category={props.initial_category.clone()}
                initial_card={props.initial_card.clone()}
                link={props.link.clone()}
                data_href={props.data_href.clone()}
                on_event={props.on_event.clone()}
                map={props.map.clone()}
                map_loading={props.map_loading}
                pace={props.pace}
            />
        },
        LoadState::Failed(problems) => html! {
            <ErrorPanel problems={problems.clone()} {ui_lang} />
        },
    }
}
