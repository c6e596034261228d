//! What a panic leaves behind. A wasm module cannot go on after a panic, so
//! no recovery is attempted: the hook logs the panic to the console and puts
//! a readable error panel in every mounted widget, so that no instance is
//! left as a blank or frozen box.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, ShadowRoot};

thread_local! {
    /// The shadow root of every widget ever mounted, kept apart from the
    /// instance registry so that the hook can reach them even if the panic
    /// happened while that registry was borrowed.
    static ROOTS: RefCell<Vec<ShadowRoot>> = const { RefCell::new(Vec::new()) };
}

/// Installs the hook: console first (with the message and location), then
/// the panels.
pub fn install() {
    // Through Yew, which otherwise installs its own console-only hook on
    // the first render.
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_everywhere();
    }));
}

/// Remembers a widget's shadow root for the hook.
pub fn track(root: &ShadowRoot) {
    ROOTS.with(|roots| {
        if let Ok(mut roots) = roots.try_borrow_mut() {
            roots.retain(|known| known.host().is_connected());
            roots.push(root.clone());
        }
    });
}

/// Replaces every widget's content with a static error panel. Uses only DOM
/// calls and text, never the widget's own (now unusable) code paths.
pub fn show_everywhere() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let mut roots: Vec<ShadowRoot> =
        ROOTS.with(|roots| roots.try_borrow().map(|r| r.clone()).unwrap_or_default());
    // Drop-in mount points whose root was not tracked yet.
    if let Ok(hosts) = document.query_selector_all(&format!("[{}]", super::MOUNT_ATTRIBUTE)) {
        for index in 0..hosts.length() {
            if let Some(root) = hosts
                .item(index)
                .and_then(|node| node.dyn_into::<Element>().ok())
                .and_then(|host| host.shadow_root())
                && !roots.contains(&root)
            {
                roots.push(root);
            }
        }
    }
    for root in roots {
        let _ = show_panel(&document, &root);
    }
}

fn show_panel(document: &Document, root: &ShadowRoot) -> Option<()> {
    let wrapper = document.create_element("div").ok()?;
    wrapper.set_class_name("fc-root");
    let panel = document.create_element("div").ok()?;
    panel.set_class_name("fc-error");
    panel.set_attribute("role", "alert").ok()?;
    let title = document.create_element("h2").ok()?;
    title.set_class_name("fc-error__title");
    title.set_text_content(Some("These facts could not be shown"));
    let text = document.create_element("p").ok()?;
    text.set_class_name("fc-error__intro");
    text.set_text_content(Some(
        "The fact cards stopped because of an internal error. Reload the page to try again.",
    ));
    panel.append_child(&title).ok()?;
    panel.append_child(&text).ok()?;
    wrapper.append_child(&panel).ok()?;
    root.set_inner_html("");
    root.append_child(&wrapper).ok()?;
    Some(())
}

/// Panics on purpose, so the end-to-end test can check what a panic leaves
/// behind. Only in builds with the `test-hooks` feature.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = "panicForTests")]
pub fn panic_for_tests() {
    panic!("a deliberate panic for the panic-hook test");
}
