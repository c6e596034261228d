//! The widget's stylesheet, compiled into the wasm and adopted by every
//! shadow root. One constructed stylesheet is shared by all instances, and
//! constructed stylesheets need no `style-src 'unsafe-inline'` under a strict
//! Content-Security-Policy.

use std::cell::OnceCell;

use web_sys::{CssStyleSheet, Document, ShadowRoot};

/// The widget CSS, one file per component, in cascade order.
pub const CSS: &str = concat!(
    include_str!("../../styles/base.css"),
    include_str!("../../styles/deck.css"),
    include_str!("../../styles/header.css"),
    include_str!("../../styles/filter.css"),
    include_str!("../../styles/card.css"),
    include_str!("../../styles/fact.css"),
    include_str!("../../styles/status.css"),
    include_str!("../../styles/sources.css"),
    include_str!("../../styles/corrections.css"),
    include_str!("../../styles/error_panel.css"),
    include_str!("../../styles/widget.css"),
);

thread_local! {
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// Gives `shadow` the widget's styles.
pub fn adopt(shadow: &ShadowRoot, document: &Document) {
    let sheet = SHEET.with(|cell| {
        cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CSS).ok()?;
            Some(sheet)
        })
        .clone()
    });
    match sheet {
        Some(sheet) => shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet).into()),
        None => {
            // Browsers without constructable stylesheets (before 2023) get a
            // <style> element instead.
            if let Ok(style) = document.create_element("style") {
                style.set_text_content(Some(CSS));
                let _ = shadow.append_child(&style);
            }
        }
    }
}
