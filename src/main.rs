//! The browser entry point that Trunk builds: wiring only. Both builds of
//! the widget start here: factcards-web, and factcards-live (the same with
//! the `live` feature, crates/factcards-live).

// The loader starts the widgets (`startWidgets`, in `factcards::embed`)
// once it has the stylesheet too; linking the library in is all this does.
#[cfg(target_arch = "wasm32")]
fn main() {
    let _ = factcards::embed::start;
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("factcards-web is the browser build: run it with `trunk serve` (see README.md)");
    std::process::exit(2);
}
