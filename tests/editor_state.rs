//! The editor's state, driven natively through its one transition.
#![cfg(not(target_arch = "wasm32"))]

use factcards::editor::publish::{Address, EmbedKind, embed_code};
use factcards::editor::published::{Comparison, Published, PublishedError};
use factcards::editor::state::{
    Action, Direction, EditorState, Field, ImportOutcome, Item, List, StepState, Tab, blank_sheet,
    bundled_sheet, card_of_path, focus_candidates, sheet_json, template_sheet,
};
use factcards::escape::url_component as encode_component;
use factcards::i18n::UiLang;
use factcards::model::{self, Severity, Status};

fn blank() -> EditorState {
    EditorState::new(blank_sheet("2026-11-30"))
}

fn apply_all(state: EditorState, actions: impl IntoIterator<Item = Action>) -> EditorState {
    actions.into_iter().fold(state, EditorState::apply)
}

/// A valid sheet built the way a user builds one in the forms.
fn built() -> EditorState {
    apply_all(
        blank(),
        [
            Action::Edit(Field::Title, "Bridge closed".into()),
            Action::Edit(Field::Summary, "The bridge is closed.".into()),
            Action::Add(List::Sources),
            Action::Edit(Field::SourceTitle(0), "Council statement".into()),
            Action::Edit(Field::SourceUrl(0), "https://example.org/a".into()),
            Action::Add(List::Categories),
            Action::Edit(Field::CategoryLabel(0), "The closure".into()),
            Action::Add(List::Cards),
            Action::Edit(Field::CardTitle(0), "Why it is closed".into()),
            Action::Edit(Field::FactText(0, 0), "An inspection found damage.".into()),
            Action::ToggleFactSource(0, 0, "council-statement".into()),
            Action::Settle,
        ],
    )
}

#[test]
fn a_new_fact_cites_no_source_and_says_so_at_the_fact_until_one_is_ticked() {
    // Ticked for them, the first source would attribute the fact silently.
    let state = apply_all(built(), [Action::Add(List::Facts(0)), Action::Settle]);
    assert_eq!(state.sheet.cards[0].facts[1].sources, Vec::<String>::new());
    let at_fact: Vec<String> = state
        .problems
        .iter()
        .filter(|problem| problem.path.starts_with("cards[0].facts[1]"))
        .map(ToString::to_string)
        .collect();
    assert!(
        at_fact.contains(&"cards[0].facts[1].sources: a fact must cite at least one source".to_owned()),
        "{at_fact:?}"
    );
    let state = apply_all(
        state,
        [
            Action::Edit(Field::FactText(0, 1), "The repairs take a year.".into()),
            Action::ToggleFactSource(0, 1, "council-statement".into()),
            Action::Settle,
        ],
    );
    assert_eq!(state.error_count(), 0, "{:?}", state.problems);
    // A new card's first fact too.
    let state = apply_all(state, [Action::Add(List::Cards), Action::Settle]);
    assert_eq!(state.sheet.cards[1].facts[0].sources, Vec::<String>::new());
}

#[test]
fn a_blank_sheet_has_errors_and_no_preview() {
    let state = blank();
    assert!(state.error_count() > 0);
    assert!(state.preview.is_none());
    assert!(!state.can_undo());
}

#[test]
fn ids_follow_titles_and_references_follow_ids() {
    let state = built();
    assert_eq!(state.sheet.id, "bridge-closed");
    assert_eq!(state.sheet.sources[0].id, "council-statement");
    assert_eq!(state.sheet.categories[0].id, "the-closure");
    assert_eq!(state.sheet.cards[0].id, "why-it-is-closed");
    // The card was added after the category and source had ids.
    assert_eq!(state.sheet.cards[0].category, "the-closure");
    assert_eq!(state.sheet.cards[0].facts[0].sources, ["council-statement"]);
    assert_eq!(state.error_count(), 0, "{:?}", state.problems);
    assert!(state.preview.is_some());
    let state = state.apply(Action::Edit(Field::SourceId(0), "council".into()));
    assert_eq!(state.sheet.cards[0].facts[0].sources, ["council"]);
    // An id edited by hand no longer follows its title.
    let state = state.apply(Action::Edit(Field::SourceTitle(0), "Council".into()));
    assert_eq!(state.sheet.sources[0].id, "council");
}

#[test]
fn the_json_passes_check() {
    let state = built();
    let report = model::check(&sheet_json(&state.sheet));
    assert!(report.sheet.is_some(), "{:?}", report.problems);
}

#[test]
fn typing_in_one_field_is_one_undo_step_and_redo_restores_it() {
    let state = apply_all(
        built(),
        [
            Action::Edit(Field::FactText(0, 0), "A".into()),
            Action::Edit(Field::FactText(0, 0), "An".into()),
            Action::Edit(Field::FactText(0, 0), "Another".into()),
        ],
    );
    let undone = state.clone().apply(Action::Undo);
    assert_eq!(undone.sheet.cards[0].facts[0].text, "An inspection found damage.");
    let redone = undone.apply(Action::Redo);
    assert_eq!(redone.sheet.cards[0].facts[0].text, "Another");
    assert!(!redone.can_redo());
}

#[test]
fn a_new_edit_clears_redo() {
    let state = built()
        .apply(Action::Undo)
        .apply(Action::Edit(Field::Summary, "x".into()));
    assert!(!state.can_redo());
}

#[test]
fn lists_add_remove_and_move() {
    let state = apply_all(
        built(),
        [
            Action::Add(List::Categories),
            Action::Edit(Field::CategoryLabel(1), "Reactions".into()),
            Action::Add(List::Categories),
            Action::Edit(Field::CategoryLabel(2), "Traffic".into()),
        ],
    );
    let labels = |state: &EditorState| {
        state
            .sheet
            .categories
            .iter()
            .map(|c| c.label.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(labels(&state), ["The closure", "Reactions", "Traffic"]);
    let moved = state
        .clone()
        .apply(Action::Move(Item::Category(2), Direction::Up));
    assert_eq!(labels(&moved), ["The closure", "Traffic", "Reactions"]);
    // The focus follows the moved item's button.
    assert_eq!(
        moved.focus.as_ref().map(|f| f.ids[0].as_str()),
        Some("f-categories-1-up")
    );
    // The first item cannot move up.
    let same = moved
        .clone()
        .apply(Action::Move(Item::Category(0), Direction::Up));
    assert_eq!(labels(&same), labels(&moved));
    let removed = moved.apply(Action::Remove(Item::Category(0)));
    assert_eq!(labels(&removed), ["Traffic", "Reactions"]);
}

#[test]
fn facts_get_a_status_sources_and_optional_fields() {
    let state = apply_all(
        built(),
        [
            Action::Add(List::Facts(0)),
            Action::SetStatus(0, 1, Status::Claimed),
            Action::ToggleFactSource(0, 1, "council-statement".into()),
            Action::Edit(Field::FactAttribution(0, 1), "the union".into()),
            Action::Edit(Field::FactQuote(0, 1), "  ".into()),
        ],
    );
    let fact = &state.sheet.cards[0].facts[1];
    assert_eq!(fact.status, Status::Claimed);
    // A new fact cites nothing; the toggle ticked its source.
    assert_eq!(fact.sources, ["council-statement"]);
    assert_eq!(fact.attribution.as_deref(), Some("the union"));
    assert_eq!(fact.quote, None);
    let unticked = state.apply(Action::ToggleFactSource(0, 1, "council-statement".into()));
    assert!(unticked.sheet.cards[0].facts[1].sources.is_empty());
}

#[test]
fn a_problem_leads_to_its_field() {
    assert_eq!(
        focus_candidates("cards[2].facts[0].sources[1]"),
        [
            "f-cards-2-facts-0-sources-1",
            "f-cards-2-facts-0-sources",
            "f-cards-2-facts-0",
            "f-cards-2-facts",
            "f-cards-2",
            "f-cards",
            "f-sheet"
        ]
    );
    assert_eq!(card_of_path("cards[12].title"), Some(12));
    assert_eq!(Field::FactText(1, 2).dom_id(), "f-cards-1-facts-2-text");
    let state = bundled()
        .apply(Action::SetTab(Tab::Publish))
        .apply(Action::GoToProblem("cards[3].title".into()));
    assert_eq!(state.tab, Tab::Cards, "a card's field is in the Cards step");
    assert_eq!(state.selected_card, Some(3));
    assert_eq!(
        state.focus.map(|f| f.ids[0].clone()).as_deref(),
        Some("f-cards-3-title")
    );
}

fn bundled() -> EditorState {
    blank().apply(Action::Load(bundled_sheet().expect("the bundled story is valid")))
}

#[test]
fn loading_is_undoable_and_opens_the_forms() {
    let state = bundled();
    assert_eq!(state.tab, Tab::Story);
    assert_eq!(state.error_count(), 0);
    let back = state.apply(Action::Undo);
    assert_eq!(back.sheet.title, "");
}

#[test]
fn json_edits_change_the_sheet_once_it_has_no_error() {
    let state = bundled().apply(Action::SetTab(Tab::Json));
    assert!(state.json_text.contains("\"factcards\": 1"));
    let broken = state
        .json_text
        .replacen("\"factcards\": 1", "\"factcards\": 1,,", 1);
    let state = state.apply(Action::EditJson(broken));
    assert!(!state.json_problems.is_empty());
    let title = state.sheet.title.clone();
    let fixed = sheet_json(&state.sheet).replacen(&title, "A new title", 1);
    let state = state.apply(Action::EditJson(fixed));
    assert_eq!(state.sheet.title, "A new title");
}

#[test]
fn json_with_errors_still_opens_in_the_forms() {
    let text = sheet_json(&bundled().sheet).replacen("\"confirmed\"", "\"confimed\"", 1);
    let state = blank().apply(Action::LoadJson(text.clone()));
    // An unknown status does not decode: the JSON tab shows why.
    assert_eq!(state.tab, Tab::Json);
    assert!(
        state
            .json_problems
            .iter()
            .any(|p| p.message.contains("did you mean"))
    );
    let mut sheet = (*bundled().sheet).clone();
    sheet.cards[0].facts[0].sources = vec!["nowhere".into()];
    let state = blank().apply(Action::LoadJson(sheet_json(&sheet)));
    assert_eq!(state.tab, Tab::Story);
    assert_eq!(state.error_count(), 1);
}

#[test]
fn a_spreadsheet_round_trips() {
    let template = template_sheet().expect("the template imports");
    let csv = model::spreadsheet::export(&template).expect("exports");
    let state = blank().apply(Action::ImportSpreadsheet(csv.clone()));
    assert_eq!(*state.sheet, template);
    assert_eq!(model::spreadsheet::export(&state.sheet).expect("exports"), csv);
}

#[test]
fn spreadsheet_problems_name_the_row_and_lead_to_it() {
    let csv = model::spreadsheet::TEMPLATE_CSV.replacen(",confirmed,", ",confimed,", 1);
    let state = blank().apply(Action::ImportSpreadsheet(csv));
    assert_eq!(state.tab, Tab::Spreadsheet);
    let problem = state
        .import_problems
        .iter()
        .find(|p| p.severity == Severity::Error)
        .expect("an error");
    let row = problem.place.as_ref().expect("a place").row;
    assert_eq!(row, 17);
    let state = state.apply(Action::GoToRow(row));
    let focus = state.focus.expect("a focus request");
    assert_eq!(
        (focus.ids[0].as_str(), focus.line),
        ("spreadsheet-text", Some(17))
    );
}

#[test]
fn drafts_wait_for_an_answer_before_autosave_goes_on() {
    let state = built();
    assert!(state.may_autosave());
    let draft = factcards::editor::state::Draft {
        sheet: bundled().sheet,
        published_url: "https://example.org/s.json".into(),
        saved_at: "now".into(),
    };
    let offered = state.apply(Action::OfferDraft(draft));
    assert!(!offered.may_autosave());
    let restored = offered.apply(Action::RestoreDraft);
    assert!(restored.may_autosave());
    assert_eq!(restored.published_url, "https://example.org/s.json");
    assert_eq!(restored.sheet.id, bundled().sheet.id);
    let other = restored.apply(Action::OtherTabSaved);
    assert!(!other.may_autosave());
    assert!(other.apply(Action::TakeOver).may_autosave());
}

#[test]
fn embed_codes_follow_the_readme_and_carry_the_fallback() {
    let state = bundled();
    let base = "https://cdn.example/factcards/";
    let fallback = "<template shadowrootmode=\"open\">FACTS</template>";
    let sheet_address = Address::parse("https://example.org/s.json?a=1&b=2").expect("an address");
    let code = |kind, address: &Address| {
        embed_code(kind, &state.sheet, Some(address), base, fallback).expect("a code")
    };
    assert_eq!(
        code(EmbedKind::DropIn, &sheet_address),
        "<div data-factcards data-src=\"https://example.org/s.json?a=1&amp;b=2\"><template shadowrootmode=\"open\">FACTS</template></div>\n\
         <script type=\"module\" src=\"https://cdn.example/factcards/factcards.js\"></script>\n"
    );
    let inline = code(EmbedKind::Inline, &sheet_address);
    assert!(inline.starts_with("<div data-factcards><template shadowrootmode=\"open\">FACTS</template><script type=\"application/json\">{"));
    // The sheet's JSON cannot end its script early: no `<` in it at all.
    let json = inline
        .split_once("<script type=\"application/json\">")
        .and_then(|(_, rest)| rest.split_once("</script></div>\n"))
        .map(|(json, _)| json)
        .expect("the inline JSON");
    assert!(!json.contains('<'));
    // A sheet hosted alone: the widget's own iframe page reads it.
    assert!(code(EmbedKind::Iframe, &sheet_address).contains(&format!(
        "src=\"https://cdn.example/factcards/embed.html?src={}&amp;theme=auto\"",
        encode_component("https://example.org/s.json?a=1&b=2")
    )));
    let api = code(EmbedKind::JsApi, &sheet_address);
    let mount = format!(
        "<div id=\"factcards-{}\"><template shadowrootmode=\"open\">FACTS</template></div>\n",
        state.sheet.id
    );
    assert!(api.starts_with(&mount), "{api}");
    assert!(api.contains("import { ready } from \"https://cdn.example/factcards/factcards.js\";\n  const { mount } = await ready;"));
    assert_eq!(encode_component("a b/&"), "a%20b%2F%26");

    // A story folder: its page's address to paste, its frame page, its sheet.
    let folder = Address::parse("https://news.example/stories/moscow/").expect("an address");
    assert_eq!(
        code(EmbedKind::StoryPage, &folder),
        "https://news.example/stories/moscow/\n"
    );
    assert!(
        code(EmbedKind::DropIn, &folder)
            .starts_with("<div data-factcards data-src=\"https://news.example/stories/moscow/sheet.json\">")
    );
    assert!(code(EmbedKind::Iframe, &folder).contains(
        "height:1000px;border:0\"\n  src=\"https://news.example/stories/moscow/frame.html\"></iframe>"
    ));
    assert_eq!(
        embed_code(
            EmbedKind::StoryPage,
            &state.sheet,
            Some(&sheet_address),
            base,
            fallback
        ),
        None
    );
}

#[test]
fn codes_that_load_by_address_are_offered_only_once_there_is_one() {
    let keys = |address: Option<Address>| {
        EmbedKind::offered(address.as_ref())
            .map(EmbedKind::key)
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(None), ["inline"]);
    assert_eq!(
        keys(Address::parse("https://example.org/s.json")),
        ["drop-in", "iframe", "inline", "js-api"]
    );
    assert_eq!(
        keys(Address::parse("https://example.org/stories/s/")),
        ["story-page", "drop-in", "iframe", "inline", "js-api"]
    );
    assert_eq!(Address::parse("example.org/s/"), None);
    assert_eq!(Address::parse("javascript:alert(1)//"), None);
}

#[test]
fn the_published_version_of_a_story_folder_is_its_sheet_json() {
    let state = apply_all(
        bundled(),
        [Action::SetPublishedUrl(
            "https://news.example/stories/moscow/".into(),
        )],
    );
    assert_eq!(
        state.published_sheet_url(),
        "https://news.example/stories/moscow/sheet.json"
    );
    let state = apply_all(state, [Action::CheckPublished]);
    assert_eq!(
        state.published.url(),
        Some("https://news.example/stories/moscow/sheet.json")
    );
    let state = apply_all(
        state,
        [Action::SetPublishedUrl("https://example.org/s.json".into())],
    );
    assert_eq!(state.published_sheet_url(), "https://example.org/s.json");
}

#[test]
fn the_preview_switches_between_the_full_and_the_compact_layout() {
    let state = blank();
    assert!(!state.compact);
    let state = apply_all(state, [Action::SetCompact(true)]);
    assert!(state.compact);
    let state = apply_all(state, [Action::SetCompact(false)]);
    assert!(!state.compact);
}

// ---------------------------------------------------------------------------
// The published version and what publishing the draft would change
// ---------------------------------------------------------------------------

const PUBLISHED: &str = "https://example.org/sheets/bridge.json";

/// The built sheet with its address entered: the first check is asked.
fn checking() -> EditorState {
    apply_all(
        built(),
        [
            Action::SetPublishedUrl(format!(" {PUBLISHED} ")),
            Action::CheckPublished,
        ],
    )
}

/// The line the editor shows for a failed check, in English.
fn failure(state: &EditorState) -> String {
    let s = UiLang::En.editor_strings();
    match &state.published {
        Published::Failed { url, error } => error.line(url, s),
        Published::Fetched {
            url,
            comparison: Err(error),
            ..
        } => error.line(url, s),
        other => panic!("not a failure: {other:?}"),
    }
}

fn comparison(state: &EditorState) -> Comparison {
    match &state.published {
        Published::Fetched {
            comparison: Ok(comparison),
            ..
        } => comparison.clone(),
        other => panic!("not compared: {other:?}"),
    }
}

#[test]
fn entering_the_published_address_asks_for_the_version_there() {
    let state = checking();
    assert_eq!(state.published_url, PUBLISHED);
    assert_eq!(state.published.request(), Some((1, PUBLISHED.to_owned())));
    // "Check again" asks anew, under a new number.
    let again = state.apply(Action::CheckPublished);
    assert_eq!(again.published.request(), Some((2, PUBLISHED.to_owned())));
    // Without an address there is nothing to ask.
    assert_eq!(
        built().apply(Action::CheckPublished).published,
        Published::NotFetched
    );
}

#[test]
fn the_publish_tab_checks_the_published_version_once() {
    let state = apply_all(
        built(),
        [
            Action::SetPublishedUrl(PUBLISHED.into()),
            Action::SetTab(Tab::Publish),
        ],
    );
    assert_eq!(state.published.request(), Some((1, PUBLISHED.to_owned())));
    let json = sheet_json(&state.sheet);
    let state = apply_all(
        state,
        [
            Action::PublishedAnswered(1, Ok(json)),
            Action::SetTab(Tab::Story),
            Action::SetTab(Tab::Publish),
        ],
    );
    assert_eq!(
        state.published.request(),
        None,
        "no second read for the same address"
    );
    // Nor any read without an address.
    assert_eq!(
        built().apply(Action::SetTab(Tab::Publish)).published,
        Published::NotFetched
    );
}

#[test]
fn the_draft_is_compared_with_the_published_version_in_the_forms_words() {
    let published = sheet_json(&built().sheet);
    let state = apply_all(
        checking(),
        [
            Action::SetStatus(0, 0, Status::Claimed),
            Action::Edit(Field::FactAttribution(0, 0), "the council".into()),
            Action::Settle,
            Action::PublishedAnswered(1, Ok(published)),
        ],
    );
    let compared = comparison(&state);
    assert_eq!(
        compared.lines(UiLang::En),
        [
            "Changed:",
            "  changed Card 1 “Why it is closed”, fact 1: Status: Confirmed -> Claimed; \
             Who says so: none -> \"the council\"",
        ]
    );
    assert_eq!(compared.summary, "0 new, 1 changed, 0 removed, 0 moved");
    // It follows the draft as edits settle.
    let state = apply_all(
        state,
        [
            Action::Add(List::Facts(0)),
            Action::Edit(Field::FactText(0, 1), "A new fact.".into()),
            Action::Settle,
        ],
    );
    let compared = comparison(&state);
    assert_eq!(compared.summary, "1 new, 1 changed, 0 removed, 0 moved");
    assert!(
        compared
            .lines(UiLang::En)
            .contains(&"  new Card 1 “Why it is closed”, fact 2: Confirmed, \"A new fact.\"".to_owned()),
        "{:?}",
        compared.lines(UiLang::En)
    );
}

/// Whether a line names a place as `factcards diff` does: a position in
/// a JSON path (`[3`), a list's key, or a field's key where the CLI names
/// the field (`changed title:`, `; status:`).
fn has_json_path(line: &str) -> bool {
    let index = line
        .as_bytes()
        .windows(2)
        .any(|pair| pair[0] == b'[' && pair[1].is_ascii_digit());
    let fields = [
        "text",
        "status",
        "sources",
        "attribution",
        "quote",
        "card",
        "category",
        "regions",
        "points",
        "title",
        "summary",
        "lang",
        "updated",
        "refresh",
        "credit",
    ];
    index
        || ["cards", "facts", "corrections", "categories"]
            .iter()
            .any(|key| line.contains(key))
        || fields.iter().any(|key| {
            [
                format!("changed {key}:"),
                format!("; {key}:"),
                format!("\" {key}:"),
            ]
            .iter()
            .any(|named| line.contains(named.as_str()))
        })
}

#[test]
fn a_changed_excerpt_is_named_as_the_forms_name_it() {
    use factcards::editor::published::compare;
    use factcards::model::Citation;
    use std::rc::Rc;
    let mut published = bundled_sheet().expect("the bundled story");
    let cited = published.cards[0].facts[0].sources[0].source.clone();
    published.cards[0].facts[0].sources[0] = Citation::new(cited.clone());
    let mut draft = published.clone();
    draft.cards[0].facts[0].sources[0] = Citation::with_excerpt(cited, "The passage.");
    let compared = compare(&Rc::new(published.clone()), &Rc::new(draft)).expect("the same story");
    // The source is named by its title (cut, as the forms' places are).
    let start = format!(
        "  changed Card 1 “{}”, fact 1: Sources of this fact: Excerpt “Moscow Concert Hall",
        published.cards[0].title
    );
    let lines = compared.lines(UiLang::En);
    assert!(
        lines
            .iter()
            .any(|line| line.starts_with(&start) && line.ends_with("”: none -> \"The passage.\"")),
        "{start}\nnot in\n{}",
        lines.join("\n")
    );
    let russian = compared.lines(UiLang::Ru);
    assert!(
        russian
            .iter()
            .any(|line| line.contains("Источники факта: Выдержка «Moscow")),
        "{russian:?}"
    );
}

#[test]
fn what_publishing_would_change_names_no_json_path() {
    use factcards::editor::published::compare;
    use std::rc::Rc;
    let published = bundled_sheet().expect("the bundled story");
    let mut draft = published.clone();
    draft.title = "A changed title".into();
    draft.lang = "en-GB".into();
    draft.cards[0].facts[0].status = Status::Disputed;
    draft.cards[0].facts[0].text = "A changed text.".into();
    draft.cards[1].facts.remove(1);
    let mut added = draft.cards[2].facts[0].clone();
    added.text = "A new fact.".into();
    draft.cards[2].facts.push(added);
    let moving = draft.cards[3].facts.remove(0);
    draft.cards[4].facts.push(moving);
    draft.cards[6].category = "russia".into();
    draft.cards[6].facts.swap(0, 1);
    let mut new_card = draft.cards[7].clone();
    new_card.id = "a-new-card".into();
    new_card.title = "A new card".into();
    for (i, fact) in new_card.facts.iter_mut().enumerate() {
        fact.text = format!("A fact of the new card, {i}.");
    }
    draft.cards.push(new_card);
    let gone = draft.cards.remove(9);
    let mut wire = draft.sources[0].clone();
    wire.id = "wire".into();
    wire.title = "A wire story".into();
    draft.sources.push(wire);
    draft.cards[0].facts[1].sources.push("wire".into());
    let errors: Vec<String> = model::check(&sheet_json(&draft))
        .errors()
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");

    let compared = compare(&Rc::new(published.clone()), &Rc::new(draft)).expect("the same story");
    let lines = compared.lines(UiLang::En);
    let card = |i: usize| format!("Card {} “{}”", i + 1, published.cards[i].title);
    for expected in [
        "New:".to_owned(),
        "Moved:".to_owned(),
        format!("  changed Title: \"{}\" -> \"A changed title\"", published.title),
        format!(
            "  changed {}: Category: “Where it operates” -> “Why Russia”",
            card(6)
        ),
        format!(
            "  changed {}, fact 2: Sources of this fact: +“A wire story”",
            card(0)
        ),
        "  changed Language of the text: en -> en-GB".to_owned(),
        format!("  new {}, fact 3: Reported, \"A new fact.\"", card(2)),
        "  new Card 10 “A new card”".to_owned(),
        "  new Source 2 “A wire story”".to_owned(),
        format!("  removed Card 10 “{}”", gone.title),
        format!("  moved {}, fact 1 -> {}, fact 3", card(3), card(4)),
        format!("  moved {}, fact 2 -> {}, fact 1", card(6), card(6)),
    ] {
        assert!(
            lines.contains(&expected),
            "{expected}\nnot in\n{}",
            lines.join("\n")
        );
    }
    // Long texts are cut, as factcards diff cuts them.
    for (start, end) in [
        (
            format!("  changed {}, fact 1: Text: \"", card(0)),
            "…\" -> \"A changed text.\"; Status: Confirmed -> Disputed",
        ),
        (format!("  removed {}, fact 2: \"", card(1)), "…\""),
    ] {
        assert!(
            lines
                .iter()
                .any(|line| line.starts_with(&start) && line.ends_with(end)),
            "{start}…{end}\nnot in\n{}",
            lines.join("\n")
        );
    }
    for line in &lines {
        assert!(!has_json_path(line), "{line}");
    }
    // Russian forms, Russian places; the summary counts as factcards diff does.
    let russian = compared.lines(UiLang::Ru);
    assert!(
        russian
            .iter()
            .any(|line| line.starts_with("  changed Заголовок: ")),
        "{russian:?}"
    );
    assert!(
        russian
            .iter()
            .any(|line| line.contains("Статус: Подтверждено -> Оспаривается")),
        "{russian:?}"
    );
    for line in &russian {
        assert!(!has_json_path(line), "{line}");
    }
    // The check would have caught each of the CLI's lines but a new source's.
    let printed = factcards::model::diff::diff_lines(&compared.diff);
    for line in printed
        .iter()
        .filter(|line| line.starts_with("  ") && !line.contains(" source "))
    {
        assert!(has_json_path(line), "{line}");
    }
    // The editor's lines start with what happened, as the CLI's do, and the
    // summary counts them.
    assert_eq!(compared.summary, "5 new, 5 changed, 5 removed, 2 moved");
    assert_eq!(lines.len(), printed.len());
    for (editor, cli) in lines.iter().zip(&printed) {
        assert_eq!(editor.split(' ').nth(2), cli.split(' ').nth(2), "{editor}\n{cli}");
    }
}

#[test]
fn a_draft_that_is_the_published_version_has_no_changes() {
    let published = sheet_json(&built().sheet);
    let state = checking().apply(Action::PublishedAnswered(1, Ok(published)));
    let compared = comparison(&state);
    assert!(compared.is_empty());
    assert_eq!(compared.summary, "no changes");
}

#[test]
fn an_answer_to_an_earlier_check_is_ignored() {
    let published = sheet_json(&built().sheet);
    let state = checking().apply(Action::CheckPublished);
    let late = state
        .clone()
        .apply(Action::PublishedAnswered(1, Err(PublishedError::Status(500))));
    assert_eq!(late.published, state.published);
    let state = state.apply(Action::PublishedAnswered(2, Ok(published)));
    assert!(comparison(&state).is_empty());
    // An answer after the address changed is ignored too, and the old
    // comparison is forgotten.
    let moved = apply_all(
        checking(),
        [
            Action::SetPublishedUrl("https://example.org/other.json".into()),
            Action::PublishedAnswered(1, Err(PublishedError::Unreachable)),
        ],
    );
    assert_eq!(moved.published, Published::NotFetched);
}

#[test]
fn failures_name_the_address_and_what_failed() {
    let at = format!("Could not compare with the published version at {PUBLISHED}");
    let answered = |body| checking().apply(Action::PublishedAnswered(1, body));
    assert_eq!(
        failure(&answered(Err(PublishedError::Unreachable))),
        format!("{at}: the server could not be reached, or does not let this page read it (CORS)")
    );
    assert_eq!(
        failure(&answered(Err(PublishedError::Status(404)))),
        format!("{at}: the server answered HTTP 404")
    );
    assert_eq!(
        failure(&answered(Ok("{ not json".into()))),
        format!(
            "{at}: it is not a valid sheet (1 error): line 1, column 3: expected a key in double quotes, found 'n'"
        )
    );
    let mut other = (*built().sheet).clone();
    other.id = "another-story".into();
    assert_eq!(
        failure(&answered(Ok(sheet_json(&other)))),
        format!("{at}: the new sheet is another story: its id is \"bridge-closed\", not \"another-story\"")
    );
    // Only http(s) is read: anything else fails before any request.
    let state = apply_all(
        built(),
        [
            Action::SetPublishedUrl("file:///etc/sheet.json".into()),
            Action::CheckPublished,
        ],
    );
    assert_eq!(state.published.request(), None);
    assert_eq!(
        failure(&state),
        "Could not compare with the published version at file:///etc/sheet.json: \
         \"file:///etc/sheet.json\" is not an http or https url"
    );
    // In Russian too.
    let Published::Failed { url, error } = &answered(Err(PublishedError::Status(503))).published else {
        panic!("not failed");
    };
    assert_eq!(
        error.line(url, UiLang::Ru.editor_strings()),
        format!(
            "Не удалось сравнить с опубликованной версией по адресу {PUBLISHED}: сервер ответил HTTP 503"
        )
    );
}

#[test]
fn a_spreadsheet_file_in_another_encoding_is_refused_as_the_cli_refuses_it_and_nothing_changes() {
    // "café on Müller" as Excel's plain "CSV" saves it: Windows-1252.
    let mut bytes = factcards::model::spreadsheet::TEMPLATE_CSV.as_bytes().to_vec();
    bytes.extend_from_slice(b"caf\xe9 on M\xfcller\n");
    let before = bundled();
    let state = apply_all(before.clone(), [Action::ImportSpreadsheetFile(bytes.clone())]);
    assert_eq!(state.sheet, before.sheet, "the sheet is as it was");
    assert_eq!(state.import_outcome, Some(ImportOutcome::Refused { errors: 1 }));
    let cli = factcards::model::spreadsheet::import(&bytes);
    assert_eq!(
        state
            .import_problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        cli.problems.iter().map(ToString::to_string).collect::<Vec<_>>()
    );
    assert!(
        state.import_problems[0].to_string().contains("not UTF-8"),
        "{}",
        state.import_problems[0]
    );
    assert!(
        !state.spreadsheet_text.contains('\u{fffd}'),
        "no mojibake reaches the editor"
    );
    assert_eq!(state.tab, Tab::Spreadsheet);
}

#[test]
fn an_import_says_what_it_brought_in_or_that_nothing_changed() {
    let template = factcards::model::spreadsheet::TEMPLATE_CSV;
    let state = apply_all(
        blank(),
        [Action::ImportSpreadsheetFile(template.as_bytes().to_vec())],
    );
    let imported = factcards::model::spreadsheet::import_text(template)
        .sheet
        .expect("the template imports");
    assert_eq!(state.sheet.as_ref(), &imported);
    assert_eq!(
        state.import_outcome,
        Some(ImportOutcome::Imported {
            sources: imported.sources.len(),
            cards: imported.cards.len(),
            facts: imported.cards.iter().map(|card| card.facts.len()).sum(),
        })
    );
    let s = UiLang::En.editor_strings();
    assert_eq!(s.counts(1, 3, 6), "1 source, 3 cards, 6 facts");
    assert_eq!(
        UiLang::Ru.editor_strings().counts(2, 5, 21),
        "2 источника, 5 карточек, 21 факт"
    );
    // A broken paste: nothing imported, the text kept to fix.
    let broken = template.replacen("confirmed", "maybe", 1);
    let state = apply_all(bundled(), [Action::ImportSpreadsheet(broken.clone())]);
    assert_eq!(state.sheet, bundled().sheet);
    assert!(matches!(state.import_outcome, Some(ImportOutcome::Refused { errors }) if errors >= 1));
    assert_eq!(state.spreadsheet_text, broken);
}

#[test]
fn problems_are_placed_in_the_forms_words_counted_from_one() {
    use factcards::editor::words::place;
    let state = bundled();
    let sheet = &state.sheet;
    let card = &sheet.cards[1].title;
    assert_eq!(
        place(sheet, "cards[1].facts[0].status", UiLang::En),
        format!("Card 2 “{card}”, fact 1, status")
    );
    assert_eq!(
        place(sheet, "cards[1].facts[0].sources[1]", UiLang::En),
        format!("Card 2 “{card}”, fact 1, sources of this fact, 2")
    );
    let source = &sheet.sources[0].title;
    let cut: String = source.chars().take(39).collect();
    assert_eq!(
        place(sheet, "sources[0].url", UiLang::En),
        format!("Source 1 “{}…”, address", cut.trim_end())
    );
    assert_eq!(
        place(sheet, "lang", UiLang::En),
        "The story: language of the text"
    );
    assert_eq!(place(sheet, "id", UiLang::En), "The story: sheet id");
    assert_eq!(
        place(sheet, "categories[0].label", UiLang::En),
        format!("Category 1 “{}”, label", sheet.categories[0].label)
    );
    assert_eq!(
        place(sheet, "corrections[0].date", UiLang::En),
        "Correction 1, date"
    );
    assert_eq!(place(sheet, "cards[40].titel", UiLang::En), "Card 41, titel");
    assert_eq!(place(sheet, "", UiLang::En), "The story");
    assert!(
        place(sheet, "cards[1].facts[0].status", UiLang::Ru).starts_with("Карточка 2 «"),
        "{}",
        place(sheet, "cards[1].facts[0].status", UiLang::Ru)
    );
    // No JSON path is left in any problem's place on the bundled story.
    let json_path = |text: &str| text.contains('[') || text.contains("].") || text.contains("facts.");
    for problem in state.problems.iter() {
        assert!(
            !json_path(&place(sheet, &problem.path, UiLang::En)),
            "{}",
            problem.path
        );
    }
}

#[test]
fn a_new_sheet_shows_no_problem_until_it_is_typed_into_or_checked() {
    let state = apply_all(
        bundled(),
        [Action::StartBlank(blank_sheet("2026-11-30")), Action::Settle],
    );
    assert!(state.error_count() > 0, "a blank sheet has its errors");
    assert!(state.quiet);
    assert!(state.shown_problems().is_empty());
    let typed = apply_all(
        state.clone(),
        [Action::Edit(Field::Title, "Bridge closed".into()), Action::Settle],
    );
    assert!(!typed.quiet);
    assert_eq!(typed.shown_problems().len(), typed.problems.len());
    let checked = apply_all(state, [Action::Check]);
    assert_eq!(checked.shown_problems().len(), checked.problems.len());
    // A sheet opened to work on is checked at once.
    let opened = apply_all(
        blank(),
        [Action::Load(bundled_sheet().expect("the bundled story"))],
    );
    assert!(!opened.quiet);
}

#[test]
fn the_draft_says_in_words_what_is_left_before_publishing() {
    let s = UiLang::En.editor_strings();
    assert_eq!(s.draft_state(3, 0), "3 problems to fix before publishing");
    assert_eq!(
        s.draft_state(1, 2),
        "1 problem to fix before publishing (2 warnings)"
    );
    assert_eq!(s.draft_state(0, 1), "Ready to publish (1 warning)");
    assert_eq!(s.draft_state(0, 0), "Ready to publish");
    assert_eq!(
        UiLang::Ru.editor_strings().draft_state(5, 0),
        "5 проблем исправить до публикации"
    );
}

#[test]
fn each_problem_leads_to_the_step_of_its_field() {
    assert_eq!(Tab::of_path("title"), Tab::Story);
    assert_eq!(Tab::of_path("corrections[0].date"), Tab::Story);
    assert_eq!(Tab::of_path(""), Tab::Story);
    assert_eq!(Tab::of_path("sources[1].url"), Tab::Sources);
    assert_eq!(Tab::of_path("sources"), Tab::Sources);
    assert_eq!(Tab::of_path("categories[0].label"), Tab::Cards);
    assert_eq!(Tab::of_path("cards[2].facts[0].status"), Tab::Cards);
    let state = bundled().apply(Action::GoToProblem("sources[1].url".into()));
    assert_eq!(state.tab, Tab::Sources);
    let state = state.apply(Action::GoToProblem("summary".into()));
    assert_eq!(state.tab, Tab::Story);
}

#[test]
fn each_step_says_what_it_still_needs() {
    // A new sheet: nothing is judged until the editor writes or checks.
    let fresh =
        EditorState::new(blank_sheet("2026-12-07")).apply(Action::StartBlank(blank_sheet("2026-12-07")));
    for step in Tab::STEPS {
        assert_eq!(fresh.step_state(step), Some(StepState::Unchecked), "{step:?}");
    }
    assert_eq!(fresh.step_state(Tab::Json), None, "a tool is not a step");
    let checked = fresh.apply(Action::Check).apply(Action::Settle);
    let errors = checked.error_count();
    assert!(errors > 0, "a blank sheet has errors");
    let in_step = |step: Tab| {
        checked
            .problems
            .iter()
            .filter(|problem| problem.severity == Severity::Error && Tab::of_path(&problem.path) == step)
            .count()
    };
    for step in [Tab::Story, Tab::Sources, Tab::Cards] {
        let expected = match in_step(step) {
            0 => StepState::Done,
            n => StepState::Fix(n),
        };
        assert_eq!(checked.step_state(step), Some(expected), "{step:?}");
    }
    assert_eq!(checked.step_state(Tab::Check), Some(StepState::Fix(errors)));
    assert_eq!(checked.step_state(Tab::Publish), Some(StepState::Fix(errors)));

    // The bundled story has no error nor warning (its source links the
    // saved copy beside it): every step is done but publishing, which waits
    // for the story's address.
    let bundled_state = bundled();
    for step in [Tab::Story, Tab::Sources, Tab::Cards, Tab::Check] {
        assert_eq!(bundled_state.step_state(step), Some(StepState::Done), "{step:?}");
    }
    // Without its source's address, a warning on the source (its facts
    // cannot be checked) asks for a look, and does not hold publishing back,
    // which waits only for the story's address.
    let mut unlinked = (*bundled().sheet).clone();
    unlinked.sources[0].url = None;
    let ready = bundled().apply(Action::Load(unlinked));
    assert_eq!(ready.step_state(Tab::Sources), Some(StepState::Review(1)));
    assert_eq!(ready.step_state(Tab::Cards), Some(StepState::Done));
    assert_eq!(ready.step_state(Tab::Check), Some(StepState::Review(1)));
    assert_eq!(ready.step_state(Tab::Publish), Some(StepState::NeedsAddress));
    let addressed = ready.apply(Action::SetPublishedUrl("https://news.example/facts/".into()));
    assert_eq!(addressed.step_state(Tab::Publish), Some(StepState::Done));

    // A claim that names no claimant is a warning in its card's step, and
    // something to fix from Check on: publishing refuses it.
    let mut sheet = (*bundled().sheet).clone();
    sheet.cards[0].facts[0].status = Status::Claimed;
    sheet.cards[0].facts[0].attribution = None;
    let warned = bundled()
        .apply(Action::Load(sheet))
        .apply(Action::SetPublishedUrl("https://news.example/facts/".into()));
    assert_eq!(warned.step_state(Tab::Cards), Some(StepState::Review(1)));
    assert_eq!(warned.step_state(Tab::Check), Some(StepState::Fix(1)));
    assert_eq!(warned.step_state(Tab::Publish), Some(StepState::Fix(1)));
    assert_eq!(warned.error_count(), 0);
    assert_eq!(warned.to_fix_before_publishing(), 1);
}

#[test]
fn a_facts_excerpt_is_edited_per_cited_source_and_cleared_when_emptied() {
    let state = apply_all(
        built(),
        [Action::Edit(
            Field::FactExcerpt(0, 0, 0),
            "The inspection found damage to the bridge.".into(),
        )],
    );
    let cited = &state.sheet.cards[0].facts[0].sources[0];
    assert_eq!(cited.source, "council-statement");
    assert_eq!(
        cited.excerpt.as_deref(),
        Some("The inspection found damage to the bridge.")
    );
    assert_eq!(
        Field::FactExcerpt(0, 0, 0).path(),
        "cards[0].facts[0].sources[0].excerpt"
    );
    // Written to the sheet as the object form; emptied, as the bare id.
    assert!(sheet_json(&state.sheet).contains(
        "\"source\": \"council-statement\",\n              \"excerpt\": \"The inspection found damage to the bridge.\""
    ));
    let state = apply_all(state, [Action::Edit(Field::FactExcerpt(0, 0, 0), "  ".into())]);
    assert_eq!(state.sheet.cards[0].facts[0].sources[0].excerpt, None);
    // A citation that is not there is left alone.
    let state = apply_all(state, [Action::Edit(Field::FactExcerpt(0, 0, 5), "x".into())]);
    assert_eq!(state.sheet.cards[0].facts[0].sources.len(), 1);
}

#[test]
fn a_sources_saved_copy_checks_its_facts_excerpts_at_their_fields() {
    const ARTICLE: &str = include_str!("../data/sources/moscow-isis-k-article.txt");
    let copy = |text: &str| Action::SetSavedCopy {
        source: "article".into(),
        text: text.into(),
    };
    let excerpt_problems = |state: &EditorState| -> Vec<String> {
        state
            .problems
            .iter()
            .filter(|problem| problem.path.ends_with(".excerpt"))
            .map(|problem| format!("{}: {}", problem.path, problem.message))
            .collect()
    };
    // Every excerpt of the bundled story is in its article.
    let checked = bundled().apply(copy(ARTICLE));
    assert_eq!(checked.saved_copies.len(), 1);
    assert_eq!(excerpt_problems(&checked), Vec::<String>::new());
    assert_eq!(checked.error_count(), 0);
    // The copy is the editor's, not the sheet's: no undo step, no new revision.
    assert_eq!(checked.sheet, bundled().sheet);
    assert_eq!(checked.revision, bundled().revision);

    // A wrong excerpt is an error at its field, with the closest passage.
    let wrong = checked.apply(Action::Edit(
        Field::FactExcerpt(3, 0, 0),
        "ISIS-K was founded in 2015".into(),
    ));
    let wrong = wrong.apply(Action::Settle);
    assert_eq!(
        excerpt_problems(&wrong),
        [
            "cards[3].facts[0].sources[0].excerpt: the excerpt is not in the saved copy of \"article\": did you mean \"ISIS-K was formed in 2015\"?"
        ]
    );
    assert_eq!(wrong.error_count(), 1);
    // Taking the suggestion fixes it.
    let fixed = wrong
        .clone()
        .apply(Action::Edit(
            Field::FactExcerpt(3, 0, 0),
            "ISIS-K was formed in 2015".into(),
        ))
        .apply(Action::Settle);
    assert_eq!(excerpt_problems(&fixed), Vec::<String>::new());

    // Without the copy, nothing to check it against: the error goes, and
    // an emptied box forgets its copy.
    let forgotten = wrong.apply(copy("  "));
    assert!(forgotten.saved_copies.is_empty());
    assert_eq!(excerpt_problems(&forgotten), Vec::<String>::new());
    // A copy for a source whose facts give no excerpt is a warning on the
    // source, as the CLI's: nothing of it is checked.
    let mut sheet = (*bundled().sheet).clone();
    for fact in sheet.cards.iter_mut().flat_map(|card| &mut card.facts) {
        for cited in &mut fact.sources {
            cited.excerpt = None;
        }
    }
    let bare = bundled().apply(Action::Load(sheet)).apply(copy(ARTICLE));
    let warnings: Vec<String> = bare
        .problems
        .iter()
        .filter(|problem| problem.severity == Severity::Warning)
        .map(|problem| format!("{}: {}", problem.path, problem.message))
        .collect();
    assert_eq!(
        warnings,
        [
            "sources[0]: a saved copy of \"article\" was given, but no fact that cites it gives an excerpt to check"
        ]
    );
}
