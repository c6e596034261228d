//! The published version of the sheet, as the editor knows it, and what
//! publishing the draft would change compared to it.
//!
//! An editor about to publish an update wants to see it as the live decks
//! will: which facts are new, which changed (a status moved from claimed to
//! confirmed), which went. The published sheet is fetched from the published
//! address (by the glue, a plain GET), checked here, and diffed against the
//! draft with the model's own diff and its wording, so that the panel says
//! what `factcards diff PUBLISHED DRAFT` prints, with each place named as
//! the forms name it rather than by its JSON path. Pure: the state
//! (`state.rs`) holds a [`Published`] and moves it through its transition.

use std::rc::Rc;

use super::words::FormPlaces;
use crate::i18n::{EditorStrings, UiLang};
use crate::model::diff::{diff_lines_with, diff_summary};
use crate::model::{self, Sheet, SheetDiff, check_url, diff};

/// Why the published version cannot be compared with the draft. Shown to the
/// editor in one line, after the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishedError {
    /// The address is not an http or https URL (the model's reason).
    BadAddress(String),
    /// The request failed before any answer: the server is down, the name
    /// does not resolve, or it does not allow this page to read it (CORS:
    /// the browser does not say which).
    Unreachable,
    /// The server answered with this HTTP status.
    Status(u16),
    /// The answer is not a valid sheet: the summary of its problems
    /// (`2 errors`) and the first of them.
    NotASheet { summary: String, first: Option<String> },
    /// The published sheet has another id: it is another story (the
    /// model's reason).
    OtherStory(String),
}

impl PublishedError {
    /// The line the editor reads, in its language: which address, what
    /// failed (`Could not compare with the published version at URL: the
    /// server answered HTTP 404`). Reasons the model words (a bad address,
    /// another story, a sheet's first problem) stay in its English, as the
    /// problems list does.
    pub fn line(&self, url: &str, s: &EditorStrings) -> String {
        let reason = match self {
            PublishedError::BadAddress(reason) | PublishedError::OtherStory(reason) => reason.clone(),
            PublishedError::Unreachable => s.published_unreachable.to_owned(),
            PublishedError::Status(status) => format!("{} {status}", s.published_status),
            PublishedError::NotASheet { summary, first } => match first {
                Some(first) => format!("{} ({summary}): {first}", s.published_not_sheet),
                None => format!("{} ({summary})", s.published_not_sheet),
            },
        };
        format!("{} {url}: {reason}", s.published_failed)
    }
}

/// What publishing the draft would change, in the words of `factcards diff`.
/// It keeps both sheets, so that its lines can name places in whichever
/// language the editor is shown in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub diff: Rc<SheetDiff>,
    published: Rc<Sheet>,
    draft: Rc<Sheet>,
    /// `1 new, 1 changed, 0 removed, 0 moved`, or `no changes`.
    pub summary: String,
}

impl Comparison {
    /// Whether publishing would change nothing.
    pub fn is_empty(&self) -> bool {
        self.diff.is_empty()
    }

    /// The grouped lines (`New:`, `  new Card 1 “Roads”, fact 3: …`) with
    /// places and fields named as the forms in `lang` name them; none when
    /// the draft is the published version.
    pub fn lines(&self, lang: UiLang) -> Vec<String> {
        let places = FormPlaces {
            old: &self.published,
            new: &self.draft,
            lang,
        };
        diff_lines_with(&self.diff, &places)
    }
}

/// The published version: loading modelled explicitly, matched in the view.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Published {
    /// Nothing asked yet (or the address changed since).
    #[default]
    NotFetched,
    /// Being fetched; `seq` tells this request from an earlier one for the
    /// same address ("Check again").
    Fetching { url: String, seq: u64 },
    /// Fetched and valid, and how the draft compares with it.
    Fetched {
        url: String,
        sheet: Rc<Sheet>,
        comparison: Result<Comparison, PublishedError>,
    },
    /// Not fetched or not a sheet.
    Failed { url: String, error: PublishedError },
}

impl Published {
    /// The address this is about, if any.
    pub fn url(&self) -> Option<&str> {
        match self {
            Published::NotFetched => None,
            Published::Fetching { url, .. }
            | Published::Fetched { url, .. }
            | Published::Failed { url, .. } => Some(url),
        }
    }

    /// The request the glue should make now: its number and address.
    pub fn request(&self) -> Option<(u64, String)> {
        match self {
            Published::Fetching { url, seq } => Some((*seq, url.clone())),
            _ => None,
        }
    }

    /// The state after asking for `url`, the `seq`th request: fetching it, or
    /// failed at once if it is not an http(s) address.
    pub fn ask(url: &str, seq: u64) -> Published {
        match check_url(url) {
            Ok(()) => Published::Fetching {
                url: url.to_owned(),
                seq,
            },
            Err(reason) => Published::Failed {
                url: url.to_owned(),
                error: PublishedError::BadAddress(reason),
            },
        }
    }

    /// The state once request `seq` answered with `body` (or failed), the
    /// draft being `draft`; unchanged if that request is not the one
    /// awaited (the address changed, or "Check again" asked anew).
    pub fn answered(self, seq: u64, body: Result<String, PublishedError>, draft: &Rc<Sheet>) -> Published {
        let Published::Fetching { url, seq: awaited } = self else {
            return self;
        };
        if seq != awaited {
            return Published::Fetching { url, seq: awaited };
        }
        let sheet = body.and_then(|text| {
            let report = model::check(&text);
            let summary = report.summary();
            let first = report.errors().next().map(ToString::to_string);
            report
                .sheet
                .map(Rc::new)
                .ok_or(PublishedError::NotASheet { summary, first })
        });
        match sheet {
            Ok(sheet) => Published::Fetched {
                comparison: compare(&sheet, draft),
                url,
                sheet,
            },
            Err(error) => Published::Failed { url, error },
        }
    }

    /// The same, compared with a new `draft` (after an edit settles).
    pub fn redrafted(self, draft: &Rc<Sheet>) -> Published {
        match self {
            Published::Fetched { url, sheet, .. } => Published::Fetched {
                comparison: compare(&sheet, draft),
                url,
                sheet,
            },
            other => other,
        }
    }
}

/// What publishing `draft` over `published` would change.
pub fn compare(published: &Rc<Sheet>, draft: &Rc<Sheet>) -> Result<Comparison, PublishedError> {
    let diff = diff(published, draft).map_err(|error| PublishedError::OtherStory(error.to_string()))?;
    Ok(Comparison {
        summary: diff_summary(&diff),
        diff: Rc::new(diff),
        published: Rc::clone(published),
        draft: Rc::clone(draft),
    })
}
