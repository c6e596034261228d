//! Bundles the widget's CSS: styles/factcards.css lists one file per
//! component as `@import "x.css";` lines, and this inlines them into one
//! stylesheet that the crate includes (constructed stylesheets, which the
//! shadow roots adopt, cannot `@import`). This is the only place the CSS is
//! bundled: the release build's post-build hook copies this same file from
//! OUT_DIR to dist/factcards.css, for the server-rendered fallback.

use std::path::Path;
use std::{env, fs};

fn main() {
    let styles = Path::new("styles");
    let manifest = styles.join("factcards.css");
    println!("cargo::rerun-if-changed={}", manifest.display());
    let text = fs::read_to_string(&manifest).expect("styles/factcards.css is readable");
    let mut bundle = String::new();
    for line in text.lines() {
        if let Some(file) = line
            .trim()
            .strip_prefix("@import \"")
            .and_then(|rest| rest.strip_suffix("\";"))
        {
            let path = styles.join(file);
            println!("cargo::rerun-if-changed={}", path.display());
            let css = fs::read_to_string(&path).unwrap_or_else(|error| {
                panic!("{} is listed in styles/factcards.css: {error}", path.display())
            });
            bundle.push_str(&css);
            bundle.push('\n');
        }
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("factcards.css");
    fs::write(out, bundle).expect("write the CSS bundle");
}
