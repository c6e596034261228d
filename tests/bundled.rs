//! The story that ships with the widget is valid, and cites only the article.
#![cfg(not(target_arch = "wasm32"))]

use factcards::BUNDLED_SHEET;
use factcards::model::{Severity, Status, check};

#[test]
fn bundled_sheet_has_no_errors_or_warnings_except_missing_urls() {
    let report = check(BUNDLED_SHEET);
    let errors: Vec<String> = report.errors().map(ToString::to_string).collect();
    assert_eq!(errors, Vec::<String>::new());
    // The seed article has no url, so the only warnings allowed say so.
    for warning in report.warnings() {
        assert_eq!(warning.severity, Severity::Warning);
        assert!(
            warning.message.contains("has a url"),
            "unexpected warning: {warning}"
        );
    }
    assert!(report.sheet.is_some());
}

#[test]
fn bundled_sheet_cites_only_the_seed_article() {
    let sheet = check(BUNDLED_SHEET).into_result().expect("valid");
    assert_eq!(sheet.sources.len(), 1);
    assert_eq!(sheet.sources[0].id, "article");
    assert_eq!(
        sheet.sources[0].url, None,
        "the seed article has no address; none may be invented"
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

#[test]
fn bundled_quotes_are_verbatim_from_the_article() {
    let article = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/moscow-isis-k-article.txt"
    ));
    let Ok(article) = article else {
        // The seed lives beside the repository (../shared); CI has it.
        panic!("../shared/seed/moscow-isis-k-article.txt is missing");
    };
    let sheet = check(BUNDLED_SHEET).into_result().expect("valid");
    for fact in sheet.cards.iter().flat_map(|card| &card.facts) {
        if let Some(quote) = &fact.quote {
            assert!(
                article.contains(quote.as_str()),
                "quote not in the article: {quote}"
            );
        }
    }
}
