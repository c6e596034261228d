//! Excerpts against the saved copies of their sources: whether each fact's
//! excerpt is really in the source it cites, and the closest passage when it
//! is not; and the link that opens a source at an excerpt (a URL text
//! fragment).
//!
//! An excerpt is compared as a reader compares it: the same words in the
//! same order. Whitespace, curly and straight quote marks, and the dashes
//! may differ between the sheet and the copy, because a copy saved from a
//! page and an excerpt typed in a spreadsheet rarely agree on them; letters,
//! digits and other punctuation may not.

use super::error::Problem;
use super::json::{self, Node};
use super::path::Path;
use super::report::Report;
use super::sheet::Sheet;

/// The saved copy of one source: the text its excerpts are checked against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedCopy {
    /// The id of the source in the sheet.
    pub source: String,
    /// The copy's readable text (see [`readable_text`] for a saved page).
    pub text: String,
}

impl SavedCopy {
    /// The copy of `source` saved as `saved`, plain text or an HTML page.
    pub fn new(source: impl Into<String>, saved: &str) -> Self {
        SavedCopy {
            source: source.into(),
            text: readable_text(saved),
        }
    }
}

/// Whether an excerpt is in a copy, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Once: a link to it lands on it.
    Once,
    /// More than once: a link with the excerpt alone lands on the first.
    Times(usize),
    /// Not in the copy; the closest passage of it, as the copy writes it.
    Missing { closest: String },
}

/// Finds `excerpt` in `copy` (readable text), up to whitespace, quote marks
/// and dashes.
pub fn find_excerpt(excerpt: &str, copy: &str) -> Found {
    let wanted = Normalised::new(excerpt);
    let copy = Normalised::new(copy);
    let wanted = wanted.text.trim();
    if wanted.is_empty() {
        return Found::Missing {
            closest: String::new(),
        };
    }
    match copy.text.match_indices(wanted).count() {
        0 => Found::Missing {
            closest: closest_passage(wanted, &copy),
        },
        1 => Found::Once,
        times => Found::Times(times),
    }
}

/// Every excerpt of `sheet` that cites a source with a copy in `copies`,
/// checked against it: an error for one not found, with the closest
/// passage; a warning for one found more than once (a link lands on the
/// first); a warning for a copy given for a source whose citing facts give
/// no excerpt, or for a source the sheet does not have. `root` is the
/// parsed text, to give each problem its line and column.
pub fn check_excerpts(sheet: &Sheet, copies: &[SavedCopy], root: Option<&Node>) -> Vec<Problem> {
    let at = |problem: Problem, path: &Path| match root {
        Some(root) => problem.at(path.locate(root)),
        None => problem,
    };
    let mut problems = Vec::new();
    let top = Path::Root;
    for copy in copies {
        let Some(index) = sheet.sources.iter().position(|source| source.id == copy.source) else {
            problems.push(Problem::warning(
                "",
                format!(
                    "a saved copy was given for source \"{}\", which the sheet does not have",
                    copy.source
                ),
            ));
            continue;
        };
        let mut excerpts = 0;
        let cards = top.key("cards");
        for (c, card) in sheet.cards.iter().enumerate() {
            let card_path = cards.index(c);
            let facts = card_path.key("facts");
            for (f, fact) in card.facts.iter().enumerate() {
                let fact_path = facts.index(f);
                let sources = fact_path.key("sources");
                for (s, cited) in fact.sources.iter().enumerate() {
                    let Some(excerpt) = cited.excerpt.as_deref().filter(|_| cited.source == copy.source)
                    else {
                        continue;
                    };
                    excerpts += 1;
                    let citation = sources.index(s);
                    let path = citation.key("excerpt");
                    match find_excerpt(excerpt, &copy.text) {
                        Found::Once => {}
                        Found::Times(times) => problems.push(at(
                            Problem::warning(
                                path.to_string(),
                                format!(
                                    "the excerpt is {times} times in the saved copy of \"{}\": a link to it lands on the first; give a longer passage",
                                    copy.source
                                ),
                            ),
                            &path,
                        )),
                        Found::Missing { closest } => problems.push(at(
                            Problem::error(
                                path.to_string(),
                                format!(
                                    "the excerpt is not in the saved copy of \"{}\": did you mean \"{closest}\"?",
                                    copy.source
                                ),
                            ),
                            &path,
                        )),
                    }
                }
            }
        }
        if excerpts == 0 {
            let sources = top.key("sources");
            let path = sources.index(index);
            problems.push(at(
                Problem::warning(
                    path.to_string(),
                    format!(
                        "a saved copy of \"{}\" was given, but no fact that cites it gives an excerpt to check",
                        copy.source
                    ),
                ),
                &path,
            ));
        }
    }
    problems.sort_by_key(|problem| problem.pos.map(|pos| (pos.line, pos.column)));
    problems
}

/// Adds to `report` (of the sheet in `bytes`) the problems of its excerpts
/// against `copies`, in the order of the text; nothing if the sheet has
/// errors.
pub fn add_excerpt_problems(report: &mut Report, bytes: &[u8], copies: &[SavedCopy]) {
    let Some(sheet) = &report.sheet else {
        return;
    };
    let root = std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| json::parse(text).ok());
    let found = check_excerpts(sheet, copies, root.as_ref());
    report.problems.extend(found);
    report
        .problems
        .sort_by_key(|problem| problem.pos.map(|pos| (pos.line, pos.column)));
}

/// The text a reader sees of a saved copy: an HTML page (one that starts
/// with a tag) without its tags, scripts and styles, its character
/// references decoded, a line break for each block; plain text as it is.
pub fn readable_text(saved: &str) -> String {
    let saved = saved.strip_prefix('\u{feff}').unwrap_or(saved);
    if !saved.trim_start().starts_with('<') {
        return saved.to_owned();
    }
    let mut text = String::with_capacity(saved.len());
    let mut rest = saved;
    while let Some(open) = rest.find('<') {
        text.push_str(&decode_references(&rest[..open]));
        rest = &rest[open..];
        let Some(close) = rest.find('>') else {
            // A `<` that opens no tag is text.
            text.push_str(&decode_references(rest));
            return text;
        };
        let tag = &rest[1..close];
        rest = &rest[close + 1..];
        if let Some(comment) = tag.strip_prefix("!--") {
            if !comment.ends_with("--") {
                rest = rest.find("-->").map_or("", |end| &rest[end + 3..]);
            }
            continue;
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if matches!(
            name.as_str(),
            "script" | "style" | "template" | "noscript" | "head"
        ) && !tag.starts_with('/')
        {
            // What these hold is not the page's text.
            let end = format!("</{name}");
            rest = match rest.to_ascii_lowercase().find(&end) {
                Some(at) => rest[at..].find('>').map_or("", |gt| &rest[at + gt + 1..]),
                None => "",
            };
            continue;
        }
        let block = matches!(
            name.as_str(),
            "p" | "br"
                | "div"
                | "li"
                | "ul"
                | "ol"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "blockquote"
                | "section"
                | "article"
                | "header"
                | "footer"
                | "main"
                | "tr"
                | "td"
                | "th"
                | "figcaption"
                | "title"
                | "hr"
        );
        if block {
            text.push('\n');
        }
    }
    text.push_str(&decode_references(rest));
    text
}

/// `text` with its HTML character references decoded: the numeric ones and
/// the named ones a saved article uses; an unknown one is left as written.
fn decode_references(text: &str) -> String {
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        decoded.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let reference = rest[1..]
            .find(';')
            .filter(|end| *end <= 10)
            .and_then(|end| Some((reference_char(&rest[1..=end])?, end + 2)));
        match reference {
            Some((character, length)) => {
                decoded.push(character);
                rest = &rest[length..];
            }
            None => {
                decoded.push('&');
                rest = &rest[1..];
            }
        }
    }
    decoded.push_str(rest);
    decoded
}

fn reference_char(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

/// Text as excerpts are compared: each run of whitespace one space, quote
/// marks straight, dashes a hyphen-minus, soft hyphens gone; with where
/// each of its characters came from, to quote the copy as it is written.
struct Normalised<'a> {
    original: &'a str,
    text: String,
    /// For each byte of `text`, the byte of `original` it came from.
    from: Vec<usize>,
}

impl<'a> Normalised<'a> {
    fn new(original: &'a str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut from = Vec::with_capacity(original.len());
        let mut push = |text: &mut String, character: char, at: usize| {
            text.push(character);
            from.resize(text.len(), at);
        };
        for (at, character) in original.char_indices() {
            match comparable(character) {
                None => {}
                Some(' ') if text.ends_with(' ') => {}
                Some(character) => push(&mut text, character, at),
            }
        }
        Normalised { original, text, from }
    }

    /// The original text of `text[start..end]`.
    fn original(&self, start: usize, end: usize) -> &'a str {
        let from = self.from[start];
        let to = self.from.get(end).copied().unwrap_or(self.original.len());
        &self.original[from..to]
    }
}

/// The character `character` is compared as, or `None` for one that does
/// not count.
fn comparable(character: char) -> Option<char> {
    Some(match character {
        '\u{ad}' | '\u{200b}' => return None,
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => '"',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        character if character.is_whitespace() => ' ',
        character => character,
    })
}

/// The passage of `copy` most like `wanted`: of the runs of about as many
/// words as `wanted` has (one fewer or one more, for a word left out or
/// added), the one that shares the most words with it, then the one
/// that starts or ends as it does (then the first), as the copy writes it,
/// on one line. A dash or a quote mark standing alone is not a word.
fn closest_passage(wanted: &str, copy: &Normalised) -> String {
    let key = |word: &str| -> String { word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase() };
    let wanted_keys: Vec<String> = wanted
        .split(' ')
        .map(key)
        .filter(|word| !word.is_empty())
        .collect();
    let mut wanted_bag = wanted_keys.clone();
    wanted_bag.sort();
    let words: Vec<(usize, &str, String)> = copy
        .text
        .split(' ')
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word, key(word)))
        })
        .filter(|(_, _, key)| !key.is_empty())
        .collect();
    let span = wanted_keys.len().min(words.len());
    if span == 0 {
        return String::new();
    }
    let score = |window: &[(usize, &str, String)]| {
        let mut left = wanted_bag.clone();
        let shared = window
            .iter()
            .filter(|(_, _, word)| match left.binary_search(word) {
                Ok(at) => {
                    left.remove(at);
                    true
                }
                Err(_) => false,
            })
            .count();
        let starts = window.first().map(|word| &word.2) == wanted_keys.first();
        let ends = window.last().map(|word| &word.2) == wanted_keys.last();
        (shared, usize::from(starts) + usize::from(ends))
    };
    let mut best = ((0, 0), 0, span);
    for length in [span, span - 1, span + 1] {
        if length == 0 || length > words.len() {
            continue;
        }
        for start in 0..=words.len() - length {
            let scored = score(&words[start..start + length]);
            if scored > best.0 {
                best = (scored, start, length);
            }
        }
    }
    let (first, last) = (&words[best.1], &words[best.1 + best.2 - 1]);
    let passage = copy.original(first.0, last.0 + last.1.len());
    passage.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The URL that opens `url` at `excerpt`: `url` with a text fragment
/// (`#:~:text=`, WICG Scroll to Text Fragment), any fragment of its own
/// replaced. The excerpt alone is the fragment's `textStart`: the reader has
/// no copy of the source to tell whether the passage is unique in it (the
/// check does, and warns when it is not).
pub fn text_fragment_url(url: &str, excerpt: &str) -> String {
    let page = url.split_once('#').map_or(url, |(page, _)| page);
    let mut linked = String::with_capacity(page.len() + excerpt.len() + 10);
    linked.push_str(page);
    linked.push_str("#:~:text=");
    let words = excerpt.split_whitespace();
    for (i, word) in words.enumerate() {
        if i > 0 {
            linked.push_str("%20");
        }
        percent_encode(word, &mut linked);
    }
    linked
}

/// `text` percent-encoded for a text directive: everything but ASCII
/// letters, digits and `._~` (the spec reserves `-`, `,` and `&` in the
/// directive; `!*'()` are left out too, since some link checkers stop at
/// them).
fn percent_encode(text: &str, into: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"._~".contains(&byte) {
            into.push(char::from(byte));
        } else {
            into.push('%');
            into.push(char::from(HEX[usize::from(byte >> 4)]));
            into.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
}
