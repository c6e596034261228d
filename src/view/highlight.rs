//! `Highlight`: text with the parts that match the search marked.

use yew::prelude::*;

use crate::search::{Query, segments};

#[derive(Properties, PartialEq)]
pub struct HighlightProps {
    pub text: AttrValue,
    /// The search text; empty marks nothing.
    pub query: AttrValue,
}

#[component]
pub fn Highlight(props: &HighlightProps) -> Html {
    let query = Query::new(&props.query);
    let ranges = query.ranges(&props.text);
    if ranges.is_empty() {
        return html! { { props.text.clone() } };
    }
    html! {
        <>
            { for segments(&props.text, &ranges).into_iter().map(|(piece, is_match)| {
                if is_match {
                    html! { <mark class="fc-mark">{ piece }</mark> }
                } else {
                    html! { { piece } }
                }
            }) }
        </>
    }
}
