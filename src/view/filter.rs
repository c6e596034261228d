//! `category_filter`: toggle buttons that choose which categories show.

use yew::prelude::*;

use crate::i18n::Strings;
use crate::model::Sheet;
use crate::state::{Action, IdSet};

/// A labelled group of toggle buttons (`aria-pressed`), as the WAI-ARIA
/// Authoring Practices describe for filters: "All" plus one per category,
/// each with how many facts it holds that match the search (`counts`, in
/// category order). `chosen` empty means every category.
pub fn category_filter(
    sheet: &Sheet,
    chosen: &IdSet,
    counts: &[usize],
    strings: &Strings,
    dispatch: &Callback<Action>,
) -> Html {
    let chips = sheet.categories.iter().zip(counts).map(|(category, count)| {
        let pressed = chosen.contains(&category.id);
        let id = category.id.clone();
        let onclick = dispatch.reform(move |_: MouseEvent| Action::ToggleCategory(id.clone()));
        html! {
            <li key={category.id.as_str()}>
                <button type="button" class="fc-filter__chip" aria-pressed={pressed.to_string()}
                    data-category={category.id.clone()} {onclick}>
                    { &category.label }
                    <span class="fc-filter__count">{ *count }</span>
                </button>
            </li>
        }
    });
    html! {
        <div class="fc-filter" role="group" aria-label={strings.filter_label}>
            <ul class="fc-filter__chips" role="list">
                <li>
                    <button type="button" class="fc-filter__chip fc-filter__chip--all"
                        aria-pressed={chosen.is_empty().to_string()}
                        onclick={dispatch.reform(|_: MouseEvent| Action::ShowAllCategories)}>
                        { strings.all_categories }
                    </button>
                </li>
                { for chips }
            </ul>
        </div>
    }
}
