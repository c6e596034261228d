//! The story sheet, format version 1: the serde types that describe it.
//!
//! These types are the single description of the format. The JSON Schema in
//! docs/factcards.schema.json is generated from them (see `schema.rs`), and
//! `decode.rs` reads text into them field by field so that every problem is
//! reported, not only the first. Documentation comments here become the
//! schema's descriptions, so they are written for editors.

use schemars::JsonSchema;
use serde::Serialize;

/// The format versions this build reads.
pub const SUPPORTED_VERSIONS: &[u32] = &[1];

/// The shortest polling interval a sheet may suggest in `refresh`, in
/// seconds: a newsroom's sheet is not a ticker, and every reader's tab polls.
pub const MIN_REFRESH_SECONDS: u32 = 30;
/// The longest `refresh` a sheet may suggest, in seconds (one day).
pub const MAX_REFRESH_SECONDS: u32 = 86_400;

/// The shape of an ISO 8601 date or date-time, for the schema; `validate.rs`
/// also checks that the date exists.
const DATE_PATTERN: &str = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$";

/// A story sheet: the key facts about one news story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sheet {
    /// The format version. Must be 1.
    pub factcards: FormatVersion,
    /// A slug naming the story, such as "moscow-attack": lowercase letters,
    /// digits and single hyphens. Used in links to cards (#<id>/<card>).
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: String,
    /// The headline of the fact sheet.
    #[schemars(length(min = 1))]
    pub title: String,
    /// One or two sentences on what the story is about.
    #[schemars(length(min = 1))]
    pub summary: String,
    /// The language of the sheet's text as a BCP 47 tag, such as "en" or
    /// "ru". It picks the language of the widget's own labels.
    #[schemars(regex(pattern = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"))]
    pub lang: String,
    /// When the sheet was last updated: an ISO 8601 date (2024-03-23) or
    /// date-time (2024-03-23T18:05:00Z).
    #[schemars(regex(pattern = DATE_PATTERN))]
    pub updated: String,
    /// For a live deck: how often, in seconds, the widget should re-read the
    /// sheet, from 30 to 86400 (one day). A suggestion:
    /// the page's own choice (data-live) wins. Leave it out for a sheet that
    /// does not change by the hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 30, max = 86400))]
    pub refresh: Option<u32>,
    /// Everything the facts cite.
    #[schemars(length(min = 1))]
    pub sources: Vec<Source>,
    /// The groups of cards, in display order.
    #[schemars(length(min = 1))]
    pub categories: Vec<Category>,
    /// The cards, in display order within their category.
    #[schemars(length(min = 1))]
    pub cards: Vec<Card>,
    /// Corrections made since publication, shown in the footer newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// A credit line shown at the foot of the deck, such as "Graphic: Jane
    /// Doe / Newsroom".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1))]
    pub credit: Option<String>,
}

/// The format version number; only the versions in SUPPORTED_VERSIONS exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct FormatVersion(pub u32);

impl JsonSchema for FormatVersion {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FormatVersion".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The format version. Must be 1.",
            "type": "integer",
            "enum": SUPPORTED_VERSIONS,
        })
    }
}

/// Something a fact cites: an article, a statement, a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Unique among the sources; facts cite it by this id.
    #[schemars(length(min = 1))]
    pub id: String,
    /// The title of the source, as the reader will see it.
    #[schemars(length(min = 1))]
    pub title: String,
    /// The short mark facts show for this source, such as "AP" or "1": at
    /// most 12 characters, unique among the sources. Leave it out to number
    /// the sources 1, 2, 3… in the order readers first meet them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(min = 1, max = 12))]
    pub label: Option<String>,
    /// Who published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Where to read it: an http or https address, or one relative to the
    /// sheet's own address that starts with `./` or `../` (a saved copy
    /// served beside the sheet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^(?:[Hh][Tt][Tt][Pp][Ss]?://[^\s]+|\.\.?/[^\s]*)$"))]
    pub url: Option<String>,
    /// When it was published: an ISO 8601 date or date-time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = DATE_PATTERN))]
    pub published: Option<String>,
}

/// A group of cards, such as "Origins" or "Ideology".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Unique among the categories; cards name their category by this id.
    #[schemars(length(min = 1))]
    pub id: String,
    /// The name shown on the filter and above the cards.
    #[schemars(length(min = 1))]
    pub label: String,
    /// A sentence on what the category covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One card: a titled set of facts about one aspect of the story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// Unique among the cards; also the card's link anchor (#<sheet>/<card>).
    #[schemars(length(min = 1))]
    pub id: String,
    /// The id of the category the card belongs to.
    #[schemars(length(min = 1))]
    pub category: String,
    /// The card's heading.
    #[schemars(length(min = 1))]
    pub title: String,
    /// The facts, at least one.
    #[schemars(length(min = 1))]
    pub facts: Vec<Fact>,
    /// Places to highlight on a small world map shown in the card, each
    /// listed once: ISO 3166-1 alpha-2 country codes in upper case ("AF" for
    /// Afghanistan, "IR" for Iran) or macro-region keys such as "middle-east"
    /// (docs/format.md lists them). Leave it out for a card without a map.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(schema_with = "regions_schema")]
    pub regions: Vec<String>,
    /// Places to mark with a dot and a label on the card's map, such as a
    /// city: each a name with its latitude and longitude in degrees. The map
    /// shows them with the card's regions, or alone. Leave it out for a card
    /// without marked places.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
}

impl Card {
    /// Whether the card shows a map: it names regions or marks points.
    pub fn has_map(&self) -> bool {
        !self.regions.is_empty() || !self.points.is_empty()
    }
}

/// The northernmost and southernmost latitudes the map shows, in degrees
/// (data/world-map.json's projection): a point beyond them is refused.
pub const MAP_LATITUDES: (i32, i32) = (-58, 84);

/// A place marked on a card's map: a city, a building, a site.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    /// The label beside the dot, such as "Moscow". Screen readers and the
    /// map's caption name it too.
    #[schemars(length(min = 1))]
    pub name: String,
    /// Latitude in degrees, north positive, such as 55.76: from -58 to 84,
    /// the latitudes the map shows.
    #[schemars(range(min = -58, max = 84))]
    pub lat: f64,
    /// Longitude in degrees, east positive, such as 37.62: from -180 to 180.
    #[schemars(range(min = -180, max = 180))]
    pub lon: f64,
}

// JSON has no NaN, so the coordinates of a decoded point always equal
// themselves; a sheet is compared whole (live updates, diffs).
impl Eq for Point {}

/// The schema of `Card::regions`: a list of distinct known places, so that
/// an editor can complete and check the codes.
fn regions_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let world = super::places::World::get();
    let places: Vec<&str> = world
        .countries()
        .iter()
        .map(|country| country.code.as_str())
        .chain(world.regions().iter().map(|region| region.key.as_str()))
        .collect();
    schemars::json_schema!({
        "type": "array",
        "uniqueItems": true,
        "items": { "type": "string", "enum": places },
    })
}

/// One fact, with how sure it is and what it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// A slug naming the fact, unique in the sheet, such as "death-toll":
    /// lowercase letters, digits and single hyphens. It lets a live deck tell
    /// an edited fact from a new one; keep it when the text changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub id: Option<String>,
    /// The fact, in the newsroom's own words.
    #[schemars(length(min = 1))]
    pub text: String,
    /// How sure the fact is.
    pub status: Status,
    /// The sources it rests on, at least one: each a source's id, or
    /// `{ "source": id, "excerpt": "…" }` to give the passage of that source
    /// the fact rests on.
    #[schemars(length(min = 1))]
    pub sources: Vec<Citation>,
    /// Who claims or reports it, such as "according to experts".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// A short verbatim quote from the source, shown in quotation marks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// A fact's citation of a source: the source's id, and optionally the
/// passage of it the fact rests on. Written as the bare id when there is no
/// excerpt, so that a sheet without excerpts reads and writes as it always
/// has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The id of the cited source.
    pub source: String,
    /// The passage of the source the fact rests on, verbatim: what a
    /// checker compares with the saved source, not a quotation for the
    /// reader (that is the fact's `quote`).
    pub excerpt: Option<String>,
}

impl Citation {
    /// A citation of `source` with no excerpt.
    pub fn new(source: impl Into<String>) -> Self {
        Citation {
            source: source.into(),
            excerpt: None,
        }
    }

    /// A citation of `source` resting on `excerpt`.
    pub fn with_excerpt(source: impl Into<String>, excerpt: impl Into<String>) -> Self {
        Citation {
            source: source.into(),
            excerpt: Some(excerpt.into()),
        }
    }
}

impl From<&str> for Citation {
    fn from(source: &str) -> Self {
        Citation::new(source)
    }
}

impl From<String> for Citation {
    fn from(source: String) -> Self {
        Citation::new(source)
    }
}

// A citation compares with a plain id by its source, so code and tests that
// ask "does this fact cite X" read as before.
impl PartialEq<str> for Citation {
    fn eq(&self, other: &str) -> bool {
        self.source == other
    }
}

impl PartialEq<&str> for Citation {
    fn eq(&self, other: &&str) -> bool {
        self.source == *other
    }
}

impl PartialEq<String> for Citation {
    fn eq(&self, other: &String) -> bool {
        self.source == *other
    }
}

impl Serialize for Citation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        match &self.excerpt {
            None => serializer.serialize_str(&self.source),
            Some(excerpt) => {
                let mut fields = serializer.serialize_struct("Citation", 2)?;
                fields.serialize_field("source", &self.source)?;
                fields.serialize_field("excerpt", excerpt)?;
                fields.end()
            }
        }
    }
}

impl JsonSchema for Citation {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Citation".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A cited source: its id, or an object with its id and the passage of it the fact rests on.",
            "oneOf": [
                {
                    "description": "The id of the cited source.",
                    "type": "string",
                    "minLength": 1,
                },
                {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["source"],
                    "properties": {
                        "source": {
                            "description": "The id of the cited source.",
                            "type": "string",
                            "minLength": 1,
                        },
                        "excerpt": {
                            "description": "The passage of the source the fact rests on, verbatim (whitespace, quote marks and dashes may differ): at most 1000 characters. Not shown as a quotation; that is `quote`.",
                            "type": "string",
                            "minLength": 1,
                            "maxLength": super::limits::MAX_EXCERPT_CHARS,
                        },
                    },
                },
            ],
        })
    }
}

/// How sure a fact is. The reader always sees it as a word, not only a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Established by the newsroom or by its sources as fact.
    Confirmed,
    /// Asserted by a party to the story (for example a claim of
    /// responsibility) and not independently established.
    Claimed,
    /// Reported by the sources, not independently confirmed.
    Reported,
    /// Not known; the sources say it remains unclear.
    Unclear,
    /// Contested by credible sources.
    Disputed,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Confirmed,
        Status::Claimed,
        Status::Reported,
        Status::Unclear,
        Status::Disputed,
    ];

    /// The word used in sheets.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Claimed => "claimed",
            Status::Reported => "reported",
            Status::Unclear => "unclear",
            Status::Disputed => "disputed",
        }
    }

    pub fn from_name(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.as_str() == name)
    }
}

/// A correction made after publication.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// When it was corrected: an ISO 8601 date or date-time.
    #[schemars(regex(pattern = DATE_PATTERN))]
    pub date: String,
    /// What was corrected, for the reader.
    #[schemars(length(min = 1))]
    pub text: String,
    /// The id of the corrected card, which is then marked "Corrected".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<String>,
}

impl Sheet {
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|category| category.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    /// The indices of the cards in display order: by category, in the
    /// categories' order, then in sheet order within each.
    pub fn display_order(&self) -> Vec<usize> {
        self.categories
            .iter()
            .flat_map(|category| {
                self.cards
                    .iter()
                    .enumerate()
                    .filter(move |(_, card)| card.category == category.id)
                    .map(|(index, _)| index)
            })
            .collect()
    }

    pub fn card_index(&self, id: &str) -> Option<usize> {
        self.cards.iter().position(|card| card.id == id)
    }

    /// Whether a correction names this card.
    pub fn is_corrected(&self, card_id: &str) -> bool {
        self.corrections
            .iter()
            .any(|correction| correction.card.as_deref() == Some(card_id))
    }

    /// The corrections, newest first (ISO dates sort as text), those of one
    /// date in sheet order. An unstable sort with the index as tie-break
    /// keeps that order without a stable sort's code in the wasm.
    pub fn corrections_newest_first(&self) -> Vec<&Correction> {
        let mut corrections: Vec<(usize, &Correction)> = self.corrections.iter().enumerate().collect();
        corrections.sort_unstable_by(|(i, a), (j, b)| b.date.cmp(&a.date).then(i.cmp(j)));
        corrections
            .into_iter()
            .map(|(_, correction)| correction)
            .collect()
    }
}
