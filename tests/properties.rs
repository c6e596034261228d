//! Properties of the model and the server-side render, checked with proptest
//! on generated sheets rather than on hand-picked examples.
//!
//! 1. A valid generated sheet passes `check`, comes back equal after a
//!    serialise-and-parse round trip, and its deck shows every fact's text
//!    exactly once.
//! 2. A valid generated sheet exported to the spreadsheet layout imports back
//!    equal, with no error.
//! 3. The diff of a sheet with itself is empty, and applying the diff of two
//!    versions of a sheet (one edited from the other, or two unrelated ones)
//!    to the old one gives the new one.
//! 4. `check` never panics, whatever the text: arbitrary strings, JSON-ish
//!    token soup, valid sheets with characters deleted, inserted or replaced,
//!    and valid sheets with values replaced, removed or renamed in their JSON
//!    tree (which gets past the parser to the decoder and the rules). Every
//!    problem it returns has a message and a position inside the text.
//!
//! The case counts are kept small so that `cargo test` stays quick (a few
//! seconds); set `PROPTEST_CASES=5000` for a longer run. Bugs the properties
//! found are kept at the end as regression tests (both fixed). The fuzz
//! target in fuzz/ checks the same path with libFuzzer.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;
use std::sync::OnceLock;

use factcards::model::{
    self, Card, Category, Citation, Correction, Fact, FormatVersion, MAX_REFRESH_SECONDS,
    MIN_REFRESH_SECONDS, Severity, Sheet, Source, Status, World,
};
use factcards::ssr;
use proptest::prelude::*;
use proptest::sample::{Index, select, subsequence};

/// `default_cases` unless `PROPTEST_CASES` asks for another number. Failures
/// are not persisted to files: a shrunk failure is printed, and is kept as a
/// plain test.
fn config(default_cases: u32) -> ProptestConfig {
    let mut config = ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = default_cases;
    }
    config
}

// ---------------------------------------------------------------------------
// Generating valid sheets
// ---------------------------------------------------------------------------

/// The printable characters that a newsroom's text may hold, weighted
/// towards the ones that need care: HTML and JSON specials, quotes, non-ASCII
/// letters, right-to-left scripts, combining marks and emoji. Never ':' (see
/// `text`), never a control character.
fn text_alphabet() -> &'static [char] {
    static ALPHABET: OnceLock<Vec<char>> = OnceLock::new();
    ALPHABET.get_or_init(|| {
        let specials = [
            '<', '>', '&', '"', '\'', '\\', '/', '`', '«', '»', '“', '”', '—', '\u{a0}',
        ];
        let emoji = ['😀', '🇺', '🇦', '👩', '\u{200d}', '💻', '\u{fe0f}', '🧪'];
        let accents = ['é', 'ü', 'ß', 'ø', 'ñ', 'e', '\u{301}'];
        let mut alphabet: Vec<char> = ('a'..='z').collect();
        alphabet.extend((' '..='~').filter(|&c| c != ':' && !c.is_ascii_lowercase()));
        for _ in 0..3 {
            alphabet.extend(specials);
        }
        alphabet.extend('а'..='я');
        alphabet.extend('\u{5d0}'..='\u{5ea}');
        alphabet.extend('\u{627}'..='\u{64a}');
        alphabet.extend('\u{4e00}'..='\u{4e13}');
        for _ in 0..2 {
            alphabet.extend(emoji);
            alphabet.extend(accents);
        }
        alphabet
    })
}

/// `prefix` followed by random printable text. The prefix ends in the only
/// ':' of the text and is unique in the sheet, so no text is a substring of
/// another, nor of the widget's own labels.
fn text(prefix: String) -> impl Strategy<Value = String> {
    // Indices rather than a strategy per character: generating a sheet's
    // hundreds of texts stays cheap, and shrinking still goes towards 'a'.
    let alphabet = text_alphabet();
    prop::collection::vec(0..alphabet.len(), 0..24).prop_map(move |indices| {
        let mut text = prefix.clone();
        text.extend(indices.into_iter().map(|index| alphabet[index]));
        text
    })
}

const LOWER_DIGITS: &str = "abcdefghijklmnopqrstuvwxyz0123456789";

/// `length` characters picked from `alphabet`. (Cheaper than a regex
/// strategy, which proptest compiles each time it builds one.)
fn chars_from(
    alphabet: &'static str,
    length: std::ops::RangeInclusive<usize>,
) -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = alphabet.chars().collect();
    prop::collection::vec(select(alphabet), length).prop_map(String::from_iter)
}

/// An id unique in its list: `<kind>-<n>`, then an optional tail of
/// characters that are neither whitespace nor invisible.
fn id(kind: &'static str, index: usize) -> impl Strategy<Value = String> {
    prop::option::of(chars_from("abcXYZ019_.-é漢", 1..=6)).prop_map(move |tail| match tail {
        Some(tail) => format!("{kind}-{index}~{tail}"),
        None => format!("{kind}-{index}"),
    })
}

/// An ISO 8601 date that exists, with an optional time and zone.
fn iso_date() -> impl Strategy<Value = String> {
    let date = (1900u32..=2100, 1u32..=12, any::<Index>()).prop_map(|(year, month, day)| {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        format!("{year:04}-{month:02}-{:02}", day.index(days) + 1)
    });
    let zone = prop_oneof![
        Just("Z".to_owned()),
        (select(vec!['+', '-']), 0u32..=23, 0u32..=59)
            .prop_map(|(sign, h, m)| format!("{sign}{h:02}:{m:02}")),
    ];
    let seconds = prop_oneof![
        Just(String::new()),
        (0u32..=59).prop_map(|s| format!(":{s:02}")),
        (0u32..=59, chars_from("0123456789", 1..=6)).prop_map(|(s, fraction)| format!(":{s:02}.{fraction}")),
    ];
    let time = prop::option::of((0u32..=23, 0u32..=59, seconds, zone))
        .prop_map(|time| time.map_or(String::new(), |(h, m, s, z)| format!("T{h:02}:{m:02}{s}{z}")));
    (date, time).prop_map(|(date, time)| date + &time)
}

fn url() -> impl Strategy<Value = String> {
    (
        select(vec!["http", "https", "HTTPS"]),
        chars_from(LOWER_DIGITS, 1..=10),
        select(vec![".org", ".com", ".co.uk", ".рф", ":8080", ".org:443"]),
        prop::collection::vec(chars_from("abcXYZ019._~%-", 0..=8), 0..=3),
        prop::option::of(chars_from("abc019=&%", 1..=10)),
    )
        .prop_map(|(scheme, host, domain, path, query)| {
            let path: String = path.iter().map(|part| format!("/{part}")).collect();
            let query = query.map_or(String::new(), |query| format!("?{query}"));
            format!("{scheme}://{host}{domain}{path}{query}")
        })
}

fn source(index: usize) -> impl Strategy<Value = Source> {
    (
        id("src", index),
        text(format!("source-{index}:")),
        prop::option::of(text(format!("publisher-{index}:"))),
        prop::option::of(url()),
        prop::option::of(iso_date()),
        // A short mark of its own, or the default number.
        prop::option::of(Just(format!("S{index}"))),
    )
        .prop_map(|(id, title, publisher, url, published, label)| Source {
            id,
            title,
            label,
            publisher,
            url,
            published,
        })
}

fn category(index: usize) -> impl Strategy<Value = Category> {
    (
        id("cat", index),
        text(format!("category-{index}:")),
        prop::option::of(text(format!("about-category-{index}:"))),
    )
        .prop_map(|(id, label, description)| Category {
            id,
            label,
            description,
        })
}

/// A fact without its sources, which are ids picked once the sources exist.
#[derive(Debug, Clone)]
struct FactDraft {
    /// A slug unique in the sheet, or none (facts may mix both).
    id: Option<String>,
    text: String,
    status: Status,
    /// Indices into the sheet's sources, distinct, at least one.
    sources: Vec<usize>,
    attribution: Option<String>,
    quote: Option<String>,
}

fn fact(card: usize, index: usize, source_count: usize) -> impl Strategy<Value = FactDraft> {
    let all_sources: Vec<usize> = (0..source_count).collect();
    (
        prop::option::of(chars_from(LOWER_DIGITS, 0..=4))
            .prop_map(move |tail| tail.map(|tail| format!("fact-{card}-{index}{tail}"))),
        text(format!("fact-{card}.{index}:")),
        select(Status::ALL.to_vec()),
        subsequence(all_sources, 1..=source_count.min(3)).prop_shuffle(),
        prop::option::of(text(format!("attribution-{card}.{index}:"))),
        prop::option::of(text(format!("quote-{card}.{index}:"))),
    )
        .prop_map(|(id, text, status, sources, attribution, quote)| FactDraft {
            id,
            text,
            status,
            sources,
            attribution,
            quote,
        })
}

/// A card without its category and facts, which are filled in once the
/// categories and sources exist.
#[derive(Debug, Clone)]
struct CardDraft {
    id: String,
    title: String,
    /// Index into the sheet's categories.
    category: usize,
    facts: Vec<FactDraft>,
    regions: Vec<String>,
}

/// Every country code and region key a card's map may name.
fn places() -> &'static [&'static str] {
    static PLACES: OnceLock<Vec<&'static str>> = OnceLock::new();
    PLACES.get_or_init(|| {
        let world = World::get();
        let countries = world.countries().iter().map(|country| country.code.as_str());
        countries
            .chain(world.regions().iter().map(|region| region.key.as_str()))
            .collect()
    })
}

/// Up to three distinct places, in any order.
fn regions() -> impl Strategy<Value = Vec<String>> {
    let places = places();
    subsequence((0..places.len()).collect::<Vec<_>>(), 0..=3)
        .prop_shuffle()
        .prop_map(move |indices| {
            indices
                .into_iter()
                .map(|index| places[index].to_owned())
                .collect()
        })
}

fn card(index: usize, category: usize, source_count: usize) -> impl Strategy<Value = CardDraft> {
    (
        id("card", index),
        text(format!("card-{index}:")),
        (1usize..=5).prop_flat_map(move |count| {
            (0..count)
                .map(|fact_index| fact(index, fact_index, source_count))
                .collect::<Vec<_>>()
        }),
        regions(),
    )
        .prop_map(move |(id, title, facts, regions)| CardDraft {
            id,
            title,
            category,
            facts,
            regions,
        })
}

/// A correction, with the position of the card it names, if any.
fn correction(index: usize) -> impl Strategy<Value = (Correction, Option<Index>)> {
    (
        iso_date(),
        text(format!("correction-{index}:")),
        prop::option::of(any::<Index>()),
    )
        .prop_map(|(date, text, card)| {
            let correction = Correction {
                date,
                text,
                card: None,
            };
            (correction, card)
        })
}

/// A valid sheet: 1-6 categories, each with at least one of the 1-20 cards,
/// 1-5 facts and 0-3 map places a card, 1-4 sources, and up to 3
/// corrections.
fn valid_sheet() -> impl Strategy<Value = Sheet> {
    (1usize..=6, 1usize..=4)
        .prop_flat_map(|(category_count, source_count)| {
            (Just(category_count), Just(source_count), category_count..=20)
        })
        .prop_flat_map(|(category_count, source_count, card_count)| {
            // The first `category_count` cards cover every category; the rest
            // pick one at random; then the cards are put in a random order.
            let assignments = (0..card_count)
                .map(|card| {
                    if card < category_count {
                        Just(card).boxed()
                    } else {
                        (0..category_count).boxed()
                    }
                })
                .collect::<Vec<_>>();
            let order = Just((0..card_count).collect::<Vec<_>>()).prop_shuffle();
            (
                prop::collection::vec(chars_from(LOWER_DIGITS, 1..=6), 1..=4)
                    .prop_map(|parts| parts.join("-")),
                text("title:".to_owned()),
                text("summary:".to_owned()),
                select(vec!["en", "ru", "ar", "he", "pt-BR", "zh-Hant-TW", "EN-gb"]),
                (
                    iso_date(),
                    prop::option::of(MIN_REFRESH_SECONDS..=MAX_REFRESH_SECONDS),
                    prop::option::of(text("credit:".to_owned())),
                ),
                (0..source_count).map(source).collect::<Vec<_>>(),
                (0..category_count).map(category).collect::<Vec<_>>(),
                (assignments, order).prop_flat_map(move |(assignments, order)| {
                    order
                        .into_iter()
                        .enumerate()
                        .map(|(position, card_index)| card(position, assignments[card_index], source_count))
                        .collect::<Vec<_>>()
                }),
                (0usize..=3).prop_flat_map(|count| (0..count).map(correction).collect::<Vec<_>>()),
            )
        })
        .prop_map(
            |(
                id,
                title,
                summary,
                lang,
                (updated, refresh, credit),
                sources,
                categories,
                cards,
                corrections,
            )| {
                let cards: Vec<Card> = cards
                    .into_iter()
                    .map(|card: CardDraft| Card {
                        id: card.id,
                        category: categories[card.category].id.clone(),
                        title: card.title,
                        facts: card
                            .facts
                            .into_iter()
                            .map(|fact| Fact {
                                id: fact.id,
                                text: fact.text,
                                status: fact.status,
                                // Every other source cited with an excerpt, so
                                // that both forms of a citation round-trip.
                                sources: fact
                                    .sources
                                    .iter()
                                    .map(|&i| match i % 2 {
                                        0 => Citation::new(sources[i].id.as_str()),
                                        _ => Citation::with_excerpt(
                                            sources[i].id.as_str(),
                                            format!("the passage of {} it rests on", sources[i].id),
                                        ),
                                    })
                                    .collect(),
                                attribution: fact.attribution,
                                quote: fact.quote,
                            })
                            .collect(),
                        regions: card.regions,
                        points: Vec::new(),
                    })
                    .collect();
                let corrections = corrections
                    .into_iter()
                    .map(|(mut correction, card)| {
                        correction.card = card.map(|index| index.get(&cards).id.clone());
                        correction
                    })
                    .collect();
                Sheet {
                    factcards: FormatVersion(1),
                    id,
                    title,
                    summary,
                    lang: lang.to_owned(),
                    updated,
                    refresh,
                    sources,
                    categories,
                    cards,
                    corrections,
                    credit,
                }
            },
        )
}

/// Text as Yew's server-side renderer escapes a text node.
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn a_valid_sheet_checks_round_trips_and_shows_every_fact_once(sheet in valid_sheet()) {
        let text = serde_json::to_string_pretty(&sheet).expect("a sheet serialises");

        let errors: Vec<String> = model::check(&text).errors().map(ToString::to_string).collect();
        prop_assert!(errors.is_empty(), "errors in a valid sheet: {errors:#?}\n{text}");

        let parsed = model::parse_sheet(&text);
        prop_assert_eq!(parsed.as_ref(), Ok(&sheet), "the round trip changed the sheet:\n{}", text);

        let html = ssr::render_fallback(Rc::new(sheet.clone()), &Default::default());
        // A live sheet's fallback also holds the sheet as data, for the live
        // deck (an inert script, not shown): what readers see is the rest.
        let script = html.find(r#"<script type="application/json" class="fc-rendered-sheet">"#);
        prop_assert_eq!(script.is_some(), sheet.refresh.is_some());
        let html = match script {
            Some(start) => html[..start].to_owned(),
            None => html,
        };
        prop_assert_eq!(html.matches("<article ").count(), sheet.cards.len());
        for fact in sheet.cards.iter().flat_map(|card| &card.facts) {
            let escaped = escape_text(&fact.text);
            prop_assert_eq!(
                html.matches(&escaped).count(),
                1,
                "fact text {:?} (escaped {:?}) is not shown exactly once",
                fact.text,
                escaped
            );
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn a_valid_sheet_round_trips_through_a_spreadsheet(sheet in valid_sheet()) {
        let csv = model::spreadsheet::export(&sheet).expect("a generated sheet exports");
        let imported = model::spreadsheet::import_text(&csv);
        // Warnings are the sheet's own (as `check` gives them); no error.
        let errors: Vec<String> = imported.errors().map(ToString::to_string).collect();
        prop_assert!(errors.is_empty(), "errors importing an exported sheet: {errors:#?}\n{csv}");
        prop_assert_eq!(imported.sheet.as_ref(), Some(&sheet), "the round trip changed the sheet:\n{}", csv);
    }
}

// ---------------------------------------------------------------------------
// Diffs of two versions of a sheet
// ---------------------------------------------------------------------------

/// One edit an editor makes between two versions of a live sheet. Facts are
/// picked by their index among all the sheet's facts, cards by theirs.
#[derive(Debug, Clone)]
enum SheetEdit {
    Text {
        fact: Index,
        suffix: String,
    },
    Status {
        fact: Index,
        status: Status,
    },
    ReverseSources {
        fact: Index,
    },
    Attribution {
        fact: Index,
        to: Option<String>,
    },
    DropId {
        fact: Index,
    },
    RemoveFact {
        fact: Index,
    },
    /// A new fact, with an id or not, with a text of its own or (to try
    /// facts of equal text) a copy of another fact's.
    InsertFact {
        card: Index,
        at: Index,
        with_id: bool,
        copy_of: Option<Index>,
        text: String,
    },
    MoveFact {
        fact: Index,
        card: Index,
        at: Index,
    },
    RemoveCard {
        card: Index,
    },
    InsertCard {
        at: Index,
        text: String,
    },
    MoveCard {
        card: Index,
        at: Index,
    },
    CardTitle {
        card: Index,
        suffix: String,
    },
    Title {
        suffix: String,
    },
    Updated {
        date: String,
    },
    Refresh {
        to: Option<u32>,
    },
    Correction {
        date: String,
        card: Option<Index>,
    },
}

fn sheet_edit() -> impl Strategy<Value = SheetEdit> {
    let idx = any::<Index>;
    prop_oneof![
        3 => (idx(), text("edited:".to_owned())).prop_map(|(fact, suffix)| SheetEdit::Text { fact, suffix }),
        3 => (idx(), select(Status::ALL.to_vec())).prop_map(|(fact, status)| SheetEdit::Status { fact, status }),
        1 => idx().prop_map(|fact| SheetEdit::ReverseSources { fact }),
        1 => (idx(), prop::option::of(text("said-by:".to_owned())))
            .prop_map(|(fact, to)| SheetEdit::Attribution { fact, to }),
        1 => idx().prop_map(|fact| SheetEdit::DropId { fact }),
        3 => idx().prop_map(|fact| SheetEdit::RemoveFact { fact }),
        3 => (idx(), idx(), any::<bool>(), prop::option::of(idx()), text("added:".to_owned()))
            .prop_map(|(card, at, with_id, copy_of, text)| SheetEdit::InsertFact { card, at, with_id, copy_of, text }),
        3 => (idx(), idx(), idx()).prop_map(|(fact, card, at)| SheetEdit::MoveFact { fact, card, at }),
        1 => idx().prop_map(|card| SheetEdit::RemoveCard { card }),
        1 => (idx(), text("new-card:".to_owned())).prop_map(|(at, text)| SheetEdit::InsertCard { at, text }),
        1 => (idx(), idx()).prop_map(|(card, at)| SheetEdit::MoveCard { card, at }),
        1 => (idx(), text("retitled:".to_owned())).prop_map(|(card, suffix)| SheetEdit::CardTitle { card, suffix }),
        1 => text("new-title:".to_owned()).prop_map(|suffix| SheetEdit::Title { suffix }),
        1 => iso_date().prop_map(|date| SheetEdit::Updated { date }),
        1 => prop::option::of(MIN_REFRESH_SECONDS..=MAX_REFRESH_SECONDS).prop_map(|to| SheetEdit::Refresh { to }),
        1 => (iso_date(), prop::option::of(idx())).prop_map(|(date, card)| SheetEdit::Correction { date, card }),
    ]
}

/// The (card, fact) positions of every fact, in order.
fn fact_places(sheet: &Sheet) -> Vec<(usize, usize)> {
    sheet
        .cards
        .iter()
        .enumerate()
        .flat_map(|(card, c)| (0..c.facts.len()).map(move |fact| (card, fact)))
        .collect()
}

/// Applies `edit` to `sheet`, the `number`-th edit (new ids use it to stay
/// unique). An edit that has nothing to act on does nothing; a card may be
/// left without facts, which the diff does not mind.
fn edit_sheet(sheet: &mut Sheet, edit: &SheetEdit, number: usize) {
    let places = fact_places(sheet);
    let pick = |at: &Index| -> Option<(usize, usize)> { (!places.is_empty()).then(|| *at.get(&places)) };
    match edit {
        SheetEdit::Text { fact, suffix } => {
            if let Some((c, f)) = pick(fact) {
                sheet.cards[c].facts[f].text.push_str(suffix);
            }
        }
        SheetEdit::Status { fact, status } => {
            if let Some((c, f)) = pick(fact) {
                sheet.cards[c].facts[f].status = *status;
            }
        }
        SheetEdit::ReverseSources { fact } => {
            if let Some((c, f)) = pick(fact) {
                sheet.cards[c].facts[f].sources.reverse();
            }
        }
        SheetEdit::Attribution { fact, to } => {
            if let Some((c, f)) = pick(fact) {
                sheet.cards[c].facts[f].attribution = to.clone();
            }
        }
        SheetEdit::DropId { fact } => {
            if let Some((c, f)) = pick(fact) {
                sheet.cards[c].facts[f].id = None;
            }
        }
        SheetEdit::RemoveFact { fact } => {
            if let Some((c, f)) = pick(fact) {
                sheet.cards[c].facts.remove(f);
            }
        }
        SheetEdit::InsertFact {
            card,
            at,
            with_id,
            copy_of,
            text,
        } => {
            if sheet.cards.is_empty() {
                return;
            }
            let text = match copy_of {
                Some(of) if !places.is_empty() => {
                    let (c, f) = *of.get(&places);
                    sheet.cards[c].facts[f].text.clone()
                }
                _ => text.clone(),
            };
            let c = card.index(sheet.cards.len());
            let facts = &mut sheet.cards[c].facts;
            let at = at.index(facts.len() + 1);
            facts.insert(
                at,
                Fact {
                    id: with_id.then(|| format!("added-{number}")),
                    text,
                    status: Status::Reported,
                    sources: sheet
                        .sources
                        .iter()
                        .take(1)
                        .map(|source| Citation::new(source.id.as_str()))
                        .collect(),
                    attribution: None,
                    quote: None,
                },
            );
        }
        SheetEdit::MoveFact { fact, card, at } => {
            if let Some((c, f)) = pick(fact) {
                let moving = sheet.cards[c].facts.remove(f);
                let to = card.index(sheet.cards.len());
                let facts = &mut sheet.cards[to].facts;
                let at = at.index(facts.len() + 1);
                facts.insert(at, moving);
            }
        }
        SheetEdit::RemoveCard { card } => {
            if !sheet.cards.is_empty() {
                let gone = sheet.cards.remove(card.index(sheet.cards.len()));
                for correction in &mut sheet.corrections {
                    if correction.card.as_deref() == Some(gone.id.as_str()) {
                        correction.card = None;
                    }
                }
            }
        }
        SheetEdit::InsertCard { at, text } => {
            let at = at.index(sheet.cards.len() + 1);
            let category = sheet.categories[0].id.clone();
            sheet.cards.insert(
                at,
                Card {
                    id: format!("added-card-{number}"),
                    category,
                    title: text.clone(),
                    facts: vec![Fact {
                        id: None,
                        text: text.clone(),
                        status: Status::Unclear,
                        sources: vec![Citation::new(sheet.sources[0].id.as_str())],
                        attribution: None,
                        quote: None,
                    }],
                    regions: Vec::new(),
                    points: Vec::new(),
                },
            );
        }
        SheetEdit::MoveCard { card, at } => {
            if !sheet.cards.is_empty() {
                let moving = sheet.cards.remove(card.index(sheet.cards.len()));
                let at = at.index(sheet.cards.len() + 1);
                sheet.cards.insert(at, moving);
            }
        }
        SheetEdit::CardTitle { card, suffix } => {
            if !sheet.cards.is_empty() {
                let index = card.index(sheet.cards.len());
                sheet.cards[index].title.push_str(suffix);
            }
        }
        SheetEdit::Title { suffix } => sheet.title.push_str(suffix),
        SheetEdit::Updated { date } => sheet.updated = date.clone(),
        SheetEdit::Refresh { to } => sheet.refresh = *to,
        SheetEdit::Correction { date, card } => {
            let card = card
                .as_ref()
                .filter(|_| !sheet.cards.is_empty())
                .map(|card| card.get(&sheet.cards).id.clone());
            sheet.corrections.push(Correction {
                date: date.clone(),
                text: format!("correction-{number}:"),
                card,
            });
        }
    }
}

/// A valid sheet and the next version of it, after a few edits.
fn two_versions() -> impl Strategy<Value = (Sheet, Sheet)> {
    (valid_sheet(), prop::collection::vec(sheet_edit(), 0..=8)).prop_map(|(old, edits)| {
        let mut new = old.clone();
        for (number, edit) in edits.iter().enumerate() {
            edit_sheet(&mut new, edit, number);
        }
        (old, new)
    })
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn a_sheet_has_no_changes_from_itself(sheet in valid_sheet()) {
        let diff = model::diff(&sheet, &sheet).expect("the same story");
        prop_assert!(diff.is_empty(), "{diff:#?}");
        prop_assert_eq!(diff.counts(), model::diff::Counts::default());
    }

    #[test]
    fn applying_the_diff_of_two_versions_gives_the_new_one((old, new) in two_versions()) {
        let diff = model::diff(&old, &new).expect("the same story");
        let applied = model::apply(&old, &diff);
        prop_assert_eq!(applied.as_ref(), Ok(&new), "the diff: {:#?}", diff);
        prop_assert_eq!(diff.is_empty(), old == new);
        // And back.
        let back = model::diff(&new, &old).expect("the same story");
        let applied = model::apply(&new, &back);
        prop_assert_eq!(applied.as_ref(), Ok(&old), "the diff back: {:#?}", back);
        // Every fact the event names is a fact of its sheet.
        let ids = diff.ids();
        let keys = |sheet: &Sheet| -> Vec<String> {
            fact_places(sheet)
                .into_iter()
                .map(|(c, f)| model::diff::fact_key(&sheet.cards[c], f, &sheet.cards[c].facts[f]))
                .collect()
        };
        let (old_keys, new_keys) = (keys(&old), keys(&new));
        for key in ids.new.iter().chain(&ids.changed).chain(&ids.moved) {
            prop_assert!(new_keys.contains(key), "{key} is not in the new sheet");
        }
        for key in &ids.removed {
            prop_assert!(old_keys.contains(key), "{key} is not in the old sheet");
        }
    }

    #[test]
    fn applying_the_diff_of_two_unrelated_sheets_gives_the_new_one(old in valid_sheet(), mut new in valid_sheet()) {
        new.id = old.id.clone();
        let diff = model::diff(&old, &new).expect("the same story");
        let applied = model::apply(&old, &diff);
        prop_assert_eq!(applied.as_ref(), Ok(&new), "the diff: {:#?}", diff);
    }
}

// ---------------------------------------------------------------------------
// check() on anything
// ---------------------------------------------------------------------------

/// Asserts what must hold for any text: `check` returns (the caller got
/// here, so it did not panic), every problem has a message and a position
/// inside the text, a syntax error comes alone and is the parser's, and there
/// is a sheet if and only if there is no error.
fn assert_well_formed_report(text: &str) -> Result<(), TestCaseError> {
    let report = model::check(text);
    if text.len() > model::limits::MAX_SHEET_BYTES {
        // Refused before parsing: one problem, with neither path nor position.
        prop_assert_eq!(report.problems.len(), 1);
        return Ok(());
    }
    if let Err(syntax) = model::json::parse(text) {
        prop_assert_eq!(
            report.problems.len(),
            1,
            "a syntax error is not alone: {:?}",
            report.problems
        );
        let problem = &report.problems[0];
        prop_assert_eq!(problem.severity, Severity::Error);
        prop_assert_eq!(&problem.path, "", "a syntax error with a path: {:?}", problem);
        prop_assert_eq!(&problem.message, &syntax.message);
        prop_assert_eq!(problem.pos, Some(syntax.pos));
    }
    // Lines as the parser counts them: only '\n' ends one. A position may
    // point just past the last character of its line.
    let lines: Vec<&str> = text.split('\n').collect();
    for problem in &report.problems {
        prop_assert!(
            !problem.message.trim().is_empty(),
            "a problem without a message: {problem:?}"
        );
        // Text always gives positions; only a JS object's tree has none.
        let Some(pos) = problem.pos else {
            return Err(TestCaseError::fail(format!(
                "a problem without a position: {problem:?}"
            )));
        };
        prop_assert!(
            pos.line >= 1 && pos.line as usize <= lines.len(),
            "{problem:?}: line {} is outside the text's {} lines",
            pos.line,
            lines.len()
        );
        let line_chars = lines[pos.line as usize - 1].chars().count();
        prop_assert!(
            pos.column >= 1 && pos.column as usize <= line_chars + 1,
            "{problem:?}: column {} is outside line {} ({line_chars} characters)",
            pos.column,
            pos.line
        );
    }
    let errors = report.errors().count();
    prop_assert_eq!(
        report.sheet.is_some(),
        errors == 0,
        "sheet and errors disagree: {:?}",
        report.problems
    );
    Ok(())
}

/// Pieces of JSON and of the format, to build text that gets past the
/// parser's first character more often than random text does.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "\\",
            "\\u",
            "\\ud800",
            "\\udc00",
            "\\ud83d\\ude00",
            "\\u0000",
            "\\n",
            "true",
            "false",
            "null",
            "-",
            "0",
            "1",
            "1e5",
            "-0.5",
            " ",
            "\n",
            "\r\n",
            "\t",
            "\u{feff}",
            "\"factcards\"",
            "\"id\"",
            "\"cards\"",
            "\"facts\"",
            "\"text\"",
            "\"status\"",
            "\"sources\"",
            "\"confirmed\"",
            "\"2024-02-29\"",
            "\"https://x.org\"",
            "é",
            "😀",
            "\u{202e}",
        ])
        .prop_map(str::to_owned),
        any::<char>().prop_map(String::from),
    ]
}

/// One edit of a text, at a position taken modulo its length and moved back
/// to a character boundary.
#[derive(Debug, Clone)]
enum Edit {
    Delete { at: Index, chars: usize },
    Insert { at: Index, text: String },
    Replace { at: Index, text: String },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<Index>(), 1usize..=4).prop_map(|(at, chars)| Edit::Delete { at, chars }),
        (any::<Index>(), token()).prop_map(|(at, text)| Edit::Insert { at, text }),
        (any::<Index>(), token()).prop_map(|(at, text)| Edit::Replace { at, text }),
    ]
}

/// The char boundary at or before the `at`-th of `len + 1` places.
fn boundary(text: &str, at: &Index) -> usize {
    let mut offset = at.index(text.len() + 1);
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The end of `count` characters from `start`.
fn after_chars(text: &str, start: usize, count: usize) -> usize {
    text[start..]
        .char_indices()
        .nth(count)
        .map_or(text.len(), |(offset, _)| start + offset)
}

fn apply(text: &mut String, edit: &Edit) {
    match edit {
        Edit::Delete { at, chars } => {
            let start = boundary(text, at);
            let end = after_chars(text, start, *chars);
            text.replace_range(start..end, "");
        }
        Edit::Insert { at, text: insert } => {
            let start = boundary(text, at);
            text.insert_str(start, insert);
        }
        Edit::Replace { at, text: insert } => {
            let start = boundary(text, at);
            let end = after_chars(text, start, 1);
            text.replace_range(start..end, insert);
        }
    }
}

/// One change to the parsed JSON of a valid sheet, at the `at`-th value in
/// document order: the shape stays JSON, so decoding and the rules run.
#[derive(Debug, Clone)]
enum TreeEdit {
    /// Replaces the value with one of `odd_values()`.
    Replace { at: Index, with: Index },
    /// Removes the value from its object or array.
    Remove { at: Index },
    /// Renames the value's key by appending `suffix` (an unknown field).
    Rename { at: Index, suffix: String },
}

/// Values that break a rule or a type somewhere in a sheet.
fn odd_values() -> Vec<serde_json::Value> {
    use serde_json::json;
    // Deep, yet within the parser's limit wherever it lands.
    let mut deep = json!([]);
    for _ in 0..16 {
        deep = json!([deep]);
    }
    vec![
        json!(null),
        json!(true),
        json!(0),
        json!(2),
        json!(1.5),
        json!(-1),
        json!(""),
        json!("   "),
        json!("x"),
        json!("2024-02-30"),
        json!("2023-02-29"),
        json!("2024-03-23T24:00Z"),
        json!("2024-03-23T18:05"),
        json!("2024-03-23T18:05:00+0300"),
        json!("javascript:alert(1)"),
        json!("//example.org"),
        json!("https://"),
        json!(" https://example.org"),
        json!("https://exa mple.org"),
        json!("EN_us"),
        json!("Not A Slug"),
        json!("id with space"),
        json!("zero\u{200b}width"),
        json!("rtl\u{202e}override"),
        json!("é😀"),
        json!("confirmed"),
        json!("Confirmd"),
        json!("src-0"),
        json!("cat-0"),
        json!("card-0"),
        json!("AF"),
        json!("XX"),
        json!("Middle East"),
        json!([]),
        json!({}),
        json!([""]),
        json!([null]),
        json!({"x": 1}),
        json!({"id": "src-0"}),
        json!({"text": "t", "status": "claimed", "sources": ["nope"]}),
        deep,
    ]
}

fn tree_edit() -> impl Strategy<Value = TreeEdit> {
    prop_oneof![
        3 => (any::<Index>(), any::<Index>()).prop_map(|(at, with)| TreeEdit::Replace { at, with }),
        1 => any::<Index>().prop_map(|at| TreeEdit::Remove { at }),
        1 => (any::<Index>(), chars_from("abz_", 0..=2)).prop_map(|(at, suffix)| TreeEdit::Rename { at, suffix }),
    ]
}

/// The JSON pointer of every value under `value`, in document order.
fn pointers(value: &serde_json::Value, pointer: String, out: &mut Vec<String>) {
    out.push(pointer.clone());
    match value {
        serde_json::Value::Object(members) => {
            for (key, member) in members {
                let key = key.replace('~', "~0").replace('/', "~1");
                pointers(member, format!("{pointer}/{key}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                pointers(item, format!("{pointer}/{index}"), out);
            }
        }
        _ => {}
    }
}

fn apply_tree_edit(root: &mut serde_json::Value, edit: &TreeEdit) {
    let mut all = Vec::new();
    pointers(root, String::new(), &mut all);
    let at = match edit {
        TreeEdit::Replace { at, .. } | TreeEdit::Remove { at } | TreeEdit::Rename { at, .. } => at,
    };
    let pointer = at.get(&all).clone();
    if let TreeEdit::Replace { with, .. } = edit {
        if let Some(value) = root.pointer_mut(&pointer) {
            *value = with.get(&odd_values()).clone();
        }
        return;
    }
    // Removing and renaming act on the parent; the root has none.
    let Some((parent, last)) = pointer.rsplit_once('/') else {
        return;
    };
    let key = last.replace("~1", "/").replace("~0", "~");
    match (root.pointer_mut(parent), edit) {
        (Some(serde_json::Value::Object(members)), TreeEdit::Remove { .. }) => {
            members.remove(&key);
        }
        (Some(serde_json::Value::Object(members)), TreeEdit::Rename { suffix, .. }) => {
            if let Some(value) = members.remove(&key) {
                members.insert(format!("{key}{suffix}"), value);
            }
        }
        (Some(serde_json::Value::Array(items)), TreeEdit::Remove { .. }) => {
            if let Ok(index) = key.parse::<usize>() {
                items.remove(index);
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn check_handles_any_string(text in any::<String>()) {
        assert_well_formed_report(&text)?;
    }

    #[test]
    fn check_handles_json_token_soup(tokens in prop::collection::vec(token(), 0..64)) {
        assert_well_formed_report(&tokens.concat())?;
    }
}

proptest! {
    // Each case generates a whole sheet, so fewer of them.
    #![proptest_config(config(128))]

    #[test]
    fn check_handles_a_mutated_valid_sheet(
        sheet in valid_sheet(),
        pretty in any::<bool>(),
        edits in prop::collection::vec(edit(), 1..=8),
    ) {
        let mut text = if pretty {
            serde_json::to_string_pretty(&sheet)
        } else {
            serde_json::to_string(&sheet)
        }
        .expect("a sheet serialises");
        for edit in &edits {
            apply(&mut text, edit);
        }
        assert_well_formed_report(&text)?;
    }

    #[test]
    fn check_reports_every_broken_rule_with_a_position(
        sheet in valid_sheet(),
        edits in prop::collection::vec(tree_edit(), 1..=4),
    ) {
        let mut root = serde_json::to_value(&sheet).expect("a sheet serialises");
        for edit in &edits {
            apply_tree_edit(&mut root, edit);
        }
        let text = serde_json::to_string_pretty(&root).expect("JSON serialises");
        assert_well_formed_report(&text)?;
        let report = model::check(&text);
        // No key is ever empty here (see the regression test below for one that
        // is), so every problem names its place.
        for problem in &report.problems {
            prop_assert!(!problem.path.is_empty(), "a problem without a path: {problem:?}");
        }
    }
}

// ---------------------------------------------------------------------------
// Bugs found by the properties above, kept as plain reproducers
// ---------------------------------------------------------------------------

/// A small valid sheet in one line, for the reproducers.
const MINIMAL: &str = r#"{"factcards":1,"id":"s","title":"T","summary":"S","lang":"en","updated":"2024-03-23","sources":[{"id":"a","title":"A","url":"https://example.com/a"}],"categories":[{"id":"c","label":"C"}],"cards":[{"id":"k","category":"c","title":"K","facts":[{"text":"F","status":"confirmed","sources":["a"]}]}]}"#;

#[test]
fn the_minimal_sheet_is_valid() {
    assert_well_formed_report(MINIMAL).unwrap();
    assert!(model::parse_sheet(MINIMAL).is_ok());
}

/// Found by `check_handles_a_mutated_valid_sheet` (deleting two characters
/// turned `"id": "…"` into a member with an empty key).
#[test]
fn an_unknown_empty_key_has_a_path() {
    let text = MINIMAL.replacen(r#""factcards":1,"#, r#""factcards":1,"":1,"#, 1);
    let problems = model::check(&text).problems;
    let unknown = problems
        .iter()
        .find(|problem| problem.message.starts_with("unknown field \"\""))
        .expect("the empty key is reported");
    assert_ne!(unknown.path, "", "{unknown:?}");
    assert!(model::json::parse(&text).is_ok(), "the text is JSON");
}

/// Found by reading `suggest()` while writing these properties; the fuzz
/// target's inputs (at most 64 KiB) are too short to make it slow. Suggesting
/// a field name computed an edit distance against every known name with a
/// (key + 1) × (name + 1) table, so a long unknown key cost time and memory in
/// proportion to its length times the names: a 1 MB key took 2.4 s and 100 MB
/// in a release build. Now the field name limit (limits.rs) refuses such a key
/// before any suggestion, and `suggest` skips names whose length is too far
/// off. Time on a shared machine proves nothing either way, so the test
/// counts the bytes the check allocates: about 3 times the text, 6 with only
/// the second guard, 790 with neither (200 MB of tables).
#[test]
fn a_long_unknown_key_is_reported_without_an_edit_distance_table() {
    let key = "k".repeat(256 * 1024);
    let text = MINIMAL.replacen(r#""factcards":1,"#, &format!(r#""factcards":1,"{key}":1,"#), 1);
    let (report, allocated) = allocated_by(|| model::check(&text));
    let messages: Vec<&str> = report
        .problems
        .iter()
        .map(|problem| problem.message.as_str())
        .collect();
    assert_eq!(
        messages,
        ["the field name is 262144 characters; the limit is 200"]
    );
    assert!(
        allocated < 8 * text.len(),
        "checking a sheet with a 256 KiB unknown key allocated {allocated} bytes, {} times the text",
        allocated / text.len()
    );
}

/// What `run` returns, and how many bytes it allocated on this thread.
fn allocated_by<T>(run: impl FnOnce() -> T) -> (T, usize) {
    let before = counting::allocated();
    let value = run();
    (value, counting::allocated() - before)
}

/// The global allocator of this test binary: the system's, counting the bytes
/// each thread asks for (the tests run on several threads at once).
mod counting {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    thread_local! {
        // A constant with no destructor: reading it never allocates.
        static ALLOCATED: Cell<usize> = const { Cell::new(0) };
    }

    /// The bytes this thread has allocated so far (growth of a reallocation
    /// counts as allocated; nothing freed is taken off).
    pub fn allocated() -> usize {
        ALLOCATED.with(Cell::get)
    }

    fn count(bytes: usize) {
        let _ = ALLOCATED.try_with(|total| total.set(total.get().saturating_add(bytes)));
    }

    struct Counting;

    // SAFETY: every call goes to `System` with the caller's arguments; the
    // count only adds to a thread-local number.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            count(layout.size());
            // SAFETY: the caller's contract, passed on.
            unsafe { System.alloc(layout) }
        }

        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            count(layout.size());
            // SAFETY: the caller's contract, passed on.
            unsafe { System.alloc_zeroed(layout) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: the caller's contract, passed on.
            unsafe { System.dealloc(ptr, layout) }
        }

        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            count(new_size.saturating_sub(layout.size()));
            // SAFETY: the caller's contract, passed on.
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    #[global_allocator]
    static COUNTING: Counting = Counting;
}
