//! One test per rule of the format, each asserting the exact message and path.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{VALID, errors, warnings, with};
use factcards::model::{Severity, check, parse_sheet};

#[test]
fn the_valid_sheet_is_valid() {
    assert_eq!(errors(VALID), Vec::<String>::new());
    assert_eq!(warnings(VALID), Vec::<String>::new());
    let sheet = parse_sheet(VALID).expect("valid");
    assert_eq!(sheet.cards.len(), 2);
    assert_eq!(sheet.corrections.len(), 1);
}

#[test]
fn syntax_errors_give_line_and_column() {
    let text = with(
        r#""title": "A test story","#,
        r#""title": "A test story" "x": 1,"#,
    );
    assert_eq!(
        errors(&text),
        ["line 4, column 27: expected ',' or '}', found '\"'"]
    );
    let problem = check(&text).problems.remove(0);
    assert_eq!(problem.path, "");
    assert_eq!(problem.pos.map(|p| (p.line, p.column)), Some((4, 27)));
}

#[test]
fn trailing_commas_are_syntax_errors() {
    let text = with(r#""Origins"}"#, r#""Origins",}"#);
    assert_eq!(errors(&text), ["line 13, column 42: trailing comma before '}'"]);
    let text = with(r#"["article"]}]},"#, r#"["article",]}]},"#);
    assert_eq!(errors(&text), ["line 18, column 99: trailing comma before ']'"]);
}

#[test]
fn empty_document_and_non_object_roots_are_refused() {
    assert_eq!(
        errors(""),
        ["line 1, column 1: the document is empty: expected a JSON object"]
    );
    assert_eq!(
        errors("  \n "),
        ["line 2, column 2: the document is empty: expected a JSON object"]
    );
    assert_eq!(errors("[]"), ["(root): expected an object, found an array"]);
    assert_eq!(
        errors("\"sheet\""),
        ["(root): expected an object, found a string"]
    );
    assert_eq!(errors("null"), ["(root): expected an object, found null"]);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{VALID}");
    assert_eq!(errors(&text), Vec::<String>::new());
}

#[test]
fn format_version_must_be_supported() {
    assert_eq!(
        errors(&with(r#""factcards": 1"#, r#""factcards": 2"#)),
        ["factcards: unsupported format version 2 (supported: 1)"]
    );
    assert_eq!(
        errors(&with(r#""factcards": 1"#, r#""factcards": "1""#)),
        ["factcards: unsupported format version a string (supported: 1)"]
    );
    assert_eq!(
        errors(&with(r#""factcards": 1,"#, "")),
        ["(root): missing field \"factcards\" (the format version; supported: 1)"]
    );
}

#[test]
fn unknown_and_misspelt_fields_are_reported() {
    let text = with(r#""title": "Formed in 2015""#, r#""titel": "Formed in 2015""#);
    // In the order of the text: the card starts before its misspelt key.
    assert_eq!(
        errors(&text),
        [
            "cards[0]: missing field \"title\"",
            "cards[0].titel: unknown field \"titel\" (did you mean \"title\"?)",
        ]
    );
    let text = with(r#""lang": "en","#, r#""lang": "en", "colour": "red","#);
    assert_eq!(
        errors(&text),
        [
            "colour: unknown field \"colour\" (known fields: \"factcards\", \"id\", \"title\", \"summary\", \"lang\", \"updated\", \"refresh\", \"sources\", \"categories\", \"cards\", \"corrections\", \"credit\")"
        ]
    );
}

#[test]
fn duplicate_keys_are_reported() {
    let text = with(r#""lang": "en","#, r#""lang": "en", "lang": "ru","#);
    assert_eq!(errors(&text), ["lang: duplicate field \"lang\""]);
}

#[test]
fn wrong_types_and_null_are_reported_with_their_path() {
    let text = with(r#""title": "A test story""#, r#""title": 5"#);
    assert_eq!(errors(&text), ["title: expected a string, found a number"]);
    let text = with(r#"{"id": "origins", "label": "Origins"}"#, "null");
    assert_eq!(errors(&text), ["categories[0]: expected an object, found null"]);
    let text = with(r#""attribution": "the group""#, r#""attribution": null"#);
    assert_eq!(
        errors(&text),
        ["cards[1].facts[0].attribution: expected a string, found null"]
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let text = with(r#""title": "A test story""#, r#""title": 5"#)
        .replacen(r#""status": "confirmed""#, r#""status": "confimred""#, 1)
        .replacen(r#""sources": ["article"]}"#, r#""sources": ["s9"]}"#, 1);
    // Shape and rule problems in one pass, in the order of the text.
    assert_eq!(
        errors(&text),
        [
            "title: expected a string, found a number",
            "cards[0].facts[0].status: unknown status \"confimred\" (did you mean \"confirmed\"?)",
            "cards[0].facts[0].sources[0]: unknown source \"s9\" (known: \"article\", \"report\")",
        ]
    );
    let text = with(r#""sources": ["article"]}"#, r#""sources": ["s9"]}"#).replacen(
        r#""category": "claims""#,
        r#""category": "nope""#,
        1,
    );
    // "claims" has no cards only if "nope" is not it: that is not said.
    assert_eq!(
        errors(&text),
        [
            "cards[0].facts[0].sources[0]: unknown source \"s9\" (known: \"article\", \"report\")",
            "cards[1].category: unknown category \"nope\" (known: \"origins\", \"claims\")",
        ]
    );
}

/// An editor's first draft with two mistakes: both are found in the first
/// run, and each is one error, with no advice that only follows from it.
#[test]
fn two_mistakes_in_a_new_sheet_are_found_at_once() {
    let text = with(r#""status": "confirmed""#, r#""status": "confimred""#).replacen(
        r#""sources": ["article"]}"#,
        r#""sources": ["artcle"]}"#,
        1,
    );
    assert_eq!(
        errors(&text),
        [
            "cards[0].facts[0].status: unknown status \"confimred\" (did you mean \"confirmed\"?)",
            "cards[0].facts[0].sources[0]: unknown source \"artcle\" (did you mean \"article\"?)",
        ]
    );
    assert_eq!(warnings(&text), Vec::<String>::new());
}

#[test]
fn an_unknown_source_is_one_error_without_follow_on_warnings() {
    // The only citation of "report" misspelt: neither "report is not cited"
    // nor "no source of this fact has a url".
    let text = with(r#""sources": ["article", "report"]"#, r#""sources": ["reprot"]"#);
    assert_eq!(
        errors(&text),
        ["cards[1].facts[0].sources[0]: unknown source \"reprot\" (did you mean \"report\"?)"]
    );
    assert_eq!(warnings(&text), Vec::<String>::new());
}

#[test]
fn unknown_ids_get_a_did_you_mean() {
    assert_eq!(
        errors(&with(r#""category": "claims""#, r#""category": "Claims""#)),
        ["cards[1].category: unknown category \"Claims\" (did you mean \"claims\"?)"]
    );
    assert_eq!(
        errors(&with(r#""card": "formed""#, r#""card": "fromed""#)),
        ["corrections[0].card: unknown card \"fromed\" (did you mean \"formed\"?)"]
    );
    assert_eq!(
        errors(&with(r#""sources": ["article"]}"#, r#""sources": ["articles"]}"#)),
        ["cards[0].facts[0].sources[0]: unknown source \"articles\" (did you mean \"article\"?)"]
    );
}

#[test]
fn a_value_that_did_not_decode_has_no_follow_on_problems() {
    // A missing title is not also "empty".
    assert_eq!(
        errors(&with(r#""summary": "One sentence.","#, "")),
        ["(root): missing field \"summary\""]
    );
    // A card that is not an object: its category is not "without cards", and
    // the correction that names it does not name an "unknown card".
    let first_card = r#"{"id": "formed", "category": "origins", "title": "Formed in 2015",
     "facts": [{"text": "The group formed in 2015.", "status": "confirmed", "sources": ["article"]}]}"#;
    assert_eq!(
        errors(&with(first_card, "null")),
        ["cards[0]: expected an object, found null"]
    );
    // Sources of the wrong type: no fact's citation is "unknown", and the
    // rest of the sheet is still checked.
    let sources = r#"[
    {"id": "article", "title": "The article", "url": "https://example.com/a"},
    {"id": "report", "title": "A report", "url": "http://example.org/r", "published": "2024-03-22T18:05:00Z"}
  ]"#;
    let text = with(sources, r#""article, report""#).replacen(
        r#""date": "2024-03-24""#,
        r#""date": "24/03/2024""#,
        1,
    );
    assert_eq!(
        errors(&text),
        [
            "sources: expected an array, found a string",
            "corrections[0].date: \"24/03/2024\" is not an ISO 8601 date or date-time, such as \"2024-03-23\" or \"2024-03-23T18:05:00Z\"; \
             it looks like a date that Excel reformatted: write it as \"2024-03-24\" (or format the column as text before saving)",
        ]
    );
    assert_eq!(warnings(&text), Vec::<String>::new());
    // A url of the wrong type is not "no url".
    let text = with(
        r#""url": "https://example.com/a""#,
        r#""url": ["https://example.com/a"]"#,
    );
    assert_eq!(
        errors(&text),
        ["sources[0].url: expected a string, found an array"]
    );
    assert_eq!(warnings(&text), Vec::<String>::new());
}

#[test]
fn a_claim_without_claimant_is_a_warning_beside_other_problems() {
    let text = with(r#""attribution": "the group", "#, "").replacen(
        r#""status": "confirmed""#,
        r#""status": "true""#,
        1,
    );
    assert_eq!(errors(&text).len(), 1);
    assert_eq!(
        warnings(&text),
        [
            "cards[1].facts[0]: a claimed fact has no attribution: say who claims it (needed before publishing)"
        ]
    );
    // A status that did not decode is not judged.
    let text = with(r#""attribution": "the group", "#, "").replacen(
        r#""status": "claimed""#,
        r#""status": "claim""#,
        1,
    );
    assert_eq!(
        errors(&text),
        ["cards[1].facts[0].status: unknown status \"claim\" (did you mean \"claimed\"?)"]
    );
    assert_eq!(warnings(&text), Vec::<String>::new());
}

#[test]
fn unknown_status_lists_the_statuses() {
    let text = with(r#""status": "confirmed""#, r#""status": "true""#);
    assert_eq!(
        errors(&text),
        [
            "cards[0].facts[0].status: unknown status \"true\" (expected one of: \"confirmed\", \"claimed\", \"reported\", \"unclear\", \"disputed\")"
        ]
    );
}

#[test]
fn ids_are_unique_within_their_list() {
    let text = with(r#""id": "report""#, r#""id": "article""#);
    let found = errors(&text);
    assert_eq!(found[0], "sources[1].id: duplicate source id \"article\"");
    let text = with(r#""id": "claim""#, r#""id": "formed""#);
    assert_eq!(errors(&text), ["cards[1].id: duplicate card id \"formed\""]);
    let text = with(
        r#"{"id": "claims", "label": "Claims""#,
        r#"{"id": "origins", "label": "Claims""#,
    );
    assert_eq!(
        errors(&text),
        [
            "categories[1].id: duplicate category id \"origins\"",
            "cards[1].category: unknown category \"claims\" (known: \"origins\", \"origins\")"
        ]
    );
}

#[test]
fn references_resolve() {
    let text = with(
        r#""sources": ["article", "report"]"#,
        r#""sources": ["article", "s9"]"#,
    );
    assert_eq!(
        errors(&text),
        ["cards[1].facts[0].sources[1]: unknown source \"s9\" (known: \"article\", \"report\")"]
    );
    let text = with(r#""card": "formed""#, r#""card": "gone""#);
    assert_eq!(
        errors(&text),
        ["corrections[0].card: unknown card \"gone\" (known: \"formed\", \"claim\")"]
    );
}

#[test]
fn no_text_is_empty_or_only_whitespace() {
    assert_eq!(
        errors(&with(r#""summary": "One sentence.""#, r#""summary": """#)),
        ["summary: is empty"]
    );
    assert_eq!(
        errors(&with(
            r#""text": "The group formed in 2015.""#,
            r#""text": " \n\t ""#
        )),
        ["cards[0].facts[0].text: is only whitespace"]
    );
    assert_eq!(
        errors(&with(r#""label": "Origins""#, r#""label": "   ""#)),
        ["categories[0].label: is only whitespace"]
    );
}

#[test]
fn dates_parse() {
    let expected = |path: &str, date: &str| {
        format!(
            "{path}: \"{date}\" is not an ISO 8601 date or date-time, such as \"2024-03-23\" or \"2024-03-23T18:05:00Z\""
        )
    };
    // (A date that Excel reformatted, such as "23/03/2024", gets a hint:
    // dates_that_excel_reformatted_say_how_to_write_them.)
    for bad in [
        "2024-02-30",
        "2024-13-01",
        "2024-03-23T25:00Z",
        "2024-03-23T18:05",
        "2023-02-29",
    ] {
        let text = with(r#""updated": "2024-03-23""#, &format!(r#""updated": "{bad}""#));
        assert_eq!(errors(&text), [expected("updated", bad)], "{bad}");
    }
    for good in [
        "2024-02-29",
        "2024-03-23T18:05Z",
        "2024-03-23T18:05:09.123+03:00",
        "2024-03-23T00:00:00-05:00",
    ] {
        let text = with(r#""updated": "2024-03-23""#, &format!(r#""updated": "{good}""#));
        assert_eq!(errors(&text), Vec::<String>::new(), "{good}");
    }
    let text = with(r#""date": "2024-03-24""#, r#""date": "yesterday""#);
    assert_eq!(errors(&text), [expected("corrections[0].date", "yesterday")]);
}

#[test]
fn dates_that_excel_reformatted_say_how_to_write_them() {
    const NOT_ISO: &str =
        "is not an ISO 8601 date or date-time, such as \"2024-03-23\" or \"2024-03-23T18:05:00Z\"";
    const AS_TEXT: &str = "(or format the column as text before saving)";
    const ZONE: &str = ", with its time zone after it (\"Z\" for UTC, or an offset such as \"+03:00\")";
    let excel = |date: &str, write: &str| {
        format!("updated: \"{date}\" {NOT_ISO}; it looks like a date that Excel reformatted{write} {AS_TEXT}")
    };
    let either_way = ", and its day and month could be either way round: write it as";
    for (date, expected) in [
        // Day and month both 12 or less: both readings, day first.
        (
            "01/12/2026",
            excel(
                "01/12/2026",
                &format!(
                    "{either_way} \"2026-12-01\" if it is 1 December, or \"2026-01-12\" if it is 12 January"
                ),
            ),
        ),
        (
            "12/1/2026",
            excel(
                "12/1/2026",
                &format!(
                    "{either_way} \"2026-01-12\" if it is 12 January, or \"2026-12-01\" if it is 1 December"
                ),
            ),
        ),
        // One reading only: a day past 12, the same number twice, dots
        // (always day first), the year first.
        ("13/01/2026", excel("13/01/2026", ": write it as \"2026-01-13\"")),
        ("1/13/2026", excel("1/13/2026", ": write it as \"2026-01-13\"")),
        ("05/05/2026", excel("05/05/2026", ": write it as \"2026-05-05\"")),
        ("1.12.2026", excel("1.12.2026", ": write it as \"2026-12-01\"")),
        ("2026/12/01", excel("2026/12/01", ": write it as \"2026-12-01\"")),
        ("26-11-2026", excel("26-11-2026", ": write it as \"2026-11-26\"")),
        // With a time: it needs its zone back.
        (
            "01/12/2026 14:05",
            excel(
                "01/12/2026 14:05",
                &format!(
                    "{either_way} \"2026-12-01T14:05\" if it is 1 December, or \"2026-01-12T14:05\" if it is 12 January{ZONE}"
                ),
            ),
        ),
        (
            "13.01.2026 14:05:30",
            excel(
                "13.01.2026 14:05:30",
                &format!(": write it as \"2026-01-13T14:05:30\"{ZONE}"),
            ),
        ),
        (
            "1/13/2026 2:05 PM",
            excel(
                "1/13/2026 2:05 PM",
                &format!(": write it as \"2026-01-13T14:05\"{ZONE}"),
            ),
        ),
    ] {
        let text = with(r#""updated": "2024-03-23""#, &format!(r#""updated": "{date}""#));
        assert_eq!(errors(&text), [expected], "{date}");
    }
    // Not dates, or not days that exist: no hint.
    for date in [
        "soon",
        "31/02/2026",
        "13/13/2026",
        "2024-02-30",
        "2026-12-1",
        "01/12/26",
        "1.2.3.2026",
        "01/12/2026 25:00",
        "01/12/2026 soon",
    ] {
        let text = with(r#""updated": "2024-03-23""#, &format!(r#""updated": "{date}""#));
        assert_eq!(
            errors(&text),
            [format!("updated: \"{date}\" {NOT_ISO}")],
            "{date}"
        );
    }
    // Every date field gets it: a source's publication, a correction's date.
    let text = with(r#""date": "2024-03-24""#, r#""date": "24/03/2024""#);
    assert_eq!(
        errors(&text),
        [format!(
            "corrections[0].date: \"24/03/2024\" {NOT_ISO}; it looks like a date that Excel reformatted: \
             write it as \"2024-03-24\" {AS_TEXT}"
        )]
    );
    let text = with(
        r#""published": "2024-03-22T18:05:00Z""#,
        r#""published": "22/03/2024 18:05""#,
    );
    assert_eq!(
        errors(&text),
        [format!(
            "sources[1].published: \"22/03/2024 18:05\" {NOT_ISO}; it looks like a date that Excel reformatted: \
             write it as \"2024-03-22T18:05\"{ZONE} {AS_TEXT}"
        )]
    );
}

#[test]
fn every_card_has_at_least_one_fact() {
    let text = with(
        r#""facts": [{"text": "The group formed in 2015.", "status": "confirmed", "sources": ["article"]}]"#,
        r#""facts": []"#,
    );
    assert_eq!(
        errors(&text),
        ["cards[0].facts: card \"formed\" has no facts: add at least one"]
    );
}

#[test]
fn every_category_has_at_least_one_card() {
    let text = with(r#""category": "claims""#, r#""category": "origins""#);
    assert_eq!(errors(&text), ["categories[1]: category \"claims\" has no cards"]);
}

#[test]
fn every_fact_cites_a_source() {
    let text = with(r#""sources": ["article"]}"#, r#""sources": []}"#);
    assert_eq!(
        errors(&text),
        ["cards[0].facts[0].sources: a fact must cite at least one source"]
    );
}

#[test]
fn urls_must_be_http_or_https_or_relative_from_dot() {
    const NOR_RELATIVE: &str = "is not an http or https url, nor a relative one starting with ./ or ../";
    for (url, message) in [
        (
            "javascript:alert(1)",
            format!(r#""javascript:alert(1)" {NOR_RELATIVE}"#),
        ),
        (
            "data:text/html,hi",
            format!(r#""data:text/html,hi" {NOR_RELATIVE}"#),
        ),
        // A scheme-relative link is another site's; a bare path is too
        // easily a host name missing its scheme.
        (
            "//evil.example/x",
            format!(r#""//evil.example/x" {NOR_RELATIVE}"#),
        ),
        ("sources/a.html", format!(r#""sources/a.html" {NOR_RELATIVE}"#)),
        ("/sources/a.html", format!(r#""/sources/a.html" {NOR_RELATIVE}"#)),
        (" https://example.com", "the url has spaces around it".to_owned()),
        ("https:///path", r#""https:///path" has no host name"#.to_owned()),
        (
            "ftp://example.com",
            format!(r#""ftp://example.com" {NOR_RELATIVE}"#),
        ),
        (
            "./my article.html",
            r#""./my article.html" contains spaces or invisible characters"#.to_owned(),
        ),
        (
            "./a\u{200b}.html",
            r#""./a\u{200b}.html" contains spaces or invisible characters"#.to_owned(),
        ),
    ] {
        let text = with(r#""url": "https://example.com/a""#, &format!(r#""url": "{url}""#));
        assert_eq!(errors(&text), [format!("sources[0].url: {message}")], "{url}");
    }
    let text = with(
        r#""url": "https://example.com/a""#,
        r#""url": "HTTPS://EXAMPLE.COM/A""#,
    );
    assert_eq!(errors(&text), Vec::<String>::new());
    for relative in ["./sources/a.html", "../a.html#top", "./"] {
        let text = with(
            r#""url": "https://example.com/a""#,
            &format!(r#""url": "{relative}""#),
        );
        assert_eq!(errors(&text), Vec::<String>::new(), "{relative}");
    }
}

#[test]
fn the_sheet_id_is_a_slug_and_lang_a_language_tag() {
    assert_eq!(
        errors(&with(r#""id": "test-story""#, r#""id": "Test Story""#)),
        [
            "id: \"Test Story\" is not a slug: use lowercase letters, digits and single hyphens, such as \"moscow-attack\""
        ]
    );
    assert_eq!(
        errors(&with(r#""lang": "en""#, r#""lang": "english!""#)),
        ["lang: \"english!\" is not a BCP 47 language tag such as \"en\" or \"pt-BR\""]
    );
    assert_eq!(
        errors(&with(r#""lang": "en""#, r#""lang": "pt-BR""#)),
        Vec::<String>::new()
    );
}

#[test]
fn ids_may_not_hide_invisible_characters() {
    let text = with(r#""id": "formed""#, "\"id\": \"for\u{200B}med\"").replacen(
        "\"card\": \"formed\"",
        "\"card\": \"claim\"",
        1,
    );
    assert_eq!(
        errors(&text),
        ["cards[0].id: card id \"for\\u{200b}med\" contains the invisible character U+200B"]
    );
}

#[test]
fn problems_found_by_rules_carry_line_and_column() {
    let text = with(
        r#""sources": ["article", "report"]"#,
        r#""sources": ["article", "s9"]"#,
    );
    let report = check(&text);
    let problem = report.errors().next().expect("an error");
    assert_eq!(problem.severity, Severity::Error);
    assert_eq!(problem.pos.map(|p| (p.line, p.column)), Some((20, 102)));
}

#[test]
fn a_disputed_fact_names_who_disputes_it_before_publishing() {
    let text = with(r#""attribution": "the group", "#, "").replacen(
        r#""status": "claimed""#,
        r#""status": "disputed""#,
        1,
    );
    let report = check(&text);
    let held: Vec<String> = report
        .warnings()
        .filter(|p| p.before_publishing)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        held,
        [
            "cards[1].facts[0]: a disputed fact has no attribution: say who disputes it (needed before publishing)"
        ]
    );
    assert_eq!(report.publishing_blockers().count(), 1);
    // A warning while writing: the sheet is still shown.
    assert!(parse_sheet(&text).is_ok());
}

#[test]
fn warnings_advise_without_blocking() {
    let text = with(r#""attribution": "the group", "#, "");
    assert_eq!(
        warnings(&text),
        [
            "cards[1].facts[0]: a claimed fact has no attribution: say who claims it (needed before publishing)"
        ]
    );
    assert!(parse_sheet(&text).is_ok());
    // A reported fact's reporter is its source: no attribution is needed.
    let text = with(r#""status": "claimed""#, r#""status": "reported""#)
        .replace(r#""attribution": "the group", "#, "");
    assert!(!text.contains("attribution"));
    assert_eq!(warnings(&text), Vec::<String>::new());
    let text = with(r#", "url": "https://example.com/a""#, "");
    assert_eq!(
        warnings(&text),
        [
            "sources[0]: source \"article\" has no url, and 1 fact cites no source that has one: readers cannot check them"
        ]
    );
    // A relative url is a url: its facts can be checked.
    let text = with(
        r#""url": "https://example.com/a""#,
        r#""url": "./sources/a.html""#,
    );
    assert_eq!(warnings(&text), Vec::<String>::new());
}

#[test]
fn lone_surrogates_and_deep_nesting_are_refused() {
    let text = with(
        r#""summary": "One sentence.""#,
        r#""summary": "One \ud800 sentence.""#,
    );
    assert_eq!(
        errors(&text),
        ["line 5, column 19: lone surrogate \\ud800 is not a character"]
    );
    let text = with(
        r#""summary": "One sentence.""#,
        r#""summary": "Smile \ud83d\ude00""#,
    );
    assert_eq!(
        parse_sheet(&text).expect("a surrogate pair is fine").summary,
        "Smile \u{1F600}"
    );
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        errors(&deep),
        ["line 1, column 33: nesting is deeper than 32 levels of arrays and objects"]
    );
}

#[test]
fn fact_ids_are_optional_slugs_unique_in_the_sheet() {
    let text = with(
        r#"{"text": "The group formed in 2015.""#,
        r#"{"id": "formed-2015", "text": "The group formed in 2015.""#,
    );
    assert_eq!(errors(&text), Vec::<String>::new());
    assert_eq!(
        parse_sheet(&text).expect("valid").cards[0].facts[0].id.as_deref(),
        Some("formed-2015")
    );
    // Unique across cards, not only within one: a fact keeps its id when it
    // moves to another card.
    let text = text.replacen(
        r#"{"text": "The group claimed the attack.""#,
        r#"{"id": "formed-2015", "text": "The group claimed the attack.""#,
        1,
    );
    assert_eq!(
        errors(&text),
        [
            "cards[1].facts[0].id: duplicate fact id \"formed-2015\" (also at cards[0].facts[0]): fact ids are unique in the sheet"
        ]
    );
    assert_eq!(
        errors(&with(
            r#"{"text": "The group formed in 2015.""#,
            r#"{"id": "Formed 2015", "text": "The group formed in 2015.""#,
        )),
        [
            "cards[0].facts[0].id: fact id \"Formed 2015\" is not a slug: use lowercase letters, digits and single hyphens, such as \"death-toll\""
        ]
    );
    assert_eq!(
        errors(&with(
            r#"{"text": "The group formed in 2015.""#,
            r#"{"id": "", "text": "The group formed in 2015.""#,
        )),
        ["cards[0].facts[0].id: is empty"]
    );
    assert_eq!(
        errors(&with(
            r#"{"text": "The group formed in 2015.""#,
            r#"{"id": 7, "text": "The group formed in 2015.""#,
        )),
        ["cards[0].facts[0].id: expected a string, found a number"]
    );
}

#[test]
fn refresh_is_a_whole_number_of_seconds_within_bounds() {
    let refresh = |value: &str| {
        with(
            r#""updated": "2024-03-23","#,
            &format!(r#""updated": "2024-03-23", "refresh": {value},"#),
        )
    };
    assert_eq!(errors(&refresh("120")), Vec::<String>::new());
    assert_eq!(parse_sheet(&refresh("120")).expect("valid").refresh, Some(120));
    assert_eq!(errors(&refresh("30")), Vec::<String>::new());
    assert_eq!(errors(&refresh("86400")), Vec::<String>::new());
    assert_eq!(
        errors(&refresh("29")),
        ["refresh: 29 seconds is too often: the shortest refresh is 30 seconds"]
    );
    assert_eq!(
        errors(&refresh("86401")),
        [
            "refresh: 86401 seconds is longer than a day: the longest refresh is 86400 seconds; leave refresh out for a sheet that is not live"
        ]
    );
    assert_eq!(
        errors(&refresh("99999999999")),
        [
            "refresh: 4294967295 seconds is longer than a day: the longest refresh is 86400 seconds; leave refresh out for a sheet that is not live"
        ]
    );
    for odd in ["1.5", "-60", "1e3"] {
        assert_eq!(
            errors(&refresh(odd)),
            [format!(
                "refresh: expected a whole number of seconds, such as 120, found {odd}"
            )]
        );
    }
    assert_eq!(
        errors(&refresh(r#""120""#)),
        ["refresh: expected a number of seconds, found a string"]
    );
    assert_eq!(
        errors(&refresh("null")),
        ["refresh: expected a number of seconds, found null"]
    );
}
