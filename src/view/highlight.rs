//! `highlight`: text with the parts that match the search marked.
//!
//! A view function rather than a component: it runs for every text of every
//! fact, and a component per text would cost a scope, a props comparison and
//! its own generic code for no state.

use yew::prelude::*;

use crate::search::{Query, segments};

/// `text`, with each match of `query` in a `<mark class="fc-mark">`.
pub fn highlight(text: &str, query: &Query) -> Html {
    let ranges = query.ranges(text);
    if ranges.is_empty() {
        return Html::from(text);
    }
    segments(text, &ranges)
        .into_iter()
        .map(|(piece, is_match)| {
            if is_match {
                html! { <mark class="fc-mark">{ piece }</mark> }
            } else {
                Html::from(piece)
            }
        })
        .collect::<Html>()
}
