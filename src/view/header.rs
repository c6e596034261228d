//! `DeckHeader`: the sheet's title, summary and last update.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::UiLang;
use crate::model::Sheet;

#[derive(Properties, PartialEq)]
pub struct DeckHeaderProps {
    pub sheet: Rc<Sheet>,
    pub ui_lang: UiLang,
}

#[component]
pub fn DeckHeader(props: &DeckHeaderProps) -> Html {
    let sheet = &props.sheet;
    let strings = props.ui_lang.strings();
    html! {
        <header class="fc-header">
            <h2 class="fc-header__title">{ &sheet.title }</h2>
            <p class="fc-header__summary">{ &sheet.summary }</p>
            <p class="fc-header__updated">
                { strings.updated }{ " " }
                <time datetime={sheet.updated.clone()}>{ strings.format_date(&sheet.updated) }</time>
            </p>
        </header>
    }
}
