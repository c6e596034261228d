//! `FactItem`: one fact with its status, quote and attribution.

use yew::prelude::*;

use super::highlight::Highlight;
use super::status::StatusBadge;
use crate::i18n::UiLang;
use crate::model::Fact;

#[derive(Properties, PartialEq)]
pub struct FactItemProps {
    pub fact: Fact,
    /// The search text, to highlight; empty highlights nothing.
    #[prop_or_default]
    pub query: AttrValue,
    /// Optional title of the fact's card, shown when the fact appears
    /// outside its card (the certainty view).
    #[prop_or_default]
    pub context: Option<AttrValue>,
    pub ui_lang: UiLang,
}

#[component]
pub fn FactItem(props: &FactItemProps) -> Html {
    let fact = &props.fact;
    let strings = props.ui_lang.strings();
    let (open, close) = strings.quote_marks;
    let query = &props.query;
    let text =
        |value: &str| html! { <Highlight text={AttrValue::from(value.to_owned())} query={query.clone()} /> };
    html! {
        <li class="fc-fact" data-status={fact.status.as_str()}>
            <StatusBadge status={fact.status} ui_lang={props.ui_lang} />
            <p class="fc-fact__text">{ text(&fact.text) }</p>
            if let Some(quote) = &fact.quote {
                // Quotation marks come from the UI language; <q> would add the
                // browser's own and differ between the SSR and browser render.
                <blockquote class="fc-fact__quote"><p>{ open }{ text(quote) }{ close }</p></blockquote>
            }
            if let Some(attribution) = &fact.attribution {
                <p class="fc-fact__attribution">{ "— " }{ text(attribution) }</p>
            }
            if let Some(context) = &props.context {
                <p class="fc-fact__context">{ strings.in_card }{ ": " }{ text(context) }</p>
            }
        </li>
    }
}
