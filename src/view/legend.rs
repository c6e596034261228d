//! `status_legend`: one line per status, written for readers, so that
//! "claimed" next to "reported" means something. Every status word on a
//! fact is described by its line (`aria-describedby`) and opens the legend
//! at it; a toggle in the deck's controls opens it too.

use yew::prelude::*;

use crate::i18n::Strings;
use crate::model::Status;
use crate::state::Action;

/// The DOM id of the legend of the sheet `sheet_id`.
pub fn legend_id(sheet_id: &str) -> String {
    format!("legend:{sheet_id}")
}

/// The DOM id of the legend's line for `status`: what each status word is
/// described by.
pub fn legend_line_id(sheet_id: &str, status: Status) -> String {
    format!("legend:{sheet_id}/{}", status.as_str())
}

/// The toggle that opens and closes the legend.
pub fn legend_toggle(sheet_id: &str, open: bool, strings: &Strings, dispatch: &Callback<Action>) -> Html {
    html! {
        <button type="button" class="fc-legend-toggle" aria-expanded={open.to_string()}
            aria-controls={legend_id(sheet_id)} onclick={dispatch.reform(|_: MouseEvent| Action::ToggleLegend)}>
            <span class="fc-legend-toggle__icon" aria-hidden="true">{ "?" }</span>
            <span class="fc-legend-toggle__text">{ strings.legend_toggle }</span>
        </button>
    }
}

/// The legend: a heading and, per status, its word and what it means.
/// Hidden while closed, but still in the page, so that each status word's
/// description can point at its line; print always shows it, once.
pub fn status_legend(sheet_id: &str, open: bool, strings: &Strings, node_ref: &NodeRef) -> Html {
    let lines = Status::ALL.into_iter().map(|status| {
        html! {
            <div class="fc-legend__line" id={legend_line_id(sheet_id, status)} data-status={status.as_str()}
                tabindex="-1">
                <dt class={classes!("fc-legend__status", "fc-status", format!("fc-status--{}", status.as_str()))}>
                    { strings.status(status) }
                </dt>
                <dd class="fc-legend__meaning">{ strings.status_meaning(status) }</dd>
            </div>
        }
    });
    html! {
        <section class="fc-legend" id={legend_id(sheet_id)} hidden={!open} aria-labelledby={format!("{}:heading", legend_id(sheet_id))}
            ref={node_ref.clone()}>
            <h3 class="fc-legend__heading" id={format!("{}:heading", legend_id(sheet_id))}>{ strings.legend_heading }</h3>
            <dl class="fc-legend__list">{ for lines }</dl>
        </section>
    }
}
