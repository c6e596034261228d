//! The demo's saved copy of its story's source, demo/sources/
//! moscow-isis-k-article.html: a page written from data/sources/
//! moscow-isis-k-article.txt by tools/build/source-page.mjs. Its article
//! must say what the text says, paragraph for paragraph, so that the
//! excerpts checked against the text are the passages readers land on.
#![cfg(not(target_arch = "wasm32"))]

use factcards::BUNDLED_SHEET;
use factcards::model::excerpts::{SavedCopy, check_excerpts, readable_text};
use factcards::model::parse_sheet;

const TEXT: &str = include_str!("../data/sources/moscow-isis-k-article.txt");
const PAGE: &str = include_str!("../demo/sources/moscow-isis-k-article.html");

/// Each paragraph of `text`, its whitespace collapsed.
fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|paragraph| paragraph.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|paragraph| !paragraph.is_empty())
        .collect()
}

#[test]
fn the_page_s_article_is_the_text_paragraph_for_paragraph() {
    let start = PAGE.find("<article>").expect("the page has an <article>");
    let end = PAGE.find("</article>").expect("the article ends");
    // One block a line: join the lines into paragraphs the text's way.
    let article = readable_text(&PAGE[start..end]).replace('\n', "\n\n");
    assert_eq!(paragraphs(&article), paragraphs(TEXT));
    let note = "tools/build/source-page.mjs";
    assert!(PAGE.contains(note), "the page says how it is made");
}

#[test]
fn the_page_says_it_is_a_saved_copy_in_its_title_and_first_words() {
    let headline = paragraphs(TEXT).remove(0);
    assert!(PAGE.contains(&format!("<title>Saved copy of the source: {headline}</title>")));
    let body = readable_text(&PAGE[PAGE.find("<body>").expect("a body")..]);
    let first = body.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    assert_eq!(first, "A saved copy of a source.");
}

#[test]
fn every_excerpt_of_the_bundled_story_is_once_on_the_page() {
    let sheet = parse_sheet(BUNDLED_SHEET).expect("valid");
    let copy = SavedCopy::new("article", PAGE);
    assert_eq!(check_excerpts(&sheet, &[copy], None), Vec::new());
}
