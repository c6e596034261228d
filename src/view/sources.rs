//! `source_list`: the sources a card cites (or, in the certainty view, the
//! sources of the facts shown), each with its mark, a safe link, and what
//! it backs.

use yew::prelude::*;

use super::fact::source_entry_id;
use crate::i18n::Strings;
use crate::model::{Card, Sheet, SourceMarks, facts_citing};
use crate::state::Action;

/// The list a source list belongs to.
#[derive(Clone, Copy)]
pub enum ListOf<'a> {
    /// A card's own list: each entry has an id the facts' marks lead to,
    /// and says which of the card's facts it backs.
    Card { card: &'a Card, anchor: &'a str },
    /// The sources of the facts the certainty view shows.
    Facts,
}

/// The sources `ids` names, in order, each with its mark and a safe link if
/// it has a url.
pub fn source_list(
    sheet: &Sheet,
    ids: &[&str],
    list: ListOf,
    marks: &SourceMarks,
    strings: &Strings,
    dispatch: &Callback<Action>,
) -> Html {
    let items = ids.iter().filter_map(|id| {
        let index = sheet.sources.iter().position(|source| source.id == *id)?;
        let source = &sheet.sources[index];
        let link = marks.link(index);
        let title = match link {
            Some(url) => html! {
                <a class="fc-sources__link" href={url.to_owned()} target="_blank" rel="noopener noreferrer"
                    onclick={dispatch.reform({
                        let (source, url) = (source.id.clone(), url.to_owned());
                        move |_: MouseEvent| Action::FollowSource { source: source.clone(), url: url.clone() }
                    })}>
                    { &source.title }
                    <span class="fc-visually-hidden">{ " " }{ strings.opens_in_new_tab }</span>
                </a>
            },
            None => html! { <span class="fc-sources__title">{ &source.title }</span> },
        };
        let (entry_id, backs) = match list {
            ListOf::Card { card, anchor } => (
                Some(source_entry_id(index, anchor)),
                Some(strings.cited_for(&facts_citing(card, id), card.facts.len())),
            ),
            ListOf::Facts => (None, None),
        };
        let mark = marks.label(sheet, id).unwrap_or_default();
        Some(html! {
            // tabindex -1: a fact's mark moves the focus here.
            <li class="fc-sources__item" key={source.id.as_str()} id={entry_id} data-source={source.id.clone()}
                tabindex="-1">
                <span class="fc-sources__mark">
                    <span class="fc-visually-hidden">{ strings.source_mark }{ " " }</span>{ mark }
                </span>
                <span class="fc-sources__body">
                    { title }
                    if let Some(publisher) = &source.publisher {
                        <span class="fc-sources__publisher">{ ", " }{ publisher }</span>
                    }
                    if let Some(published) = &source.published {
                        <span class="fc-sources__published">
                            { ", " }{ strings.published }{ " " }
                            <time datetime={published.clone()}>{ strings.format_date(published) }</time>
                        </span>
                    }
                    if let Some(url) = link {
                        <span class="fc-sources__url">{ url }</span>
                    }
                    if let Some(backs) = backs {
                        <span class="fc-sources__backs">{ backs }</span>
                    }
                </span>
            </li>
        })
    });
    // Below a card's title (h4) in a card; below the groups' h3 otherwise.
    let heading = match list {
        ListOf::Card { .. } => "h5",
        ListOf::Facts => "h4",
    };
    html! {
        <>
            <@{heading} class="fc-sources__heading">{ strings.sources_heading }</@>
            <ul class="fc-sources" role="list">{ for items }</ul>
        </>
    }
}
