//! `source_list`: the sources a card cites, with safe links.

use yew::prelude::*;

use crate::i18n::Strings;
use crate::model::{Sheet, check_url};
use crate::state::Action;

/// The sources `ids` names, in order, each with a safe link if it has a url.
pub fn source_list(sheet: &Sheet, ids: &[&str], strings: &Strings, dispatch: &Callback<Action>) -> Html {
    let items = ids.iter().filter_map(|id| sheet.source(id)).map(|source| {
        // Validation already refused other schemes; checking again here means
        // a sheet built in code (the Yew API) cannot slip a javascript: link in.
        let link = source.url.as_deref().filter(|url| check_url(url).is_ok());
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
        html! {
            <li class="fc-sources__item" key={source.id.as_str()}>
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
            </li>
        }
    });
    html! {
        <>
            <h5 class="fc-sources__heading">{ strings.sources_heading }</h5>
            <ul class="fc-sources" role="list">{ for items }</ul>
        </>
    }
}
