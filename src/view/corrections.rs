//! `CorrectionsFooter`: corrections since publication, newest first.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::UiLang;
use crate::model::Sheet;

#[derive(Properties, PartialEq)]
pub struct CorrectionsFooterProps {
    pub sheet: Rc<Sheet>,
    pub ui_lang: UiLang,
}

#[component]
pub fn CorrectionsFooter(props: &CorrectionsFooterProps) -> Html {
    let strings = props.ui_lang.strings();
    let sheet = &props.sheet;
    let items = sheet.corrections_newest_first().into_iter().map(|correction| {
        let card_title = correction
            .card
            .as_deref()
            .and_then(|id| sheet.card_index(id))
            .map(|index| &sheet.cards[index]);
        html! {
            <li class="fc-corrections__item">
                <time datetime={correction.date.clone()}>{ strings.format_date(&correction.date) }</time>
                { ": " }
                if let Some(card) = card_title {
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
