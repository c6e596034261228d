//! `grouping_switch`: shows the facts by topic or by how sure they are.

use yew::prelude::*;

use crate::i18n::Strings;
use crate::state::{Action, Grouping};

/// Two toggle buttons in a labelled group; the pressed one is the view shown.
pub fn grouping_switch(grouping: Grouping, strings: &Strings, dispatch: &Callback<Action>) -> Html {
    let button = |choice: Grouping, label: &'static str, name: &'static str| {
        html! {
            <button type="button" class="fc-grouping__button" aria-pressed={(grouping == choice).to_string()}
                data-grouping={name} onclick={dispatch.reform(move |_: MouseEvent| Action::Group(choice))}>
                { label }
            </button>
        }
    };
    html! {
        <div class="fc-grouping" role="group" aria-label={strings.grouping_label}>
            { button(Grouping::Topic, strings.by_topic, "topic") }
            { button(Grouping::Certainty, strings.by_certainty, "certainty") }
        </div>
    }
}
