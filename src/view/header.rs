//! `deck_header`: the sheet's title, summary and last update.

use yew::prelude::*;

use crate::i18n::Strings;
use crate::model::Sheet;

pub fn deck_header(sheet: &Sheet, strings: &Strings) -> Html {
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
