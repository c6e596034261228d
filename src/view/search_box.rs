//! `search_box`: filters the facts as the reader types.

use yew::prelude::*;

use crate::i18n::Strings;
use crate::state::Action;

/// The DOM id of the search input of the deck `id_prefix`.
pub fn search_input_id(id_prefix: &str) -> String {
    format!("search:{id_prefix}")
}

/// The compact layout's button that opens (and closes) the search box.
pub fn search_toggle(open: bool, id_prefix: &str, strings: &Strings, dispatch: &Callback<Action>) -> Html {
    html! {
        <button type="button" class="fc-search-toggle" aria-expanded={open.to_string()}
            aria-controls={search_input_id(id_prefix)} onclick={dispatch.reform(|_: MouseEvent| Action::ToggleSearch)}>
            <span class="fc-search-toggle__icon" aria-hidden="true"></span>
            { strings.open_search }
        </button>
    }
}

/// A labelled search input; `id_prefix` makes its id unique in the deck.
pub fn search_box(query: &str, id_prefix: &str, strings: &Strings, dispatch: &Callback<Action>) -> Html {
    let id = search_input_id(id_prefix);
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
