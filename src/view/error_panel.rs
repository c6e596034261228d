//! `ErrorPanel`: what the reader and the editor see instead of a deck when
//! the sheet cannot be shown.

use yew::prelude::*;

use crate::i18n::UiLang;
use crate::model::Problem;

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    /// The problems, each shown with its JSON path (or line and column).
    pub problems: Vec<Problem>,
    pub ui_lang: UiLang,
}

#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    let strings = props.ui_lang.strings();
    let items = props.problems.iter().map(|problem| {
        let location = if problem.path.is_empty() {
            problem.pos.map(|pos| pos.to_string())
        } else {
            Some(problem.path.clone())
        };
        html! {
            <li class="fc-error__problem">
                if let Some(location) = location {
                    <code class="fc-error__path">{ location }</code>{ ": " }
                }
                { &problem.message }
            </li>
        }
    });
    html! {
        <div class="fc-error" role="alert">
            <h2 class="fc-error__title">{ strings.error_title }</h2>
            <p class="fc-error__intro">{ strings.error_intro }</p>
            <ul class="fc-error__problems">{ for items }</ul>
        </div>
    }
}
