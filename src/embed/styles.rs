//! Gives each shadow root the widget's stylesheet: `factcards.css`, the
//! file the server-rendered fallback links, which the loader fetches beside
//! the wasm and hands to [`super::start`] (so the wasm does not carry it,
//! and over a fallback a cache that keeps the file serves it again). One constructed stylesheet
//! is shared by all instances; constructed stylesheets need no
//! `style-src 'unsafe-inline'` under a strict Content-Security-Policy.

use std::cell::{OnceCell, RefCell};

use web_sys::{CssStyleSheet, Document, ShadowRoot};

thread_local! {
    /// The stylesheet's text, as the loader fetched it.
    static TEXT: RefCell<String> = const { RefCell::new(String::new()) };
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// Keeps the stylesheet's text for every widget to come; called once, by
/// `start`, before any widget mounts.
pub fn set(css: String) {
    TEXT.with(|text| *text.borrow_mut() = css);
}

/// Gives `shadow` the widget's styles.
pub fn adopt(shadow: &ShadowRoot, document: &Document) {
    let sheet = SHEET.with(|cell| {
        cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            TEXT.with(|text| sheet.replace_sync(&text.borrow())).ok()?;
            Some(sheet)
        })
        .clone()
    });
    match sheet {
        Some(sheet) => shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
        None => {
            // Browsers without constructable stylesheets (before 2023) get a
            // <style> element instead.
            if let Ok(style) = document.create_element("style") {
                TEXT.with(|text| style.set_text_content(Some(&text.borrow())));
                let _ = shadow.append_child(&style);
            }
        }
    }
}
