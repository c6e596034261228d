//! Every string the widget itself shows, per language, in one table.
//!
//! The sheet's own text is the newsroom's; these are the labels around it.
//! The sheet's `lang` picks the table, an embed option can override it, and
//! any language without a table falls back to English.

use crate::model::Status;
use crate::model::formats::parse_iso_date;

/// A language the widget's labels are translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UiLang {
    #[default]
    En,
    Ru,
}

/// The widget's labels in one language.
#[derive(Debug)]
pub struct Strings {
    /// BCP 47 tag of this table.
    pub tag: &'static str,
    pub filter_label: &'static str,
    pub all_categories: &'static str,
    pub updated: &'static str,
    pub show_sources: &'static str,
    pub hide_sources: &'static str,
    pub sources_heading: &'static str,
    pub status_label: &'static str,
    pub corrected: &'static str,
    pub corrections_heading: &'static str,
    pub error_title: &'static str,
    pub error_intro: &'static str,
    pub loading: &'static str,
    pub opens_in_new_tab: &'static str,
    pub published: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub get_the_data: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub grouping_label: &'static str,
    pub by_topic: &'static str,
    pub by_certainty: &'static str,
    /// Headings of the certainty view's three groups.
    pub certainty_groups: [&'static str; 3],
    pub in_card: &'static str,
    pub no_results: &'static str,
    pub reset: &'static str,
    pub map_label: &'static str,
    /// Starts the map's text alternative: "Map showing" + the places.
    pub map_title: &'static str,
    /// Starts the map's visible caption: "On the map:" + the places.
    pub map_caption: &'static str,
    /// Joins the last two items of a list: "A, B and C".
    list_and: &'static str,
    /// "fact"/"card" in each plural form the language needs (see `plural`).
    facts_word: [&'static str; 3],
    cards_word: [&'static str; 3],
    showing: &'static str,
    /// Opening and closing quotation marks for quotes.
    pub quote_marks: (&'static str, &'static str),
    months: [&'static str; 12],
    statuses: [&'static str; 5],
    /// Read before a source mark: "source 1".
    pub source_mark: &'static str,
    /// What a source mark with an excerpt opens: the source's own words.
    pub excerpt_heading: &'static str,
    /// The link that opens the source at the excerpt.
    pub excerpt_open: &'static str,
    /// Starts a source's note of the facts it backs: "For facts 1 and 3".
    cited_for_one: &'static str,
    cited_for_many: &'static str,
    /// A source that backs every fact of its card.
    cited_for_all: &'static str,
    /// A source that backs the only fact of its card.
    cited_for_only: &'static str,
    /// The button that shows the status legend, and the legend's heading.
    pub legend_toggle: &'static str,
    pub legend_heading: &'static str,
    /// One line per status for readers, in `Status::ALL` order.
    status_meanings: [&'static str; 5],
    /// The short line shown when a sheet cannot be shown to readers.
    pub unavailable: &'static str,
    /// "Show all 19 facts" (compact layout), before the number and after.
    show_all_facts: (&'static str, &'static str),
    /// Shows the compact layout's collapsed search box.
    pub open_search: &'static str,
    /// Live updates: the mark of a new fact or card, and of a changed one.
    pub new_mark: &'static str,
    pub status_changed: &'static str,
    pub text_changed: &'static str,
    pub sources_changed: &'static str,
    /// The live region after an update: "facts updated" after the number
    /// (English), or before it (Russian, which then needs no plural).
    facts_updated: &'static str,
}

static EN: Strings = Strings {
    tag: "en",
    filter_label: "Show categories",
    all_categories: "All",
    updated: "Updated",
    show_sources: "Show sources",
    hide_sources: "Hide sources",
    sources_heading: "Sources",
    status_label: "Status",
    corrected: "Corrected",
    corrections_heading: "Corrections",
    error_title: "These facts could not be shown",
    error_intro: "The fact sheet has problems:",
    loading: "Loading the facts…",
    opens_in_new_tab: "(opens in a new tab)",
    published: "published",
    copy_link: "Copy link",
    link_copied: "Link copied",
    get_the_data: "Get the data (JSON)",
    search_label: "Search the facts",
    search_placeholder: "Search…",
    grouping_label: "Group the facts",
    by_topic: "By topic",
    by_certainty: "By certainty",
    certainty_groups: ["What we know", "Claimed or reported", "Unclear or disputed"],
    in_card: "From",
    no_results: "No facts match.",
    reset: "Show all facts",
    map_label: "Map",
    map_title: "Map showing",
    map_caption: "On the map:",
    list_and: "and",
    facts_word: ["fact", "facts", "facts"],
    cards_word: ["card", "cards", "cards"],
    showing: "Showing",
    quote_marks: ("“", "”"),
    months: crate::model::formats::ENGLISH_MONTHS,
    statuses: ["Confirmed", "Claimed", "Reported", "Unclear", "Disputed"],
    source_mark: "source",
    excerpt_heading: "In the source’s words",
    excerpt_open: "Open the source at this passage",
    cited_for_one: "For fact",
    cited_for_many: "For facts",
    cited_for_all: "For every fact above",
    cited_for_only: "For the fact above",
    legend_toggle: "What the labels mean",
    legend_heading: "How sure each fact is",
    status_meanings: [
        "Established: on the record, or stated as fact by the sources.",
        "Said by someone involved, often about themselves, and not independently established.",
        "Reported or assessed by others (officials, experts, other media), but not established.",
        "Not known yet: the sources say it is still being established.",
        "The sources or the sides involved contradict each other.",
    ],
    unavailable: "The key facts cannot be shown just now.",
    show_all_facts: ("Show all", "facts"),
    open_search: "Search",
    new_mark: "New",
    status_changed: "Status changed",
    text_changed: "Changed",
    sources_changed: "Sources changed",
    facts_updated: "updated",
};

static RU: Strings = Strings {
    tag: "ru",
    filter_label: "Показать разделы",
    all_categories: "Все",
    updated: "Обновлено",
    show_sources: "Показать источники",
    hide_sources: "Скрыть источники",
    sources_heading: "Источники",
    status_label: "Статус",
    corrected: "Исправлено",
    corrections_heading: "Исправления",
    error_title: "Не удалось показать факты",
    error_intro: "В карточке фактов есть ошибки:",
    loading: "Загрузка фактов…",
    opens_in_new_tab: "(откроется в новой вкладке)",
    published: "опубликовано",
    copy_link: "Копировать ссылку",
    link_copied: "Ссылка скопирована",
    get_the_data: "Скачать данные (JSON)",
    search_label: "Поиск по фактам",
    search_placeholder: "Поиск…",
    grouping_label: "Группировать факты",
    by_topic: "По темам",
    by_certainty: "По достоверности",
    certainty_groups: [
        "Что известно",
        "Заявлено или сообщается",
        "Неясно или оспаривается",
    ],
    in_card: "Карточка",
    no_results: "Нет подходящих фактов.",
    reset: "Показать все факты",
    map_label: "Карта",
    // A colon, not a verb, so that it agrees with any list: "Карта: Москва",
    // "Карта: Афганистан, Пакистан и Иран".
    map_title: "Карта:",
    map_caption: "На карте:",
    list_and: "и",
    facts_word: ["факт", "факта", "фактов"],
    cards_word: ["карточке", "карточках", "карточках"],
    showing: "Показано",
    quote_marks: ("«", "»"),
    // Genitive forms, as used after a day number: «26 ноября 2026 г.»
    months: [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    statuses: ["Подтверждено", "Заявлено", "Сообщается", "Неясно", "Оспаривается"],
    source_mark: "источник",
    excerpt_heading: "Словами источника",
    excerpt_open: "Открыть источник на этом месте",
    cited_for_one: "Для факта",
    cited_for_many: "Для фактов",
    cited_for_all: "Для всех фактов выше",
    cited_for_only: "Для факта выше",
    legend_toggle: "Что означают метки",
    legend_heading: "Насколько достоверен каждый факт",
    status_meanings: [
        "Установлено: подтверждено документами или источники приводят это как факт.",
        "Так говорит одна из сторон, часто о себе самой; независимо не подтверждено.",
        "Сообщают или оценивают другие (официальные лица, эксперты, СМИ), но это не установлено.",
        "Пока неизвестно: по словам источников, это ещё выясняется.",
        "Источники или стороны противоречат друг другу.",
    ],
    unavailable: "Сейчас не удаётся показать ключевые факты.",
    show_all_facts: ("Показать все факты:", ""),
    open_search: "Поиск",
    new_mark: "Новое",
    status_changed: "Статус изменён",
    text_changed: "Изменено",
    sources_changed: "Источники изменены",
    facts_updated: "Обновлено фактов",
};

impl UiLang {
    /// The table for a BCP 47 tag, by its primary language subtag.
    pub fn from_tag(tag: &str) -> UiLang {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "ru" => UiLang::Ru,
            _ => UiLang::En,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            UiLang::En => &EN,
            UiLang::Ru => &RU,
        }
    }
}

impl Strings {
    /// The word a reader sees for a status.
    pub fn status(&self, status: Status) -> &'static str {
        let index = Status::ALL.iter().position(|s| *s == status).unwrap_or(0);
        self.statuses[index]
    }

    /// What a status means, in one line for readers (the legend).
    pub fn status_meaning(&self, status: Status) -> &'static str {
        let index = Status::ALL.iter().position(|s| *s == status).unwrap_or(0);
        self.status_meanings[index]
    }

    /// What a source's entry in a card's list says it backs: `facts` are
    /// the 0-based positions of the facts citing it, of `total` facts.
    /// "For facts 1 and 3", "For every fact above".
    pub fn cited_for(&self, facts: &[usize], total: usize) -> String {
        match facts {
            [_] if total == 1 => self.cited_for_only.to_owned(),
            _ if facts.len() == total && total > 1 => self.cited_for_all.to_owned(),
            [only] => format!("{} {}", self.cited_for_one, only + 1),
            _ => {
                let numbers: Vec<String> = facts.iter().map(|fact| (fact + 1).to_string()).collect();
                let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
                format!("{} {}", self.cited_for_many, self.list(&numbers))
            }
        }
    }

    /// "Show all 19 facts", for the compact layout's button.
    pub fn show_all(&self, facts: usize) -> String {
        let (before, after) = self.show_all_facts;
        format!("{before} {facts} {after}").trim_end().to_owned()
    }

    /// A time of day on the reader's clock, as this language writes it:
    /// "9:05 AM", "09:05". Written by hand, as dates are: the first time a
    /// page formats a time with the browser's Intl, it loads locale data in
    /// a task that takes about 60 ms on a phone.
    pub fn clock(&self, hours: u32, minutes: u32) -> String {
        match self.tag {
            "ru" => format!("{hours:02}:{minutes:02}"),
            _ => {
                let half = if hours < 12 { "AM" } else { "PM" };
                let hour = match hours % 12 {
                    0 => 12,
                    hour => hour,
                };
                format!("{hour}:{minutes:02} {half}")
            }
        }
    }

    /// A date from the sheet, written for a reader: "26 November 2026",
    /// "26 ноября 2026 г.", with the time and zone as written if there is one
    /// ("26 November 2026, 18:05 UTC+03:00"). Text
    /// that is not a date is returned as it is.
    pub fn format_date(&self, iso: &str) -> String {
        let Some((year, month, day, time)) = parse_iso_date(iso) else {
            return iso.to_owned();
        };
        let month_name = self.months[(month - 1) as usize];
        let date = match self.tag {
            "ru" => format!("{day} {month_name} {year} г."),
            _ => format!("{day} {month_name} {year}"),
        };
        match time {
            Some(time) => {
                let zone = match iso.strip_suffix('Z') {
                    Some(_) => "UTC",
                    None => iso.get(iso.len().saturating_sub(6)..).unwrap_or(""),
                };
                let zone = if zone == "UTC" {
                    zone.to_owned()
                } else {
                    format!("UTC{zone}")
                };
                format!("{date}, {time} {zone}")
            }
            None => date,
        }
    }
}

impl Strings {
    /// "Showing 5 facts in 3 cards", for the live region after a filter or
    /// search.
    pub fn results(&self, facts: usize, cards: usize) -> String {
        let facts_word = self.facts_word[self.plural(facts)];
        let cards_word = self.cards_word[self.plural(cards)];
        match self.tag {
            "ru" => format!("{} {facts} {facts_word} в {cards} {cards_word}", self.showing),
            _ => format!("{} {facts} {facts_word} in {cards} {cards_word}", self.showing),
        }
    }

    /// "2 facts updated", for the live region after a live update.
    pub fn facts_updated(&self, facts: usize) -> String {
        match self.tag {
            "ru" => format!("{}: {facts}", self.facts_updated),
            _ => format!(
                "{facts} {} {}",
                self.facts_word[self.plural(facts)],
                self.facts_updated
            ),
        }
    }

    /// "Afghanistan, Pakistan and Iran": items joined with commas and the
    /// language's "and" before the last (no serial comma).
    pub fn list(&self, items: &[&str]) -> String {
        match items {
            [] => String::new(),
            [only] => (*only).to_owned(),
            [rest @ .., last] => format!("{} {} {last}", rest.join(", "), self.list_and),
        }
    }

    /// Which plural form a count takes: 0 = one, 1 = few, 2 = many (CLDR
    /// rules; English has only one and other).
    fn plural(&self, n: usize) -> usize {
        plural_form(self.tag, n)
    }
}

/// Which of a word's plural forms `n` takes in the language `tag`: 0, 1 or
/// 2 (Russian has three; English uses 0 and 1).
fn plural_form(tag: &str, n: usize) -> usize {
    match tag {
        "ru" => match (n % 10, n % 100) {
            (1, rest) if rest != 11 => 0,
            (2..=4, rest) if !(12..=14).contains(&rest) => 1,
            _ => 2,
        },
        _ => usize::from(n != 1),
    }
}

/// Whether a language is written right to left, by its primary subtag.
pub fn is_rtl(tag: &str) -> bool {
    let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    matches!(
        primary.as_str(),
        "ar" | "arc" | "ckb" | "dv" | "fa" | "he" | "iw" | "ku" | "ps" | "sd" | "syr" | "ug" | "ur" | "yi"
    )
}

/// The editor's own labels (editor.html), in one language. A table of its
/// own, so that the reader widget's wasm carries none of it.
#[derive(Debug)]
pub struct EditorStrings {
    pub tag: &'static str,
    pub app_title: &'static str,
    pub ui_language: &'static str,
    /// The steps' names: story, sources, cards and facts, check, publish.
    pub steps: [&'static str; 5],
    pub steps_label: &'static str,
    /// The tools' names: open, spreadsheet, JSON.
    pub tools: [&'static str; 3],
    pub tools_label: &'static str,
    /// What a step still needs: `{prefix}{n}{suffix}` errors to fix, or
    /// warnings to review.
    pub step_fix: (&'static str, &'static str),
    pub step_review: (&'static str, &'static str),
    pub step_done: &'static str,
    pub step_unchecked: &'static str,
    pub step_needs_address: &'static str,
    pub step_needs_heading: &'static str,
    pub step_nothing_left: &'static str,
    pub next_step: &'static str,
    pub preview_beside: &'static str,
    pub now: &'static str,
    pub pick_date: &'static str,
    pub other_language: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub open_heading: &'static str,
    pub new_blank: &'static str,
    pub new_template: &'static str,
    pub open_bundled: &'static str,
    pub open_file: &'static str,
    pub drop_hint: &'static str,
    pub paste_label: &'static str,
    pub paste_open: &'static str,
    pub url_label: &'static str,
    pub url_open: &'static str,
    pub header_heading: &'static str,
    pub sheet_id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub lang: &'static str,
    pub updated: &'static str,
    pub sources_heading: &'static str,
    pub source: &'static str,
    pub id: &'static str,
    pub publisher: &'static str,
    pub source_mark: &'static str,
    pub credit: &'static str,
    pub refresh: &'static str,
    pub fact_id: &'static str,
    pub url: &'static str,
    pub published: &'static str,
    pub add_source: &'static str,
    pub categories_heading: &'static str,
    pub category: &'static str,
    pub label: &'static str,
    pub description: &'static str,
    pub add_category: &'static str,
    pub cards_heading: &'static str,
    pub card: &'static str,
    pub add_card: &'static str,
    pub edit_card: &'static str,
    pub no_category: &'static str,
    pub regions: &'static str,
    /// A card's named points (the forms do not edit them; a diff names them).
    pub points: &'static str,
    pub add_region: &'static str,
    pub facts_heading: &'static str,
    pub fact: &'static str,
    pub fact_text: &'static str,
    pub status: &'static str,
    pub fact_sources: &'static str,
    pub attribution: &'static str,
    pub quote: &'static str,
    /// The passage of a cited source a fact rests on.
    pub excerpt: &'static str,
    /// The label of a source's saved-copy box (the editor's own, not in the
    /// sheet), and the hint under it.
    pub saved_copy: &'static str,
    pub pick_excerpt: &'static str,
    pub use_selection: &'static str,
    pub saved_copy_hint: &'static str,
    pub add_fact: &'static str,
    pub corrections_heading: &'static str,
    pub correction: &'static str,
    pub date: &'static str,
    pub corrected_card: &'static str,
    pub add_correction: &'static str,
    pub remove: &'static str,
    pub move_up: &'static str,
    pub move_down: &'static str,
    /// One line per status, for the status picker's legend.
    pub status_legend: [&'static str; 5],
    pub json_label: &'static str,
    pub json_hint: &'static str,
    pub spreadsheet_label: &'static str,
    pub spreadsheet_hint: &'static str,
    pub spreadsheet_file: &'static str,
    pub import: &'static str,
    pub download_template: &'static str,
    pub export_csv: &'static str,
    pub import_problems: &'static str,
    /// "Imported" + what, and "Nothing was imported:" + the errors.
    pub imported: &'static str,
    pub nothing_imported: &'static str,
    /// "source", "card", "fact" in each plural form, as the import line
    /// counts them.
    counted: [[&'static str; 3]; 3],
    /// "error" and "warning" in each plural form, and the draft's state
    /// around them.
    problems_word: [&'static str; 3],
    warnings_word: [&'static str; 3],
    to_fix: &'static str,
    ready: &'static str,
    pub nothing_checked: &'static str,
    pub check_now: &'static str,
    pub problems_heading: &'static str,
    pub no_problems: &'static str,
    pub error: &'static str,
    pub warning: &'static str,
    pub preview_heading: &'static str,
    pub phone: &'static str,
    pub desktop: &'static str,
    pub dark: &'static str,
    pub compact: &'static str,
    pub preview_stale: &'static str,
    pub preview_empty: &'static str,
    pub download_json: &'static str,
    pub published_url: &'static str,
    pub published_url_hint: &'static str,
    /// The panel that compares the draft with the published version.
    pub published_heading: &'static str,
    pub published_none: &'static str,
    /// Followed by the address.
    pub published_checking: &'static str,
    /// Followed by the address and the `factcards diff` summary.
    pub published_compared: &'static str,
    pub published_no_changes: &'static str,
    pub published_check: &'static str,
    /// Followed by the address and the reason.
    pub published_failed: &'static str,
    pub published_unreachable: &'static str,
    /// Followed by the status code.
    pub published_status: &'static str,
    pub published_not_sheet: &'static str,
    /// Each code's name, what it is for, and its copy button, in the order
    /// of `EmbedKind::ALL`.
    pub embed_names: [&'static str; 5],
    pub embed_uses: [&'static str; 5],
    pub embed_copy: [&'static str; 5],
    pub codes_heading: &'static str,
    pub codes_need_address: &'static str,
    pub codes_preparing: &'static str,
    pub download_folder: &'static str,
    pub folder_hint: &'static str,
    pub folder_needs_address: &'static str,
    pub folder_made: &'static str,
    pub copied: &'static str,
    pub fallback_heading: &'static str,
    pub copy_fallback: &'static str,
    pub draft_found: &'static str,
    pub restore: &'static str,
    pub discard: &'static str,
    pub other_tab: &'static str,
    pub take_over: &'static str,
    pub errors_left: &'static str,
}

static EDITOR_EN: EditorStrings = EditorStrings {
    tag: "en",
    app_title: "factcards editor",
    ui_language: "Language of the editor",
    steps: ["Story", "Sources", "Cards and facts", "Check", "Publish"],
    steps_label: "Steps",
    tools: ["Open", "Spreadsheet", "JSON"],
    tools_label: "The whole sheet",
    step_fix: ("", " to fix"),
    step_review: ("", " to review"),
    step_done: "done",
    step_unchecked: "not checked yet",
    step_needs_address: "needs the story's address",
    step_needs_heading: "What this step still needs",
    step_nothing_left: "Nothing left to do in this step.",
    next_step: "Next:",
    preview_beside: "On a wide screen the preview is beside the form.",
    now: "Now",
    pick_date: "Pick a date and time",
    other_language: "another language",
    undo: "Undo",
    redo: "Redo",
    open_heading: "Open a sheet",
    new_blank: "New empty sheet",
    new_template: "New sheet from the template",
    open_bundled: "The bundled story",
    open_file: "Open a file (.json, .csv, .tsv)",
    drop_hint: "or drop a file anywhere on this page",
    paste_label: "Paste JSON or spreadsheet cells",
    paste_open: "Open what I pasted",
    url_label: "Address of a sheet (the server must allow it)",
    url_open: "Open the address",
    header_heading: "The story",
    sheet_id: "Sheet id",
    title: "Title",
    summary: "Summary",
    lang: "Language of the text",
    updated: "Last updated",
    sources_heading: "Sources",
    source: "Source",
    id: "Id",
    publisher: "Publisher",
    url: "Address (https://…)",
    source_mark: "Mark (optional, e.g. AP)",
    credit: "Credit line (optional)",
    refresh: "Live refresh, seconds (optional)",
    fact_id: "Fact id (optional, for live updates)",
    published: "Published on",
    add_source: "Add a source",
    categories_heading: "Categories",
    category: "Category",
    label: "Label",
    description: "Description",
    add_category: "Add a category",
    cards_heading: "Cards",
    card: "Card",
    add_card: "Add a card",
    edit_card: "Edit",
    no_category: "(no category)",
    regions: "Places on the map",
    points: "Points on the map",
    add_region: "Add the place",
    facts_heading: "Facts",
    fact: "Fact",
    fact_text: "Text",
    status: "Status",
    fact_sources: "Sources of this fact",
    attribution: "Who says so (for a claim or a dispute)",
    quote: "Quote (verbatim from the source)",
    excerpt: "Excerpt (the passage of the source the fact rests on, verbatim)",
    saved_copy: "Saved copy of the source",
    pick_excerpt: "Pick the excerpt in the saved copy",
    use_selection: "Use the selected words as the excerpt",
    saved_copy_hint: "Paste the source's text or saved page: each fact's excerpt of it is checked against it. It stays in this editor; it is not part of the sheet.",
    add_fact: "Add a fact",
    corrections_heading: "Corrections",
    correction: "Correction",
    date: "Date",
    corrected_card: "Card corrected (id, optional)",
    add_correction: "Add a correction",
    remove: "Remove",
    move_up: "Move up",
    move_down: "Move down",
    status_legend: [
        "Established as fact by us or our sources.",
        "Asserted by a party to the story, not independently established.",
        "Reported by the sources, not independently confirmed.",
        "Not known: the sources say it remains unclear.",
        "Contested by credible sources.",
    ],
    json_label: "The sheet as JSON",
    json_hint: "Edits here change the forms as soon as the JSON has no error.",
    spreadsheet_label: "Spreadsheet cells (CSV or TSV)",
    spreadsheet_hint: "Paste cells from Google Sheets, Excel or LibreOffice, then import; or open a spreadsheet file.",
    spreadsheet_file: "Open a spreadsheet file (.csv, .tsv, saved as CSV UTF-8 or Unicode text)",
    import: "Import",
    download_template: "Download the template (CSV)",
    export_csv: "Export CSV",
    import_problems: "Problems in the spreadsheet",
    imported: "Imported",
    problems_word: ["problem", "problems", "problems"],
    warnings_word: ["warning", "warnings", "warnings"],
    to_fix: "to fix before publishing",
    ready: "Ready to publish",
    nothing_checked: "A new sheet: nothing is checked until you start writing.",
    check_now: "Check now",
    counted: [
        ["source", "sources", "sources"],
        ["card", "cards", "cards"],
        ["fact", "facts", "facts"],
    ],
    nothing_imported: "Nothing was imported; the sheet is as it was. Errors to fix in the spreadsheet:",
    problems_heading: "Problems",
    no_problems: "No problems found.",
    error: "Error",
    warning: "Warning",
    preview_heading: "Preview",
    phone: "Phone",
    desktop: "Desktop",
    dark: "Dark",
    compact: "Compact layout",
    preview_stale: "The preview shows the last version without errors.",
    preview_empty: "The preview appears when the sheet has no errors.",
    download_json: "Download JSON",
    published_url: "The story's address",
    published_url_hint: "Where you will serve the story folder, ending in / (or the address of the sheet's JSON alone). The codes load the story from there.",
    published_heading: "What publishing would change",
    published_none: "Enter the published address to see what publishing this draft would change.",
    published_checking: "Reading the published version at",
    published_compared: "Compared with the published version at",
    published_no_changes: "No changes since the published version",
    published_check: "Check again",
    published_failed: "Could not compare with the published version at",
    published_unreachable: "the server could not be reached, or does not let this page read it (CORS)",
    published_status: "the server answered HTTP",
    published_not_sheet: "it is not a valid sheet",
    embed_names: [
        "The story page's address",
        "Drop-in over its fallback",
        "iframe",
        "Inline JSON over its fallback",
        "JS API",
    ],
    embed_uses: [
        "Paste it into your CMS alone on a line (WordPress and any CMS that reads oEmbed embed it), or share it.",
        "For a page whose HTML you control: the facts show at once, and the widget takes over when the reader comes near.",
        "For a CMS that takes only iframes: the story's frame page, kept as tall as its deck.",
        "When the sheet cannot be hosted: the facts and the sheet in the code itself.",
        "For a developer's own script: mount() over the facts, with events to follow.",
    ],
    embed_copy: [
        "Copy the address",
        "Copy the drop-in code",
        "Copy the iframe code",
        "Copy the inline code",
        "Copy the JS API code",
    ],
    codes_heading: "Embed codes",
    codes_need_address: "The codes that load the story from its address appear once the address is entered.",
    codes_preparing: "Preparing the codes…",
    download_folder: "Download the story folder (.zip)",
    folder_hint: "Its story page, frame page, oEmbed answer, sheet and share image: upload the folder to the story's address (docs/publishing.md).",
    folder_needs_address: "Enter the story's address, ending in /, to make its folder.",
    folder_made: "Story folder downloaded:",
    copied: "Copied",
    fallback_heading: "Server-rendered fallback HTML",
    copy_fallback: "Copy the fallback HTML",
    draft_found: "An unsaved sheet from an earlier visit was found, saved",
    restore: "Restore it",
    discard: "Discard it",
    other_tab: "This sheet was saved from another tab: this tab no longer autosaves.",
    take_over: "Save from this tab",
    errors_left: "errors left",
};

static EDITOR_RU: EditorStrings = EditorStrings {
    tag: "ru",
    app_title: "Редактор factcards",
    ui_language: "Язык редактора",
    steps: ["Сюжет", "Источники", "Карточки и факты", "Проверка", "Публикация"],
    steps_label: "Шаги",
    tools: ["Открыть", "Таблица", "JSON"],
    tools_label: "Весь лист",
    step_fix: ("исправить: ", ""),
    step_review: ("посмотреть: ", ""),
    step_done: "готово",
    step_unchecked: "ещё не проверено",
    step_needs_address: "нужен адрес сюжета",
    step_needs_heading: "Что ещё нужно на этом шаге",
    step_nothing_left: "На этом шаге всё сделано.",
    next_step: "Далее:",
    preview_beside: "На широком экране предпросмотр — рядом с формой.",
    now: "Сейчас",
    pick_date: "Выбрать дату и время",
    other_language: "другой язык",
    undo: "Отменить",
    redo: "Повторить",
    open_heading: "Открыть лист",
    new_blank: "Новый пустой лист",
    new_template: "Новый лист по шаблону",
    open_bundled: "Встроенный сюжет",
    open_file: "Открыть файл (.json, .csv, .tsv)",
    drop_hint: "или перетащите файл на страницу",
    paste_label: "Вставьте JSON или ячейки таблицы",
    paste_open: "Открыть вставленное",
    url_label: "Адрес листа (сервер должен это разрешать)",
    url_open: "Открыть адрес",
    header_heading: "Сюжет",
    sheet_id: "Идентификатор листа",
    title: "Заголовок",
    summary: "Кратко",
    lang: "Язык текста",
    updated: "Последнее обновление",
    sources_heading: "Источники",
    source: "Источник",
    id: "Идентификатор",
    publisher: "Издатель",
    url: "Адрес (https://…)",
    source_mark: "Метка (необязательно, напр. AP)",
    credit: "Строка авторства (необязательно)",
    refresh: "Обновление, секунды (необязательно)",
    fact_id: "Идентификатор факта (необязательно)",
    published: "Дата публикации",
    add_source: "Добавить источник",
    categories_heading: "Категории",
    category: "Категория",
    label: "Название",
    description: "Описание",
    add_category: "Добавить категорию",
    cards_heading: "Карточки",
    card: "Карточка",
    add_card: "Добавить карточку",
    edit_card: "Править",
    no_category: "(без категории)",
    regions: "Места на карте",
    points: "Точки на карте",
    add_region: "Добавить место",
    facts_heading: "Факты",
    fact: "Факт",
    fact_text: "Текст",
    status: "Статус",
    fact_sources: "Источники факта",
    attribution: "Атрибуция (кто это утверждает)",
    quote: "Цитата (дословно из источника)",
    excerpt: "Выдержка (место источника, на котором основан факт, дословно)",
    saved_copy: "Сохранённая копия источника",
    pick_excerpt: "Выбрать выдержку в сохранённой копии",
    use_selection: "Сделать выделенные слова выдержкой",
    saved_copy_hint: "Вставьте текст источника или сохранённую страницу: выдержки фактов сверяются с ней. Копия остаётся в редакторе и не входит в таблицу.",
    add_fact: "Добавить факт",
    corrections_heading: "Исправления",
    correction: "Исправление",
    date: "Дата",
    corrected_card: "Исправленная карточка (идентификатор, необязательно)",
    add_correction: "Добавить исправление",
    remove: "Удалить",
    move_up: "Выше",
    move_down: "Ниже",
    status_legend: [
        "Установлено нами или нашими источниками.",
        "Утверждает сторона событий, независимо не установлено.",
        "Сообщают источники, независимо не подтверждено.",
        "Неизвестно: источники говорят, что это неясно.",
        "Оспаривается заслуживающими доверия источниками.",
    ],
    json_label: "Лист в формате JSON",
    json_hint: "Правки здесь меняют формы, как только в JSON нет ошибок.",
    spreadsheet_label: "Ячейки таблицы (CSV или TSV)",
    spreadsheet_hint: "Вставьте ячейки из Google Таблиц, Excel или LibreOffice и импортируйте их или откройте файл таблицы.",
    spreadsheet_file: "Открыть файл таблицы (.csv, .tsv, сохранённый как CSV UTF-8 или текст Юникод)",
    import: "Импортировать",
    download_template: "Скачать шаблон (CSV)",
    export_csv: "Экспорт CSV",
    import_problems: "Проблемы в таблице",
    imported: "Импортировано:",
    problems_word: ["проблема", "проблемы", "проблем"],
    warnings_word: ["предупреждение", "предупреждения", "предупреждений"],
    to_fix: "исправить до публикации",
    ready: "Готово к публикации",
    nothing_checked: "Новый лист: проверка начнётся, когда вы начнёте писать.",
    check_now: "Проверить сейчас",
    counted: [
        ["источник", "источника", "источников"],
        ["карточка", "карточки", "карточек"],
        ["факт", "факта", "фактов"],
    ],
    nothing_imported: "Ничего не импортировано, лист не изменился. Ошибок в таблице:",
    problems_heading: "Проблемы",
    no_problems: "Проблем не найдено.",
    error: "Ошибка",
    warning: "Предупреждение",
    preview_heading: "Предпросмотр",
    phone: "Телефон",
    desktop: "Компьютер",
    dark: "Тёмная тема",
    compact: "Компактный вид",
    preview_stale: "Предпросмотр показывает последнюю версию без ошибок.",
    preview_empty: "Предпросмотр появится, когда в листе не будет ошибок.",
    download_json: "Скачать JSON",
    published_url: "Адрес истории",
    published_url_hint: "Где будет папка истории, адрес заканчивается на / (или адрес одного JSON листа). Коды вставки загружают историю оттуда.",
    published_heading: "Что изменит публикация",
    published_none: "Укажите адрес опубликованного листа, чтобы увидеть, что изменит публикация черновика.",
    published_checking: "Читаем опубликованную версию по адресу",
    published_compared: "Сравнение с опубликованной версией по адресу",
    published_no_changes: "Нет изменений с опубликованной версии",
    published_check: "Проверить снова",
    published_failed: "Не удалось сравнить с опубликованной версией по адресу",
    published_unreachable: "сервер недоступен или не разрешает этой странице читать лист (CORS)",
    published_status: "сервер ответил HTTP",
    published_not_sheet: "это не правильный лист",
    embed_names: [
        "Адрес страницы истории",
        "Вставка поверх готового HTML",
        "iframe",
        "JSON в коде поверх готового HTML",
        "JS API",
    ],
    embed_uses: [
        "Вставьте его в CMS отдельной строкой (WordPress и любая CMS с oEmbed встроят историю) или поделитесь им.",
        "Для страницы, HTML которой вы правите: факты видны сразу, виджет включается, когда читатель приближается.",
        "Для CMS, которая принимает только iframe: страница-рамка истории, высота следует за карточками.",
        "Когда лист негде разместить: факты и лист прямо в коде.",
        "Для своего скрипта разработчика: mount() поверх фактов, с событиями.",
    ],
    embed_copy: [
        "Копировать адрес",
        "Копировать код вставки",
        "Копировать код iframe",
        "Копировать код с JSON",
        "Копировать код JS API",
    ],
    codes_heading: "Коды вставки",
    codes_need_address: "Коды, которые загружают историю по адресу, появятся, когда адрес будет указан.",
    codes_preparing: "Готовим коды…",
    download_folder: "Скачать папку истории (.zip)",
    folder_hint: "Страница истории, страница-рамка, ответ oEmbed, лист и картинка для соцсетей: выложите папку по адресу истории.",
    folder_needs_address: "Укажите адрес истории, заканчивающийся на /, чтобы собрать папку.",
    folder_made: "Папка истории скачана:",
    copied: "Скопировано",
    fallback_heading: "HTML для показа без JavaScript",
    copy_fallback: "Копировать HTML",
    draft_found: "Найден несохранённый лист из прошлого визита, сохранён",
    restore: "Восстановить",
    discard: "Отбросить",
    other_tab: "Лист сохранён из другой вкладки: эта вкладка больше не сохраняет автоматически.",
    take_over: "Сохранять из этой вкладки",
    errors_left: "ошибок осталось",
};

impl EditorStrings {
    /// Where the draft stands: "2 problems to fix before publishing (1
    /// warning)", or "Ready to publish" (with its warnings, advice only).
    /// `to_fix` counts the errors and the warnings publishing refuses.
    pub fn draft_state(&self, to_fix: usize, warnings: usize) -> String {
        let count = |n: usize, words: [&str; 3]| format!("{n} {}", words[plural_form(self.tag, n)]);
        let warnings = (warnings > 0).then(|| count(warnings, self.warnings_word));
        let head = if to_fix > 0 {
            format!("{} {}", count(to_fix, self.problems_word), self.to_fix)
        } else {
            self.ready.to_owned()
        };
        match warnings {
            Some(warnings) => format!("{head} ({warnings})"),
            None => head,
        }
    }

    /// "2 sources, 3 cards, 6 facts", as an import brought them in.
    pub fn counts(&self, sources: usize, cards: usize, facts: usize) -> String {
        [sources, cards, facts]
            .iter()
            .zip(self.counted)
            .map(|(&n, words)| format!("{n} {}", words[plural_form(self.tag, n)]))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl UiLang {
    /// The editor's labels in this language.
    pub fn editor_strings(self) -> &'static EditorStrings {
        match self {
            UiLang::En => &EDITOR_EN,
            UiLang::Ru => &EDITOR_RU,
        }
    }
}
