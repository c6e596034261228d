//! What the Publish step hands out for a sheet: the story page's address
//! and the embed codes, as README.md's Embedding section and
//! docs/publishing.md write them. Pure text from the sheet, the address the
//! editor entered, where the widget is hosted and the deck's rendered
//! fallback, which every code but the address carries, so that each shows
//! its first fact before any script runs.

use crate::escape::{html as escape, js_string, json_in_script, url_component as encode_component};
use crate::model::Sheet;
use crate::model::formats::check_url;
use crate::publish::{FRAME_PAGE, FRAME_SIZE, SHEET_JSON};

/// Where the editor says the sheet will be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// A story folder's address (ending in `/`), as `factcards publish`
    /// makes it: the story page, its frame page and `sheet.json`.
    Folder(String),
    /// The address of the sheet's JSON alone, hosted without a folder.
    Sheet(String),
}

impl Address {
    /// The address entered, if it is one: an http(s) URL, a folder's when
    /// it ends in `/`.
    pub fn parse(entered: &str) -> Option<Address> {
        let entered = entered.trim();
        check_url(entered).ok()?;
        Some(if entered.ends_with('/') && !entered.contains(['?', '#']) {
            Address::Folder(entered.to_owned())
        } else {
            Address::Sheet(entered.to_owned())
        })
    }

    /// Where the sheet's JSON is.
    pub fn sheet_url(&self) -> String {
        match self {
            Address::Folder(folder) => format!("{folder}{SHEET_JSON}"),
            Address::Sheet(url) => url.clone(),
        }
    }

    /// The story folder's address, if this is one.
    pub fn folder(&self) -> Option<&str> {
        match self {
            Address::Folder(folder) => Some(folder),
            Address::Sheet(_) => None,
        }
    }
}

/// The kinds of code, in the order the Publish step offers them: the most
/// static first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedKind {
    /// The story page's address, to paste into a CMS (oEmbed).
    StoryPage,
    /// `<div data-factcards data-src=…>` over the deck's fallback, and the
    /// loader.
    DropIn,
    /// The frame page and its height loader.
    Iframe,
    /// The sheet's JSON inside the mount element, over the fallback: needs
    /// no address.
    Inline,
    /// `mount()` from a module script, over the fallback.
    JsApi,
}

impl EmbedKind {
    pub const ALL: [EmbedKind; 5] = [
        EmbedKind::StoryPage,
        EmbedKind::DropIn,
        EmbedKind::Iframe,
        EmbedKind::Inline,
        EmbedKind::JsApi,
    ];

    /// A stable key, for element ids and tests.
    pub fn key(self) -> &'static str {
        match self {
            EmbedKind::StoryPage => "story-page",
            EmbedKind::DropIn => "drop-in",
            EmbedKind::Iframe => "iframe",
            EmbedKind::Inline => "inline",
            EmbedKind::JsApi => "js-api",
        }
    }

    /// Its place in `ALL`, for its labels.
    pub fn index(self) -> usize {
        EmbedKind::ALL.iter().position(|kind| *kind == self).unwrap_or(0)
    }

    /// The kinds there are for `address`: the story page only for a
    /// folder, and no code that loads the sheet by address without one.
    pub fn offered(address: Option<&Address>) -> impl Iterator<Item = EmbedKind> + '_ {
        EmbedKind::ALL.into_iter().filter(move |kind| match kind {
            EmbedKind::StoryPage => address.is_some_and(|address| address.folder().is_some()),
            EmbedKind::Inline => true,
            _ => address.is_some(),
        })
    }
}

/// The code of `kind` for `sheet`, to be published at `address` (`None`
/// when the editor has entered none), with the widget's files at `base` (a
/// URL ending in `/`) and `fallback`, the deck's server-rendered HTML (as
/// `factcards render` prints it). `None` where the kind needs an address
/// that is not there.
pub fn embed_code(
    kind: EmbedKind,
    sheet: &Sheet,
    address: Option<&Address>,
    base: &str,
    fallback: &str,
) -> Option<String> {
    let loader = format!(
        r#"<script type="module" src="{}factcards.js"></script>"#,
        escape(base)
    );
    Some(match kind {
        EmbedKind::StoryPage => format!("{}\n", address?.folder()?),
        EmbedKind::DropIn => format!(
            "<div data-factcards data-src=\"{}\">{fallback}</div>\n{loader}\n",
            escape(&address?.sheet_url())
        ),
        EmbedKind::Inline => {
            let json = json_in_script(&serde_json::to_string(sheet).unwrap_or_default());
            format!(
                "<div data-factcards>{fallback}<script type=\"application/json\">{json}</script></div>\n{loader}\n"
            )
        }
        EmbedKind::Iframe => {
            // The frame page of a folder is static first; a sheet hosted
            // alone has only the widget's own iframe page.
            let src = match address? {
                Address::Folder(folder) => format!("{folder}{FRAME_PAGE}"),
                Address::Sheet(url) => format!("{base}embed.html?src={}&theme=auto", encode_component(url)),
            };
            format!(
                concat!(
                    "<iframe data-factcards-frame title=\"{title}\" style=\"width:100%;height:{height}px;border:0\"\n",
                    "  src=\"{src}\"></iframe>\n",
                    "<script async src=\"{base}embed-loader.js\"></script>\n"
                ),
                title = escape(&sheet.title),
                height = FRAME_SIZE.1,
                src = escape(&src),
                base = escape(base),
            )
        }
        EmbedKind::JsApi => format!(
            concat!(
                "<div id=\"factcards-{id}\">{fallback}</div>\n",
                "<script type=\"module\">\n",
                "  import {{ ready }} from \"{base}factcards.js\";\n",
                "  const {{ mount }} = await ready;\n",
                "  mount(document.getElementById(\"factcards-{id}\"), \"{url}\", {{ theme: \"auto\" }});\n",
                "</script>\n"
            ),
            id = escape(&sheet.id),
            fallback = fallback,
            base = js_string(base),
            url = js_string(&address?.sheet_url()),
        ),
    })
}
