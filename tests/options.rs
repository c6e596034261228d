//! One options shape: what a mount point's attributes and the JS API's
//! options object make of the same choices, and the messages for a typo.
#![cfg(not(target_arch = "wasm32"))]

use factcards::options::{DeckOptions, Layout, OnError, OptionName, OptionValue, Theme};

fn attributes(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
    |name| {
        pairs
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| (*value).to_owned())
    }
}

#[test]
fn every_theme_reads_back_from_its_name() {
    for theme in Theme::ALL {
        assert_eq!(Theme::from_name(theme.as_str()), Some(theme));
    }
    assert_eq!(Theme::from_name("Dark"), None);
    assert_eq!(Theme::default(), Theme::Auto);
}

#[test]
fn auto_follows_a_page_that_sets_one_scheme_and_the_reader_otherwise() {
    assert_eq!(Theme::Auto.following_page("light"), Theme::Light);
    assert_eq!(Theme::Auto.following_page("only light"), Theme::Light);
    assert_eq!(Theme::Auto.following_page("Dark"), Theme::Dark);
    assert_eq!(Theme::Auto.following_page("light dark"), Theme::Auto);
    assert_eq!(Theme::Auto.following_page("normal"), Theme::Auto);
    assert_eq!(Theme::Auto.following_page(""), Theme::Auto);
    // A forced theme stays forced.
    assert_eq!(Theme::Dark.following_page("light"), Theme::Dark);
    assert_eq!(Theme::Light.following_page("dark"), Theme::Light);
}

#[test]
fn the_attributes_set_what_the_js_options_of_the_same_option_set() {
    let from_attributes = DeckOptions::from_attributes(attributes(&[
        ("data-theme", "dark"),
        ("data-lang", "ru"),
        ("data-category", "origins"),
        ("data-card", "aims"),
        ("data-url-state", "off"),
        ("data-on-error", "hide"),
        ("data-debug", ""),
        ("data-timeout", "2500"),
        ("data-layout", "compact"),
        ("data-header", "on"),
        ("data-live", "90"),
    ]));
    let mut from_js = DeckOptions::default();
    for (key, value) in [
        ("theme", OptionValue::Text("dark".into())),
        ("lang", OptionValue::Text("ru".into())),
        ("category", OptionValue::Text("origins".into())),
        ("card", OptionValue::Text("aims".into())),
        ("urlState", OptionValue::Flag(false)),
        ("onError", OptionValue::Text("hide".into())),
        ("debug", OptionValue::Flag(true)),
        ("timeout", OptionValue::Number(2500.0)),
        ("layout", OptionValue::Text("compact".into())),
        ("header", OptionValue::Flag(true)),
        ("live", OptionValue::Number(90.0)),
    ] {
        from_js.set_js(key, value).unwrap();
    }
    assert_eq!(from_attributes, from_js);
    assert_eq!(from_js.theme, Theme::Dark);
    assert_eq!(from_js.initial_card.as_deref(), Some("aims"));
    assert!(!from_js.url_state);
    assert_eq!(from_js.on_error, OnError::Hide);
    assert!(from_js.debug);
    assert_eq!(from_js.timeout_ms, 2500);
    assert_eq!(from_js.layout, Layout::Compact);
    assert!(from_js.shows_header());
}

#[test]
fn the_header_shows_in_full_and_hides_in_compact_unless_the_page_says() {
    let full = DeckOptions::default();
    assert_eq!(full.layout, Layout::Full);
    assert!(full.shows_header());
    let compact = DeckOptions::from_attributes(attributes(&[("data-layout", "compact")]));
    assert!(!compact.shows_header());
    let full_without = DeckOptions::from_attributes(attributes(&[("data-header", "off")]));
    assert!(!full_without.shows_header());
    for layout in Layout::ALL {
        assert_eq!(Layout::from_name(layout.as_str()), Some(layout));
    }
}

#[test]
fn blank_or_unknown_attributes_fall_back_to_the_defaults() {
    let options = DeckOptions::from_attributes(attributes(&[
        ("data-theme", "purple"),
        ("data-lang", "  "),
        ("data-url-state", "on"),
        ("data-on-error", "shout"),
        ("data-debug", "off"),
        ("data-timeout", "soon"),
        ("data-layout", "sidebar"),
        ("data-header", "maybe"),
    ]));
    assert_eq!(options, DeckOptions::default());
}

#[test]
fn every_option_has_a_js_name_and_an_attribute_of_its_own() {
    for option in OptionName::ALL {
        assert_eq!(OptionName::from_js_name(option.js_name()), Some(option));
        assert!(option.attribute().starts_with("data-"));
    }
}

#[test]
fn the_js_options_refuse_typos_by_name() {
    let mut options = DeckOptions::default();
    let refused = [
        (
            "colour",
            OptionValue::Text("red".into()),
            r#"unknown option "colour" (known: "theme", "lang", "category", "card", "urlState", "onError", "debug", "timeout", "layout", "header", "live")"#,
        ),
        (
            "theme",
            OptionValue::Text("purple".into()),
            r#"unknown theme "purple" (known: "light", "dark", "auto")"#,
        ),
        ("lang", OptionValue::Flag(true), r#""lang" must be a string"#),
        (
            "urlState",
            OptionValue::Text("off".into()),
            r#""urlState" must be true or false"#,
        ),
        (
            "onError",
            OptionValue::Text("panel".into()),
            r#"unknown onError "panel" (known: "message", "hide")"#,
        ),
        (
            "timeout",
            OptionValue::Text("5s".into()),
            r#""timeout" must be a number of milliseconds"#,
        ),
        (
            "layout",
            OptionValue::Text("sidebar".into()),
            r#"unknown layout "sidebar" (known: "full", "compact")"#,
        ),
        (
            "header",
            OptionValue::Text("off".into()),
            r#""header" must be true or false"#,
        ),
        (
            "live",
            OptionValue::Text("60".into()),
            r#""live" must be a number of seconds, or true or false"#,
        ),
        (
            "live",
            OptionValue::Number(-1.0),
            r#""live" must be a number of seconds, or true or false"#,
        ),
    ];
    for (name, value, message) in refused {
        assert_eq!(options.set_js(name, value), Err(message.into()), "{name}");
    }
    // undefined and null leave the default.
    options.set_js("card", OptionValue::Absent).unwrap();
    assert_eq!(options, DeckOptions::default());
}

#[test]
fn the_d_ts_declares_every_js_option() {
    let types = include_str!("../web/factcards.d.ts");
    let start = types.find("export interface MountOptions").unwrap();
    let body = &types[start..];
    let body = &body[..body.find("\n}").unwrap()];
    for option in OptionName::ALL {
        assert!(
            body.contains(&format!("  {}?:", option.js_name())),
            "{} is not in MountOptions",
            option.js_name()
        );
    }
}

#[test]
fn the_d_ts_declares_no_option_the_code_does_not_take() {
    let types = include_str!("../web/factcards.d.ts");
    let start = types.find("export interface MountOptions").unwrap();
    let body = &types[start..];
    let body = &body[..body.find("\n}").unwrap()];
    for line in body.lines() {
        if let Some((key, _)) = line.strip_prefix("  ").and_then(|rest| rest.split_once("?:")) {
            assert!(OptionName::from_js_name(key).is_some(), "{key} is not an option");
        }
    }
}

#[test]
fn the_js_api_docs_list_every_option_with_its_attribute() {
    let docs = include_str!("../docs/embedding.md");
    let start = docs
        .find("## The JS API")
        .expect("docs/embedding.md has a JS API section");
    let section = &docs[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |end| end + 3)];
    for option in OptionName::ALL {
        assert!(
            section.contains(&format!("| `{}` |", option.js_name())),
            "{} is not in the JS API table",
            option.js_name()
        );
        assert!(section.contains(option.attribute()), "{}", option.attribute());
    }
}
