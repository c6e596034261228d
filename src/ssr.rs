//! The static, no-JavaScript fallback of a deck: the same Yew components,
//! rendered to HTML on the server (or by the editor CLI).
//!
//! A newsroom pastes the result inside the widget's mount element,
//! `<div data-factcards>…</div>`. It is a declarative shadow root holding the
//! stylesheet link and the deck in `<div class="fc-root" data-theme=…>`, the
//! same structure the live widget builds, so the fallback is isolated from the
//! host page's CSS too; when the widget's script runs it replaces the content.
//! Native only: it needs Yew's `ssr` feature.

use std::future::Future;
use std::pin::pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

use yew::{AttrValue, LocalServerRenderer};

use crate::model::{Sheet, WorldShapes};
use crate::progress::RenderPace;
use crate::view::deck::{FactDeck, FactDeckProps};

/// data/world-map.json: compiled into the native build (the CLI and
/// server-side rendering), never into the wasm, which fetches it.
pub const WORLD_MAP: &str = include_str!("../data/world-map.json");

thread_local! {
    /// The map shapes, parsed on first use (`Rc`, so per thread).
    static SHAPES: Option<Rc<WorldShapes>> = WorldShapes::parse(WORLD_MAP).ok().map(Rc::new);
}

/// The world map shapes for server-side rendering: `FactDeckProps::map`.
/// `None` only if the compiled-in file were broken (tests/regions.rs checks
/// it is not); the maps would then show their captions alone.
pub fn world_shapes() -> Option<Rc<WorldShapes>> {
    SHAPES.with(Clone::clone)
}

/// The stylesheet address used when none is given.
pub const DEFAULT_CSS_HREF: &str = "factcards.css";

/// The colour scheme of the fallback, as the mount point's `data-theme` sets
/// it for the live widget.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the reader's system setting.
    #[default]
    Auto,
}

impl Theme {
    /// Every theme, in the order help texts list them.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Auto];

    /// The value of the `data-theme` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    /// The theme named `name` (`light`, `dark` or `auto`), if any.
    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.as_str() == name)
    }
}

/// How to render the fallback. The last three have the meaning of the
/// [`FactDeckProps`] of the same names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FallbackOptions {
    /// Where the widget's stylesheet is served; written into a `<link>`
    /// attribute, escaped.
    pub css_href: String,
    /// The colour scheme.
    pub theme: Theme,
    /// Optional BCP 47 tag for the widget's own labels; defaults to the
    /// sheet's `lang`.
    pub lang: Option<String>,
    /// Optional id of the category to filter on.
    pub initial_category: Option<String>,
    /// Optional id of the card to show open, with its sources.
    pub initial_card: Option<String>,
}

impl Default for FallbackOptions {
    fn default() -> Self {
        FallbackOptions {
            css_href: DEFAULT_CSS_HREF.to_owned(),
            theme: Theme::default(),
            lang: None,
            initial_category: None,
            initial_card: None,
        }
    }
}

/// The deck's markup for `props`, rendered by the same components as in the
/// browser (not hydratable: the live widget replaces it). With the default
/// `pace`, a big sheet renders only its first cards, as the browser's first
/// render does; `render_fallback` asks for every card.
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
pub fn render_fallback(sheet: Rc<Sheet>, options: &FallbackOptions) -> String {
    let props = FactDeckProps {
        lang: options.lang.clone().map(AttrValue::from),
        initial_category: options.initial_category.clone().map(AttrValue::from),
        initial_card: options.initial_card.clone().map(AttrValue::from),
        // The shapes are read only for a sheet that has a map.
        map: sheet
            .cards
            .iter()
            .any(|card| !card.regions.is_empty())
            .then(world_shapes)
            .flatten(),
        // The fallback holds every card: no script will render the rest.
        pace: RenderPace::Whole,
        ..FactDeckProps::for_sheet(sheet)
    };
    let deck = render_deck(props);
    format!(
        concat!(
            r#"<template shadowrootmode="open">"#,
            r#"<link rel="stylesheet" href="{href}">"#,
            r#"<div class="fc-root" data-theme="{theme}">{deck}</div>"#,
            "</template>",
        ),
        href = escape_attribute(&options.css_href),
        theme = options.theme.as_str(),
        deck = deck,
    )
}

/// `value` made safe inside a double-quoted attribute: no character of it can
/// end the attribute or start a tag or a character reference.
fn escape_attribute(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for character in value.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            other => escaped.push(other),
        }
    }
    escaped
}

/// Wakes the rendering thread when the render can make progress.
struct ThreadWaker(Thread);

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }
}

/// Runs `future` to completion on this thread. Yew's renderer needs no
/// runtime for a deck (nothing in it suspends), so this small loop spares the
/// library a dependency on an executor crate.
fn block_on<F: Future>(future: F) -> F::Output {
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
