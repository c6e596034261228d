//! A source's relative url (`./sources/article.html`), resolved against the
//! sheet's own address as a browser resolves a link in a page.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::with;
use factcards::model::source_urls::{is_source_link, resolve_source_url};
use factcards::model::{SourceMarks, parse_sheet};

const SHEET: &str = "https://news.example/stories/moscow/sheet.json?v=2#top";

#[test]
fn a_relative_url_is_joined_to_the_folder_of_the_sheet() {
    for (url, resolved) in [
        (
            "./sources/a.html",
            "https://news.example/stories/moscow/sources/a.html",
        ),
        ("../a.html", "https://news.example/stories/a.html"),
        (
            "./a.html?x=1#part",
            "https://news.example/stories/moscow/a.html?x=1#part",
        ),
        ("./", "https://news.example/stories/moscow/"),
        (
            "./sources/../a.html",
            "https://news.example/stories/moscow/a.html",
        ),
        ("../..", "https://news.example/"),
        // Never above the host, as in a browser.
        ("../../../../a.html", "https://news.example/a.html"),
    ] {
        assert_eq!(resolve_source_url(url, SHEET).as_deref(), Some(resolved), "{url}");
    }
}

#[test]
fn a_sheet_at_a_host_or_folder_is_its_own_folder() {
    assert_eq!(
        resolve_source_url("./a.html", "http://news.example").as_deref(),
        Some("http://news.example/a.html")
    );
    assert_eq!(
        resolve_source_url("./sources/a.html", "https://news.example/demo/").as_deref(),
        Some("https://news.example/demo/sources/a.html")
    );
}

#[test]
fn an_absolute_url_is_itself_and_a_bad_one_nothing() {
    assert_eq!(
        resolve_source_url("https://other.example/a", SHEET).as_deref(),
        Some("https://other.example/a")
    );
    for bad in [
        "javascript:alert(1)",
        "//evil.example/",
        "sources/a.html",
        "./a b.html",
    ] {
        assert_eq!(resolve_source_url(bad, SHEET), None, "{bad}");
    }
}

#[test]
fn against_an_address_that_is_not_http_a_relative_url_has_no_link() {
    for base in [
        "file:///home/me/story.html",
        "blob:https://news.example/1234",
        "about:blank",
    ] {
        assert_eq!(resolve_source_url("./a.html", base), None, "{base}");
    }
}

#[test]
fn a_view_links_http_and_relative_urls_only() {
    for link in ["https://a.example/", "./a.html", "../a.html"] {
        assert!(is_source_link(link), "{link}");
    }
    for not in ["javascript:alert(1)", "//evil.example/", "a.html", "file:///a"] {
        assert!(!is_source_link(not), "{not}");
    }
}

#[test]
fn a_sheet_links_its_relative_urls_resolved_and_the_others_as_they_are() {
    let text = with(
        r#""url": "https://example.com/a""#,
        r#""url": "./sources/a.html""#,
    );
    let sheet = parse_sheet(&text).expect("a relative url is valid");
    let links = SourceMarks::new(&sheet).resolved_against(Some(SHEET));
    assert_eq!(
        links.link(0),
        Some("https://news.example/stories/moscow/sources/a.html")
    );
    assert_eq!(links.link(1), sheet.sources[1].url.as_deref());
    // With no address to resolve against, the link stays relative, for the
    // browser to resolve against the page.
    assert_eq!(
        SourceMarks::new(&sheet).resolved_against(None).link(0),
        Some("./sources/a.html")
    );
    // A page opened from a file: the source shows, with no link.
    let offline = SourceMarks::new(&sheet).resolved_against(Some("file:///story.html"));
    assert_eq!(offline.link(0), None);
    // The sheet itself is as it was written.
    assert_eq!(sheet.sources[0].url.as_deref(), Some("./sources/a.html"));
}
