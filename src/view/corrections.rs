//! `corrections_footer`: corrections since publication, newest first.

use yew::prelude::*;

use crate::i18n::Strings;
use crate::model::Sheet;

pub fn corrections_footer(sheet: &Sheet, strings: &Strings) -> Html {
    let items = sheet.corrections_newest_first().into_iter().map(|correction| {
        let card = correction
            .card
            .as_deref()
            .and_then(|id| sheet.card_index(id))
            .map(|index| &sheet.cards[index]);
        html! {
            <li class="fc-corrections__item">
                <time datetime={correction.date.clone()}>{ strings.format_date(&correction.date) }</time>
                { ": " }
                if let Some(card) = card {
                    <span class="fc-corrections__card">{ &card.title }{ ": " }</span>
                }
                { &correction.text }
            </li>
        }
    });
    html! {
        <footer class="fc-corrections">
            <h3 class="fc-corrections__heading">{ strings.corrections_heading }</h3>
            <ul class="fc-corrections__list" role="list">{ for items }</ul>
        </footer>
    }
}
