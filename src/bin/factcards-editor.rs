//! The editor's browser entry point that Trunk builds (editor.html): wiring
//! only.

#[cfg(target_arch = "wasm32")]
fn main() {
    factcards::editor::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("factcards-editor is the browser build: see docs/editor.md");
    std::process::exit(2);
}
