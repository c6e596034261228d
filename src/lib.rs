//! factcards: interactive key-facts cards about a news story, rendered from
//! one JSON sheet.
//!
//! Data flows one way: JSON text -> [`model`] (parse + validate) ->
//! [`state`] (what the reader has chosen) -> [`view`] (Yew components) ->
//! DOM. The browser glue lives in `embed`, compiled for wasm only.

pub mod deck_state;
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod editor;
pub mod event;
pub mod i18n;
pub mod live;
pub mod model;
pub mod options;
pub mod progress;
pub mod search;
#[cfg(any(feature = "share-image", not(target_arch = "wasm32")))]
pub mod share_image;
pub mod state;
pub mod styles;
pub mod view;

#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub mod escape;
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub mod publish;
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub mod ssr;

#[cfg(target_arch = "wasm32")]
pub mod embed;

/// The story that ships with factcards: compiled into the editor, the CLI
/// and the Yew component's users, who may want it with no network. The
/// reader's widget fetches it instead, as [`BUNDLED_SHEET_FILE`] beside the
/// loader, and only for a mount that names no sheet.
pub const BUNDLED_SHEET: &str = include_str!("../data/moscow-isis-k.json");

/// The bundled story's file name in `dist/` (index.html copies it there).
pub const BUNDLED_SHEET_FILE: &str = "moscow-isis-k.json";

pub use event::DeckEvent;
pub use options::DeckOptions;
pub use view::deck::{FactDeck, FactDeckProps};
pub use view::error_panel::ErrorPanel;
pub use view::stylesheet::StyleSheet;
