//! Hostile input through the parser, the validator and the server-side
//! render: every case ends in a clear error or in safe rendering, never a
//! panic, script or injected element. The end-to-end security tests
//! (tools/e2e/security.test.mjs) put hostile sheets through the built widget
//! in the browser.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use common::{bundled_with, errors};
use factcards::BUNDLED_SHEET;
use factcards::model::limits::{MAX_CARDS, MAX_SHEET_BYTES, MAX_TEXT_CHARS};
use factcards::model::parse_sheet;
use factcards::ssr::{FallbackOptions, render_fallback};

const PAYLOADS: [&str; 5] = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(2)</script>",
    "\"><svg onload=alert(3)>",
    "' onmouseover='alert(4)",
    "&lt;b&gt;entity&lt;/b&gt; <!-- comment --> <a href=javascript:alert(5)>x</a>",
];

/// Every tag in `html`, from `<` to `>`: text escaped by the renderer has
/// no raw `<`, so an attribute can only be inside one of these.
/// Each tag's name and attribute names, without the (escaped) values.
fn tags(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or(rest))
        .map(|tag| tag.split('"').step_by(2).collect::<Vec<_>>().join("\"\""))
        .collect()
}

/// JSON string literal for `text`.
fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}

#[test]
fn markup_in_every_text_field_is_rendered_as_text() {
    // Every kind of text the deck shows, each given every payload.
    let fields = [
        r#""title": "Moscow concert hall attack: what we know about ISIS-K""#,
        r#""label": "Origins""#,
        r#""description": "When ISIS-K was formed and the group it belongs to.""#,
        r#""title": "Formed in 2015 as a branch of ISIS""#,
        r#""text": "ISIS-K was set up in 2015.""#,
        r#""attribution": "ISIS-K""#,
        r#""quote": "pure Islamic state""#,
        r#""title": "Moscow Concert Hall Terror Attack Linked to ISIS-K: What You Need to Know""#,
    ];
    for field in fields {
        let key = field.split(':').next().unwrap();
        for payload in PAYLOADS {
            let text = bundled_with(field, &format!("{key}: {}", json_string(payload)));
            let sheet = parse_sheet(&text).unwrap_or_else(|e| panic!("{field} {payload}: {e}"));
            let html = render_fallback(
                Rc::new(sheet),
                &FallbackOptions {
                    initial_card: Some("formed-in-2015".into()),
                    ..FallbackOptions::default()
                },
            );
            for forbidden in ["<img", "<script", "<a href=javascript", "<!--", "<b>"] {
                assert!(!html.contains(forbidden), "{forbidden} from {payload} in {field}");
            }
            for tag in tags(&html) {
                for handler in ["onerror", "onload", "onmouseover"] {
                    assert!(
                        !tag.contains(handler),
                        "{handler} attribute from {payload} in {field}: {tag}"
                    );
                }
            }
            if payload.contains('<') {
                assert!(html.contains("&lt;"), "{payload} in {field} not shown escaped");
            }
        }
    }
}

#[test]
fn markup_in_ids_stays_inside_attribute_values() {
    let payload = "aims\"><img/src=x/onerror=alert(1)>";
    let text = bundled_with(r#""id": "aims""#, &format!("\"id\": {}", json_string(payload)));
    let sheet = parse_sheet(&text).expect("quotes and angle brackets are allowed in ids");
    let html = render_fallback(Rc::new(sheet), &FallbackOptions::default());
    assert!(!html.contains("<img"));
    for tag in tags(&html) {
        assert!(!tag.contains("onerror"), "{tag}");
    }
}

#[test]
fn dangerous_urls_are_refused_with_a_reason() {
    let cases = [
        (
            "javascript:alert(1)",
            "\"javascript:alert(1)\" is not an http or https url, nor a relative one starting with ./ or ../",
        ),
        (
            "JaVaScRiPt:alert(1)",
            "\"JaVaScRiPt:alert(1)\" is not an http or https url, nor a relative one starting with ./ or ../",
        ),
        (
            "data:text/html;base64,PHNjcmlwdD4=",
            "\"data:text/html;base64,PHNjcmlwdD4=\" is not an http or https url, nor a relative one starting with ./ or ../",
        ),
        (
            "vbscript:msgbox(1)",
            "\"vbscript:msgbox(1)\" is not an http or https url, nor a relative one starting with ./ or ../",
        ),
        (
            "//evil.example/path",
            "\"//evil.example/path\" is not an http or https url, nor a relative one starting with ./ or ../",
        ),
        ("  https://example.com/padded  ", "the url has spaces around it"),
        ("\thttps://example.com/tab", "the url has spaces around it"),
        (
            "https://exa mple.com",
            "\"https://exa mple.com\" contains spaces or invisible characters",
        ),
        (
            "https://example.com/\u{202e}gpj.exe",
            "\"https://example.com/\\u{202e}gpj.exe\" contains spaces or invisible characters",
        ),
        (
            "java\nscript:alert(1)",
            "\"java\\nscript:alert(1)\" is not an http or https url, nor a relative one starting with ./ or ../",
        ),
    ];
    let source = r#"{
      "id": "article",
      "title": "Moscow Concert Hall Terror Attack Linked to ISIS-K: What You Need to Know"
    }"#;
    // The bundled source without its own url, to give it each of these.
    let bundled = BUNDLED_SHEET.replacen(
        r#"{
      "id": "article",
      "title": "Moscow Concert Hall Terror Attack Linked to ISIS-K: What You Need to Know",
      "url": "./sources/moscow-isis-k-article.html"
    }"#,
        source,
        1,
    );
    assert_ne!(bundled, BUNDLED_SHEET);
    for (url, message) in cases {
        let text = bundled.replacen(
            r#""title": "Moscow Concert Hall Terror Attack Linked to ISIS-K: What You Need to Know""#,
            &format!(r#""title": "The article", "url": {}"#, json_string(url)),
            1,
        );
        assert_eq!(errors(&text), [format!("sources[0].url: {message}")], "{url:?}");
    }
}

#[test]
fn references_ids_types_and_nulls() {
    let text = bundled_with(r#""category": "origins""#, r#""category": "nowhere""#);
    assert!(errors(&text).contains(&"cards[3].category: unknown category \"nowhere\" (known: \"attack\", \"claims\", \"origins\", \"regions\", \"ideology\", \"russia\")".to_owned()));
    let text = bundled_with(r#""id": "parent-group""#, r#""id": "formed-in-2015""#);
    assert_eq!(
        errors(&text),
        ["cards[4].id: duplicate card id \"formed-in-2015\""]
    );
    let text = bundled_with(r#""cards": ["#, r#""cards": null, "x": ["#);
    assert!(
        errors(&text)
            .iter()
            .any(|e| e == "cards: expected an array, found null")
    );
    let text = bundled_with(r#""factcards": 1"#, r#""factcards": {"version": 1}"#);
    assert_eq!(
        errors(&text),
        ["factcards: unsupported format version an object (supported: 1)"]
    );
    // The first fact's citations, an array of one, made a string.
    let first_citations = r#""sources": [
            { "source": "article", "excerpt": "a recent terror attack at a concert hall in Moscow, has claimed responsibility for the deadly assault. The attack, which took place on Friday" }
          ]"#;
    let text = bundled_with(first_citations, r#""sources": "article""#);
    assert_eq!(
        errors(&text),
        ["cards[0].facts[0].sources: expected an array, found a string"]
    );
    let text = bundled_with(r#""status": "confirmed""#, r#""status": true"#);
    assert_eq!(
        errors(&text),
        ["cards[0].facts[0].status: expected a string, found a boolean"]
    );
}

#[test]
fn malformed_documents_get_syntax_errors_with_positions() {
    assert_eq!(
        errors(""),
        ["line 1, column 1: the document is empty: expected a JSON object"]
    );
    assert_eq!(errors("[1, 2]"), ["(root): expected an object, found an array"]);
    assert_eq!(
        errors("\"a sheet\""),
        ["(root): expected an object, found a string"]
    );
    assert_eq!(
        errors("{\"factcards\": 1,}"),
        ["line 1, column 17: trailing comma before '}'"]
    );
    assert_eq!(
        errors("{\"a\": [1,]}"),
        ["line 1, column 10: trailing comma before ']'"]
    );
    assert_eq!(
        errors("{} {}"),
        ["line 1, column 4: unexpected text after the end of the document"]
    );
    assert_eq!(
        errors("{\"a\": 'single'}"),
        ["line 1, column 7: expected a value, found '''"]
    );
    assert_eq!(
        errors("{\"a\": \"\\ud800\"}"),
        ["line 1, column 8: lone surrogate \\ud800 is not a character"]
    );
    assert_eq!(
        errors("{\"a\": \"\\udc00x\"}"),
        ["line 1, column 8: lone surrogate \\udc00 is not a character"]
    );
    assert_eq!(
        errors("{\"a\": \"tab\there\"}"),
        ["line 1, column 11: control character in a string (write it as an escape such as \\n)"]
    );
    // A byte order mark is allowed, as RFC 8259 permits.
    assert!(parse_sheet(&format!("\u{feff}{BUNDLED_SHEET}")).is_ok());
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_without_recursion_trouble() {
    for depth in [33, 1_000, 1_000_000] {
        let text = format!("{{\"a\": {}{}}}", "[".repeat(depth), "]".repeat(depth));
        let found = errors(&text);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].ends_with("nesting is deeper than 32 levels of arrays and objects"),
            "{}",
            found[0]
        );
    }
    let objects = format!("{}{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    assert!(errors(&objects)[0].ends_with("nesting is deeper than 32 levels of arrays and objects"));
}

#[test]
fn huge_inputs_hit_a_limit_before_the_work() {
    // A 10 MB string: refused on size, before parsing.
    let huge = bundled_with(
        r#""ISIS-K was set up in 2015.""#,
        &json_string(&"x".repeat(10 * 1024 * 1024)),
    );
    assert_eq!(
        errors(&huge),
        [format!(
            "the sheet is {} bytes; the limit is {MAX_SHEET_BYTES} bytes (4 MiB)",
            huge.len()
        )]
    );
    // 100,000 cards, written compactly enough to pass the byte limit.
    let cards = vec![r#"{"id":"c"}"#; 100_000].join(",");
    let text = format!(r#"{{"factcards":1,"cards":[{cards}]}}"#);
    assert!(text.len() < MAX_SHEET_BYTES);
    assert_eq!(
        errors(&text),
        [format!("cards: 100000 cards; the limit is {MAX_CARDS}")]
    );
    // One over-long text.
    let long = bundled_with(
        r#""ISIS-K was set up in 2015.""#,
        &json_string(&"é".repeat(MAX_TEXT_CHARS + 1)),
    );
    assert_eq!(
        errors(&long),
        [format!(
            "cards[3].facts[0].text: the text is {} characters; the limit is {MAX_TEXT_CHARS}",
            MAX_TEXT_CHARS + 1
        )]
    );
}

#[test]
fn invisible_and_direction_characters_in_ids_are_errors() {
    for (bad, code) in [
        ("\u{202e}", "202E"),
        ("\u{200b}", "200B"),
        ("\u{2066}", "2066"),
        ("\u{feff}", "FEFF"),
    ] {
        let text = bundled_with(r#""id": "aims""#, &format!("\"id\": \"ai{bad}ms\""));
        let found = errors(&text);
        assert!(
            found.iter().any(|e| e.starts_with("cards[7].id: card id")
                && e.ends_with(&format!("contains the invisible character U+{code}"))),
            "{found:?}"
        );
    }
}

#[test]
fn direction_overrides_in_text_stay_inside_their_element() {
    let text = bundled_with(
        r#""ISIS-K was set up in 2015.""#,
        "\"\u{202e}ISIS-K was set up in 2015.\u{200b}\"",
    );
    let sheet = parse_sheet(&text).expect("text may carry such characters");
    let html = render_fallback(Rc::new(sheet), &FallbackOptions::default());
    // The override is inside the fact's own paragraph, which isolates it;
    // the source marks after it are isolated from it too.
    assert!(html.contains(
        "<p class=\"fc-fact__text\">\u{202e}ISIS-K was set up in 2015.\u{200b}<span class=\"fc-cites\">"
    ));
    // The bundle may be minified: compare without spaces.
    let css: String = factcards::styles::CSS.split_whitespace().collect();
    let marks_rule = css
        .split(".fc-cites{")
        .nth(1)
        .and_then(|rule| rule.split('}').next())
        .expect("a rule for the source marks");
    assert!(marks_rule.contains("unicode-bidi:isolate"), "{marks_rule}");
}

#[test]
fn element_ids_stay_unique_whatever_the_card_ids() {
    // Card "aims/sources" must not collide with card "aims"'s sources panel.
    let text = bundled_with(r#""id": "ties-to-isis""#, r#""id": "aims/sources""#);
    let sheet = parse_sheet(&text).expect("a slash is allowed in a card id");
    let html = render_fallback(Rc::new(sheet), &FallbackOptions::default());
    let mut ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "duplicate element ids");
}
