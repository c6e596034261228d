//! Where the widget's own files are: the folder the loader came from, which
//! holds the bundled story (`moscow-isis-k.json`), the map shapes and the
//! places' names.
//!
//! The wasm cannot know that folder by itself: the hashed glue may be loaded
//! from a CDN, by `import()` from another module (the iframe page does this),
//! or under a renamed loader, and `document.currentScript` is null for
//! modules, so looking for a `<script src$="factcards.js">` misses all of
//! those. The loader does know, exactly, from `import.meta.url`, and passes it
//! to [`super::start`], which sets it before any widget mounts; whoever
//! needs a file awaits [`url_of`], which resolves as soon as the base is
//! known.

use std::cell::RefCell;
use std::future::poll_fn;
use std::task::{Poll, Waker};

thread_local! {
    /// The folder of the loader (factcards.js), set by the loader.
    static BASE: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The fetches waiting for it.
    static WAITING: RefCell<Vec<Waker>> = const { RefCell::new(Vec::new()) };
}

/// Tells the widget where its files are: the loader's folder, such as
/// `new URL(".", import.meta.url).href`; wakes every fetch waiting for it.
pub fn set_asset_base(url: String) {
    BASE.with(|base| *base.borrow_mut() = Some(url));
    for waker in WAITING.with(|waiting| std::mem::take(&mut *waiting.borrow_mut())) {
        waker.wake();
    }
}

/// The address of `file` in the loader's folder, once the loader has said
/// where that is; an error if the base and the name make no URL.
pub async fn url_of(file: &str) -> Result<String, String> {
    let base = poll_fn(|context| match BASE.with(|base| base.borrow().clone()) {
        Some(base) => Poll::Ready(base),
        None => {
            WAITING.with(|waiting| waiting.borrow_mut().push(context.waker().clone()));
            Poll::Pending
        }
    })
    .await;
    web_sys::Url::new_with_base(file, &base)
        .map(|url| url.href())
        .map_err(|_| format!("\"{base}\" is not a URL to find {file} from"))
}
