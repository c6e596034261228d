//! The editor's state and its one pure transition.
//!
//! Everything the editor knows (the sheet being edited, its history for undo,
//! the problems `model::check` found, what the preview shows, the open tab)
//! is in [`EditorState`], and every change goes through [`EditorState::apply`]
//! with one [`Action`]. No I/O happens here: the app's effects save, read
//! files and focus fields (`glue.rs`), and native tests drive `apply`
//! (tests/editor_state.rs).

use std::rc::Rc;

use super::publish::Address;
use super::published::{Published, PublishedError};
use crate::model::excerpts::{SavedCopy, check_excerpts};
use crate::model::spreadsheet::{self, ImportProblem};
use crate::model::{
    self, Card, Category, Citation, Correction, Fact, FormatVersion, Problem, Severity, Sheet, Source, Status,
};

/// How many edits undo can go back.
pub const HISTORY_LIMIT: usize = 200;

/// The editor's tabs: the five steps from a story to its embed code, the
/// preview (a step of its own on a phone, where it cannot sit beside the
/// form), and the tools that open and export the sheet as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Open a sheet: new, bundled, file, paste, URL.
    #[default]
    Open,
    /// The story's own fields: title, summary, language, dates, credit,
    /// corrections.
    Story,
    /// The sources the facts cite.
    Sources,
    /// The categories, the cards and their facts.
    Cards,
    /// Every problem left, each a link to its field.
    Check,
    /// Download, embed codes and fallback HTML.
    Publish,
    /// The preview alone, for a narrow screen.
    Preview,
    /// The sheet as JSON text, edited both ways.
    Json,
    /// Spreadsheet import and export.
    Spreadsheet,
}

impl Tab {
    /// The steps, in the order an editor takes them.
    pub const STEPS: [Tab; 5] = [Tab::Story, Tab::Sources, Tab::Cards, Tab::Check, Tab::Publish];
    /// The tools for the sheet as a whole.
    pub const TOOLS: [Tab; 3] = [Tab::Open, Tab::Spreadsheet, Tab::Json];

    /// The tab's id in the page (`tab-story`), for its button and panel.
    pub fn key(self) -> &'static str {
        match self {
            Tab::Open => "open",
            Tab::Story => "story",
            Tab::Sources => "sources",
            Tab::Cards => "cards",
            Tab::Check => "check",
            Tab::Publish => "publish",
            Tab::Preview => "preview",
            Tab::Json => "json",
            Tab::Spreadsheet => "spreadsheet",
        }
    }

    /// The form step where the field at the problem path `path` is:
    /// sources in Sources, categories and cards in Cards, the rest (the
    /// story's fields and its corrections) in Story.
    pub fn of_path(path: &str) -> Tab {
        let head = path.split(['.', '[']).next().unwrap_or_default();
        match head {
            "sources" => Tab::Sources,
            "cards" | "categories" => Tab::Cards,
            _ => Tab::Story,
        }
    }
}

/// What a step still needs, as its button and its heading say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    /// A new sheet that nothing has checked yet.
    Unchecked,
    /// Errors to fix (and maybe warnings too).
    Fix(usize),
    /// Only warnings: advice to read, nothing that blocks publishing.
    Review(usize),
    /// Nothing left.
    Done,
    /// Publish: the sheet is ready, but the story has no address yet, so
    /// only the codes that need none are shown.
    NeedsAddress,
}

/// The preview's width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Width {
    Phone,
    #[default]
    Desktop,
}

/// One text field of the sheet, by where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    SheetId,
    Title,
    Summary,
    Lang,
    Updated,
    Credit,
    Refresh,
    SourceId(usize),
    SourceTitle(usize),
    SourcePublisher(usize),
    SourceLabel(usize),
    SourceUrl(usize),
    SourcePublished(usize),
    CategoryId(usize),
    CategoryLabel(usize),
    CategoryDescription(usize),
    CardId(usize),
    CardTitle(usize),
    CardCategory(usize),
    FactText(usize, usize),
    FactAttribution(usize, usize),
    FactQuote(usize, usize),
    FactId(usize, usize),
    /// The excerpt of the fact's citation at the last index.
    FactExcerpt(usize, usize, usize),
    CorrectionDate(usize),
    CorrectionText(usize),
    CorrectionCard(usize),
}

impl Field {
    /// The JSON path of the field, as `model::check` names it.
    pub fn path(self) -> String {
        match self {
            Field::SheetId => "id".into(),
            Field::Title => "title".into(),
            Field::Summary => "summary".into(),
            Field::Lang => "lang".into(),
            Field::Updated => "updated".into(),
            Field::Credit => "credit".into(),
            Field::Refresh => "refresh".into(),
            Field::SourceId(i) => format!("sources[{i}].id"),
            Field::SourceTitle(i) => format!("sources[{i}].title"),
            Field::SourcePublisher(i) => format!("sources[{i}].publisher"),
            Field::SourceLabel(i) => format!("sources[{i}].label"),
            Field::SourceUrl(i) => format!("sources[{i}].url"),
            Field::SourcePublished(i) => format!("sources[{i}].published"),
            Field::CategoryId(i) => format!("categories[{i}].id"),
            Field::CategoryLabel(i) => format!("categories[{i}].label"),
            Field::CategoryDescription(i) => format!("categories[{i}].description"),
            Field::CardId(i) => format!("cards[{i}].id"),
            Field::CardTitle(i) => format!("cards[{i}].title"),
            Field::CardCategory(i) => format!("cards[{i}].category"),
            Field::FactText(c, f) => format!("cards[{c}].facts[{f}].text"),
            Field::FactAttribution(c, f) => format!("cards[{c}].facts[{f}].attribution"),
            Field::FactQuote(c, f) => format!("cards[{c}].facts[{f}].quote"),
            Field::FactId(c, f) => format!("cards[{c}].facts[{f}].id"),
            Field::FactExcerpt(c, f, i) => format!("cards[{c}].facts[{f}].sources[{i}].excerpt"),
            Field::CorrectionDate(i) => format!("corrections[{i}].date"),
            Field::CorrectionText(i) => format!("corrections[{i}].text"),
            Field::CorrectionCard(i) => format!("corrections[{i}].card"),
        }
    }

    /// The id of the field's element in the page.
    pub fn dom_id(self) -> String {
        field_id(&self.path())
    }
}

/// The element id for a JSON path: `cards[2].facts[0].text` ->
/// `f-cards-2-facts-0-text`.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("f");
    for part in path.split(['.', '[', ']']).filter(|part| !part.is_empty()) {
        id.push('-');
        id.push_str(part);
    }
    if id == "f" { "f-sheet".into() } else { id }
}

/// The element ids to try, most precise first, for focusing the field of a
/// problem at `path`: the path itself, then each shorter path
/// (`cards[2].facts[0].sources[1]` -> its sources, its fact, its card...).
pub fn focus_candidates(path: &str) -> Vec<String> {
    let mut candidates = vec![field_id(path)];
    let mut rest = path;
    while let Some(cut) = rest.rfind(['.', '[']) {
        rest = &rest[..cut];
        if !rest.is_empty() {
            candidates.push(field_id(rest));
        }
    }
    candidates.push(field_id(""));
    candidates.dedup();
    candidates
}

/// The card a JSON path is inside (`cards[3]...` -> 3).
pub fn card_of_path(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("cards[")?;
    rest[..rest.find(']')?].parse().ok()
}

/// A list of the sheet that can be added to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Sources,
    Categories,
    Cards,
    /// The facts of one card.
    Facts(usize),
    Corrections,
}

/// One item of a list, to remove or move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Source(usize),
    Category(usize),
    Card(usize),
    Fact(usize, usize),
    Correction(usize),
}

/// Which way to move an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// A draft found in storage when the editor started.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub sheet: Rc<Sheet>,
    pub published_url: String,
    /// When it was saved, as the browser wrote it (shown to the user).
    pub saved_at: String,
}

/// A request to focus an element, numbered so that asking twice for the
/// same field focuses it twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FocusRequest {
    pub seq: u64,
    /// Element ids, the first present wins.
    pub ids: Vec<String>,
    /// For the spreadsheet text: the line to select.
    pub line: Option<usize>,
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// The sheet was loaded, with these counts.
    Imported {
        sources: usize,
        cards: usize,
        facts: usize,
    },
    /// Nothing changed: the spreadsheet has `errors` errors.
    Refused { errors: usize },
}

/// Something the user asks of the editor.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Replace the sheet (bundled, file, URL, restore): undoable.
    Load(Sheet),
    /// Start a new empty sheet: undoable, its problems shown only once the
    /// editor types into it or asks for a check.
    StartBlank(Sheet),
    /// Show every problem now.
    Check,
    /// Load JSON text (a file, a paste, a URL): the sheet if it decodes,
    /// otherwise its problems are shown on the JSON tab.
    LoadJson(String),
    /// Import spreadsheet text (CSV or TSV) and load the sheet it gives.
    ImportSpreadsheet(String),
    /// Import a spreadsheet file's bytes, decoded as `factcards import`
    /// decodes them (UTF-8 or UTF-16, and a clear refusal of anything else).
    ImportSpreadsheetFile(Vec<u8>),
    /// The spreadsheet tab's text changed.
    SetSpreadsheetText(String),
    /// Set one text field.
    Edit(Field, String),
    /// Set a fact's status.
    SetStatus(usize, usize, Status),
    /// Cite or stop citing a source in a fact.
    ToggleFactSource(usize, usize, String),
    /// Add a place to a card's map.
    AddRegion(usize, String),
    /// Remove a card's place by its index.
    RemoveRegion(usize, usize),
    /// Add an empty item at the end of a list.
    Add(List),
    /// Remove an item.
    Remove(Item),
    /// Move an item one place.
    Move(Item, Direction),
    /// The JSON tab's text changed.
    EditJson(String),
    Undo,
    Redo,
    /// Check the sheet and update the preview (after typing pauses).
    Settle,
    SetTab(Tab),
    /// Go on to the step `Tab` from the end of the one before: the tab, and
    /// the focus at the top of the new step, where a keyboard goes on.
    NextStep(Tab),
    /// Open one card's form.
    SelectCard(Option<usize>),
    /// Go to the field of a problem at this JSON path.
    GoToProblem(String),
    /// Go to the spreadsheet row of an import problem.
    GoToRow(usize),
    SetWidth(Width),
    SetDark(bool),
    /// Shows the preview in the compact layout (a sidebar box) or the full one.
    SetCompact(bool),
    /// The published address changed (as it is typed).
    SetPublishedUrl(String),
    /// Fetch the published version at the published address, to compare the
    /// draft with it: the address was entered, the Publish tab opened, or
    /// "Check again".
    CheckPublished,
    /// The glue's answer to check number `.0`: the body, or why there is
    /// none. An answer to an earlier check is ignored.
    PublishedAnswered(u64, Result<String, PublishedError>),
    /// A draft was found in storage at start.
    OfferDraft(Draft),
    RestoreDraft,
    DiscardDraft,
    /// Another tab saved over our draft: stop autosaving.
    OtherTabSaved,
    /// Save here again, over the other tab's draft.
    TakeOver,
    /// A message for the status line (a file could not be read...).
    Notify(String),
    /// The saved copy of a source (by id) was pasted or typed: its citing
    /// facts' excerpts are checked against it at once. Empty forgets it.
    SetSavedCopy {
        source: String,
        text: String,
    },
}

/// The whole editor, as one value.
#[derive(Debug, Clone, PartialEq)]
pub struct EditorState {
    /// The sheet being edited.
    pub sheet: Rc<Sheet>,
    /// Earlier sheets, newest last, and the field the last edit typed into
    /// (typing on in the same field is one undo step).
    pub past: Vec<Rc<Sheet>>,
    pub future: Vec<Rc<Sheet>>,
    pub last_field: Option<Field>,
    /// Counts every change of the sheet (autosave and the preview follow it).
    pub revision: u64,
    /// The revision `problems` and `preview` were made from.
    pub settled: u64,
    /// Every problem `model::check` finds in the sheet.
    pub problems: Rc<[Problem]>,
    /// The sheet as the preview shows it: the latest one with no error.
    pub preview: Option<Rc<Sheet>>,
    pub tab: Tab,
    pub selected_card: Option<usize>,
    /// The JSON tab's text, and its problems while it does not decode.
    pub json_text: String,
    pub json_problems: Rc<[Problem]>,
    pub spreadsheet_text: String,
    pub import_problems: Rc<[ImportProblem]>,
    /// What the last import did, for the line beside it.
    pub import_outcome: Option<ImportOutcome>,
    /// Whether this is a new sheet nobody has typed into or checked yet:
    /// its problems wait (`shown_problems`).
    pub quiet: bool,
    pub width: Width,
    pub dark: bool,
    pub compact: bool,
    pub published_url: String,
    /// The version at `published_url` and how the draft compares with it.
    pub published: Published,
    /// How many checks of the published version were asked for: each
    /// check's number, so that a late answer to an earlier one is ignored.
    pub checks: u64,
    pub draft: Option<Draft>,
    /// Another tab saved the draft after us: autosave is paused.
    pub conflict: bool,
    pub focus: Option<FocusRequest>,
    pub notice: Option<String>,
    /// The saved copy of each source the editor pasted one for, as (source
    /// id, the text or HTML pasted), in the order given: the excerpts of the
    /// facts citing it are checked against it, as `factcards check
    /// --source` does. The editor's own, never in the sheet.
    pub saved_copies: Rc<[(String, String)]>,
}

impl Default for EditorState {
    fn default() -> Self {
        EditorState::new(blank_sheet("2026-01-01"))
    }
}

/// A sheet with nothing in it yet, updated on `today`.
pub fn blank_sheet(today: &str) -> Sheet {
    Sheet {
        factcards: FormatVersion(1),
        id: String::new(),
        title: String::new(),
        summary: String::new(),
        lang: "en".into(),
        updated: today.into(),
        sources: Vec::new(),
        categories: Vec::new(),
        cards: Vec::new(),
        corrections: Vec::new(),
        credit: None,
        refresh: None,
    }
}

/// The example sheet of the spreadsheet template.
pub fn template_sheet() -> Option<Sheet> {
    spreadsheet::import_text(spreadsheet::TEMPLATE_CSV).sheet
}

/// The bundled story.
pub fn bundled_sheet() -> Option<Sheet> {
    model::check(crate::BUNDLED_SHEET).sheet
}

/// The sheet as JSON text, two-space indented, as the download and the JSON
/// tab show it.
pub fn sheet_json(sheet: &Sheet) -> String {
    let mut text = serde_json::to_string_pretty(sheet).unwrap_or_default();
    text.push('\n');
    text
}

impl EditorState {
    /// The editor showing `sheet`, checked.
    pub fn new(sheet: Sheet) -> Self {
        let mut state = EditorState {
            sheet: Rc::new(sheet),
            past: Vec::new(),
            future: Vec::new(),
            last_field: None,
            revision: 0,
            settled: u64::MAX,
            problems: Rc::from([]),
            preview: None,
            tab: Tab::Open,
            selected_card: None,
            json_text: String::new(),
            json_problems: Rc::from([]),
            spreadsheet_text: String::new(),
            import_problems: Rc::from([]),
            import_outcome: None,
            width: Width::Desktop,
            dark: false,
            compact: false,
            published_url: String::new(),
            published: Published::NotFetched,
            checks: 0,
            draft: None,
            conflict: false,
            focus: None,
            notice: None,
            quiet: true,
            saved_copies: Rc::from([]),
        };
        state.settle();
        state
    }

    /// The problems to show: none on a new sheet until the editor has
    /// typed into it or asked for a check (six errors for an empty form
    /// tell an editor nothing), all of them otherwise.
    pub fn shown_problems(&self) -> Rc<[Problem]> {
        if self.quiet {
            Rc::from([])
        } else {
            Rc::clone(&self.problems)
        }
    }

    /// How many errors the sheet has (as of the last check).
    pub fn error_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    /// How many problems must be fixed before publishing: the errors, and
    /// the warnings publishing refuses (a claim that names no claimant).
    pub fn to_fix_before_publishing(&self) -> usize {
        self.problems.iter().filter(|p| p.blocks_publishing()).count()
    }

    /// What the step `tab` still needs: its problems counted (errors first),
    /// every problem for Check, and for Publish whether the draft is ready
    /// and has its address. `None` for a tab that is not a step.
    pub fn step_state(&self, tab: Tab) -> Option<StepState> {
        if !Tab::STEPS.contains(&tab) {
            return None;
        }
        if self.quiet {
            return Some(StepState::Unchecked);
        }
        // While writing (the form steps), a warning that publishing refuses
        // is still a warning; from Check on, it is something to fix.
        let publishing = matches!(tab, Tab::Check | Tab::Publish);
        let mine = |problem: &&Problem| publishing || Tab::of_path(&problem.path) == tab;
        let to_fix = |problem: &Problem| {
            if publishing {
                problem.blocks_publishing()
            } else {
                problem.severity == Severity::Error
            }
        };
        let (errors, warnings) =
            self.problems
                .iter()
                .filter(mine)
                .fold((0, 0), |(errors, warnings), problem| {
                    if to_fix(problem) {
                        (errors + 1, warnings)
                    } else {
                        (errors, warnings + 1)
                    }
                });
        Some(match tab {
            _ if errors > 0 => StepState::Fix(errors),
            Tab::Publish if self.published_url.is_empty() => StepState::NeedsAddress,
            Tab::Publish => StepState::Done,
            _ if warnings > 0 => StepState::Review(warnings),
            _ => StepState::Done,
        })
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// The state after `action`.
    pub fn apply(mut self, action: Action) -> Self {
        self.notice = None;
        match action {
            Action::Load(sheet) => self.load(sheet),
            Action::StartBlank(sheet) => {
                self.load(sheet);
                self.quiet = true;
            }
            Action::Check => self.quiet = false,
            Action::LoadJson(text) => {
                let report = model::check(&text);
                // A sheet with rule errors (an unknown id, an empty title)
                // opens in the forms to be fixed there, as long as decoding
                // it lost nothing: the same errors are found in it again.
                let errors = report.errors().count();
                let lenient = || {
                    model::decode_lenient(&text)
                        .filter(|sheet| model::check(&sheet_json(sheet)).errors().count() == errors)
                };
                match report.sheet.clone().or_else(lenient) {
                    Some(sheet) => self.load(sheet),
                    None => {
                        // Otherwise the JSON tab shows why.
                        self.json_text = text;
                        self.json_problems = report.problems.into();
                        self.tab = Tab::Json;
                    }
                }
            }
            Action::ImportSpreadsheet(text) => {
                let import = spreadsheet::import_text(&text);
                self.imported(import, Some(text));
            }
            Action::ImportSpreadsheetFile(bytes) => {
                // Text in another encoding (Excel's plain "CSV" is
                // Windows-1252) is refused with its reason, never shown as
                // mojibake.
                let text = spreadsheet::decode_text(&bytes).ok();
                self.imported(spreadsheet::import(&bytes), text);
                // A file that opened is a sheet to work on in the forms.
                if matches!(self.import_outcome, Some(ImportOutcome::Imported { .. })) {
                    self.tab = Tab::Story;
                }
            }
            Action::SetSpreadsheetText(text) => self.spreadsheet_text = text,
            Action::Edit(field, value) => self.edit_field(field, value),
            Action::SetStatus(card, fact, status) => self.edit(None, |sheet| {
                if let Some(fact) = fact_mut(sheet, card, fact) {
                    fact.status = status;
                }
            }),
            Action::ToggleFactSource(card, fact, id) => self.edit(None, |sheet| {
                if let Some(fact) = fact_mut(sheet, card, fact) {
                    match fact.sources.iter().position(|source| *source == id) {
                        Some(at) => {
                            fact.sources.remove(at);
                        }
                        None => fact.sources.push(Citation::new(id)),
                    }
                }
            }),
            Action::AddRegion(card, entry) => {
                let entry = entry.trim().to_owned();
                if entry.is_empty() {
                    return self;
                }
                self.edit(None, |sheet| {
                    if let Some(card) = sheet.cards.get_mut(card)
                        && !card.regions.contains(&entry)
                    {
                        card.regions.push(entry);
                    }
                });
            }
            Action::RemoveRegion(card, at) => self.edit(None, |sheet| {
                if let Some(card) = sheet.cards.get_mut(card)
                    && at < card.regions.len()
                {
                    card.regions.remove(at);
                }
            }),
            Action::Add(list) => self.add(list),
            Action::Remove(item) => self.remove(item),
            Action::Move(item, direction) => self.move_item(item, direction),
            Action::EditJson(text) => {
                let report = model::check(&text);
                self.json_problems = report.problems.clone().into();
                self.json_text = text;
                if let Some(sheet) = report.sheet {
                    let json = self.json_text.clone();
                    self.edit(None, |current| *current = sheet);
                    self.json_text = json;
                }
            }
            Action::Undo => {
                if let Some(previous) = self.past.pop() {
                    let current = std::mem::replace(&mut self.sheet, previous);
                    self.future.push(current);
                    self.changed();
                }
            }
            Action::Redo => {
                if let Some(next) = self.future.pop() {
                    let current = std::mem::replace(&mut self.sheet, next);
                    self.past.push(current);
                    self.changed();
                }
            }
            Action::Settle => {
                // A pause in typing ends an undo step.
                self.last_field = None;
                self.settle();
            }
            Action::SetTab(tab) => {
                if tab == Tab::Json {
                    self.json_text = sheet_json(&self.sheet);
                    self.json_problems = Rc::from([]);
                }
                if tab == Tab::Spreadsheet && self.spreadsheet_text.is_empty() {
                    self.spreadsheet_text = spreadsheet::export(&self.sheet).unwrap_or_default();
                }
                if tab == Tab::Publish {
                    self.settle();
                    if self.published == Published::NotFetched {
                        self.check_published();
                    }
                }
                self.tab = tab;
            }
            Action::NextStep(tab) => {
                self = self.apply(Action::SetTab(tab));
                self.request_focus(vec!["work".into()], None);
            }
            Action::SelectCard(card) => self.selected_card = card.filter(|&c| c < self.sheet.cards.len()),
            Action::GoToProblem(path) => {
                if self.tab == Tab::Json {
                    self.request_focus(vec!["json-text".into()], None);
                    return self;
                }
                self.tab = Tab::of_path(&path);
                if let Some(card) = card_of_path(&path) {
                    self.selected_card = Some(card);
                }
                self.request_focus(focus_candidates(&path), None);
            }
            Action::GoToRow(row) => {
                self.tab = Tab::Spreadsheet;
                self.request_focus(vec!["spreadsheet-text".into()], Some(row));
            }
            Action::SetWidth(width) => self.width = width,
            Action::SetDark(dark) => self.dark = dark,
            Action::SetCompact(compact) => self.compact = compact,
            Action::SetPublishedUrl(url) => {
                self.published_url = url.trim().to_owned();
                // A comparison with another address would mislead.
                if self.published.url() != Some(self.published_sheet_url().as_str()) {
                    self.published = Published::NotFetched;
                }
            }
            Action::CheckPublished => self.check_published(),
            Action::PublishedAnswered(check, body) => {
                self.published = std::mem::take(&mut self.published).answered(check, body, &self.sheet);
            }
            Action::OfferDraft(draft) => self.draft = Some(draft),
            Action::RestoreDraft => {
                if let Some(draft) = self.draft.take() {
                    self.published_url = draft.published_url;
                    self.published = Published::NotFetched;
                    self.load(Rc::unwrap_or_clone(draft.sheet));
                }
            }
            Action::DiscardDraft => self.draft = None,
            Action::OtherTabSaved => self.conflict = true,
            Action::TakeOver => {
                self.conflict = false;
                self.revision += 1;
            }
            Action::Notify(message) => self.notice = Some(message),
            Action::SetSavedCopy { source, text } => {
                let mut copies: Vec<(String, String)> = self
                    .saved_copies
                    .iter()
                    .filter(|(id, _)| *id != source)
                    .cloned()
                    .collect();
                if !text.trim().is_empty() {
                    copies.push((source, text));
                }
                self.saved_copies = copies.into();
                // The sheet is the same: only its check is out of date.
                self.settled = u64::MAX;
                self.settle();
            }
        }
        self
    }

    /// Whether the autosave should write now: not while a found draft waits
    /// for an answer, nor after another tab took over.
    pub fn may_autosave(&self) -> bool {
        self.draft.is_none() && !self.conflict && self.revision > 0
    }

    /// Takes what an import gave: the sheet, loaded, if it has no errors;
    /// otherwise nothing changes but the spreadsheet tab, which shows the
    /// problems (and `text`, when the file was text). Either way one line
    /// says what happened.
    fn imported(&mut self, import: spreadsheet::Import, text: Option<String>) {
        self.import_outcome = Some(match &import.sheet {
            Some(sheet) => ImportOutcome::Imported {
                sources: sheet.sources.len(),
                cards: sheet.cards.len(),
                facts: sheet.cards.iter().map(|card| card.facts.len()).sum(),
            },
            None => ImportOutcome::Refused {
                errors: import.errors().count(),
            },
        });
        self.import_problems = import.problems.into();
        match import.sheet {
            Some(sheet) => self.load(sheet),
            None => {
                if let Some(text) = text {
                    self.spreadsheet_text = text;
                }
            }
        }
        self.tab = Tab::Spreadsheet;
    }

    fn load(&mut self, sheet: Sheet) {
        self.edit(None, |current| *current = sheet);
        self.last_field = None;
        self.selected_card = (!self.sheet.cards.is_empty()).then_some(0);
        self.spreadsheet_text.clear();
        self.json_problems = Rc::from([]);
        self.tab = Tab::Story;
        self.settle();
    }

    /// Runs `change` on the sheet as one undoable edit; typing on in the
    /// same `field` extends the last step instead of adding one.
    fn edit(&mut self, field: Option<Field>, change: impl FnOnce(&mut Sheet)) {
        let mut sheet = (*self.sheet).clone();
        change(&mut sheet);
        if sheet == *self.sheet {
            return;
        }
        self.quiet = false;
        let coalesce = field.is_some() && field == self.last_field;
        if !coalesce {
            self.past.push(Rc::clone(&self.sheet));
            if self.past.len() > HISTORY_LIMIT {
                self.past.remove(0);
            }
        }
        self.future.clear();
        self.last_field = field;
        self.sheet = Rc::new(sheet);
        self.changed();
    }

    fn changed(&mut self) {
        self.revision += 1;
        if self
            .selected_card
            .is_some_and(|card| card >= self.sheet.cards.len())
        {
            self.selected_card = self.sheet.cards.len().checked_sub(1);
        }
    }

    /// Checks the sheet as JSON text and moves the preview to it if it has
    /// no error.
    fn settle(&mut self) {
        if self.settled == self.revision {
            return;
        }
        let json = sheet_json(&self.sheet);
        let mut report = model::check(&json);
        // An excerpt not in its source's saved copy is an error at the
        // excerpt, as the CLI reports it. A copy kept for a source since
        // renamed or removed has no place in the sheet: its problem (no path)
        // is left out; the copy waits for the source's id to come back.
        let copies: Vec<SavedCopy> = self
            .saved_copies
            .iter()
            .map(|(source, text)| SavedCopy::new(source.as_str(), text))
            .collect();
        if let Some(sheet) = report.sheet.as_ref().filter(|_| !copies.is_empty()) {
            let root = model::json::parse(&json).ok();
            let found = check_excerpts(sheet, &copies, root.as_ref());
            report
                .problems
                .extend(found.into_iter().filter(|problem| !problem.path.is_empty()));
            report
                .problems
                .sort_by_key(|problem| problem.pos.map(|pos| (pos.line, pos.column)));
        }
        self.problems = report.problems.into();
        if report.sheet.is_some() {
            self.preview = Some(Rc::clone(&self.sheet));
        }
        self.published = std::mem::take(&mut self.published).redrafted(&self.sheet);
        self.settled = self.revision;
    }

    /// Asks for the published version, if there is an address to ask.
    fn check_published(&mut self) {
        if self.published_url.is_empty() {
            self.published = Published::NotFetched;
            return;
        }
        self.checks += 1;
        self.published = Published::ask(&self.published_sheet_url(), self.checks);
    }

    /// Where the published sheet is: `sheet.json` in a story folder's
    /// address, or the address itself.
    pub fn published_sheet_url(&self) -> String {
        Address::parse(&self.published_url)
            .map_or_else(|| self.published_url.clone(), |address| address.sheet_url())
    }

    fn request_focus(&mut self, ids: Vec<String>, line: Option<usize>) {
        let seq = self.focus.as_ref().map_or(0, |focus| focus.seq + 1);
        self.focus = Some(FocusRequest { seq, ids, line });
    }

    fn edit_field(&mut self, field: Field, value: String) {
        self.edit(Some(field), |sheet| set_field(sheet, field, value));
    }

    fn add(&mut self, list: List) {
        let mut focus = None;
        self.edit(None, |sheet| match list {
            List::Sources => {
                sheet.sources.push(Source {
                    id: String::new(),
                    title: String::new(),
                    label: None,
                    publisher: None,
                    url: None,
                    published: None,
                });
                focus = Some(Field::SourceTitle(sheet.sources.len() - 1));
            }
            List::Categories => {
                sheet.categories.push(Category {
                    id: String::new(),
                    label: String::new(),
                    description: None,
                });
                focus = Some(Field::CategoryLabel(sheet.categories.len() - 1));
            }
            List::Cards => {
                let category = sheet.categories.first().map(|c| c.id.clone()).unwrap_or_default();
                // A new fact cites nothing until the editor ticks its source:
                // a source chosen for them would attribute the fact silently,
                // and "a fact must cite at least one source" asks instead.
                sheet.cards.push(Card {
                    id: String::new(),
                    category,
                    title: String::new(),
                    facts: vec![empty_fact()],
                    regions: Vec::new(),
                    points: Vec::new(),
                });
                focus = Some(Field::CardTitle(sheet.cards.len() - 1));
            }
            List::Facts(card) => {
                if let Some(card_ref) = sheet.cards.get_mut(card) {
                    card_ref.facts.push(empty_fact());
                    focus = Some(Field::FactText(card, card_ref.facts.len() - 1));
                }
            }
            List::Corrections => {
                let date = sheet.updated.chars().take(10).collect();
                sheet.corrections.push(Correction {
                    date,
                    text: String::new(),
                    card: None,
                });
                focus = Some(Field::CorrectionText(sheet.corrections.len() - 1));
            }
        });
        if let Some(field) = focus {
            if let Field::CardTitle(card) | Field::FactText(card, _) = field {
                self.selected_card = Some(card);
            }
            self.request_focus(vec![field.dom_id()], None);
        }
    }

    fn remove(&mut self, item: Item) {
        self.edit(None, |sheet| match item {
            Item::Source(i) => remove_at(&mut sheet.sources, i),
            Item::Category(i) => remove_at(&mut sheet.categories, i),
            Item::Card(i) => remove_at(&mut sheet.cards, i),
            Item::Fact(c, f) => {
                if let Some(card) = sheet.cards.get_mut(c) {
                    remove_at(&mut card.facts, f);
                }
            }
            Item::Correction(i) => remove_at(&mut sheet.corrections, i),
        });
    }

    fn move_item(&mut self, item: Item, direction: Direction) {
        let mut moved_to = None;
        self.edit(None, |sheet| {
            moved_to = match item {
                Item::Source(i) => swap(&mut sheet.sources, i, direction),
                Item::Category(i) => swap(&mut sheet.categories, i, direction),
                Item::Card(i) => swap(&mut sheet.cards, i, direction),
                Item::Fact(c, f) => sheet
                    .cards
                    .get_mut(c)
                    .and_then(|card| swap(&mut card.facts, f, direction)),
                Item::Correction(i) => swap(&mut sheet.corrections, i, direction),
            };
        });
        // Keyboard users keep their place: the focus follows the item's
        // button in its new position.
        if let Some(to) = moved_to {
            let (key, to) = match item {
                Item::Source(_) => ("sources".to_owned(), to),
                Item::Category(_) => ("categories".to_owned(), to),
                Item::Card(_) => {
                    if self.selected_card.is_some() {
                        self.selected_card = Some(to);
                    }
                    ("cards".to_owned(), to)
                }
                Item::Fact(c, _) => (format!("cards-{c}-facts"), to),
                Item::Correction(_) => ("corrections".to_owned(), to),
            };
            let button = match direction {
                Direction::Up => "up",
                Direction::Down => "down",
            };
            self.request_focus(
                vec![
                    format!("f-{key}-{to}-{button}"),
                    format!("f-{key}-{to}-up"),
                    format!("f-{key}-{to}-down"),
                ],
                None,
            );
        }
    }
}

fn empty_fact() -> Fact {
    Fact {
        id: None,
        text: String::new(),
        status: Status::Confirmed,
        sources: Vec::new(),
        attribution: None,
        quote: None,
    }
}

fn fact_mut(sheet: &mut Sheet, card: usize, fact: usize) -> Option<&mut Fact> {
    sheet.cards.get_mut(card)?.facts.get_mut(fact)
}

fn remove_at<T>(list: &mut Vec<T>, at: usize) {
    if at < list.len() {
        list.remove(at);
    }
}

/// Swaps an item with its neighbour; where it went, if it moved.
fn swap<T>(list: &mut [T], at: usize, direction: Direction) -> Option<usize> {
    let to = match direction {
        Direction::Up => at.checked_sub(1)?,
        Direction::Down => at + 1,
    };
    if to >= list.len() || at >= list.len() {
        return None;
    }
    list.swap(at, to);
    Some(to)
}

/// Blank text is an absent optional field.
fn optional(value: String) -> Option<String> {
    (!value.trim().is_empty()).then_some(value)
}

/// The id to follow a title with: the title's slug, while the id is empty
/// or still the slug of the old title (the user has not chosen another).
fn follow_title(id: &str, old_title: &str, new_title: &str) -> Option<String> {
    let old_slug = spreadsheet::slug(old_title).unwrap_or_default();
    (id.is_empty() || id == old_slug).then(|| spreadsheet::slug(new_title).unwrap_or_default())
}

/// Sets one field. Ids follow their titles until edited, and a renamed id
/// is renamed where the sheet refers to it.
fn set_field(sheet: &mut Sheet, field: Field, value: String) {
    match field {
        Field::SheetId => sheet.id = value,
        Field::Title => {
            if let Some(id) = follow_title(&sheet.id, &sheet.title, &value) {
                sheet.id = id;
            }
            sheet.title = value;
        }
        Field::Summary => sheet.summary = value,
        Field::Lang => sheet.lang = value,
        Field::Updated => sheet.updated = value,
        Field::Credit => sheet.credit = optional(value),
        // A refresh that is not a whole number cannot be kept in the sheet:
        // the field shows the last one that was.
        Field::Refresh => {
            let value = value.trim();
            if value.is_empty() {
                sheet.refresh = None;
            } else if let Ok(seconds) = value.parse() {
                sheet.refresh = Some(seconds);
            }
        }
        Field::SourceId(i) => rename_source(sheet, i, value),
        Field::SourceTitle(i) => {
            let Some(source) = sheet.sources.get(i) else {
                return;
            };
            if let Some(id) = follow_title(&source.id, &source.title, &value) {
                rename_source(sheet, i, id);
            }
            sheet.sources[i].title = value;
        }
        Field::SourcePublisher(i) => {
            if let Some(source) = sheet.sources.get_mut(i) {
                source.publisher = optional(value);
            }
        }
        Field::SourceLabel(i) => {
            if let Some(source) = sheet.sources.get_mut(i) {
                source.label = optional(value);
            }
        }
        Field::SourceUrl(i) => {
            if let Some(source) = sheet.sources.get_mut(i) {
                source.url = optional(value);
            }
        }
        Field::SourcePublished(i) => {
            if let Some(source) = sheet.sources.get_mut(i) {
                source.published = optional(value);
            }
        }
        Field::CategoryId(i) => rename_category(sheet, i, value),
        Field::CategoryLabel(i) => {
            let Some(category) = sheet.categories.get(i) else {
                return;
            };
            if let Some(id) = follow_title(&category.id, &category.label, &value) {
                rename_category(sheet, i, id);
            }
            sheet.categories[i].label = value;
        }
        Field::CategoryDescription(i) => {
            if let Some(category) = sheet.categories.get_mut(i) {
                category.description = optional(value);
            }
        }
        Field::CardId(i) => rename_card(sheet, i, value),
        Field::CardTitle(i) => {
            let Some(card) = sheet.cards.get(i) else { return };
            if let Some(id) = follow_title(&card.id, &card.title, &value) {
                rename_card(sheet, i, id);
            }
            sheet.cards[i].title = value;
        }
        Field::CardCategory(i) => {
            if let Some(card) = sheet.cards.get_mut(i) {
                card.category = value;
            }
        }
        Field::FactText(c, f) => {
            if let Some(fact) = fact_mut(sheet, c, f) {
                fact.text = value;
            }
        }
        Field::FactAttribution(c, f) => {
            if let Some(fact) = fact_mut(sheet, c, f) {
                fact.attribution = optional(value);
            }
        }
        Field::FactQuote(c, f) => {
            if let Some(fact) = fact_mut(sheet, c, f) {
                fact.quote = optional(value);
            }
        }
        Field::FactId(c, f) => {
            if let Some(fact) = fact_mut(sheet, c, f) {
                fact.id = optional(value);
            }
        }
        Field::FactExcerpt(c, f, i) => {
            if let Some(cited) = fact_mut(sheet, c, f).and_then(|fact| fact.sources.get_mut(i)) {
                cited.excerpt = optional(value);
            }
        }
        Field::CorrectionDate(i) => {
            if let Some(correction) = sheet.corrections.get_mut(i) {
                correction.date = value;
            }
        }
        Field::CorrectionText(i) => {
            if let Some(correction) = sheet.corrections.get_mut(i) {
                correction.text = value;
            }
        }
        Field::CorrectionCard(i) => {
            if let Some(correction) = sheet.corrections.get_mut(i) {
                correction.card = optional(value);
            }
        }
    }
}

fn rename_source(sheet: &mut Sheet, i: usize, id: String) {
    let Some(source) = sheet.sources.get_mut(i) else {
        return;
    };
    let old = std::mem::replace(&mut source.id, id.clone());
    // An empty id is renamed too: what cited the source before it had a
    // name cites it by its first name.
    for fact in sheet.cards.iter_mut().flat_map(|card| card.facts.iter_mut()) {
        for cited in &mut fact.sources {
            if cited.source == old {
                cited.source.clone_from(&id);
            }
        }
    }
}

fn rename_category(sheet: &mut Sheet, i: usize, id: String) {
    let Some(category) = sheet.categories.get_mut(i) else {
        return;
    };
    let old = std::mem::replace(&mut category.id, id.clone());
    for card in &mut sheet.cards {
        if card.category == old {
            card.category.clone_from(&id);
        }
    }
}

fn rename_card(sheet: &mut Sheet, i: usize, id: String) {
    let Some(card) = sheet.cards.get_mut(i) else {
        return;
    };
    let old = std::mem::replace(&mut card.id, id.clone());
    if old.is_empty() {
        return;
    }
    for correction in &mut sheet.corrections {
        if correction.card.as_deref() == Some(old.as_str()) {
            correction.card = Some(id.clone());
        }
    }
}
