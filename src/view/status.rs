//! `status_badge`: how sure a fact is, as a word (and a colour).

use yew::prelude::*;

use crate::i18n::Strings;
use crate::model::Status;

/// The status as a badge whose word, not its colour, carries the meaning;
/// screen readers hear "Status: Claimed".
pub fn status_badge(status: Status, strings: &Strings) -> Html {
    let name = status.as_str();
    html! {
        <span class={classes!("fc-status", format!("fc-status--{name}"))} data-status={name}>
            <span class="fc-visually-hidden">{ strings.status_label }{ ": " }</span>
            { strings.status(status) }
        </span>
    }
}
