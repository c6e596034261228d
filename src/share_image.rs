//! The story's share image: a 1200 × 630 PNG of a sheet's title, its lead
//! facts with their status words, and a credit line, for social previews
//! (`og:image`).
//!
//! Two steps, both pure: [`share_layout`] decides what is drawn where (the
//! lines, their positions, what was cut), with the fonts' metrics but no
//! pixels, so tests can read it; [`share_image_png`] paints that layout into
//! an RGB buffer with a small compositor of its own (rounded rectangles and
//! glyph coverage, [`share_image_rgb`]) and encodes it ([`encode_png`]).
//!
//! The fonts come from the caller ([`ShareFonts::parse`]): native builds
//! compile in data/fonts/ ([`ShareFonts::bundled`]), the editor is to fetch
//! them, so that its wasm carries no font. The same sheet and fonts give the
//! same bytes on every target: no clock, no randomness, no hash map, and
//! arithmetic that IEEE 754 defines to the bit (f32 +, −, ×, ÷, sqrt, floor,
//! and integer font units for every width), which wasm32 and x86-64 share.
//!
//! Text from the sheet is data: it is measured and drawn, never interpreted.
//! It is laid out left to right without shaping (no ligatures, no Arabic or
//! Indic joining), which Latin and Cyrillic do not need; kerning is read from
//! the fonts' GPOS table.

use std::fmt;

use ab_glyph_rasterizer::{Point, Rasterizer, point};
/// Why ttf-parser could not read a font, in [`FontProblem::Unreadable`].
pub use ttf_parser::FaceParsingError;
use ttf_parser::gpos::{PairAdjustment, PositioningSubtable};
use ttf_parser::{Face, GlyphId, OutlineBuilder, RawFace, RawFaceTables, Tag};

use crate::i18n::UiLang;
use crate::model::{Sheet, Status};

/// The image's width in pixels: the size social sites ask for.
pub const WIDTH: u32 = 1200;
/// The image's height in pixels.
pub const HEIGHT: u32 = 630;
/// The blank margin on the left and right: no text is drawn in it.
pub const MARGIN_X: f32 = 64.0;

/// The bundled Noto Sans Regular (data/fonts/README.md), for native callers.
#[cfg(not(target_arch = "wasm32"))]
pub static BUNDLED_REGULAR: &[u8] = include_bytes!("../data/fonts/NotoSans-Regular.ttf");
/// The bundled Noto Sans Bold, for native callers.
#[cfg(not(target_arch = "wasm32"))]
pub static BUNDLED_BOLD: &[u8] = include_bytes!("../data/fonts/NotoSans-Bold.ttf");

/// The most facts the image shows, and the number it cuts a fact to make
/// room for rather than show fewer.
const MAX_FACTS: usize = 4;
const MIN_FACTS: usize = 3;
/// The most lines a fact may take.
const FACT_MAX_LINES: usize = 3;

/// The title: 60 px on up to two lines, or 52 px on three when it needs
/// them (then cut), each with its line height.
const TITLE_SIZES: [(f32, f32, usize); 2] = [(60.0, 70.0, 2), (52.0, 60.0, 3)];
const ACCENT_BAND: i32 = 12;
const TITLE_TOP: i32 = 48;
const TITLE_GAP: i32 = 34;
const FACT_SIZE: f32 = 32.0;
const FACT_LINE: i32 = 44;
const FACT_GAP: i32 = 26;
/// The status labels: bold capitals, tracked as the widget's are.
const LABEL_SIZE: f32 = 23.0;
const LABEL_TRACKING: f32 = 0.06;
const LABEL_PAD_X: f32 = 16.0;
const LABEL_HEIGHT: i32 = 40;
const LABEL_RADIUS: f32 = 6.0;
const LABEL_GAP: f32 = 24.0;
/// The footer: a rule, then the credit line and the brand.
const FOOTER_RULE: i32 = 546;
const FOOTER_RULE_HEIGHT: i32 = 2;
const FACTS_BOTTOM: i32 = FOOTER_RULE - 22;
const CREDIT_SIZE: f32 = 24.0;
const BRAND_SIZE: f32 = 26.0;
const BRAND: &str = "factcards";
const ELLIPSIS: char = '…';

/// A colour, 8 bits per channel, sRGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub [u8; 3]);

/// The widget's light theme (styles/base.css, styles/status.css): each text
/// colour meets WCAG AA on the background it is drawn on.
pub mod palette {
    use super::Rgb;
    use crate::model::Status;

    /// `--_bg`.
    pub const BACKGROUND: Rgb = Rgb([0xff, 0xff, 0xff]);
    /// `--_text`: 17.6:1 on the background.
    pub const TEXT: Rgb = Rgb([0x16, 0x18, 0x1d]);
    /// `--_muted`: 7.5:1 on the background.
    pub const MUTED: Rgb = Rgb([0x4f, 0x55, 0x63]);
    /// `--_border`, for the footer's rule.
    pub const BORDER: Rgb = Rgb([0xd6, 0xd9, 0xdf]);
    /// `--_accent`: the top band and the brand (6.6:1).
    pub const ACCENT: Rgb = Rgb([0x0a, 0x58, 0xb8]);
    /// `--_accent-text`: the status words on their labels.
    pub const ON_STATUS: Rgb = Rgb([0xff, 0xff, 0xff]);

    /// `--_status-*`: each gives white text at least 7:1.
    pub fn status(status: Status) -> Rgb {
        match status {
            Status::Confirmed => Rgb([0x0c, 0x5a, 0x26]),
            Status::Claimed => Rgb([0x8a, 0x3f, 0x00]),
            Status::Reported => Rgb([0x1a, 0x4c, 0x8f]),
            Status::Unclear => Rgb([0x4a, 0x4f, 0x59]),
            Status::Disputed => Rgb([0xa1, 0x16, 0x1a]),
        }
    }
}

/// Which of the two fonts a run of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// Font bytes the share image cannot be drawn with: the only way making one
/// can fail, found when the fonts are parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShareFontError {
    pub weight: Weight,
    pub problem: FontProblem,
}

/// What is wrong with a font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FontProblem {
    /// The bytes are not a TrueType or OpenType font.
    Unreadable(FaceParsingError),
    /// It lacks a table the image needs, named: TrueType outlines (`glyf`,
    /// `loca`), a character map (`cmap`) and advances (`hmtx`). A font with
    /// CFF outlines is refused, so that their interpreter stays out of the
    /// editor's wasm.
    MissingTable(&'static str),
}

impl fmt::Display for ShareFontError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let weight = match self.weight {
            Weight::Regular => "regular",
            Weight::Bold => "bold",
        };
        match self.problem {
            FontProblem::Unreadable(problem) => {
                write!(f, "the share image's {weight} font cannot be read: {problem}")
            }
            FontProblem::MissingTable(table) => write!(
                f,
                "the share image's {weight} font has no {table} table: it needs TrueType outlines, \
                 a character map and advances"
            ),
        }
    }
}

impl std::error::Error for ShareFontError {}

/// One font, parsed, with what layout needs of it.
struct Font<'a> {
    face: Face<'a>,
    units_per_em: f32,
    ascender: f32,
    descender: f32,
    cap_height: f32,
    /// The lookups of the GPOS `kern` feature, sorted, each once.
    kern_lookups: Vec<u16>,
}

impl<'a> Font<'a> {
    /// Parses the tables the image uses and no other: ttf-parser's `Face`
    /// given only these leaves the code for the rest (CFF, colour, bitmap
    /// and vertical tables) out of the wasm.
    fn parse(data: &'a [u8], weight: Weight) -> Result<Font<'a>, ShareFontError> {
        let fail = |problem| ShareFontError { weight, problem };
        let raw = RawFace::parse(data, 0).map_err(|problem| fail(FontProblem::Unreadable(problem)))?;
        let table = |tag: &'static str| {
            let found = raw.table(Tag::from_bytes_lossy(tag.as_bytes()));
            found.ok_or(fail(FontProblem::MissingTable(tag)))
        };
        let tables = RawFaceTables {
            head: table("head")?,
            hhea: table("hhea")?,
            maxp: table("maxp")?,
            cmap: Some(table("cmap")?),
            hmtx: Some(table("hmtx")?),
            loca: Some(table("loca")?),
            glyf: Some(table("glyf")?),
            os2: table("OS/2").ok(),
            gpos: table("GPOS").ok(),
            ..RawFaceTables::default()
        };
        let face = Face::from_raw_tables(tables).map_err(|problem| fail(FontProblem::Unreadable(problem)))?;
        if face.tables().glyf.is_none() {
            return Err(fail(FontProblem::MissingTable("glyf")));
        }
        let units_per_em = f32::from(face.units_per_em());
        let mut kern_lookups: Vec<u16> = face
            .tables()
            .gpos
            .map(|gpos| {
                gpos.features
                    .into_iter()
                    .filter(|feature| feature.tag == Tag::from_bytes(b"kern"))
                    .flat_map(|feature| feature.lookup_indices)
                    .collect()
            })
            .unwrap_or_default();
        kern_lookups.sort_unstable();
        kern_lookups.dedup();
        Ok(Font {
            units_per_em,
            ascender: f32::from(face.ascender()) / units_per_em,
            descender: -f32::from(face.descender()) / units_per_em,
            cap_height: f32::from(face.capital_height().unwrap_or(700)) / units_per_em,
            kern_lookups,
            face,
        })
    }

    /// The pair adjustment of `first` then `second` in font units: the first
    /// subtable of each `kern` lookup that covers the pair, summed.
    fn kerning(&self, first: GlyphId, second: GlyphId) -> i32 {
        let Some(gpos) = self.face.tables().gpos else {
            return 0;
        };
        let mut total = 0;
        for &index in &self.kern_lookups {
            let Some(lookup) = gpos.lookups.get(index) else {
                continue;
            };
            for subtable in lookup.subtables.into_iter::<PositioningSubtable>() {
                let PositioningSubtable::Pair(pair) = subtable else {
                    continue;
                };
                let Some(coverage_index) = pair.coverage().get(first) else {
                    continue;
                };
                let value = match pair {
                    PairAdjustment::Format1 { sets, .. } => sets
                        .get(coverage_index)
                        .and_then(|set| set.get(second))
                        .map(|(value, _)| value.x_advance),
                    PairAdjustment::Format2 { classes, matrix, .. } => matrix
                        .get((classes.0.get(first), classes.1.get(second)))
                        .map(|(value, _)| value.x_advance),
                };
                if let Some(value) = value {
                    total += i32::from(value);
                    break;
                }
            }
        }
        total
    }

    fn glyph(&self, c: char) -> GlyphId {
        self.face.glyph_index(c).unwrap_or(GlyphId(0))
    }

    fn advance(&self, glyph: GlyphId) -> i32 {
        i32::from(self.face.glyph_hor_advance(glyph).unwrap_or(0))
    }

    /// Calls `place` with each glyph of `text` and its pen position from
    /// the start in font units, and returns the advance of the whole text in
    /// font units. Layout measures in whole font units, so a line measured
    /// word by word is exactly as wide as measured whole; and layout and
    /// drawing both go through here, so what is drawn is what was measured.
    fn each_glyph(&self, text: &str, mut place: impl FnMut(GlyphId, i32)) -> i32 {
        let mut pen = 0;
        let mut previous: Option<GlyphId> = None;
        for c in text.chars() {
            let glyph = self.glyph(c);
            if let Some(previous) = previous {
                pen += self.kerning(previous, glyph);
            }
            place(glyph, pen);
            pen += self.advance(glyph);
            previous = Some(glyph);
        }
        pen
    }

    /// Font units as pixels at `size` px.
    fn px(&self, units: i32, size: f32) -> f32 {
        units as f32 * size / self.units_per_em
    }

    /// The advance of `text` at `size` px with `tracking` em between letters.
    fn width(&self, text: &str, size: f32, tracking: f32) -> f32 {
        let gaps = text.chars().count().saturating_sub(1) as f32;
        self.px(self.each_glyph(text, |_, _| {}), size) + gaps * tracking * size
    }

    fn covers(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some()
    }
}

/// The regular and bold fonts the image is set in, parsed from bytes the
/// caller holds (compiled in or fetched).
pub struct ShareFonts<'a> {
    regular: Font<'a>,
    bold: Font<'a>,
}

impl<'a> ShareFonts<'a> {
    /// Parses both fonts; TrueType or OpenType (CFF) outlines.
    pub fn parse(regular: &'a [u8], bold: &'a [u8]) -> Result<ShareFonts<'a>, ShareFontError> {
        Ok(ShareFonts {
            regular: Font::parse(regular, Weight::Regular)?,
            bold: Font::parse(bold, Weight::Bold)?,
        })
    }

    /// The fonts of data/fonts/, compiled into native builds.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn bundled() -> ShareFonts<'static> {
        match ShareFonts::parse(BUNDLED_REGULAR, BUNDLED_BOLD) {
            Ok(fonts) => fonts,
            // tests/share_image.rs parses them; a build cannot change them.
            Err(error) => unreachable!("{error}"),
        }
    }

    /// Whether the font of this weight has a glyph for `c`.
    pub fn covers(&self, weight: Weight, c: char) -> bool {
        self.font(weight).covers(c)
    }

    /// The advance width of `text` at `size` px, as layout measures it.
    pub fn width(&self, weight: Weight, text: &str, size: f32) -> f32 {
        self.font(weight).width(text, size, 0.0)
    }

    fn font(&self, weight: Weight) -> &Font<'a> {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

/// One line of text, placed.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub text: String,
    pub weight: Weight,
    /// The font size in px.
    pub size: f32,
    /// Extra space between letters, in em.
    pub tracking: f32,
    pub colour: Rgb,
    /// Where the pen starts, in px from the left edge.
    pub x: f32,
    /// The advance width, as measured.
    pub width: f32,
    /// The baseline, in px from the top edge.
    pub baseline: i32,
    /// The line's extent above and below: the font's ascender and descender,
    /// which hold every glyph of the subset.
    pub top: i32,
    pub bottom: i32,
}

/// A filled rectangle, its corners rounded by `radius` px.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub radius: f32,
    pub colour: Rgb,
}

/// A fact as the image shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ShownFact {
    /// Which card it is from, and its place there.
    pub card: usize,
    pub fact: usize,
    pub status: Status,
    /// The status word on its label, as drawn (in capitals).
    pub word: String,
    /// Its lines, as drawn; the last ends in "…" if it was cut.
    pub lines: Vec<String>,
    pub cut: bool,
}

/// What the share image draws, where, and what it had to leave out.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareLayout {
    /// Rectangles, painted first, in order.
    pub blocks: Vec<Block>,
    /// Lines of text, painted over them, in order.
    pub runs: Vec<TextRun>,
    /// The title's lines; the last ends in "…" if it was cut.
    pub title: Vec<String>,
    pub title_cut: bool,
    pub facts: Vec<ShownFact>,
    /// How many of the sheet's facts are not shown.
    pub facts_left_out: usize,
    /// The credit line, as drawn, and whether it was cut.
    pub credit: String,
    pub credit_cut: bool,
    /// The characters drawn that their font has no glyph for (an empty box
    /// is drawn instead), sorted, each once: the editor can warn of them.
    pub missing: Vec<char>,
}

/// Lays out a sheet's share image: the title in bold, wrapped on two lines
/// (three, smaller, if it needs them) and cut with "…" beyond; then the
/// lead fact of each card in display order (the second facts after, for a
/// deck of few cards), each beside its status word on a label of the
/// status's colour, on up to three lines: the first three are cut to the
/// room left rather than left out, a fourth is shown only whole; then the
/// credit line (the sheet's credit, the date updated, the sources' titles)
/// and the brand. Lines are balanced, so that no word is left alone.
pub fn share_layout(sheet: &Sheet, fonts: &ShareFonts) -> ShareLayout {
    let strings = UiLang::from_tag(&sheet.lang).strings();
    let mut layout = ShareLayout {
        blocks: vec![Block {
            x: 0.0,
            y: 0.0,
            width: WIDTH as f32,
            height: ACCENT_BAND as f32,
            radius: 0.0,
            colour: palette::ACCENT,
        }],
        runs: Vec::new(),
        title: Vec::new(),
        title_cut: false,
        facts: Vec::new(),
        facts_left_out: 0,
        credit: String::new(),
        credit_cut: false,
        missing: Vec::new(),
    };
    let content_width = WIDTH as f32 - 2.0 * MARGIN_X;

    // The title: the larger size if it fits on its lines.
    let title_text = clean(&sheet.title);
    let [larger, smaller] = TITLE_SIZES;
    let (size, line_height, max_lines) = larger;
    let mut title = wrap_balanced(&fonts.bold, &title_text, size, content_width, max_lines);
    let mut title_size = (size, line_height);
    if title.cut {
        let (size, line_height, max_lines) = smaller;
        title = wrap_balanced(&fonts.bold, &title_text, size, content_width, max_lines);
        title_size = (size, line_height);
    }
    let (size, line_height) = title_size;
    let mut top = TITLE_TOP;
    for line in &title.lines {
        layout.push_run(
            &fonts.bold,
            line,
            Weight::Bold,
            size,
            0.0,
            palette::TEXT,
            MARGIN_X,
            top,
            line_height as i32,
        );
        top += line_height as i32;
    }
    layout.title = title.lines;
    layout.title_cut = title.cut;

    // The facts, with a column of labels as wide as the widest status word
    // of the language, so that the texts align whatever is shown.
    let label_width = Status::ALL
        .iter()
        .map(|status| {
            fonts
                .bold
                .width(&label_word(strings.status(*status)), LABEL_SIZE, LABEL_TRACKING)
        })
        .fold(0.0f32, f32::max)
        + 2.0 * LABEL_PAD_X;
    let text_x = MARGIN_X + label_width + LABEL_GAP;
    let text_width = WIDTH as f32 - MARGIN_X - text_x;
    let candidates = lead_facts(sheet);
    let total_facts: usize = sheet.cards.iter().map(|card| card.facts.len()).sum();
    top += TITLE_GAP;
    for (card_index, fact_index) in candidates.into_iter().take(MAX_FACTS) {
        let Some(fact) = sheet
            .cards
            .get(card_index)
            .and_then(|card| card.facts.get(fact_index))
        else {
            continue;
        };
        let room = (FACTS_BOTTOM - top) / FACT_LINE;
        let shown = layout.facts.len();
        let max_lines = if shown < MIN_FACTS {
            FACT_MAX_LINES.min(room.max(0) as usize)
        } else {
            FACT_MAX_LINES
        };
        if max_lines == 0 {
            break;
        }
        // The attribution follows the text after a dash, muted as the
        // widget shows it: `muted` is where it starts in `text`.
        let mut text = clean(&fact.text);
        let mut muted = None;
        if let Some(attribution) = &fact.attribution {
            text.push(' ');
            muted = Some(text.len());
            text.push_str("— ");
            text.push_str(&clean(attribution));
        }
        let wrapped = wrap_balanced(&fonts.regular, &text, FACT_SIZE, text_width, max_lines);
        let height = wrapped.lines.len() as i32 * FACT_LINE;
        if top + height > FACTS_BOTTOM {
            break;
        }
        let word = label_word(strings.status(fact.status));
        let word_width = fonts.bold.width(&word, LABEL_SIZE, LABEL_TRACKING);
        let label_top = top + (FACT_LINE - LABEL_HEIGHT) / 2;
        layout.blocks.push(Block {
            x: MARGIN_X,
            y: label_top as f32,
            width: label_width,
            height: LABEL_HEIGHT as f32,
            radius: LABEL_RADIUS,
            colour: palette::status(fact.status),
        });
        let word_x = MARGIN_X + ((label_width - word_width) / 2.0).round();
        layout.push_run(
            &fonts.bold,
            &word,
            Weight::Bold,
            LABEL_SIZE,
            LABEL_TRACKING,
            palette::ON_STATUS,
            word_x,
            label_top,
            LABEL_HEIGHT,
        );
        let mut cursor = 0;
        for line in &wrapped.lines {
            // Where this line's text is in `text` (a cut line ends in "…"),
            // so that the muted part can start at its letter.
            let shown = line.strip_suffix(ELLIPSIS).unwrap_or(line);
            let start = text[cursor..].find(shown).map_or(cursor, |at| cursor + at);
            cursor = start + shown.len();
            let split = match muted {
                Some(muted) if muted < start + shown.len() => muted.saturating_sub(start),
                _ => line.len(),
            };
            let (plain, rest) = line.split_at(split);
            let font = &fonts.regular;
            if !plain.trim_end().is_empty() {
                let plain = plain.trim_end();
                layout.push_run(
                    font,
                    plain,
                    Weight::Regular,
                    FACT_SIZE,
                    0.0,
                    palette::TEXT,
                    text_x,
                    top,
                    FACT_LINE,
                );
            }
            if !rest.is_empty() {
                // From the pen position of its first letter in the whole line.
                let mut pen = 0;
                let mut index = 0;
                let rest_at = line[..split].chars().count();
                font.each_glyph(line, |_, at| {
                    if index == rest_at {
                        pen = at;
                    }
                    index += 1;
                });
                let x = text_x + font.px(pen, FACT_SIZE);
                layout.push_run(
                    font,
                    rest,
                    Weight::Regular,
                    FACT_SIZE,
                    0.0,
                    palette::MUTED,
                    x,
                    top,
                    FACT_LINE,
                );
            }
            top += FACT_LINE;
        }
        top += FACT_GAP;
        layout.facts.push(ShownFact {
            card: card_index,
            fact: fact_index,
            status: fact.status,
            word,
            lines: wrapped.lines,
            cut: wrapped.cut,
        });
    }
    layout.facts_left_out = total_facts - layout.facts.len();

    // The footer: a rule, the credit line and the brand at the right.
    layout.blocks.push(Block {
        x: MARGIN_X,
        y: FOOTER_RULE as f32,
        width: content_width,
        height: FOOTER_RULE_HEIGHT as f32,
        radius: 0.0,
        colour: palette::BORDER,
    });
    let footer_top = FOOTER_RULE + FOOTER_RULE_HEIGHT;
    let footer_height = HEIGHT as i32 - footer_top;
    let brand_width = fonts.bold.width(BRAND, BRAND_SIZE, 0.0);
    layout.push_run(
        &fonts.bold,
        BRAND,
        Weight::Bold,
        BRAND_SIZE,
        0.0,
        palette::ACCENT,
        WIDTH as f32 - MARGIN_X - brand_width,
        footer_top,
        footer_height,
    );
    let credit_width = content_width - brand_width - LABEL_GAP;
    let (credit_line, credit_cut) = credit_line(sheet, &fonts.regular, credit_width);
    layout.push_run(
        &fonts.regular,
        &credit_line,
        Weight::Regular,
        CREDIT_SIZE,
        0.0,
        palette::MUTED,
        MARGIN_X,
        footer_top,
        footer_height,
    );
    layout.credit = credit_line;
    layout.credit_cut = credit_cut;

    let mut missing: Vec<char> = layout
        .runs
        .iter()
        .flat_map(|run| {
            let font = fonts.font(run.weight);
            run.text.chars().filter(move |c| !font.covers(*c))
        })
        .collect();
    missing.sort_unstable();
    missing.dedup();
    layout.missing = missing;
    layout
}

impl ShareLayout {
    /// Adds a line of text whose line box starts at `line_top` and is
    /// `line_height` high: the capitals are centred in it.
    #[allow(clippy::too_many_arguments)]
    fn push_run(
        &mut self,
        font: &Font,
        text: &str,
        weight: Weight,
        size: f32,
        tracking: f32,
        colour: Rgb,
        x: f32,
        line_top: i32,
        line_height: i32,
    ) {
        let baseline = line_top + ((line_height as f32 + font.cap_height * size) / 2.0).round() as i32;
        self.runs.push(TextRun {
            text: text.to_owned(),
            weight,
            size,
            tracking,
            colour,
            x,
            width: font.width(text, size, tracking),
            baseline,
            top: baseline - (font.ascender * size).ceil() as i32,
            bottom: baseline + (font.descender * size).ceil() as i32,
        });
    }
}

/// The footer's line, `width` px at most, and whether some of it was left
/// out: the sheet's credit, the date updated, then the sources' titles,
/// which are cut first. The date is shown whole or not at all, and the
/// sources with at least one word after their label: never "Sources…".
fn credit_line(sheet: &Sheet, font: &Font, width: f32) -> (String, bool) {
    const SEPARATOR: &str = " · ";
    let strings = UiLang::from_tag(&sheet.lang).strings();
    let titles: Vec<String> = sheet.sources.iter().map(|source| clean(&source.title)).collect();
    let sources_label = format!("{}:", strings.sources_heading);
    // Each part, and how many of its bytes must be shown if any are.
    let mut parts: Vec<(String, usize)> = Vec::new();
    if let Some(credit) = &sheet.credit {
        parts.push((clean(credit), 1));
    }
    let updated = format!("{} {}", strings.updated, strings.format_date(&sheet.updated));
    let whole = updated.len() + 1;
    parts.push((updated, whole));
    let sources = format!("{sources_label} {}", titles.join("; "));
    parts.push((sources, sources_label.len() + 2));
    let mut line = String::new();
    for (part, least) in parts {
        let before = if line.is_empty() {
            0
        } else {
            line.len() + SEPARATOR.len()
        };
        let candidate = if line.is_empty() {
            part
        } else {
            format!("{line}{SEPARATOR}{part}")
        };
        let wrapped = wrap(font, &candidate, CREDIT_SIZE, width, 1);
        let shown = wrapped.lines.into_iter().next().unwrap_or_default();
        if !wrapped.cut {
            line = shown;
            continue;
        }
        // What is left once the "…" is taken off.
        let kept = shown.len() - ELLIPSIS.len_utf8();
        if line.is_empty() || kept >= before + least {
            line = shown;
        }
        return (line, true);
    }
    (line, false)
}

/// The (card, fact) pairs in the order the image offers them: the first
/// fact of each card in display order, then the second of each, and so on.
fn lead_facts(sheet: &Sheet) -> Vec<(usize, usize)> {
    let order = sheet.display_order();
    let deepest = sheet.cards.iter().map(|card| card.facts.len()).max().unwrap_or(0);
    (0..deepest)
        .flat_map(|depth| {
            order
                .iter()
                .filter(move |card| sheet.cards[**card].facts.len() > depth)
                .map(move |card| (*card, depth))
        })
        .collect()
}

/// A status word as its label shows it: in capitals, as the widget does.
fn label_word(word: &str) -> String {
    word.to_uppercase()
}

/// Text from the sheet with each run of breaking white space made one space,
/// and without characters that draw nothing (controls, soft hyphens). The
/// no-break spaces stay, and keep their words together.
fn clean(text: &str) -> String {
    let mut cleaned = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}') {
            space = !cleaned.is_empty();
        } else if !c.is_control() && c != '\u{ad}' {
            if space {
                cleaned.push(' ');
                space = false;
            }
            cleaned.push(c);
        }
    }
    cleaned
}

/// Lines of wrapped text, and whether any of it was left out.
struct Wrapped {
    lines: Vec<String>,
    cut: bool,
}

/// `wrap`, with the lines made as even as they can be without taking one
/// more (CSS's `text-wrap: balance`): no lone word under a long line.
fn wrap_balanced(font: &Font, text: &str, size: f32, width: f32, max_lines: usize) -> Wrapped {
    let greedy = wrap(font, text, size, width, max_lines);
    if greedy.cut || greedy.lines.len() < 2 {
        return greedy;
    }
    let count = greedy.lines.len();
    // The narrowest width, to a pixel, that still takes `count` lines.
    let (mut narrow, mut wide) = (width / count as f32, width);
    while wide - narrow > 1.0 {
        let middle = (narrow + wide) / 2.0;
        let trial = wrap(font, text, size, middle, max_lines);
        if trial.cut || trial.lines.len() > count {
            narrow = middle;
        } else {
            wide = middle;
        }
    }
    wrap(font, text, size, wide, max_lines)
}

/// A word of a text to wrap, measured.
struct Word<'t> {
    text: &'t str,
    units: i32,
    first: GlyphId,
    last: GlyphId,
}

/// Breaks `text` into lines no wider than `width` px at spaces, breaking a
/// word only if it is wider than a line alone. Past `max_lines` the text is
/// cut at a word boundary and the last line ends in "…".
fn wrap(font: &Font, text: &str, size: f32, width: f32, max_lines: usize) -> Wrapped {
    let fits = |units: i32| font.px(units, size) <= width;
    let space = font.glyph(' ');
    // What a space adds between two words: its advance and its kerning.
    let join = |before: GlyphId, after: GlyphId| {
        font.kerning(before, space) + font.advance(space) + font.kerning(space, after)
    };
    let words: Vec<Word> = text
        .split(' ')
        .filter(|word| !word.is_empty())
        .map(|word| Word {
            text: word,
            units: font.each_glyph(word, |_, _| {}),
            first: font.glyph(word.chars().next().unwrap_or(' ')),
            last: font.glyph(word.chars().next_back().unwrap_or(' ')),
        })
        .collect();
    let mut lines: Vec<String> = Vec::new();
    // The line being filled: its text, its width and its last glyph.
    let mut line = String::new();
    let mut line_units = 0;
    let mut line_last = space;
    for (index, word) in words.iter().enumerate() {
        if line.is_empty() && fits(word.units) {
            line.push_str(word.text);
            (line_units, line_last) = (word.units, word.last);
            continue;
        }
        if !line.is_empty() {
            let joined = line_units + join(line_last, word.first) + word.units;
            if fits(joined) {
                line.push(' ');
                line.push_str(word.text);
                (line_units, line_last) = (joined, word.last);
                continue;
            }
            lines.push(std::mem::take(&mut line));
            if lines.len() == max_lines {
                let rest: Vec<&str> = words[index..].iter().map(|word| word.text).collect();
                return cut_last(font, lines, &rest.join(" "), " ", size, width);
            }
            if fits(word.units) {
                line.push_str(word.text);
                (line_units, line_last) = (word.units, word.last);
                continue;
            }
        }
        // A word wider than a line alone: as many letters as fit, then on.
        let mut rest = word.text;
        loop {
            let split = longest_prefix(font, rest, fits);
            let (head, tail) = rest.split_at(split);
            if tail.is_empty() {
                line.push_str(head);
                line_units = font.each_glyph(head, |_, _| {});
                line_last = word.last;
                break;
            }
            lines.push(head.to_owned());
            rest = tail;
            if lines.len() == max_lines {
                let more: Vec<&str> = words[index + 1..].iter().map(|word| word.text).collect();
                let more = more.join(" ");
                // The rest of the split word follows it with no space.
                let rest = if more.is_empty() {
                    rest.to_owned()
                } else {
                    format!("{rest} {more}")
                };
                return cut_last(font, lines, &rest, "", size, width);
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Wrapped { lines, cut: false }
}

/// The last of `lines` with "…" after as many of its words as fit, since
/// `rest` follows it (after `joiner`) and will not all be shown.
fn cut_last(font: &Font, mut lines: Vec<String>, rest: &str, joiner: &str, size: f32, width: f32) -> Wrapped {
    let last = lines.pop().unwrap_or_default();
    let full = format!("{last}{joiner}{rest}");
    let with_ellipsis = |text: &str| {
        let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || ",;:—–-".contains(c));
        format!("{trimmed}{ELLIPSIS}")
    };
    let fits = |text: &str| font.px(font.each_glyph(&with_ellipsis(text), |_, _| {}), size) <= width;
    // The most whole words of the last line and what follows that fit, or
    // if not even one word does, as many letters as do.
    let ends = full.match_indices(' ').map(|(index, _)| index);
    let end = ends
        .take_while(|end| fits(&full[..*end]))
        .last()
        .unwrap_or_else(|| {
            let mut end = full.chars().next().map_or(0, char::len_utf8);
            for (index, c) in full.char_indices().skip(1) {
                if !fits(&full[..index + c.len_utf8()]) {
                    break;
                }
                end = index + c.len_utf8();
            }
            end
        });
    lines.push(with_ellipsis(&full[..end]));
    Wrapped { lines, cut: true }
}

/// The byte length of the longest prefix of `text` whose width in font
/// units `fits`, one character at least.
fn longest_prefix(font: &Font, text: &str, fits: impl Fn(i32) -> bool) -> usize {
    let mut fitted = 0;
    let mut stopped = false;
    font.each_glyph(text, |glyph, pen| {
        stopped = stopped || !fits(pen + font.advance(glyph));
        if !stopped {
            fitted += 1;
        }
    });
    text.char_indices()
        .nth(fitted.max(1))
        .map_or(text.len(), |(index, _)| index)
}

/// Paints a layout into rows of RGB pixels, `WIDTH` × `HEIGHT`, top first.
pub fn share_image_rgb(layout: &ShareLayout, fonts: &ShareFonts) -> Vec<u8> {
    let mut canvas = Canvas::new(palette::BACKGROUND);
    for block in &layout.blocks {
        canvas.fill_block(block);
    }
    for run in &layout.runs {
        let font = fonts.font(run.weight);
        let mut index = 0;
        font.each_glyph(&run.text, |glyph, pen| {
            let x = run.x + font.px(pen, run.size) + index as f32 * run.tracking * run.size;
            canvas.fill_glyph(font, glyph, x, run.baseline, run.size, run.colour);
            index += 1;
        });
    }
    canvas.pixels
}

/// A sheet's share image as a PNG file's bytes.
pub fn share_image_png(sheet: &Sheet, fonts: &ShareFonts) -> Vec<u8> {
    let layout = share_layout(sheet, fonts);
    encode_png(&share_image_rgb(&layout, fonts))
}

/// The compression level, of miniz_oxide's 0 to 10: 6, zlib's default.
/// Flat colour and text compress best with every row unfiltered: 95 KB for
/// the bundled story, against 122 KB with the png crate's adaptive filters
/// (at twice the time).
const COMPRESSION: u8 = 6;

/// Encodes `WIDTH` × `HEIGHT` RGB pixels as a PNG: the signature, a
/// header, the rows unfiltered in one zlib stream, the end. Written here
/// rather than with the png crate, whose encoder brings two deflate
/// implementations and adds 45 KB (gzip) to the editor's wasm where
/// miniz_oxide alone adds 9 KB.
pub fn encode_png(pixels: &[u8]) -> Vec<u8> {
    let row = WIDTH as usize * 3;
    let mut rows = Vec::with_capacity(pixels.len() + HEIGHT as usize);
    for pixels in pixels.chunks(row) {
        rows.push(0); // filter type: none
        rows.extend_from_slice(pixels);
    }
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&WIDTH.to_be_bytes());
    header.extend_from_slice(&HEIGHT.to_be_bytes());
    // 8 bits a channel, RGB, deflate, standard filters, not interlaced.
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    let data = miniz_oxide::deflate::compress_to_vec_zlib(&rows, COMPRESSION);
    let mut png = Vec::with_capacity(data.len() + 64);
    png.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    for (kind, body) in [(b"IHDR", header.as_slice()), (b"IDAT", &data), (b"IEND", &[])] {
        png.extend_from_slice(&(body.len() as u32).to_be_bytes());
        let start = png.len();
        png.extend_from_slice(kind);
        png.extend_from_slice(body);
        let crc = crc32(&png[start..]);
        png.extend_from_slice(&crc.to_be_bytes());
    }
    png
}

/// The CRC-32 of a PNG chunk (ISO 3309, as zlib's), a bit at a time: a
/// few hundred kilobytes take well under a millisecond, with no table.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xedb8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// The RGB buffer being painted.
struct Canvas {
    pixels: Vec<u8>,
}

impl Canvas {
    fn new(background: Rgb) -> Canvas {
        let pixels = background.0.repeat((WIDTH * HEIGHT) as usize);
        Canvas { pixels }
    }

    /// Blends `colour` over the pixel at (x, y) by `coverage` (0 to 1);
    /// pixels outside the image are skipped.
    fn blend(&mut self, x: i32, y: i32, coverage: f32, colour: Rgb) {
        if x < 0 || y < 0 || x >= WIDTH as i32 || y >= HEIGHT as i32 || coverage <= 0.0 {
            return;
        }
        let alpha = (coverage.min(1.0) * 255.0 + 0.5) as u32;
        let index = (y as usize * WIDTH as usize + x as usize) * 3;
        for (channel, target) in colour.0.iter().zip(&mut self.pixels[index..index + 3]) {
            let blended = (u32::from(*channel) * alpha + u32::from(*target) * (255 - alpha) + 127) / 255;
            *target = blended as u8;
        }
    }

    /// Blends what a rasterizer covered, its top-left corner at (x, y).
    fn fill(&mut self, rasterizer: &Rasterizer, x: i32, y: i32, colour: Rgb) {
        let (width, _) = rasterizer.dimensions();
        rasterizer.for_each_pixel(|index, coverage| {
            let (dx, dy) = (index % width, index / width);
            self.blend(x + dx as i32, y + dy as i32, coverage, colour);
        });
    }

    fn fill_block(&mut self, block: &Block) {
        let x = block.x.floor();
        let y = block.y.floor();
        let (ox, oy) = (block.x - x, block.y - y);
        let width = (ox + block.width).ceil() as usize;
        let height = (oy + block.height).ceil() as usize;
        let mut rasterizer = Rasterizer::new(width, height);
        let (left, top) = (ox, oy);
        let (right, bottom) = (ox + block.width, oy + block.height);
        let r = block.radius.min(block.width / 2.0).min(block.height / 2.0);
        let corners = [
            (
                point(left + r, top),
                point(right - r, top),
                point(right, top),
                point(right, top + r),
            ),
            (
                point(right, top + r),
                point(right, bottom - r),
                point(right, bottom),
                point(right - r, bottom),
            ),
            (
                point(right - r, bottom),
                point(left + r, bottom),
                point(left, bottom),
                point(left, bottom - r),
            ),
            (
                point(left, bottom - r),
                point(left, top + r),
                point(left, top),
                point(left + r, top),
            ),
        ];
        for (start, end, corner, after) in corners {
            rasterizer.draw_line(start, end);
            if r > 0.0 {
                rasterizer.draw_quad(end, corner, after);
            }
        }
        self.fill(&rasterizer, x as i32, y as i32, block.colour);
    }

    /// Draws one glyph with its origin at (`pen`, `baseline`).
    fn fill_glyph(&mut self, font: &Font, glyph: GlyphId, pen: f32, baseline: i32, size: f32, colour: Rgb) {
        let Some(glyf) = font.face.tables().glyf else {
            return; // refused when the font was parsed
        };
        let Some(bounds) = glyf.bbox(glyph) else {
            return; // a space
        };
        let scale = size / font.units_per_em;
        let left = pen + f32::from(bounds.x_min) * scale;
        let x = left.floor() - 1.0;
        let y = (baseline as f32 - f32::from(bounds.y_max) * scale).floor() - 1.0;
        let width = (f32::from(bounds.x_max - bounds.x_min) * scale + 3.0).ceil() as usize;
        let height = (f32::from(bounds.y_max - bounds.y_min) * scale + 3.0).ceil() as usize;
        // A glyph larger than the image itself comes from a broken font;
        // its coverage buffer could take gigabytes.
        if width > 2 * WIDTH as usize || height > 2 * HEIGHT as usize {
            return;
        }
        let mut outline = GlyphOutline {
            rasterizer: Rasterizer::new(width, height),
            scale,
            dx: pen - x,
            dy: baseline as f32 - y,
            start: point(0.0, 0.0),
            last: point(0.0, 0.0),
        };
        if glyf.outline(glyph, &mut outline).is_some() {
            self.fill(&outline.rasterizer, x as i32, y as i32, colour);
        }
    }
}

/// Feeds a glyph's outline, in font units with y up, to a rasterizer in
/// pixels with y down, (`dx`, `dy`) being the glyph's origin in it.
struct GlyphOutline {
    rasterizer: Rasterizer,
    scale: f32,
    dx: f32,
    dy: f32,
    start: Point,
    last: Point,
}

impl GlyphOutline {
    fn at(&self, x: f32, y: f32) -> Point {
        point(self.dx + x * self.scale, self.dy - y * self.scale)
    }
}

impl OutlineBuilder for GlyphOutline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.start = self.at(x, y);
        self.last = self.start;
    }

    fn line_to(&mut self, x: f32, y: f32) {
        let to = self.at(x, y);
        self.rasterizer.draw_line(self.last, to);
        self.last = to;
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (control, to) = (self.at(x1, y1), self.at(x, y));
        self.rasterizer.draw_quad(self.last, control, to);
        self.last = to;
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (first, second, to) = (self.at(x1, y1), self.at(x2, y2), self.at(x, y));
        self.rasterizer.draw_cubic(self.last, first, second, to);
        self.last = to;
    }

    fn close(&mut self) {
        if self.last != self.start {
            self.rasterizer.draw_line(self.last, self.start);
        }
        self.last = self.start;
    }
}
