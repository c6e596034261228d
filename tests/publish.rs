//! The story folder (`factcards::publish`): which files it holds, what the
//! story page tells a CMS and a social network, what the oEmbed answer
//! keeps to (what WordPress lets through of an unknown provider), and that
//! the same sheet always gives the same bytes.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use common::{VALID, with};
use factcards::BUNDLED_SHEET;
use factcards::model::{Sheet, parse_sheet};
use factcards::publish::{
    FRAME_PAGE, OEMBED, SHARE_IMAGE, SHEET_JSON, STORY_PAGE, Settings, StoryFile, oembed_html,
    story_folder_blocking,
};

const BASE: &str = "https://news.example/stories/moscow/";
const WIDGET: &str = "https://cdn.example/factcards/";

fn settings() -> Settings {
    Settings::new(BASE, WIDGET).expect("valid settings")
}

fn sheet(text: &str) -> Rc<Sheet> {
    Rc::new(parse_sheet(text).expect("a valid sheet"))
}

fn folder(text: &str) -> Vec<StoryFile> {
    story_folder_blocking(&sheet(text), &settings(), b"PNG".to_vec())
}

fn file<'a>(files: &'a [StoryFile], name: &str) -> &'a str {
    let file = files
        .iter()
        .find(|file| file.name == name)
        .unwrap_or_else(|| panic!("no {name} in the folder"));
    std::str::from_utf8(&file.bytes).expect("a text file")
}

/// Every start tag of `html` as (name, attribute names), in order; the
/// test's own small reading of the markup it checks.
fn start_tags(html: &str) -> Vec<(String, Vec<String>)> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        if rest.starts_with('/') {
            continue;
        }
        let end = rest.find('>').expect("a tag ends");
        let tag = &rest[..end];
        let name = tag.split_whitespace().next().unwrap_or("").to_owned();
        let mut attributes = Vec::new();
        let mut text = &tag[name.len()..];
        while let Some(equals) = text.find('=') {
            attributes.push(text[..equals].trim().to_owned());
            let value = &text[equals + 1..];
            let quote = value.chars().next().expect("a quoted value");
            let close = value[1..].find(quote).expect("the value's quote closes");
            text = &value[close + 2..];
        }
        tags.push((name, attributes));
        rest = &rest[end..];
    }
    tags
}

#[test]
fn a_folder_holds_the_story_page_the_frame_the_oembed_answer_the_sheet_and_the_share_image() {
    let names: Vec<&str> = folder(BUNDLED_SHEET).iter().map(|file| file.name).collect();
    assert_eq!(
        names,
        [
            STORY_PAGE,
            FRAME_PAGE,
            "frame.js",
            "story.css",
            OEMBED,
            SHEET_JSON,
            SHARE_IMAGE
        ]
    );
    let files = folder(BUNDLED_SHEET);
    let share = files
        .iter()
        .find(|file| file.name == SHARE_IMAGE)
        .expect("a share image");
    assert_eq!(share.bytes, b"PNG");
}

#[test]
fn the_same_sheet_gives_the_same_bytes() {
    assert_eq!(folder(BUNDLED_SHEET), folder(BUNDLED_SHEET));
}

#[test]
fn the_story_page_is_the_deck_with_the_tags_a_cms_and_a_social_network_read() {
    let files = folder(VALID);
    let page = file(&files, STORY_PAGE);
    for line in [
        r#"<html lang="en">"#,
        "<title>A test story</title>",
        r#"<meta name="description" content="One sentence.">"#,
        r#"<link rel="canonical" href="https://news.example/stories/moscow/">"#,
        r#"<link rel="alternate" type="application/json+oembed" href="https://news.example/stories/moscow/oembed.json" title="A test story">"#,
        r#"<meta property="og:title" content="A test story">"#,
        r#"<meta property="og:url" content="https://news.example/stories/moscow/">"#,
        r#"<meta property="og:image" content="https://news.example/stories/moscow/share.png">"#,
        r#"<meta property="og:image:width" content="1200">"#,
        r#"<meta property="og:image:height" content="630">"#,
        r#"<meta name="twitter:card" content="summary_large_image">"#,
        r#"<meta name="twitter:image" content="https://news.example/stories/moscow/share.png">"#,
        r#"<script type="module" src="https://cdn.example/factcards/factcards.js"></script>"#,
    ] {
        assert!(
            page.lines().any(|l| l == line),
            "the story page has no line {line}"
        );
    }
    // The deck is in the page, server-rendered, with the widget's
    // stylesheet, and the sheet rides along for the takeover.
    assert!(page.contains(r#"<div data-factcards><template shadowrootmode="open"><link rel="stylesheet" href="https://cdn.example/factcards/factcards.css">"#));
    assert!(page.contains("The group formed in 2015."));
    assert!(page.contains(r#"</template><script type="application/json">{"factcards":1,"id":"test-story""#));
}

#[test]
fn a_live_sheet_is_read_by_address_so_a_republished_sheet_reaches_open_pages() {
    let files = folder(&with(
        r#""updated": "2024-03-23","#,
        r#""updated": "2024-03-23", "refresh": 60,"#,
    ));
    for page in [STORY_PAGE, FRAME_PAGE] {
        let page = file(&files, page);
        assert!(
            page.contains(
                r#"<div data-factcards data-src="https://news.example/stories/moscow/sheet.json" data-live"#
            ),
            "{page}"
        );
        assert!(!page.contains(r#"<script type="application/json">"#));
    }
}

#[test]
fn the_frame_page_is_the_compact_deck_with_a_classic_height_script_and_the_story_as_canonical() {
    let files = folder(VALID);
    let page = file(&files, FRAME_PAGE);
    assert!(page.contains(r#"<link rel="canonical" href="https://news.example/stories/moscow/">"#));
    assert!(page.contains(r#"<meta name="robots" content="noindex">"#));
    assert!(page.contains(
        r#"<div data-factcards data-layout="compact" id="factcards-frame" data-url-state="off"><template shadowrootmode="open">"#
    ));
    // Its stylesheets inline: the frame's document starts a round trip
    // after its host's, and a stylesheet to fetch would be one more before
    // the first fact.
    assert!(page.contains(r#"<template shadowrootmode="open"><style>"#));
    assert!(page.contains(factcards::styles::CSS));
    assert!(page.contains(include_str!("../web/embed-frame.css").trim_end()));
    assert!(
        !page.contains("<link rel=\"stylesheet\""),
        "the frame page links a stylesheet"
    );
    // Classic, so that it runs where module scripts from the widget's host
    // are blocked (a sandboxed frame without CORS).
    assert!(
        page.lines()
            .any(|line| line == r#"<script src="frame.js"></script>"#)
    );
    assert_eq!(file(&files, "frame.js"), include_str!("../web/frame.js"));
}

#[test]
fn the_oembed_answer_is_a_rich_embed_of_the_frame_with_the_share_image() {
    let files = folder(VALID);
    let answer: serde_json::Value = serde_json::from_str(file(&files, OEMBED)).expect("JSON");
    assert_eq!(answer["version"], "1.0");
    assert_eq!(answer["type"], "rich");
    assert_eq!(answer["title"], "A test story");
    assert_eq!(answer["provider_name"], "news.example");
    assert_eq!(answer["provider_url"], "https://news.example/");
    assert_eq!(
        answer["thumbnail_url"],
        "https://news.example/stories/moscow/share.png"
    );
    assert_eq!(
        (
            answer["thumbnail_width"].as_u64(),
            answer["thumbnail_height"].as_u64()
        ),
        (Some(1200), Some(630))
    );
    assert!(answer["width"].as_u64().is_some() && answer["height"].as_u64().is_some());
    let html = answer["html"].as_str().expect("html");
    assert!(html.contains(r#"<iframe src="https://news.example/stories/moscow/frame.html""#));
    let named = Settings::new(BASE, WIDGET)
        .expect("valid")
        .with_provider_name("The Daily Example");
    let answer = factcards::publish::oembed_json(&sheet(VALID), &named);
    assert!(answer.contains(r#""provider_name": "The Daily Example""#));
}

#[test]
fn the_oembed_html_uses_only_what_wordpress_keeps_and_puts_the_blockquote_first() {
    let html = oembed_html(&sheet(BUNDLED_SHEET), &settings());
    let tags = start_tags(&html);
    let names: Vec<&str> = tags.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names.first(), Some(&"blockquote"));
    assert_eq!(names.last(), Some(&"iframe"));
    assert_eq!(names.iter().filter(|name| **name == "iframe").count(), 1);
    for (name, attributes) in &tags {
        let allowed: &[&str] = match name.as_str() {
            "a" => &["href"],
            "iframe" => &[
                "src",
                "width",
                "height",
                "frameborder",
                "marginwidth",
                "marginheight",
                "scrolling",
                "title",
            ],
            // WordPress drops a `<p>` but keeps its text.
            "blockquote" | "p" => &[],
            other => panic!("WordPress would drop <{other}>"),
        };
        for attribute in attributes {
            assert!(
                allowed.contains(&attribute.as_str()),
                "WordPress would drop {name}[{attribute}]"
            );
        }
    }
    // The first facts, each with its status word, as text.
    assert!(html.contains(
        "\n<p>Confirmed: A deadly assault took place at a concert hall in Moscow on a Friday.</p>"
    ));
    assert!(html.contains("\n<p>Claimed: ISIS-K says it was responsible for the attack.</p>"));
}

#[test]
fn text_from_the_sheet_is_never_markup_in_any_page_or_the_oembed_answer() {
    let files = folder(&with(
        r#""title": "A test story""#,
        r#""title": "A \"test\" <script>alert(1)</script> & story""#,
    ));
    for name in [STORY_PAGE, FRAME_PAGE] {
        assert!(
            !file(&files, name).contains("<script>alert"),
            "{name} has the title as markup"
        );
    }
    let answer: serde_json::Value = serde_json::from_str(file(&files, OEMBED)).expect("JSON");
    let html = answer["html"].as_str().expect("html");
    assert!(
        !html.contains("<script>alert"),
        "the oEmbed html has the title as markup: {html}"
    );
    assert!(html.contains(r#"title="A &quot;test&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; story""#));
    let page = file(&files, STORY_PAGE);
    assert!(
        page.contains("<title>A &quot;test&quot; &lt;script&gt;alert(1)&lt;/script&gt; &amp; story</title>")
    );
}

#[test]
fn the_addresses_must_be_http_folders() {
    let message = |base: &str, widget: &str| Settings::new(base, widget).expect_err("refused").to_string();
    assert_eq!(
        message("https://news.example/moscow", WIDGET),
        "the story folder's address (--base-url) \"https://news.example/moscow\": must end with / (it is a folder)"
    );
    assert_eq!(
        message(BASE, "https://cdn.example/factcards/?v=2/"),
        "the widget's address (--widget-url) \"https://cdn.example/factcards/?v=2/\": must have no query or fragment (it is a folder)"
    );
    assert!(
        message("javascript:alert(1)/", WIDGET)
            .starts_with("the story folder's address (--base-url) \"javascript:alert(1)/\": ")
    );
    assert!(
        message(BASE, "ftp://cdn.example/")
            .starts_with("the widget's address (--widget-url) \"ftp://cdn.example/\": ")
    );
}

#[test]
fn a_russian_sheet_gets_its_language_and_its_status_words() {
    let russian = with(r#""lang": "en""#, r#""lang": "ru""#);
    let files = folder(&russian);
    assert!(file(&files, STORY_PAGE).contains(r#"<html lang="ru">"#));
    assert!(
        oembed_html(&sheet(&russian), &settings()).contains("<p>Подтверждено: The group formed in 2015.</p>")
    );
}

#[test]
fn the_zip_of_a_folder_unpacks_into_the_same_files_under_the_story_id() {
    let files = folder(BUNDLED_SHEET);
    let archive = factcards::publish::zip::zip_folder("moscow-isis-k", &files);
    assert_eq!(
        archive,
        factcards::publish::zip::zip_folder("moscow-isis-k", &files),
        "the same archive each time"
    );
    let path = std::env::temp_dir().join(format!("factcards-publish-{}.zip", std::process::id()));
    std::fs::write(&path, &archive).expect("write the zip");
    // Python's zipfile checks every entry's CRC and reads the names back:
    // an independent reader of the format.
    let listing = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile, hashlib\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nfor i in z.infolist(): print(i.filename, i.file_size, hashlib.sha256(z.read(i)).hexdigest())",
        ])
        .arg(&path)
        .output()
        .expect("python3 runs");
    let _ = std::fs::remove_file(&path);
    assert!(
        listing.status.success(),
        "{}",
        String::from_utf8_lossy(&listing.stderr)
    );
    let expected: String = files
        .iter()
        .map(|file| {
            format!(
                "moscow-isis-k/{} {} {}\n",
                file.name,
                file.bytes.len(),
                sha256_hex(&file.bytes)
            )
        })
        .collect();
    assert_eq!(String::from_utf8_lossy(&listing.stdout), expected);
}

/// SHA-256 of `bytes` in hex, by Python too, so that the test compares
/// what it wrote with what the reader read and not with itself.
fn sha256_hex(bytes: &[u8]) -> String {
    let mut child = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, hashlib; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest(), end='')",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(bytes)
        .expect("write");
    let output = child.wait_with_output().expect("python3 ends");
    String::from_utf8(output.stdout).expect("hex")
}

#[test]
fn a_source_relative_to_the_sheet_is_linked_where_the_folder_is_served() {
    let files = folder(BUNDLED_SHEET);
    let linked = format!("{BASE}sources/moscow-isis-k-article.html#:~:text=");
    for page in [STORY_PAGE, FRAME_PAGE] {
        let html = file(&files, page);
        assert!(html.contains(&linked), "{page} links the source beside the sheet");
        assert!(
            !html.contains("href=\"./sources/"),
            "{page} has no relative source link"
        );
    }
    // The folder's sheet keeps it as written: the reader resolves it
    // against the sheet's own address, which is the same folder.
    assert!(file(&files, SHEET_JSON).contains(r#""url": "./sources/moscow-isis-k-article.html""#));
}
