//! Sheets written in a spreadsheet: importing CSV and TSV as Google Sheets,
//! Excel and LibreOffice write them, the problems of an import at their row
//! and column, and exporting back. The round trip on generated sheets is in
//! properties.rs.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::VALID;
use factcards::model::spreadsheet::{Import, TEMPLATE_CSV, export, import, import_text};
use factcards::model::{Status, parse_sheet};

/// Every problem of an import, each as `row N, column "c": message`.
fn problems(import: &Import) -> Vec<String> {
    import.problems.iter().map(ToString::to_string).collect()
}

/// A small spreadsheet in the documented layout, comma-separated; each test
/// changes one thing in it.
const SMALL: &str = "\
# story
title,summary,lang,updated
Harbour bridge closed,The bridge is closed.,en,2026-11-26

# sources
id,title,url
council,Bridge closed,https://example.org/a
union,Union statement,https://example.org/b

# facts
category,card,fact,status,sources,attribution
The closure,Why it is closed,The council closed the bridge.,confirmed,council,
,,An inspection found damage.,confirmed,\"council, union\",
Reactions,What drivers say,The union says it warned the council.,claimed,union,the union
";

fn small_with(from: &str, to: &str) -> String {
    assert!(
        SMALL.contains(from),
        "test setup: {from:?} not in the spreadsheet"
    );
    SMALL.replacen(from, to, 1)
}

#[test]
fn the_template_imports_cleanly_and_exports_as_it_is() {
    let imported = import_text(TEMPLATE_CSV);
    assert_eq!(problems(&imported), Vec::<String>::new());
    let sheet = imported.sheet.expect("the template is a sheet");
    assert_eq!(export(&sheet).as_deref(), Ok(TEMPLATE_CSV));
}

#[test]
fn a_spreadsheet_without_ids_gets_ids_from_titles() {
    let imported = import_text(SMALL);
    assert_eq!(problems(&imported), Vec::<String>::new());
    let sheet = imported.sheet.expect("a sheet");
    assert_eq!(sheet.id, "harbour-bridge-closed");
    // Without a categories block, the category cells are the labels.
    let categories: Vec<(&str, &str)> = sheet
        .categories
        .iter()
        .map(|category| (category.id.as_str(), category.label.as_str()))
        .collect();
    assert_eq!(
        categories,
        [("the-closure", "The closure"), ("reactions", "Reactions")]
    );
    // Rows with empty card cells continue the card above.
    let cards: Vec<(&str, &str, usize)> = sheet
        .cards
        .iter()
        .map(|card| (card.id.as_str(), card.category.as_str(), card.facts.len()))
        .collect();
    assert_eq!(
        cards,
        [
            ("why-it-is-closed", "the-closure", 2),
            ("what-drivers-say", "reactions", 1)
        ]
    );
    assert_eq!(sheet.cards[0].facts[1].sources, ["council", "union"]);
    assert_eq!(sheet.cards[1].facts[0].status, Status::Claimed);
    assert_eq!(sheet.cards[1].facts[0].attribution.as_deref(), Some("the union"));
    assert_eq!(sheet.cards[0].facts[0].attribution, None);
}

#[test]
fn same_titles_get_distinct_ids() {
    let text = small_with("What drivers say", "Why it is closed")
        .replacen("council,Bridge closed", ",Statement", 1)
        .replacen("union,Union statement", ",Statement", 1)
        .replace("\"council, union\"", "statement-2")
        .replace(",council,", ",statement,")
        .replace(",union,", ",statement-2,");
    let imported = import_text(&text);
    assert_eq!(problems(&imported), Vec::<String>::new());
    let sheet = imported.sheet.expect("a sheet");
    let ids: Vec<&str> = sheet.sources.iter().map(|source| source.id.as_str()).collect();
    assert_eq!(ids, ["statement", "statement-2"]);
    let ids: Vec<&str> = sheet.cards.iter().map(|card| card.id.as_str()).collect();
    assert_eq!(ids, ["why-it-is-closed", "why-it-is-closed-2"]);
}

#[test]
fn a_paste_from_a_spreadsheet_is_tab_separated_with_quoted_line_breaks() {
    // As Google Sheets copies it: tabs, and a cell with a line break quoted.
    let tsv = SMALL
        .replace("\"council, union\"", "council; union")
        .replace(',', "\t")
        .replace(
            "The council closed the bridge.",
            "\"The council closed\nthe bridge.\"",
        );
    let imported = import_text(&tsv);
    assert_eq!(problems(&imported), Vec::<String>::new());
    let sheet = imported.sheet.expect("a sheet");
    assert_eq!(sheet.cards[0].facts[0].text, "The council closed\nthe bridge.");
    assert_eq!(sheet.cards[0].facts[1].sources, ["council", "union"]);
}

#[test]
fn excel_files_with_a_bom_crlf_and_semicolons_are_read() {
    // As Excel saves "CSV UTF-8" where the decimal separator is a comma.
    let text = SMALL
        .replace("\"council, union\"", "\"council;union\"")
        .replace(',', ";")
        .replace("The bridge is closed.", "\"The bridge, closed.\"")
        .replace('\n', "\r\n");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(text.as_bytes());
    let imported = import(&bytes);
    assert_eq!(problems(&imported), Vec::<String>::new());
    let sheet = imported.sheet.expect("a sheet");
    assert_eq!(sheet.summary, "The bridge, closed.");
    assert_eq!(sheet.cards[0].facts[1].sources, ["council", "union"]);
    // Excel's "Unicode text": UTF-16 with a byte order mark, tab-separated.
    let mut utf16 = vec![0xFF, 0xFE];
    let tsv = SMALL
        .replace("\"council, union\"", "council; union")
        .replace(',', "\t");
    for unit in tsv.encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    assert_eq!(problems(&import(&utf16)), Vec::<String>::new());
}

#[test]
fn text_that_is_not_utf8_is_refused_with_advice() {
    let bytes = small_with("The council closed", "Le conseil a ferm\u{e9}").into_bytes();
    let mut latin1 = Vec::new();
    for byte in bytes.iter().copied() {
        latin1.push(byte);
    }
    // "é" in Latin-1, on line 12.
    let at = latin1.windows(2).position(|w| w == [0xC3, 0xA9]).expect("an é");
    latin1.splice(at..at + 2, [0xE9]);
    assert_eq!(
        problems(&import(&latin1)),
        [
            "line 12: the file is not UTF-8 text: save it as \"CSV UTF-8\" (Excel) or \"Text CSV\" \
          with the UTF-8 character set (LibreOffice)"
        ]
    );
}

#[test]
fn problems_name_the_row_and_column() {
    let text = small_with("confirmed,council,", "confimed,council,");
    assert_eq!(
        problems(&import_text(&text)),
        ["row 12, column \"status\": unknown status \"confimed\" (did you mean \"confirmed\"?)"]
    );
    let text = small_with("confirmed,\"council, union\"", "confirmed,\"council, unoin\"");
    let imported = import_text(&text);
    assert_eq!(
        problems(&imported),
        ["row 13, column \"sources\": unknown source \"unoin\" (did you mean \"union\"?)"]
    );
    // The JSON path comes along, for the editor to find the field.
    assert_eq!(imported.problems[0].path, "cards[0].facts[1].sources[1]");
    let text = small_with("The union says it warned the council.", "  ");
    assert_eq!(
        problems(&import_text(&text)),
        ["row 14, column \"fact\": is only whitespace"]
    );
    let text = small_with("2026-11-26", "26/11/2026");
    assert_eq!(
        problems(&import_text(&text)),
        [
            "row 3, column \"updated\": \"26/11/2026\" is not an ISO 8601 date or date-time, such as \
          \"2024-03-23\" or \"2024-03-23T18:05:00Z\"; it looks like a date that Excel reformatted: \
          write it as \"2026-11-26\" (or format the column as text before saving)"
        ]
    );
    // Excel shows 2026-12-01 as 01/12/2026 in Britain and 12/1/2026 in the
    // United States, and saves what it shows: which it was, only the
    // newsroom knows.
    let text = small_with("2026-11-26", "12/1/2026");
    assert_eq!(
        problems(&import_text(&text)),
        [
            "row 3, column \"updated\": \"12/1/2026\" is not an ISO 8601 date or date-time, such as \
          \"2024-03-23\" or \"2024-03-23T18:05:00Z\"; it looks like a date that Excel reformatted, and its day \
          and month could be either way round: write it as \"2026-01-12\" if it is 12 January, or \"2026-12-01\" if \
          it is 1 December (or format the column as text before saving)"
        ]
    );
}

#[test]
fn a_new_sheet_with_two_mistakes_shows_both_at_once() {
    let text =
        small_with("confirmed,council,", "confimed,council,").replacen("claimed,union,", "claimed,unoin,", 1);
    let imported = import_text(&text);
    assert_eq!(
        problems(&imported),
        [
            "row 12, column \"status\": unknown status \"confimed\" (did you mean \"confirmed\"?)",
            "row 14, column \"sources\": unknown source \"unoin\" (did you mean \"union\"?)",
        ]
    );
    assert!(imported.sheet.is_none());
    assert_eq!(imported.summary(), "2 errors");
}

#[test]
fn a_claim_without_claimant_is_a_warning_at_its_row() {
    let text = small_with("claimed,union,the union", "claimed,union,");
    let imported = import_text(&text);
    assert_eq!(
        problems(&imported),
        ["row 14: a claimed fact has no attribution: say who claims it (needed before publishing)"]
    );
    assert!(imported.sheet.is_some());
}

#[test]
fn the_layout_s_own_mistakes_are_named() {
    let text = small_with(
        "category,card,fact,status,sources,attribution",
        "category,card,fact,satus,sources,atribution",
    );
    assert_eq!(
        problems(&import_text(&text)),
        [
            "row 11: unknown column \"satus\" in \"# facts\" (did you mean \"status\"?)",
            "row 11: unknown column \"atribution\" in \"# facts\" (did you mean \"attribution\"?)",
            "row 11: \"# facts\" has no \"status\" column",
        ]
    );
    let text = small_with("# sources", "# source");
    assert_eq!(
        problems(&import_text(&text))[0],
        "row 5: unknown block \"# source\" (did you mean \"# sources\"?)"
    );
    assert_eq!(
        problems(&import_text("title,summary\nA,B\n")),
        ["row 1: expected a block's name such as \"# story\" in the first column, before the block's rows",]
    );
    let text = SMALL[..SMALL.find("# facts").expect("a facts block")].to_owned();
    assert_eq!(
        problems(&import_text(&text)),
        ["the spreadsheet has no \"# facts\" block: docs/template.csv shows the layout"]
    );
    let text = small_with(",,An inspection", "The closure,Why it is closed,An inspection")
        .replacen(
            "category,card,fact,status,sources,attribution",
            "category,card,fact,status,sources,attribution,card_id",
            1,
        )
        .replacen("council,\n", "council,,why\n", 1)
        .replacen("union,the union\n", "union,the union,why\n", 1);
    assert_eq!(
        problems(&import_text(&text)),
        ["row 14, column \"card_id\": duplicate card id \"why\""]
    );
}

#[test]
fn a_sheet_exports_and_imports_back_unchanged() {
    let sheet = parse_sheet(VALID).expect("valid");
    let csv = export(&sheet).expect("exports");
    let imported = import_text(&csv);
    assert_eq!(problems(&imported), Vec::<String>::new());
    assert_eq!(imported.sheet, Some(sheet));
    assert!(csv.contains("origins,Formed in 2015,The group formed in 2015.,confirmed,article,,,formed,,\n"));
    assert!(csv.contains("\n# corrections\ndate,text,card\n2024-03-24,Fixed a date.,formed\n"));
}

#[test]
fn an_id_a_cell_cannot_hold_is_refused_by_export() {
    let text = VALID.replace("\"article\"", "\"art,icle\"");
    let sheet = parse_sheet(&text).expect("valid");
    let error = export(&sheet).expect_err("a comma in a cited id");
    assert_eq!(
        error.to_string(),
        "cards[0].facts[0].sources[0]: the id \"art,icle\" cannot be written in a spreadsheet cell \
         of ids, which commas, semicolons and line breaks separate: rename it"
    );
}

#[test]
fn fact_ids_and_refresh_have_columns_of_their_own() {
    let text = small_with(
        "title,summary,lang,updated\n",
        "title,summary,lang,updated,refresh\n",
    )
    .replacen("2026-11-26\n", "2026-11-26, 120 \n", 1)
    .replacen(
        "category,card,fact,status,sources,attribution\n",
        "category,card,fact,status,sources,attribution,fact_id\n",
        1,
    )
    .replacen(
        "confirmed,council,\n",
        "confirmed,council,, closed-by-council\n",
        1,
    );
    let imported = import_text(&text);
    assert_eq!(problems(&imported), Vec::<String>::new());
    let sheet = imported.sheet.expect("a sheet");
    assert_eq!(sheet.refresh, Some(120));
    assert_eq!(sheet.cards[0].facts[0].id.as_deref(), Some("closed-by-council"));
    assert_eq!(sheet.cards[0].facts[1].id, None);
    let again = import_text(&export(&sheet).expect("exports")).sheet;
    assert_eq!(again.as_ref(), Some(&sheet));

    let bad = text.replacen(", 120 ", ",2 minutes", 1);
    assert_eq!(
        problems(&import_text(&bad)),
        ["row 3, column \"refresh\": \"2 minutes\" is not a whole number of seconds, such as 120"]
    );
    let bad = text.replacen(", 120 ", ",10", 1);
    assert_eq!(
        problems(&import_text(&bad)),
        ["row 3, column \"refresh\": 10 seconds is too often: the shortest refresh is 30 seconds"]
    );
    let bad = text.replacen(
        "confirmed,\"council, union\",\n",
        "confirmed,\"council, union\",,closed-by-council\n",
        1,
    );
    assert_eq!(
        problems(&import_text(&bad)),
        [
            "row 13, column \"fact_id\": duplicate fact id \"closed-by-council\" (also at cards[0].facts[0]): fact ids are unique in the sheet"
        ]
    );
}
