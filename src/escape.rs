//! Text made safe for the places the CLI and the editor write it: HTML
//! attributes and text, JS strings inside an HTML script, URL query values.
//! One home for each, so that the fallback, the embed codes and the story
//! folder escape alike.

/// `value` safe in a double- or single-quoted HTML attribute, or in text: no
/// character of it can end the attribute, start a tag or a character
/// reference.
pub fn html(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for character in value.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            other => escaped.push(other),
        }
    }
    escaped
}

/// `value` safe inside a double-quoted JS string in an HTML script.
pub fn js_string(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for character in value.chars() {
        match character {
            '"' => escaped.push_str("\\\""),
            '\\' => escaped.push_str("\\\\"),
            '<' => escaped.push_str("\\u003c"),
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            '\u{2028}' => escaped.push_str("\\u2028"),
            '\u{2029}' => escaped.push_str("\\u2029"),
            other => escaped.push(other),
        }
    }
    escaped
}

/// `value` percent-encoded as a query parameter (as JS's
/// encodeURIComponent does).
pub fn url_component(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// JSON text that is safe inside an HTML `<script>` element: `<` only
/// occurs inside JSON strings, where \u003c means the same, so no
/// `</script>` or `<!--` can end the script early.
pub fn json_in_script(json: &str) -> String {
    json.replace('<', "\\u003c")
}
