//! One options shape: what a mount point's attributes and the JS API's
//! options object make of the same choices, and the messages for a typo.
#![cfg(not(target_arch = "wasm32"))]

use factcards::options::{DeckOptions, OnError, OptionName, OptionValue, Theme};

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
    assert_eq!(
        options.set_js("colour", OptionValue::Text("red".into())),
        Err(r#"unknown option "colour" (known: "theme", "lang", "category", "card", "urlState", "onError", "debug", "timeout", "live")"#.into())
    );
    assert_eq!(
        options.set_js("theme", OptionValue::Text("purple".into())),
        Err(r#"unknown theme "purple" (known: "light", "dark", "auto")"#.into())
    );
    assert_eq!(
        options.set_js("lang", OptionValue::Flag(true)),
        Err(r#""lang" must be a string"#.into())
    );
    assert_eq!(
        options.set_js("urlState", OptionValue::Text("off".into())),
        Err(r#""urlState" must be true or false"#.into())
    );
    assert_eq!(
        options.set_js("onError", OptionValue::Text("panel".into())),
        Err(r#"unknown onError "panel" (known: "message", "hide")"#.into())
    );
    assert_eq!(
        options.set_js("timeout", OptionValue::Text("5s".into())),
        Err(r#""timeout" must be a number of milliseconds"#.into())
    );
    assert_eq!(
        options.set_js("live", OptionValue::Text("60".into())),
        Err(r#""live" must be a number of seconds, or true or false"#.into())
    );
    assert_eq!(
        options.set_js("live", OptionValue::Number(-1.0)),
        Err(r#""live" must be a number of seconds, or true or false"#.into())
    );
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
