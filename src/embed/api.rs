//! The JS API: `factcards.mount(element, sheet, options)` and its handle.
//! Invalid input becomes a thrown `Error` or a rejected Promise whose
//! message lists every problem; an invalid sheet's Error also has
//! `problems`, the same problems as data (`event::ProblemDetail`). It never
//! panics.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::Element;

use super::events::to_js;
use super::instance::Instance;
use super::source::SheetSource;
use crate::event::problem_details;
use crate::model::SheetError;
use crate::options::{DeckOptions, OptionValue};

/// A mounted widget, returned by `mount`.
#[wasm_bindgen]
pub struct Handle {
    instance: Rc<Instance>,
}

/// Mounts a widget in `element`, replacing any widget already there.
///
/// `sheet` is a plain object, a URL string, or `undefined` for the bundled
/// story. `options` is `{theme, lang, category, card}`, each optional.
/// Returns a `Handle`, or for a URL a `Promise<Handle>`.
#[wasm_bindgen]
pub fn mount(element: Element, sheet: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let options = read_options(options)?;
    let source = SheetSource::from_js(&sheet)?;
    super::unregister(&element);
    super::allow_auto_mount(&element);
    let instance = Instance::mount(element, options, false).map_err(|message| JsError::new(&message))?;
    super::register(Rc::clone(&instance));
    load(instance, source)
}

#[wasm_bindgen]
impl Handle {
    /// Shows another sheet (an object, a URL string or `undefined`), keeping
    /// the element and options. Returns nothing, or a Promise for a URL.
    pub fn update(&self, sheet: JsValue) -> Result<JsValue, JsValue> {
        let source = SheetSource::from_js(&sheet)?;
        let is_url = matches!(source, SheetSource::Url(_));
        let loaded = load(Rc::clone(&self.instance), source)?;
        if !is_url {
            return Ok(JsValue::UNDEFINED);
        }
        // Resolve to undefined, like the synchronous case, not to a handle.
        let promise = js_sys::Promise::from(loaded);
        Ok(wasm_bindgen_futures::future_to_promise(async move {
            wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .map(|_| JsValue::UNDEFINED)
        })
        .into())
    }

    /// Removes the widget from its element, for good: the drop-in does not
    /// mount it again even if it has `data-factcards`.
    pub fn destroy(&self) {
        super::forbid_auto_mount(self.instance.host());
        super::unregister(self.instance.host());
        self.instance.destroy();
    }
}

/// Reads the options object, refusing unknown keys and wrong values by name
/// (`DeckOptions::set_js`).
fn read_options(options: JsValue) -> Result<DeckOptions, JsError> {
    let mut read = DeckOptions::default();
    if options.is_undefined() || options.is_null() {
        return Ok(read);
    }
    let Some(object) = options
        .dyn_ref::<js_sys::Object>()
        .filter(|_| !options.is_function())
    else {
        return Err(JsError::new(
            "factcards.mount: options must be an object such as {theme: \"dark\"}",
        ));
    };
    for entry in js_sys::Object::entries(object).iter() {
        let entry = js_sys::Array::from(&entry);
        let key = entry.get(0).as_string().unwrap_or_default();
        let value = entry.get(1);
        let value = if value.is_undefined() || value.is_null() {
            OptionValue::Absent
        } else if let Some(text) = value.as_string() {
            OptionValue::Text(text)
        } else if let Some(flag) = value.as_bool() {
            OptionValue::Flag(flag)
        } else if let Some(number) = value.as_f64() {
            OptionValue::Number(number)
        } else {
            OptionValue::Other
        };
        read.set_js(&key, value)
            .map_err(|message| JsError::new(&format!("factcards.mount: options: {message}")))?;
    }
    Ok(read)
}

/// Loads `source` into `instance`: at once, throwing on problems, or for a
/// URL as a Promise that resolves to the handle or rejects.
fn load(instance: Rc<Instance>, source: SheetSource) -> Result<JsValue, JsValue> {
    match source {
        SheetSource::Url(url) => {
            let generation = instance.begin_url_load();
            let promise = wasm_bindgen_futures::future_to_promise(async move {
                match instance.fetch(url, generation).await {
                    Ok(()) => Ok(Handle { instance }.into()),
                    Err(error) => Err(sheet_error(&error)),
                }
            });
            Ok(promise.into())
        }
        source => match instance.load(source) {
            Ok(()) => Ok(Handle { instance }.into()),
            Err(error) => Err(sheet_error(&error)),
        },
    }
}

/// The Error an invalid sheet throws or rejects with: the message lists
/// every problem, as before, and `problems` holds them as data,
/// `[{path, message, line, column, severity}]`.
fn sheet_error(error: &SheetError) -> JsValue {
    let js_error = js_sys::Error::new(&format!("factcards: {error}"));
    match to_js(&problem_details(&error.problems)) {
        Ok(problems) => {
            let _ = js_sys::Reflect::set(&js_error, &JsValue::from_str("problems"), &problems);
        }
        Err(failed) => web_sys::console::error_1(&JsValue::from(failed)),
    }
    js_error.into()
}
