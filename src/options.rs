//! What one deck is given besides its sheet, whichever way it is shown: a
//! mount point's data attributes, the JS API's options object, a Yew app's
//! `<FactDeck>` props, the CLI's flags for the no-JS fallback. One shape
//! ([`DeckOptions`]), one list of the names a page may use
//! ([`OptionName`]), one theme parser ([`Theme::from_name`]).
//!
//! Pure: the embed reads attributes and JS values and hands them here.

use std::rc::Rc;

use crate::event::DeckLink;
use crate::live::Live;
use crate::model::WorldShapes;
use crate::progress::RenderPace;

/// The colour scheme: forced, or following the page (and else the reader's
/// system setting).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the host page's own `color-scheme` where it sets one (a
    /// light article gets a light box), and the reader's system setting
    /// (`prefers-color-scheme`) otherwise. See [`Theme::following_page`].
    #[default]
    Auto,
}

impl Theme {
    /// Every theme, in the order messages and help texts list them.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Auto];

    /// The theme's name, as `data-theme` and the `theme` option take it.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }

    /// The theme named `name` (`light`, `dark` or `auto`), if any.
    pub fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.as_str() == name)
    }

    /// The theme to draw, given the host page's `color-scheme` (the
    /// computed value at the mount point, or else the content of
    /// `<meta name="color-scheme">`): `auto` takes a page that offers only
    /// light or only dark at its word, and stays `auto` (the reader's
    /// setting) for a page that offers both or says nothing. `light` and
    /// `dark` always force.
    pub fn following_page(self, page_scheme: &str) -> Theme {
        if self != Theme::Auto {
            return self;
        }
        let words = page_scheme.split_whitespace();
        let (mut light, mut dark) = (false, false);
        for word in words {
            match word.to_ascii_lowercase().as_str() {
                "light" => light = true,
                "dark" => dark = true,
                _ => {}
            }
        }
        match (light, dark) {
            (true, false) => Theme::Light,
            (false, true) => Theme::Dark,
            _ => Theme::Auto,
        }
    }
}

/// What a mount without a server-rendered fallback shows when its sheet
/// cannot be shown (a mount with one keeps it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OnError {
    /// One calm line for readers, in the widget's language.
    #[default]
    Message,
    /// Nothing: the mount takes no space.
    Hide,
}

impl OnError {
    pub const ALL: [OnError; 2] = [OnError::Message, OnError::Hide];

    /// Its name, as `data-on-error` and the `onError` option take it.
    pub fn as_str(self) -> &'static str {
        match self {
            OnError::Message => "message",
            OnError::Hide => "hide",
        }
    }

    pub fn from_name(name: &str) -> Option<OnError> {
        OnError::ALL.into_iter().find(|choice| choice.as_str() == name)
    }
}

/// Where a deck sits, which decides how much chrome it shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Layout {
    /// The whole deck: header, search, chips, every fact.
    #[default]
    Full,
    /// For a sidebar or an inline box: no header unless asked, the search
    /// behind a button, the first few facts and then "Show all N facts".
    Compact,
}

impl Layout {
    pub const ALL: [Layout; 2] = [Layout::Full, Layout::Compact];

    /// Its name, as `data-layout` and the `layout` option take it.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Full => "full",
            Layout::Compact => "compact",
        }
    }

    pub fn from_name(name: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|layout| layout.as_str() == name)
    }
}

/// How long a `data-src` sheet may take to arrive before the widget gives
/// up on it, in milliseconds.
pub const DEFAULT_TIMEOUT_MS: u32 = 15_000;

/// An option a page can set, by name: in the JS API's options object, or as
/// a mount point's data attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionName {
    Theme,
    Lang,
    Category,
    Card,
    UrlState,
    OnError,
    Debug,
    Timeout,
    Layout,
    Header,
    Live,
}

impl OptionName {
    /// Every option, in the order messages list them.
    pub const ALL: [OptionName; 11] = [
        OptionName::Theme,
        OptionName::Lang,
        OptionName::Category,
        OptionName::Card,
        OptionName::UrlState,
        OptionName::OnError,
        OptionName::Debug,
        OptionName::Timeout,
        OptionName::Layout,
        OptionName::Header,
        OptionName::Live,
    ];

    /// Its key in the options object of `factcards.mount()`.
    pub fn js_name(self) -> &'static str {
        match self {
            OptionName::Theme => "theme",
            OptionName::Lang => "lang",
            OptionName::Category => "category",
            OptionName::Card => "card",
            OptionName::UrlState => "urlState",
            OptionName::OnError => "onError",
            OptionName::Debug => "debug",
            OptionName::Timeout => "timeout",
            OptionName::Layout => "layout",
            OptionName::Header => "header",
            OptionName::Live => "live",
        }
    }

    /// Its data attribute on a mount point.
    pub fn attribute(self) -> &'static str {
        match self {
            OptionName::Theme => "data-theme",
            OptionName::Lang => "data-lang",
            OptionName::Category => "data-category",
            OptionName::Card => "data-card",
            OptionName::UrlState => "data-url-state",
            OptionName::OnError => "data-on-error",
            OptionName::Debug => "data-debug",
            OptionName::Timeout => "data-timeout",
            OptionName::Layout => "data-layout",
            OptionName::Header => "data-header",
            OptionName::Live => "data-live",
        }
    }

    /// The option whose JS key is `name`.
    pub fn from_js_name(name: &str) -> Option<OptionName> {
        OptionName::ALL
            .into_iter()
            .find(|option| option.js_name() == name)
    }
}

/// A value a page gave for an option in the JS API.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    /// `undefined` or `null`: the default.
    Absent,
    Text(String),
    Flag(bool),
    Number(f64),
    /// An object or anything else no option takes.
    Other,
}

/// Where a server-rendered fallback links the widget's stylesheet when
/// nothing else is asked.
pub const DEFAULT_CSS_HREF: &str = "factcards.css";

/// Everything a deck is given besides its sheet and its event listener.
/// The fields up to `header` are what a page chooses ([`OptionName`]); the rest are
/// what the host supplies as it runs. Each reader takes its part: the deck
/// what it shows, the embed the theme and the URL, the fallback the theme
/// and its stylesheet. Every field is optional: `default()` shows the sheet
/// as it is.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckOptions {
    /// The colour scheme, for whoever draws the `.fc-root` around the deck
    /// (the embed, the fallback); a Yew host sets its own `data-theme`.
    pub theme: Theme,
    /// BCP 47 tag for the widget's own labels; defaults to the sheet's
    /// `lang`.
    pub lang: Option<String>,
    /// The id of the category to filter on at first.
    pub initial_category: Option<String>,
    /// The id of the card to open at first.
    pub initial_card: Option<String>,
    /// Whether the reader's view is kept in the page's URL fragment, so a
    /// shared link reopens it. On unless `data-url-state="off"` or
    /// `{urlState: false}` (for pages whose own router owns the fragment).
    pub url_state: bool,
    /// What a mount without a fallback shows when the sheet cannot be shown:
    /// a calm line (the default) or nothing (`data-on-error="hide"`).
    pub on_error: OnError,
    /// Whether a sheet that cannot be shown lists its problems, with their
    /// JSON paths, on the page (`data-debug`, `{debug: true}`): for editors
    /// and the demo page, never for readers.
    pub debug: bool,
    /// How long a sheet from a URL may take, in milliseconds
    /// (`data-timeout`, `{timeout}`).
    pub timeout_ms: u32,
    /// Where the deck sits: the whole deck, or a compact box for a sidebar
    /// (`data-layout="compact"`, `{layout: "compact"}`).
    pub layout: Layout,
    /// Whether the deck shows its own header (title, summary, update), when
    /// the page says (`data-header="on|off"`, `{header: true|false}`);
    /// `None` leaves it to the layout: on in full, off in compact. See
    /// [`DeckOptions::shows_header`].
    pub header: Option<bool>,
    /// Whether a sheet from a URL is re-read to show its updates, and how
    /// often (`data-live`, `{live}`; `live.rs`). Off by default.
    pub live: Live,
    /// When the shown version of a live sheet arrived, in the reader's
    /// words ("10:42"), set by the embed with each update; the deck marks
    /// the update's changes with it.
    pub arrived: Option<String>,
    /// The new facts (keys) and cards (ids) the reader has seen, found by
    /// the embed: the deck drops their "New".
    pub seen: Option<Rc<(Vec<String>, Vec<String>)>>,
    /// A link to follow: opens a card or restores a view each time a new
    /// one arrives, such as when the page's `#sheet/…` hash changes.
    /// Shared, since it rides along in every later update of the options.
    pub link: Option<Rc<DeckLink>>,
    /// The address of the sheet's JSON for the "Get the data" link.
    pub data_href: Option<String>,
    /// The address a source's relative `url` (`./sources/article.html`) is
    /// resolved against: the sheet's own address, or the page's for a
    /// sheet given inline (set by the embed; `factcards publish` gives its
    /// `--base-url`). `None` leaves such links relative, for the browser
    /// to resolve against the page (`factcards render`, a Yew host).
    pub source_base: Option<String>,
    /// The world map shapes (`WorldShapes::parse` of data/world-map.json)
    /// for the cards with `regions`. Without them those cards show the
    /// map's caption only.
    pub map: Option<Rc<WorldShapes>>,
    /// Whether `map` is on its way, so that each map's space is held by a
    /// placeholder until it arrives.
    pub map_loading: bool,
    /// The pace of rendering (`progress.rs`). By default a big sheet
    /// renders a screenful of cards first and the rest in later tasks;
    /// `Background` renders in small chunks out of sight (the embed, behind
    /// a server-rendered fallback); `Whole` renders every card at once, as
    /// server-side rendering needs.
    pub pace: RenderPace,
    /// Whether this is the server-rendered fallback (`ssr.rs`), for readers
    /// without JavaScript: its controls hold their space but show nothing
    /// (no search box, chips or buttons that would do nothing), status
    /// words are plain text and each card's sources are in a `<details>`.
    pub static_markup: bool,
    /// Where a server-rendered fallback (`ssr.rs`) links the widget's
    /// stylesheet; written into a `<link>` attribute, escaped. The live
    /// widget brings its own.
    pub css_href: String,
}

impl Default for DeckOptions {
    fn default() -> Self {
        DeckOptions {
            theme: Theme::Auto,
            lang: None,
            initial_category: None,
            initial_card: None,
            url_state: true,
            on_error: OnError::Message,
            debug: false,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            layout: Layout::Full,
            header: None,
            live: Live::Off,
            arrived: None,
            seen: None,
            link: None,
            data_href: None,
            source_base: None,
            map: None,
            map_loading: false,
            pace: RenderPace::default(),
            static_markup: false,
            css_href: DEFAULT_CSS_HREF.to_owned(),
        }
    }
}

impl DeckOptions {
    /// Whether the deck shows its header: as the page asked, else on in
    /// the full layout and off in the compact one (where the article's own
    /// headline is usually just above).
    pub fn shows_header(&self) -> bool {
        self.header.unwrap_or(self.layout == Layout::Full)
    }

    /// The options of a mount point, from `attribute(name)`, which gives
    /// the value of a data attribute if the element has it. Blank values
    /// count as absent, and an unknown theme is `auto`: an attribute cannot
    /// throw.
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> Self {
        let get = |option: OptionName| attribute(option.attribute()).filter(|value| !value.trim().is_empty());
        DeckOptions {
            theme: get(OptionName::Theme)
                .and_then(|name| Theme::from_name(&name))
                .unwrap_or_default(),
            lang: get(OptionName::Lang),
            initial_category: get(OptionName::Category),
            initial_card: get(OptionName::Card),
            url_state: get(OptionName::UrlState).as_deref() != Some("off"),
            on_error: get(OptionName::OnError)
                .and_then(|name| OnError::from_name(&name))
                .unwrap_or_default(),
            // A flag: present (even empty) means on, unless it says off.
            debug: attribute(OptionName::Debug.attribute())
                .is_some_and(|value| !matches!(value.trim(), "off" | "false")),
            timeout_ms: get(OptionName::Timeout)
                .and_then(|ms| ms.trim().parse().ok())
                .filter(|ms| *ms > 0)
                .unwrap_or(DEFAULT_TIMEOUT_MS),
            layout: get(OptionName::Layout)
                .and_then(|name| Layout::from_name(name.trim()))
                .unwrap_or_default(),
            header: get(OptionName::Header).and_then(|value| match value.trim() {
                "on" | "true" => Some(true),
                "off" | "false" => Some(false),
                _ => None,
            }),
            // Present (even empty) means on.
            live: Live::from_attribute(attribute(OptionName::Live.attribute()).as_deref()),
            ..DeckOptions::default()
        }
    }

    /// Sets the option whose JS key is `key`, from the JS API. Strict, so
    /// that a typo does not pass silently: an unknown key, an unknown theme
    /// or a value of the wrong type is an error naming it.
    pub fn set_js(&mut self, key: &str, value: OptionValue) -> Result<(), String> {
        let Some(option) = OptionName::from_js_name(key) else {
            let known = quoted(OptionName::ALL.map(OptionName::js_name));
            return Err(format!("unknown option \"{key}\" (known: {known})"));
        };
        match (option, value) {
            (_, OptionValue::Absent) => {}
            (OptionName::UrlState, OptionValue::Flag(on)) => self.url_state = on,
            (OptionName::UrlState, _) => return Err(format!("\"{key}\" must be true or false")),
            (OptionName::Debug, OptionValue::Flag(on)) => self.debug = on,
            (OptionName::Debug, _) => return Err(format!("\"{key}\" must be true or false")),
            (OptionName::Header, OptionValue::Flag(on)) => self.header = Some(on),
            (OptionName::Header, _) => return Err(format!("\"{key}\" must be true or false")),
            (OptionName::Layout, OptionValue::Text(name)) => {
                self.layout = Layout::from_name(&name).ok_or_else(|| {
                    let known = quoted(Layout::ALL.map(Layout::as_str));
                    format!("unknown layout \"{name}\" (known: {known})")
                })?;
            }
            (OptionName::Timeout, OptionValue::Number(ms)) if ms >= 1.0 && ms <= f64::from(u32::MAX) => {
                self.timeout_ms = ms as u32;
            }
            (OptionName::Timeout, _) => {
                return Err(format!("\"{key}\" must be a number of milliseconds"));
            }
            (OptionName::Live, OptionValue::Flag(on)) => {
                self.live = if on { Live::Suggested } else { Live::Off }
            }
            (OptionName::Live, OptionValue::Number(seconds)) if Live::from_seconds(seconds).is_some() => {
                self.live = Live::from_seconds(seconds).unwrap_or_default();
            }
            (OptionName::Live, _) => {
                return Err(format!("\"{key}\" must be a number of seconds, or true or false"));
            }
            (OptionName::OnError, OptionValue::Text(name)) => {
                self.on_error = OnError::from_name(&name).ok_or_else(|| {
                    let known = quoted(OnError::ALL.map(OnError::as_str));
                    format!("unknown onError \"{name}\" (known: {known})")
                })?;
            }
            (OptionName::Theme, OptionValue::Text(name)) => {
                self.theme = Theme::from_name(&name).ok_or_else(|| {
                    let known = quoted(Theme::ALL.map(Theme::as_str));
                    format!("unknown theme \"{name}\" (known: {known})")
                })?;
            }
            (OptionName::Lang, OptionValue::Text(text)) => self.lang = Some(text),
            (OptionName::Category, OptionValue::Text(text)) => self.initial_category = Some(text),
            (OptionName::Card, OptionValue::Text(text)) => self.initial_card = Some(text),
            (_, _) => return Err(format!("\"{key}\" must be a string")),
        }
        Ok(())
    }
}

/// `"a", "b", "c"`.
fn quoted<const N: usize>(names: [&str; N]) -> String {
    names.map(|name| format!("\"{name}\"")).join(", ")
}
