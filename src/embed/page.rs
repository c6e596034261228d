//! What a widget does to the page around it: reads and replaces the URL
//! fragment, copies a link to the clipboard, scrolls a card into view.
//! The fragments themselves are made and read in `state.rs`
//! (`to_fragment`, `card_fragment`, `parse_fragment`), so that a copied
//! link and a followed one encode alike.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

use crate::i18n::UiLang;

/// How many frames a deep link waits for its card to render before giving
/// up on scrolling to it.
const SCROLL_FRAMES: u32 = 10;

/// The page's URL fragment, with its `#` (empty if none).
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

/// The address a source's relative link is resolved against (see
/// `model::source_urls`): the sheet's, `sheet_url` made absolute against the
/// page, for a sheet fetched from one; the page's own otherwise.
pub fn source_base(host: &web_sys::Node, sheet_url: Option<&str>) -> Option<String> {
    let page = host.base_uri().ok().flatten()?;
    match sheet_url {
        Some(url) => web_sys::Url::new_with_base(url, &page).ok().map(|url| url.href()),
        None => Some(page),
    }
}

/// The host page's own colour scheme at `element`: its computed
/// `color-scheme` where the page sets one, else the content of
/// `<meta name="color-scheme">`, else "" (the page says nothing).
pub fn page_color_scheme(element: &web_sys::Element) -> String {
    let computed = web_sys::window()
        .and_then(|window| window.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value("color-scheme").ok())
        .unwrap_or_default();
    if !computed.trim().is_empty() && computed.trim() != "normal" {
        return computed;
    }
    element
        .owner_document()
        .and_then(|document| {
            document
                .query_selector("meta[name='color-scheme' i]")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default()
}

/// Puts the view in the page's URL fragment without adding a history entry
/// (and without a `hashchange`, so the deck does not follow its own link).
pub fn replace_fragment(fragment: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    let url = format!("{path}{search}#{fragment}");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Takes the fragment off the page's URL (`#` included), without a history
/// entry or a `hashchange`.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
}

/// Copies the page's address with `#fragment` (already encoded, see
/// `state::card_fragment`) to the clipboard. The address is the page's
/// canonical one where it names one: a frame page names its story page,
/// whose address readers can open, and an article its address without the
/// tracking parameters a reader arrived with.
pub fn copy_link(fragment: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let canonical = window
        .document()
        .and_then(|document| {
            document
                .query_selector("link[rel='canonical'][href]")
                .ok()
                .flatten()
        })
        .and_then(|link| link.dyn_into::<web_sys::HtmlLinkElement>().ok())
        .map(|link| link.href())
        .filter(|href| href.starts_with("https://") || href.starts_with("http://"));
    let Some(href) = canonical.or_else(|| window.location().href().ok()) else {
        return;
    };
    let base = href.split('#').next().unwrap_or(&href);
    let written = window
        .navigator()
        .clipboard()
        .write_text(&format!("{base}#{fragment}"));
    // A frame without clipboard access (a sandbox, an opaque origin) refuses:
    // the refusal is expected there, not an error to report.
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(written).await;
    });
}

/// Scrolls the card whose DOM id is `anchor` into view and focuses its
/// disclosure button, once Yew has rendered it (it may have been hidden by
/// the filter a frame ago).
pub fn scroll_to_card(shadow: ShadowRoot, anchor: String) {
    scroll_when_rendered(shadow, anchor, SCROLL_FRAMES);
}

fn scroll_when_rendered(shadow: ShadowRoot, anchor: String, frames_left: u32) {
    if let Some(card) = shadow.get_element_by_id(&anchor) {
        card.scroll_into_view();
        if let Some(toggle) = card
            .query_selector(".fc-card__toggle")
            .ok()
            .flatten()
            .and_then(|toggle| toggle.dyn_into::<HtmlElement>().ok())
        {
            let _ = toggle.focus();
        }
        return;
    }
    if frames_left == 0 {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(move || scroll_when_rendered(shadow, anchor, frames_left - 1));
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// Resolves in a later task (a 0 ms timer), letting the browser paint and
/// handle input in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window().and_then(|window| window.set_timeout_with_callback(&resolve).ok());
        if queued.is_none() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The time now as the reader reads it: "10:42 AM" in their time zone and
/// the language `lang` (see `Strings::clock`).
pub(super) fn local_time(lang: &str) -> String {
    let now = js_sys::Date::new_0();
    UiLang::from_tag(lang)
        .strings()
        .clock(now.get_hours(), now.get_minutes())
}
