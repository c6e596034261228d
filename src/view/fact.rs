//! `fact_item`: one fact with its status, quote and attribution.

use yew::prelude::*;

use super::highlight::highlight;
use super::status::status_badge;
use crate::i18n::Strings;
use crate::model::Fact;
use crate::search::Query;

/// One fact as a list item. `context` is the title of the fact's card, shown
/// when the fact appears outside its card (the certainty view). `hidden`:
/// the search leaves it out (hidden, not removed, so that clearing the
/// search only shows it again instead of building it anew).
pub fn fact_item(fact: &Fact, query: &Query, context: Option<&str>, hidden: bool, strings: &Strings) -> Html {
    let (open, close) = strings.quote_marks;
    html! {
        <li class="fc-fact" data-status={fact.status.as_str()} {hidden}>
            { status_badge(fact.status, strings) }
            <p class="fc-fact__text">{ highlight(&fact.text, query) }</p>
            if let Some(quote) = &fact.quote {
                // Quotation marks come from the UI language; <q> would add the
                // browser's own and differ between the SSR and browser render.
                <blockquote class="fc-fact__quote"><p>{ open }{ highlight(quote, query) }{ close }</p></blockquote>
            }
            if let Some(attribution) = &fact.attribution {
                <p class="fc-fact__attribution">{ "— " }{ highlight(attribution, query) }</p>
            }
            if let Some(context) = context {
                <p class="fc-fact__context">{ strings.in_card }{ ": " }{ highlight(context, query) }</p>
            }
        </li>
    }
}
