//! The widget's CSS as one string: styles/*.css bundled by build.rs in the
//! order styles/factcards.css gives, for the CLI's pages, the editor and
//! Yew apps (`StyleSheet`). The release build copies the same bundle to
//! dist/factcards.css, which the server-rendered fallback links and the
//! drop-in's loader fetches for the live widget, so the reader's wasm does
//! not carry it.

/// The whole widget stylesheet.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/factcards.css"));
