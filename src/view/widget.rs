//! `Widget`: what a mount point shows at each stage of getting its sheet:
//! a space-holding loading state, the deck, or the error panel.

use std::rc::Rc;

use yew::prelude::*;

use super::deck::FactDeck;
use super::error_panel::ErrorPanel;
use crate::event::DeckEvent;
use crate::i18n::UiLang;
use crate::model::{Problem, Sheet};
use crate::options::{DeckOptions, OnError};

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

/// Properties of [`Widget`].
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    pub load: LoadState,
    /// Optional: how to show the deck once the sheet is ready (see
    /// [`DeckOptions`]); its `lang` labels the loading state and the error
    /// panel too.
    #[prop_or_default]
    pub options: DeckOptions,
    /// Optional listener for the reader's actions.
    #[prop_or_default]
    pub on_event: Callback<DeckEvent>,
}

impl WidgetProps {
    /// Props for `load` with every option at its default.
    pub fn new(load: LoadState) -> Self {
        WidgetProps {
            load,
            options: DeckOptions::default(),
            on_event: Callback::noop(),
        }
    }
}

#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let ui_lang = UiLang::from_tag(props.options.lang.as_deref().unwrap_or(""));
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
            // which refers to the old sheet's ids. A live deck keeps it for
            // a new version of the same story, and marks what changed.
            <FactDeck
                key={if props.options.live.is_on() { sheet.id.clone() } else { format!("{:p}", Rc::as_ptr(sheet)) }}
                sheet={Rc::clone(sheet)}
                options={props.options.clone()}
                on_event={props.on_event.clone()}
            />
        },
        // The problems, with their JSON paths, are for editors: on the page
        // only when asked (`debug`); readers get one calm line, or nothing.
        LoadState::Failed(problems) if props.options.debug => html! {
            <ErrorPanel problems={problems.clone()} {ui_lang} />
        },
        LoadState::Failed(_) => match props.options.on_error {
            OnError::Message => html! {
                <p class="fc-unavailable" role="status">{ ui_lang.strings().unavailable }</p>
            },
            OnError::Hide => Html::default(),
        },
    }
}
