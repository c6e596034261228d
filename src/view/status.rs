//! `status_badge`: how sure a fact is, as a word (and a colour), which
//! explains itself through the status legend.

use yew::prelude::*;

use super::legend::legend_line_id;
use crate::i18n::Strings;
use crate::model::Status;

/// Where a status word's explanation is.
#[derive(Clone, Copy)]
pub enum Explained<'a> {
    /// In the deck's legend: the word is a button, described by its line of
    /// the legend (screen readers hear it with the word), that opens the
    /// legend at that line.
    Legend {
        sheet_id: &'a str,
        open: &'a Callback<Status>,
    },
    /// Nowhere on screen to go (the no-JavaScript fallback): a plain word.
    Not,
}

/// The status as a word whose meaning does not rest on its colour; screen
/// readers hear "Status: Claimed" and, with the legend, what that means.
pub fn status_badge(status: Status, strings: &Strings, explained: Explained) -> Html {
    let name = status.as_str();
    let class = classes!("fc-status", format!("fc-status--{name}"));
    let content = html! {
        <>
            <span class="fc-visually-hidden">{ strings.status_label }{ ": " }</span>
            { strings.status(status) }
        </>
    };
    match explained {
        Explained::Legend { sheet_id, open } => html! {
            <button type="button" {class} data-status={name} aria-describedby={legend_line_id(sheet_id, status)}
                onclick={open.reform(move |_: MouseEvent| status)}>
                { content }
            </button>
        },
        Explained::Not => html! { <span {class} data-status={name}>{ content }</span> },
    }
}
