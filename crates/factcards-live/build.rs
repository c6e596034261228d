//! The widget's initial memory, as the root package's build.rs gives it to
//! factcards-web (it says why), for this build too.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        let bytes = std::env::var("DEP_FACTCARDS_INITIAL_MEMORY")
            .expect("factcards' build script gives its initial memory");
        println!("cargo::rustc-link-arg-bin=factcards-live=--initial-memory={bytes}");
    }
}
