//! The widget's CSS as one string: styles/*.css bundled by build.rs in the
//! order styles/factcards.css gives. The browser adopts it into each shadow
//! root; the release build copies build.rs's bundle to dist/factcards.css
//! for the server-rendered fallback.

/// The whole widget stylesheet.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/factcards.css"));
