//! The space a bare drop-in holds before its script runs. Its code gives the
//! mount element `style="min-height:100vh"`: an empty element would hold
//! nothing, and the article below would move down when the deck arrives,
//! whereas with one screen held the text below starts out of view, and the
//! deck's own height, whatever it turns out to be, moves nothing the reader
//! sees.
//!
//! Once the deck is drawn the hold is let go (a deck shorter than a screen
//! would otherwise leave a gap below it), but only when that moves nothing
//! on screen: at once if the drawn deck reaches past the bottom of the
//! viewport, and otherwise at the reader's first touch or key in the deck
//! (a shift the reader caused) or once a scroll or resize brings the deck's
//! end below the viewport.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The inline property that holds the space.
const HOLD_PROPERTY: &str = "min-height";

/// Lets go of the space `host` held before the script ran, when letting go
/// moves nothing the reader sees; `deck` is the drawn deck inside it. Does
/// nothing for a mount element whose code held no space.
pub fn release_when_unseen(host: &Element, deck: &Element) {
    let Some(host) = host.dyn_ref::<HtmlElement>() else {
        return;
    };
    let held = host.style().get_property_value(HOLD_PROPERTY).unwrap_or_default();
    if held.is_empty() {
        return;
    }
    if moves_nothing_seen(host, deck) {
        release(host);
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    // Passive listeners (gloo's default); each one ends them all, and their
    // closures keep them alive until then.
    let listeners: Rc<RefCell<Vec<EventListener>>> = Rc::default();
    let on_view_change = {
        let (host, deck, listeners) = (host.clone(), deck.clone(), Rc::clone(&listeners));
        move |_: &web_sys::Event| {
            if moves_nothing_seen(&host, &deck) {
                release(&host);
                stop(&listeners);
            }
        }
    };
    let on_input = {
        let (host, listeners) = (host.clone(), Rc::clone(&listeners));
        move |_: &web_sys::Event| {
            release(&host);
            stop(&listeners);
        }
    };
    let mut all = listeners.borrow_mut();
    for kind in ["scroll", "resize"] {
        all.push(EventListener::new(&window, kind, on_view_change.clone()));
    }
    for kind in ["pointerdown", "keydown"] {
        all.push(EventListener::new(host, kind, on_input.clone()));
    }
}

/// Whether the mount element can shrink to the drawn deck without moving
/// anything on screen: the deck fills what was held, or its end is below
/// the viewport, so that only what lies out of view below it moves.
fn moves_nothing_seen(host: &HtmlElement, deck: &Element) -> bool {
    let held = host.get_bounding_client_rect();
    let drawn = deck.get_bounding_client_rect().height();
    let screen = web_sys::window()
        .and_then(|window| window.inner_height().ok()?.as_f64())
        .unwrap_or(0.0);
    drawn + 0.5 >= held.height() || held.top() + drawn >= screen
}

fn release(host: &HtmlElement) {
    let _ = host.style().remove_property(HOLD_PROPERTY);
}

/// Removes the listeners after the event that ended them has run: a
/// listener dropped inside its own call would free the closure running it.
fn stop(listeners: &Rc<RefCell<Vec<EventListener>>>) {
    let done = std::mem::take(&mut *listeners.borrow_mut());
    gloo_timers::callback::Timeout::new(0, move || drop(done)).forget();
}
