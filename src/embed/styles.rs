//! Gives each shadow root the widget's stylesheet. One constructed
//! stylesheet is shared by all instances; constructed stylesheets need no
//! `style-src 'unsafe-inline'` under a strict Content-Security-Policy.

use std::cell::OnceCell;

use web_sys::{CssStyleSheet, Document, ShadowRoot};

use crate::styles::CSS;

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
        Some(sheet) => shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet)),
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
