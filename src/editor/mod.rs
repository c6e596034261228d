//! The sheet editor (editor.html): write, check, preview and publish a sheet
//! in the browser. Its own Trunk binary (`factcards-editor`, built with the
//! `editor` feature), so the reader widget's wasm carries none of it.
//!
//! `state.rs` (one `Action` enum, one pure `apply`), `publish.rs` (the
//! embed codes) and `published.rs` (the published version and what the
//! draft would change in it) are pure and tested natively; the components render and
//! dispatch; `glue.rs` is the only place that touches browser APIs.

pub mod publish;
pub mod published;
pub mod state;
pub mod words;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod fields;
#[cfg(target_arch = "wasm32")]
mod glue;
#[cfg(target_arch = "wasm32")]
mod panels;
#[cfg(target_arch = "wasm32")]
mod published_panel;
#[cfg(target_arch = "wasm32")]
mod sheet_form;

#[cfg(target_arch = "wasm32")]
pub use app::start;
