//! `certainty_view`: the facts grouped by how sure they are: what we know,
//! what is claimed or reported, what is unclear or disputed.

use yew::prelude::*;

use super::fact::fact_item;
use crate::i18n::Strings;
use crate::model::Sheet;
use crate::search::Query;
use crate::state::{CERTAINTY_GROUPS, Visible};

/// Three groups (confirmed; claimed or reported; unclear or disputed) of the
/// facts in `visible`, each fact with the title of its card.
pub fn certainty_view(sheet: &Sheet, visible: &Visible, query: &Query, strings: &Strings) -> Html {
    let groups = CERTAINTY_GROUPS
        .iter()
        .zip(strings.certainty_groups)
        .enumerate()
        .map(|(group, (statuses, label))| {
            let facts: Vec<(usize, usize)> = visible
                .cards
                .iter()
                .flat_map(|(card, facts)| facts.iter().map(move |fact| (*card, *fact)))
                .filter(|&(card, fact)| statuses.contains(&sheet.cards[card].facts[fact].status))
                .collect();
            if facts.is_empty() {
                return Html::default();
            }
            let heading_id = format!("certainty:{}/{group}", sheet.id);
            html! {
                <section class="fc-certainty__group" key={group}>
                    <h3 class="fc-category__title" id={heading_id}>
                        { label }<span class="fc-certainty__count">{ facts.len() }</span>
                    </h3>
                    <ul class="fc-certainty__facts" role="list">
                        { for facts.into_iter().map(|(card, fact)| {
                            let card = &sheet.cards[card];
                            fact_item(&card.facts[fact], query, Some(&card.title), false, strings)
                        }) }
                    </ul>
                </section>
            }
        });
    html! { <div class="fc-certainty">{ for groups }</div> }
}
