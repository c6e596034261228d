//! `PublishedPanel`: on the Publish tab, what publishing the draft would
//! change compared with the version at the published address, in the words
//! of `factcards diff` with places named as the forms name them, and a button to read that version again. It renders
//! `state.published` (`published.rs`) and dispatches; the app's effect
//! fetches.

use yew::prelude::*;

use super::published::Published;
use super::state::Action;
use crate::i18n::UiLang;

/// Properties of [`PublishedPanel`].
#[derive(Properties, PartialEq)]
pub struct PublishedPanelProps {
    /// The published version and how the draft compares with it.
    pub published: Published,
    /// Whether there is a published address to read (else the button is off).
    pub has_url: bool,
    pub lang: UiLang,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn PublishedPanel(props: &PublishedPanelProps) -> Html {
    let s = props.lang.editor_strings();
    let check = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::CheckPublished))
    };
    let body = match &props.published {
        Published::NotFetched => html! { <p class="ed-hint">{ s.published_none }</p> },
        Published::Fetching { url, .. } => html! {
            <p class="ed-hint">{ format!("{} {url}…", s.published_checking) }</p>
        },
        Published::Fetched {
            url,
            comparison: Ok(comparison),
            ..
        } => html! {
            <>
                <p id="published-summary">{ format!("{} {url}: {}", s.published_compared, comparison.summary) }</p>
                if comparison.is_empty() {
                    <p id="published-same">{ s.published_no_changes }</p>
                } else {
                    <pre class="ed-code ed-published__diff" id="published-diff">
                        { comparison.lines(props.lang).join("\n") }
                    </pre>
                }
            </>
        },
        Published::Fetched {
            url,
            comparison: Err(error),
            ..
        }
        | Published::Failed { url, error } => html! {
            <p class="ed-published__error" id="published-error">{ error.line(url, s) }</p>
        },
    };
    html! {
        <section class="ed-published" aria-labelledby="h-published">
            <h3 id="h-published">{ s.published_heading }</h3>
            <div aria-live="polite">{ body }</div>
            <button type="button" id="published-check" onclick={check}
                disabled={!props.has_url}>{ s.published_check }</button>
        </section>
    }
}
