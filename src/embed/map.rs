//! The world map shapes (world-map.json, about 15 KB gzipped) and the
//! places' names (world-names.json, 5.6 KB): fetched together, at most once
//! per page, from the folder the loader came from, and shared by every
//! widget. The names are not in the wasm, so that sheets without a map do
//! not pay for them.
//!
//! A widget that shows a sheet with a map draws a placeholder of each map's
//! size; the fetch starts when one of them comes within a screen of the
//! viewport ([`fetch_when_near`]), or before printing, so that a long deck
//! whose maps are far down, or in a category the reader never opens, does
//! not fetch them with the deck. It may start before the loader has said
//! where its folder is: it then waits for that (`assets::url_of`).

use std::cell::RefCell;
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::rc::Rc;
use std::task::Poll;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit, ShadowRoot};

use super::assets;
use super::page::next_task;
use crate::model::{Card, Sheet, World, WorldShapes};

/// Where the shapes are on their way from nothing to a map.
enum MapFetch {
    /// No widget has asked for a map yet.
    Idle,
    /// A widget shows maps, none of them near the viewport yet.
    Wanted(Option<NearWatch>),
    Fetching,
    Ready(Rc<WorldShapes>),
    /// Fetching or parsing failed: maps show their captions only.
    Failed,
}

thread_local! {
    static STATE: RefCell<MapFetch> = const { RefCell::new(MapFetch::Idle) };
}

/// The file names of the shapes and of the names, beside the loader in
/// `dist/`.
const MAP_FILE: &str = "world-map.json";
const NAMES_FILE: &str = "world-names.json";

/// The map props for a widget about to show `sheet`: the shapes if they are
/// here, and whether they are to come (its maps then hold their space until
/// they do).
pub fn request(sheet: &Sheet) -> (Option<Rc<WorldShapes>>, bool) {
    if !sheet.cards.iter().any(Card::has_map) {
        return (None, false);
    }
    STATE.with(|state| {
        let mut state = state.borrow_mut();
        match &*state {
            MapFetch::Ready(shapes) => (Some(Rc::clone(shapes)), false),
            MapFetch::Failed => (None, false),
            MapFetch::Wanted(_) | MapFetch::Fetching => (None, true),
            MapFetch::Idle => {
                *state = MapFetch::Wanted(None);
                (None, true)
            }
        }
    })
}

/// Starts the fetch when one of the map placeholders in `root` comes within
/// a screen of the viewport, or the page is printed; called after each render
/// of a widget, for the placeholders it has drawn since (observing one twice
/// is observing it once). Where the browser has no IntersectionObserver the
/// fetch starts at once.
pub fn fetch_when_near(root: &ShadowRoot) {
    let Ok(placeholders) = root.query_selector_all(".fc-map__placeholder") else {
        return;
    };
    if placeholders.length() == 0 {
        return;
    }
    let start_now = STATE.with(|state| {
        let mut state = state.borrow_mut();
        let MapFetch::Wanted(watch) = &mut *state else {
            return false;
        };
        if watch.is_none() {
            *watch = NearWatch::new();
        }
        let Some(watch) = watch else {
            return true;
        };
        for index in 0..placeholders.length() {
            if let Some(element) = placeholders.item(index).and_then(|node| node.dyn_into().ok()) {
                watch.observer.observe(&element);
            }
        }
        false
    });
    if start_now {
        start_fetch();
    }
}

/// What starts the fetch: an observer of the placeholders, and the page's
/// `beforeprint` (too late for the maps to be on that printout, which
/// shows their captions, but in time for the next). Dropped, and so
/// stopped, when the fetch starts.
struct NearWatch {
    observer: IntersectionObserver,
    _on_near: Closure<dyn FnMut(js_sys::Array)>,
    _before_print: gloo_events::EventListener,
}

impl NearWatch {
    fn new() -> Option<NearWatch> {
        let on_near = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
            let near = entries.iter().any(|entry| {
                entry
                    .dyn_into::<IntersectionObserverEntry>()
                    .is_ok_and(|entry| entry.is_intersecting())
            });
            if near {
                start_fetch();
            }
        });
        // A screen ahead, as the loader does for a deck over its fallback.
        let init = IntersectionObserverInit::new();
        init.set_root_margin("100% 0px");
        let observer =
            IntersectionObserver::new_with_options(on_near.as_ref().unchecked_ref(), &init).ok()?;
        let window = web_sys::window()?;
        let before_print = gloo_events::EventListener::once(&window, "beforeprint", |_| start_fetch());
        Some(NearWatch {
            observer,
            _on_near: on_near,
            _before_print: before_print,
        })
    }
}

impl Drop for NearWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Fetches the shapes, unless they are fetched, on their way or not wanted.
fn start_fetch() {
    let watch = STATE.with(|state| {
        let mut state = state.borrow_mut();
        if !matches!(*state, MapFetch::Wanted(_)) {
            return None;
        }
        match std::mem::replace(&mut *state, MapFetch::Fetching) {
            MapFetch::Wanted(watch) => Some(watch),
            _ => None,
        }
    });
    let Some(watch) = watch else {
        return;
    };
    // Stopped outside the borrow (this may be the observer's own callback,
    // which wasm-bindgen frees once it returns).
    drop(watch);
    wasm_bindgen_futures::spawn_local(async move {
        let fetched = fetch().await;
        // The maps are drawn in a task of their own, after the one that read
        // the shapes: together they would block a phone for a few frames.
        next_task().await;
        let shapes = match fetched {
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
async fn fetch() -> Result<WorldShapes, String> {
    let (shapes, names) = both(fetch_text(MAP_FILE), fetch_text(NAMES_FILE)).await;
    World::load(&names?)?;
    // The shapes are read in a task of their own, after the names.
    next_task().await;
    WorldShapes::parse(&shapes?)
}

/// The text of `file`, beside the loader.
async fn fetch_text(file: &str) -> Result<String, String> {
    let url = assets::url_of(file).await?;
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
