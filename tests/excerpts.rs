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
