//! The editor's browser glue, all in one place: local storage (the
//! autosaved draft and the other-tab check), files, downloads, the
//! clipboard, fetching a URL, focusing a field and the date. Components call
//! these from their callbacks and effects; nothing here decides anything.

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlElement, HtmlTextAreaElement, Storage};

use super::published::PublishedError;
use super::state::{Draft, FocusRequest};
use crate::model;

const SHEET_KEY: &str = "factcards-editor.sheet";
/// `tab id \n saved at \n published url`: written after the sheet, so a
/// `storage` event on it means a whole draft was saved.
const META_KEY: &str = "factcards-editor.meta";

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// This page's id, to tell its own saves from another tab's.
pub fn new_tab_id() -> String {
    format!("{:x}", (js_sys::Math::random() * 1e15) as u64)
}

/// The draft autosaved by an earlier visit, if any.
pub fn load_draft() -> Option<Draft> {
    let storage = storage()?;
    let text = storage.get_item(SHEET_KEY).ok().flatten()?;
    let meta = storage.get_item(META_KEY).ok().flatten().unwrap_or_default();
    let mut lines = meta.splitn(3, '\n');
    let _tab = lines.next();
    let saved_at = lines.next().unwrap_or_default().to_owned();
    let published_url = lines.next().unwrap_or_default().to_owned();
    let sheet = model::decode_lenient(&text)?;
    Some(Draft {
        sheet: sheet.into(),
        published_url,
        saved_at,
    })
}

/// Saves the draft. Fails quietly only where storage is off (private
/// modes): the editor then works without autosave.
pub fn save_draft(sheet_json: &str, published_url: &str, tab: &str) {
    let Some(storage) = storage() else { return };
    let saved_at = String::from(js_sys::Date::new_0().to_locale_string("default", &js_sys::Object::new()));
    let _ = storage.set_item(SHEET_KEY, sheet_json);
    let _ = storage.set_item(META_KEY, &format!("{tab}\n{saved_at}\n{published_url}"));
}

/// Calls `on_other` when another tab saves a draft.
pub fn watch_other_tabs(tab: String, on_other: impl Fn() + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        if event.key().as_deref() == Some(META_KEY)
            && let Some(value) = event.new_value()
            && value.split('\n').next() != Some(tab.as_str())
        {
            on_other();
        }
    }))
}

/// Today's date, ISO 8601 (for a new sheet's `updated`).
pub fn today() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
        .chars()
        .take(10)
        .collect()
}

/// The reader's offset east of UTC, in minutes, at the local date and time
/// `local` (`2024-03-23T18:05`, as a picker gives it): summer time included.
pub fn local_offset_minutes(local: &str) -> i32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(local));
    let offset = date.get_timezone_offset();
    if offset.is_nan() { 0 } else { -(offset as i32) }
}

/// The local date and time now, to the minute, as a picker writes it
/// (`2024-03-23T18:05`).
pub fn local_now() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes()
    )
}

/// The text selected in the text area `id`, if any. The browser counts the
/// selection in UTF-16 units, as JavaScript strings do.
pub fn selected_text(id: &str) -> Option<String> {
    let area = web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<HtmlTextAreaElement>()
        .ok()?;
    let (start, end) = (area.selection_start().ok()??, area.selection_end().ok()??);
    let units: Vec<u16> = area.value().encode_utf16().collect();
    let selected = units.get(start as usize..end as usize)?;
    (!selected.is_empty()).then(|| String::from_utf16_lossy(selected))
}

/// The folder this page is served from: where the widget's files are.
pub fn asset_base() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let href = href.split(['?', '#']).next().unwrap_or_default();
    match href.rfind('/') {
        Some(cut) => href[..=cut].to_owned(),
        None => String::new(),
    }
}

/// Offers `bytes` as a file download.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = |_| format!("could not download {name}");
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: HtmlElement = document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_attribute("href", &url).map_err(fail)?;
    link.set_attribute("download", name).map_err(fail)?;
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Writes `text` to the clipboard.
pub async fn copy(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    JsFuture::from(window.navigator().clipboard().write_text(text))
        .await
        .map(drop)
        .map_err(|_| "the browser did not allow copying".to_owned())
}

/// A file's name and bytes.
pub async fn read_file(file: web_sys::File) -> Result<(String, Vec<u8>), String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("could not read {}", file.name()))?;
    Ok((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// The first file of an `<input type=file>` or a drop.
pub fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files?.get(0)
}

/// The text at `url` (the server must allow this page to read it: CORS).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    fetch_ok(url)
        .await?
        .text()
        .await
        .map_err(|error| format!("{url}: {error}"))
}

/// The bytes at `url`.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    fetch_ok(url)
        .await?
        .binary()
        .await
        .map_err(|error| format!("{url}: {error}"))
}

/// The answer to a GET of `url`, if it came and is a success; otherwise
/// why not, naming the address.
async fn fetch_ok(url: &str) -> Result<gloo_net::http::Response, String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|error| format!("{url}: {error}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    Ok(response)
}

/// The published sheet's text at `url`, by a plain GET that the browser may
/// answer from its cache only after asking the server (`no-cache`): what
/// readers' decks would get now. The state checked that `url` is http(s).
pub async fn fetch_published(url: &str) -> Result<String, PublishedError> {
    let response = gloo_net::http::Request::get(url)
        .cache(web_sys::RequestCache::NoCache)
        .send()
        .await
        .map_err(|_| PublishedError::Unreachable)?;
    if !response.ok() {
        return Err(PublishedError::Status(response.status()));
    }
    response.text().await.map_err(|_| PublishedError::Unreachable)
}

/// Focuses the first element of `request` present in the page, and selects
/// its `line` in a text area.
pub fn focus(request: &FocusRequest) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(element) = request.ids.iter().find_map(|id| document.get_element_by_id(id)) else {
        return;
    };
    let Ok(element) = element.dyn_into::<HtmlElement>() else {
        return;
    };
    let _ = element.focus();
    // A field comes into view at the bottom edge, the least jump; a whole
    // step, taller than the window, from its top.
    let window_height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    element.scroll_into_view_with_bool(f64::from(element.offset_height()) > window_height / 2.0);
    if let (Some(line), Some(area)) = (request.line, element.dyn_ref::<HtmlTextAreaElement>()) {
        let text = area.value();
        let start: usize = text
            .split('\n')
            .take(line.saturating_sub(1))
            .map(|l| l.encode_utf16().count() + 1)
            .sum();
        let length = text
            .split('\n')
            .nth(line.saturating_sub(1))
            .map_or(0, |l| l.encode_utf16().count());
        let (start, end) = (start as u32, (start + length) as u32);
        let _ = area.set_selection_range(start, end);
    }
}
