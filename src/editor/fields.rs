//! Small view functions the forms share: a labelled text field with its
//! problems, and the up/down/remove buttons of a list item. Plain functions,
//! not components: they render what they are given and emit `Action`s.

use yew::prelude::*;

use super::state::{Action, Direction, Field, Item, field_id};
use crate::i18n::EditorStrings;
use crate::model::Problem;

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
    html! {
        <div class="ed-field">
            <label for={id}>{ label }</label>
            { input }
            if !messages.is_empty() {
                <p class="ed-field__problem" id={message_id}>{ messages.join(" · ") }</p>
            }
        </div>
    }
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
