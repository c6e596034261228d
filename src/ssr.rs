//! The static, no-JavaScript fallback of a deck: the same Yew components,
//! rendered to HTML on the server (or by the editor CLI).
//!
//! A newsroom pastes the result inside the widget's mount element,
//! `<div data-factcards>…</div>`. It is a declarative shadow root holding the
//! stylesheet link and the deck in `<div class="fc-root" data-theme=…>`, the
//! same structure the live widget builds, so the fallback is isolated from the
//! host page's CSS too; when the widget's script runs it replaces the content.
//! Natively (the CLI, the tests) all of it; in the editor's wasm (Yew's
//! `ssr` feature) the props and the wrapping, around Yew's own async
//! renderer, so that both make the very same fallback.

#[cfg(not(target_arch = "wasm32"))]
use std::future::Future;
#[cfg(not(target_arch = "wasm32"))]
use std::pin::pin;
use std::rc::Rc;
#[cfg(not(target_arch = "wasm32"))]
use std::sync::Arc;
#[cfg(not(target_arch = "wasm32"))]
use std::task::{Context, Poll, Wake, Waker};
#[cfg(not(target_arch = "wasm32"))]
use std::thread::{self, Thread};

use yew::LocalServerRenderer;

use crate::live::RENDERED_SHEET_CLASS;
#[cfg(not(target_arch = "wasm32"))]
use crate::model::Card;
use crate::model::{Sheet, WorldShapes};
use crate::options::DeckOptions;
pub use crate::options::{DEFAULT_CSS_HREF, Theme};
use crate::progress::RenderPace;
use crate::view::deck::{FactDeck, FactDeckProps};

#[cfg(not(target_arch = "wasm32"))]
/// data/world-map.json: compiled into the native build (the CLI and
/// server-side rendering), never into the wasm, which fetches it.
pub const WORLD_MAP: &str = include_str!("../data/world-map.json");

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    /// The map shapes, parsed on first use (`Rc`, so per thread).
    static SHAPES: Option<Rc<WorldShapes>> = WorldShapes::parse(WORLD_MAP).ok().map(Rc::new);
}

/// The world map shapes for server-side rendering: `DeckOptions::map`.
/// `None` only if the compiled-in file were broken (tests/regions.rs checks
/// it is not); the maps would then show their captions alone.
#[cfg(not(target_arch = "wasm32"))]
pub fn world_shapes() -> Option<Rc<WorldShapes>> {
    SHAPES.with(Clone::clone)
}

/// How to render the fallback: the deck's own options, read as the live
/// widget reads a mount point's data attributes (`theme`, `lang`,
/// `initial_category`, `initial_card`), and `css_href` for the stylesheet.
pub type FallbackOptions = DeckOptions;

/// The deck's markup for `props`, rendered by the same components as in the
/// browser (not hydratable: the live widget replaces it). With the default
/// `pace`, a big sheet renders only its first cards, as the browser's first
/// render does; `render_fallback` asks for every card.
#[cfg(not(target_arch = "wasm32"))]
pub fn render_deck(props: FactDeckProps) -> String {
    block_on(
        LocalServerRenderer::<FactDeck>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The static HTML of the deck for `sheet`, wrapped in a declarative shadow
/// root: `<template shadowrootmode="open"><link …><div class="fc-root"
/// data-theme=…>…</div></template>`. The sheet must be valid (see
/// `model::check`).
#[cfg(not(target_arch = "wasm32"))]
pub fn render_fallback(sheet: Rc<Sheet>, options: &FallbackOptions) -> String {
    // The shapes are read only for a sheet that has a map.
    let map = sheet.cards.iter().any(Card::has_map).then(world_shapes).flatten();
    block_on(render_fallback_with(sheet, options, map))
}

/// The same fallback as `render_fallback`, drawn with the map shapes `map`
/// (only a sheet with a map needs them): what the editor's wasm awaits,
/// since Yew's renderer is async there, and the CLI blocks on.
pub async fn render_fallback_with(
    sheet: Rc<Sheet>,
    options: &FallbackOptions,
    map: Option<Rc<WorldShapes>>,
) -> String {
    let props = fallback_props(Rc::clone(&sheet), options, map);
    let deck = LocalServerRenderer::<FactDeck>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    wrap_fallback(&deck, &sheet, options)
}

/// The props of the fallback deck of `sheet`, drawn with the map shapes
/// `map`: every card, and the controls that need a script kept in their
/// place, unseen.
pub fn fallback_props(
    sheet: Rc<Sheet>,
    options: &FallbackOptions,
    map: Option<Rc<WorldShapes>>,
) -> FactDeckProps {
    FactDeckProps {
        options: DeckOptions {
            map,
            // The fallback holds every card: no script will render the rest.
            pace: RenderPace::Whole,
            // No dead controls: they hold their place, unseen, until the
            // live deck takes over.
            static_markup: true,
            ..options.clone()
        },
        ..FactDeckProps::for_sheet(sheet)
    }
}

/// `deck`, the rendered fallback deck of `sheet`, in its declarative shadow
/// root with the stylesheet link (and, for a live sheet, the sheet as
/// rendered).
pub fn wrap_fallback(deck: &str, sheet: &Sheet, options: &FallbackOptions) -> String {
    format!(
        concat!(
            r#"<template shadowrootmode="open">"#,
            r#"<link rel="stylesheet" href="{href}">"#,
            r#"<div class="fc-root" data-theme="{theme}">{deck}</div>"#,
            "{rendered}</template>",
        ),
        href = crate::escape::html(&options.css_href),
        theme = options.theme.as_str(),
        deck = deck,
        rendered = rendered_sheet(sheet),
    )
}

/// For a live sheet (one with `refresh`), the sheet as rendered, as an
/// inert JSON script: a live deck that takes over the fallback diffs what
/// it fetches against it, and shows what changed since the page was
/// rendered instead of swapping the facts silently. Empty otherwise.
fn rendered_sheet(sheet: &Sheet) -> String {
    if sheet.refresh.is_none() {
        return String::new();
    }
    let Ok(json) = serde_json::to_string(sheet) else {
        return String::new();
    };
    format!(
        r#"<script type="application/json" class="{RENDERED_SHEET_CLASS}">{}</script>"#,
        crate::escape::json_in_script(&json)
    )
}

/// Wakes the rendering thread when the render can make progress.
#[cfg(not(target_arch = "wasm32"))]
struct ThreadWaker(Thread);

#[cfg(not(target_arch = "wasm32"))]
impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Runs `future` to completion on this thread. Yew's renderer needs no
/// runtime for a deck (nothing in it suspends), so this small loop spares the
/// library a dependency on an executor crate.
#[cfg(not(target_arch = "wasm32"))]
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let waker = Waker::from(Arc::new(ThreadWaker(thread::current())));
    let mut context = Context::from_waker(&waker);
    loop {
        match future.as_mut().poll(&mut context) {
            Poll::Ready(output) => return output,
            Poll::Pending => thread::park(),
        }
    }
}
