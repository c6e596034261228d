//! Excerpts: a fact's citation of a source may carry the passage of that
//! source it rests on. Both forms of a citation decode, the problems of the
//! object form are precise, and a sheet without excerpts writes as before.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{VALID, errors, with};
use factcards::model::diff::diff_lines;
use factcards::model::spreadsheet::{export, import_text};
use factcards::model::{Citation, diff, parse_sheet};

const CITED: &str = r#"["article", "report"]"#;

fn citing(sources: &str) -> String {
    with(CITED, sources)
}

#[test]
fn a_citation_is_an_id_or_an_object_with_an_excerpt() {
    let text = citing(r#"[{"source": "article", "excerpt": "The group said so."}, "report"]"#);
    assert_eq!(errors(&text), Vec::<String>::new());
    let sheet = parse_sheet(&text).expect("valid");
    assert_eq!(
        sheet.cards[1].facts[0].sources,
        [
            Citation::with_excerpt("article", "The group said so."),
            Citation::new("report")
        ]
    );
}

#[test]
fn a_sheet_without_excerpts_serialises_as_before() {
    let sheet = parse_sheet(VALID).expect("valid");
    let json = serde_json::to_string(&sheet.cards[1].facts[0].sources).unwrap();
    assert_eq!(json, r#"["article","report"]"#);
    // An object citation with no excerpt is written as the bare id.
    let text = citing(r#"[{"source": "article"}, "report"]"#);
    let sheet = parse_sheet(&text).expect("valid");
    let json = serde_json::to_string(&sheet.cards[1].facts[0].sources).unwrap();
    assert_eq!(json, r#"["article","report"]"#);
}

#[test]
fn an_excerpt_serialises_as_an_object_and_reads_back() {
    let text = citing(r#"[{"source": "article", "excerpt": "The group said so."}, "report"]"#);
    let sheet = parse_sheet(&text).expect("valid");
    let json = serde_json::to_string_pretty(&sheet).unwrap();
    assert!(json.contains(r#""source": "article","#), "{json}");
    assert_eq!(parse_sheet(&json).expect("reads back"), sheet);
}

#[test]
fn citation_problems_are_precise() {
    assert_eq!(
        errors(&citing(r#"[{"source": "article", "except": "x"}, "report"]"#)),
        ["cards[1].facts[0].sources[0].except: unknown field \"except\" (did you mean \"excerpt\"?)"]
    );
    assert_eq!(
        errors(&citing(r#"[{"excerpt": "x"}, "report"]"#)),
        ["cards[1].facts[0].sources[0]: missing field \"source\""]
    );
    assert_eq!(
        errors(&citing(r#"[{"source": "article", "excerpt": ""}, "report"]"#)),
        ["cards[1].facts[0].sources[0].excerpt: is empty"]
    );
    assert_eq!(
        errors(&citing(r#"[3, "report"]"#)),
        [
            "cards[1].facts[0].sources[0]: expected a source id or an object with \"source\" and \"excerpt\", found a number"
        ]
    );
    assert_eq!(
        errors(&citing(r#"[{"source": "artcle", "excerpt": "x"}, "report"]"#)),
        ["cards[1].facts[0].sources[0].source: unknown source \"artcle\" (did you mean \"article\"?)"]
    );
}

#[test]
fn an_excerpt_over_the_limit_is_refused() {
    let long = "a".repeat(1_001);
    let text = citing(&format!(
        r#"[{{"source": "article", "excerpt": "{long}"}}, "report"]"#
    ));
    assert_eq!(
        errors(&text),
        ["cards[1].facts[0].sources[0].excerpt: the text is 1001 characters; the limit is 1000"]
    );
}

#[test]
fn excerpts_round_trip_through_the_spreadsheet() {
    let text = citing(r#"[{"source": "article", "excerpt": "The group, it said, did it."}, "report"]"#);
    let sheet = parse_sheet(&text).expect("valid");
    let csv = export(&sheet).expect("exports");
    assert!(csv.contains(",fact_id,excerpt\n"), "{csv}");
    assert!(csv.contains("\"The group, it said, did it. | \""), "{csv}");
    assert_eq!(import_text(&csv).sheet, Some(sheet));
    // Without excerpts, no column: the export is what it always was.
    let plain = export(&parse_sheet(VALID).expect("valid")).expect("exports");
    assert!(!plain.contains("excerpt"), "{plain}");
}

#[test]
fn a_cell_with_the_wrong_number_of_excerpts_is_refused() {
    let text = citing(r#"[{"source": "article", "excerpt": "One."}, "report"]"#);
    let csv = export(&parse_sheet(&text).expect("valid")).expect("exports");
    assert!(csv.contains("One. | "), "{csv}");
    let csv = csv.replace("One. | ", "One. | Two. | Three.");
    let imported = import_text(&csv);
    let messages: Vec<String> = imported.problems.iter().map(ToString::to_string).collect();
    assert!(
        messages.iter().any(|message| message.ends_with(
            "column \"excerpt\": 3 excerpts for 2 sources: write one per cited source, in the order of \"sources\", separated by \"|\" (leave one empty for a source with none)"
        )),
        "{messages:?}"
    );
}

#[test]
fn a_changed_excerpt_is_a_change_of_the_facts_sources() {
    let old = parse_sheet(VALID).expect("valid");
    let text = citing(r#"[{"source": "article", "excerpt": "We did it."}, "report"]"#);
    let new = parse_sheet(&text).expect("valid");
    let changes = diff(&old, &new).expect("same story");
    assert_eq!(
        diff_lines(&changes),
        [
            "Changed:",
            "  changed cards[1].facts[0] sources: excerpt of \"article\": none -> \"We did it.\"",
        ]
    );
}

mod against_the_saved_copy {
    use factcards::model::excerpts::{
        Found, SavedCopy, check_excerpts, find_excerpt, readable_text, text_fragment_url,
    };
    use factcards::model::{Severity, check};

    use super::citing;

    const COPY: &str = "The group\u{2019}s leader \u{2014} named in 2015 \u{2014} said: \u{201c}We did it.\u{201d}\n\nPolice said the group did it.";

    #[test]
    fn whitespace_quote_marks_and_dashes_may_differ() {
        assert_eq!(
            find_excerpt("The group's leader - named in  2015", COPY),
            Found::Once
        );
        assert_eq!(find_excerpt("said: \"We did it.\"\n Police", COPY), Found::Once);
        assert_eq!(
            find_excerpt("The group\u{2019}s leader \u{2013} named", COPY),
            Found::Once
        );
    }

    #[test]
    fn letters_and_other_punctuation_may_not() {
        assert_eq!(
            find_excerpt("The group's leader, named in 2016", COPY),
            Found::Missing {
                closest: "The group\u{2019}s leader \u{2014} named in 2015".into()
            }
        );
        assert_eq!(
            find_excerpt("police said that the group did it", COPY),
            Found::Missing {
                closest: "Police said the group did it.".into()
            }
        );
    }

    #[test]
    fn an_excerpt_found_twice_is_counted() {
        assert_eq!(find_excerpt("group", COPY), Found::Times(2));
        // Case counts: a reader would not call these the same words.
        assert_eq!(find_excerpt("the group", COPY), Found::Once);
    }

    #[test]
    fn a_saved_page_is_read_as_its_text() {
        let page = "<!doctype html><html><head><title>T</title><style>p{}</style></head>\
            <body><script>var x = \"<p>\";</script><p>Tom &amp; Jerry&rsquo;s <b>first</b>&#160;day&#x2014;over.</p>\
            <!-- a note --><p>Next</p></body></html>";
        let text = readable_text(page);
        assert_eq!(
            text.split_whitespace().collect::<Vec<_>>(),
            ["Tom", "&", "Jerry\u{2019}s", "first", "day\u{2014}over.", "Next"]
        );
        assert_eq!(find_excerpt("Jerry's first day-over. Next", &text), Found::Once);
        // Plain text is kept as it is, even with an ampersand in it.
        assert_eq!(readable_text("A &amp; B"), "A &amp; B");
    }

    #[test]
    fn each_problem_names_the_fact_and_the_closest_passage() {
        let text = citing(
            r#"[{"source": "article", "excerpt": "The group formed in 2016."}, {"source": "report", "excerpt": "Police said so."}]"#,
        );
        let report = check(&text);
        let sheet = report.sheet.expect("valid");
        let copies = [
            SavedCopy::new("article", "Experts say the group formed in 2015. It grew."),
            SavedCopy::new("report", "Police said so. Police said so."),
        ];
        let root = factcards::model::json::parse(&text).expect("JSON");
        let problems = check_excerpts(&sheet, &copies, Some(&root));
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "cards[1].facts[0].sources[0].excerpt: the excerpt is not in the saved copy of \"article\": did you mean \"the group formed in 2015.\"?",
                "cards[1].facts[0].sources[1].excerpt: the excerpt is 2 times in the saved copy of \"report\": a link to it lands on the first; give a longer passage",
            ]
        );
        assert_eq!(problems[0].severity, Severity::Error);
        assert_eq!(problems[1].severity, Severity::Warning);
        assert!(problems.iter().all(|problem| problem.pos.is_some()));
    }

    #[test]
    fn a_copy_whose_source_has_no_excerpt_is_a_warning() {
        let text = citing(r#"["article", "report"]"#);
        let sheet = check(&text).sheet.expect("valid");
        let copies = [
            SavedCopy::new("report", "Anything."),
            SavedCopy::new("wire", "Anything."),
        ];
        let lines: Vec<String> = check_excerpts(&sheet, &copies, None)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            lines,
            [
                "sources[1]: a saved copy of \"report\" was given, but no fact that cites it gives an excerpt to check",
                "a saved copy was given for source \"wire\", which the sheet does not have",
            ]
        );
    }

    #[test]
    fn a_source_link_opens_at_the_excerpt() {
        assert_eq!(
            text_fragment_url(
                "https://example.com/a#top",
                "ISIS-K, formed in 2015 - \u{201c}a branch\u{201d} & more"
            ),
            "https://example.com/a#:~:text=ISIS%2DK%2C%20formed%20in%202015%20%2D%20%E2%80%9Ca%20branch%E2%80%9D%20%26%20more"
        );
        assert_eq!(
            text_fragment_url("https://example.com/a?b=c", " two\n words "),
            "https://example.com/a?b=c#:~:text=two%20words"
        );
    }
}
