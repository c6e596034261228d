//! The diff of two versions of a sheet, as a live deck and `factcards diff`
//! see it: new, changed, removed and moved facts, with and without fact ids,
//! the correction that explains a removal, the counts and keys of an update,
//! and the lines printed for editors. Every diff here is also applied back,
//! to show it leaves nothing out; tests/properties.rs does the same on
//! generated sheets.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::VALID;
use factcards::model::diff::{
    Change, Counts, DiffError, FactIds, FactPlace, diff_lines, diff_summary, fact_key,
};
use factcards::model::{Correction, Fact, Sheet, SheetDiff, Status, apply, diff, parse_sheet};

/// `VALID` with an id on each fact: "formed" has one fact, "claim" one.
fn sheet() -> Sheet {
    let mut sheet = parse_sheet(VALID).expect("valid");
    sheet.cards[0].facts[0].id = Some("formed-2015".to_owned());
    sheet.cards[1].facts[0].id = Some("claim".to_owned());
    sheet
}

fn fact(id: Option<&str>, text: &str) -> Fact {
    Fact {
        id: id.map(str::to_owned),
        text: text.to_owned(),
        status: Status::Reported,
        sources: vec!["article".into()],
        attribution: None,
        quote: None,
    }
}

/// The diff of `old` and `new`, checked to apply back to `new`.
fn diffed(old: &Sheet, new: &Sheet) -> SheetDiff {
    let diff = diff(old, new).expect("the same story");
    assert_eq!(apply(old, &diff).as_ref(), Ok(new), "applying {diff:#?}");
    diff
}

fn place(card: usize, card_id: &str, index: usize) -> FactPlace {
    FactPlace {
        card,
        card_id: card_id.to_owned(),
        index,
    }
}

#[test]
fn a_sheet_has_no_changes_from_itself() {
    let old = sheet();
    let diff = diffed(&old, &old);
    assert!(diff.is_empty());
    assert_eq!(diff.counts(), Counts::default());
    assert_eq!(diff_lines(&diff), Vec::<String>::new());
    assert_eq!(diff_summary(&diff), "no changes");
}

#[test]
fn another_story_is_not_an_update() {
    let old = sheet();
    let mut new = sheet();
    new.id = "other-story".to_owned();
    let error = diff(&old, &new).expect_err("another story");
    assert_eq!(
        error,
        DiffError::OtherStory {
            old: "test-story".to_owned(),
            new: "other-story".to_owned()
        }
    );
    assert_eq!(
        error.to_string(),
        "the new sheet is another story: its id is \"other-story\", not \"test-story\""
    );
}

#[test]
fn new_facts_and_cards() {
    let old = sheet();
    let mut new = sheet();
    new.cards[0]
        .facts
        .insert(0, fact(Some("leader"), "The group has a new leader."));
    let mut card = new.cards[1].clone();
    card.id = "toll".to_owned();
    card.title = "The toll".to_owned();
    card.facts = vec![fact(None, "At least 139 people were killed.")];
    new.cards.insert(1, card);
    let diff = diffed(&old, &new);

    assert_eq!(diff.new_cards.len(), 1);
    assert_eq!((diff.new_cards[0].at, diff.new_cards[0].id.as_str()), (1, "toll"));
    let keys: Vec<&str> = diff.new_facts.iter().map(|fact| fact.key.as_str()).collect();
    assert_eq!(keys, ["leader", "toll~0~ba26da2b"]);
    assert_eq!(keys[1], fact_key(&new.cards[1], 0, &new.cards[1].facts[0]));
    // The fact below the new one shifted; it did not move.
    assert!(diff.kept_facts.is_empty(), "{:#?}", diff.kept_facts);
    assert_eq!(
        diff.counts(),
        Counts {
            new: 2,
            new_cards: 1,
            ..Counts::default()
        }
    );
    assert_eq!(
        diff_lines(&diff),
        [
            "New:",
            "  new card cards[1] \"toll\": \"The toll\"",
            "  new cards[0].facts[0] \"leader\": reported, \"The group has a new leader.\"",
            "  new cards[1].facts[0]: reported, \"At least 139 people were killed.\"",
        ]
    );
    assert_eq!(diff_summary(&diff), "3 new, 0 changed, 0 removed, 0 moved");
}

#[test]
fn a_status_that_moved_from_claimed_to_confirmed_and_its_sources() {
    let old = sheet();
    let mut new = sheet();
    let claim = &mut new.cards[1].facts[0];
    claim.status = Status::Confirmed;
    claim.sources = vec!["report".into()];
    claim.attribution = None;
    let diff = diffed(&old, &new);

    let [changed] = diff.kept_facts.as_slice() else {
        panic!("one changed fact: {diff:#?}");
    };
    assert!(changed.is_changed() && !changed.moved);
    assert_eq!(
        changed.changes.status,
        Some(Change {
            from: Status::Claimed,
            to: Status::Confirmed
        })
    );
    assert_eq!(changed.changes.added_sources(), Vec::<&str>::new());
    assert_eq!(changed.changes.removed_sources(), ["article"]);
    assert_eq!(
        (changed.from.clone(), changed.at.clone()),
        (place(1, "claim", 0), place(1, "claim", 0))
    );
    assert_eq!(
        diff.ids(),
        FactIds {
            changed: vec!["claim".to_owned()],
            ..FactIds::default()
        }
    );
    assert_eq!(
        diff_lines(&diff),
        [
            "Changed:",
            "  changed cards[1].facts[0] \"claim\" status: claimed -> confirmed; sources: -\"article\"; \
             attribution: \"the group\" -> none",
        ]
    );
}

#[test]
fn text_and_quote_changes_are_shown_before_and_after() {
    let old = sheet();
    let mut new = sheet();
    new.cards[0].facts[0].text = "The group formed in 2014.".to_owned();
    new.cards[1].facts[0].quote = None;
    new.cards[1].facts[0].sources.reverse();
    let diff = diffed(&old, &new);
    assert_eq!(
        diff_lines(&diff),
        [
            "Changed:",
            "  changed cards[0].facts[0] \"formed-2015\" text: \"The group formed in 2015.\" -> \"The group formed in 2014.\"",
            "  changed cards[1].facts[0] \"claim\" sources: reordered; quote: \"we did it\" -> none",
        ]
    );
}

#[test]
fn removed_facts_and_cards_with_the_correction_that_explains_them() {
    let mut old = sheet();
    old.cards[0]
        .facts
        .push(fact(Some("founder"), "A founder was named."));
    let mut new = old.clone();
    new.cards[0].facts.pop();
    new.cards.remove(1);
    new.categories.remove(1);
    new.updated = "2024-03-25".to_owned();
    new.corrections.push(Correction {
        date: "2024-03-25".to_owned(),
        text: "The founder's name was wrong.".to_owned(),
        card: Some("formed".to_owned()),
    });
    new.corrections.push(Correction {
        date: "2024-03-25".to_owned(),
        text: "The claim was withdrawn.".to_owned(),
        card: None,
    });
    let diff = diffed(&old, &new);

    let removed: Vec<(&str, String, Option<&str>)> = diff
        .removed_facts
        .iter()
        .map(|fact| {
            let correction = fact.correction.as_ref().map(|c| c.text.as_str());
            (fact.key.as_str(), fact.from.to_string(), correction)
        })
        .collect();
    assert_eq!(
        removed,
        [
            (
                "founder",
                "cards[0].facts[1]".to_owned(),
                Some("The founder's name was wrong.")
            ),
            (
                "claim",
                "cards[1].facts[0]".to_owned(),
                Some("The claim was withdrawn.")
            ),
        ]
    );
    assert_eq!(diff.removed_cards.len(), 1);
    assert_eq!(diff.removed_cards[0].id, "claim");
    assert_eq!(diff.counts().removed, 2);
    assert_eq!(diff.counts().removed_cards, 1);
    assert_eq!(
        diff_lines(&diff),
        [
            "New:",
            "  new correction 2024-03-25: \"The founder's name was wrong.\"",
            "  new correction 2024-03-25: \"The claim was withdrawn.\"",
            "Changed:",
            "  changed updated: 2024-03-23 -> 2024-03-25",
            "Removed:",
            "  removed card cards[1] \"claim\": \"The claim\" (correction of 2024-03-25: \"The claim was withdrawn.\")",
            "  removed cards[0].facts[1] \"founder\": \"A founder was named.\" (correction of 2024-03-25: \"The founder's name was wrong.\")",
            "  removed cards[1].facts[0] \"claim\": \"The group claimed the attack.\" (correction of 2024-03-25: \"The claim was withdrawn.\")",
            "  removed category \"claims\"",
        ]
    );
}

#[test]
fn a_correction_older_than_the_shown_sheet_explains_nothing() {
    let mut old = sheet();
    old.cards[0].facts.push(fact(None, "A founder was named."));
    let mut new = old.clone();
    new.cards[0].facts.pop();
    // The one correction (2024-03-24, naming "formed") was already there.
    old.updated = "2024-03-25".to_owned();
    new.updated = "2024-03-25".to_owned();
    let diff = diffed(&old, &new);
    assert_eq!(diff.removed_facts.len(), 1);
    assert_eq!(diff.removed_facts[0].correction, None);
}

#[test]
fn moved_facts_by_id_to_another_card_and_within_one() {
    let mut old = sheet();
    old.cards[0].facts.push(fact(Some("second"), "A second fact."));
    old.cards[0].facts.push(fact(Some("third"), "A third fact."));
    let mut new = old.clone();
    // "third" goes first in its card; "claim" moves to the first card.
    let third = new.cards[0].facts.remove(2);
    new.cards[0].facts.insert(0, third);
    let claim = new.cards[1].facts.remove(0);
    new.cards[0].facts.push(claim);
    new.cards[1]
        .facts
        .push(fact(Some("replacement"), "A replacement."));
    let diff = diffed(&old, &new);

    let moved: Vec<(&str, String, String)> = diff
        .moved_facts()
        .map(|fact| (fact.key.as_str(), fact.from.to_string(), fact.at.to_string()))
        .collect();
    assert_eq!(
        moved,
        [
            (
                "third",
                "cards[0].facts[2]".to_owned(),
                "cards[0].facts[0]".to_owned()
            ),
            (
                "claim",
                "cards[1].facts[0]".to_owned(),
                "cards[0].facts[3]".to_owned()
            ),
        ]
    );
    let claim = diff
        .kept_facts
        .iter()
        .find(|fact| fact.key == "claim")
        .expect("claim");
    assert_eq!(
        claim.changes.card,
        Some(Change {
            from: "claim".to_owned(),
            to: "formed".to_owned()
        })
    );
    assert_eq!(
        diff.counts(),
        Counts {
            new: 1,
            moved: 2,
            ..Counts::default()
        }
    );
    assert_eq!(
        diff_lines(&diff),
        [
            "New:",
            "  new cards[1].facts[0] \"replacement\": reported, \"A replacement.\"",
            "Moved:",
            "  moved cards[0].facts[2] -> cards[0].facts[0] \"third\"",
            "  moved cards[1].facts[0] -> cards[0].facts[3] \"claim\"",
        ]
    );
}

#[test]
fn a_fact_that_moved_and_changed_is_listed_as_changed_with_its_card() {
    let old = sheet();
    let mut new = sheet();
    let mut claim = new.cards[1].facts.remove(0);
    claim.status = Status::Disputed;
    new.cards[0].facts.push(claim);
    new.cards[1].facts.push(fact(None, "Filler."));
    let diff = diffed(&old, &new);
    assert_eq!(diff.counts().changed, 1);
    assert_eq!(diff.counts().moved, 0);
    assert!(diff_lines(&diff).contains(
        &"  changed cards[0].facts[1] \"claim\" status: claimed -> disputed; card: \"claim\" -> \"formed\" \
          (was cards[1].facts[0])"
            .to_owned()
    ));
}

#[test]
fn facts_without_ids_match_by_text_then_by_place() {
    // VALID has no fact ids.
    let mut old = parse_sheet(VALID).expect("valid");
    old.cards[0].facts.push(fact(None, "Second."));
    old.cards[0].facts.push(fact(None, "Third."));

    // An edited text at the same place is a changed fact.
    let mut new = old.clone();
    new.cards[0].facts[1].text = "Second, reworded.".to_owned();
    let diff = diffed(&old, &new);
    assert_eq!(
        diff.counts(),
        Counts {
            changed: 1,
            ..Counts::default()
        }
    );
    let changed = &diff.kept_facts[0];
    assert_eq!(changed.key, fact_key(&new.cards[0], 1, &new.cards[0].facts[1]));
    assert!(changed.key.starts_with("formed~1~"), "{}", changed.key);

    // A reordered fact with its text unchanged is a moved one.
    let mut new = old.clone();
    new.cards[0].facts.rotate_left(1);
    let diff = diffed(&old, &new);
    assert_eq!(
        diff.counts(),
        Counts {
            moved: 1,
            ..Counts::default()
        },
        "{diff:#?}"
    );

    // So is a fact moved to another card.
    let mut new = old.clone();
    let third = new.cards[0].facts.pop().expect("a fact");
    new.cards[1].facts.insert(0, third);
    let diff = diffed(&old, &new);
    assert_eq!(
        diff.counts(),
        Counts {
            moved: 1,
            ..Counts::default()
        }
    );

    // A fact inserted above the others moves none of them.
    let mut new = old.clone();
    new.cards[0].facts.insert(0, fact(None, "First."));
    let diff = diffed(&old, &new);
    assert_eq!(
        diff.counts(),
        Counts {
            new: 1,
            ..Counts::default()
        }
    );

    // Edited and moved: the documented limit, removed and new.
    let mut new = old.clone();
    let mut third = new.cards[0].facts.pop().expect("a fact");
    third.text = "Third, reworded.".to_owned();
    new.cards[1].facts.push(third);
    let diff = diffed(&old, &new);
    assert_eq!(
        diff.counts(),
        Counts {
            new: 1,
            removed: 1,
            ..Counts::default()
        }
    );
}

#[test]
fn a_fact_that_gets_an_id_reads_as_removed_and_new_once() {
    let old = parse_sheet(VALID).expect("valid");
    let new = sheet();
    let diff = diffed(&old, &new);
    assert_eq!(
        diff.counts(),
        Counts {
            new: 2,
            removed: 2,
            ..Counts::default()
        }
    );
}

#[test]
fn the_header_and_the_lists_around_the_facts() {
    let old = sheet();
    let mut new = sheet();
    new.title = "A new title".to_owned();
    new.refresh = Some(120);
    new.sources[0].publisher = Some("A paper".to_owned());
    new.sources.push(factcards::model::Source {
        id: "wire".to_owned(),
        title: "Wire".to_owned(),
        label: None,
        publisher: None,
        url: None,
        published: None,
    });
    new.cards[0].title = "Founded in 2015".to_owned();
    new.cards.swap(0, 1);
    let diff = diffed(&old, &new);
    assert_eq!(
        diff.header.title,
        Some(Change {
            from: "A test story".to_owned(),
            to: "A new title".to_owned()
        })
    );
    assert_eq!(diff.counts(), Counts::default(), "no fact changed or moved");
    assert_eq!(
        diff_lines(&diff),
        [
            "New:",
            "  new source \"wire\"",
            "Changed:",
            "  changed title: \"A test story\" -> \"A new title\"",
            "  changed refresh: none -> 120 seconds",
            "  changed card cards[1] \"formed\" title: \"Formed in 2015\" -> \"Founded in 2015\"",
            "  changed source \"article\"",
            "Moved:",
            // Of two cards that swapped places, one moved.
            "  moved card cards[1] -> cards[0] \"claim\"",
        ]
    );
    assert_eq!(diff_summary(&diff), "1 new, 4 changed, 0 removed, 1 moved");
}

#[test]
fn a_diff_does_not_apply_to_another_sheet() {
    let old = sheet();
    let mut new = sheet();
    new.cards[1].facts[0].status = Status::Confirmed;
    let diff = diff(&old, &new).expect("the same story");
    let mut other = sheet();
    other.cards[1].facts[0].id = Some("elsewhere".to_owned());
    other.cards[1].facts[0].status = Status::Unclear;
    assert_eq!(
        apply(&other, &diff).map_err(|error| error.to_string()),
        Err("the diff does not apply to this sheet: a fact's status is not what it was".to_owned())
    );
}
