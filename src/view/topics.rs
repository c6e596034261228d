//! The topic view: the deck's cards grouped by category, beside
//! `certainty.rs`, which groups the same facts by how sure they are.

use std::rc::Rc;

use yew::prelude::*;

use super::card::FactCard;
use super::fact::Showing;
use crate::i18n::UiLang;
use crate::live::ChangeMarks;
use crate::model::{Sheet, SourceMarks, Status, WorldShapes};
use crate::state::{Action, ViewState, Visible};

/// What the topic view is drawn from.
pub struct Topics<'a> {
    pub sheet: &'a Rc<Sheet>,
    /// The sheet's source marks.
    pub marks: &'a Rc<SourceMarks>,
    /// Opens the status legend at a status (see `FactCard`).
    pub open_legend: Option<&'a Callback<Status>>,
    /// The cards and facts the search leaves, whatever the filter.
    pub searched: &'a Visible,
    pub view: &'a ViewState,
    /// How many cards, in display order, have rendered so far.
    pub rendered: usize,
    /// The search text, to highlight.
    pub query: &'a AttrValue,
    pub ui_lang: UiLang,
    pub dispatch: &'a Callback<Action>,
    pub map: Option<&'a Rc<WorldShapes>>,
    pub map_loading: bool,
    /// Whether this is the no-JS fallback (see `FactCard`'s `static_markup`).
    pub static_markup: bool,
    /// What live updates changed (`live.rs`).
    pub changes: &'a ChangeMarks,
}

/// The topic view: the first `rendered` cards in display order (every card
/// once a big sheet has rendered in full), grouped by category, with the
/// ones the filter or the search leaves out hidden rather than removed. A
/// category toggle then only flips `hidden` on each card's slot, and the
/// cards' props stay equal, so Yew re-renders none of them: cheap both ways.
pub fn topic_sections(topics: Topics) -> Html {
    let Topics {
        sheet,
        marks,
        open_legend,
        searched,
        view,
        rendered,
        query,
        ui_lang,
        dispatch,
        map,
        map_loading,
        static_markup,
        changes,
    } = topics;
    // The facts of each card that match the search, whatever the filter.
    let mut matching: Vec<Option<&[usize]>> = vec![None; sheet.cards.len()];
    for (card, facts) in &searched.cards {
        matching[*card] = Some(facts);
    }
    // Each card's position in display order, counted across the sections.
    let mut position = 0;
    let mut sections = Vec::new();
    for category in &sheet.categories {
        if position >= rendered {
            break;
        }
        let shown_category = view.shows_category(&category.id);
        let mut category_showing = Showing::Hidden;
        let mut cards = Vec::new();
        for (index, card) in sheet
            .cards
            .iter()
            .enumerate()
            .filter(|(_, card)| card.category == category.id)
        {
            let facts = matching[index].unwrap_or(&[]);
            let showing = match (shown_category, facts.is_empty()) {
                (false, _) => Showing::Hidden,
                (true, false) => Showing::Shown,
                // Nothing is searched in the no-JS fallback: a card it
                // leaves out of a shown category is beyond a compact
                // deck's first few facts.
                (true, true) if static_markup => Showing::OnPaperOnly,
                (true, true) => Showing::Hidden,
            };
            category_showing = category_showing.either(showing);
            position += 1;
            if position > rendered {
                continue;
            }
            // The slot carries `hidden`, so that hiding or showing a card
            // leaves the card's own props equal and Yew skips it; a hidden
            // card keeps the props of the whole card with no search, so a
            // keystroke that hides thousands of cards re-renders none of them.
            let (facts, query) = if showing == Showing::Shown {
                (Rc::<[usize]>::from(facts), query.clone())
            } else {
                (
                    (0..card.facts.len()).collect::<Rc<[usize]>>(),
                    AttrValue::default(),
                )
            };
            cards.push(html! {
                <div class={classes!("fc-card-slot", showing.class())} key={card.id.as_str()} hidden={showing.hidden()}>
                <FactCard
                    sheet={Rc::clone(sheet)}
                    marks={Rc::clone(marks)}
                    open_legend={open_legend.cloned()}
                    {index}
                    {facts}
                    {query}
                    expanded={view.is_expanded(&card.id)}
                    {ui_lang}
                    dispatch={dispatch.clone()}
                    map={map.cloned()}
                    {map_loading}
                    {static_markup}
                    changes={changes.of_card(sheet, index).map(Rc::new)}
                />
                </div>
            });
        }
        let heading_id = format!("heading:{}/{}", sheet.id, category.id);
        sections.push(html! {
            <section key={category.id.as_str()} class={classes!("fc-category", category_showing.class())}
                hidden={category_showing.hidden()}>
                <div class="fc-category__label">
                    <h3 class="fc-category__title" id={heading_id}>{ &category.label }</h3>
                    if let Some(description) = &category.description {
                        <p class="fc-category__description">{ description }</p>
                    }
                </div>
                <div class="fc-category__cards">{ for cards }</div>
            </section>
        });
    }
    html! { <div class="fc-deck__categories">{ for sections }</div> }
}
