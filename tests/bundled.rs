//! The story that ships with the widget is valid, and cites only the article.
#![cfg(not(target_arch = "wasm32"))]

use factcards::BUNDLED_SHEET;
use factcards::model::{Status, check};

#[test]
fn bundled_sheet_has_no_errors_or_warnings() {
    let report = check(BUNDLED_SHEET);
    let problems: Vec<String> = report.problems.iter().map(ToString::to_string).collect();
    // Its source links the saved copy served beside it, so no warning says
    // readers cannot check its facts.
    assert_eq!(problems, Vec::<String>::new());
    assert!(report.sheet.is_some());
}

#[test]
fn bundled_sheet_cites_only_the_seed_article() {
    let sheet = check(BUNDLED_SHEET).into_result().expect("valid");
    assert_eq!(sheet.sources.len(), 1);
    assert_eq!(sheet.sources[0].id, "article");
    // The seed article has no address of its own, and none may be
    // invented: the source links the demo's saved copy of it, beside the
    // sheet (demo/sources/, tests/source_page.rs).
    assert_eq!(
        sheet.sources[0].url.as_deref(),
        Some("./sources/moscow-isis-k-article.html")
    );
    for card in &sheet.cards {
        for fact in &card.facts {
            assert_eq!(fact.sources, ["article"], "card {}", card.id);
        }
    }
}

#[test]
fn bundled_sheet_statuses_follow_the_article() {
    let sheet = check(BUNDLED_SHEET).into_result().expect("valid");
    let facts: Vec<_> = sheet.cards.iter().flat_map(|card| &card.facts).collect();
    let lower = |text: &str| text.to_lowercase();
    // The chain of command between ISIS-K and ISIS "remains unclear".
    assert!(
        facts
            .iter()
            .any(|f| f.status == Status::Unclear && lower(&f.text).contains("chain of command"))
    );
    // The responsibility is ISIS-K's claim, attributed to it.
    assert!(facts.iter().any(|f| f.status == Status::Claimed
        && lower(&f.text).contains("responsib")
        && f.attribution.as_deref() == Some("ISIS-K")));
    // Experts' views carry an attribution naming them.
    let expert_facts: Vec<_> = facts
        .iter()
        .filter(|f| {
            lower(&f.text).contains("expert")
                || f.attribution
                    .as_deref()
                    .is_some_and(|a| lower(a).contains("expert"))
        })
        .collect();
    assert!(!expert_facts.is_empty());
    for fact in expert_facts {
        assert!(
            fact.attribution
                .as_deref()
                .is_some_and(|a| lower(a).contains("expert")),
            "{}",
            fact.text
        );
        assert_ne!(
            fact.status,
            Status::Confirmed,
            "an expert view is not a confirmed fact: {}",
            fact.text
        );
    }
}

/// The article the bundled story is written from, kept in the repository.
const ARTICLE: &str = include_str!("../data/sources/moscow-isis-k-article.txt");

#[test]
fn bundled_quotes_are_verbatim_from_the_article() {
    let sheet = check(BUNDLED_SHEET).into_result().expect("valid");
    let mut quotes = 0;
    for fact in sheet.cards.iter().flat_map(|card| &card.facts) {
        if let Some(quote) = &fact.quote {
            quotes += 1;
            assert!(
                ARTICLE.contains(quote.as_str()),
                "quote not in the article: {quote}"
            );
        }
    }
    assert!(quotes > 0, "the story marks its short quotes");
}

#[test]
fn bundled_source_title_is_the_article_headline() {
    let sheet = check(BUNDLED_SHEET).into_result().expect("valid");
    let headline = ARTICLE
        .lines()
        .next()
        .expect("the article starts with its headline");
    assert_eq!(sheet.sources[0].title, headline.trim());
}

#[test]
fn bundled_story_has_the_four_kinds_of_card() {
    let sheet = check(BUNDLED_SHEET).into_result().expect("valid");
    for kind in ["origins", "regions", "ideology", "claims"] {
        assert!(
            sheet.cards.iter().any(|card| card.category == kind),
            "no card in the {kind:?} category"
        );
    }
}

#[test]
fn bundled_claims_are_claimed_or_reported_never_confirmed() {
    let sheet = check(BUNDLED_SHEET).into_result().expect("valid");
    let claims: Vec<_> = sheet
        .cards
        .iter()
        .filter(|card| card.category == "claims")
        .flat_map(|card| &card.facts)
        .collect();
    // The claim of responsibility, and what ISIS put out about the attack.
    assert!(claims.len() >= 3);
    for fact in claims {
        assert!(
            matches!(fact.status, Status::Claimed | Status::Reported),
            "a claim is not confirmed: {}",
            fact.text
        );
    }
}

#[test]
fn no_attribution_merely_repeats_the_status() {
    // "Reported, as reported in the article" says nothing: an attribution
    // names who says so.
    let sheet = check(BUNDLED_SHEET).into_result().expect("valid");
    for fact in sheet.cards.iter().flat_map(|card| &card.facts) {
        if let Some(attribution) = &fact.attribution {
            assert!(
                !attribution.contains("article"),
                "{attribution:?} on {:?}",
                fact.text
            );
        }
    }
}

#[test]
fn every_bundled_fact_gives_its_passage_of_the_article_verbatim() {
    use factcards::model::excerpts::{SavedCopy, check_excerpts};
    let sheet = check(BUNDLED_SHEET).into_result().expect("valid");
    for card in &sheet.cards {
        for fact in &card.facts {
            assert!(
                fact.sources.iter().all(|cited| cited.excerpt.is_some()),
                "card {}: \"{}\" gives no excerpt",
                card.id,
                fact.text
            );
        }
    }
    // What `factcards check --source article=…` (scripts/test) reports.
    let copies = [SavedCopy::new("article", ARTICLE)];
    let problems: Vec<String> = check_excerpts(&sheet, &copies, None)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(problems, Vec::<String>::new());
}
