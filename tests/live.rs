//! Live sheets: what `data-live` and the `live` option ask for, when the
//! next read happens (the interval, its floor, the back-off after failures,
//! no reads while hidden or off screen), what a fetched sheet means for the
//! shown one, where a redirect may lead, and the live region's pace.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::VALID;
use factcards::live::{
    ANNOUNCE_EVERY_MS, Announcer, DEFAULT_LIVE_SECONDS, FLOOR_MS, Live, MAX_BACKOFF_MS, Outcome, Poller,
    Verdict, judge, same_origin_allowed,
};
use factcards::model::diff::Counts;
use factcards::model::{MAX_REFRESH_SECONDS, MIN_REFRESH_SECONDS, Status, parse_sheet};

#[test]
fn data_live_reads_seconds_a_bare_flag_or_off() {
    assert_eq!(Live::from_attribute(None), Live::Off);
    assert_eq!(Live::from_attribute(Some("60")), Live::Every(60_000));
    assert_eq!(Live::from_attribute(Some(" 90 ")), Live::Every(90_000));
    assert_eq!(Live::from_attribute(Some("")), Live::Suggested);
    assert_eq!(Live::from_attribute(Some("on")), Live::Suggested);
    assert_eq!(Live::from_attribute(Some("off")), Live::Off);
    assert_eq!(Live::from_attribute(Some("false")), Live::Off);
    // The page did ask: a value it cannot read means the sheet's choice.
    assert_eq!(Live::from_attribute(Some("soon")), Live::Suggested);
    assert_eq!(Live::from_attribute(Some("-5")), Live::Suggested);
    // Seconds are plain decimals, read to the millisecond.
    assert_eq!(Live::from_attribute(Some("90.5")), Live::Every(90_500));
    assert_eq!(Live::from_attribute(Some("0.25")), Live::Every(250));
    assert_eq!(Live::from_attribute(Some(".5")), Live::Every(500));
    assert_eq!(Live::from_attribute(Some("45.")), Live::Every(45_000));
    assert_eq!(Live::from_attribute(Some("0")), Live::Suggested);
    assert_eq!(Live::from_attribute(Some("1e3")), Live::Every(1_000_000));
    for unreadable in [".", "1e", "1.2.3", "+60", "6O", "6 0"] {
        assert_eq!(
            Live::from_attribute(Some(unreadable)),
            Live::Suggested,
            "{unreadable}"
        );
    }
    assert_eq!(Live::from_seconds(0.0), None);
    assert_eq!(Live::from_seconds(f64::INFINITY), None);
}

#[test]
fn the_page_wins_over_the_sheet_within_the_floor_and_a_day() {
    assert_eq!(Live::Off.interval_ms(Some(60), FLOOR_MS), None);
    assert_eq!(Live::Every(90_000).interval_ms(Some(300), FLOOR_MS), Some(90_000));
    assert_eq!(Live::Suggested.interval_ms(Some(300), FLOOR_MS), Some(300_000));
    assert_eq!(
        Live::Suggested.interval_ms(None, FLOOR_MS),
        Some(u64::from(DEFAULT_LIVE_SECONDS) * 1000)
    );
    // A page asking for every second gets the floor.
    assert_eq!(Live::Every(1000).interval_ms(None, FLOOR_MS), Some(FLOOR_MS));
    assert_eq!(FLOOR_MS, u64::from(MIN_REFRESH_SECONDS) * 1000);
    assert_eq!(
        Live::Every(10 * 86_400_000).interval_ms(None, FLOOR_MS),
        Some(u64::from(MAX_REFRESH_SECONDS) * 1000)
    );
}

#[test]
fn failures_double_the_delay_up_to_a_cap_and_a_success_resets_it() {
    let mut poller = Poller::new(60_000);
    assert_eq!(poller.delay_ms(), 60_000);
    assert_eq!(poller.after(Outcome::Failed), 120_000);
    assert_eq!(poller.after(Outcome::Failed), 240_000);
    assert_eq!(poller.after(Outcome::Failed), 480_000);
    for _ in 0..100 {
        poller.after(Outcome::Failed);
    }
    assert_eq!(poller.delay_ms(), MAX_BACKOFF_MS);
    assert_eq!(poller.after(Outcome::Unchanged), 60_000);
    assert_eq!(poller.failures(), 0);
    poller.after(Outcome::Failed);
    assert_eq!(poller.after(Outcome::Updated), 60_000);
}

#[test]
fn an_interval_longer_than_the_cap_is_not_shortened_by_failures() {
    let mut poller = Poller::new(2 * MAX_BACKOFF_MS);
    assert_eq!(poller.after(Outcome::Failed), 2 * MAX_BACKOFF_MS);
}

#[test]
fn no_reads_while_the_tab_is_hidden_or_the_deck_off_screen() {
    let mut poller = Poller::new(60_000);
    assert!(poller.may_read());
    assert!(!poller.set_visible(false));
    assert!(!poller.may_read());
    assert!(!poller.set_on_screen(false));
    assert!(!poller.set_visible(true), "still off screen");
    assert!(!poller.may_read());
    assert!(poller.set_on_screen(true), "back on screen: resume");
    assert!(poller.may_read());
    assert!(!poller.set_on_screen(true), "already reading: nothing to resume");
}

fn sheet(text: &str) -> factcards::model::Sheet {
    parse_sheet(text).expect("valid")
}

#[test]
fn the_same_sheet_is_nothing_to_render() {
    assert_eq!(judge(&sheet(VALID), &sheet(VALID)), Verdict::Same);
}

#[test]
fn a_new_version_is_an_update_with_its_diff() {
    let newer = common::with(r#""status": "claimed""#, r#""status": "confirmed""#);
    let Verdict::Update(diff) = judge(&sheet(VALID), &sheet(&newer)) else {
        panic!("an update");
    };
    assert_eq!(
        diff.counts(),
        Counts {
            changed: 1,
            ..Counts::default()
        }
    );
    let changed = diff.changed_facts().next().expect("one changed fact");
    let status = changed.changes.status.as_ref().expect("its status changed");
    assert_eq!((status.from, status.to), (Status::Claimed, Status::Confirmed));
}

#[test]
fn another_story_is_refused_and_says_why() {
    let other = common::with(r#""id": "test-story""#, r#""id": "other-story""#);
    assert_eq!(
        judge(&sheet(VALID), &sheet(&other)),
        Verdict::Refused(
            r#"the update was not shown: the new sheet is another story: its id is "other-story", not "test-story""#
                .to_owned()
        )
    );
}

#[test]
fn a_redirect_may_end_only_at_the_origin_asked_or_the_pages_own() {
    let page = "https://news.example";
    assert!(same_origin_allowed(
        "https://data.example",
        "https://data.example",
        page
    ));
    assert!(same_origin_allowed("https://data.example", page, page));
    assert!(!same_origin_allowed(
        "https://data.example",
        "https://evil.example",
        page
    ));
    assert!(!same_origin_allowed(page, "http://news.example", page));
}

fn changed(n: usize) -> Counts {
    Counts {
        changed: n,
        ..Counts::default()
    }
}

#[test]
fn the_live_region_speaks_at_most_once_a_minute_adding_up_what_waited() {
    let mut announcer = Announcer::default();
    assert_eq!(announcer.note(changed(2), 0.0), Some(changed(2)));
    // A sheet flipping between two versions every read: silence until a
    // minute has passed, then one sum.
    assert_eq!(announcer.note(changed(1), 1_000.0), None);
    assert_eq!(announcer.note(changed(1), 2_000.0), None);
    assert_eq!(announcer.wait_ms(2_000.0), Some(ANNOUNCE_EVERY_MS - 2_000.0));
    assert_eq!(announcer.due(30_000.0), None);
    assert_eq!(announcer.due(ANNOUNCE_EVERY_MS), Some(changed(2)));
    assert_eq!(announcer.due(ANNOUNCE_EVERY_MS * 3.0), None, "nothing waits");
    assert_eq!(announcer.wait_ms(ANNOUNCE_EVERY_MS * 3.0), None);
    // Nothing changed: nothing to say, and the minute does not restart.
    assert_eq!(announcer.note(Counts::default(), ANNOUNCE_EVERY_MS * 3.0), None);
    assert_eq!(
        announcer.note(changed(1), ANNOUNCE_EVERY_MS * 3.0),
        Some(changed(1))
    );
}

mod deck {
    use std::rc::Rc;

    use factcards::DeckEvent;
    use factcards::deck_state::{DeckAction, DeckState};
    use factcards::live::FactMark;
    use factcards::model::Status;
    use factcards::progress::RenderPace;
    use factcards::state::Action;

    use super::{VALID, sheet};

    fn new_version() -> Rc<factcards::model::Sheet> {
        // The claim is confirmed, and a fact is added to "formed".
        let text = super::common::with(r#""status": "claimed""#, r#""status": "confirmed""#).replacen(
            r#""facts": [{"text": "The group formed in 2015.", "status": "confirmed", "sources": ["article"]}]"#,
            r#""facts": [{"text": "The group formed in 2015.", "status": "confirmed", "sources": ["article"]},
                          {"text": "It has about 2,000 members.", "status": "reported", "sources": ["report"]}]"#,
            1,
        );
        Rc::new(sheet(&text))
    }

    #[test]
    fn a_new_version_keeps_the_readers_view_marks_the_changes_and_tells_the_host() {
        let deck = DeckState::new(Rc::new(sheet(VALID)), None, None, RenderPace::Whole);
        let heard = deck.recorded();
        let deck = deck
            .apply(DeckAction::View(Action::Search("group".into())), heard)
            .apply(DeckAction::View(Action::ToggleCard("claim".into())), heard)
            .apply(DeckAction::View(Action::ToggleCategory("claims".into())), heard);
        let view = deck.view.clone();
        let heard = deck.recorded();
        let next = deck.apply(
            DeckAction::NewSheet {
                sheet: new_version(),
                at: Some("10:42".into()),
            },
            heard,
        );
        let new_key = next
            .changes
            .of_card(&next.sheet, 0)
            .and_then(|card| card.facts[1].clone())
            .map(|(key, _)| key);
        let seen = next.apply(
            DeckAction::Seen {
                facts: new_key.into_iter().collect(),
                cards: Vec::new(),
            },
            next.recorded(),
        );
        assert_eq!(seen.changes.of_card(&seen.sheet, 0), None, "seen: no longer new");
        assert!(
            seen.changes.of_card(&seen.sheet, 1).is_some(),
            "the change stays marked"
        );
        assert!(!seen.same_as(&next), "the deck renders again");
        assert_eq!(next.view, view, "filter, search and open cards stay");
        // The search runs over the new version, not the old one's index.
        let fresh = factcards::search::SearchIndex::new(&next.sheet);
        assert_eq!(
            next.view.visible(&next.sheet, &next.index),
            next.view.visible(&next.sheet, &fresh)
        );
        assert_eq!(next.sheet.cards[0].facts.len(), 2);
        assert_eq!(next.updated_at.as_deref(), Some("10:42"));
        let formed = next.changes.of_card(&next.sheet, 0).expect("a new fact");
        assert_eq!(formed.facts[0], None);
        assert!(matches!(&formed.facts[1], Some((_, FactMark::New { at })) if at == "10:42"));
        let claim = next.changes.of_card(&next.sheet, 1).expect("a changed fact");
        assert_eq!(
            claim.facts[0].as_ref().map(|(_, mark)| mark),
            Some(&FactMark::Changed {
                status: Some((Status::Claimed, Status::Confirmed)),
                text: false,
                sources: false,
                at: "10:42".into()
            })
        );
        let DeckEvent::Update {
            sheet, counts, ids, ..
        } = &next.unheard(heard)[0]
        else {
            panic!("an update event");
        };
        assert_eq!(sheet, "test-story");
        assert_eq!((counts.new, counts.changed, counts.removed), (1, 1, 0));
        assert_eq!(ids.new.len(), 1);
        assert!(ids.new[0].starts_with("formed~1~"), "{:?}", ids.new);
        assert!(
            next.rendered.is_complete(&next.order),
            "what was rendered stays rendered"
        );
    }

    #[test]
    fn a_new_version_given_with_no_arrival_is_shown_with_nothing_marked_or_told() {
        // The editor's preview of each edit, a Yew host's new props: not an
        // update that arrived, so no "Updated" line, no marks, no event.
        let deck = DeckState::new(Rc::new(sheet(VALID)), None, None, RenderPace::Whole);
        let deck = deck.apply(DeckAction::View(Action::Search("group".into())), deck.recorded());
        let heard = deck.recorded();
        let view = deck.view.clone();
        let version = new_version();
        let next = deck.apply(
            DeckAction::NewSheet {
                sheet: Rc::clone(&version),
                at: None,
            },
            heard,
        );
        assert!(Rc::ptr_eq(&next.sheet, &version), "the new version is shown");
        assert_eq!(next.view, view);
        assert_eq!(next.updated_at, None);
        assert!(next.changes.is_empty());
        assert!(next.unheard(heard).is_empty());
    }

    #[test]
    fn the_same_sheet_or_another_story_changes_nothing() {
        let shown = Rc::new(sheet(VALID));
        let deck = DeckState::new(Rc::clone(&shown), None, None, RenderPace::Whole);
        let heard = deck.recorded();
        let same = deck.apply(
            DeckAction::NewSheet {
                sheet: Rc::new(sheet(VALID)),
                at: Some("10:42".into()),
            },
            heard,
        );
        assert!(same.same_as(&deck));
        assert!(same.changes.is_empty());
        let other = super::common::with(r#""id": "test-story""#, r#""id": "other-story""#);
        let refused = deck.apply(
            DeckAction::NewSheet {
                sheet: Rc::new(sheet(&other)),
                at: Some("10:42".into()),
            },
            heard,
        );
        assert!(refused.same_as(&deck));
        assert_eq!(refused.sheet.id, "test-story");
    }
}

mod fallback {
    use std::rc::Rc;

    use factcards::model::check;
    use factcards::ssr::{FallbackOptions, render_fallback};

    use super::{VALID, sheet};

    fn rendered(html: &str) -> Option<&str> {
        let start = html.find(r#"<script type="application/json" class="fc-rendered-sheet">"#)?;
        let body = &html[start..];
        let body = &body[body.find('>')? + 1..];
        Some(&body[..body.find("</script>")?])
    }

    #[test]
    fn the_fallback_of_a_live_sheet_holds_the_sheet_as_rendered() {
        let live = super::common::with(r#""lang": "en","#, r#""lang": "en", "refresh": 60,"#).replace(
            "The group formed in 2015.",
            "The group formed in 2015 </script><!-- here.",
        );
        let html = render_fallback(Rc::new(sheet(&live)), &FallbackOptions::default());
        let json = rendered(&html).expect("the sheet is in the fallback");
        assert!(!json.contains('<'), "nothing in it can end the script");
        assert_eq!(check(json).into_result().expect("valid"), sheet(&live));
    }

    #[test]
    fn the_fallback_of_a_sheet_that_is_not_live_does_not() {
        let html = render_fallback(Rc::new(sheet(VALID)), &FallbackOptions::default());
        assert_eq!(rendered(&html), None);
    }
}

#[test]
fn the_live_region_speaks_the_widgets_language() {
    use factcards::i18n::UiLang;
    let en = UiLang::from_tag("en").strings();
    assert_eq!(en.facts_updated(1), "1 fact updated");
    assert_eq!(en.facts_updated(2), "2 facts updated");
    let ru = UiLang::from_tag("ru").strings();
    assert_eq!(ru.facts_updated(2), "Обновлено фактов: 2");
    assert_eq!(ru.new_mark, "Новое");
}

#[test]
fn a_seen_new_fact_loses_its_new_and_a_change_keeps_its_mark() {
    use factcards::live::ChangeMarks;
    let old = sheet(VALID);
    let text = common::with(r#""status": "claimed""#, r#""status": "confirmed""#).replacen(
        r#""facts": [{"text": "The group formed in 2015.", "status": "confirmed", "sources": ["article"]}]"#,
        r#""facts": [{"text": "The group formed in 2015.", "status": "confirmed", "sources": ["article"]},
                      {"id": "members", "text": "It has about 2,000 members.", "status": "reported", "sources": ["report"]}]"#,
        1,
    );
    let new = sheet(&text);
    let Verdict::Update(diff) = judge(&old, &new) else {
        panic!("an update");
    };
    let marks = ChangeMarks::default().with(&diff, "10:42");
    let changed_key = diff.changed_facts().next().expect("a changed fact").key.clone();
    assert!(marks.fact("members").is_some());
    let seen = marks.seen(&["members".to_owned(), changed_key.clone()], &[]);
    assert_eq!(seen.fact("members"), None);
    assert!(seen.fact(&changed_key).is_some(), "a change stays marked");
}

#[test]
fn the_update_time_is_written_on_the_readers_clock() {
    use factcards::i18n::UiLang;
    let (en, ru) = (UiLang::En.strings(), UiLang::Ru.strings());
    assert_eq!(en.clock(0, 5), "12:05 AM");
    assert_eq!(en.clock(9, 5), "9:05 AM");
    assert_eq!(en.clock(12, 0), "12:00 PM");
    assert_eq!(en.clock(23, 59), "11:59 PM");
    assert_eq!(ru.clock(0, 5), "00:05");
    assert_eq!(ru.clock(23, 59), "23:59");
}
