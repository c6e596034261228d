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

/// A Rust value as the plain JS data a page reads: structs as objects,
/// `Vec`s as arrays, `None` as `null` (as in JSON, not `undefined`).
pub fn to_js(value: &impl Serialize) -> Result<JsValue, serde_wasm_bindgen::Error> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
}
