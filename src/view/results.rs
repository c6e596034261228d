//! `result_status`: the polite live region that announces how many facts
//! show after a filter or search, and the empty result with its reset.

use yew::prelude::*;

use crate::i18n::Strings;
use crate::state::Action;

/// The live region says nothing until `announce` (the reader has changed
/// the view at least once), so that loading the page is silent.
pub fn result_status(
    facts: usize,
    cards: usize,
    announce: bool,
    strings: &Strings,
    dispatch: &Callback<Action>,
) -> Html {
    let message = match (announce, facts) {
        (false, _) => String::new(),
        (true, 0) => strings.no_results.to_owned(),
        (true, _) => strings.results(facts, cards),
    };
    html! {
        <>
            <p class="fc-results" role="status" aria-live="polite">{ message }</p>
            if facts == 0 {
                <div class="fc-empty">
                    <p class="fc-empty__text">{ strings.no_results }</p>
                    <button type="button" class="fc-empty__reset"
                        onclick={dispatch.reform(|_: MouseEvent| Action::Reset)}>
                        { strings.reset }
                    </button>
                </div>
            }
        </>
    }
}
