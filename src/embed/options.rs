//! The options of a mount point, from its data attributes or from the
//! options object of `factcards.mount()`.

use web_sys::Element;
use yew::AttrValue;

/// The colour scheme: forced, or following the reader's system setting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    Auto,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// What a host can choose for one widget. Unknown keys in the JS options
/// object are refused, so that a typo does not pass silently.
#[derive(Debug, Clone, PartialEq)]
pub struct MountOptions {
    pub theme: Theme,
    /// BCP 47 tag for the widget's labels (overrides the sheet's `lang`).
    pub lang: Option<String>,
    /// The category to filter on at first.
    pub category: Option<String>,
    /// The card to open at first.
    pub card: Option<String>,
    /// Whether the reader's view is kept in the page's URL fragment, so a
    /// shared link reopens it. On unless `data-url-state="off"` (for pages
    /// whose own router owns the fragment).
    pub url_state: bool,
}

impl Default for MountOptions {
    fn default() -> Self {
        MountOptions {
            theme: Theme::Auto,
            lang: None,
            category: None,
            card: None,
            url_state: true,
        }
    }
}

impl MountOptions {
    /// Reads `data-theme`, `data-lang`, `data-category` and `data-card`. An
    /// unknown theme falls back to `auto`: an attribute cannot throw.
    pub fn from_element(element: &Element) -> Self {
        let attribute = |name: &str| {
            element
                .get_attribute(name)
                .filter(|value| !value.trim().is_empty())
        };
        let theme = match attribute("data-theme").as_deref() {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        };
        MountOptions {
            theme,
            lang: attribute("data-lang"),
            category: attribute("data-category"),
            card: attribute("data-card"),
            url_state: attribute("data-url-state").as_deref() != Some("off"),
        }
    }

    pub fn lang(&self) -> Option<AttrValue> {
        self.lang.clone().map(AttrValue::from)
    }

    pub fn category(&self) -> Option<AttrValue> {
        self.category.clone().map(AttrValue::from)
    }

    pub fn card(&self) -> Option<AttrValue> {
        self.card.clone().map(AttrValue::from)
    }
}
