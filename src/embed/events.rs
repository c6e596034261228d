//! Reader actions as DOM CustomEvents on the mount element, so a newsroom
//! can wire them to its own analytics. The widget itself tracks nothing.

use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

use crate::event::DeckEvent;

/// Dispatches `event` on `host` under its DOM name, with the event as its
/// `detail`; it bubbles, so a page can listen once on `document`. Events
/// that are not the host's business (view changes) are not dispatched.
pub fn dispatch(host: &Element, event: &DeckEvent) {
    let Some(name) = event.dom_name() else {
        return;
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    match to_js(event) {
        Ok(detail) => init.set_detail(&detail),
        // Only a number past 2^53 could fail: say so rather than drop it.
        Err(error) => web_sys::console::error_1(&JsValue::from(error)),
    }
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Posts `event` to the parent page, for the iframe embed:
/// `{type: "factcards:event", name, detail}`, which web/embed-loader.js
/// checks (the sender is a factcards frame, from the frame's origin, the
/// name is known) and dispatches on the `<iframe>` element, keeping only
/// the documented detail fields. Any origin may receive it: the parent is
/// whoever embeds the frame, and the detail is what the events document.
pub fn post_to_parent(event: &DeckEvent) {
    let Some(name) = event.dom_name() else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let Ok(detail) = to_js(event) else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"factcards:event".into());
    let _ = js_sys::Reflect::set(&message, &"name".into(), &name.into());
    let _ = js_sys::Reflect::set(&message, &"detail".into(), &detail);
    let _ = parent.post_message(&message, "*");
}

/// A Rust value as the plain JS data a page reads: structs as objects,
/// `Vec`s as arrays, `None` as `null` (as in JSON, not `undefined`).
pub fn to_js(value: &impl Serialize) -> Result<JsValue, serde_wasm_bindgen::Error> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
}
