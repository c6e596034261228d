//! The share image: the PNG it makes, and the layout under it (what is
//! drawn where, what is cut), for the bundled story, a Russian sheet and
//! sheets too long for it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use factcards::BUNDLED_SHEET;
use factcards::i18n::UiLang;
use factcards::model::{Sheet, Status, check};
use factcards::share_image::{
    BUNDLED_BOLD, BUNDLED_REGULAR, FaceParsingError, FontProblem, HEIGHT, MARGIN_X, Rgb, ShareFontError,
    ShareFonts, ShareLayout, WIDTH, Weight, palette, share_image_png, share_image_rgb, share_layout,
};

const RUSSIAN: &str = r#"{
  "factcards": 1,
  "id": "krokus",
  "title": "Нападение на «Крокус Сити Холл»: что известно о группировке ИГИЛ-К",
  "summary": "Одно предложение.",
  "lang": "ru",
  "updated": "2024-03-23",
  "credit": "Графика: Иван Петров / Редакция",
  "sources": [
    {"id": "article", "title": "Статья в газете «Ведомости»", "url": "https://example.com/a"},
    {"id": "report", "title": "Доклад ООН", "url": "http://example.org/r"}
  ],
  "categories": [{"id": "origins", "label": "Истоки"}, {"id": "claims", "label": "Заявления"}],
  "cards": [
    {"id": "formed", "category": "origins", "title": "Основана в 2015 году",
     "facts": [
       {"text": "Группировка образовалась в 2015 году в восточном Афганистане.", "status": "confirmed", "sources": ["article"]},
       {"text": "Численность оценивается в несколько тысяч человек.", "status": "unclear", "sources": ["report"]}
     ]},
    {"id": "claim", "category": "claims", "title": "Заявление",
     "facts": [
       {"text": "Группировка заявила о своей ответственности за нападение.", "status": "claimed", "sources": ["article"], "attribution": "ИГИЛ-К"},
       {"text": "Власти России связали нападение с Украиной; Киев это отрицает.", "status": "disputed", "sources": ["report"]}
     ]}
  ]
}"#;

fn sheet(text: &str) -> Sheet {
    let report = check(text);
    let errors: Vec<String> = report.errors().map(ToString::to_string).collect();
    assert_eq!(errors, Vec::<String>::new());
    report.sheet.expect("a sheet without errors decodes")
}

fn fonts() -> ShareFonts<'static> {
    ShareFonts::parse(BUNDLED_REGULAR, BUNDLED_BOLD).expect("the bundled fonts parse")
}

/// The small valid sheet with one card of these facts, and this title.
fn sheet_with(title: &str, facts: &[(&str, Status)]) -> Sheet {
    let mut sheet = sheet(common::VALID);
    sheet.title = title.to_owned();
    sheet.cards.truncate(1);
    let template = sheet.cards[0].facts[0].clone();
    sheet.cards[0].facts = facts
        .iter()
        .map(|(text, status)| {
            let mut fact = template.clone();
            fact.text = (*text).to_owned();
            fact.status = *status;
            fact
        })
        .collect();
    sheet
}

fn decode(png_bytes: &[u8]) -> (png::OutputInfo, Vec<u8>) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(png_bytes))
        .read_info()
        .expect("the PNG's header reads");
    let mut pixels = vec![0; reader.output_buffer_size().expect("the image fits in memory")];
    let info = reader.next_frame(&mut pixels).expect("the PNG decodes");
    (info, pixels)
}

/// Every rectangle and line of text lies inside the image, and every line
/// of text between the side margins.
fn assert_inside(layout: &ShareLayout) {
    for block in &layout.blocks {
        assert!(block.x >= 0.0 && block.y >= 0.0, "{block:?}");
        assert!(block.x + block.width <= WIDTH as f32, "{block:?}");
        assert!(block.y + block.height <= HEIGHT as f32, "{block:?}");
    }
    for run in &layout.runs {
        assert!(run.x >= MARGIN_X, "{run:?}");
        assert!(run.x + run.width <= WIDTH as f32 - MARGIN_X, "{run:?}");
        assert!(run.top >= 0 && run.bottom <= HEIGHT as i32, "{run:?}");
    }
}

#[test]
fn the_bundled_storys_image_is_a_1200_by_630_rgb_png() {
    let png_bytes = share_image_png(&sheet(BUNDLED_SHEET), &fonts());
    let (info, pixels) = decode(&png_bytes);
    assert_eq!((info.width, info.height), (1200, 630));
    assert_eq!(
        (info.color_type, info.bit_depth),
        (png::ColorType::Rgb, png::BitDepth::Eight)
    );
    // What decodes is what was painted.
    let fonts = fonts();
    let layout = share_layout(&sheet(BUNDLED_SHEET), &fonts);
    assert_eq!(pixels, share_image_rgb(&layout, &fonts));
}

#[test]
fn the_bundled_storys_image_is_under_300_kb() {
    let size = share_image_png(&sheet(BUNDLED_SHEET), &fonts()).len();
    assert!(size < 300_000, "{size} bytes");
}

#[test]
fn the_same_sheet_gives_the_same_bytes() {
    let (first_fonts, second_fonts) = (fonts(), fonts());
    let bundled = sheet(BUNDLED_SHEET);
    assert_eq!(
        share_image_png(&bundled, &first_fonts),
        share_image_png(&bundled.clone(), &second_fonts)
    );
    let russian = sheet(RUSSIAN);
    assert_eq!(
        share_image_png(&russian, &first_fonts),
        share_image_png(&russian, &first_fonts)
    );
}

#[test]
fn the_bundled_story_shows_its_title_three_lead_facts_and_the_credit() {
    let layout = share_layout(&sheet(BUNDLED_SHEET), &fonts());
    assert_eq!(
        layout.title,
        ["Moscow concert hall attack:", "what we know about ISIS-K"]
    );
    assert!(!layout.title_cut);
    let shown: Vec<(usize, usize, &str, bool)> = layout
        .facts
        .iter()
        .map(|fact| (fact.card, fact.fact, fact.word.as_str(), fact.cut))
        .collect();
    // The first fact of each of the first three cards.
    assert_eq!(
        shown,
        [
            (0, 0, "CONFIRMED", false),
            (1, 0, "CLAIMED", false),
            (2, 0, "REPORTED", false)
        ]
    );
    assert_eq!(
        layout.facts[2].lines,
        [
            "ISIS, also called the Islamic State group, put out",
            "graphic video of gunmen carrying out the attack."
        ]
    );
    assert_eq!(layout.facts_left_out, 17);
    assert_eq!(
        layout.credit,
        "Updated 1 December 2026 · Sources: Moscow Concert Hall Terror Attack Linked…"
    );
    assert!(layout.credit_cut);
    assert_eq!(layout.missing, Vec::<char>::new());
    assert_inside(&layout);
}

#[test]
fn each_shown_fact_has_its_status_word_drawn_on_a_label_of_its_colour() {
    let facts = [
        ("One.", Status::Confirmed),
        ("Two.", Status::Claimed),
        ("Three.", Status::Reported),
        ("Four.", Status::Disputed),
        ("Five.", Status::Unclear),
    ];
    let layout = share_layout(&sheet_with("Statuses", &facts), &fonts());
    // At most four facts.
    assert_eq!(layout.facts.len(), 4);
    assert_eq!(layout.facts_left_out, 1);
    let strings = UiLang::En.strings();
    for (shown, (text, status)) in layout.facts.iter().zip(facts) {
        assert_eq!(shown.status, status);
        assert_eq!(shown.word, strings.status(status).to_uppercase());
        assert_eq!(shown.lines, [text]);
        let label = layout
            .runs
            .iter()
            .find(|run| run.text == shown.word)
            .unwrap_or_else(|| panic!("no run draws {:?}", shown.word));
        assert_eq!((label.weight, label.colour), (Weight::Bold, palette::ON_STATUS));
        let block = layout
            .blocks
            .iter()
            .find(|block| block.colour == palette::status(status))
            .unwrap_or_else(|| panic!("no label for {status:?}"));
        assert!(
            label.x >= block.x && label.x + label.width <= block.x + block.width,
            "{label:?} {block:?}"
        );
        assert!(label.baseline > block.y as i32 && label.baseline < (block.y + block.height) as i32);
    }
    let words: Vec<&str> = layout.facts.iter().map(|fact| fact.word.as_str()).collect();
    assert_eq!(words, ["CONFIRMED", "CLAIMED", "REPORTED", "DISPUTED"]);
}

#[test]
fn a_long_title_is_cut_on_its_third_line_with_an_ellipsis() {
    let title = "An extraordinarily long headline about the Moscow concert hall attack that goes on and on, \
                 naming every group, every official and every place involved, well past what any share image \
                 could hold";
    let layout = share_layout(&sheet_with(title, &[("Short.", Status::Confirmed)]), &fonts());
    assert_eq!(
        layout.title,
        [
            "An extraordinarily long headline about",
            "the Moscow concert hall attack that goes",
            "on and on, naming every group, every…"
        ]
    );
    assert!(layout.title_cut);
    // The smaller title size, for three lines.
    let sizes: Vec<f32> = layout
        .runs
        .iter()
        .filter(|run| run.weight == Weight::Bold)
        .map(|run| run.size)
        .take(3)
        .collect();
    assert_eq!(sizes, [52.0, 52.0, 52.0]);
    assert_eq!(layout.facts[0].lines, ["Short."]);
    assert_inside(&layout);
}

#[test]
fn a_title_that_fits_two_lines_keeps_the_larger_size() {
    let layout = share_layout(
        &sheet_with("A short title", &[("Short.", Status::Confirmed)]),
        &fonts(),
    );
    assert_eq!(layout.title, ["A short title"]);
    assert_eq!(layout.runs[0].size, 60.0);
}

#[test]
fn long_facts_are_wrapped_on_three_lines_and_cut_with_an_ellipsis() {
    let long = "A fact that is long enough to need more than three lines at the size of the facts, because it \
                keeps adding clauses, qualifications, dates, places and the names of the people who said what \
                about whom, and when they said it, and where.";
    let layout = share_layout(
        &sheet_with(
            "Title",
            &[
                (long, Status::Disputed),
                (long, Status::Reported),
                (long, Status::Unclear),
            ],
        ),
        &fonts(),
    );
    assert_eq!(layout.facts.len(), 3);
    for fact in &layout.facts[..2] {
        assert_eq!(fact.lines.len(), 3);
        assert!(fact.cut);
        assert!(fact.lines[2].ends_with('…'), "{:?}", fact.lines);
    }
    // The third is cut to the room left rather than left out.
    assert_eq!(layout.facts[2].lines.len(), 1);
    assert!(layout.facts[2].cut);
    // Cut at a word, with no comma before the ellipsis.
    let shown: Vec<&str> = layout.facts[0].lines.iter().map(String::as_str).collect();
    let joined = shown.join(" ");
    let kept = joined.strip_suffix('…').expect("an ellipsis at the end");
    assert!(long.starts_with(kept), "{kept:?}");
    assert!(
        long[kept.len()..].starts_with([' ', ',']),
        "{joined:?} cuts a word"
    );
    assert!(!kept.ends_with(','));
    assert_inside(&layout);
}

#[test]
fn a_word_wider_than_a_line_is_broken_and_nothing_leaves_the_margins() {
    let word =
        "Supercalifragilisticexpialidociouslyantidisestablishmentarianismfloccinaucinihilipilification";
    let text = format!("{word} is one word.");
    let sheet = sheet_with(word, &[(&text, Status::Reported)]);
    let fonts = fonts();
    let layout = share_layout(&sheet, &fonts);
    assert_eq!(layout.title.concat(), word);
    assert!(!layout.title_cut);
    assert_eq!(
        layout.facts[0].lines.concat().replace(' ', ""),
        text.replace(' ', "")
    );
    assert_inside(&layout);
    // And in pixels: the side margins are blank below the accent band.
    let pixels = share_image_rgb(&layout, &fonts);
    let background = palette::BACKGROUND.0;
    for y in 12..HEIGHT as usize {
        for x in (0..MARGIN_X as usize).chain(WIDTH as usize - MARGIN_X as usize..WIDTH as usize) {
            let index = (y * WIDTH as usize + x) * 3;
            assert_eq!(pixels[index..index + 3], background, "pixel ({x}, {y})");
        }
    }
}

#[test]
fn a_russian_sheet_is_laid_out_in_cyrillic_with_every_glyph_in_the_fonts() {
    let fonts = fonts();
    let layout = share_layout(&sheet(RUSSIAN), &fonts);
    assert_eq!(
        layout.title,
        [
            "Нападение на «Крокус Сити Холл»:",
            "что известно о группировке ИГИЛ-К"
        ]
    );
    let words: Vec<&str> = layout.facts.iter().map(|fact| fact.word.as_str()).collect();
    assert_eq!(words, ["ПОДТВЕРЖДЕНО", "ЗАЯВЛЕНО", "НЕЯСНО"]);
    assert_eq!(
        layout.facts[1].lines,
        [
            "Группировка заявила о своей",
            "ответственности за нападение. — ИГИЛ-К"
        ]
    );
    assert_eq!(
        layout.credit,
        "Графика: Иван Петров / Редакция · Обновлено 23 марта 2024 г."
    );
    // The sources did not fit with a word of their first title.
    assert!(layout.credit_cut);
    assert_eq!(layout.missing, Vec::<char>::new());
    for run in &layout.runs {
        for c in run.text.chars() {
            assert!(
                fonts.covers(run.weight, c),
                "{c:?} of {:?} has no glyph",
                run.text
            );
        }
    }
    assert_inside(&layout);
}

#[test]
fn the_fonts_have_every_character_of_the_widgets_words_in_both_languages() {
    let fonts = fonts();
    for lang in [UiLang::En, UiLang::Ru] {
        let strings = lang.strings();
        let mut texts: Vec<String> = Status::ALL
            .iter()
            .map(|status| strings.status(*status).to_uppercase())
            .collect();
        for month in 1..=12 {
            texts.push(strings.format_date(&format!("2024-{month:02}-23T18:05:00+03:00")));
        }
        texts.extend([
            strings.updated.to_owned(),
            strings.sources_heading.to_owned(),
            "factcards…—·«»“”".to_owned(),
        ]);
        for text in &texts {
            for c in text.chars() {
                for weight in [Weight::Regular, Weight::Bold] {
                    assert!(fonts.covers(weight, c), "{c:?} of {text:?} in {weight:?}");
                }
            }
        }
    }
    // Every letter of both alphabets, in both cases.
    let alphabets = ('a'..='z')
        .chain('A'..='Z')
        .chain('а'..='я')
        .chain('А'..='Я')
        .chain(['ё', 'Ё']);
    for c in alphabets {
        assert!(
            fonts.covers(Weight::Regular, c) && fonts.covers(Weight::Bold, c),
            "{c:?}"
        );
    }
}

#[test]
fn characters_the_fonts_lack_are_listed() {
    let layout = share_layout(
        &sheet_with("東京 and Москва", &[("本当 ok", Status::Confirmed)]),
        &fonts(),
    );
    assert_eq!(layout.missing, ['京', '当', '本', '東']);
}

#[test]
fn sheet_text_is_drawn_as_it_is_written_with_its_white_space_collapsed() {
    let layout = share_layout(
        &sheet_with(
            "  <b>Bold</b>\n\tclaim &amp;\u{7} co\u{ad}de ",
            &[("A\u{a0}B", Status::Claimed)],
        ),
        &fonts(),
    );
    assert_eq!(layout.title, ["<b>Bold</b> claim &amp; code"]);
    // A no-break space stays one.
    assert_eq!(layout.facts[0].lines, ["A\u{a0}B"]);
}

#[test]
fn an_attribution_follows_its_fact_muted_as_in_the_widget() {
    let fonts = fonts();
    let layout = share_layout(&sheet(common::VALID), &fonts);
    let lines: Vec<&str> = layout.facts.iter().map(|fact| fact.lines[0].as_str()).collect();
    assert_eq!(
        lines,
        [
            "The group formed in 2015.",
            "The group claimed the attack. — the group"
        ]
    );
    let regular: Vec<(&str, Rgb, f32)> = layout
        .runs
        .iter()
        .filter(|run| run.weight == Weight::Regular && run.size == 32.0)
        .map(|run| (run.text.as_str(), run.colour, run.x))
        .collect();
    let text_x = regular[0].2;
    let dash_x = text_x + fonts.width(Weight::Regular, "The group claimed the attack. ", 32.0);
    assert_eq!(
        regular,
        [
            ("The group formed in 2015.", palette::TEXT, text_x),
            ("The group claimed the attack.", palette::TEXT, text_x),
            ("— the group", palette::MUTED, dash_x),
        ]
    );
}

#[test]
fn a_credit_line_shows_the_date_whole_and_the_sources_label_with_a_title_or_neither() {
    let fonts = fonts();
    let mut sheet = sheet(common::VALID);
    let mut seen = [false; 3];
    // Longer and longer credits push the date and the sources out, a word
    // at a time.
    for words in 1..40 {
        let credit: Vec<String> = (0..words).map(|word| format!("Name{word}")).collect();
        sheet.credit = Some(format!("Graphic: {}", credit.join(" ")));
        let layout = share_layout(&sheet, &fonts);
        let line = layout.credit.as_str();
        assert!(
            !line.contains("Sources…") && !line.ends_with("Sources:"),
            "{line:?}"
        );
        if line.contains("Sources: ") {
            seen[0] = true;
            // At least the first word of the first title.
            assert!(
                line.contains(" · Updated 23 March 2024 · Sources: The"),
                "{line:?}"
            );
        } else if line.contains("Updated") {
            seen[1] = true;
            assert!(line.ends_with(" · Updated 23 March 2024"), "{line:?}");
            assert!(layout.credit_cut);
        } else {
            seen[2] = true;
            assert!(layout.credit_cut);
        }
    }
    // Each case came up.
    assert_eq!(seen, [true; 3]);
}

#[test]
fn bytes_that_are_not_a_font_are_refused_with_the_font_named() {
    let error = ShareFonts::parse(BUNDLED_REGULAR, b"not a font")
        .err()
        .expect("refused");
    assert_eq!(
        error,
        ShareFontError {
            weight: Weight::Bold,
            problem: FontProblem::Unreadable(FaceParsingError::UnknownMagic)
        }
    );
    assert_eq!(
        error.to_string(),
        "the share image's bold font cannot be read: unknown magic"
    );
}

#[test]
fn a_font_without_truetype_outlines_is_refused() {
    // The table directory's "glyf" renamed "glyg", which sorts in its place.
    let mut font = BUNDLED_REGULAR.to_vec();
    let at = font
        .windows(4)
        .position(|tag| tag == b"glyf")
        .expect("a glyf table");
    font[at + 3] = b'g';
    let error = ShareFonts::parse(&font, BUNDLED_BOLD).err().expect("refused");
    assert_eq!(error.problem, FontProblem::MissingTable("glyf"));
    assert_eq!(
        error.to_string(),
        "the share image's regular font has no glyf table: it needs TrueType outlines, a character map and \
         advances"
    );
}
