//! `certainty_view`: the facts grouped by how sure they are: what we know,
//! what is claimed or reported, what is unclear or disputed.

use yew::prelude::*;

use super::fact::{Cites, MarkLinks, Showing, fact_item};
use super::sources::{ListOf, source_list};
use super::status::Explained;
use crate::i18n::Strings;
use crate::model::{Sheet, SourceMarks, Status};
use crate::search::Query;
use crate::state::{Action, CERTAINTY_GROUPS, Visible};

/// Three groups (confirmed; claimed or reported; unclear or disputed) of the
/// facts in `visible`, each fact with the title of its card and its source
/// marks, then the list of the sources those facts cite, with the same
/// marks.
pub fn certainty_view(
    sheet: &Sheet,
    visible: &Visible,
    query: &Query,
    marks: &SourceMarks,
    strings: &Strings,
    dispatch: &Callback<Action>,
    open_legend: Option<&Callback<Status>>,
) -> Html {
    let cites = Cites {
        sheet,
        marks,
        links: MarkLinks::None,
        explained: match open_legend {
            Some(open) => Explained::Legend {
                sheet_id: &sheet.id,
                open,
            },
            None => Explained::Not,
        },
    };
    // The sources of the facts shown, in the order of their marks.
    let mut cited: Vec<&str> = Vec::new();
    for (card, facts) in &visible.cards {
        for fact in facts {
            for citation in &sheet.cards[*card].facts[*fact].sources {
                if !cited.contains(&citation.source.as_str()) {
                    cited.push(&citation.source);
                }
            }
        }
    }
    let position = |id: &str| sheet.sources.iter().position(|source| source.id == id);
    cited.sort_by_key(|id| {
        let label = position(id)
            .map(|index| marks.labels()[index].clone())
            .unwrap_or_default();
        (label.parse::<usize>().unwrap_or(usize::MAX), label)
    });
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
                            fact_item(&card.facts[fact], query, Some(&card.title), Showing::Shown, strings, cites)
                        }) }
                    </ul>
                </section>
            }
        });
    html! {
        <div class="fc-certainty">
            { for groups }
            if !cited.is_empty() {
                <div class="fc-certainty__sources">
                    { source_list(sheet, &cited, ListOf::Facts, marks, strings, dispatch) }
                </div>
            }
        </div>
    }
}
