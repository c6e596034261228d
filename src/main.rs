//! The browser entry point that Trunk builds: wiring only.

#[cfg(target_arch = "wasm32")]
fn main() {
    factcards::embed::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("factcards-web is the browser build: run it with `trunk serve` (see README.md)");
    std::process::exit(2);
}
