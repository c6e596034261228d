//! One widget on the page: its host element, shadow root, Yew app and the
//! source of its sheet. Each instance has its own state, so a failing one
//! cannot affect another.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback};

#[cfg(feature = "live")]
use super::live::{LiveDeck, LiveSheet, LiveState};
use super::page::local_time;
use super::source::{self, Loaded, SheetSource};
use super::styles;
use super::{events, map, page};
use crate::event::{DeckEvent, DeckLink, problem_details};
#[cfg(feature = "live")]
use crate::model::Sheet;
use crate::model::{SheetError, WorldShapes};
use crate::options::DeckOptions;
use crate::progress::RenderPace;
use crate::state::{LinkTarget, card_anchor, card_fragment, owns_fragment, parse_fragment};
use crate::view::widget::{LoadState, Widget, WidgetProps};

pub struct Instance {
    host: Element,
    shadow: ShadowRoot,
    app: RefCell<Option<AppHandle<Widget>>>,
    props: RefCell<WidgetProps>,
    /// The shown sheet's id, for deep links (`#<sheet-id>/<card-id>`).
    sheet_id: RefCell<Option<String>>,
    /// The object URL behind "Get the data", freed when replaced.
    object_url: RefCell<Option<String>>,
    /// Counts loads, so that a slow fetch cannot overwrite a newer sheet.
    generation: Cell<u32>,
    links: Cell<u32>,
    /// Mounted by the drop-in (not the JS API): destroyed when its element
    /// leaves the page.
    from_markup: bool,
    /// Whether the reader's view goes into the page's URL fragment.
    keeps_view_in_url: bool,
    /// The element Yew renders into.
    root: Element,
    /// A server-rendered fallback already in the shadow root (declarative
    /// shadow DOM), kept on screen until the live deck or its error panel
    /// has rendered, then swapped out in the same task: no empty frame, no
    /// jump.
    fallback: RefCell<Vec<web_sys::Node>>,
    /// Itself, for the observer and timers that call back into it.
    me: Weak<Instance>,
    /// Whether events also go to the parent page (the iframe embed, whose
    /// embed-frame.js sets `data-factcards-forward`).
    forward: bool,
    /// The `factcards:search` waiting for the reader to stop typing.
    search_pending: RefCell<Option<gloo_timers::callback::Timeout>>,
    /// Watches for the deck to be seen, once (`factcards:view`).
    seen: RefCell<Option<super::seen::Seen>>,
    seen_reported: Cell<bool>,
    /// A live sheet's (`data-live`) reader and what it waits to show.
    #[cfg(feature = "live")]
    live: LiveState,
}

/// How long a search must rest before `factcards:search` reports it, so
/// that analytics get "ukraine", not "u", "uk", "ukr"…
const SEARCH_QUIET_MS: u32 = 700;

/// The attribute embed-frame.js sets on the iframe's mount point, so that
/// its events also reach the host page (see `events::post_to_parent`).
pub const FORWARD_ATTRIBUTE: &str = "data-factcards-forward";

impl Instance {
    /// Mounts a widget on `host`, isolated in a shadow root: replaces what
    /// the host held (a static fallback, inline JSON), and shows the loading
    /// state until `load` is called, or, over a server-rendered fallback,
    /// keeps that on screen until the live deck is ready.
    /// Fails only if `host` cannot hold a shadow root (an `<img>`, say).
    pub fn mount(host: Element, options: DeckOptions, from_markup: bool) -> Result<Rc<Instance>, String> {
        #[cfg(not(feature = "live"))]
        let options = without_live(options);
        let shadow = match host.shadow_root() {
            Some(shadow) => shadow,
            None => host
                .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
                .map_err(|_| {
                    format!(
                        "factcards: cannot mount in a <{}> element: use a <div>",
                        host.tag_name().to_ascii_lowercase()
                    )
                })?,
        };
        let document = host
            .owner_document()
            .ok_or("factcards: the mount element has no document")?;
        let root = document
            .create_element("div")
            .map_err(|_| "factcards: cannot create elements")?;
        #[cfg(feature = "live")]
        let live = LiveState::over(&shadow);
        let children = shadow.child_nodes();
        let fallback: Vec<web_sys::Node> = (0..children.length()).filter_map(|i| children.item(i)).collect();
        // The light DOM (a no-JS fallback list, inline JSON) is replaced.
        host.set_text_content(None);
        styles::adopt(&shadow, &document);
        super::panic::track(&shadow, super::panic::Shown::of(&options));
        root.set_class_name("fc-root");
        let theme = options
            .theme
            .following_page(&super::page::page_color_scheme(&host));
        let _ = root.set_attribute("data-theme", theme.as_str());
        if !fallback.is_empty() {
            // Rendered out of sight until it can replace the fallback.
            let _ = root.set_attribute("data-pending", "");
        }
        let _ = shadow.append_child(&root);

        let instance = Rc::new_cyclic(|weak: &Weak<Instance>| {
            let on_event = {
                let weak = weak.clone();
                Callback::from(move |event: DeckEvent| {
                    if let Some(instance) = weak.upgrade() {
                        instance.report(&event);
                    }
                })
            };
            let keeps_view_in_url = options.url_state;
            let props = WidgetProps {
                load: LoadState::Loading,
                options: DeckOptions {
                    // Behind a fallback the reader already sees: out of
                    // sight, in small chunks that never block the page.
                    pace: if fallback.is_empty() {
                        RenderPace::Screenful
                    } else {
                        RenderPace::Background
                    },
                    ..options
                },
                on_event,
            };
            let app = yew::Renderer::<Widget>::with_root_and_props(root.clone(), props.clone()).render();
            Instance {
                shadow,
                app: RefCell::new(Some(app)),
                props: RefCell::new(props),
                sheet_id: RefCell::new(None),
                object_url: RefCell::new(None),
                generation: Cell::new(0),
                links: Cell::new(0),
                from_markup,
                keeps_view_in_url,
                root,
                fallback: RefCell::new(fallback),
                me: weak.clone(),
                forward: host.has_attribute(FORWARD_ATTRIBUTE),
                search_pending: RefCell::new(None),
                seen: RefCell::new(None),
                seen_reported: Cell::new(false),
                host,
                #[cfg(feature = "live")]
                live,
            }
        });
        Ok(instance)
    }

    pub fn host(&self) -> &Element {
        &self.host
    }

    pub fn mounted_from_markup(&self) -> bool {
        self.from_markup
    }

    /// Whether a server-rendered fallback shows until the live deck is ready.
    pub fn has_fallback(&self) -> bool {
        !self.fallback.borrow().is_empty()
    }

    /// Like `load`, after the wasm's start, for the drop-in: a sheet in the
    /// page is checked in one task and drawn in the next, so that on a
    /// phone each is a short task (each also pays for compiling the code it
    /// runs first); a URL is fetched. Skipped if the widget was destroyed
    /// or given another sheet meanwhile.
    pub fn load_soon(self: &Rc<Self>, source: SheetSource) {
        let generation = self.generation.get();
        let instance = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            page::next_task().await;
            if instance.generation.get() != generation {
                return;
            }
            if source.needs_network() {
                let _ = instance.load(source);
                return;
            }
            let checked = source.load_now();
            page::next_task().await;
            if instance.generation.get() == generation {
                let _ = instance.show_checked(checked);
            }
        });
    }

    /// Starts showing `source`. Sources without network show at once and
    /// return their problems; a URL, or the bundled story, is fetched in the
    /// background.
    pub fn load(self: &Rc<Self>, source: SheetSource) -> Result<(), SheetError> {
        let url = match source {
            SheetSource::Url(url) => Some(url),
            SheetSource::Bundled => None,
            source => return self.show_checked(source.load_now()),
        };
        let generation = self.begin_url_load();
        let instance = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            let url = match url {
                Some(url) => Ok(url),
                None => source::bundled_url().await,
            };
            match url {
                Ok(url) => {
                    let _ = instance.fetch(url, generation).await;
                }
                Err(error) if instance.generation.get() == generation => {
                    let _ = instance.finish(Err(error), None);
                }
                Err(_) => {}
            }
        });
        Ok(())
    }

    /// Shows a sheet that was checked without network, or its problems, in
    /// place of what the widget showed.
    fn show_checked(&self, checked: Result<Loaded, SheetError>) -> Result<(), SheetError> {
        self.start_over();
        self.finish(checked, None)
    }

    /// Leaves what the widget showed: its view in the URL, the reader of a
    /// live sheet, and any load still on its way (stale from now on, by
    /// the generation returned).
    fn start_over(&self) -> u32 {
        self.forget_view_in_url();
        let generation = self.generation.get().wrapping_add(1);
        self.generation.set(generation);
        #[cfg(feature = "live")]
        self.live.stop();
        generation
    }

    /// Fetches a URL and shows the result, unless a newer load started.
    pub async fn fetch(self: &Rc<Self>, url: String, generation: u32) -> Result<(), SheetError> {
        let timeout_ms = self.props.borrow().options.timeout_ms;
        let result = source::fetch_and_check(&url, timeout_ms).await;
        if self.generation.get() != generation {
            return result.map(|_| ());
        }
        #[cfg(feature = "live")]
        let result = self.live.begin(self, &url, result);
        self.finish(result, Some(url))
    }

    /// Starts a URL load and returns its generation, for the JS API to await.
    pub fn begin_url_load(&self) -> u32 {
        let generation = self.start_over();
        self.show(LoadState::Loading, None, None);
        generation
    }

    fn finish(&self, result: Result<Loaded, SheetError>, url: Option<String>) -> Result<(), SheetError> {
        match result {
            Ok(loaded) => {
                let source_base = page::source_base(&self.host, url.as_deref());
                let href = match (&loaded.json, url) {
                    (Some(json), _) => source::json_object_url(json),
                    (None, url) => url,
                };
                *self.sheet_id.borrow_mut() = Some(loaded.sheet.id.clone());
                self.show(LoadState::Ready(loaded.sheet), href, source_base);
                // A link to this sheet in the page's address applies once the
                // sheet is known (for a URL, after it arrives).
                self.follow_hash(&page::current_hash());
                Ok(())
            }
            Err(error) => {
                *self.sheet_id.borrow_mut() = None;
                self.show(LoadState::Failed(error.problems.clone()), None, None);
                Err(error)
            }
        }
    }

    /// Shows `load`, with the address of its JSON for the "Get the data"
    /// link and the address its sources' relative links are resolved
    /// against.
    fn show(&self, load: LoadState, data_href: Option<String>, source_base: Option<String>) {
        if let Some(old) = self
            .object_url
            .replace(data_href.clone().filter(|href| href.starts_with("blob:")))
        {
            source::revoke_object_url(&old);
        }
        // A sheet with a map gets the shapes, or a placeholder while they load.
        let (shapes, map_loading) = match &load {
            LoadState::Ready(sheet) => map::request(sheet),
            LoadState::Loading | LoadState::Failed(_) => (None, false),
        };
        self.update_props(|props| {
            // A new version in place of a sheet already shown (the JS API's
            // update()) arrives now: the deck marks what changed, as for a
            // live deck's read. A first sheet, or a failure, arrives at no time.
            props.options.arrived = match (&props.load, &load) {
                (LoadState::Ready(_), LoadState::Ready(sheet)) => Some(local_time(&sheet.lang)),
                _ => None,
            };
            props.load = load;
            props.options.data_href = data_href;
            props.options.source_base = source_base;
            props.options.link = None;
            props.options.map = shapes;
            props.options.map_loading = map_loading;
            true
        });
    }

    /// Changes the widget's props with `change` and re-renders it, unless
    /// `change` says there was nothing to change.
    fn update_props(&self, change: impl FnOnce(&mut WidgetProps) -> bool) {
        let props = {
            let mut props = self.props.borrow_mut();
            if !change(&mut props) {
                return;
            }
            props.clone()
        };
        if let Some(app) = self.app.borrow_mut().as_mut() {
            app.update(props);
        }
    }

    /// Takes the map shapes once they are fetched (`None` if that failed),
    /// if this widget is waiting for them.
    pub fn map_arrived(&self, shapes: Option<Rc<WorldShapes>>) {
        self.update_props(|props| {
            let waiting = props.options.map_loading;
            if waiting {
                props.options.map = shapes;
                props.options.map_loading = false;
            }
            waiting
        });
    }

    /// Follows the page's URL fragment if it is for this widget's sheet:
    /// `#<sheet-id>/<card-id>` opens and shows that card, `#<sheet-id>?…`
    /// restores a shared view.
    pub fn follow_hash(&self, hash: &str) {
        let Some(sheet_id) = self.sheet_id.borrow().clone() else {
            return;
        };
        let Some(target) = parse_fragment(&sheet_id, hash.trim_start_matches('#')) else {
            return;
        };
        let card = match &target {
            LinkTarget::Card(card) => Some(card_anchor(&sheet_id, card)),
            LinkTarget::View(_) => None,
        };
        let seq = self.links.get().wrapping_add(1);
        self.links.set(seq);
        self.update_props(|props| {
            props.options.link = Some(Rc::new(DeckLink { target, seq }));
            true
        });
        if let Some(anchor) = card {
            page::scroll_to_card(self.shadow.clone(), anchor);
        }
    }

    /// Unmounts the widget and empties the shadow root.
    pub fn destroy(&self) {
        self.forget_view_in_url();
        self.search_pending.borrow_mut().take();
        self.seen.borrow_mut().take();
        self.generation.set(self.generation.get().wrapping_add(1));
        #[cfg(feature = "live")]
        self.live.stop();
        if let Some(app) = self.app.borrow_mut().take() {
            app.destroy();
        }
        if let Some(url) = self.object_url.borrow_mut().take() {
            source::revoke_object_url(&url);
        }
        self.shadow.set_inner_html("");
    }

    /// Takes this widget's own part of the page's URL fragment (its view,
    /// a link to one of its cards) off the URL, leaving any other fragment:
    /// what it named is gone once the sheet is replaced or the widget
    /// removed. Only for a widget that keeps its view in the URL; a page
    /// that turned that off owns its fragment.
    fn forget_view_in_url(&self) {
        if !self.keeps_view_in_url {
            return;
        }
        let Some(sheet_id) = self.sheet_id.borrow().clone() else {
            return;
        };
        if owns_fragment(&sheet_id, page::current_hash().trim_start_matches('#')) {
            page::clear_fragment();
        }
    }

    /// Swaps the server-rendered fallback for the live widget, which has
    /// just rendered (the Ready and Failed events come after the render).
    fn take_over_from_fallback(&self) {
        let fallback = std::mem::take(&mut *self.fallback.borrow_mut());
        if fallback.is_empty() {
            return;
        }
        #[cfg(feature = "live")]
        self.live.after_takeover(self);
        for node in fallback {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
        let _ = self.root.remove_attribute("data-pending");
    }

    /// Turns a deck event into a DOM event on the host, after doing what it
    /// asks (copying a link, keeping the view in the URL).
    fn report(&self, event: &DeckEvent) {
        // Each event follows a render, which may have drawn maps (the deck,
        // a category shown, "Show all"): their shapes come when one is near.
        map::fetch_when_near(&self.shadow);
        match event {
            DeckEvent::Ready { .. } => {
                self.take_over_from_fallback();
                super::hold::release_when_unseen(&self.host, &self.root);
                self.watch_for_seen();
            }
            // A server-rendered fallback is better than any message: it
            // stays, and the live deck stays out of sight.
            DeckEvent::Failed { problems } => {
                warn_problems("factcards: the sheet could not be shown:", problems);
                if self.props.borrow().options.debug || !self.has_fallback() {
                    self.take_over_from_fallback();
                    super::hold::release_when_unseen(&self.host, &self.root);
                }
            }
            _ => {}
        }
        match event {
            DeckEvent::CopyLink { card, .. } => {
                if let Some(sheet_id) = self.sheet_id.borrow().as_deref() {
                    page::copy_link(&card_fragment(sheet_id, card));
                }
            }
            DeckEvent::ViewChanged { fragment } if self.keeps_view_in_url => page::replace_fragment(fragment),
            // Only the last of a burst of keystrokes is reported.
            DeckEvent::Search { .. } => {
                let (me, event) = (self.me.clone(), event.clone());
                let timer = gloo_timers::callback::Timeout::new(SEARCH_QUIET_MS, move || {
                    if let Some(instance) = me.upgrade() {
                        instance.announce(&event);
                    }
                });
                *self.search_pending.borrow_mut() = Some(timer);
                return;
            }
            _ => {}
        }
        self.announce(event);
    }

    /// Dispatches `event` on the host element, and in the iframe embed
    /// posts it to the host page too.
    fn announce(&self, event: &DeckEvent) {
        events::dispatch(&self.host, event);
        if self.forward {
            events::post_to_parent(event);
        }
    }

    /// Starts watching for the deck to be seen, the first time a sheet is
    /// ready; reports `factcards:view` once, for this widget's life.
    fn watch_for_seen(&self) {
        if self.seen_reported.get() || self.seen.borrow().is_some() {
            return;
        }
        let me = self.me.clone();
        let watching = super::seen::Seen::watch(&self.host, move || {
            let Some(instance) = me.upgrade() else {
                return;
            };
            instance.seen_reported.set(true);
            let sheet = instance.sheet_id.borrow().clone();
            if let Some(sheet) = sheet {
                instance.announce(&DeckEvent::Seen { sheet });
            }
        });
        *self.seen.borrow_mut() = watching;
    }
}

/// Every problem of a sheet that could not be shown, with its path, for
/// whoever looks in the console (the page shows readers no JSON paths).
fn warn_problems(heading: &str, problems: &[crate::model::Problem]) {
    let mut text = String::from(heading);
    for problem in problem_details(problems) {
        let place = match (problem.path, problem.line, problem.column) {
            ("", Some(line), Some(column)) => format!("line {line}, column {column}"),
            ("", _, _) => "(the sheet)".to_owned(),
            (path, _, _) => path.to_owned(),
        };
        text.push_str(&format!(
            "\n- {place}: {} ({})",
            problem.message, problem.severity
        ));
    }
    web_sys::console::warn_1(&text.into());
}

/// `options` as this build can show them: it has no live sheets (the
/// loader picks it for a page that asked for none when it started), so a
/// deck that asks for them shows its sheet as it was read, and the console
/// says why.
#[cfg(not(feature = "live"))]
fn without_live(mut options: DeckOptions) -> DeckOptions {
    if options.live.is_on() {
        web_sys::console::warn_1(
            &"factcards: this deck asks for live updates, but factcards.js started without them: no [data-factcards] \
              element had data-live then, and no script had used the JS API. The deck shows its sheet as it was read \
              (docs/embedding.md, \"Live sheets\")."
                .into(),
        );
        options.live = crate::live::Live::Off;
    }
    options
}

/// The live reader's view of its widget.
#[cfg(feature = "live")]
impl LiveDeck for Instance {
    fn options(&self) -> DeckOptions {
        self.props.borrow().options.clone()
    }

    fn host(&self) -> &Element {
        &self.host
    }

    fn shadow(&self) -> &ShadowRoot {
        &self.shadow
    }

    fn shown_sheet(&self) -> Option<Rc<Sheet>> {
        match &self.props.borrow().load {
            LoadState::Ready(sheet) => Some(Rc::clone(sheet)),
            LoadState::Loading | LoadState::Failed(_) => None,
        }
    }

    fn show_update(&self, sheet: Rc<Sheet>, at: String) {
        self.update_props(|props| {
            props.load = LoadState::Ready(sheet);
            props.options.arrived = Some(at);
            true
        });
    }

    fn mark_seen(&self, facts: Vec<String>, cards: Vec<String>) {
        self.update_props(|props| {
            props.options.seen = Some(Rc::new((facts, cards)));
            true
        });
    }

    fn report_update_problems(&self, problems: Vec<crate::model::Problem>) {
        warn_problems("factcards: an update of the sheet was not shown:", &problems);
        events::dispatch(&self.host, &DeckEvent::Failed { problems });
    }

    fn is_live(&self, live: &Rc<LiveSheet>) -> bool {
        self.live.is(live)
    }

    fn has_fallback(&self) -> bool {
        Instance::has_fallback(self)
    }
}
