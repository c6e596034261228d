//! `FactItem`: one fact with its status, quote and attribution.

use yew::prelude::*;

use super::status::StatusBadge;
use crate::i18n::UiLang;
use crate::model::Fact;

#[derive(Properties, PartialEq)]
pub struct FactItemProps {
    pub fact: Fact,
    pub ui_lang: UiLang,
}

#[component]
pub fn FactItem(props: &FactItemProps) -> Html {
    let fact = &props.fact;
    let (open, close) = props.ui_lang.strings().quote_marks;
    html! {
        <li class="fc-fact" data-status={fact.status.as_str()}>
            <StatusBadge status={fact.status} ui_lang={props.ui_lang} />
            <p class="fc-fact__text">{ &fact.text }</p>
            if let Some(quote) = &fact.quote {
                // Quotation marks come from the UI language; <q> would add the
                // browser's own and differ between the SSR and browser render.
                <blockquote class="fc-fact__quote"><p>{ open }{ quote }{ close }</p></blockquote>
            }
            if let Some(attribution) = &fact.attribution {
                <p class="fc-fact__attribution">{ "— " }{ attribution }</p>
            }
        </li>
    }
}
