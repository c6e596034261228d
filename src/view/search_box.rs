//! `SearchBox`: filters the facts as the reader types.

use yew::prelude::*;

use crate::i18n::UiLang;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub query: AttrValue,
    /// Used to make the input's id unique within the deck.
    pub id_prefix: AttrValue,
    pub ui_lang: UiLang,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let strings = props.ui_lang.strings();
    let id = format!("{}/search", props.id_prefix);
    let oninput = props.dispatch.reform(|event: InputEvent| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        Action::Search(input.value())
    });
    html! {
        <div class="fc-search">
            <label class="fc-search__label" for={id.clone()}>{ strings.search_label }</label>
            <input class="fc-search__input" type="search" {id} value={props.query.clone()}
                placeholder={strings.search_placeholder} autocomplete="off" spellcheck="false" {oninput} />
        </div>
    }
}
