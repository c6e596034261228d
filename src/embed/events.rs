//! Reader actions as DOM CustomEvents on the mount element, so a newsroom
//! can wire them to its own analytics. The widget itself tracks nothing.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::event::{CARD_TOGGLE, COPY_LINK, DeckEvent, ERROR, FILTER, READY, SOURCE_CLICK};

/// Dispatches the DOM event `name` on `host` with `detail`; it bubbles, so
/// a page can listen once on `document`.
pub fn dispatch(host: &Element, name: &str, detail: &Object) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// A plain object from key-value pairs.
pub fn detail(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}

fn strings(items: impl IntoIterator<Item = String>) -> JsValue {
    items.into_iter().map(JsValue::from).collect::<Array>().into()
}

/// The event name and detail of a deck event; `None` for those that are
/// not the host's business (view changes go to the URL instead).
pub fn describe(event: &DeckEvent) -> Option<(&'static str, Object)> {
    Some(match event {
        DeckEvent::Ready { sheet, cards } => (
            READY,
            detail(&[("sheet", sheet.into()), ("cards", (*cards as u32).into())]),
        ),
        DeckEvent::Failed { problems } => (
            ERROR,
            detail(&[("problems", strings(problems.iter().map(ToString::to_string)))]),
        ),
        DeckEvent::CardToggle { card, expanded } => (
            CARD_TOGGLE,
            detail(&[("card", card.into()), ("expanded", (*expanded).into())]),
        ),
        DeckEvent::Filter { categories } => (FILTER, detail(&[("categories", strings(categories.clone()))])),
        DeckEvent::SourceClick { source, url } => (
            SOURCE_CLICK,
            detail(&[("source", source.into()), ("url", url.into())]),
        ),
        DeckEvent::CopyLink { card, anchor } => (
            COPY_LINK,
            detail(&[("card", card.into()), ("anchor", anchor.into())]),
        ),
        DeckEvent::ViewChanged { .. } => return None,
    })
}
