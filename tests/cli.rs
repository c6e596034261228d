//! The editor CLI, run as editors run it: the built `factcards` binary on
//! sheets written to temporary files, asserting exact output lines and exit
//! codes, because editors' tools parse those lines.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{VALID, with};
use factcards::BUNDLED_SHEET;
use factcards::model::parse_sheet;
use factcards::model::schema::schema_json;
use factcards::model::spreadsheet::TEMPLATE_CSV;
use factcards::share_image::{ShareFonts, share_image_png};

/// A sheet written to a uniquely named temporary file, removed on drop.
struct TempSheet {
    path: PathBuf,
}

impl TempSheet {
    fn new(label: &str, text: impl AsRef<[u8]>) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "factcards-cli-{}-{}-{label}.json",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, text).expect("write the temporary sheet");
        TempSheet { path }
    }

    fn path(&self) -> &str {
        self.path
            .to_str()
            .expect("the temporary directory has a UTF-8 path")
    }
}

impl Drop for TempSheet {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// What one run of the binary printed, and how it exited.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn stdout_lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }
}

fn factcards(args: &[&str]) -> Run {
    factcards_with_stdin(args, "")
}

fn factcards_with_stdin(args: &[&str], stdin: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_factcards"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the factcards binary");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).expect("write stdin");
    }
    let output = child.wait_with_output().expect("run the factcards binary");
    Run {
        code: output.status.code().expect("an exit code, not a signal"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

/// Text as Yew's server renderer escapes it in element content.
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn a_valid_sheet_passes_with_its_warnings_listed() {
    // The bundled story without its source's url: one warning says so,
    // for the source.
    let linked = ",\n      \"url\": \"./sources/moscow-isis-k-article.html\"";
    assert!(BUNDLED_SHEET.contains(linked));
    let sheet = TempSheet::new("bundled", BUNDLED_SHEET.replace(linked, ""));
    let run = factcards(&["check", sheet.path()]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert!(!run.stdout_lines().is_empty());
    for line in run.stdout_lines() {
        assert!(
            line.starts_with(&format!("{}:", sheet.path()))
                && line.contains(": warning: sources[0]: source \"article\" has no url"),
            "unexpected line: {line}"
        );
    }
    assert_eq!(run.stdout_lines().len(), 1);
    assert_eq!(run.stderr_lines(), [format!("{}: ok, 1 warning", sheet.path())]);
}

#[test]
fn a_clean_sheet_prints_only_ok() {
    let sheet = TempSheet::new("clean", VALID);
    let run = factcards(&["check", sheet.path()]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr_lines(), [format!("{}: ok", sheet.path())]);
}

#[test]
fn a_syntax_error_is_reported_at_its_line_and_column() {
    let text = with(
        r#""title": "A test story","#,
        r#""title": "A test story" "x": 1,"#,
    );
    let sheet = TempSheet::new("syntax", &text);
    let run = factcards(&["check", sheet.path()]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout_lines(),
        [format!(
            "{}:4:27: error: expected ',' or '}}', found '\"'",
            sheet.path()
        )]
    );
    assert_eq!(run.stderr_lines(), [format!("{}: 1 error", sheet.path())]);
}

/// The line `check` prints for `"updated": "2024-02-30"` in the test sheet.
fn bad_updated_date(file: &str) -> String {
    format!(
        "{file}:7:14: error: updated: \"2024-02-30\" is not an ISO 8601 date or date-time, \
         such as \"2024-03-23\" or \"2024-03-23T18:05:00Z\""
    )
}

#[test]
fn every_rule_problem_is_reported_with_its_path() {
    let text = with(
        r#""sources": ["article", "report"]"#,
        r#""sources": ["article", "s9"]"#,
    )
    .replacen(r#""updated": "2024-03-23""#, r#""updated": "2024-02-30""#, 1);
    let sheet = TempSheet::new("rules", &text);
    let run = factcards(&["check", sheet.path()]);
    assert_eq!(run.code, 1);
    let file = sheet.path();
    assert_eq!(
        run.stdout_lines(),
        [
            bad_updated_date(file),
            // "report" is no longer cited, but "s9" may be it: no warning
            // that only follows from the unknown source.
            format!(
                "{file}:20:102: error: cards[1].facts[0].sources[1]: unknown source \"s9\" \
                 (known: \"article\", \"report\")"
            ),
        ]
    );
    assert_eq!(run.stderr_lines(), [format!("{file}: 2 errors")]);
}

/// Shape and rule problems, errors and warnings, in one run and in the order
/// of the text, each at its line and column (the example in docs/cli.md).
#[test]
fn every_problem_is_found_in_one_run() {
    let text = with(r#""updated": "2024-03-23""#, r#""updated": "2024-02-30""#)
        .replacen(r#""status": "confirmed""#, r#""status": "confimred""#, 1)
        .replacen(r#""attribution": "the group", "#, "", 1)
        .replacen(
            r#""sources": ["article", "report"]"#,
            r#""sources": ["article", "artcle"]"#,
            1,
        );
    let sheet = TempSheet::new("one-run", &text);
    let run = factcards(&["check", sheet.path()]);
    assert_eq!(run.code, 1);
    let file = sheet.path();
    assert_eq!(
        run.stdout_lines(),
        [
            bad_updated_date(file),
            format!(
                "{file}:18:64: error: cards[0].facts[0].status: unknown status \"confimred\" \
                 (did you mean \"confirmed\"?)"
            ),
            format!(
                "{file}:20:16: warning: cards[1].facts[0]: a claimed fact has no attribution: \
                 say who claims it (needed before publishing)"
            ),
            format!(
                "{file}:20:102: error: cards[1].facts[0].sources[1]: unknown source \"artcle\" \
                 (did you mean \"article\"?)"
            ),
        ]
    );
    assert_eq!(run.stderr_lines(), [format!("{file}: 3 errors, 1 warning")]);
}

#[test]
fn warnings_alone_pass() {
    let sheet = TempSheet::new("warning", with(r#""attribution": "the group", "#, ""));
    let run = factcards(&["check", sheet.path()]);
    assert_eq!(run.code, 0);
    let file = sheet.path();
    assert_eq!(
        run.stdout_lines(),
        [format!(
            "{file}:20:16: warning: cards[1].facts[0]: a claimed fact has no attribution: \
             say who claims it (needed before publishing)"
        )]
    );
    assert_eq!(run.stderr_lines(), [format!("{file}: ok, 1 warning")]);
}

#[test]
fn one_bad_sheet_among_several_fails_the_run() {
    let good = TempSheet::new("good", VALID);
    let bad = TempSheet::new("bad", "[]");
    let run = factcards(&["check", good.path(), bad.path()]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr_lines(),
        [format!("{}: ok", good.path()), format!("{}: 1 error", bad.path())]
    );
}

#[test]
fn a_dash_reads_standard_input() {
    let run = factcards_with_stdin(&["check", "-"], "{\n  \"factcards\": 1,\n}");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout_lines(),
        ["<stdin>:3:1: error: trailing comma before '}'"]
    );
    assert_eq!(run.stderr_lines(), ["<stdin>: 1 error"]);
}

#[test]
fn text_that_is_not_utf8_is_an_error_at_its_position() {
    // "café" saved as Latin-1.
    let sheet = TempSheet::new("latin1", b"{\n  \"title\": \"caf\xe9\"\n}");
    let run = factcards(&["check", sheet.path()]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout_lines(),
        [format!(
            "{}:2:16: error: the file is not UTF-8 text: save it as UTF-8",
            sheet.path()
        )]
    );
}

#[test]
fn schema_prints_the_json_schema() {
    let run = factcards(&["schema"]);
    assert_eq!(run.code, 0);
    let printed: serde_json::Value = serde_json::from_str(&run.stdout).expect("the schema is JSON");
    let expected: serde_json::Value = serde_json::from_str(&schema_json()).expect("schema_json is JSON");
    assert_eq!(printed, expected);
    assert_eq!(run.stdout, schema_json());
}

#[test]
fn render_prints_every_fact_inside_a_declarative_shadow_root() {
    let sheet = TempSheet::new("render", BUNDLED_SHEET);
    let run = factcards(&["render", sheet.path()]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    let html = run.stdout.trim_end();
    assert!(html.starts_with(
        r#"<template shadowrootmode="open"><link rel="stylesheet" href="factcards.css"><div class="fc-root" data-theme="auto"><div "#
    ));
    assert!(html.ends_with("</div></div></template>"));
    let bundled = parse_sheet(BUNDLED_SHEET).expect("the bundled sheet is valid");
    for fact in bundled.cards.iter().flat_map(|card| &card.facts) {
        assert!(
            html.contains(&escape_text(&fact.text)),
            "missing fact: {}",
            fact.text
        );
    }
    assert_eq!(html.matches("<article ").count(), bundled.cards.len());
}

#[test]
fn render_escapes_text_from_the_sheet() {
    let text = with("The group formed in 2015.", "Smith & Sons <b>formed</b> it.");
    let sheet = TempSheet::new("escape", &text);
    let run = factcards(&["render", sheet.path()]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert!(
        run.stdout
            .contains("Smith &amp; Sons &lt;b&gt;formed&lt;/b&gt; it.")
    );
    assert!(!run.stdout.contains("<b>"));
}

#[test]
fn render_options_set_the_theme_language_category_and_card() {
    let sheet = TempSheet::new("options", VALID);
    let run = factcards(&[
        "render",
        "--theme",
        "dark",
        "--lang=ru",
        "--category",
        "claims",
        "--card",
        "claim",
        "--css-href",
        "/static/factcards.css?v=2",
        sheet.path(),
    ]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert!(run.stdout.starts_with(
        r#"<template shadowrootmode="open"><link rel="stylesheet" href="/static/factcards.css?v=2"><div class="fc-root" data-theme="dark">"#
    ));
    // The other category's cards are in the markup, hidden, as in the widget.
    let shown = run
        .stdout
        .split("<div class=\"fc-card-slot\"")
        .skip(1)
        .filter(|tag| !tag.split('>').next().unwrap_or("").contains(" hidden"))
        .count();
    assert_eq!(shown, 1);
    // No JavaScript: the card's sources are an open <details>.
    assert!(
        run.stdout
            .contains(r#"<details open="open" class="fc-card__details">"#)
    );
    assert!(run.stdout.contains(" (2)</summary>"));
}

#[test]
fn the_css_href_cannot_inject_markup() {
    let sheet = TempSheet::new("href", VALID);
    let run = factcards(&["render", "--css-href", r#"x"><script>"#, sheet.path()]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert!(!run.stdout.contains("<script"));
    assert!(run.stdout.contains(r#"href="x&quot;&gt;&lt;script&gt;">"#));
    let run = factcards(&["render", "--css-href", "a&b'c", sheet.path()]);
    assert!(run.stdout.contains(r#"href="a&amp;b&#39;c">"#));
}

#[test]
fn render_refuses_a_sheet_with_errors() {
    let sheet = TempSheet::new(
        "render-bad",
        with(r#""title": "The claim""#, r#""titel": "The claim""#),
    );
    let run = factcards(&["render", sheet.path()]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    let file = sheet.path();
    assert_eq!(
        run.stderr_lines(),
        [
            format!("{file}:19:5: error: cards[1]: missing field \"title\""),
            format!("{file}:19:43: error: cards[1].titel: unknown field \"titel\" (did you mean \"title\"?)"),
            format!("{file}: 2 errors"),
        ]
    );
}

#[test]
fn usage_errors_exit_2() {
    let sheet = TempSheet::new("usage", VALID);
    let missing = format!("{}.missing", sheet.path());
    let cases: &[&[&str]] = &[
        &[],
        &["frobnicate"],
        &["check"],
        &["check", "--strict", sheet.path()],
        &["check", &missing],
        &["schema", "extra"],
        &["render"],
        &["render", sheet.path(), sheet.path()],
        &["render", "--theme", "purple", sheet.path()],
        &["render", "--css-href"],
        &["render", "--card", "nope", sheet.path()],
        &["render", "--category", "nope", sheet.path()],
        &["import"],
        &["import", sheet.path(), "-o"],
        &["export"],
        &["export", &missing],
        &["template", "--tsv"],
        &["share-image", sheet.path()],
        &["share-image", "-o", sheet.path()],
        &["share-image", sheet.path(), sheet.path(), "-o", sheet.path()],
    ];
    for args in cases {
        let run = factcards(args);
        assert_eq!(run.code, 2, "factcards {args:?}");
        assert_eq!(run.stdout, "", "factcards {args:?}");
        assert!(
            run.stderr.starts_with("factcards: "),
            "factcards {args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn unknown_commands_print_the_usage() {
    let run = factcards(&["frobnicate"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("factcards: unknown command \"frobnicate\"\n")
    );
    assert!(
        run.stderr
            .contains("Usage:\n  factcards check [--source ID=COPY]... FILE...")
    );
}

#[test]
fn unreadable_files_are_reported_and_the_rest_still_checked() {
    let good = TempSheet::new("readable", VALID);
    let missing = format!("{}.missing", good.path());
    let run = factcards(&["check", &missing, good.path()]);
    assert_eq!(run.code, 2);
    let stderr = run.stderr_lines();
    assert_eq!(stderr.len(), 2);
    assert!(stderr[0].starts_with(&format!("factcards: cannot read {missing}: ")));
    assert_eq!(stderr[1], format!("{}: ok", good.path()));
}

#[test]
fn help_prints_the_usage_and_exits_0() {
    for args in [&["help"][..], &["--help"], &["-h"], &["render", "--help"]] {
        let run = factcards(args);
        assert_eq!(run.code, 0, "factcards {args:?}");
        assert!(run.stdout.contains("Usage:\n"), "factcards {args:?}");
        assert!(run.stdout.contains("FILE:LINE:COLUMN: error: PATH: MESSAGE"));
        assert_eq!(run.stderr, "");
    }
}

#[test]
fn import_prints_the_json_of_a_spreadsheet() {
    let csv = TempSheet::new("template", TEMPLATE_CSV);
    let run = factcards(&["import", csv.path()]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.stderr_lines(), [format!("{}: ok", csv.path())]);
    let sheet = parse_sheet(&run.stdout).expect("the printed JSON is a valid sheet");
    assert_eq!(sheet.id, "bridge-closure");
    // -o writes the file instead; the JSON then passes check.
    let out = TempSheet::new("imported", "");
    let run = factcards(&["import", csv.path(), "-o", out.path()]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.stdout, "");
    let run = factcards(&["check", out.path()]);
    assert_eq!(run.stderr_lines(), [format!("{}: ok", out.path())]);
}

#[test]
fn import_prints_problems_at_their_row_and_column() {
    let text = TEMPLATE_CSV
        .replacen(",confirmed,council,", ",confimed,council,", 1)
        .replacen(",claimed,union,", ",claimed,unoin,", 1);
    let csv = TempSheet::new("mistakes", &text);
    let run = factcards(&["import", csv.path()]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    let file = csv.path();
    assert_eq!(
        run.stderr_lines(),
        [
            format!(
                "{file}: error: row 17, column \"status\": unknown status \"confimed\" \
                 (did you mean \"confirmed\"?)"
            ),
            format!(
                "{file}: error: row 19, column \"sources\": unknown source \"unoin\" \
                 (did you mean \"union\"?)"
            ),
            format!("{file}: 2 errors"),
        ]
    );
}

#[test]
fn export_prints_csv_that_imports_back() {
    let sheet = TempSheet::new("export", VALID);
    let run = factcards(&["export", sheet.path()]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert!(
        run.stdout
            .starts_with("# story\nid,title,summary,lang,updated,credit,refresh\n")
    );
    let run = factcards_with_stdin(&["import", "-"], &run.stdout);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(parse_sheet(&run.stdout), parse_sheet(VALID));
    // A sheet with errors is not exported.
    let bad = TempSheet::new(
        "export-bad",
        with(r#""status": "confirmed""#, r#""status": "true""#),
    );
    let run = factcards(&["export", bad.path()]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr_lines().last().copied(),
        Some(format!("{}: 1 error", bad.path()).as_str())
    );
}

#[test]
fn template_prints_the_spreadsheet_or_its_json() {
    let run = factcards(&["template", "--csv"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, TEMPLATE_CSV);
    let run = factcards(&["template"]);
    assert_eq!(run.code, 0);
    assert!(parse_sheet(&run.stdout).is_ok(), "{}", run.stdout);
}

#[test]
fn diff_prints_what_changed_grouped_with_a_summary() {
    let old = TempSheet::new("diff-old", VALID);
    let new_text = VALID
        .replacen(
            r#""status": "claimed", "sources": ["article", "report"]"#,
            r#""status": "confirmed", "sources": ["article", "report"]"#,
            1,
        )
        .replacen(
            r#"{"text": "The group formed in 2015.""#,
            r#"{"text": "The group formed in 2014.""#,
            1,
        );
    let new = TempSheet::new("diff-new", &new_text);
    let run = factcards(&["diff", old.path(), new.path()]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(
        run.stdout_lines(),
        [
            "Changed:".to_owned(),
            "  changed cards[0].facts[0] text: \"The group formed in 2015.\" -> \"The group formed in 2014.\""
                .to_owned(),
            "  changed cards[1].facts[0] status: claimed -> confirmed".to_owned(),
            format!("{} -> {}: 0 new, 2 changed, 0 removed, 0 moved", old.path(), new.path()),
        ]
    );
    // The same sheet twice: valid, so exit 0, with nothing but the summary.
    let run = factcards_with_stdin(&["diff", old.path(), "-"], VALID);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout_lines(),
        [format!("{} -> <stdin>: no changes", old.path())]
    );
}

#[test]
fn diff_refuses_an_invalid_sheet_or_another_story() {
    let old = TempSheet::new("diff-old", VALID);
    let bad = TempSheet::new(
        "diff-bad",
        with(r#""status": "confirmed""#, r#""status": "confimed""#),
    );
    let run = factcards(&["diff", old.path(), bad.path()]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    let file = bad.path();
    assert_eq!(
        run.stderr_lines(),
        [
            format!(
                "{file}:18:64: error: cards[0].facts[0].status: unknown status \"confimed\" (did you mean \"confirmed\"?)"
            ),
            format!("{file}: 1 error"),
        ]
    );
    let other = TempSheet::new(
        "diff-other",
        with(r#""id": "test-story""#, r#""id": "other-story""#),
    );
    let run = factcards(&["diff", old.path(), other.path()]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr_lines(),
        [format!(
            "{}: error: the new sheet is another story: its id is \"other-story\", not \"test-story\"",
            other.path()
        )]
    );
    let run = factcards(&["diff", old.path()]);
    assert_eq!(run.code, 2);
}

#[test]
fn publish_writes_the_story_folder_and_says_what_to_paste() {
    let sheet = TempSheet::new("publish", BUNDLED_SHEET);
    let out = std::env::temp_dir().join(format!("factcards-cli-publish-{}", std::process::id()));
    let out_arg = out.to_str().expect("a UTF-8 temporary path");
    let args = [
        "publish",
        "--out",
        out_arg,
        "--base-url",
        "https://news.example/stories/moscow/",
        "--widget-url",
        "https://cdn.example/factcards/",
        sheet.path(),
    ];
    let run = factcards(&args);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(
        run.stdout_lines(),
        [
            format!(
                "{out_arg}: wrote index.html, frame.html, frame.js, story.css, oembed.json, sheet.json, share.png"
            ),
            format!("Serve {out_arg} at https://news.example/stories/moscow/"),
            "Paste into a CMS, alone on a line: https://news.example/stories/moscow/".to_owned(),
        ]
    );
    let read = |name: &str| std::fs::read(out.join(name)).expect("a written file");
    assert!(read("share.png").starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(
        String::from_utf8(read("index.html"))
            .expect("UTF-8")
            .contains("<title>Moscow concert hall attack")
    );
    // Publishing again gives the same bytes, the share image included.
    let folder = || {
        [
            "index.html",
            "frame.html",
            "oembed.json",
            "sheet.json",
            "share.png",
        ]
        .map(read)
    };
    let first = folder();
    assert_eq!(factcards(&args).code, 0);
    assert!(first == folder(), "a second publish changed the folder");
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn publish_refuses_a_claim_that_names_no_claimant_which_check_only_warns_of() {
    let mut sheet: serde_json::Value = serde_json::from_str(BUNDLED_SHEET).expect("the bundled sheet");
    let claim = sheet["cards"]
        .as_array_mut()
        .and_then(|cards| {
            cards
                .iter_mut()
                .flat_map(|card| card["facts"].as_array_mut().into_iter().flatten())
                .find(|fact| fact["status"] == "claimed" && fact.get("attribution").is_some())
        })
        .expect("a claimed fact with its claimant");
    claim
        .as_object_mut()
        .expect("a fact object")
        .remove("attribution");
    let sheet = TempSheet::new(
        "unattributed",
        serde_json::to_string_pretty(&sheet).expect("JSON"),
    );
    // While writing, it is a warning: check passes.
    assert_eq!(factcards(&["check", sheet.path()]).code, 0);
    let out = std::env::temp_dir().join(format!("factcards-cli-unattributed-{}", std::process::id()));
    let run = factcards(&[
        "publish",
        "--out",
        out.to_str().expect("a UTF-8 temporary path"),
        "--base-url",
        "https://news.example/stories/moscow/",
        "--widget-url",
        "https://cdn.example/factcards/",
        sheet.path(),
    ]);
    assert_eq!(run.code, 1, "stdout: {}", run.stdout);
    let file = sheet.path();
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with(&format!("{file}:"))
            && lines[0]
                .ends_with("a claimed fact has no attribution: say who claims it (needed before publishing)"),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines[1],
        format!("{file}: not published: 1 warning to fix before publishing")
    );
    assert!(!out.exists(), "nothing was written");
}

#[test]
fn publish_refuses_addresses_that_are_not_http_folders() {
    let sheet = TempSheet::new("publish-bad", BUNDLED_SHEET);
    let run = factcards(&[
        "publish",
        "--out",
        "unused",
        "--base-url",
        "https://news.example/stories/moscow",
        "--widget-url",
        "https://cdn.example/factcards/",
        sheet.path(),
    ]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr_lines(),
        [
            "factcards: the story folder's address (--base-url) \"https://news.example/stories/moscow\": must end with / (it is a folder)",
            "Run `factcards help` for usage.",
        ]
    );
    let run = factcards(&["publish", sheet.path()]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr_lines()[0],
        "factcards: publish needs --out DIR, --base-url URL and --widget-url URL"
    );
}

#[test]
fn share_image_writes_the_png_and_says_what_it_left_out() {
    let sheet = TempSheet::new("bundled", BUNDLED_SHEET);
    let out = TempSheet::new("share", "");
    let run = factcards(&["share-image", sheet.path(), "-o", out.path()]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert_eq!(run.stdout, "");
    let png = std::fs::read(out.path()).expect("the image was written");
    let fonts = ShareFonts::bundled();
    let bundled = parse_sheet(BUNDLED_SHEET).expect("the bundled sheet is valid");
    assert_eq!(png, share_image_png(&bundled, &fonts));
    let name = out.path();
    // The bundled sheet has no warning, so no line says it is ok.
    assert_eq!(
        run.stderr_lines(),
        [
            format!("{name}: {} bytes, 3 of 20 facts", png.len()),
            format!(
                "{name}: the credit line was cut: \"Updated 1 December 2026 · Sources: Moscow Concert Hall \
                 Terror Attack Linked…\""
            ),
        ]
    );
}

#[test]
fn share_image_warns_of_characters_without_a_glyph_and_refuses_a_sheet_with_errors() {
    let sheet = TempSheet::new(
        "tokyo",
        with("\"title\": \"A test story\"", "\"title\": \"東京\""),
    );
    let out = TempSheet::new("tokyo-share", "");
    let run = factcards(&["share-image", sheet.path(), "-o", out.path()]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    let warning = format!("{}: warning: the fonts have no glyph for \"京東\"", out.path());
    assert_eq!(run.stderr_lines().last(), Some(&warning.as_str()));

    let broken = TempSheet::new("broken", with("\"lang\": \"en\"", "\"lang\": \"\""));
    let nothing = format!("{}.png", broken.path());
    let run = factcards(&["share-image", broken.path(), "-o", &nothing]);
    assert_eq!(run.code, 1);
    assert!(!std::path::Path::new(&nothing).exists());
}

#[test]
fn excerpts_are_checked_against_a_saved_copy_of_their_source() {
    let text = with(
        r#"["article", "report"]"#,
        r#"[{"source": "article", "excerpt": "The group formed in 2016."}, "report"]"#,
    );
    let sheet = TempSheet::new("excerpt", text);
    let copy = TempSheet::new(
        "copy",
        "<html><body><p>Experts say the group formed in 2015.</p></body></html>",
    );
    let source = format!("article={}", copy.path());
    let run = factcards(&["check", "--source", &source, sheet.path()]);
    assert_eq!(run.code, 1, "stderr: {}", run.stderr);
    assert_eq!(run.stdout_lines().len(), 1, "{}", run.stdout);
    let line = run.stdout_lines()[0];
    assert!(
        line.starts_with(&format!("{}:", sheet.path()))
            && line.ends_with(
                ": error: cards[1].facts[0].sources[0].excerpt: the excerpt is not in the saved copy of \"article\": did you mean \"the group formed in 2015.\"?"
            ),
        "{line}"
    );
    // A copy of a source whose facts give no excerpt: a warning, and a pass.
    let source = format!("report={}", copy.path());
    let run = factcards(&["check", "--source", &source, sheet.path()]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains(": warning: sources[1]: a saved copy of \"report\" was given, but no fact that cites it gives an excerpt to check"),
        "{}",
        run.stdout
    );
    // A copy that cannot be read is a usage-level failure.
    let run = factcards(&["check", "--source", "article=/nonexistent/copy.txt", sheet.path()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}
