//! The world map shapes (world-map.json, about 20 KB gzipped) and the
//! places' names (world-names.json, 5.6 KB): fetched together, at most once
//! per page, only when a widget shows a sheet with a map, from the folder
//! the loader came from, and shared by every widget. The names are not in
//! the wasm, so that sheets without a map do not pay for them.
//!
//! The wasm cannot know that folder by itself: the hashed glue may be loaded
//! from a CDN, by `import()` from another module (the iframe page does this),
//! or under a renamed loader, and `document.currentScript` is null for
//! modules, so looking for a `<script src$="factcards.js">` misses all of
//! those. The loader does know, exactly, from `import.meta.url`, and passes it
//! through [`set_asset_base`]. Widgets mount during the wasm's start, before
//! the loader can call in, so a widget that needs the shapes first marks
//! them wanted (and holds their space); the fetch starts as soon as both the
//! base and a wanted map are known, whichever comes last.

use std::cell::RefCell;
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::rc::Rc;
use std::task::Poll;

use wasm_bindgen::prelude::*;

use crate::model::{Card, Sheet, World, WorldShapes};

/// Where the shapes are on their way from nothing to a map.
enum MapFetch {
    /// No widget has asked for a map yet.
    Idle,
    /// A widget asked; the loader has not yet said where the assets are.
    Wanted,
    Fetching,
    Ready(Rc<WorldShapes>),
    /// Fetching or parsing failed: maps show their captions only.
    Failed,
}

thread_local! {
    static STATE: RefCell<MapFetch> = const { RefCell::new(MapFetch::Idle) };
    /// The folder of the loader (factcards.js), set by the loader.
    static BASE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The file names of the shapes and of the names, beside the loader in
/// `dist/`.
const MAP_FILE: &str = "world-map.json";
const NAMES_FILE: &str = "world-names.json";

/// Tells the widget where its assets are: the loader's folder, such as
/// `new URL(".", import.meta.url).href`. Called by factcards.js once the
/// wasm has started; starts the map fetch if a widget is waiting for it.
#[wasm_bindgen(js_name = setAssetBase)]
pub fn set_asset_base(url: String) {
    BASE.with(|base| *base.borrow_mut() = Some(url));
    let waiting = STATE.with(|state| matches!(*state.borrow(), MapFetch::Wanted));
    if waiting {
        start_fetch();
    }
}

/// The map props for a widget about to show `sheet`: the shapes if they are
/// here, and whether they are on their way. Starts the fetch the first time
/// a sheet with a map is shown.
pub fn request(sheet: &Sheet) -> (Option<Rc<WorldShapes>>, bool) {
    if !sheet.cards.iter().any(Card::has_map) {
        return (None, false);
    }
    let (ready, start) = STATE.with(|state| {
        let mut state = state.borrow_mut();
        match &*state {
            MapFetch::Ready(shapes) => (Some(Some(Rc::clone(shapes))), false),
            MapFetch::Failed => (Some(None), false),
            MapFetch::Wanted | MapFetch::Fetching => (None, false),
            MapFetch::Idle => {
                *state = MapFetch::Wanted;
                (None, true)
            }
        }
    });
    match ready {
        Some(shapes) => (shapes, false),
        None => {
            if start && BASE.with(|base| base.borrow().is_some()) {
                start_fetch();
            }
            (None, true)
        }
    }
}

fn start_fetch() {
    let Some(base) = BASE.with(|base| base.borrow().clone()) else {
        return;
    };
    STATE.with(|state| *state.borrow_mut() = MapFetch::Fetching);
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch(&base).await;
        let shapes = match result {
            Ok(shapes) => Some(Rc::new(shapes)),
            Err(reason) => {
                // Not an error for the reader (the captions say where), but
                // the page's developer wants to know why maps are missing.
                web_sys::console::warn_1(&format!("factcards: no maps: {reason}").into());
                None
            }
        };
        STATE.with(|state| {
            *state.borrow_mut() = match &shapes {
                Some(shapes) => MapFetch::Ready(Rc::clone(shapes)),
                None => MapFetch::Failed,
            }
        });
        super::deliver_map(shapes);
    });
}

/// Fetches the shapes and the names side by side, gives the names to
/// [`World::load`] and parses the shapes; the error says what went wrong.
async fn fetch(base: &str) -> Result<WorldShapes, String> {
    let (shapes, names) = both(fetch_text(base, MAP_FILE), fetch_text(base, NAMES_FILE)).await;
    World::load(&names?)?;
    WorldShapes::parse(&shapes?)
}

/// The text of `file`, beside the loader.
async fn fetch_text(base: &str, file: &str) -> Result<String, String> {
    let url = web_sys::Url::new_with_base(file, base)
        .map(|url| url.href())
        .map_err(|_| format!("\"{base}\" is not a URL to find {file} from"))?;
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|_| format!("the request for {url} failed"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    response
        .text()
        .await
        .map_err(|_| format!("{url} could not be read"))
}

/// Runs two futures at once (both requests in flight together) and waits
/// for both.
async fn both<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (pin!(a), pin!(b));
    let (mut a_out, mut b_out) = (None, None);
    poll_fn(|context| {
        if a_out.is_none() {
            if let Poll::Ready(out) = a.as_mut().poll(context) {
                a_out = Some(out);
            }
        }
        if b_out.is_none() {
            if let Poll::Ready(out) = b.as_mut().poll(context) {
                b_out = Some(out);
            }
        }
        match (a_out.take(), b_out.take()) {
            (Some(a), Some(b)) => Poll::Ready((a, b)),
            (a, b) => {
                (a_out, b_out) = (a, b);
                Poll::Pending
            }
        }
    })
    .await
}
