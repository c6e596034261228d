//! `EditorApp`: the editor's root. It holds the state in Yew's reducer (a
//! three-line wrapper around the pure `apply`), lays out the tabs, the
//! problems and the preview, and runs the effects: autosave, the other-tab
//! check, the pause before checking, focus requests, keyboard shortcuts,
//! dropped files, and the intents that need the browser (`glue.rs`).

use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::glue;
use super::panels::{
    Intent, JsonPanel, OpenPanel, PanelProps, Preview, ProblemList, PublishPanel, SpreadsheetPanel,
    draft_state,
};
use super::sheet_form::SheetForm;
use super::state::{Action, EditorState, StepState, Tab, blank_sheet, sheet_json, template_sheet};
use crate::i18n::{EditorStrings, UiLang};
use crate::model::{Sheet, WorldShapes};

/// How long typing must pause before the sheet is checked and previewed.
const SETTLE_MS: u32 = 250;

/// Yew's reducer around the pure state.
#[derive(PartialEq)]
struct Editor(Rc<EditorState>);

impl Reducible for Editor {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Editor(Rc::new((*self.0).clone().apply(action))))
    }
}

/// Mounts the editor on the page's `<main id="editor">` (or the body).
pub fn start() {
    console_error_panic_hook::set_once();
    let document = web_sys::window().and_then(|w| w.document());
    let root = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("editor"))
        .or_else(|| document.and_then(|d| d.body()).map(Into::into));
    if let Some(root) = root {
        yew::Renderer::<EditorApp>::with_root(root).render();
    }
}

/// Options of a listener that may cancel the browser's own handling (its
/// undo in a text field, opening a dropped file).
fn active() -> EventListenerOptions {
    EventListenerOptions::enable_prevent_default()
}

/// Opens a file's bytes: JSON, or a spreadsheet by its name or content.
fn open_bytes(name: &str, bytes: &[u8]) -> Action {
    let lower = name.to_ascii_lowercase();
    let text = String::from_utf8_lossy(bytes);
    if lower.ends_with(".json")
        || (!lower.ends_with(".csv")
            && !lower.ends_with(".tsv")
            && text.trim_start_matches('\u{feff}').trim_start().starts_with('{'))
    {
        return Action::LoadJson(text.into_owned());
    }
    // Decoded, imported and refused exactly as `factcards import` does.
    Action::ImportSpreadsheetFile(bytes.to_vec())
}

#[component]
pub fn EditorApp() -> Html {
    let editor = use_reducer(|| Editor(Rc::new(EditorState::new(blank_sheet(&glue::today())))));
    let state = Rc::clone(&editor.0);
    let lang = use_state(|| {
        let tag = web_sys::window()
            .and_then(|w| w.navigator().language())
            .unwrap_or_default();
        UiLang::from_tag(&tag)
    });
    let copied = use_state(|| None::<String>);
    let map = use_state(|| None::<Rc<WorldShapes>>);
    let tab_id = use_memo((), |_| glue::new_tab_id());
    let base: AttrValue = use_memo((), |_| glue::asset_base()).as_str().to_owned().into();
    let dispatch = {
        let editor = editor.dispatcher();
        Callback::from(move |action: Action| editor.dispatch(action))
    };

    // At start: offer the draft an earlier visit left, and watch other tabs.
    {
        let dispatch = dispatch.clone();
        let tab_id = Rc::clone(&tab_id);
        let map = map.clone();
        use_effect_with((), move |_| {
            if let Some(draft) = glue::load_draft() {
                dispatch.emit(Action::OfferDraft(draft));
            }
            let other = {
                let dispatch = dispatch.clone();
                move || dispatch.emit(Action::OtherTabSaved)
            };
            let listener = glue::watch_other_tabs((*tab_id).clone(), other);
            // The preview's maps: the same names and shapes files the
            // widget fetches, the names first, so that every map drawn with
            // the shapes also names its places (as the CLI's do).
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(text) = glue::fetch_text("world-names.json").await {
                    let _ = crate::model::World::load(&text);
                }
                if let Ok(text) = glue::fetch_text("world-map.json").await
                    && let Ok(shapes) = WorldShapes::parse(&text)
                {
                    map.set(Some(Rc::new(shapes)));
                }
            });
            move || drop(listener)
        });
    }

    // On the Publish step: the deck's fallback, which every embed code
    // carries, rendered again whenever the sheet changes.
    let fallback = use_state(|| None::<(Rc<Sheet>, AttrValue)>);
    {
        let fallback = fallback.clone();
        let css = format!("{base}factcards.css");
        let publishing = state.tab == Tab::Publish;
        let map_for_fallback = map.clone();
        use_effect_with(
            (publishing, Rc::clone(&state.sheet), map.is_some()),
            move |(publishing, sheet, _)| {
                if *publishing {
                    let sheet = Rc::clone(sheet);
                    let shapes = (*map_for_fallback).clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let options = crate::DeckOptions {
                            css_href: css,
                            ..crate::DeckOptions::default()
                        };
                        let html =
                            crate::ssr::render_fallback_with(Rc::clone(&sheet), &options, shapes).await;
                        fallback.set(Some((sheet, html.into())));
                    });
                }
            },
        );
    }

    // Every change: autosave, and check and preview once typing pauses.
    {
        let dispatch = dispatch.clone();
        let state = Rc::clone(&state);
        let tab_id = Rc::clone(&tab_id);
        use_effect_with(
            (state.revision, state.draft.is_some(), state.conflict),
            move |_| {
                if state.may_autosave() {
                    glue::save_draft(&sheet_json(&state.sheet), &state.published_url, &tab_id);
                }
                let timer = (state.settled != state.revision)
                    .then(|| Timeout::new(SETTLE_MS, move || dispatch.emit(Action::Settle)));
                move || drop(timer)
            },
        );
    }

    // A check of the published version: read it, and hand the answer to the
    // state, which ignores it if another check was asked meanwhile.
    {
        let dispatch = dispatch.clone();
        use_effect_with(state.published.request(), move |request| {
            if let Some((check, url)) = request.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let body = glue::fetch_published(&url).await;
                    dispatch.emit(Action::PublishedAnswered(check, body));
                });
            }
        });
    }

    // Focus requests (a problem clicked, an item added or moved).
    use_effect_with(state.focus.clone(), |focus| {
        if let Some(focus) = focus {
            glue::focus(focus);
        }
    });

    // Ctrl/Cmd+Z undoes, with Shift (or Ctrl+Y) redoes; a file dropped
    // anywhere opens.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let document = web_sys::window().and_then(|w| w.document());
            let listeners = document.map(|document| {
                let keys = {
                    let dispatch = dispatch.clone();
                    EventListener::new_with_options(&document, "keydown", active(), move |event| {
                        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        if !(event.ctrl_key() || event.meta_key()) {
                            return;
                        }
                        let key = event.key().to_ascii_lowercase();
                        let action = match (key.as_str(), event.shift_key()) {
                            ("z", false) => Action::Undo,
                            ("z", true) | ("y", false) => Action::Redo,
                            _ => return,
                        };
                        event.prevent_default();
                        dispatch.emit(action);
                    })
                };
                let over = EventListener::new_with_options(&document, "dragover", active(), |event| {
                    event.prevent_default()
                });
                let drop_listener = {
                    let dispatch = dispatch.clone();
                    EventListener::new_with_options(&document, "drop", active(), move |event| {
                        event.prevent_default();
                        let Some(event) = event.dyn_ref::<web_sys::DragEvent>() else {
                            return;
                        };
                        let file = glue::first_file(event.data_transfer().and_then(|data| data.files()));
                        if let Some(file) = file {
                            let dispatch = dispatch.clone();
                            wasm_bindgen_futures::spawn_local(async move {
                                match glue::read_file(file).await {
                                    Ok((name, bytes)) => dispatch.emit(open_bytes(&name, &bytes)),
                                    Err(message) => dispatch.emit(Action::Notify(message)),
                                }
                            });
                        }
                    })
                };
                (keys, over, drop_listener)
            });
            move || drop(listeners)
        });
    }

    let folder_made = lang.editor_strings().folder_made;
    let intent = {
        let dispatch = dispatch.clone();
        let copied = copied.clone();
        let state = Rc::clone(&state);
        let base = base.clone();
        let map = map.clone();
        Callback::from(move |intent: Intent| {
            let dispatch = dispatch.clone();
            match intent {
                Intent::New(template) => {
                    let action = match template.then(template_sheet).flatten() {
                        Some(sheet) => Action::Load(sheet),
                        None => Action::StartBlank(blank_sheet(&glue::today())),
                    };
                    dispatch.emit(action);
                }
                Intent::OpenFile(file) => wasm_bindgen_futures::spawn_local(async move {
                    match glue::read_file(file).await {
                        Ok((name, bytes)) => dispatch.emit(open_bytes(&name, &bytes)),
                        Err(message) => dispatch.emit(Action::Notify(message)),
                    }
                }),
                // The bytes, decoded as a file's are (a UTF-16 spreadsheet too).
                Intent::OpenUrl(url) => wasm_bindgen_futures::spawn_local(async move {
                    match glue::fetch_bytes(&url).await {
                        Ok(bytes) => dispatch.emit(open_bytes(&url, &bytes)),
                        Err(message) => dispatch.emit(Action::Notify(message)),
                    }
                }),
                Intent::Download(name, mime, text) => {
                    if let Err(message) = glue::download(&name, &mime, text.as_bytes()) {
                        dispatch.emit(Action::Notify(message));
                    }
                }
                Intent::Copy(key, text) => {
                    let copied = copied.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        match glue::copy(&text).await {
                            Ok(()) => copied.set(Some(key)),
                            Err(message) => dispatch.emit(Action::Notify(message)),
                        }
                    });
                }
                Intent::DownloadFolder(folder) => {
                    let sheet = Rc::clone(&state.sheet);
                    let base = base.to_string();
                    let shapes = (*map).clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let name = format!("{}.zip", sheet.id);
                        let made = story_folder_zip(sheet, &folder, &base, shapes).await;
                        let message =
                            match made.and_then(|zip| glue::download(&name, "application/zip", &zip)) {
                                Ok(()) => format!("{folder_made} {name}"),
                                Err(message) => message,
                            };
                        dispatch.emit(Action::Notify(message));
                    });
                }
                Intent::CopyFallback => {
                    let copied = copied.clone();
                    let sheet = Rc::clone(&state.sheet);
                    let css = format!("{base}factcards.css");
                    let shapes = (*map).clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let options = crate::DeckOptions {
                            css_href: css,
                            ..crate::DeckOptions::default()
                        };
                        let html = crate::ssr::render_fallback_with(sheet, &options, shapes).await;
                        match glue::copy(&html).await {
                            Ok(()) => copied.set(Some("fallback".into())),
                            Err(message) => dispatch.emit(Action::Notify(message)),
                        }
                    });
                }
            }
        })
    };

    let s = lang.editor_strings();
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |event: Event| {
            lang.set(UiLang::from_tag(&super::fields::select_value(&event)));
        })
    };
    let tab_button = |tab: Tab| {
        let dispatch = dispatch.clone();
        let current = state.tab == tab;
        html! {
            <button type="button" id={format!("tab-{}", tab.key())} class="ed-tab"
                aria-current={current.then_some("page")}
                onclick={Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetTab(tab)))}>
                { tab_label(s, tab) }
            </button>
        }
    };
    // A step's button: its number, its name and what it still needs.
    let step_button = |number: usize, tab: Tab| {
        let dispatch = dispatch.clone();
        let current = state.tab == tab;
        let needs = state.step_state(tab).unwrap_or(StepState::Unchecked);
        let kind = match needs {
            StepState::Done => "done",
            StepState::Fix(_) => "fix",
            StepState::Review(_) | StepState::NeedsAddress => "review",
            StepState::Unchecked => "unchecked",
        };
        html! {
            <li>
                <button type="button" id={format!("tab-{}", tab.key())} class="ed-step" data-state={kind}
                    aria-current={current.then_some("step")}
                    onclick={Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetTab(tab)))}>
                    <span class="ed-step__number" aria-hidden="true">
                        { if needs == StepState::Done { "✓".to_owned() } else { number.to_string() } }
                    </span>
                    <span class="ed-step__name">{ tab_label(s, tab) }</span>
                    <span class="ed-step__state" id={format!("tab-{}-state", tab.key())}>{ step_words(s, needs) }</span>
                </button>
            </li>
        }
    };
    let simple = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    // The way on: the next step's button, at the end of each step.
    let next = |tab: Tab| {
        let at = Tab::STEPS.iter().position(|&step| step == tab);
        match at.and_then(|at| Tab::STEPS.get(at + 1)) {
            Some(&following) => html! {
                <p class="ed-next">
                    <button type="button" class="ed-primary" id="next-step" onclick={simple(Action::NextStep(following))}>
                        { format!("{} {}", s.next_step, tab_label(s, following)) }
                    </button>
                </p>
            },
            None => Html::default(),
        }
    };
    let panel = PanelProps {
        state: Rc::clone(&state),
        lang: *lang,
        dispatch: dispatch.clone(),
        intent,
        copied: (*copied).clone(),
        base,
        fallback: fallback
            .as_ref()
            .filter(|(sheet, _)| *sheet == state.sheet)
            .map(|(_, html)| html.clone()),
    };
    let problems = state.shown_problems();
    let work = match state.tab {
        Tab::Open => html! { <OpenPanel ..panel /> },
        step @ (Tab::Story | Tab::Sources | Tab::Cards) => {
            let mine: Rc<[crate::model::Problem]> = problems
                .iter()
                .filter(|problem| Tab::of_path(&problem.path) == step)
                .cloned()
                .collect();
            // What the step still needs, above its form; nothing while a
            // new sheet is not checked yet.
            let needs = match (state.quiet, mine.is_empty()) {
                (true, _) => Html::default(),
                (false, true) => html! { <p class="ed-step-done" id="step-done">{ s.step_nothing_left }</p> },
                (false, false) => html! {
                    <ProblemList problems={mine} sheet={Rc::clone(&state.sheet)} lang={*lang}
                        heading={s.step_needs_heading} empty={s.step_nothing_left} dispatch={dispatch.clone()} />
                },
            };
            html! {
                <>
                { needs }
                <SheetForm {step} sheet={Rc::clone(&state.sheet)} problems={Rc::clone(&problems)}
                    saved_copies={Rc::clone(&state.saved_copies)}
                    selected_card={state.selected_card} lang={*lang} dispatch={dispatch.clone()} />
                { next(step) }
                </>
            }
        }
        Tab::Check => html! {
            <>
            if state.quiet {
                <section class="ed-panel" aria-labelledby="h-problems">
                    <h2 id="h-problems">{ s.problems_heading }</h2>
                    <p class="ed-hint">{ s.nothing_checked }</p>
                </section>
            } else {
                <ProblemList problems={Rc::clone(&problems)} sheet={Rc::clone(&state.sheet)} lang={*lang}
                    heading={s.problems_heading} empty={s.no_problems} dispatch={dispatch.clone()} />
            }
            { next(Tab::Check) }
            </>
        },
        Tab::Json => html! { <JsonPanel ..panel /> },
        Tab::Spreadsheet => html! { <SpreadsheetPanel ..panel /> },
        Tab::Publish => html! { <PublishPanel ..panel /> },
        Tab::Preview => html! { <p class="ed-hint ed-preview-beside">{ s.preview_beside }</p> },
    };
    let errors = state.error_count();
    let phone_preview = state.width == super::state::Width::Phone;
    html! {
        <div class={classes!("ed", (state.tab == Tab::Preview).then_some("ed--previewing"))} lang={s.tag}>
            <header class="ed-bar">
                <h1 class="ed-title">{ s.app_title }</h1>
                <nav class="ed-tabs" aria-label={s.tools_label}>
                    { for Tab::TOOLS.iter().map(|&tab| tab_button(tab)) }
                </nav>
                <div class="ed-bar__tools">
                    <button type="button" id="undo" disabled={!state.can_undo()} onclick={simple(Action::Undo)}
                        aria-keyshortcuts="Control+Z Meta+Z">{ s.undo }</button>
                    <button type="button" id="redo" disabled={!state.can_redo()} onclick={simple(Action::Redo)}
                        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z">{ s.redo }</button>
                    <label class="ed-visually-hidden" for="ui-lang">{ s.ui_language }</label>
                    <select id="ui-lang" onchange={on_lang}>
                        <option value="en" selected={*lang == UiLang::En}>{ "English" }</option>
                        <option value="ru" selected={*lang == UiLang::Ru}>{ "Русский" }</option>
                    </select>
                </div>
            </header>
            <div class="ed-progress">
                <nav class="ed-steps" aria-label={s.steps_label}>
                    <ol>
                        { for Tab::STEPS.iter().enumerate().map(|(i, &tab)| step_button(i + 1, tab)) }
                    </ol>
                    <span class="ed-steps__preview">{ tab_button(Tab::Preview) }</span>
                </nav>
                { draft_state(s, &state, &dispatch) }
            </div>
            <div class="ed-banners" role="status">
                if let Some(draft) = &state.draft {
                    <div class="ed-banner" id="draft-banner">
                        <p>{ format!("{} {}.", s.draft_found, draft.saved_at) }</p>
                        <button type="button" id="draft-restore" onclick={simple(Action::RestoreDraft)}>{ s.restore }</button>
                        <button type="button" id="draft-discard" onclick={simple(Action::DiscardDraft)}>{ s.discard }</button>
                    </div>
                }
                if state.conflict {
                    <div class="ed-banner ed-banner--warning" id="conflict-banner">
                        <p>{ s.other_tab }</p>
                        <button type="button" onclick={simple(Action::TakeOver)}>{ s.take_over }</button>
                    </div>
                }
                if let Some(notice) = &state.notice {
                    <div class="ed-banner ed-banner--warning" id="notice"><p>{ notice.clone() }</p></div>
                }
            </div>
            <div class={classes!("ed-main", phone_preview.then_some("ed-main--phone"))}>
                <main class="ed-work" id="work" tabindex="-1" aria-label={tab_label(s, state.tab)}>
                    { work }
                </main>
                <aside class="ed-side" aria-label={s.preview_heading}>
                    <p class="ed-visually-hidden" aria-live="polite">{ format!("{errors} {}", s.errors_left) }</p>
                    <Preview state={Rc::clone(&state)} lang={*lang} dispatch={dispatch.clone()} map={(*map).clone()} />
                </aside>
            </div>
        </div>
    }
}

/// The story folder of `sheet` for the address `folder`, with the widget's
/// files at `base`, as a .zip: the same files as `factcards publish`,
/// from the same code. The share image's fonts are fetched from beside the
/// editor, so that the editor's wasm does not carry them.
async fn story_folder_zip(
    sheet: Rc<Sheet>,
    folder: &str,
    base: &str,
    shapes: Option<Rc<WorldShapes>>,
) -> Result<Vec<u8>, String> {
    use crate::publish::{Settings, story_folder, zip::zip_folder};
    use crate::share_image::{ShareFonts, share_image_png};

    let settings = Settings::new(folder, base).map_err(|error| error.to_string())?;
    let regular = glue::fetch_bytes(&format!("{base}fonts/NotoSans-Regular.ttf")).await?;
    let bold = glue::fetch_bytes(&format!("{base}fonts/NotoSans-Bold.ttf")).await?;
    let fonts = ShareFonts::parse(&regular, &bold).map_err(|error| error.to_string())?;
    let image = share_image_png(&sheet, &fonts);
    let files = story_folder(&sheet, &settings, shapes, image).await;
    Ok(zip_folder(&sheet.id, &files))
}

/// A tab's name as its button shows it.
pub fn tab_label(s: &EditorStrings, tab: Tab) -> &'static str {
    match tab {
        Tab::Story => s.steps[0],
        Tab::Sources => s.steps[1],
        Tab::Cards => s.steps[2],
        Tab::Check => s.steps[3],
        Tab::Publish => s.steps[4],
        Tab::Open => s.tools[0],
        Tab::Spreadsheet => s.tools[1],
        Tab::Json => s.tools[2],
        Tab::Preview => s.preview_heading,
    }
}

/// What a step still needs, in words: "2 to fix", "1 to review", "done".
pub fn step_words(s: &EditorStrings, state: StepState) -> String {
    let counted = |(prefix, suffix): (&str, &str), n: usize| format!("{prefix}{n}{suffix}");
    match state {
        StepState::Unchecked => s.step_unchecked.to_owned(),
        StepState::Fix(n) => counted(s.step_fix, n),
        StepState::Review(n) => counted(s.step_review, n),
        StepState::Done => s.step_done.to_owned(),
        StepState::NeedsAddress => s.step_needs_address.to_owned(),
    }
}
