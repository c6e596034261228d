//! Where a problem is, in the forms' own words: `cards[1].facts[0].status`
//! is "Card 2 “How long it will last”, fact 1, status" for an editor, who
//! counts from 1 and knows a card by its title. The CLI keeps the JSON
//! paths; the messages are the same. What publishing would change is named
//! the same way ([`FormPlaces`]), in the wording of `factcards diff`.

use crate::i18n::{EditorStrings, UiLang};
use crate::model::diff::{CardField, FactField, FactPlace, ListKind, Locator, Side, StoryField};
use crate::model::{Sheet, Status};

/// The languages the story's language list offers, each named in its own
/// language as language pickers do, by its BCP 47 tag: the languages of the
/// world's largest newsrooms, and those the deck has a right-to-left layout
/// for.
pub const LANGUAGES: [(&str, &str); 24] = [
    ("ar", "العربية"),
    ("bn", "বাংলা"),
    ("de", "Deutsch"),
    ("en", "English"),
    ("es", "Español"),
    ("fa", "فارسی"),
    ("fr", "Français"),
    ("he", "עברית"),
    ("hi", "हिन्दी"),
    ("id", "Bahasa Indonesia"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("nl", "Nederlands"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("ru", "Русский"),
    ("sw", "Kiswahili"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("ur", "اردو"),
    ("vi", "Tiếng Việt"),
    ("zh-Hans", "中文（简体）"),
    ("zh-Hant", "中文（繁體）"),
];

/// The longest title shown in a place before it is cut.
const TITLE_CHARS: usize = 40;

/// What a path's field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Story,
    Source,
    Category,
    Card,
    Correction,
}

/// One step of a JSON path: a key or a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The steps of `path` (`cards[1].facts[0].text`); `None` if it is not a
/// path the rules write.
fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut steps = Vec::new();
    for part in path.split('.').filter(|part| !part.is_empty()) {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(key, rest)| (key, rest));
        if !key.is_empty() {
            steps.push(Step::Key(key));
        }
        while !rest.is_empty() {
            let (index, after) = rest.split_once(']')?;
            steps.push(Step::Index(index.parse().ok()?));
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    Some(steps)
}

/// The problem's place in the forms' words, in the editor's language `lang`:
/// the story's field, or the numbered source, category, card, fact or
/// correction (with its title), then the field.
pub fn place(sheet: &Sheet, path: &str, lang: UiLang) -> String {
    let s = lang.editor_strings();
    let Some(steps) = steps(path) else {
        return path.to_owned();
    };
    let named = |what: &str, index: usize, title: Option<&str>| {
        let (open, close) = lang.strings().quote_marks;
        match title.map(str::trim).filter(|title| !title.is_empty()) {
            Some(title) => format!("{what} {} {open}{}{close}", index + 1, cut(title)),
            None => format!("{what} {}", index + 1),
        }
    };
    let mut parts: Vec<String> = Vec::new();
    let mut rest: &[Step] = &steps;
    let owner = match rest {
        [] => return s.header_heading.to_owned(),
        [Step::Key("sources"), Step::Index(i), more @ ..] => {
            parts.push(named(
                s.source,
                *i,
                sheet.sources.get(*i).map(|source| source.title.as_str()),
            ));
            rest = more;
            Owner::Source
        }
        [Step::Key("categories"), Step::Index(i), more @ ..] => {
            parts.push(named(
                s.category,
                *i,
                sheet.categories.get(*i).map(|category| category.label.as_str()),
            ));
            rest = more;
            Owner::Category
        }
        [Step::Key("cards"), Step::Index(c), more @ ..] => {
            let card = sheet.cards.get(*c);
            parts.push(named(s.card, *c, card.map(|card| card.title.as_str())));
            rest = more;
            if let [Step::Key("facts"), Step::Index(f), more @ ..] = rest {
                parts.push(named(&lower_first(s.fact), *f, None));
                rest = more;
            }
            Owner::Card
        }
        [Step::Key("corrections"), Step::Index(i), more @ ..] => {
            parts.push(named(s.correction, *i, None));
            rest = more;
            Owner::Correction
        }
        _ => {
            parts.push(s.header_heading.to_owned());
            Owner::Story
        }
    };
    let in_header = owner == Owner::Story;
    if let Some(Step::Key(key)) = rest.first() {
        parts.push(lower_first(field_label(s, key, owner)));
        // A position within the field (the second source of a fact, the
        // third place on a map).
        if let Some(Step::Index(i)) = rest.get(1) {
            parts.push((i + 1).to_string());
        }
    }
    let mut text = parts.join(", ");
    if in_header && parts.len() > 1 {
        // "The story: title", not "The story, title".
        text = text.replacen(", ", ": ", 1);
    }
    text
}

/// The form's label for a field of the sheet, without the hint some labels
/// carry in brackets ("Language (BCP 47, such as en or ru)").
fn field_label<'a>(s: &'a EditorStrings, key: &'a str, owner: Owner) -> &'a str {
    let label = match key {
        "id" if owner == Owner::Story => s.sheet_id,
        "id" => s.id,
        "title" => s.title,
        "summary" => s.summary,
        "lang" => s.lang,
        "updated" => s.updated,
        "credit" => s.credit,
        "refresh" => s.refresh,
        "publisher" => s.publisher,
        "url" => s.url,
        "published" => s.published,
        "label" if owner == Owner::Source => s.source_mark,
        "label" => s.label,
        "description" => s.description,
        "category" => s.category,
        "regions" => s.regions,
        "points" => s.points,
        "text" => s.fact_text,
        "status" => s.status,
        "sources" => s.fact_sources,
        "attribution" => s.attribution,
        "quote" => s.quote,
        "excerpt" => s.excerpt,
        "date" => s.date,
        "card" => s.corrected_card,
        // A field the forms do not have (a misspelt key in the JSON): its
        // own name.
        other => other,
    };
    label.split(" (").next().unwrap_or(label)
}

/// The places of a diff's lines as the forms name them, in the editor's
/// language: `changed Card 4 “Toll”, fact 2: Status: Claimed -> Confirmed`.
/// The old sheet is the published version, the new one the draft; each
/// place is looked up in the sheet it is in, so that a removed card keeps
/// the title it had.
#[derive(Debug, Clone, Copy)]
pub struct FormPlaces<'a> {
    pub old: &'a Sheet,
    pub new: &'a Sheet,
    pub lang: UiLang,
}

impl FormPlaces<'_> {
    fn sheet(&self, side: Side) -> &Sheet {
        match side {
            Side::Old => self.old,
            Side::New => self.new,
        }
    }

    /// Where the entry `id` is in its list, and its title.
    fn find(&self, side: Side, list: ListKind, id: &str) -> Option<(&'static str, usize, &str)> {
        let sheet = self.sheet(side);
        match list {
            ListKind::Cards => sheet
                .cards
                .iter()
                .position(|card| card.id == id)
                .map(|i| ("cards", i, sheet.cards[i].title.as_str())),
            ListKind::Sources => sheet
                .sources
                .iter()
                .position(|source| source.id == id)
                .map(|i| ("sources", i, sheet.sources[i].title.as_str())),
            ListKind::Categories => sheet
                .categories
                .iter()
                .position(|category| category.id == id)
                .map(|i| ("categories", i, sheet.categories[i].label.as_str())),
        }
    }

    /// A title or an id in the language's quotation marks.
    fn marked(&self, text: &str) -> String {
        let (open, close) = self.lang.strings().quote_marks;
        format!("{open}{}{close}", cut(text))
    }
}

impl Locator for FormPlaces<'_> {
    fn story_field(&self, field: StoryField) -> String {
        field_label(self.lang.editor_strings(), field.key(), Owner::Story).to_owned()
    }

    fn card_field(&self, field: CardField) -> String {
        field_label(self.lang.editor_strings(), field.key(), Owner::Card).to_owned()
    }

    fn fact_field(&self, field: FactField) -> String {
        let s = self.lang.editor_strings();
        match field {
            // A fact's card is where it is in the forms, not a field of it.
            FactField::Card => s.card.to_owned(),
            field => field_label(s, field.key(), Owner::Card).to_owned(),
        }
    }

    fn status(&self, status: Status) -> String {
        // As the status picker shows it.
        self.lang.strings().status(status).to_owned()
    }

    fn card(&self, side: Side, index: usize, _: &str, _: Option<&str>) -> String {
        // The place says the card's title; the forms do not show its id.
        place(self.sheet(side), &format!("cards[{index}]"), self.lang)
    }

    fn fact(&self, side: Side, at: &FactPlace, _: Option<&str>) -> String {
        place(
            self.sheet(side),
            &format!("cards[{}].facts[{}]", at.card, at.index),
            self.lang,
        )
    }

    fn entry(&self, side: Side, list: ListKind, id: &str) -> String {
        match self.find(side, list, id) {
            Some((key, index, _)) => place(self.sheet(side), &format!("{key}[{index}]"), self.lang),
            None => {
                let s = self.lang.editor_strings();
                let noun = match list {
                    ListKind::Cards => s.card,
                    ListKind::Sources => s.source,
                    ListKind::Categories => s.category,
                };
                format!("{noun} {}", self.marked(id))
            }
        }
    }

    fn value(&self, side: Side, list: ListKind, id: &str) -> String {
        match self.find(side, list, id) {
            Some((_, _, title)) if !title.trim().is_empty() => self.marked(title.trim()),
            _ => self.marked(id),
        }
    }

    fn excerpt_of(&self, side: Side, source: &str) -> String {
        let s = self.lang.editor_strings();
        let excerpt = field_label(s, "excerpt", Owner::Card);
        format!("{excerpt} {}", self.value(side, ListKind::Sources, source))
    }

    fn before_changes(&self) -> &'static str {
        ": "
    }
}

/// `text` with its first letter in lower case, as a field named after a
/// comma reads.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A title short enough to name a place.
fn cut(title: &str) -> String {
    if title.chars().count() <= TITLE_CHARS {
        return title.to_owned();
    }
    let kept: String = title.chars().take(TITLE_CHARS - 1).collect();
    format!("{}…", kept.trim_end())
}
