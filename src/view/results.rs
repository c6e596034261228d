//! `ResultStatus`: the polite live region that announces how many facts
//! show after a filter or search, and the empty result with its reset.

use yew::prelude::*;

use crate::i18n::UiLang;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ResultStatusProps {
    pub facts: usize,
    pub cards: usize,
    /// Whether the reader has narrowed the view (filter or search); the
    /// region stays silent until they do.
    pub narrowed: bool,
    pub ui_lang: UiLang,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn ResultStatus(props: &ResultStatusProps) -> Html {
    let strings = props.ui_lang.strings();
    // Announce only after the reader changed something, not on load.
    let announced = use_mut_ref(|| false);
    let message = if props.narrowed || *announced.borrow() {
        *announced.borrow_mut() = true;
        if props.facts == 0 {
            strings.no_results.to_owned()
        } else {
            strings.results(props.facts, props.cards)
        }
    } else {
        String::new()
    };
    html! {
        <>
            <p class="fc-results" role="status" aria-live="polite">{ message }</p>
            if props.facts == 0 {
                <div class="fc-empty">
                    <p class="fc-empty__text">{ strings.no_results }</p>
                    <button type="button" class="fc-empty__reset"
                        onclick={props.dispatch.reform(|_: MouseEvent| Action::Reset)}>
                        { strings.reset }
                    </button>
                </div>
            }
        </>
    }
}
