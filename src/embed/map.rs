//! The world map shapes (world-map.json, about 20 KB gzipped) and the
//! places' names (world-names.json, 5.6 KB): fetched together, at most once
//! per page, only when a widget shows a sheet with a map, from the folder
//! the loader came from, and shared by every widget. The names are not in
//! the wasm, so that sheets without a map do not pay for them.
//!
//! A widget may ask for them before the loader has said where its folder
//! is: the fetch then waits for that (`assets::url_of`), and the map holds
//! its space meanwhile.

use std::cell::RefCell;
use std::future::{Future, poll_fn};
use std::pin::pin;
use std::rc::Rc;
use std::task::Poll;

use super::assets;
use crate::model::{Card, Sheet, World, WorldShapes};

/// Where the shapes are on their way from nothing to a map.
enum MapFetch {
    /// No widget has asked for a map yet.
    Idle,
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
/// here, and whether they are on their way. Starts the fetch the first time
/// a sheet with a map is shown.
pub fn request(sheet: &Sheet) -> (Option<Rc<WorldShapes>>, bool) {
    if !sheet.cards.iter().any(Card::has_map) {
        return (None, false);
    }
    let (shapes, start) = STATE.with(|state| {
        let mut state = state.borrow_mut();
        match &*state {
            MapFetch::Ready(shapes) => (Some(Rc::clone(shapes)), false),
            MapFetch::Failed | MapFetch::Fetching => (None, false),
            MapFetch::Idle => {
                *state = MapFetch::Fetching;
                (None, true)
            }
        }
    });
    if start {
        start_fetch();
    }
    let on_its_way = STATE.with(|state| matches!(*state.borrow(), MapFetch::Fetching));
    (shapes, on_its_way)
}

fn start_fetch() {
    wasm_bindgen_futures::spawn_local(async move {
        let shapes = match fetch().await {
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
