//! A sheet written in a spreadsheet: imported from CSV or TSV (pasted from
//! Google Sheets, Excel or LibreOffice, or a .csv file) and exported back in
//! the same layout, which docs/format.md ("Writing a sheet in a spreadsheet")
//! describes and docs/template.csv shows.
//!
//! The layout is one table in one tab, in blocks: a row `# story`, `#
//! sources`, `# categories`, `# facts` or `# corrections`, then a row naming
//! the block's columns, then its rows. One tab, because a .csv file holds
//! only one and a copy-paste takes one range; blocks, because each part of a
//! sheet has columns of its own. Facts are one row each; consecutive rows of
//! one card form the card.
//!
//! An imported sheet is checked by the same rules as a JSON one
//! (validate.rs), and every problem names the row and column it comes from:
//! `row 7, column "status": unknown status "confimed" (did you mean
//! "confirmed"?)`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::decode::{Gaps, unknown_status};
use super::error::{Problem, Severity};
use super::report::summary;
use super::sheet::{
    Card, Category, Citation, Correction, Fact, FormatVersion, SUPPORTED_VERSIONS, Sheet, Source, Status,
};
use super::suggest::{quoted_list, suggest};
use super::validate;

/// The template a new sheet starts from, in the layout `export` writes.
pub const TEMPLATE_CSV: &str = include_str!("../../docs/template.csv");

/// Where a problem is in the spreadsheet: a row counted from 1 as the
/// spreadsheet numbers it, and the name of a column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub row: usize,
    pub column: Option<&'static str>,
}

impl fmt::Display for Place {
    /// `row 7, column "status"` or `row 7`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {}", self.row)?;
        match self.column {
            Some(column) => write!(f, ", column \"{column}\""),
            None => Ok(()),
        }
    }
}

/// One problem of an imported spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub severity: Severity,
    /// Where in the spreadsheet, when the problem has a place there (an
    /// empty list of sources, say, has none).
    pub place: Option<Place>,
    /// The JSON path of the value in the imported sheet, as `check` gives
    /// it (`cards[0].facts[2].status`); empty for a problem of the
    /// spreadsheet's own layout.
    pub path: String,
    pub message: String,
}

impl fmt::Display for ImportProblem {
    /// `row 7, column "status": unknown status "confimed" (did you mean
    /// "confirmed"?)`, or `sources: the list is empty: …` without a place.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.place, self.path.is_empty()) {
            (Some(place), _) => write!(f, "{place}: {}", self.message),
            (None, false) => write!(f, "{}: {}", self.path, self.message),
            (None, true) => f.write_str(&self.message),
        }
    }
}

/// What importing a spreadsheet gave: the sheet if it has no errors, and
/// every problem, by row.
#[derive(Debug, Clone)]
pub struct Import {
    pub sheet: Option<Sheet>,
    pub problems: Vec<ImportProblem>,
}

impl Import {
    pub fn errors(&self) -> impl Iterator<Item = &ImportProblem> {
        self.problems.iter().filter(|p| p.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &ImportProblem> {
        self.problems.iter().filter(|p| p.severity == Severity::Warning)
    }

    /// `ok`, `ok, 1 warning` or `2 errors, 1 warning`, as `Report` says it.
    pub fn summary(&self) -> String {
        summary(self.errors().count(), self.warnings().count())
    }
}

/// Why a sheet cannot be written in the spreadsheet layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportError {
    /// The JSON path of the value that cannot be written.
    pub path: String,
    pub message: String,
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for ExportError {}

/// One import problem as the CLI prints it:
/// `FILE: error: row 7, column "status": MESSAGE`.
pub fn import_problem_line(file: &str, problem: &ImportProblem) -> String {
    let severity = match problem.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    format!("{file}: {severity}: {problem}")
}

// ---------------------------------------------------------------------------
// The layout
// ---------------------------------------------------------------------------

/// The blocks of the layout, in the order `export` writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Block {
    Story,
    Sources,
    Categories,
    Facts,
    Corrections,
}

impl Block {
    const ALL: [Block; 5] = [
        Block::Story,
        Block::Sources,
        Block::Categories,
        Block::Facts,
        Block::Corrections,
    ];

    fn name(self) -> &'static str {
        match self {
            Block::Story => "story",
            Block::Sources => "sources",
            Block::Categories => "categories",
            Block::Facts => "facts",
            Block::Corrections => "corrections",
        }
    }

    /// The columns, in the order `export` writes them.
    fn columns(self) -> &'static [&'static str] {
        match self {
            Block::Story => &["id", "title", "summary", "lang", "updated", "credit", "refresh"],
            Block::Sources => &["id", "title", "label", "publisher", "url", "published"],
            Block::Categories => &["id", "label", "description"],
            Block::Facts => &[
                "category",
                "card",
                "fact",
                "status",
                "sources",
                "attribution",
                "quote",
                "card_id",
                "regions",
                "fact_id",
                "excerpt",
            ],
            Block::Corrections => &["date", "text", "card"],
        }
    }

    /// The columns a block must have; ids are made from titles when absent.
    fn required(self) -> &'static [&'static str] {
        match self {
            Block::Story => &["title", "summary", "lang", "updated"],
            Block::Sources => &["title"],
            Block::Categories => &["label"],
            Block::Facts => &["card", "fact", "status", "sources"],
            Block::Corrections => &["date", "text"],
        }
    }
}

/// What separates the excerpts in a cell of `excerpt`, one per cited source
/// in the order of `sources`: a mark that prose seldom has, unlike the commas
/// and semicolons of a list of ids.
const EXCERPT_SEPARATOR: char = '|';

/// What separates the ids in a cell of `sources` or `regions`.
const LIST_SEPARATORS: [char; 3] = [',', ';', '\n'];

// ---------------------------------------------------------------------------
// Reading rows
// ---------------------------------------------------------------------------

/// One row of a block: its number in the spreadsheet and its cells by column.
struct Row {
    number: usize,
    cells: BTreeMap<&'static str, String>,
}

impl Row {
    /// The cell as written (texts keep their spaces).
    fn text(&self, column: &str) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }

    /// The cell trimmed, for ids, names and lists.
    fn word(&self, column: &str) -> &str {
        self.text(column).trim()
    }

    /// An optional text: an empty cell is no value.
    fn optional(&self, column: &str) -> Option<String> {
        let text = self.text(column);
        (!text.trim().is_empty()).then(|| text.to_owned())
    }
}

/// A block as read: where it starts, and its rows.
struct Table {
    marker_row: usize,
    rows: Vec<Row>,
}

/// Collects the problems of an import, each at its place.
struct Importer {
    problems: Vec<ImportProblem>,
    /// Where each value of the imported sheet came from, by JSON path.
    places: BTreeMap<String, Place>,
    gaps: Gaps,
}

impl Importer {
    fn error(&mut self, place: Option<Place>, path: String, message: String) {
        self.problems.push(ImportProblem {
            severity: Severity::Error,
            place,
            path,
            message,
        });
    }

    fn at(row: usize, column: &'static str) -> Option<Place> {
        Some(Place {
            row,
            column: Some(column),
        })
    }

    fn place(&mut self, path: String, row: usize, column: Option<&'static str>) {
        self.places.insert(path, Place { row, column });
    }

    /// The place of `path`, or of the nearest value that holds it.
    fn place_of(&self, path: &str) -> Option<Place> {
        let mut path = path;
        loop {
            if let Some(place) = self.places.get(path) {
                return Some(place.clone());
            }
            let cut = if path.ends_with(']') {
                path.rfind('[')
            } else {
                path.rfind('.')
            }?;
            path = &path[..cut];
        }
    }
}

/// Imports a spreadsheet saved or pasted as CSV or TSV: UTF-8 (with or
/// without a byte order mark) or UTF-16 with one (Excel's "Unicode text").
pub fn import(bytes: &[u8]) -> Import {
    match decode_text(bytes) {
        Ok(text) => import_text(&text),
        Err(message) => Import {
            sheet: None,
            problems: vec![ImportProblem {
                severity: Severity::Error,
                place: None,
                path: String::new(),
                message,
            }],
        },
    }
}

pub fn decode_text(bytes: &[u8]) -> Result<String, String> {
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|pair| unit([pair[0], pair[1]]))
            .collect();
        String::from_utf16(&units).map_err(|_| "the file is not valid UTF-16 text".to_owned())
    };
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8(bytes.to_vec()).map_err(|error| {
            let row = bytes[..error.utf8_error().valid_up_to()]
                .iter()
                .filter(|&&byte| byte == b'\n')
                .count()
                + 1;
            format!(
                "line {row}: the file is not UTF-8 text: save it as \"CSV UTF-8\" (Excel) or \
                 \"Text CSV\" with the UTF-8 character set (LibreOffice)"
            )
        }),
    }
}

/// Imports CSV or TSV text. The delimiter (tab, comma or semicolon) is
/// found from the text.
pub fn import_text(text: &str) -> Import {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut importer = Importer {
        problems: Vec::new(),
        places: BTreeMap::new(),
        gaps: Gaps::default(),
    };
    let records = match read_records(text) {
        Ok(records) => records,
        Err(message) => {
            importer.error(None, String::new(), message);
            return finish(importer, None);
        }
    };
    let tables = split_blocks(&mut importer, records);
    // With the layout wrong, the rows cannot be read for what they mean.
    if !importer.problems.is_empty() {
        return finish(importer, None);
    }
    let sheet = build_sheet(&mut importer, tables);
    finish(importer, sheet)
}

/// Runs the sheet's rules on what was imported, and puts every problem at
/// its place.
fn finish(mut importer: Importer, sheet: Option<Sheet>) -> Import {
    if let Some(sheet) = &sheet {
        let mut problems: Vec<Problem> = Vec::new();
        validate::validate(sheet, &importer.gaps, None, &mut problems);
        for problem in problems {
            let place = importer.place_of(&problem.path);
            importer.problems.push(ImportProblem {
                severity: problem.severity,
                place,
                path: problem.path,
                message: problem.message,
            });
        }
    }
    let mut problems = importer.problems;
    problems.sort_by_key(|problem| problem.place.as_ref().map(|place| place.row));
    let has_errors = problems.iter().any(|p| p.severity == Severity::Error);
    Import {
        sheet: if has_errors { None } else { sheet },
        problems,
    }
}

/// The records of the text, each with the spreadsheet row it is, and with
/// rows whose cells are all empty left out.
fn read_records(text: &str) -> Result<Vec<(usize, Vec<String>)>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(detect_delimiter(text))
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    // Rows are counted as the spreadsheet does: every line break outside
    // quotes ends one, an empty line too (the reader skips those).
    let bytes = text.as_bytes();
    let mut counted_to = 0;
    let mut row = 1;
    for result in reader.records() {
        let record = result.map_err(|error| match error.position() {
            Some(position) => format!("line {}: {}", position.line(), error.kind_message()),
            None => error.kind_message(),
        })?;
        // A record's position is where the reader began it, before the
        // empty lines it skipped.
        let mut start = record
            .position()
            .map_or(counted_to, |position| {
                usize::try_from(position.byte()).unwrap_or(usize::MAX)
            })
            .clamp(counted_to, bytes.len());
        while matches!(bytes.get(start), Some(b'\n' | b'\r')) {
            start += 1;
        }
        row += unquoted_line_breaks(&bytes[counted_to..start]);
        counted_to = start;
        let cells: Vec<String> = record.iter().map(|cell| unguarded(cell).to_owned()).collect();
        if cells.iter().any(|cell| !cell.trim().is_empty()) {
            records.push((row, cells));
        }
    }
    Ok(records)
}

/// The line breaks in `bytes` that are not inside a quoted cell (a doubled
/// quote inside one toggles twice, so it changes nothing).
fn unquoted_line_breaks(bytes: &[u8]) -> usize {
    let mut quoted = false;
    let mut breaks = 0;
    for &byte in bytes {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => breaks += 1,
            _ => {}
        }
    }
    breaks
}

trait KindMessage {
    fn kind_message(&self) -> String;
}

impl KindMessage for csv::Error {
    /// The reason without the crate's own position prefix.
    fn kind_message(&self) -> String {
        match self.kind() {
            csv::ErrorKind::Utf8 { .. } => "the text is not UTF-8".to_owned(),
            csv::ErrorKind::Io(error) => error.to_string(),
            _ => "the text cannot be read as CSV".to_owned(),
        }
    }
}

/// Tab, semicolon or comma: the one found on the most lines outside quotes
/// (a block's name row has none), then the most often. Excel writes
/// semicolons where the decimal separator is a comma, and a paste from any
/// spreadsheet is tab-separated.
fn detect_delimiter(text: &str) -> u8 {
    const CANDIDATES: [u8; 3] = [b'\t', b';', b','];
    let mut lines_with = [0usize; 3];
    let mut counts = [0usize; 3];
    let mut quoted = false;
    let mut line_counts = [0usize; 3];
    let mut lines_seen = 0;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                for index in 0..3 {
                    lines_with[index] += usize::from(line_counts[index] > 0);
                    counts[index] += line_counts[index];
                }
                line_counts = [0; 3];
                lines_seen += 1;
                if lines_seen == 40 {
                    break;
                }
            }
            _ if !quoted => {
                if let Some(index) = CANDIDATES.iter().position(|&c| c == byte) {
                    line_counts[index] += 1;
                }
            }
            _ => {}
        }
    }
    for index in 0..3 {
        lines_with[index] += usize::from(line_counts[index] > 0);
        counts[index] += line_counts[index];
    }
    let best = (0..3)
        .max_by_key(|&index| (lines_with[index], counts[index], 3 - index))
        .unwrap_or(2);
    if lines_with[best] == 0 {
        b','
    } else {
        CANDIDATES[best]
    }
}

/// The block a row names, if its first cell is `# name` and the rest are
/// empty.
fn marker(cells: &[String]) -> Option<&str> {
    let name = cells.first()?.trim().strip_prefix('#')?;
    cells[1..]
        .iter()
        .all(|cell| cell.trim().is_empty())
        .then(|| name.trim())
}

/// Splits the records into blocks, reading each block's header row.
fn split_blocks(importer: &mut Importer, records: Vec<(usize, Vec<String>)>) -> BTreeMap<Block, Table> {
    let mut tables: BTreeMap<Block, Table> = BTreeMap::new();
    // The block being read and its columns (none until its header row).
    let mut current: Option<(Block, Option<Vec<Option<&'static str>>>)> = None;
    let mut skipping = false;
    for (row, cells) in records {
        if let Some(name) = marker(&cells) {
            let names: Vec<&str> = Block::ALL.iter().map(|block| block.name()).collect();
            let lower = name.to_lowercase();
            match Block::ALL.iter().find(|block| block.name() == lower) {
                Some(&block) if tables.contains_key(&block) => {
                    let message = format!("a second \"# {lower}\" block: put all its rows in one");
                    importer.error(Some(Place { row, column: None }), String::new(), message);
                    current = None;
                    skipping = true;
                }
                Some(&block) => {
                    tables.insert(
                        block,
                        Table {
                            marker_row: row,
                            rows: Vec::new(),
                        },
                    );
                    current = Some((block, None));
                    skipping = false;
                }
                None => {
                    let message = match suggest(&lower, &names) {
                        Some(near) => format!("unknown block \"# {name}\" (did you mean \"# {near}\"?)"),
                        None => format!(
                            "unknown block \"# {name}\" (the blocks are: {})",
                            quoted_list(names.iter().copied())
                        ),
                    };
                    importer.error(Some(Place { row, column: None }), String::new(), message);
                    current = None;
                    skipping = true;
                }
            }
            continue;
        }
        match &mut current {
            None if skipping => {}
            None => {
                let message = "expected a block's name such as \"# story\" in the first column, \
                               before the block's rows"
                    .to_owned();
                importer.error(Some(Place { row, column: None }), String::new(), message);
                skipping = true;
            }
            Some((block, columns @ None)) => {
                *columns = Some(read_header(importer, *block, row, &cells));
            }
            Some((block, Some(columns))) => {
                let mut row_cells = BTreeMap::new();
                for (index, cell) in cells.into_iter().enumerate() {
                    match columns.get(index) {
                        Some(Some(column)) => {
                            row_cells.insert(*column, cell);
                        }
                        // Under an unknown column, already reported.
                        Some(None) => {}
                        None if cell.trim().is_empty() => {}
                        None => {
                            let message = format!(
                                "this cell has no column: the block's header row names {} columns",
                                columns.len()
                            );
                            let place = Place { row, column: None };
                            importer.error(Some(place), String::new(), message);
                        }
                    }
                }
                if let Some(table) = tables.get_mut(block) {
                    table.rows.push(Row {
                        number: row,
                        cells: row_cells,
                    });
                }
            }
        }
    }
    tables
}

/// The columns a header row names, in order (`None` for one not known,
/// which is reported).
fn read_header(
    importer: &mut Importer,
    block: Block,
    row: usize,
    cells: &[String],
) -> Vec<Option<&'static str>> {
    let known = block.columns();
    let mut columns = Vec::new();
    for cell in cells {
        let name = cell.trim().to_lowercase().replace([' ', '-'], "_");
        if name.is_empty() {
            columns.push(None);
            continue;
        }
        match known.iter().find(|&&column| column == name) {
            Some(&column) if columns.contains(&Some(column)) => {
                let message = format!("the column \"{column}\" is named twice");
                importer.error(Some(Place { row, column: None }), String::new(), message);
                columns.push(None);
            }
            Some(&column) => columns.push(Some(column)),
            None => {
                let message = match suggest(&name, known) {
                    Some(near) => format!(
                        "unknown column \"{}\" in \"# {}\" (did you mean \"{near}\"?)",
                        cell.trim(),
                        block.name()
                    ),
                    None => format!(
                        "unknown column \"{}\" in \"# {}\" (its columns are: {})",
                        cell.trim(),
                        block.name(),
                        quoted_list(known.iter().copied())
                    ),
                };
                importer.error(Some(Place { row, column: None }), String::new(), message);
                columns.push(None);
            }
        }
    }
    for required in block.required() {
        if !columns.contains(&Some(*required)) {
            let message = format!("\"# {}\" has no \"{required}\" column", block.name());
            importer.error(Some(Place { row, column: None }), String::new(), message);
        }
    }
    columns
}

// ---------------------------------------------------------------------------
// Building the sheet
// ---------------------------------------------------------------------------

/// A card being gathered from consecutive fact rows.
struct CardRows {
    /// The cells that name the card, as written on its first row (the
    /// category filled down from the card before).
    category: String,
    title: String,
    id: String,
    first_row: usize,
    regions: Option<(usize, String)>,
    facts: Vec<Row>,
}

fn build_sheet(importer: &mut Importer, mut tables: BTreeMap<Block, Table>) -> Option<Sheet> {
    for block in [Block::Story, Block::Facts] {
        if !tables.contains_key(&block) {
            let message = format!(
                "the spreadsheet has no \"# {}\" block: docs/template.csv shows the layout",
                block.name()
            );
            importer.error(None, String::new(), message);
        }
    }
    let (Some(story), Some(facts)) = (tables.remove(&Block::Story), tables.remove(&Block::Facts)) else {
        return None;
    };
    let sources_table = tables.remove(&Block::Sources);
    let categories_table = tables.remove(&Block::Categories);
    let corrections_table = tables.remove(&Block::Corrections);

    // The story: one row.
    let story_row = match story.rows.as_slice() {
        [] => {
            let place = Some(Place {
                row: story.marker_row,
                column: None,
            });
            let message = "the story block has no row: give the story's title, summary, lang and updated";
            importer.error(place, String::new(), message.to_owned());
            return None;
        }
        [row, rest @ ..] => {
            for extra in rest {
                let place = Some(Place {
                    row: extra.number,
                    column: None,
                });
                let message = "the story block has one row; this one is left out";
                importer.error(place, String::new(), message.to_owned());
            }
            row
        }
    };
    for column in Block::Story.columns() {
        importer.place(column.to_string(), story_row.number, Some(column));
    }
    let refresh = match story_row.word("refresh") {
        "" => None,
        cell => match cell.parse::<u32>() {
            Ok(seconds) if cell.bytes().all(|b| b.is_ascii_digit()) => Some(seconds),
            _ => {
                let message = format!("\"{cell}\" is not a whole number of seconds, such as 120");
                importer.error(
                    Importer::at(story_row.number, "refresh"),
                    "refresh".to_owned(),
                    message,
                );
                importer.gaps.add_path("refresh".to_owned());
                None
            }
        },
    };
    let story_id = match story_row.word("id") {
        "" => slug(story_row.text("title")).unwrap_or_else(|| "story".to_owned()),
        id => id.to_owned(),
    };

    // Sources and categories, with ids made from titles where none is given.
    let source_rows = sources_table.map(|table| table.rows).unwrap_or_default();
    let source_ids = ids(&source_rows, "id", "title", "source");
    let sources: Vec<Source> = source_rows
        .iter()
        .zip(source_ids)
        .enumerate()
        .map(|(index, (row, id))| {
            let path = format!("sources[{index}]");
            importer.place(path.clone(), row.number, None);
            for column in Block::Sources.columns() {
                importer.place(format!("{path}.{column}"), row.number, Some(column));
            }
            if row.word("id").is_empty() {
                importer.place(format!("{path}.id"), row.number, Some("title"));
            }
            Source {
                id,
                title: row.text("title").to_owned(),
                label: row.optional("label").map(|label| label.trim().to_owned()),
                publisher: row.optional("publisher"),
                url: row.optional("url").map(|url| url.trim().to_owned()),
                published: row.optional("published").map(|date| date.trim().to_owned()),
            }
        })
        .collect();

    let cards_rows = group_cards(importer, facts.rows);
    let categories_given = categories_table.is_some();
    let category_rows = categories_table.map(|table| table.rows).unwrap_or_default();
    let mut categories: Vec<Category> = category_rows
        .iter()
        .zip(ids(&category_rows, "id", "label", "category"))
        .enumerate()
        .map(|(index, (row, id))| {
            let path = format!("categories[{index}]");
            importer.place(path.clone(), row.number, None);
            for column in Block::Categories.columns() {
                importer.place(format!("{path}.{column}"), row.number, Some(column));
            }
            if row.word("id").is_empty() {
                importer.place(format!("{path}.id"), row.number, Some("label"));
            }
            Category {
                id,
                label: row.text("label").to_owned(),
                description: row.optional("description"),
            }
        })
        .collect();
    if !categories_given {
        // Without a categories block, the facts' category cells are the
        // categories' labels, in the order they first appear.
        let mut used: BTreeSet<String> = BTreeSet::new();
        for card in &cards_rows {
            let label = card.category.trim();
            if label.is_empty() || categories.iter().any(|category| category.label == label) {
                continue;
            }
            let index = categories.len();
            importer.place(format!("categories[{index}]"), card.first_row, Some("category"));
            categories.push(Category {
                id: unique(slug(label), "category", index, &mut used),
                label: label.to_owned(),
                description: None,
            });
        }
    }

    // Cards, their facts and their ids.
    let given_card_ids: BTreeSet<String> = cards_rows
        .iter()
        .filter(|card| !card.id.is_empty())
        .map(|card| card.id.clone())
        .collect();
    let mut used_card_ids = given_card_ids.clone();
    let mut cards = Vec::new();
    for (index, card_rows) in cards_rows.into_iter().enumerate() {
        let id = if card_rows.id.is_empty() {
            unique(slug(&card_rows.title), "card", index, &mut used_card_ids)
        } else {
            card_rows.id.clone()
        };
        cards.push(build_card(importer, index, id, card_rows, &categories, &sources));
    }

    let correction_rows = corrections_table.map(|table| table.rows).unwrap_or_default();
    let corrections = correction_rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let path = format!("corrections[{index}]");
            importer.place(path.clone(), row.number, None);
            for column in Block::Corrections.columns() {
                importer.place(format!("{path}.{column}"), row.number, Some(column));
            }
            let card = row.optional("card").map(|card| card.trim().to_owned());
            // A card named by its title, as in the facts block.
            let card = card.map(|card| match cards.iter().find(|c: &&Card| c.id == card) {
                Some(_) => card,
                None => cards
                    .iter()
                    .find(|c| c.title.trim() == card)
                    .map_or(card, |c| c.id.clone()),
            });
            Correction {
                date: row.word("date").to_owned(),
                text: row.text("text").to_owned(),
                card,
            }
        })
        .collect();

    Some(Sheet {
        factcards: FormatVersion(SUPPORTED_VERSIONS[0]),
        id: story_id,
        title: story_row.text("title").to_owned(),
        summary: story_row.text("summary").to_owned(),
        lang: story_row.word("lang").to_owned(),
        updated: story_row.word("updated").to_owned(),
        refresh,
        sources,
        categories,
        cards,
        corrections,
        credit: story_row.optional("credit"),
    })
}

/// Gathers consecutive fact rows into cards. A row continues the card above
/// when each of its `category`, `card` and `card_id` cells is empty or the
/// same as the card's; an empty `category` is filled down.
fn group_cards(importer: &mut Importer, rows: Vec<Row>) -> Vec<CardRows> {
    let mut cards: Vec<CardRows> = Vec::new();
    for row in rows {
        let (category, title, id) = (row.word("category"), row.word("card"), row.word("card_id"));
        if let Some(card) = cards.last_mut() {
            let same = |cell: &str, card_cell: &str| cell.is_empty() || cell == card_cell;
            if same(category, &card.category) && same(title, card.title.trim()) && same(id, &card.id) {
                let regions = row.word("regions");
                if !regions.is_empty() {
                    match &card.regions {
                        None => card.regions = Some((row.number, regions.to_owned())),
                        Some((_, first)) if first == regions => {}
                        Some((first_row, _)) => {
                            let message = format!(
                                "the card's regions are already given in row {first_row}: give them once, on one of its rows"
                            );
                            importer.error(Importer::at(row.number, "regions"), String::new(), message);
                        }
                    }
                }
                card.facts.push(row);
                continue;
            }
        }
        let category = match (category, cards.last()) {
            ("", Some(card)) => card.category.clone(),
            (category, _) => category.to_owned(),
        };
        let regions = row.word("regions");
        cards.push(CardRows {
            category,
            title: row.text("card").to_owned(),
            id: id.to_owned(),
            first_row: row.number,
            regions: (!regions.is_empty()).then(|| (row.number, regions.to_owned())),
            facts: vec![row],
        });
    }
    cards
}

fn build_card(
    importer: &mut Importer,
    index: usize,
    id: String,
    rows: CardRows,
    categories: &[Category],
    sources: &[Source],
) -> Card {
    let path = format!("cards[{index}]");
    let first = rows.first_row;
    importer.place(path.clone(), first, Some("card"));
    importer.place(format!("{path}.title"), first, Some("card"));
    let id_column = if rows.id.is_empty() { "card" } else { "card_id" };
    importer.place(format!("{path}.id"), first, Some(id_column));
    importer.place(format!("{path}.category"), first, Some("category"));
    // A category named by its id, or by its label.
    let category = match categories.iter().find(|category| category.id == rows.category) {
        Some(category) => category.id.clone(),
        None => categories
            .iter()
            .find(|category| category.label.trim() == rows.category)
            .map_or_else(|| rows.category.clone(), |category| category.id.clone()),
    };
    if category.is_empty() {
        let message = "the card has no category: name one of the categories".to_owned();
        importer.error(
            Importer::at(first, "category"),
            format!("{path}.category"),
            message,
        );
        importer.gaps.add_path(format!("{path}.category"));
    }
    let regions = match &rows.regions {
        Some((row, cell)) => {
            let list = split_list(cell);
            for position in 0..list.len() {
                importer.place(format!("{path}.regions[{position}]"), *row, Some("regions"));
            }
            list
        }
        None => Vec::new(),
    };
    let facts = rows
        .facts
        .iter()
        .enumerate()
        .map(|(fact_index, row)| build_fact(importer, &format!("{path}.facts[{fact_index}]"), row, sources))
        .collect();
    Card {
        id,
        category,
        title: rows.title,
        facts,
        regions,
        // The spreadsheet layout has no column for points (see export).
        points: Vec::new(),
    }
}

fn build_fact(importer: &mut Importer, path: &str, row: &Row, sources: &[Source]) -> Fact {
    importer.place(path.to_owned(), row.number, None);
    for (field, column) in [
        ("text", "fact"),
        ("status", "status"),
        ("sources", "sources"),
        ("attribution", "attribution"),
        ("quote", "quote"),
        ("id", "fact_id"),
    ] {
        importer.place(format!("{path}.{field}"), row.number, Some(column));
    }
    let name = row.word("status").to_lowercase();
    let status = match Status::from_name(&name) {
        Some(status) => status,
        None => {
            let status_path = format!("{path}.status");
            let message = if name.is_empty() {
                format!(
                    "the fact has no status: write one of {}",
                    quoted_list(Status::ALL.iter().map(|status| status.as_str()))
                )
            } else {
                unknown_status(row.word("status"))
            };
            importer.error(Importer::at(row.number, "status"), status_path.clone(), message);
            importer.gaps.add_path(status_path);
            Status::Confirmed
        }
    };
    // A source named by its id, or by its title.
    let mut cited: Vec<Citation> = split_list(row.text("sources"))
        .into_iter()
        .map(|name| match sources.iter().find(|source| source.id == name) {
            Some(_) => Citation::new(name),
            None => Citation::new(
                sources
                    .iter()
                    .find(|source| source.title.trim() == name)
                    .map_or(name, |source| source.id.clone()),
            ),
        })
        .collect();
    let excerpts = row.text("excerpt");
    if !excerpts.trim().is_empty() {
        let parts: Vec<&str> = excerpts.split(EXCERPT_SEPARATOR).map(str::trim).collect();
        if parts.len() == cited.len() {
            for (index, (citation, part)) in cited.iter_mut().zip(parts).enumerate() {
                importer.place(
                    format!("{path}.sources[{index}].excerpt"),
                    row.number,
                    Some("excerpt"),
                );
                citation.excerpt = (!part.is_empty()).then(|| part.to_owned());
            }
        } else {
            let message = format!(
                "{} excerpts for {} sources: write one per cited source, in the order of \"sources\", separated by \"{EXCERPT_SEPARATOR}\" (leave one empty for a source with none)",
                parts.len(),
                cited.len()
            );
            importer.error(
                Importer::at(row.number, "excerpt"),
                format!("{path}.sources"),
                message,
            );
        }
    }
    Fact {
        id: row.optional("fact_id").map(|id| id.trim().to_owned()),
        text: row.text("fact").to_owned(),
        status,
        sources: cited,
        attribution: row.optional("attribution"),
        quote: row.optional("quote"),
    }
}

/// The ids of a block's rows: the `id` cell, or a slug of the title,
/// unique among the block's ids.
fn ids(rows: &[Row], id_column: &str, title_column: &str, kind: &str) -> Vec<String> {
    let mut used: BTreeSet<String> = rows
        .iter()
        .map(|row| row.word(id_column))
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .collect();
    rows.iter()
        .enumerate()
        .map(|(index, row)| match row.word(id_column) {
            "" => unique(slug(row.text(title_column)), kind, index, &mut used),
            id => id.to_owned(),
        })
        .collect()
}

/// `base`, or `base-2`, `base-3`… whichever is not used yet; `kind-N` when
/// the title gives no slug (it has no Latin letter or digit).
fn unique(base: Option<String>, kind: &str, index: usize, used: &mut BTreeSet<String>) -> String {
    let base = base.unwrap_or_else(|| format!("{kind}-{}", index + 1));
    let mut id = base.clone();
    let mut n = 2;
    while used.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

/// A slug of a title: its Latin letters and digits in lower case, words
/// joined by single hyphens, at most 60 characters; `None` if there are
/// none. Apostrophes join rather than split ("council's" → "councils").
pub fn slug(title: &str) -> Option<String> {
    let mut slug = String::new();
    let mut pending_hyphen = false;
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                if slug.len() >= 60 {
                    break;
                }
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(c.to_ascii_lowercase());
        } else if !matches!(c, '\'' | '’') {
            pending_hyphen = true;
        }
    }
    (!slug.is_empty()).then_some(slug)
}

/// The entries of a `sources` or `regions` cell: separated by commas,
/// semicolons or line breaks, trimmed, empty ones left out.
fn split_list(cell: &str) -> Vec<String> {
    cell.split(LIST_SEPARATORS)
        .map(str::trim)
        .filter(|entry| !entry.is_empty())
        .map(str::to_owned)
        .collect()
}

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

/// Writes a sheet in the spreadsheet layout, as CSV with commas: every block,
/// the `id` and `card_id` cells always filled, a card's title and category on
/// each of its rows (so sorting or filtering the rows keeps them) and its
/// regions on its first. Importing the result gives the same sheet.
///
/// Fails for an id that a list cell cannot hold: one with a comma, a
/// semicolon or a line break (a `sources` or `regions` cell separates its ids
/// with those), and for a card with `points`, which the layout has no
/// column for: better no file than one that silently loses them.
pub fn export(sheet: &Sheet) -> Result<String, ExportError> {
    let mut out = String::new();
    let story = vec![
        sheet.id.clone(),
        sheet.title.clone(),
        sheet.summary.clone(),
        sheet.lang.clone(),
        sheet.updated.clone(),
        sheet.credit.clone().unwrap_or_default(),
        sheet
            .refresh
            .map(|seconds| seconds.to_string())
            .unwrap_or_default(),
    ];
    write_block(&mut out, Block::Story, [story]);
    write_block(
        &mut out,
        Block::Sources,
        sheet.sources.iter().map(|source| {
            vec![
                source.id.clone(),
                source.title.clone(),
                source.label.clone().unwrap_or_default(),
                source.publisher.clone().unwrap_or_default(),
                source.url.clone().unwrap_or_default(),
                source.published.clone().unwrap_or_default(),
            ]
        }),
    );
    write_block(
        &mut out,
        Block::Categories,
        sheet.categories.iter().map(|category| {
            vec![
                category.id.clone(),
                category.label.clone(),
                category.description.clone().unwrap_or_default(),
            ]
        }),
    );
    // The excerpt column only when a fact has one, so that a sheet without
    // excerpts exports exactly as it did before the column existed.
    let with_excerpts = sheet
        .cards
        .iter()
        .flat_map(|card| &card.facts)
        .flat_map(|fact| &fact.sources)
        .any(|citation| citation.excerpt.is_some());
    let mut fact_rows = Vec::new();
    for (card_index, card) in sheet.cards.iter().enumerate() {
        let regions = join_list(&card.regions, &format!("cards[{card_index}].regions"))?;
        if !card.points.is_empty() {
            return Err(ExportError {
                path: format!("cards[{card_index}].points"),
                message: "a spreadsheet has no column for a map's points: edit this sheet as JSON".to_owned(),
            });
        }
        for (fact_index, fact) in card.facts.iter().enumerate() {
            let path = format!("cards[{card_index}].facts[{fact_index}].sources");
            let ids: Vec<String> = fact.sources.iter().map(|cited| cited.source.clone()).collect();
            let mut row = vec![
                card.category.clone(),
                card.title.clone(),
                fact.text.clone(),
                fact.status.as_str().to_owned(),
                join_list(&ids, &path)?,
                fact.attribution.clone().unwrap_or_default(),
                fact.quote.clone().unwrap_or_default(),
                card.id.clone(),
                if fact_index == 0 {
                    regions.clone()
                } else {
                    String::new()
                },
                fact.id.clone().unwrap_or_default(),
            ];
            if with_excerpts {
                row.push(join_excerpts(fact, &path)?);
            }
            fact_rows.push(row);
        }
    }
    let columns = Block::Facts.columns();
    let columns = if with_excerpts {
        columns
    } else {
        &columns[..columns.len() - 1]
    };
    write_block_with(&mut out, Block::Facts, columns, fact_rows);
    write_block(
        &mut out,
        Block::Corrections,
        sheet.corrections.iter().map(|correction| {
            vec![
                correction.date.clone(),
                correction.text.clone(),
                correction.card.clone().unwrap_or_default(),
            ]
        }),
    );
    Ok(out)
}

/// The excerpts of a fact's citations, one per cited source, joined by
/// " | " (an empty place for a source cited with none).
fn join_excerpts(fact: &Fact, path: &str) -> Result<String, ExportError> {
    let mut parts = Vec::with_capacity(fact.sources.len());
    for (index, citation) in fact.sources.iter().enumerate() {
        let excerpt = citation.excerpt.as_deref().unwrap_or_default();
        if excerpt.contains(EXCERPT_SEPARATOR) || excerpt.trim() != excerpt {
            return Err(ExportError {
                path: format!("{path}[{index}].excerpt"),
                message: format!(
                    "the excerpt cannot be written in a spreadsheet cell of excerpts, which \"{EXCERPT_SEPARATOR}\" separates and whose spaces at either end are trimmed: edit this sheet as JSON"
                ),
            });
        }
        parts.push(excerpt);
    }
    // One source with no excerpt: an empty cell, not a lone separator.
    if parts.iter().all(|part| part.is_empty()) {
        return Ok(String::new());
    }
    Ok(parts.join(" | "))
}

/// The ids of a list cell, joined by ", ".
fn join_list(ids: &[String], path: &str) -> Result<String, ExportError> {
    for (index, id) in ids.iter().enumerate() {
        if id.contains(LIST_SEPARATORS) || id.trim() != id {
            return Err(ExportError {
                path: format!("{path}[{index}]"),
                message: format!(
                    "the id \"{}\" cannot be written in a spreadsheet cell of ids, which commas, semicolons and line breaks separate: rename it",
                    id.escape_default()
                ),
            });
        }
    }
    Ok(ids.join(", "))
}

/// Whether a spreadsheet would run `cell` as a formula once any quote marks
/// that guard it are taken off: it starts with `=`, `+`, `-`, `@`, a tab or
/// a carriage return (the OWASP list for CSV injection).
fn needs_guard(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// `cell` as exported: a text a spreadsheet would run as a formula gets a
/// leading `'`, which spreadsheets show as text and `unguarded` takes off.
fn guarded(cell: &str) -> std::borrow::Cow<'_, str> {
    if needs_guard(cell) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// `cell` as imported: the guard `guarded` added, taken off again, so a
/// round trip changes nothing.
fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if needs_guard(cell) => rest,
        _ => cell,
    }
}

/// A block: its name row, its header row and its rows, then an empty line.
fn write_block(out: &mut String, block: Block, rows: impl IntoIterator<Item = Vec<String>>) {
    write_block_with(out, block, block.columns(), rows);
}

/// A block with only some of its columns, the first ones in order.
fn write_block_with(
    out: &mut String,
    block: Block,
    columns: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) {
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str("# ");
    out.push_str(block.name());
    out.push('\n');
    out.push_str(&columns.join(","));
    out.push('\n');
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(row.iter().map(|cell| guarded(cell).into_owned()));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    out.push_str(&String::from_utf8_lossy(&bytes));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_as_formulas_are_guarded_both_ways() {
        for cell in ["=1+1", "+44 20", "-5 degrees", "@SUM(A1)", "'=quoted", "''-x"] {
            let exported = guarded(cell);
            assert!(exported.starts_with('\''), "{cell:?} -> {exported:?}");
            assert_eq!(unguarded(&exported), cell);
        }
        for cell in ["Plain text", "'quoted", "a=b", ""] {
            assert_eq!(guarded(cell), cell);
            assert_eq!(unguarded(cell), cell);
        }
    }

    #[test]
    fn slugs_keep_latin_letters_and_digits() {
        assert_eq!(
            slug("Why the bridge is closed").as_deref(),
            Some("why-the-bridge-is-closed")
        );
        assert_eq!(
            slug("  The council's 2nd statement! ").as_deref(),
            Some("the-councils-2nd-statement")
        );
        assert_eq!(slug("Где ИГИЛ"), None);
        assert!(slug(&"word ".repeat(40)).is_some_and(|slug| slug.len() <= 64));
    }

    #[test]
    fn ids_made_from_titles_are_unique() {
        let mut used = BTreeSet::from(["closure".to_owned()]);
        assert_eq!(unique(slug("Closure"), "card", 0, &mut used), "closure-2");
        assert_eq!(unique(slug("Closure"), "card", 1, &mut used), "closure-3");
        assert_eq!(unique(None, "card", 2, &mut used), "card-3");
    }

    #[test]
    fn the_delimiter_is_found_from_the_text() {
        assert_eq!(detect_delimiter("# story\nid\ttitle\nx\t\"a, b; c\"\n"), b'\t');
        assert_eq!(detect_delimiter("# story\nid;title\nx;a, b, c, d\ny;e\n"), b';');
        assert_eq!(detect_delimiter("# story\nid,title\nx,\"a; b\"\n"), b',');
        assert_eq!(detect_delimiter("# story\n"), b',');
    }

    #[test]
    fn list_cells_split_on_commas_semicolons_and_line_breaks() {
        assert_eq!(split_list(" a, b;c\n d ,, "), ["a", "b", "c", "d"]);
    }

    #[test]
    fn places_are_found_for_the_nearest_value() {
        let mut importer = Importer {
            problems: Vec::new(),
            places: BTreeMap::new(),
            gaps: Gaps::default(),
        };
        importer.place("cards[0].facts[1]".to_owned(), 9, None);
        importer.place("cards[0].facts[1].sources".to_owned(), 9, Some("sources"));
        let place = importer.place_of("cards[0].facts[1].sources[2]");
        assert_eq!(
            place.map(|p| p.to_string()).as_deref(),
            Some("row 9, column \"sources\"")
        );
        let place = importer.place_of("cards[0].facts[1].quote");
        assert_eq!(place.map(|p| p.to_string()).as_deref(), Some("row 9"));
        assert_eq!(importer.place_of("title"), None);
    }
}
