//! What a panic leaves behind. A wasm module cannot go on after a panic, so
//! no recovery is attempted: the hook logs the panic to the console and
//! leaves no widget as a blank or frozen box. A widget still holding its
//! server-rendered fallback keeps it; the others show what the page asked
//! for a sheet that cannot be shown: one calm line (the default), nothing
//! (`data-on-error="hide"`), or, with `data-debug`, an error panel.
//!
//! A trap (an out-of-bounds access, `unreachable`) stops the module without
//! running the hook. The loader sees it as an uncaught
//! `WebAssembly.RuntimeError` from the glue and calls [`after_trap`], which
//! leaves the same behind.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, ShadowRoot};

use crate::i18n::UiLang;
use crate::options::{DeckOptions, OnError};

thread_local! {
    /// The shadow root of every widget ever mounted, kept apart from the
    /// instance registry so that the hook can reach them even if the panic
    /// happened while that registry was borrowed.
    static ROOTS: RefCell<Vec<(ShadowRoot, Shown)>> = const { RefCell::new(Vec::new()) };
    /// Whether the widgets already show what a stop leaves. A panic ends in
    /// a trap, so the loader reports it too; a second pass would find no
    /// pending deck beside a kept fallback and replace the fallback.
    static STOPPED: Cell<bool> = const { Cell::new(false) };
}

/// What a widget shows after a panic, from its options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub on_error: OnError,
    pub debug: bool,
    pub lang: UiLang,
}

impl Shown {
    pub fn of(options: &DeckOptions) -> Self {
        Shown {
            on_error: options.on_error,
            debug: options.debug,
            lang: UiLang::from_tag(options.lang.as_deref().unwrap_or("")),
        }
    }
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

/// Remembers a widget's shadow root, and what it should show, for the hook.
pub fn track(root: &ShadowRoot, shown: Shown) {
    ROOTS.with(|roots| {
        if let Ok(mut roots) = roots.try_borrow_mut() {
            roots.retain(|(known, _)| known.host().is_connected() && known != root);
            roots.push((root.clone(), shown));
        }
    });
}

/// Leaves every widget as after a panic: the loader calls it when a trap
/// stopped the wasm. Does nothing if a panic already did it.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = "afterTrap")]
pub fn after_trap() {
    show_everywhere();
}

/// Replaces every widget's content with a static error panel, once. Uses
/// only DOM calls and text, never the widget's own (now unusable) code paths.
fn show_everywhere() {
    if STOPPED.with(|stopped| stopped.replace(true)) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let mut roots: Vec<(ShadowRoot, Shown)> =
        ROOTS.with(|roots| roots.try_borrow().map(|r| r.clone()).unwrap_or_default());
    // Drop-in mount points whose root was not tracked yet.
    if let Ok(hosts) = document.query_selector_all(&format!("[{}]", super::MOUNT_ATTRIBUTE)) {
        for index in 0..hosts.length() {
            let Some(host) = hosts.item(index).and_then(|node| node.dyn_into::<Element>().ok()) else {
                continue;
            };
            if let Some(root) = host.shadow_root()
                && !roots.iter().any(|(known, _)| *known == root)
            {
                let options = DeckOptions::from_attributes(|name| host.get_attribute(name));
                roots.push((root, Shown::of(&options)));
            }
        }
    }
    for (root, shown) in roots {
        let _ = show_after_panic(&document, &root, shown);
    }
}

fn show_after_panic(document: &Document, root: &ShadowRoot, shown: Shown) -> Option<()> {
    // A fallback still on screen: drop the live deck behind it, keep it.
    if let Ok(Some(pending)) = root.query_selector(".fc-root[data-pending]") {
        if root.child_element_count() > 1 && !shown.debug {
            pending.remove();
            return Some(());
        }
    }
    let wrapper = document.create_element("div").ok()?;
    wrapper.set_class_name("fc-root");
    if !shown.debug {
        if shown.on_error == OnError::Message {
            let line = document.create_element("p").ok()?;
            line.set_class_name("fc-unavailable");
            line.set_attribute("role", "status").ok()?;
            line.set_text_content(Some(shown.lang.strings().unavailable));
            wrapper.append_child(&line).ok()?;
        }
        root.set_inner_html("");
        root.append_child(&wrapper).ok()?;
        return Some(());
    }
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

/// Traps on purpose (`unreachable`, which runs no panic hook), so the
/// end-to-end test can check what a trap leaves behind. Only in builds with
/// the `test-hooks` feature.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = "trapForTests")]
pub fn trap_for_tests() {
    core::arch::wasm32::unreachable();
}
