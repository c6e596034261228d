//! Bundles the widget's CSS: styles/factcards.css lists one file per
//! component as `@import "x.css";` lines, and this inlines them into one
//! stylesheet (constructed stylesheets, which the shadow roots adopt, cannot
//! `@import`). This is the only place the CSS is
//! bundled: the release build's post-build hook copies this same file from
//! OUT_DIR to dist/factcards.css, for the server-rendered fallback.
//!
//! The bundle is minified (comments and needless whitespace dropped): every
//! reader's browser fetches it, so every byte of a comment costs every reader.

use std::path::Path;
use std::{env, fs};

/// The reader widget's wasm memory at start, in bytes: the 1 MiB stack,
/// the data, and room for the heap of the bundled story's decks (the
/// example article, the largest page, uses 29 pages of 64 KiB once every
/// control has been used; tools/e2e/memory.test.mjs), so that a news-sized
/// deck never grows its memory. In the cross-engine runs, WebKitGTK's wasm at times trapped in
/// the allocator while the memory grew in the widget's first seconds (an
/// `unreachable` in `Rc<str>::from`, an allocation that failed). A bigger
/// sheet still grows. Kept under the benchmark's 4 MB budget for wasm and
/// JS heap together.
const WIDGET_INITIAL_MEMORY: usize = 32 * 65536;

fn main() {
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=factcards-web=--initial-memory={WIDGET_INITIAL_MEMORY}");
    }
    // The live build (crates/factcards-live) links the same widget: its
    // build script reads this as DEP_FACTCARDS_INITIAL_MEMORY.
    println!("cargo::metadata=initial_memory={WIDGET_INITIAL_MEMORY}");
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
    fs::write(out, minify(&bundle)).expect("write the CSS bundle");
}

/// `css` without comments and without whitespace that means nothing: runs
/// become one space, dropped next to `{ } ; , >`, after `(` or `:` and
/// before `)`, and the last `;` of a block goes. Quoted strings are kept as
/// they are. A space before `:` and around `+`/`~` is kept (`a :hover` is
/// not `a:hover`).
fn minify(css: &str) -> String {
    const TIGHT: &[char] = &['{', '}', ';', ',', '>'];
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for inner in chars.by_ref() {
                    if last == '*' && inner == '/' {
                        break;
                    }
                    last = inner;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            _ => {
                if space && !out.is_empty() {
                    let before = out.chars().next_back().unwrap_or(' ');
                    if !TIGHT.contains(&before)
                        && !TIGHT.contains(&c)
                        && !matches!(before, '(' | ':')
                        && c != ')'
                    {
                        out.push(' ');
                    }
                }
                space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                if c == '"' || c == '\'' {
                    for inner in chars.by_ref() {
                        out.push(inner);
                        if inner == c {
                            break;
                        }
                    }
                }
            }
        }
    }
    out.push('\n');
    out
}
