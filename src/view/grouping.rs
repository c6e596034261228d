//! `GroupingSwitch`: shows the facts by topic or by how sure they are.

use yew::prelude::*;

use crate::i18n::UiLang;
use crate::state::{Action, Grouping};

#[derive(Properties, PartialEq)]
pub struct GroupingSwitchProps {
    pub grouping: Grouping,
    pub ui_lang: UiLang,
    pub dispatch: Callback<Action>,
}

/// Two toggle buttons in a labelled group; the pressed one is the view shown.
#[component]
pub fn GroupingSwitch(props: &GroupingSwitchProps) -> Html {
    let strings = props.ui_lang.strings();
    let button = |grouping: Grouping, label: &'static str, name: &'static str| {
        let pressed = props.grouping == grouping;
        html! {
            <button type="button" class="fc-grouping__button" aria-pressed={pressed.to_string()}
                data-grouping={name} onclick={props.dispatch.reform(move |_: MouseEvent| Action::Group(grouping))}>
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
