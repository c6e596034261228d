//! `CategoryFilter`: toggle buttons that choose which categories show.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::UiLang;
use crate::model::Sheet;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct CategoryFilterProps {
    pub sheet: Rc<Sheet>,
    /// The chosen category ids; empty means all.
    pub chosen: Vec<String>,
    /// How many facts of each category match the search, in category order.
    pub counts: Vec<usize>,
    pub ui_lang: UiLang,
    pub dispatch: Callback<Action>,
}

/// A labelled group of toggle buttons (`aria-pressed`), as the WAI-ARIA
/// Authoring Practices describe for filters: "All" plus one per category.
#[component]
pub fn CategoryFilter(props: &CategoryFilterProps) -> Html {
    let strings = props.ui_lang.strings();
    let all_pressed = props.chosen.is_empty();
    let show_all = props.dispatch.reform(|_: MouseEvent| Action::ShowAllCategories);
    let chips = props
        .sheet
        .categories
        .iter()
        .zip(&props.counts)
        .map(|(category, count)| {
            let pressed = props.chosen.contains(&category.id);
            let id = category.id.clone();
            let onclick = props
                .dispatch
                .reform(move |_: MouseEvent| Action::ToggleCategory(id.clone()));
            html! {
                <li key={category.id.as_str()}>
                    <button type="button" class="fc-filter__chip" aria-pressed={pressed.to_string()}
                        data-category={category.id.clone()} {onclick}>
                        { &category.label }
                        <span class="fc-filter__count">{ count }</span>
                    </button>
                </li>
            }
        });
    html! {
        <div class="fc-filter" role="group" aria-label={strings.filter_label}>
            <ul class="fc-filter__chips" role="list">
                <li>
                    <button type="button" class="fc-filter__chip fc-filter__chip--all"
                        aria-pressed={all_pressed.to_string()} onclick={show_all}>
                        { strings.all_categories }
                    </button>
                </li>
                { for chips }
            </ul>
        </div>
    }
}
