//! When a deck is seen: an IntersectionObserver on the mount element that
//! calls back once, the first time at least half of the deck is on screen
//! (or half of the screen, for a deck taller than it), for
//! `factcards:view`. Inside the iframe embed it sees the host page's
//! viewport, since an observer without a root clips by every ancestor frame.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// An observer that calls back once; dropping it stops it.
pub struct Seen {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array, IntersectionObserver)>,
}

impl Seen {
    /// Watches `target` and calls `on_seen` the first time enough of it is
    /// on screen. `None` where the browser has no IntersectionObserver.
    pub fn watch(target: &Element, on_seen: impl FnOnce() + 'static) -> Option<Seen> {
        let pending = Cell::new(Some(on_seen));
        let callback = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: IntersectionObserver| {
                let seen = entries.iter().any(|entry| {
                    entry
                        .dyn_into::<IntersectionObserverEntry>()
                        .is_ok_and(|entry| enough_on_screen(&entry))
                });
                if seen {
                    observer.disconnect();
                    if let Some(on_seen) = pending.take() {
                        on_seen();
                    }
                }
            },
        );
        // Fine steps near zero, so a very tall deck is noticed as soon as
        // half a screen of it shows.
        let thresholds = js_sys::Array::new();
        for step in [0.0, 0.001, 0.002, 0.005] {
            thresholds.push(&JsValue::from_f64(step));
        }
        for step in 1..=100 {
            thresholds.push(&JsValue::from_f64(f64::from(step) / 100.0));
        }
        let init = IntersectionObserverInit::new();
        init.set_threshold(&thresholds);
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init).ok()?;
        observer.observe(target);
        Some(Seen {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for Seen {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Whether at least half of the element, or half of the screen for an
/// element taller than it, is on screen.
fn enough_on_screen(entry: &IntersectionObserverEntry) -> bool {
    let tall = entry.bounding_client_rect().height();
    let screen = entry
        .root_bounds()
        .map(|bounds| bounds.height())
        .or_else(|| web_sys::window()?.inner_height().ok()?.as_f64())
        .unwrap_or(tall);
    let needed = tall.min(screen) / 2.0;
    needed > 0.0 && entry.intersection_rect().height() >= needed
}
