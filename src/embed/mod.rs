//! Browser glue: the only module that touches the DOM directly. It finds
//! mount points, isolates each widget in a shadow root, fetches sheets,
//! turns reader actions into DOM events, and exposes the JS API.

mod api;
mod assets;
mod events;
mod hold;
mod instance;
#[cfg(feature = "live")]
mod live;
mod map;
mod page;
mod panic;
mod seen;
mod source;
mod styles;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, MutationObserver, MutationObserverInit};

pub use api::Handle;
use instance::Instance;

use crate::options::DeckOptions;

/// The attribute that marks a mount point.
pub const MOUNT_ATTRIBUTE: &str = "data-factcards";

thread_local! {
    /// Every live widget on the page, so that new mount points can be told
    /// from mounted ones, and deep links reach every deck.
    static INSTANCES: RefCell<Vec<Rc<Instance>>> = const { RefCell::new(Vec::new()) };
    /// Mount points whose widget the JS API destroyed: the drop-in leaves
    /// them alone. Weak, so removed elements can be collected.
    static DESTROYED: js_sys::WeakSet = js_sys::WeakSet::new();
}

/// Keeps the drop-in from mounting `host` again (after `destroy()`).
pub(crate) fn forbid_auto_mount(host: &Element) {
    DESTROYED.with(|destroyed| {
        destroyed.add(host);
    });
}

/// Lets the drop-in manage `host` again (the JS API mounted it anew).
pub(crate) fn allow_auto_mount(host: &Element) {
    DESTROYED.with(|destroyed| {
        destroyed.delete(host);
    });
}

/// Starts the drop-in, called by the loader (factcards.js) once the wasm
/// has loaded: keeps `stylesheet`, the text of factcards.css, which the
/// loader fetched beside the wasm, and `asset_base`, the loader's folder,
/// where the widget's other files are; then mounts every `[data-factcards]`
/// element on the page and watches for new ones (single-page sites, live
/// blogs) and for deep links in the URL hash. No widget mounts before its
/// stylesheet is here, so none is ever drawn unstyled.
#[wasm_bindgen(js_name = startWidgets)]
pub fn start(stylesheet: String, asset_base: String) {
    panic::install();
    styles::set(stylesheet);
    assets::set_asset_base(asset_base);
    mount_all();
    watch_for_mount_points();
    watch_hash();
}

/// Mounts every mount point that has no widget yet, and drops the widgets
/// whose element has left the page.
fn mount_all() {
    INSTANCES.with(|instances| {
        instances.borrow_mut().retain(|instance| {
            let keep = instance.host().is_connected() || !instance.mounted_from_markup();
            if !keep {
                instance.destroy();
            }
            keep
        })
    });
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(mounts) = document.query_selector_all(&format!("[{MOUNT_ATTRIBUTE}]")) else {
        return;
    };
    for index in 0..mounts.length() {
        let Some(host) = mounts
            .item(index)
            .and_then(|node| node.dyn_into::<Element>().ok())
        else {
            continue;
        };
        let destroyed = DESTROYED.with(|destroyed| destroyed.has(&host));
        if find(&host).is_none() && !destroyed {
            let options = DeckOptions::from_attributes(|name| host.get_attribute(name));
            let source = source::SheetSource::from_element(&host);
            match Instance::mount(host, options, true) {
                Ok(instance) => {
                    // The error panel shows any problem; nobody awaits the
                    // drop-in. A sheet in the page is checked and drawn in
                    // a task after the wasm's start, so that on a phone each
                    // is a shorter task; a URL is fetched at once.
                    match source {
                        source if source.needs_network() && !instance.has_fallback() => {
                            let _ = instance.load(source);
                        }
                        source => instance.load_soon(source),
                    }
                    register(instance);
                }
                // Nothing can be drawn in an element without a shadow root, so
                // the console is the only place left to say why.
                Err(message) => web_sys::console::error_1(&message.into()),
            }
        }
    }
}

/// The live widget mounted on `host`, if any.
fn find(host: &Element) -> Option<Rc<Instance>> {
    INSTANCES.with(|instances| instances.borrow().iter().find(|i| i.host() == host).cloned())
}

/// Gives the map shapes (or, after a failed fetch, nothing) to every widget
/// waiting for them.
pub(crate) fn deliver_map(shapes: Option<Rc<crate::model::WorldShapes>>) {
    let instances = INSTANCES.with(|instances| instances.borrow().clone());
    for instance in instances {
        instance.map_arrived(shapes.clone());
    }
}

pub(crate) fn register(instance: Rc<Instance>) {
    INSTANCES.with(|instances| instances.borrow_mut().push(instance));
}

/// Replaces the widget on `host`, if there is one.
pub(crate) fn unregister(host: &Element) {
    INSTANCES.with(|instances| {
        instances.borrow_mut().retain(|instance| {
            let same = instance.host() == host;
            if same {
                instance.destroy();
            }
            !same
        })
    });
}

fn watch_for_mount_points() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    // Mutation callbacks come batched once per microtask, so a burst of
    // inserted elements costs one scan. Mutations inside the widgets' shadow
    // roots are not seen here.
    let callback = Closure::<dyn FnMut()>::new(mount_all);
    if let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) {
        let init = MutationObserverInit::new();
        init.set_child_list(true);
        init.set_subtree(true);
        let _ = observer.observe_with_options(&document, &init);
    }
    // The observer lives as long as the page.
    callback.forget();
}

fn watch_hash() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::<dyn FnMut()>::new(|| {
        let hash = page::current_hash();
        let instances = INSTANCES.with(|instances| instances.borrow().clone());
        for instance in instances {
            instance.follow_hash(&hash);
        }
    });
    let _ = window.add_event_listener_with_callback("hashchange", callback.as_ref().unchecked_ref());
    callback.forget();
}
