//! `fact_item`: one fact with its status, quote, attribution and source
//! marks.

use yew::prelude::*;

use super::highlight::highlight;
use super::status::{Explained, status_badge};
use crate::i18n::Strings;
use crate::model::excerpts::text_fragment_url;
use crate::model::{Fact, Sheet, SourceMarks};
use crate::search::Query;

/// Where a fact's source marks lead.
#[derive(Clone, Copy)]
pub enum MarkLinks<'a> {
    /// To the entries of the card's source list: the card's anchor (the
    /// entries' ids are made from it by [`source_entry_id`]) and the
    /// callback that opens the list at a source, by source id.
    Card {
        anchor: &'a str,
        open: &'a Callback<String>,
    },
    /// Nowhere: the marks are labels (the certainty view, whose source list
    /// follows the groups; the no-JavaScript fallback).
    None,
}

/// What a fact's marks are drawn from.
#[derive(Clone, Copy)]
pub struct Cites<'a> {
    pub sheet: &'a Sheet,
    pub marks: &'a SourceMarks,
    pub links: MarkLinks<'a>,
    /// Where the fact's status word is explained.
    pub explained: Explained<'a>,
}

/// Whether a fact, a card or a category shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Showing {
    Shown,
    /// Left out by the search, the filter or a compact deck's limit:
    /// hidden, not removed, so that showing it again only flips `hidden`
    /// instead of building it anew.
    Hidden,
    /// Beyond the first few facts of a compact no-JS fallback: no script is
    /// there to show them on the reader's request, so they are off screen
    /// but on paper (`.fc-over-limit`, print.css), as a live compact deck
    /// prints every fact.
    OnPaperOnly,
}

impl Showing {
    /// The `hidden` attribute's value.
    pub fn hidden(self) -> bool {
        self == Showing::Hidden
    }

    /// How a group shows that holds one thing showing as `self` and another
    /// as `other`: as the more visible of the two.
    pub fn either(self, other: Showing) -> Showing {
        match (self, other) {
            (Showing::Shown, _) | (_, Showing::Shown) => Showing::Shown,
            (Showing::OnPaperOnly, _) | (_, Showing::OnPaperOnly) => Showing::OnPaperOnly,
            (Showing::Hidden, Showing::Hidden) => Showing::Hidden,
        }
    }

    /// The class that keeps it off screen, if any.
    pub fn class(self) -> Option<&'static str> {
        (self == Showing::OnPaperOnly).then_some("fc-over-limit")
    }
}

/// The DOM id of the entry for the source at `index` (in `sheet.sources`)
/// in the source list of the card whose anchor is `anchor`. Prefixed, as
/// the card's other ids are, so that no id can meet another.
pub fn source_entry_id(index: usize, anchor: &str) -> String {
    format!("source{index}:{anchor}")
}

/// The DOM id of the excerpt of the citation at `position` of `fact`:
/// the card's anchor where there is one, and the fact's own words, so that
/// the same fact in another view or deck has another id.
fn excerpt_id(links: MarkLinks, fact: &Fact, position: usize) -> String {
    let anchor = match links {
        MarkLinks::Card { anchor, .. } => anchor,
        MarkLinks::None => "",
    };
    // FNV-1a: a few instructions, stable between the server and the browser.
    let hash = fact.text.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    format!("excerpt{position}:{hash:x}:{anchor}")
}

/// One fact as a list item. `context` is the title of the fact's card, shown
/// when the fact appears outside its card (the certainty view). The fact
/// ends with the marks of its sources.
pub fn fact_item(
    fact: &Fact,
    query: &Query,
    context: Option<&str>,
    showing: Showing,
    strings: &Strings,
    cites: Cites,
) -> Html {
    fact_item_marked(fact, query, context, showing, strings, cites, Html::default())
}

/// [`fact_item`], ending with `change`: what a live update did to the fact
/// (`changes.rs`), or nothing.
pub fn fact_item_marked(
    fact: &Fact,
    query: &Query,
    context: Option<&str>,
    showing: Showing,
    strings: &Strings,
    cites: Cites,
    change: Html,
) -> Html {
    let (open, close) = strings.quote_marks;
    let marks = source_marks(fact, strings, cites);
    let last_is_text = fact.quote.is_none() && fact.attribution.is_none();
    let last_is_quote = fact.quote.is_some() && fact.attribution.is_none();
    html! {
        <li class={classes!("fc-fact", showing.class())} data-status={fact.status.as_str()} hidden={showing.hidden()}>
            { status_badge(fact.status, strings, cites.explained) }
            <p class="fc-fact__text">
                { highlight(&fact.text, query) }
                if last_is_text { { marks.clone() } }
            </p>
            if let Some(quote) = &fact.quote {
                // Quotation marks come from the UI language; <q> would add the
                // browser's own and differ between the SSR and browser render.
                <blockquote class="fc-fact__quote"><p>
                    { open }{ highlight(quote, query) }{ close }
                    if last_is_quote { { marks.clone() } }
                </p></blockquote>
            }
            if let Some(attribution) = &fact.attribution {
                <p class="fc-fact__attribution">{ "— " }{ highlight(attribution, query) }{ marks }</p>
            }
            if let Some(context) = context {
                <p class="fc-fact__context">{ strings.in_card }{ ": " }{ highlight(context, query) }</p>
            }
            { change }
        </li>
    }
}

/// The marks of the sources `fact` cites, in its order: a link to each
/// source's entry in the card's list, or a plain label. Each is read as
/// "source 1" and names the source's title on hover.
fn source_marks(fact: &Fact, strings: &Strings, cites: Cites) -> Html {
    let sheet = cites.sheet;
    let marks = fact.sources.iter().enumerate().filter_map(|(position, cited)| {
        let id = &cited.source;
        let index = sheet.sources.iter().position(|source| source.id == *id)?;
        let source = &sheet.sources[index];
        let label = cites.marks.label(sheet, id)?;
        let content = html! {
            <>
                <span class="fc-visually-hidden">{ strings.source_mark }{ " " }</span>
                { label }
            </>
        };
        // A mark with an excerpt opens it: a native popover, which takes no
        // room until opened, works by keyboard and without script (the
        // fallback), and needs no state of ours.
        if let Some(excerpt) = &cited.excerpt {
            let popover = excerpt_id(cites.links, fact, position);
            let url = cites.marks.link(index);
            return Some(html! {
                <>
                    <button type="button" class="fc-cite fc-cite--excerpt" popovertarget={popover.clone()}
                        title={source.title.clone()} data-source={id.clone()}>
                        { content }
                    </button>
                    <span popover="auto" id={popover} class="fc-excerpt">
                        <span class="fc-excerpt__source">{ strings.excerpt_heading }{ ": " }{ source.title.clone() }</span>
                        <q class="fc-excerpt__words" cite={url.map(str::to_owned)}>{ excerpt.clone() }</q>
                        if let Some(url) = url {
                            <a class="fc-excerpt__link" href={text_fragment_url(url, excerpt)} target="_blank" rel="noopener noreferrer">
                                { strings.excerpt_open }
                            </a>
                        }
                    </span>
                </>
            });
        }
        Some(match cites.links {
            MarkLinks::Card { anchor, open } => {
                let onclick = {
                    let id = id.clone();
                    open.reform(move |event: MouseEvent| {
                        // The list is in the same shadow root: the page's URL
                        // stays as it is, and the card opens its list instead.
                        event.prevent_default();
                        id.clone()
                    })
                };
                html! {
                    <a class="fc-cite" href={format!("#{}", source_entry_id(index, anchor))}
                        title={source.title.clone()} data-source={id.clone()} {onclick}>
                        { content }
                    </a>
                }
            }
            MarkLinks::None => html! {
                <span class="fc-cite" title={source.title.clone()} data-source={id.clone()}>{ content }</span>
            },
        })
    });
    // A word joiner first: a mark is an inline block, which a line may
    // break before, and a mark alone on the last line reads as a stray.
    html! { <span class="fc-cites">{ "\u{2060}" }{ for marks }</span> }
}
