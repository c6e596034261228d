//! The embed codes for a sheet, as README.md's Embedding section writes
//! them: pure text from the sheet, its published URL and where the widget
//! is hosted.

use crate::model::Sheet;

/// The kinds of embed code, in the order the Publish tab offers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedKind {
    /// `<div data-factcards data-src=…>` and the loader script.
    DropIn,
    /// The sheet's JSON inside the mount element.
    Inline,
    /// The iframe page and its height loader.
    Iframe,
    /// `mount()` from a module script.
    JsApi,
}

impl EmbedKind {
    pub const ALL: [EmbedKind; 4] = [
        EmbedKind::DropIn,
        EmbedKind::Inline,
        EmbedKind::Iframe,
        EmbedKind::JsApi,
    ];

    /// A stable key, for element ids and tests.
    pub fn key(self) -> &'static str {
        match self {
            EmbedKind::DropIn => "drop-in",
            EmbedKind::Inline => "inline",
            EmbedKind::Iframe => "iframe",
            EmbedKind::JsApi => "js-api",
        }
    }

    /// Whether the code needs the sheet's published URL.
    pub fn needs_url(self) -> bool {
        !matches!(self, EmbedKind::Inline)
    }
}

/// The embed code of `kind` for `sheet`, published at `sheet_url`, with the
/// widget's files at `base` (a URL ending in `/`).
pub fn embed_code(kind: EmbedKind, sheet: &Sheet, sheet_url: &str, base: &str) -> String {
    let loader = format!(
        r#"<script type="module" src="{}factcards.js"></script>"#,
        escape(base)
    );
    match kind {
        EmbedKind::DropIn => {
            format!(
                "<div data-factcards data-src=\"{}\"></div>\n{loader}\n",
                escape(sheet_url)
            )
        }
        EmbedKind::Inline => {
            let json = serde_json::to_string(sheet).unwrap_or_default();
            // `<` only occurs inside JSON strings, where \u003c means the
            // same: no `</script>` or `<!--` can end the script early.
            let json = json.replace('<', "\\u003c");
            format!(
                "<div data-factcards>\n  <script type=\"application/json\">{json}</script>\n</div>\n{loader}\n"
            )
        }
        EmbedKind::Iframe => format!(
            concat!(
                "<iframe data-factcards-frame title=\"{title}\" style=\"width:100%;border:0\"\n",
                "  src=\"{base}embed.html?src={src}&amp;theme=auto\"></iframe>\n",
                "<script async src=\"{base}embed-loader.js\"></script>\n"
            ),
            title = escape(&sheet.title),
            base = escape(base),
            src = escape(&encode_component(sheet_url)),
        ),
        EmbedKind::JsApi => format!(
            concat!(
                "<div id=\"factcards-{id}\"></div>\n",
                "<script type=\"module\">\n",
                "  import {{ ready }} from \"{base}factcards.js\";\n",
                "  const {{ mount }} = await ready;\n",
                "  mount(document.getElementById(\"factcards-{id}\"), \"{url}\", {{ theme: \"auto\" }});\n",
                "</script>\n"
            ),
            id = escape(&sheet.id),
            base = js_string(base),
            url = js_string(sheet_url),
        ),
    }
}

/// `value` safe in a double-quoted HTML attribute or in text.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            other => out.push(other),
        }
    }
    out
}

/// `value` safe inside a double-quoted JS string in an HTML script.
fn js_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            '\n' => out.push_str("\\n"),
            other => out.push(other),
        }
    }
    out
}

/// `value` percent-encoded as a query parameter (as JS's
/// encodeURIComponent does).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
