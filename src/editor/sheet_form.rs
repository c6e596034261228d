//! `SheetForm`: the form steps, each a form for its part of the sheet: the
//! story (its own fields and corrections), the sources, and the categories
//! with the cards (a list, and the chosen card's form with its facts and
//! places).

use std::rc::Rc;

use yew::prelude::*;

use super::fields::{
    Kind, add_button, date_field, event_value, item_controls, problems_at, select_value, text_field,
};
use super::glue;
use super::state::{Action, Field, Item, List, Tab};
use super::words::LANGUAGES;
use crate::i18n::{EditorStrings, UiLang};
use crate::model::{Problem, Sheet, Status, World};

/// Properties of [`SheetForm`].
#[derive(Properties, PartialEq)]
pub struct SheetFormProps {
    /// The step whose part of the sheet is shown: Story, Sources or Cards.
    pub step: Tab,
    pub sheet: Rc<Sheet>,
    pub problems: Rc<[Problem]>,
    /// The saved copy of each source that has one, by source id (see
    /// `EditorState::saved_copies`).
    pub saved_copies: Rc<[(String, String)]>,
    /// The card whose form is open, if any.
    pub selected_card: Option<usize>,
    pub lang: UiLang,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn SheetForm(props: &SheetFormProps) -> Html {
    let s = props.lang.editor_strings();
    let sheet = &props.sheet;
    let problems = &props.problems;
    let d = &props.dispatch;
    let story = || {
        html! {
            <>
            <section class="ed-section" id="f-sheet" tabindex="-1" aria-labelledby="h-story">
                <h2 id="h-story">{ s.header_heading }</h2>
                { text_field(s.title, Field::Title, &sheet.title, Kind::Line, problems, d) }
                { text_field(s.sheet_id, Field::SheetId, &sheet.id, Kind::Line, problems, d) }
                { text_field(s.summary, Field::Summary, &sheet.summary, Kind::Lines, problems, d) }
                { date_field(s, s.updated, Field::Updated, &sheet.updated, true, problems, d) }
                <div class="ed-row">
                    { language_field(s, &sheet.lang, problems, d) }
                    { text_field(s.refresh, Field::Refresh, &sheet.refresh.map(|s| s.to_string()).unwrap_or_default(), Kind::Line, problems, d) }
                </div>
                { text_field(s.credit, Field::Credit, sheet.credit.as_deref().unwrap_or(""), Kind::Line, problems, d) }
            </section>
            { corrections(s, sheet, problems, d) }
            </>
        }
    };
    html! {
        <div class="ed-form">
            { match props.step {
                Tab::Sources => sources(s, sheet, problems, &props.saved_copies, d),
                Tab::Cards => html! {
                    <>
                    { cards(s, sheet, problems, props.selected_card, d) }
                    if let Some(card) = props.selected_card.filter(|&c| c < sheet.cards.len()) {
                        { card_form(s, props.lang, sheet, card, problems, &props.saved_copies, d) }
                    }
                    { categories(s, sheet, problems, d) }
                    </>
                },
                _ => story(),
            } }
        </div>
    }
}

/// The story's language as a list of names (each in its own language), with
/// the sheet's own tag kept as a choice when the list does not have it.
fn language_field(s: &EditorStrings, tag: &str, problems: &[Problem], d: &Callback<Action>) -> Html {
    let id = Field::Lang.dom_id();
    let path = Field::Lang.path();
    let messages = problems_at(problems, &path);
    let message_id = format!("{id}-problems");
    let known = LANGUAGES.iter().any(|(known, _)| *known == tag);
    let on_change = {
        let d = d.clone();
        Callback::from(move |event: Event| d.emit(Action::Edit(Field::Lang, select_value(&event))))
    };
    html! {
        <div class="ed-field">
            <label for={id.clone()}>{ s.lang }</label>
            <select {id} onchange={on_change} aria-invalid={(!messages.is_empty()).then_some("true")}
                aria-describedby={(!messages.is_empty()).then(|| message_id.clone())}>
                if !known {
                    <option value={tag.to_owned()} selected=true>
                        { if tag.is_empty() { s.other_language.to_owned() } else { format!("{tag} ({})", s.other_language) } }
                    </option>
                }
                { for LANGUAGES.iter().map(|(code, name)| html! {
                    <option value={*code} lang={*code} selected={*code == tag}>{ *name }</option>
                }) }
            </select>
            if !messages.is_empty() {
                <p class="ed-field__problem" id={message_id}>{ messages.join(" · ") }</p>
            }
        </div>
    }
}

/// The list-level problems (`sources`: the list is empty...) under a heading.
fn list_problems(problems: &[Problem], path: &str) -> Html {
    let messages = problems_at(problems, path);
    if messages.is_empty() {
        return Html::default();
    }
    html! { <p class="ed-field__problem">{ messages.join(" · ") }</p> }
}

fn sources(
    s: &EditorStrings,
    sheet: &Sheet,
    problems: &[Problem],
    copies: &[(String, String)],
    d: &Callback<Action>,
) -> Html {
    let count = sheet.sources.len();
    html! {
        <section class="ed-section" id="f-sources" tabindex="-1" aria-labelledby="h-sources">
            <h2 id="h-sources">{ s.sources_heading }</h2>
            { list_problems(problems, "sources") }
            { for sheet.sources.iter().enumerate().map(|(i, source)| html! {
                <fieldset class="ed-item" id={format!("f-sources-{i}")} tabindex="-1">
                    <legend>{ format!("{} {}", s.source, i + 1) }</legend>
                    { text_field(s.title, Field::SourceTitle(i), &source.title, Kind::Line, problems, d) }
                    <div class="ed-row">
                        { text_field(s.id, Field::SourceId(i), &source.id, Kind::Line, problems, d) }
                        { text_field(s.publisher, Field::SourcePublisher(i), source.publisher.as_deref().unwrap_or(""), Kind::Line, problems, d) }
                        { text_field(s.source_mark, Field::SourceLabel(i), source.label.as_deref().unwrap_or(""), Kind::Line, problems, d) }
                    </div>
                    <div class="ed-row">
                        { text_field(s.url, Field::SourceUrl(i), source.url.as_deref().unwrap_or(""), Kind::Url, problems, d) }
                        { date_field(s, s.published, Field::SourcePublished(i), source.published.as_deref().unwrap_or(""), false, problems, d) }
                    </div>
                    { saved_copy_field(s, i, &source.id, copies, d) }
                    { item_controls(s, s.source, "sources", i, count, Item::Source(i), d) }
                </fieldset>
            }) }
            { add_button(s.add_source, "sources", Action::Add(List::Sources), d) }
        </section>
    }
}

/// The box for a source's saved copy: the editor's own, checked against
/// the excerpts of the facts citing the source (their problems show at
/// their Excerpt fields).
fn saved_copy_field(
    s: &EditorStrings,
    index: usize,
    source: &str,
    copies: &[(String, String)],
    d: &Callback<Action>,
) -> Html {
    let id = format!("f-sources-{index}-copy");
    let hint = format!("{id}-hint");
    let value = copies
        .iter()
        .find(|(id, _)| id == source)
        .map_or(String::new(), |(_, text)| text.clone());
    let oninput = {
        let (d, source) = (d.clone(), source.to_owned());
        Callback::from(move |event: InputEvent| {
            d.emit(Action::SetSavedCopy {
                source: source.clone(),
                text: event_value(&event),
            })
        })
    };
    html! {
        <div class="ed-field">
            <label for={id.clone()}>{ s.saved_copy }</label>
            <textarea id={id} rows="4" {value} {oninput} aria-describedby={hint.clone()} />
            <p class="ed-hint" id={hint}>{ s.saved_copy_hint }</p>
        </div>
    }
}

/// The source's saved copy under a citation's Excerpt field, read-only: the
/// words selected in it become the excerpt, exactly as the source has them.
fn excerpt_picker(s: &EditorStrings, field: Field, copy: &str, d: &Callback<Action>) -> Html {
    let id = format!("{}-copy", field.dom_id());
    let onclick = {
        let (d, id) = (d.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(words) = glue::selected_text(&id).filter(|words| !words.trim().is_empty()) {
                d.emit(Action::Edit(field, words.trim().to_owned()));
            }
        })
    };
    html! {
        <details class="ed-pick">
            <summary>{ s.pick_excerpt }</summary>
            <label class="ed-visually-hidden" for={id.clone()}>{ s.saved_copy }</label>
            <textarea id={id.clone()} rows="6" readonly=true value={copy.to_owned()} />
            <button type="button" id={format!("{id}-use")} {onclick}>{ s.use_selection }</button>
        </details>
    }
}

fn categories(s: &EditorStrings, sheet: &Sheet, problems: &[Problem], d: &Callback<Action>) -> Html {
    let count = sheet.categories.len();
    html! {
        <section class="ed-section" id="f-categories" tabindex="-1" aria-labelledby="h-categories">
            <h2 id="h-categories">{ s.categories_heading }</h2>
            { list_problems(problems, "categories") }
            { for sheet.categories.iter().enumerate().map(|(i, category)| html! {
                <fieldset class="ed-item" id={format!("f-categories-{i}")} tabindex="-1">
                    <legend>{ format!("{} {}", s.category, i + 1) }</legend>
                    <div class="ed-row">
                        { text_field(s.label, Field::CategoryLabel(i), &category.label, Kind::Line, problems, d) }
                        { text_field(s.id, Field::CategoryId(i), &category.id, Kind::Line, problems, d) }
                    </div>
                    { text_field(s.description, Field::CategoryDescription(i), category.description.as_deref().unwrap_or(""), Kind::Line, problems, d) }
                    { item_controls(s, s.category, "categories", i, count, Item::Category(i), d) }
                </fieldset>
            }) }
            { add_button(s.add_category, "categories", Action::Add(List::Categories), d) }
        </section>
    }
}

/// The cards as a list of rows: each opens its form below.
fn cards(
    s: &EditorStrings,
    sheet: &Sheet,
    problems: &[Problem],
    selected: Option<usize>,
    d: &Callback<Action>,
) -> Html {
    let count = sheet.cards.len();
    html! {
        <section class="ed-section" id="f-cards" tabindex="-1" aria-labelledby="h-cards">
            <h2 id="h-cards">{ s.cards_heading }</h2>
            { list_problems(problems, "cards") }
            <ol class="ed-card-list">
                { for sheet.cards.iter().enumerate().map(|(i, card)| {
                    let select = {
                        let d = d.clone();
                        Callback::from(move |_: MouseEvent| d.emit(Action::SelectCard(Some(i))))
                    };
                    let current = selected == Some(i);
                    let label = sheet.category(&card.category).map_or(s.no_category, |c| c.label.as_str());
                    let title = if card.title.is_empty() { format!("{} {}", s.card, i + 1) } else { card.title.clone() };
                    html! {
                        <li class={classes!("ed-card-row", current.then_some("ed-card-row--current"))}>
                            <button type="button" class="ed-card-row__open" id={format!("f-cards-{i}-open")}
                                aria-pressed={if current { "true" } else { "false" }} onclick={select}>
                                <span class="ed-card-row__title">{ title }</span>
                                <span class="ed-card-row__meta">{ format!("{label} · {}", card.facts.len()) }</span>
                            </button>
                            { item_controls(s, s.card, "cards", i, count, Item::Card(i), d) }
                        </li>
                    }
                }) }
            </ol>
            { add_button(s.add_card, "cards", Action::Add(List::Cards), d) }
        </section>
    }
}

/// The chosen card's form: id, title, category, places and facts.
fn card_form(
    s: &EditorStrings,
    lang: UiLang,
    sheet: &Sheet,
    c: usize,
    problems: &[Problem],
    copies: &[(String, String)],
    d: &Callback<Action>,
) -> Html {
    let card = &sheet.cards[c];
    let category_id = Field::CardCategory(c).dom_id();
    let on_category = {
        let d = d.clone();
        Callback::from(move |event: Event| d.emit(Action::Edit(Field::CardCategory(c), select_value(&event))))
    };
    let category_known = sheet.category(&card.category).is_some();
    let facts = card.facts.len();
    html! {
        <section class="ed-section ed-card-form" id={format!("f-cards-{c}")} tabindex="-1"
            aria-labelledby="h-card">
            <h2 id="h-card">{ format!("{} {}: {}", s.card, c + 1, card.title) }</h2>
            { text_field(s.title, Field::CardTitle(c), &card.title, Kind::Line, problems, d) }
            <div class="ed-row">
                { text_field(s.id, Field::CardId(c), &card.id, Kind::Line, problems, d) }
                <div class="ed-field">
                    <label for={category_id.clone()}>{ s.category }</label>
                    <select id={category_id} onchange={on_category}>
                        if !category_known {
                            <option value={card.category.clone()} selected=true>
                                { if card.category.is_empty() { s.no_category.to_owned() } else { card.category.clone() } }
                            </option>
                        }
                        { for sheet.categories.iter().map(|category| html! {
                            <option value={category.id.clone()} selected={category.id == card.category}>
                                { if category.label.is_empty() { category.id.clone() } else { category.label.clone() } }
                            </option>
                        }) }
                    </select>
                    { list_problems(problems, &Field::CardCategory(c).path()) }
                </div>
            </div>
            { regions(s, lang, c, &card.regions, problems, d) }
            <h3>{ s.facts_heading }</h3>
            { list_problems(problems, &format!("cards[{c}].facts")) }
            { for card.facts.iter().enumerate().map(|(f, fact)| fact_form(s, lang, sheet, c, f, facts, fact, problems, copies, d)) }
            { add_button(s.add_fact, &format!("cards[{c}].facts"), Action::Add(List::Facts(c)), d) }
        </section>
    }
}

/// A card's places: the chosen ones, and a type-ahead over the map's names.
fn regions(
    s: &EditorStrings,
    lang: UiLang,
    c: usize,
    chosen: &[String],
    problems: &[Problem],
    d: &Callback<Action>,
) -> Html {
    let world = World::get();
    let tag = lang.strings().tag;
    let input_id = format!("f-cards-{c}-regions");
    let list_id = "ed-places";
    let on_key = {
        let d = d.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" {
                event.prevent_default();
                if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                    d.emit(Action::AddRegion(c, place_code(&input.value())));
                    input.set_value("");
                }
            }
        })
    };
    let on_change = {
        let d = d.clone();
        Callback::from(move |event: Event| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                let code = place_code(&input.value());
                if World::get().is_known(&code) {
                    d.emit(Action::AddRegion(c, code));
                    input.set_value("");
                }
            }
        })
    };
    html! {
        <div class="ed-field ed-regions">
            <label for={input_id.clone()}>{ s.regions }</label>
            <ul class="ed-chips">
                { for chosen.iter().enumerate().map(|(i, entry)| {
                    let name = world.names(entry).map_or(entry.as_str(), |names| names.get(tag)).to_owned();
                    let remove = {
                        let d = d.clone();
                        Callback::from(move |_: MouseEvent| d.emit(Action::RemoveRegion(c, i)))
                    };
                    html! {
                        <li class="ed-chip">
                            { format!("{name} ({entry})") }
                            <button type="button" aria-label={format!("{}: {name}", s.remove)} onclick={remove}>{ "×" }</button>
                        </li>
                    }
                }) }
            </ul>
            <input id={input_id} type="text" list={list_id} autocomplete="off"
                onkeydown={on_key} onchange={on_change} />
            <datalist id={list_id}>
                { for world.regions().iter().map(|region| html! {
                    <option value={region.key.clone()} label={region.names.get(tag).to_owned()} />
                }) }
                { for world.countries().iter().map(|country| html! {
                    <option value={country.code.clone()} label={country.names.get(tag).to_owned()} />
                }) }
            </datalist>
            { list_problems(problems, &format!("cards[{c}].regions")) }
        </div>
    }
}

/// A typed place as a sheet names it: a code or key as it is, a name
/// (in English or Russian) as its code.
fn place_code(typed: &str) -> String {
    let typed = typed.trim();
    let world = World::get();
    if world.is_known(typed) {
        return typed.to_owned();
    }
    let upper = typed.to_uppercase();
    if world.is_known(&upper) {
        return upper;
    }
    let lower = typed.to_lowercase();
    world
        .countries()
        .iter()
        .find(|country| country.names.en.to_lowercase() == lower || country.names.ru.to_lowercase() == lower)
        .map(|country| country.code.clone())
        .or_else(|| {
            world
                .regions()
                .iter()
                .find(|region| {
                    region.names.en.to_lowercase() == lower || region.names.ru.to_lowercase() == lower
                })
                .map(|region| region.key.clone())
        })
        .unwrap_or_else(|| typed.to_owned())
}

#[allow(clippy::too_many_arguments)]
fn fact_form(
    s: &EditorStrings,
    lang: UiLang,
    sheet: &Sheet,
    c: usize,
    f: usize,
    count: usize,
    fact: &crate::model::Fact,
    problems: &[Problem],
    copies: &[(String, String)],
    d: &Callback<Action>,
) -> Html {
    let status_id = format!("f-cards-{c}-facts-{f}-status");
    let legend_id = format!("{status_id}-legend");
    let on_status = {
        let d = d.clone();
        Callback::from(move |event: Event| {
            if let Some(status) = Status::from_name(&select_value(&event)) {
                d.emit(Action::SetStatus(c, f, status));
            }
        })
    };
    let reader = lang.strings();
    let legend_line = Status::ALL
        .iter()
        .position(|&status| status == fact.status)
        .map_or("", |i| s.status_legend[i]);
    // Cited ids that name no source are listed too, so they can be unticked.
    let mut ids: Vec<(String, String)> = sheet
        .sources
        .iter()
        .map(|source| {
            (
                source.id.clone(),
                if source.title.is_empty() {
                    source.id.clone()
                } else {
                    source.title.clone()
                },
            )
        })
        .collect();
    for cited in &fact.sources {
        let cited = &cited.source;
        if !ids.iter().any(|(id, _)| id == cited) {
            ids.push((cited.clone(), format!("{cited} (?)")));
        }
    }
    let sources_path = format!("cards[{c}].facts[{f}].sources");
    let sources_messages: Vec<String> = problems
        .iter()
        .filter(|problem| problem.path.starts_with(&sources_path))
        .map(|problem| problem.message.clone())
        .collect();
    html! {
        <fieldset class="ed-item ed-fact" id={format!("f-cards-{c}-facts-{f}")} tabindex="-1">
            <legend>{ format!("{} {}", s.fact, f + 1) }</legend>
            { text_field(s.fact_text, Field::FactText(c, f), &fact.text, Kind::Lines, problems, d) }
            <div class="ed-field">
                <label for={status_id.clone()}>{ s.status }</label>
                <select id={status_id} onchange={on_status} aria-describedby={legend_id.clone()}>
                    { for Status::ALL.iter().map(|&status| html! {
                        <option value={status.as_str()} selected={status == fact.status}>{ reader.status(status) }</option>
                    }) }
                </select>
                <p class="ed-hint" id={legend_id}>{ legend_line }</p>
            </div>
            <fieldset class="ed-checks" id={crate::editor::state::field_id(&sources_path)} tabindex="-1">
                <legend>{ s.fact_sources }</legend>
                { for ids.iter().enumerate().map(|(i, (id, title))| {
                    let check_id = format!("f-cards-{c}-facts-{f}-sources-{i}");
                    let toggle = {
                        let d = d.clone();
                        let id = id.clone();
                        Callback::from(move |_: Event| d.emit(Action::ToggleFactSource(c, f, id.clone())))
                    };
                    html! {
                        <label class="ed-check" for={check_id.clone()}>
                            <input type="checkbox" id={check_id} checked={fact.sources.iter().any(|cited| cited.source == *id)} onchange={toggle} />
                            { title.clone() }
                        </label>
                    }
                }) }
                if !sources_messages.is_empty() {
                    <p class="ed-field__problem">{ sources_messages.join(" · ") }</p>
                }
            </fieldset>
            // One excerpt per cited source, named by the source as the
            // checkboxes above name it.
            { for fact.sources.iter().enumerate().map(|(i, cited)| {
                let title = ids
                    .iter()
                    .find(|(id, _)| *id == cited.source)
                    .map_or(cited.source.as_str(), |(_, title)| title.as_str());
                let label = format!("{}: {title}", s.excerpt);
                let value = cited.excerpt.as_deref().unwrap_or("");
                let copy = copies.iter().find(|(id, _)| *id == cited.source).map(|(_, text)| text.as_str());
                html! {
                    <>
                    { text_field(&label, Field::FactExcerpt(c, f, i), value, Kind::Lines, problems, d) }
                    if let Some(copy) = copy.filter(|copy| !copy.trim().is_empty()) {
                        { excerpt_picker(s, Field::FactExcerpt(c, f, i), copy, d) }
                    }
                    </>
                }
            }) }
            <div class="ed-row">
                { text_field(s.attribution, Field::FactAttribution(c, f), fact.attribution.as_deref().unwrap_or(""), Kind::Line, problems, d) }
                { text_field(s.quote, Field::FactQuote(c, f), fact.quote.as_deref().unwrap_or(""), Kind::Lines, problems, d) }
            </div>
            { text_field(s.fact_id, Field::FactId(c, f), fact.id.as_deref().unwrap_or(""), Kind::Line, problems, d) }
            { item_controls(s, s.fact, &format!("cards-{c}-facts"), f, count, Item::Fact(c, f), d) }
        </fieldset>
    }
}

fn corrections(s: &EditorStrings, sheet: &Sheet, problems: &[Problem], d: &Callback<Action>) -> Html {
    let count = sheet.corrections.len();
    html! {
        <section class="ed-section" id="f-corrections" tabindex="-1" aria-labelledby="h-corrections">
            <h2 id="h-corrections">{ s.corrections_heading }</h2>
            { for sheet.corrections.iter().enumerate().map(|(i, correction)| html! {
                <fieldset class="ed-item" id={format!("f-corrections-{i}")} tabindex="-1">
                    <legend>{ format!("{} {}", s.correction, i + 1) }</legend>
                    <div class="ed-row">
                        { date_field(s, s.date, Field::CorrectionDate(i), &correction.date, false, problems, d) }
                        { text_field(s.corrected_card, Field::CorrectionCard(i), correction.card.as_deref().unwrap_or(""), Kind::Line, problems, d) }
                    </div>
                    { text_field(s.fact_text, Field::CorrectionText(i), &correction.text, Kind::Lines, problems, d) }
                    { item_controls(s, s.correction, "corrections", i, count, Item::Correction(i), d) }
                </fieldset>
            }) }
            { add_button(s.add_correction, "corrections", Action::Add(List::Corrections), d) }
        </section>
    }
}
