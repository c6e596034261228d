//! `CertaintyView`: the facts grouped by how sure they are: what we know,
//! what is claimed or reported, what is unclear or disputed.

use std::rc::Rc;

use yew::prelude::*;

use super::fact::FactItem;
use crate::i18n::UiLang;
use crate::model::Sheet;
use crate::state::{CERTAINTY_GROUPS, Visible};

#[derive(Properties, PartialEq)]
pub struct CertaintyViewProps {
    pub sheet: Rc<Sheet>,
    pub visible: Rc<Visible>,
    pub query: AttrValue,
    pub ui_lang: UiLang,
}

#[component]
pub fn CertaintyView(props: &CertaintyViewProps) -> Html {
    let strings = props.ui_lang.strings();
    let sheet = &props.sheet;
    let groups = CERTAINTY_GROUPS
        .iter()
        .zip(strings.certainty_groups)
        .enumerate()
        .map(|(group, (statuses, label))| {
            let facts: Vec<(usize, usize)> = props
                .visible
                .cards
                .iter()
                .flat_map(|(card, facts)| facts.iter().map(move |fact| (*card, *fact)))
                .filter(|&(card, fact)| statuses.contains(&sheet.cards[card].facts[fact].status))
                .collect();
            if facts.is_empty() {
                return Html::default();
            }
            let heading_id = format!("{}/certainty-{group}", sheet.id);
            html! {
                <section class="fc-certainty__group" key={group}>
                    <h3 class="fc-category__title" id={heading_id}>
                        { label }<span class="fc-certainty__count">{ facts.len() }</span>
                    </h3>
                    <ul class="fc-certainty__facts" role="list">
                        { for facts.into_iter().map(|(card, fact)| html! {
                            <FactItem
                                fact={sheet.cards[card].facts[fact].clone()}
                                query={props.query.clone()}
                                context={AttrValue::from(sheet.cards[card].title.clone())}
                                ui_lang={props.ui_lang}
                            />
                        }) }
                    </ul>
                </section>
            }
        });
    html! { <div class="fc-certainty">{ for groups }</div> }
}
