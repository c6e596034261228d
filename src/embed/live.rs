//! A live deck's glue: the timer, the conditional requests, the tab's
//! visibility and the deck's place on screen, and the live region. What to
//! do at each step is decided in `live.rs`; this only does it.
//!
//! Each read sends `If-None-Match` and `If-Modified-Since` from the last
//! answer, so an unchanged sheet costs a 304 and no render. A read that
//! fails in any way (network, HTTP status, a redirect to another origin,
//! JSON, the rules, another story) leaves the deck as it is: the reason
//! goes to the console and `factcards:error`, and the next read comes after
//! a longer wait. Reads stop while the tab is hidden or the deck is off
//! screen, and resume when both are back, never sooner than the interval
//! after the last read.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, ShadowRoot};

use super::page::{local_time, next_task};
use super::source::Loaded;
use crate::DeckOptions;
use crate::i18n::UiLang;
use crate::live::{
    Announcer, FLOOR_MS, Live, Outcome, Poller, RENDERED_SHEET_CLASS, Verdict, judge, same_origin_allowed,
};
use crate::model::{Problem, Sheet, SheetError, check};

/// The shortest interval of this build: the release floor, or a few
/// milliseconds in the test build, so that the end-to-end suite need not
/// wait half a minute per read.
#[cfg(not(feature = "test-hooks"))]
const BUILD_FLOOR_MS: u64 = FLOOR_MS;
#[cfg(feature = "test-hooks")]
const BUILD_FLOOR_MS: u64 = {
    let _ = FLOOR_MS;
    50
};

/// What a live reader needs of the widget it updates (the instance, which
/// owns the reader): declared here, so that this module depends on no more
/// of the widget than that.
pub trait LiveDeck {
    /// What the page asked of the widget.
    fn options(&self) -> DeckOptions;
    fn host(&self) -> &Element;
    fn shadow(&self) -> &ShadowRoot;
    /// The sheet shown, if one is.
    fn shown_sheet(&self) -> Option<Rc<Sheet>>;
    /// Shows a new version of the sheet, which arrived at `at`.
    fn show_update(&self, sheet: Rc<Sheet>, at: String);
    /// Drops the "New" of the facts (keys) and cards (ids) the reader has seen.
    fn mark_seen(&self, facts: Vec<String>, cards: Vec<String>);
    /// Says why an update was not shown; the deck stays as it is.
    fn report_update_problems(&self, problems: Vec<Problem>);
    /// Whether `live` is the widget's reader still.
    fn is_live(&self, live: &Rc<LiveSheet>) -> bool;
    /// Whether a server-rendered fallback shows until the deck is ready.
    fn has_fallback(&self) -> bool;
}

/// What a widget keeps for live updates: the reader of its sheet while it
/// polls, the sheet its server-rendered fallback was rendered from (`ssr.rs`
/// writes it in, for live sheets), and a newer version than the fallback's,
/// waiting for the fallback's own version to take over.
pub struct LiveState {
    reader: RefCell<Option<Rc<LiveSheet>>>,
    rendered: Option<Rc<Sheet>>,
    pending_update: RefCell<Option<(Rc<Sheet>, String)>>,
}

impl LiveState {
    /// The live state of a widget in `shadow`, read before the widget
    /// replaces the fallback there.
    pub fn over(shadow: &ShadowRoot) -> LiveState {
        LiveState {
            reader: RefCell::new(None),
            rendered: rendered_sheet(shadow),
            pending_update: RefCell::new(None),
        }
    }

    /// Starts re-reading `url` for `deck`, if the page asked for live
    /// updates, once its first read gave `result`; returns what the deck
    /// shows now. Over the fallback of an older version, that is the
    /// version the reader sees, and the fetched one comes as an update once
    /// the deck has taken over ([`LiveState::after_takeover`]), not as a
    /// silent swap.
    pub fn begin<D: LiveDeck + 'static>(
        &self,
        deck: &Rc<D>,
        url: &str,
        result: Result<Loaded, SheetError>,
    ) -> Result<Loaded, SheetError> {
        let reader = result
            .as_ref()
            .ok()
            .and_then(|loaded| LiveSheet::start(deck, url, &loaded.sheet));
        let result = match (&reader, &self.rendered, result) {
            (Some(_), Some(rendered), Ok(loaded))
                if deck.has_fallback() && matches!(judge(rendered, &loaded.sheet), Verdict::Update(_)) =>
            {
                let lang = deck.options().lang.unwrap_or_else(|| loaded.sheet.lang.clone());
                *self.pending_update.borrow_mut() = Some((Rc::clone(&loaded.sheet), local_time(&lang)));
                Ok(Loaded {
                    sheet: Rc::clone(rendered),
                    json: None,
                })
            }
            (_, _, result) => result,
        };
        *self.reader.borrow_mut() = reader;
        result
    }

    /// Stops reading: the widget was destroyed or given another sheet.
    pub fn stop(&self) {
        self.reader.borrow_mut().take();
    }

    /// Whether `live` is the reader still.
    pub fn is(&self, live: &Rc<LiveSheet>) -> bool {
        self.reader
            .borrow()
            .as_ref()
            .is_some_and(|current| Rc::ptr_eq(current, live))
    }

    /// Once the deck has replaced its fallback: shows the newer version
    /// that waited for it, with its marks.
    pub fn after_takeover(&self, deck: &dyn LiveDeck) {
        let Some((sheet, at)) = self.pending_update.borrow_mut().take() else {
            return;
        };
        deck.show_update(sheet, at);
        if let Some(reader) = self.reader.borrow().as_ref() {
            reader.watch_marks_soon();
        }
    }
}

/// The sheet a server-rendered fallback holds as rendered (`ssr.rs`), if
/// it holds a valid one.
fn rendered_sheet(shadow: &ShadowRoot) -> Option<Rc<Sheet>> {
    let selector = format!("script.{RENDERED_SHEET_CLASS}");
    let text = shadow.query_selector(&selector).ok()??.text_content()?;
    check(&text).into_result().ok().map(Rc::new)
}

/// The observer of the deck's place on screen, with its callback.
type Observer = (IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>);

/// A live deck's reader of its sheet. Dropped (with its timer, listener and
/// observer) when the widget is destroyed or given another sheet.
pub struct LiveSheet {
    instance: Weak<dyn LiveDeck>,
    url: String,
    live: Live,
    poller: RefCell<Poller>,
    /// The validators of the last answer with a body.
    etag: RefCell<Option<String>>,
    last_modified: RefCell<Option<String>>,
    timer: RefCell<Option<Timeout>>,
    /// When the last read started (`performance.now()`), so that a tab
    /// shown again does not read sooner than the interval.
    last_read: Cell<f64>,
    reading: Cell<bool>,
    announcer: RefCell<Announcer>,
    announce_timer: RefCell<Option<Timeout>>,
    region: Option<Element>,
    _visibility: RefCell<Option<EventListener>>,
    observer: RefCell<Option<Observer>>,
    /// Watches the "New" marks: one that came into view and left it again
    /// has been seen, and goes.
    marks: RefCell<Option<Observer>>,
    /// The keys of the marks in view now: `(is a card, key)`.
    marks_in_view: RefCell<Vec<(bool, String)>>,
    marks_timer: RefCell<Option<Timeout>>,
}

impl LiveSheet {
    /// Starts re-reading `url` for `instance`, which shows `sheet`; `None`
    /// if the page did not ask for live updates.
    pub fn start<D: LiveDeck + 'static>(instance: &Rc<D>, url: &str, sheet: &Sheet) -> Option<Rc<LiveSheet>> {
        let live = instance.options().live;
        let interval = live.interval_ms(sheet.refresh, BUILD_FLOOR_MS)?;
        let region = live_region(&**instance);
        let deck: Weak<dyn LiveDeck> = Rc::downgrade(instance) as Weak<dyn LiveDeck>;
        let this = Rc::new(LiveSheet {
            instance: deck,
            url: url.to_owned(),
            live,
            poller: RefCell::new(Poller::new(interval)),
            etag: RefCell::new(None),
            last_modified: RefCell::new(None),
            timer: RefCell::new(None),
            last_read: Cell::new(now()),
            reading: Cell::new(false),
            announcer: RefCell::new(Announcer::default()),
            announce_timer: RefCell::new(None),
            region,
            _visibility: RefCell::new(None),
            observer: RefCell::new(None),
            marks: RefCell::new(None),
            marks_in_view: RefCell::new(Vec::new()),
            marks_timer: RefCell::new(None),
        });
        this.watch(instance.host());
        this.schedule(interval);
        Some(this)
    }

    /// Listens for the tab's visibility and the deck's place on screen.
    fn watch(self: &Rc<Self>, host: &Element) {
        let document = host.owner_document();
        if let Some(document) = &document {
            self.poller.borrow_mut().set_visible(!document.hidden());
            let weak = Rc::downgrade(self);
            let listened = document.clone();
            *self._visibility.borrow_mut() =
                Some(EventListener::new(document, "visibilitychange", move |_| {
                    if let Some(this) = weak.upgrade() {
                        let resume = this.poller.borrow_mut().set_visible(!listened.hidden());
                        this.after_change(resume);
                    }
                }));
        }
        let weak = Rc::downgrade(self);
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(this) = weak.upgrade() else {
                return;
            };
            // The last entry is the latest state.
            let on_screen = entries
                .iter()
                .rev()
                .find_map(|entry| entry.dyn_into::<IntersectionObserverEntry>().ok())
                .map(|entry| entry.is_intersecting());
            if let Some(on_screen) = on_screen {
                let resume = this.poller.borrow_mut().set_on_screen(on_screen);
                this.after_change(resume);
            }
        });
        if let Ok(observer) = IntersectionObserver::new(callback.as_ref().unchecked_ref()) {
            observer.observe(host);
            *self.observer.borrow_mut() = Some((observer, callback));
        }
    }

    /// Watches the "New" marks once the update has rendered.
    pub fn watch_marks_soon(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        *self.marks_timer.borrow_mut() = Some(Timeout::new(100, move || {
            if let Some(this) = weak.upgrade() {
                this.watch_marks();
            }
        }));
    }

    fn watch_marks(self: &Rc<Self>) {
        let Some(instance) = self.instance.upgrade() else {
            return;
        };
        if self.marks.borrow().is_none() {
            let weak = Rc::downgrade(self);
            let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                if let Some(this) = weak.upgrade() {
                    this.marks_moved(entries);
                }
            });
            if let Ok(observer) = IntersectionObserver::new(callback.as_ref().unchecked_ref()) {
                *self.marks.borrow_mut() = Some((observer, callback));
            }
        }
        let marks = self.marks.borrow();
        let Some((observer, _)) = marks.as_ref() else {
            return;
        };
        if let Ok(found) = instance
            .shadow()
            .query_selector_all("[data-change=new], [data-change=new-card]")
        {
            for element in (0..found.length())
                .filter_map(|i| found.item(i))
                .filter_map(|node| node.dyn_into::<Element>().ok())
            {
                observer.observe(&element);
            }
        }
    }

    /// Marks that left the view after being in it have been seen.
    fn marks_moved(&self, entries: js_sys::Array) {
        let (mut facts, mut cards) = (Vec::new(), Vec::new());
        for entry in entries
            .iter()
            .filter_map(|entry| entry.dyn_into::<IntersectionObserverEntry>().ok())
        {
            let target = entry.target();
            let Some(key) = target.get_attribute("data-key") else {
                continue;
            };
            let mark = (
                target.get_attribute("data-change").as_deref() == Some("new-card"),
                key,
            );
            let mut in_view = self.marks_in_view.borrow_mut();
            if entry.is_intersecting() {
                if !in_view.contains(&mark) {
                    in_view.push(mark);
                }
            } else if let Some(at) = in_view.iter().position(|seen| *seen == mark) {
                let (card, key) = in_view.remove(at);
                if card {
                    cards.push(key)
                } else {
                    facts.push(key)
                }
                if let Some((observer, _)) = self.marks.borrow().as_ref() {
                    observer.unobserve(&target);
                }
            }
        }
        if facts.is_empty() && cards.is_empty() {
            return;
        }
        if let Some(instance) = self.instance.upgrade() {
            instance.mark_seen(facts, cards);
        }
    }

    /// After the tab or the deck's place changed: stop, or resume no
    /// sooner than the interval after the last read.
    fn after_change(self: &Rc<Self>, resume: bool) {
        if !self.poller.borrow().may_read() {
            self.timer.borrow_mut().take();
        } else if resume && !self.reading.get() {
            let due = self.last_read.get() + self.poller.borrow().interval_ms() as f64;
            self.schedule((due - now()).max(0.0) as u64);
        }
    }

    fn schedule(self: &Rc<Self>, delay_ms: u64) {
        if !self.poller.borrow().may_read() {
            self.timer.borrow_mut().take();
            return;
        }
        let weak = Rc::downgrade(self);
        let delay = u32::try_from(delay_ms).unwrap_or(u32::MAX);
        *self.timer.borrow_mut() = Some(Timeout::new(delay, move || {
            if let Some(this) = weak.upgrade() {
                wasm_bindgen_futures::spawn_local(async move { this.read().await });
            }
        }));
    }

    /// One read: fetch, judge, show or keep, and schedule the next.
    async fn read(self: Rc<Self>) {
        let Some(instance) = self.instance.upgrade() else {
            return;
        };
        if self.reading.replace(true) {
            return;
        }
        self.last_read.set(now());
        let outcome = match self.fetch(instance.options().timeout_ms).await {
            Ok(None) => Outcome::Unchanged,
            Ok(Some(fetched)) => match instance.shown_sheet() {
                None => Outcome::Failed,
                Some(shown) => match judge_after_a_break(&shown, &fetched).await {
                    Verdict::Same => Outcome::Unchanged,
                    Verdict::Update(diff) => {
                        // Rendering the new version is a task of its own,
                        // unless the page loaded another sheet or destroyed
                        // the deck meanwhile.
                        let lang = instance.options().lang.unwrap_or_else(|| fetched.lang.clone());
                        let at = local_time(&lang);
                        let counts = diff.counts();
                        if !after_a_break(&*instance, &self).await {
                            self.reading.set(false);
                            return;
                        }
                        instance.show_update(Rc::new(fetched), at);
                        self.watch_marks_soon();
                        let said = self.announcer.borrow_mut().note(counts, now());
                        self.announce(said, &*instance);
                        Outcome::Updated
                    }
                    Verdict::Refused(reason) => {
                        instance.report_update_problems(vec![Problem::error("", reason)]);
                        Outcome::Failed
                    }
                },
            },
            Err(error) => {
                instance.report_update_problems(error.problems);
                Outcome::Failed
            }
        };
        self.reading.set(false);
        if !instance.is_live(&self) {
            return;
        }
        let delay = {
            let mut poller = self.poller.borrow_mut();
            if outcome == Outcome::Updated {
                if let Some(shown) = instance.shown_sheet() {
                    if let Some(interval) = self.live.interval_ms(shown.refresh, BUILD_FLOOR_MS) {
                        poller.set_interval_ms(interval);
                    }
                }
            }
            poller.after(outcome)
        };
        self.schedule(delay);
    }

    /// A conditional GET: `Ok(None)` for 304, the checked sheet for a new
    /// body, an error for everything else.
    async fn fetch(&self, timeout_ms: u32) -> Result<Option<Sheet>, SheetError> {
        let url = &self.url;
        let signal = web_sys::AbortSignal::timeout_with_u32(timeout_ms);
        let mut request = gloo_net::http::Request::get(url).abort_signal(Some(&signal));
        if let Some(etag) = self.etag.borrow().as_deref() {
            request = request.header("If-None-Match", etag);
        }
        if let Some(modified) = self.last_modified.borrow().as_deref() {
            request = request.header("If-Modified-Since", modified);
        }
        let response = request.send().await.map_err(|_| {
            let what = if signal.aborted() {
                format!("no answer within {timeout_ms} ms")
            } else {
                "the request failed (offline, a wrong address, or blocked by CORS)".to_owned()
            };
            problem(url, &what)
        })?;
        let asked = origin_of(url);
        let ended = origin_of(&response.url());
        let page = web_sys::window()
            .and_then(|window| window.location().origin().ok())
            .unwrap_or_default();
        if response.redirected() && !same_origin_allowed(&asked, &ended, &page) {
            return Err(problem(
                url,
                &format!("it was redirected to another origin ({ended})"),
            ));
        }
        if response.status() == 304 {
            return Ok(None);
        }
        if !response.ok() {
            let status = format!("HTTP {} {}", response.status(), response.status_text());
            return Err(problem(url, status.trim_end()));
        }
        let headers = response.headers();
        let (etag, modified) = (headers.get("etag"), headers.get("last-modified"));
        let text = response
            .text()
            .await
            .map_err(|_| problem(url, "the response could not be read as text"))?;
        let sheet = check(&text).into_result()?;
        // Only a good answer's validators: a bad one must not stop the next
        // read from fetching the fixed sheet.
        *self.etag.borrow_mut() = etag;
        *self.last_modified.borrow_mut() = modified;
        Ok(Some(sheet))
    }

    /// Speaks `said` in the live region, or, if the minute is not up,
    /// waits for it.
    fn announce(self: &Rc<Self>, said: Option<crate::model::diff::Counts>, instance: &dyn LiveDeck) {
        let Some(region) = &self.region else {
            return;
        };
        if let Some(counts) = said {
            let lang = instance.options().lang.unwrap_or_else(|| {
                instance
                    .shown_sheet()
                    .map(|sheet| sheet.lang.clone())
                    .unwrap_or_default()
            });
            let strings = UiLang::from_tag(&lang).strings();
            region.set_text_content(Some(
                &strings.facts_updated(counts.new + counts.changed + counts.removed),
            ));
            return;
        }
        if let Some(wait) = self.announcer.borrow().wait_ms(now()) {
            let weak = Rc::downgrade(self);
            *self.announce_timer.borrow_mut() = Some(Timeout::new(wait.ceil() as u32, move || {
                if let Some(this) = weak.upgrade() {
                    let said = this.announcer.borrow_mut().due(now());
                    if let Some(instance) = this.instance.upgrade() {
                        this.announce(said, &*instance);
                    }
                }
            }));
        }
    }
}

impl Drop for LiveSheet {
    fn drop(&mut self) {
        for observer in [&self.observer, &self.marks] {
            if let Some((observer, _)) = observer.borrow_mut().take() {
                observer.disconnect();
            }
        }
    }
}

/// The polite live region beside the deck, out of sight.
fn live_region(instance: &dyn LiveDeck) -> Option<Element> {
    let document = instance.host().owner_document()?;
    let region = document.create_element("p").ok()?;
    region.set_class_name("fc-visually-hidden fc-live-region");
    let _ = region.set_attribute("role", "status");
    let _ = region.set_attribute("aria-live", "polite");
    instance.shadow().append_child(&region).ok()?;
    Some(region)
}

fn problem(url: &str, what: &str) -> SheetError {
    SheetError {
        problems: vec![Problem::error(
            "",
            format!("could not update the sheet from {url}: {what}"),
        )],
    }
}

/// The origin of `url`, resolved against the page.
fn origin_of(url: &str) -> String {
    let base = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    web_sys::Url::new_with_base(url, &base)
        .map(|url| url.origin())
        .unwrap_or_default()
}

/// [`judge`] in a task of its own, after the one that read and checked the
/// sheet: on a phone, reading, diffing and rendering a sheet of a thousand
/// facts in one go is a long task that holds up the reader's input.
async fn judge_after_a_break(shown: &Sheet, fetched: &Sheet) -> Verdict {
    next_task().await;
    judge(shown, fetched)
}

/// Whether `live` still reads for `instance` once a later task has come.
async fn after_a_break(instance: &dyn LiveDeck, live: &Rc<LiveSheet>) -> bool {
    next_task().await;
    instance.is_live(live)
}

fn now() -> f64 {
    js_sys::Date::now()
}
