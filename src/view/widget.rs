//! `Widget`: what a mount point shows at each stage of getting its sheet:
//! a space-holding loading state, the deck, or the error panel.

use std::rc::Rc;

use yew::prelude::*;

use super::deck::FactDeck;
use super::error_panel::ErrorPanel;
use crate::i18n::UiLang;
use crate::model::{Problem, Sheet};

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

#[derive(Properties, PartialEq)]
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
}

#[component]
pub fn Widget(props: &WidgetProps) -> Html {
    let ui_lang = UiLang::from_tag(props.lang.as_deref().unwrap_or(""));
    match &props.load {
        LoadState::Loading => html! {
            <div class="fc-loading" role="status" aria-live="polite">
                <p>{ ui_lang.strings().loading }</p>
            </div>
        },
        LoadState::Ready(sheet) => html! {
            <FactDeck
                sheet={Rc::clone(sheet)}
                lang={props.lang.clone()}
                initial_category={props.initial_category.clone()}
                initial_card={props.initial_card.clone()}
            />
        },
        LoadState::Failed(problems) => html! {
            <ErrorPanel problems={problems.clone()} {ui_lang} />
        },
    }
}
