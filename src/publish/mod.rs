//! A story folder: everything a newsroom hosts to publish one sheet so that
//! any CMS embeds it from its URL alone, the way Datawrapper and Flourish
//! get into WordPress posts (oEmbed).
//!
//! - `index.html`, the story page: the whole deck server-rendered, readable
//!   with no script, the loader that takes it over when the reader comes
//!   near, and the tags that make its URL pasteable and shareable (title,
//!   description, canonical URL, Open Graph and Twitter cards, oEmbed
//!   discovery);
//! - `frame.html`, the frame page the oEmbed answer and the iframe code
//!   show: the same story, static-first, in the compact layout, its
//!   stylesheets inline, with `frame.js` reporting its height in every
//!   protocol hosts listen to;
//! - `oembed.json`, the answer a CMS reads: a blockquote fallback with the
//!   first facts as text, then the iframe, in only what WordPress keeps;
//! - `sheet.json`, for `data-src` embeds and live decks;
//! - `share.png`, the image social networks show (made by the caller, who
//!   has the fonts: `share_image`).
//!
//! Pure: the CLI writes the files and the editor zips them, from this one
//! function, so the two cannot drift apart. The same sheet and settings
//! always give the same bytes.

pub mod zip;

use std::fmt;
use std::rc::Rc;

use crate::escape::{html, json_in_script};
use crate::i18n::{UiLang, is_rtl};
use crate::model::formats::check_url;
use crate::model::{Sheet, WorldShapes};
use crate::options::{DeckOptions, Layout};
use crate::ssr::render_fallback_with;

/// The story page, the address a reporter pastes and readers share.
pub const STORY_PAGE: &str = "index.html";
/// The frame page, for the oEmbed answer and the iframe code.
pub const FRAME_PAGE: &str = "frame.html";
/// The frame's height reporting, a classic script.
pub const FRAME_SCRIPT: &str = "frame.js";
/// The story page's own few rules, around the deck.
pub const STORY_CSS: &str = "story.css";
/// The oEmbed answer that the story page's discovery link names.
pub const OEMBED: &str = "oembed.json";
/// The sheet, as JSON.
pub const SHEET_JSON: &str = "sheet.json";
/// The share image.
pub const SHARE_IMAGE: &str = "share.png";

/// The share image's size, as Open Graph's and Twitter's large cards want it.
pub const SHARE_IMAGE_SIZE: (u32, u32) = (1200, 630);

/// The frame's size in the oEmbed answer, and the height the iframe code
/// holds before the frame reports its own. Hosts follow the height the
/// frame posts (WordPress up to 1000 px); the compact deck of a news story
/// is about this tall, so the first layout is close to the last.
pub const FRAME_SIZE: (u32, u32) = (600, 1000);

/// How many facts the oEmbed blockquote lists, for hosts that show it in
/// place of the frame.
const BLOCKQUOTE_FACTS: usize = 3;

const FRAME_SCRIPT_SOURCE: &str = include_str!("../../web/frame.js");
const FRAME_CSS_SOURCE: &str = include_str!("../../web/embed-frame.css");
const STORY_CSS_SOURCE: &str = include_str!("../../web/story.css");

/// Where a story folder will be served from, and the widget's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The folder's own address, ending in `/`.
    base_url: String,
    /// The address of the widget's `dist/`, ending in `/`.
    widget_url: String,
    /// Who publishes, for the oEmbed answer's `provider_name`: the host
    /// name of `base_url` unless given.
    provider_name: String,
}

/// Why a story folder cannot be made with the settings given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingsError {
    /// The address given for `what` is not an http(s) URL ending in `/`.
    Address {
        what: &'static str,
        url: String,
        problem: String,
    },
}

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SettingsError::Address { what, url, problem } => write!(f, "{what} \"{url}\": {problem}"),
        }
    }
}

impl std::error::Error for SettingsError {}

impl Settings {
    /// Settings for a folder served at `base_url`, with the widget's files
    /// at `widget_url`; both must be http(s) addresses of folders (ending
    /// in `/`).
    pub fn new(base_url: &str, widget_url: &str) -> Result<Settings, SettingsError> {
        let base_url = folder_address("the story folder's address (--base-url)", base_url)?;
        let widget_url = folder_address("the widget's address (--widget-url)", widget_url)?;
        let provider_name = host_name(&base_url).to_owned();
        Ok(Settings {
            base_url,
            widget_url,
            provider_name,
        })
    }

    /// The same settings, with `name` as the oEmbed answer's provider (a
    /// blank name keeps the host name).
    pub fn with_provider_name(mut self, name: &str) -> Settings {
        if !name.trim().is_empty() {
            self.provider_name = name.trim().to_owned();
        }
        self
    }

    /// The story page's address: the one to paste into a CMS.
    pub fn story_url(&self) -> &str {
        &self.base_url
    }

    /// The frame page's address.
    pub fn frame_url(&self) -> String {
        format!("{}{FRAME_PAGE}", self.base_url)
    }

    /// The sheet's address, for `data-src`.
    pub fn sheet_url(&self) -> String {
        format!("{}{SHEET_JSON}", self.base_url)
    }

    /// The widget's `dist/`, ending in `/`.
    pub fn widget_url(&self) -> &str {
        &self.widget_url
    }

    /// The widget's stylesheet, which every fallback links.
    pub fn stylesheet_url(&self) -> String {
        format!("{}factcards.css", self.widget_url)
    }
}

fn folder_address(what: &'static str, url: &str) -> Result<String, SettingsError> {
    let url = url.trim();
    let problem = |problem: &str| SettingsError::Address {
        what,
        url: url.to_owned(),
        problem: problem.to_owned(),
    };
    check_url(url).map_err(|message| problem(&message))?;
    if !url.ends_with('/') {
        return Err(problem("must end with / (it is a folder)"));
    }
    if url.contains(['?', '#']) {
        return Err(problem("must have no query or fragment (it is a folder)"));
    }
    Ok(url.to_owned())
}

/// The host of an http(s) URL that `check_url` accepted.
fn host_name(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split('/').next().unwrap_or(rest);
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    host.split(':').next().unwrap_or(host)
}

/// One file of a story folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryFile {
    /// Its name in the folder.
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

/// The files of the story folder for `sheet` (which must be valid), served
/// as `settings` say, with `share_png` as its share image; `map` holds the
/// world map's shapes for a sheet with a map. Async because Yew's renderer
/// is, in the editor's wasm; natively, see `story_folder_blocking`.
pub async fn story_folder(
    sheet: &Rc<Sheet>,
    settings: &Settings,
    map: Option<Rc<WorldShapes>>,
    share_png: Vec<u8>,
) -> Vec<StoryFile> {
    let text = |name, text: String| StoryFile {
        name,
        bytes: text.into_bytes(),
    };
    let story_deck = render_fallback_with(Rc::clone(sheet), &story_options(settings), map.clone()).await;
    let frame_deck = render_fallback_with(Rc::clone(sheet), &frame_options(settings), map).await;
    vec![
        text(STORY_PAGE, story_page(sheet, settings, &story_deck)),
        text(FRAME_PAGE, frame_page(sheet, settings, &frame_deck)),
        text(FRAME_SCRIPT, FRAME_SCRIPT_SOURCE.to_owned()),
        text(STORY_CSS, STORY_CSS_SOURCE.to_owned()),
        text(OEMBED, oembed_json(sheet, settings)),
        text(SHEET_JSON, sheet_json(sheet)),
        StoryFile {
            name: SHARE_IMAGE,
            bytes: share_png,
        },
    ]
}

/// `story_folder`, natively (the CLI, the tests), with the map shapes
/// compiled into the native build.
#[cfg(not(target_arch = "wasm32"))]
pub fn story_folder_blocking(sheet: &Rc<Sheet>, settings: &Settings, share_png: Vec<u8>) -> Vec<StoryFile> {
    let map = sheet
        .cards
        .iter()
        .any(crate::model::Card::has_map)
        .then(crate::ssr::world_shapes)
        .flatten();
    crate::ssr::block_on(story_folder(sheet, settings, map, share_png))
}

/// The story page's deck: the whole deck, with a "Get the data" link to
/// the folder's sheet.
fn story_options(settings: &Settings) -> DeckOptions {
    DeckOptions {
        css_href: settings.stylesheet_url(),
        data_href: Some(SHEET_JSON.to_owned()),
        source_base: Some(settings.sheet_url()),
        ..DeckOptions::default()
    }
}

/// The frame page's deck: the compact layout, without its header (the
/// post around the frame has its own headline, and WordPress caps a frame
/// at 1000 px), and the reader's view kept out of the frame's address,
/// which is not what readers share and may hold a host's `#?secret=`.
fn frame_options(settings: &Settings) -> DeckOptions {
    DeckOptions {
        css_href: settings.stylesheet_url(),
        data_href: Some(settings.sheet_url()),
        source_base: Some(settings.sheet_url()),
        layout: Layout::Compact,
        url_state: false,
        ..DeckOptions::default()
    }
}

/// The sheet as JSON, as an editor would write it.
pub fn sheet_json(sheet: &Sheet) -> String {
    // A sheet is strings, lists and numbers: it always serialises.
    serde_json::to_string_pretty(sheet).unwrap_or_default() + "\n"
}

/// The mount element of a deck over its server-rendered fallback: the
/// sheet inline (no request before the widget takes over) or, for a live
/// sheet, by address, so that a republished sheet reaches open pages.
fn mount(
    sheet: &Sheet,
    settings: &Settings,
    options: &DeckOptions,
    fallback: &str,
    attributes: &str,
) -> String {
    let layout = match options.layout {
        Layout::Full => String::new(),
        Layout::Compact => format!(r#" data-layout="{}""#, Layout::Compact.as_str()),
    };
    let header = match options.header {
        Some(true) => r#" data-header="on""#,
        Some(false) => r#" data-header="off""#,
        None => "",
    };
    if sheet.refresh.is_some() {
        format!(
            r#"<div data-factcards data-src="{src}" data-live{layout}{header}{attributes}>{fallback}</div>"#,
            src = html(&settings.sheet_url()),
        )
    } else {
        let json = json_in_script(&serde_json::to_string(sheet).unwrap_or_default());
        format!(
            r#"<div data-factcards{layout}{header}{attributes}>{fallback}<script type="application/json">{json}</script></div>"#
        )
    }
}

/// The `lang` (and for a right-to-left language, `dir`) of a page of `sheet`.
fn page_language(sheet: &Sheet) -> String {
    let dir = if is_rtl(&sheet.lang) { r#" dir="rtl""# } else { "" };
    format!(r#"lang="{}"{dir}"#, html(&sheet.lang))
}

/// The start of both pages of a folder, up to their own head tags: the
/// language, the character set, the viewport, and no icon of their own (an
/// empty one spares browsers a request for /favicon.ico, which a story
/// folder does not have).
fn page_head(sheet: &Sheet) -> String {
    format!(
        concat!(
            "<!doctype html>\n",
            "<html {language}>\n",
            "<head>\n",
            "<meta charset=\"utf-8\">\n",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
            "<link rel=\"icon\" href=\"data:,\">\n",
        ),
        language = page_language(sheet),
    )
}

/// The loader, which takes the deck over when the reader comes near.
fn loader(settings: &Settings) -> String {
    format!(
        r#"<script type="module" src="{}factcards.js"></script>"#,
        html(&settings.widget_url)
    )
}

/// The story page, `index.html`, around `deck`, its rendered fallback.
fn story_page(sheet: &Sheet, settings: &Settings, deck: &str) -> String {
    let (width, height) = SHARE_IMAGE_SIZE;
    let strings = PageStrings::of(sheet);
    let title = html(&sheet.title);
    let summary = html(&sheet.summary);
    let base = html(&settings.base_url);
    let image_alt = html(&strings.share_image_alt(&sheet.title));
    format!(
        concat!(
            "{head}",
            "<title>{title}</title>\n",
            "<meta name=\"description\" content=\"{summary}\">\n",
            "<link rel=\"canonical\" href=\"{base}\">\n",
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{base}{oembed}\" title=\"{title}\">\n",
            "<meta property=\"og:type\" content=\"article\">\n",
            "<meta property=\"og:title\" content=\"{title}\">\n",
            "<meta property=\"og:description\" content=\"{summary}\">\n",
            "<meta property=\"og:url\" content=\"{base}\">\n",
            "<meta property=\"og:image\" content=\"{base}{image}\">\n",
            "<meta property=\"og:image:width\" content=\"{width}\">\n",
            "<meta property=\"og:image:height\" content=\"{height}\">\n",
            "<meta property=\"og:image:alt\" content=\"{image_alt}\">\n",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">\n",
            "<meta name=\"twitter:title\" content=\"{title}\">\n",
            "<meta name=\"twitter:description\" content=\"{summary}\">\n",
            "<meta name=\"twitter:image\" content=\"{base}{image}\">\n",
            "<meta name=\"twitter:image:alt\" content=\"{image_alt}\">\n",
            "<link rel=\"stylesheet\" href=\"{css}\">\n",
            "</head>\n",
            "<body>\n",
            "<main class=\"story\">\n",
            "<h1 class=\"story__kicker\">{kicker}</h1>\n",
            "{mount}\n",
            "</main>\n",
            "{loader}\n",
            "</body>\n",
            "</html>\n",
        ),
        head = page_head(sheet),
        title = title,
        summary = summary,
        base = base,
        width = width,
        height = height,
        image_alt = image_alt,
        kicker = html(strings.kicker),
        oembed = OEMBED,
        image = SHARE_IMAGE,
        css = STORY_CSS,
        mount = mount(sheet, settings, &story_options(settings), deck, ""),
        loader = loader(settings),
    )
}

/// The frame page's deck with the widget's stylesheet inline, in place of
/// the fallback's link to it (the live widget adopts the same stylesheet
/// from its wasm when it takes over, and drops this one with the fallback).
fn with_inline_stylesheet(deck: &str, settings: &Settings) -> String {
    let link = format!(
        r#"<link rel="stylesheet" href="{}">"#,
        html(&settings.stylesheet_url())
    );
    deck.replacen(&link, &format!("<style>{}</style>", crate::styles::CSS), 1)
}

/// The frame page, `frame.html`, around `deck`: the compact deck (its first facts, then
/// "Show all"), whose height fits under WordPress's 1000 px cap at any
/// width; "Show all" opens the rest in place, and where the whole deck is
/// taller than a host allows the frame scrolls.
///
/// Its stylesheets are inline, the page's own and the deck's. The frame's
/// document is requested only once the host page has been parsed down to
/// the iframe, a round trip after the host's own text, and a stylesheet it
/// then fetched (render-blocking in its head, or linked in the deck's
/// shadow root) cost one more: on the benchmark's phone profile the first
/// fact came at about ×1.4 of the same facts in the host page's own HTML,
/// and at about ×1.0 with both inline (docs/performance.md, the frame page).
fn frame_page(sheet: &Sheet, settings: &Settings, deck: &str) -> String {
    format!(
        concat!(
            "{head}",
            "<meta name=\"robots\" content=\"noindex\">\n",
            "<title>{title}</title>\n",
            "<link rel=\"canonical\" href=\"{base}\">\n",
            "<style>{css}</style>\n",
            "</head>\n",
            "<body>\n",
            "{mount}\n",
            "<script src=\"{script}\"></script>\n",
            "{loader}\n",
            "</body>\n",
            "</html>\n",
        ),
        head = page_head(sheet),
        title = html(&sheet.title),
        base = html(&settings.base_url),
        css = FRAME_CSS_SOURCE.trim_end(),
        mount = mount(
            sheet,
            settings,
            &frame_options(settings),
            &with_inline_stylesheet(deck, settings),
            r#" id="factcards-frame" data-url-state="off""#
        ),
        script = FRAME_SCRIPT,
        loader = loader(settings),
    )
}

/// The oEmbed answer, `oembed.json` (oEmbed 1.0, type "rich").
pub fn oembed_json(sheet: &Sheet, settings: &Settings) -> String {
    let (width, height) = FRAME_SIZE;
    let (image_width, image_height) = SHARE_IMAGE_SIZE;
    let answer = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": sheet.title,
        "provider_name": settings.provider_name,
        "provider_url": provider_url(&settings.base_url),
        "width": width,
        "height": height,
        "thumbnail_url": format!("{}{SHARE_IMAGE}", settings.base_url),
        "thumbnail_width": image_width,
        "thumbnail_height": image_height,
        "html": oembed_html(sheet, settings),
    });
    serde_json::to_string_pretty(&answer).unwrap_or_default() + "\n"
}

/// The origin of an http(s) URL, with a `/`.
fn provider_url(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("https", url));
    let authority = rest.split('/').next().unwrap_or(rest);
    format!("{scheme}://{authority}/")
}

/// The oEmbed answer's HTML, in only what WordPress keeps of an unknown
/// provider's (`a[href]`, `blockquote`, and `iframe` with `src`, `width`,
/// `height`, `frameborder`, `marginwidth`, `marginheight`, `scrolling`,
/// `title`): a blockquote with the title and the first facts, each with its
/// status word, as plain text a host can show in place of the frame, then
/// the frame. WordPress keeps the frame clipped until it answers, and shows
/// the blockquote to readers whose browser runs no script.
pub fn oembed_html(sheet: &Sheet, settings: &Settings) -> String {
    let strings = PageStrings::of(sheet);
    let labels = UiLang::from_tag(&sheet.lang).strings();
    let facts: String = sheet
        .cards
        .iter()
        .flat_map(|card| &card.facts)
        .take(BLOCKQUOTE_FACTS)
        // Each paragraph on its own line: WordPress keeps the text of a
        // `<p>` but not the tag, and the line break keeps the words apart.
        .map(|fact| format!("\n<p>{}: {}</p>", labels.status(fact.status), html(&fact.text)))
        .collect();
    // As wide as the post's column: twentytwentyone caps a frame's height
    // by the ratio of its width and height attributes, and `100%` (read as
    // 100) leaves any height alone.
    let height = FRAME_SIZE.1;
    let story = html(&settings.base_url);
    format!(
        concat!(
            "<blockquote><p><a href=\"{story}\">{title}</a></p>{facts}",
            "\n<p><a href=\"{story}\">{more}</a></p></blockquote>\n",
            "<iframe src=\"{frame}\" width=\"100%\" height=\"{height}\" title=\"{title}\" frameborder=\"0\"></iframe>",
        ),
        story = story,
        facts = facts,
        height = height,
        title = html(&sheet.title),
        more = html(strings.every_fact),
        frame = html(&settings.frame_url()),
    )
}

/// The story folder's own words, in the sheet's language.
struct PageStrings {
    /// The story page's own heading, above the deck's title: what the page
    /// is, as a news site's "Key facts" label says it.
    kicker: &'static str,
    /// The link under the blockquote's facts.
    every_fact: &'static str,
    /// Starts the share image's text alternative.
    image_alt: &'static str,
}

impl PageStrings {
    fn of(sheet: &Sheet) -> &'static PageStrings {
        match UiLang::from_tag(&sheet.lang) {
            UiLang::En => &PageStrings {
                kicker: "Key facts",
                every_fact: "Every key fact, with its source and how sure it is",
                image_alt: "Key facts:",
            },
            UiLang::Ru => &PageStrings {
                kicker: "Ключевые факты",
                every_fact: "Все ключевые факты, их источники и степень достоверности",
                image_alt: "Ключевые факты:",
            },
        }
    }

    fn share_image_alt(&self, title: &str) -> String {
        format!("{} {title}", self.image_alt)
    }
}
