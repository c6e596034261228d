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
    /// Starts the map's text alternative: "Map highlighting" + the places.
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
    map_title: "Map highlighting",
    map_caption: "On the map:",
    list_and: "and",
    facts_word: ["fact", "facts", "facts"],
    cards_word: ["card", "cards", "cards"],
    showing: "Showing",
    quote_marks: ("“", "”"),
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    statuses: ["Confirmed", "Claimed", "Reported", "Unclear", "Disputed"],
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
    // "Выделено" (impersonal) agrees with any list: "Выделено на карте:
    // Афганистан, Пакистан и Иран".
    map_title: "Выделено на карте:",
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
        match self.tag {
            "ru" => match (n % 10, n % 100) {
                (1, rest) if rest != 11 => 0,
                (2..=4, rest) if !(12..=14).contains(&rest) => 1,
                _ => 2,
            },
            _ => usize::from(n != 1),
        }
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
