//! `StatusBadge`: how sure a fact is, as a word (and a colour).

use yew::prelude::*;

use crate::i18n::UiLang;
use crate::model::Status;

#[derive(Properties, PartialEq)]
pub struct StatusBadgeProps {
    pub status: Status,
    pub ui_lang: UiLang,
}

#[component]
pub fn StatusBadge(props: &StatusBadgeProps) -> Html {
    let strings = props.ui_lang.strings();
    let class = classes!("fc-status", format!("fc-status--{}", props.status.as_str()));
    html! {
        <span {class} data-status={props.status.as_str()}>
            <span class="fc-visually-hidden">{ strings.status_label }{ ": " }</span>
            { strings.status(props.status) }
        </span>
    }
}
