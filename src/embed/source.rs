//! Where a widget's sheet comes from, and getting it as checked data.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::Element;

use crate::model::{Problem, Sheet, SheetError, check};

/// A sheet's origin, as given by a mount point or by `factcards.mount()`.
#[derive(Debug, Clone)]
pub enum SheetSource {
    /// The story that ships with the widget, fetched from beside the loader.
    Bundled,
    /// JSON text, such as an inline `<script type="application/json">`.
    Text(String),
    /// A URL to fetch the JSON from.
    Url(String),
    /// A JS object (the JS API), as JSON text: `JSON.stringify` then the
    /// same parser and rules as any text, so the messages are the same.
    Object(String),
}

/// A sheet that passed every check, with the JSON behind it for the "Get the
/// data" link.
pub struct Loaded {
    pub sheet: Rc<Sheet>,
    /// The JSON text, or `None` if the sheet came from a URL (the link then
    /// points at the URL itself).
    pub json: Option<String>,
}

impl SheetSource {
    /// `data-src` if set, else an inline JSON script child, else the bundled
    /// story.
    pub fn from_element(host: &Element) -> Self {
        if let Some(url) = host
            .get_attribute("data-src")
            .filter(|url| !url.trim().is_empty())
        {
            return SheetSource::Url(url.trim().to_owned());
        }
        let inline = host
            .query_selector(":scope > script[type='application/json']")
            .ok()
            .flatten()
            .and_then(|script| script.text_content());
        match inline {
            Some(text) => SheetSource::Text(text),
            None => SheetSource::Bundled,
        }
    }

    /// Reads the `sheet` argument of the JS API: nothing for the bundled
    /// story, a string for a URL, or a plain object.
    pub fn from_js(value: &JsValue) -> Result<Self, JsError> {
        if value.is_undefined() || value.is_null() {
            Ok(SheetSource::Bundled)
        } else if let Some(url) = value.as_string() {
            Ok(SheetSource::Url(url))
        } else if value.is_object() && !value.is_function() {
            // Cycles and BigInts make stringify throw: not plain JSON data.
            js_sys::JSON::stringify(value)
                .ok()
                .and_then(|text| text.as_string())
                .map(SheetSource::Object)
                .ok_or_else(|| {
                    JsError::new(
                        "factcards: the sheet is not plain JSON data (a cycle, a BigInt or a function?)",
                    )
                })
        } else {
            Err(JsError::new(
                "factcards: the sheet must be a plain object, a URL string, or undefined for the bundled story",
            ))
        }
    }

    /// Whether the sheet must be fetched: a URL, or the bundled story.
    pub fn needs_network(&self) -> bool {
        matches!(self, SheetSource::Url(_) | SheetSource::Bundled)
    }

    /// Checks a source that needs no network. URLs and the bundled story
    /// are for `fetch_and_check`.
    pub fn load_now(&self) -> Result<Loaded, SheetError> {
        let (report, json) = match self {
            SheetSource::Text(text) => (check(text), text.clone()),
            SheetSource::Object(json) => {
                // Lines and columns of the stringified text would mean
                // nothing to the caller, who wrote an object: paths only.
                let mut report = check(json);
                for problem in &mut report.problems {
                    problem.pos = None;
                }
                (report, json.clone())
            }
            SheetSource::Url(url) => {
                return Err(SheetError::single("", format!("{url} must be fetched first")));
            }
            SheetSource::Bundled => {
                return Err(SheetError::single("", "the bundled story must be fetched first"));
            }
        };
        report.into_result().map(|sheet| Loaded {
            sheet: Rc::new(sheet),
            json: Some(json),
        })
    }
}

/// The address of the bundled story, once the loader has said where its
/// folder is.
pub async fn bundled_url() -> Result<String, SheetError> {
    super::assets::url_of(crate::BUNDLED_SHEET_FILE)
        .await
        .map_err(|reason| fetch_problem(crate::BUNDLED_SHEET_FILE, &reason))
}

/// Fetches a sheet and checks it, giving up after `timeout_ms`. The error
/// says what went wrong: the HTTP status, the time-out, the network, or
/// every problem in the JSON.
pub async fn fetch_and_check(url: &str, timeout_ms: u32) -> Result<Loaded, SheetError> {
    let signal = web_sys::AbortSignal::timeout_with_u32(timeout_ms);
    let response = gloo_net::http::Request::get(url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|_| {
            if signal.aborted() {
                fetch_problem(url, &format!("no answer within {timeout_ms} ms"))
            } else {
                fetch_problem(
                    url,
                    "the request failed (offline, a wrong address, or blocked by CORS)",
                )
            }
        })?;
    if !response.ok() {
        let status = format!("HTTP {} {}", response.status(), response.status_text());
        return Err(fetch_problem(url, status.trim_end()));
    }
    let text = response
        .text()
        .await
        .map_err(|_| fetch_problem(url, "the response could not be read as text"))?;
    check(&text).into_result().map(|sheet| Loaded {
        sheet: Rc::new(sheet),
        json: None,
    })
}

fn fetch_problem(url: &str, what: &str) -> SheetError {
    SheetError {
        problems: vec![Problem::error(
            "",
            format!("could not load the sheet from {url}: {what}"),
        )],
    }
}

/// The object URL of a JSON document, for a download link.
pub fn json_object_url(json: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Frees an object URL made by `json_object_url`.
pub fn revoke_object_url(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}
