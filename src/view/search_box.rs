//! `search_box`: filters the facts as the reader types.

use yew::prelude::*;

use crate::i18n::Strings;
use crate::state::Action;

/// A labelled search input; `id_prefix` makes its id unique in the deck.
pub fn search_box(query: &str, id_prefix: &str, strings: &Strings, dispatch: &Callback<Action>) -> Html {
    let id = format!("search:{id_prefix}");
    let oninput = dispatch.reform(|event: InputEvent| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        Action::Search(input.value())
    });
    html! {
        <div class="fc-search">
            <label class="fc-search__label" for={id.clone()}>{ strings.search_label }</label>
            <input class="fc-search__input" type="search" {id} value={query.to_owned()}
                placeholder={strings.search_placeholder} autocomplete="off" spellcheck="false" {oninput} />
        </div>
    }
}
