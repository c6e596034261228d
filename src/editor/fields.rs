//! Small view functions the forms share: a labelled text field with its
//! problems, and the up/down/remove buttons of a list item. Plain functions,
//! not components: they render what they are given and emit `Action`s.

use yew::prelude::*;

use super::glue;
use super::state::{Action, Direction, Field, Item, field_id};
use crate::i18n::EditorStrings;
use crate::model::Problem;
use crate::model::formats::{from_picker, picker_value};

/// The text of an input or text area event.
pub fn event_value(event: &InputEvent) -> String {
    if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
        return input.value();
    }
    event
        .target_dyn_into::<web_sys::HtmlTextAreaElement>()
        .map(|area| area.value())
        .unwrap_or_default()
}

/// The value of a `<select>` change.
pub fn select_value(event: &Event) -> String {
    event
        .target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|select| select.value())
        .unwrap_or_default()
}

/// The problems at exactly `path`, as a line under its field.
pub fn problems_at(problems: &[Problem], path: &str) -> Vec<String> {
    problems
        .iter()
        .filter(|problem| problem.path == path)
        .map(|problem| problem.message.clone())
        .collect()
}

/// How a text field is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Line,
    Lines,
    Url,
}

/// A labelled text field bound to `field`, with its problems beneath it
/// (linked by `aria-describedby`, and `aria-invalid` set).
pub fn text_field(
    label: &str,
    field: Field,
    value: &str,
    kind: Kind,
    problems: &[Problem],
    dispatch: &Callback<Action>,
) -> Html {
    let id = field.dom_id();
    let path = field.path();
    let messages = problems_at(problems, &path);
    let message_id = format!("{id}-problems");
    let described = (!messages.is_empty()).then(|| message_id.clone());
    let invalid = (!messages.is_empty()).then_some("true");
    let oninput = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| dispatch.emit(Action::Edit(field, event_value(&event))))
    };
    let value = value.to_owned();
    let input = match kind {
        Kind::Lines => html! {
            <textarea id={id.clone()} rows="2" {value} {oninput}
                aria-invalid={invalid} aria-describedby={described} />
        },
        Kind::Line | Kind::Url => html! {
            <input id={id.clone()} type={if kind == Kind::Url { "url" } else { "text" }} {value} {oninput}
                aria-invalid={invalid} aria-describedby={described} />
        },
    };
    labelled(label, &id, input, &messages)
}

/// A field's label, its control and its problems beneath.
fn labelled(label: &str, id: &str, control: Html, messages: &[String]) -> Html {
    html! {
        <div class="ed-field">
            <label for={id.to_owned()}>{ label }</label>
            { control }
            if !messages.is_empty() {
                <p class="ed-field__problem" id={format!("{id}-problems")}>{ messages.join(" · ") }</p>
            }
        </div>
    }
}

/// A date field: the ISO text, typed as before, beside the browser's date
/// picker (with the time too when `with_time`, written with the reader's
/// own offset from UTC), and for a date-time a "Now" button.
pub fn date_field(
    s: &EditorStrings,
    label: &str,
    field: Field,
    value: &str,
    with_time: bool,
    problems: &[Problem],
    dispatch: &Callback<Action>,
) -> Html {
    let id = field.dom_id();
    let messages = problems_at(problems, &field.path());
    let described = (!messages.is_empty()).then(|| format!("{id}-problems"));
    let invalid = (!messages.is_empty()).then_some("true");
    let oninput = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: InputEvent| dispatch.emit(Action::Edit(field, event_value(&event))))
    };
    let on_pick = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let picked = input.value();
            let offset = with_time.then(|| glue::local_offset_minutes(&picked));
            if let Some(value) = from_picker(&picked, offset) {
                dispatch.emit(Action::Edit(field, value));
            }
        })
    };
    let on_now = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let local = glue::local_now();
            if let Some(value) = from_picker(&local, Some(glue::local_offset_minutes(&local))) {
                dispatch.emit(Action::Edit(field, value));
            }
        })
    };
    let control = html! {
        <div class="ed-date">
            <input id={id.clone()} type="text" value={value.to_owned()} {oninput}
                placeholder={if with_time { "2024-03-23T18:05+03:00" } else { "2024-03-23" }}
                aria-invalid={invalid} aria-describedby={described} />
            <input type={if with_time { "datetime-local" } else { "date" }} class="ed-date__picker"
                id={format!("{id}-picker")} aria-label={format!("{label}: {}", s.pick_date)}
                value={picker_value(value, with_time)} onchange={on_pick} />
            if with_time {
                <button type="button" id={format!("{id}-now")} onclick={on_now}
                    aria-label={format!("{label}: {}", s.now)}>{ s.now }</button>
            }
        </div>
    };
    labelled(label, &id, control, &messages)
}

/// The move up, move down and remove buttons of a list item. `key` and
/// `index` make their ids (`f-sources-2-up`), so focus can follow a move.
pub fn item_controls(
    s: &EditorStrings,
    what: &str,
    key: &str,
    index: usize,
    count: usize,
    item: Item,
    dispatch: &Callback<Action>,
) -> Html {
    let emit = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    let name = format!("{what} {}", index + 1);
    html! {
        <div class="ed-item-controls">
            <button type="button" id={format!("f-{key}-{index}-up")} disabled={index == 0}
                aria-label={format!("{}: {name}", s.move_up)}
                onclick={emit(Action::Move(item, Direction::Up))}>{ "↑" }</button>
            <button type="button" id={format!("f-{key}-{index}-down")} disabled={index + 1 >= count}
                aria-label={format!("{}: {name}", s.move_down)}
                onclick={emit(Action::Move(item, Direction::Down))}>{ "↓" }</button>
            <button type="button" class="ed-remove" id={format!("f-{key}-{index}-remove")}
                aria-label={format!("{}: {name}", s.remove)}
                onclick={emit(Action::Remove(item))}>{ s.remove }</button>
        </div>
    }
}

/// A list's "Add" button, focusable by the id of the list's path.
pub fn add_button(label: &str, path: &str, action: Action, dispatch: &Callback<Action>) -> Html {
    let dispatch = dispatch.clone();
    let onclick = Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()));
    html! {
        <button type="button" class="ed-add" id={format!("{}-add", field_id(path))} {onclick}>{ label }</button>
    }
}
