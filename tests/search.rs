//! Search folding and highlighting.
#![cfg(not(target_arch = "wasm32"))]

use factcards::BUNDLED_SHEET;
use factcards::model::parse_sheet;
use factcards::search::{Query, SearchIndex, fold, search, segments};

#[test]
fn folding_ignores_case_and_diacritics_one_char_for_one() {
    let folded: String = fold("Ça Été ÑANDÚ Łódź Straße Ёлка “quote” — dash")
        .into_iter()
        .collect();
    assert_eq!(folded, "ca ete nandu lodz strase елка \"quote\" - dash");
    assert_eq!(fold("İstanbul").len(), "İstanbul".chars().count());
}

#[test]
fn ranges_cover_every_occurrence_of_every_word_merged() {
    let query = Query::new("isis  K");
    assert_eq!(query.ranges("ISIS-K and ISIS"), vec![0..4, 5..6, 11..15]);
    assert_eq!(Query::new("is si").ranges("ISIS"), vec![0..4]);
    assert_eq!(Query::new("").ranges("anything"), vec![]);
    assert_eq!(Query::new("zzz").ranges("anything"), vec![]);
}

#[test]
fn segments_split_the_original_text_at_the_ranges() {
    let text = "Café Ünïcode café";
    let ranges = Query::new("cafe").ranges(text);
    assert_eq!(
        segments(text, &ranges),
        vec![("Café", true), (" Ünïcode ", false), ("café", true)]
    );
    assert_eq!(segments("plain", &[]), vec![("plain", false)]);
}

#[test]
fn an_updated_index_equals_a_fresh_one_of_the_new_version() {
    let before = parse_sheet(BUNDLED_SHEET).unwrap();
    let mut after = before.clone();
    after.cards[1].facts[0].text = "A wholly new finding about the harbour".to_owned();
    after.cards.swap(3, 4);
    after.cards.pop();
    let index = SearchIndex::new(&before);
    let updated = index.updated(&before, &after);
    assert_eq!(updated, SearchIndex::new(&after));
    let query = Query::new("harbour");
    assert_eq!(search(&after, &updated, &query, |_| true), vec![(1, vec![0])]);
    assert_eq!(search(&before, &index, &query, |_| true), vec![]);
}
