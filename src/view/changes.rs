//! `change_mark`: what a live update did to a fact ("New", "Status
//! changed: claimed → confirmed, 10:42"), shown beside it and printed.
//! Marks come from `live::ChangeMarks`, which the deck keeps.

use yew::prelude::*;

use crate::i18n::UiLang;
use crate::live::FactMark;

/// The mark of one fact, or nothing.
pub fn change_mark(mark: Option<&(String, FactMark)>, ui_lang: UiLang) -> Html {
    let Some((key, mark)) = mark else {
        return Html::default();
    };
    let strings = ui_lang.strings();
    match mark {
        FactMark::New { at } => html! {
            // The key tells the embed which fact the reader has seen.
            <p class="fc-change fc-change--new" data-change="new" data-key={key.clone()}>
                <span class="fc-change__label">{ strings.new_mark }</span>
                if !at.is_empty() { { format!(", {at}") } }
            </p>
        },
        FactMark::Changed {
            status,
            text,
            sources,
            at,
        } => {
            let mut parts = Vec::new();
            if let Some((from, to)) = status {
                parts.push(format!(
                    "{}: {} → {}",
                    strings.status_changed,
                    strings.status(*from),
                    strings.status(*to)
                ));
            }
            if *text {
                parts.push(strings.text_changed.to_owned());
            }
            if *sources {
                parts.push(strings.sources_changed.to_owned());
            }
            html! {
                <p class="fc-change fc-change--changed" data-change="changed">
                    { parts.join("; ") }
                    if !at.is_empty() { { format!(", {at}") } }
                </p>
            }
        }
    }
}

/// The "New" badge of a card that came with an update.
pub fn new_card_mark(card_id: &str, ui_lang: UiLang) -> Html {
    html! {
        <span class="fc-change fc-change--new-card" data-change="new-card" data-key={card_id.to_owned()}>
            { ui_lang.strings().new_mark }
        </span>
    }
}
