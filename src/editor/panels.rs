//! The tabs besides the forms: Open, JSON, Spreadsheet and Publish, and the
//! problems list. They render the state and emit intents; the app
//! (`app.rs`) turns the intents that need the browser into glue calls.

use std::rc::Rc;

use yew::prelude::*;

use super::fields::event_value;
use super::publish::{Address, EmbedKind, embed_code};
use super::published_panel::PublishedPanel;
use super::state::{Action, EditorState, ImportOutcome};
use super::words::place;
use crate::i18n::{EditorStrings, UiLang};
use crate::model::Severity;

/// What a panel asks of the browser.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    /// Read a chosen or dropped file.
    OpenFile(web_sys::File),
    /// Fetch and open the sheet at a URL.
    OpenUrl(String),
    /// Open a new sheet: the blank one (false) or the template (true).
    New(bool),
    /// Offer a download: file name, MIME type, text.
    Download(String, String, String),
    /// Copy text; the key names the button to mark "Copied".
    Copy(String, String),
    /// Render the fallback HTML and copy it.
    CopyFallback,
    /// Make the story folder for the address (a folder's) and offer it as a
    /// .zip.
    DownloadFolder(String),
}

/// Properties shared by the panels.
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub state: Rc<EditorState>,
    pub lang: UiLang,
    pub dispatch: Callback<Action>,
    pub intent: Callback<Intent>,
    /// The key of the last copied text, to say "Copied" on its button.
    #[prop_or_default]
    pub copied: Option<String>,
    /// Where the widget's files are (for the embed codes).
    #[prop_or_default]
    pub base: AttrValue,
    /// The deck's server-rendered fallback, which the embed codes carry;
    /// `None` while it is being rendered.
    #[prop_or_default]
    pub fallback: Option<AttrValue>,
}

#[component]
pub fn OpenPanel(props: &PanelProps) -> Html {
    let s = props.lang.editor_strings();
    let intent = &props.intent;
    let emit = |value: Intent| {
        let intent = intent.clone();
        Callback::from(move |_: MouseEvent| intent.emit(value.clone()))
    };
    let bundled = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(sheet) = super::state::bundled_sheet() {
                dispatch.emit(Action::Load(sheet));
            }
        })
    };
    let on_file = file_chosen(intent);
    let pasted = use_state(String::new);
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |event: InputEvent| pasted.set(event_value(&event)))
    };
    let open_pasted = {
        let pasted = pasted.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let text = (*pasted).clone();
            if text.trim_start().starts_with('{') {
                dispatch.emit(Action::LoadJson(text));
            } else {
                dispatch.emit(Action::ImportSpreadsheet(text));
            }
        })
    };
    let url = use_state(String::new);
    let on_url_input = {
        let url = url.clone();
        Callback::from(move |event: InputEvent| url.set(event_value(&event)))
    };
    let open_url = {
        let url = url.clone();
        let intent = intent.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            intent.emit(Intent::OpenUrl((*url).trim().to_owned()));
        })
    };
    html! {
        <section class="ed-section ed-open" aria-labelledby="h-open">
            <h2 id="h-open">{ s.open_heading }</h2>
            <div class="ed-open__choices">
                <button type="button" id="open-blank" onclick={emit(Intent::New(false))}>{ s.new_blank }</button>
                <button type="button" id="open-template" onclick={emit(Intent::New(true))}>{ s.new_template }</button>
                <button type="button" id="open-bundled" onclick={bundled}>{ s.open_bundled }</button>
            </div>
            <div class="ed-field">
                <label for="open-file">{ s.open_file }</label>
                <input id="open-file" type="file" accept=".json,.csv,.tsv,.txt,application/json,text/csv"
                    onchange={on_file} />
                <p class="ed-hint">{ s.drop_hint }</p>
            </div>
            <div class="ed-field">
                <label for="open-paste">{ s.paste_label }</label>
                <textarea id="open-paste" rows="5" value={(*pasted).clone()} oninput={on_paste_input} />
                <button type="button" id="open-paste-button" onclick={open_pasted}>{ s.paste_open }</button>
            </div>
            <form class="ed-field" onsubmit={open_url}>
                <label for="open-url">{ s.url_label }</label>
                <input id="open-url" type="url" value={(*url).clone()} oninput={on_url_input} />
                <button type="submit">{ s.url_open }</button>
            </form>
        </section>
    }
}

#[component]
pub fn JsonPanel(props: &PanelProps) -> Html {
    let s = props.lang.editor_strings();
    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: InputEvent| dispatch.emit(Action::EditJson(event_value(&event))))
    };
    html! {
        <section class="ed-section" aria-labelledby="h-json">
            <h2 id="h-json"><label for="json-text">{ s.json_label }</label></h2>
            <p class="ed-hint" id="json-hint">{ s.json_hint }</p>
            <textarea id="json-text" class="ed-code" rows="30" spellcheck="false" aria-describedby="json-hint"
                value={props.state.json_text.clone()} {oninput} />
            if !props.state.json_problems.is_empty() {
                <ul class="ed-problems">
                    { for props.state.json_problems.iter().map(|problem| html! {
                        <li class={severity_class(problem.severity)}>{ problem.to_string() }
                            if let Some(pos) = problem.pos { { format!(" ({pos})") } }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

#[component]
pub fn SpreadsheetPanel(props: &PanelProps) -> Html {
    let s = props.lang.editor_strings();
    let state = &props.state;
    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: InputEvent| {
            dispatch.emit(Action::SetSpreadsheetText(event_value(&event)))
        })
    };
    let import = {
        let dispatch = props.dispatch.clone();
        let text = state.spreadsheet_text.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::ImportSpreadsheet(text.clone())))
    };
    let template = {
        let intent = props.intent.clone();
        Callback::from(move |_: MouseEvent| {
            intent.emit(Intent::Download(
                "factcards-template.csv".into(),
                "text/csv".into(),
                crate::model::spreadsheet::TEMPLATE_CSV.into(),
            ))
        })
    };
    let errors = state.error_count();
    let export = {
        let intent = props.intent.clone();
        let sheet = Rc::clone(&state.sheet);
        let dispatch = props.dispatch.clone();
        Callback::from(
            move |_: MouseEvent| match crate::model::spreadsheet::export(&sheet) {
                Ok(csv) => intent.emit(Intent::Download(
                    format!("{}.csv", file_stem(&sheet.id)),
                    "text/csv".into(),
                    csv,
                )),
                Err(error) => dispatch.emit(Action::Notify(error.to_string())),
            },
        )
    };
    html! {
        <section class="ed-section" aria-labelledby="h-spreadsheet">
            <h2 id="h-spreadsheet"><label for="spreadsheet-text">{ s.spreadsheet_label }</label></h2>
            <p class="ed-hint" id="spreadsheet-hint">{ s.spreadsheet_hint }</p>
            <textarea id="spreadsheet-text" class="ed-code" rows="18" spellcheck="false"
                aria-describedby="spreadsheet-hint" value={state.spreadsheet_text.clone()} {oninput} />
            <div class="ed-field">
                <label for="spreadsheet-file">{ s.spreadsheet_file }</label>
                <input id="spreadsheet-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
                    onchange={file_chosen(&props.intent)} />
            </div>
            <div class="ed-actions">
                <button type="button" id="spreadsheet-import" onclick={import}>{ s.import }</button>
                <button type="button" id="spreadsheet-template" onclick={template}>{ s.download_template }</button>
                <button type="button" id="spreadsheet-export" onclick={export}>
                    { s.export_csv }{ errors_note(s.errors_left, errors) }
                </button>
            </div>
            <p class="ed-import-outcome" id="import-outcome" role="status">
                { match state.import_outcome {
                    Some(ImportOutcome::Imported { sources, cards, facts }) => {
                        format!("{} {}.", s.imported, s.counts(sources, cards, facts))
                    }
                    Some(ImportOutcome::Refused { errors }) => format!("{} {errors}.", s.nothing_imported),
                    None => String::new(),
                } }
            </p>
            if !state.import_problems.is_empty() {
                <h3 id="h-import-problems">{ s.import_problems }</h3>
                <ul class="ed-problems" aria-labelledby="h-import-problems">
                    { for state.import_problems.iter().map(|problem| {
                        let label = format!("{}: {problem}", severity_word(s, problem.severity));
                        match &problem.place {
                            Some(place) => {
                                let row = place.row;
                                let dispatch = props.dispatch.clone();
                                let onclick = Callback::from(move |event: MouseEvent| {
                                    event.prevent_default();
                                    dispatch.emit(Action::GoToRow(row));
                                });
                                html! {
                                    <li class={severity_class(problem.severity)}>
                                        <a href="#spreadsheet-text" {onclick}>{ label }</a>
                                    </li>
                                }
                            }
                            None => html! { <li class={severity_class(problem.severity)}>{ label }</li> },
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

/// Opens the file chosen in an `<input type=file>`, then empties the input
/// so that choosing the same file again opens it again.
fn file_chosen(intent: &Callback<Intent>) -> Callback<Event> {
    let intent = intent.clone();
    Callback::from(move |event: Event| {
        if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>()
            && let Some(file) = input.files().and_then(|files| files.get(0))
        {
            intent.emit(Intent::OpenFile(file));
            input.set_value("");
        }
    })
}

/// ` (2 errors left)`, or nothing.
fn errors_note(words: &str, errors: usize) -> String {
    if errors == 0 {
        String::new()
    } else {
        format!(" ({errors} {words})")
    }
}

/// A file name from a sheet id (which may be blank or odd while editing).
fn file_stem(id: &str) -> String {
    crate::model::spreadsheet::slug(id).unwrap_or_else(|| "factcards-sheet".into())
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ed-problem ed-problem--error",
        Severity::Warning => "ed-problem ed-problem--warning",
    }
}

fn severity_word(s: &crate::i18n::EditorStrings, severity: Severity) -> &'static str {
    match severity {
        Severity::Error => s.error,
        Severity::Warning => s.warning,
    }
}

#[component]
pub fn PublishPanel(props: &PanelProps) -> Html {
    let s = props.lang.editor_strings();
    let state = &props.state;
    let errors = state.to_fix_before_publishing();
    let address = Address::parse(&state.published_url);
    let json = super::state::sheet_json(&state.sheet);
    let download = {
        let intent = props.intent.clone();
        let name = format!("{}.json", file_stem(&state.sheet.id));
        Callback::from(move |_: MouseEvent| {
            intent.emit(Intent::Download(
                name.clone(),
                "application/json".into(),
                json.clone(),
            ))
        })
    };
    let download_folder = {
        let intent = props.intent.clone();
        let folder = address.as_ref().and_then(Address::folder).map(str::to_owned);
        Callback::from(move |_: MouseEvent| {
            if let Some(folder) = &folder {
                intent.emit(Intent::DownloadFolder(folder.clone()));
            }
        })
    };
    let on_url = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: InputEvent| dispatch.emit(Action::SetPublishedUrl(event_value(&event))))
    };
    // Once the address is entered (Enter or leaving the field), not at each
    // keystroke: read the version there and compare.
    let on_url_entered = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: Event| dispatch.emit(Action::CheckPublished))
    };
    let fallback = {
        let intent = props.intent.clone();
        Callback::from(move |_: MouseEvent| intent.emit(Intent::CopyFallback))
    };
    let has_folder = address.as_ref().is_some_and(|address| address.folder().is_some());
    let code = |kind: EmbedKind| -> Html {
        let Some(deck) = &props.fallback else {
            return Html::default();
        };
        let Some(code) = embed_code(kind, &state.sheet, address.as_ref(), &props.base, deck) else {
            return Html::default();
        };
        let key = kind.key();
        let id = format!("embed-{key}");
        let copy = {
            let intent = props.intent.clone();
            let code = code.clone();
            Callback::from(move |_: MouseEvent| intent.emit(Intent::Copy(key.into(), code.clone())))
        };
        let index = kind.index();
        let label = if props.copied.as_deref() == Some(key) {
            s.copied
        } else {
            s.embed_copy[index]
        };
        html! {
            <div class="ed-embed">
                <label for={id.clone()}>{ s.embed_names[index] }</label>
                <p class="ed-hint" id={format!("{id}-use")}>{ s.embed_uses[index] }</p>
                <textarea id={id.clone()} class="ed-code" rows={if kind == EmbedKind::StoryPage { "1" } else { "4" }}
                    readonly=true value={code} aria-describedby={format!("{id}-use")} />
                <button type="button" id={format!("{id}-copy")} onclick={copy} aria-live="polite">
                    { label }{ errors_note(s.errors_left, errors) }
                </button>
            </div>
        }
    };
    html! {
        <section class="ed-section ed-publish" aria-labelledby="h-publish">
            <h2 id="h-publish">{ s.steps[4] }</h2>
            <div class="ed-field">
                <label for="publish-url">{ s.published_url }</label>
                <input id="publish-url" type="url" value={state.published_url.clone()} oninput={on_url}
                    onchange={on_url_entered} aria-describedby="publish-url-hint"
                    placeholder="https://news.example/stories/story/" />
                <p class="ed-hint" id="publish-url-hint">{ s.published_url_hint }</p>
            </div>
            <div class="ed-publish__downloads">
                <button type="button" id="publish-folder" class="ed-primary" onclick={download_folder}
                    disabled={!has_folder} aria-describedby="publish-folder-hint">
                    { s.download_folder }{ errors_note(s.errors_left, errors) }
                </button>
                <button type="button" id="publish-download" onclick={download}>
                    { s.download_json }{ errors_note(s.errors_left, errors) }
                </button>
                <p class="ed-hint" id="publish-folder-hint">{ if has_folder { s.folder_hint } else { s.folder_needs_address } }</p>
            </div>
            // One element around what comes and goes with the address, so
            // that the section's own children stay the same and Yew keeps
            // the address field (and its pending change event) as it is.
            <div class="ed-codes">
                <h3>{ s.codes_heading }</h3>
                if address.is_none() {
                    <p class="ed-hint" id="codes-need-address">{ s.codes_need_address }</p>
                }
                if props.fallback.is_none() {
                    <p class="ed-hint" id="codes-preparing" role="status">{ s.codes_preparing }</p>
                }
                { for EmbedKind::offered(address.as_ref()).map(code) }
            </div>
            <h3>{ s.fallback_heading }</h3>
            <button type="button" id="embed-fallback-copy" onclick={fallback} aria-live="polite">
                { if props.copied.as_deref() == Some("fallback") { s.copied } else { s.copy_fallback } }
                { errors_note(s.errors_left, errors) }
            </button>
            // Last: the check of the published version answers after the
            // address is committed (by leaving its field, often with a
            // press on a Copy button), and its answer must move nothing
            // that the press could be released over.
            <PublishedPanel published={state.published.clone()} has_url={!state.published_url.is_empty()}
                lang={props.lang} dispatch={props.dispatch.clone()} />
        </section>
    }
}

/// Properties of [`ProblemList`].
#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    /// The problems to list: the whole sheet's, or one step's.
    pub problems: Rc<[crate::model::Problem]>,
    /// The sheet the problems are in, to name their places as the forms do.
    pub sheet: Rc<crate::model::Sheet>,
    pub heading: AttrValue,
    /// What the list says when it is empty.
    pub empty: AttrValue,
    pub lang: UiLang,
    pub dispatch: Callback<Action>,
}

/// Problems, each a link to its field, under a heading.
#[component]
pub fn ProblemList(props: &ProblemListProps) -> Html {
    let s = props.lang.editor_strings();
    html! {
        <section class="ed-panel ed-problems-panel" aria-labelledby="h-problems">
            <h2 id="h-problems">{ props.heading.clone() }</h2>
            if props.problems.is_empty() {
                <p class="ed-hint">{ props.empty.clone() }</p>
            } else {
                <ul class="ed-problems" id="problems">
                    { for props.problems.iter().map(|problem| {
                        let path = problem.path.clone();
                        let dispatch = props.dispatch.clone();
                        let onclick = Callback::from(move |event: MouseEvent| {
                            event.prevent_default();
                            dispatch.emit(Action::GoToProblem(path.clone()));
                        });
                        let href = format!("#{}", super::state::field_id(&problem.path));
                        html! {
                            <li class={severity_class(problem.severity)}>
                                <a {href} {onclick}>
                                    <span class="ed-problem__severity">{ severity_word(s, problem.severity) }</span>
                                    { format!(" {}: {}", place(&props.sheet, &problem.path, props.lang), problem.message) }
                                </a>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

/// Where the draft stands, always in view and always in words: what is
/// left to fix before publishing, or that it is ready; for a new sheet not
/// yet written in, that nothing is checked, with a button to check now.
pub fn draft_state(s: &EditorStrings, state: &EditorState, dispatch: &Callback<Action>) -> Html {
    let errors = state.to_fix_before_publishing();
    let warnings = state.problems.len() - errors;
    let quiet = state.quiet;
    html! {
        <div class="ed-draft">
            <p class="ed-draft-state" id="draft-state" role="status"
                data-errors={(!quiet).then(|| errors.to_string())}
                data-warnings={(!quiet).then(|| warnings.to_string())}>
                { if quiet { s.nothing_checked.to_owned() } else { s.draft_state(errors, warnings) } }
            </p>
            if quiet {
                <button type="button" id="check-now" onclick={dispatch.reform(|_: MouseEvent| Action::Check)}>
                    { s.check_now }
                </button>
            }
        </div>
    }
}

/// Properties of [`Preview`].
#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub state: Rc<EditorState>,
    pub lang: UiLang,
    pub dispatch: Callback<Action>,
    #[prop_or_default]
    pub map: Option<Rc<crate::model::WorldShapes>>,
}

/// The real `FactDeck` showing the sheet, at phone or desktop width, light
/// or dark, in the full or the compact layout.
#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    use super::state::Width;
    let s = props.lang.editor_strings();
    let state = &props.state;
    let set_width = |width: Width| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetWidth(width)))
    };
    let toggle_dark = {
        let dispatch = props.dispatch.clone();
        let dark = state.dark;
        Callback::from(move |_: Event| dispatch.emit(Action::SetDark(!dark)))
    };
    let toggle_compact = {
        let dispatch = props.dispatch.clone();
        let compact = state.compact;
        Callback::from(move |_: Event| dispatch.emit(Action::SetCompact(!compact)))
    };
    let stale = state
        .preview
        .as_ref()
        .is_some_and(|preview| !Rc::ptr_eq(preview, &state.sheet));
    let options = crate::DeckOptions {
        url_state: false,
        map: props.map.clone(),
        layout: if state.compact {
            crate::options::Layout::Compact
        } else {
            crate::options::Layout::Full
        },
        ..crate::DeckOptions::default()
    };
    let pressed = |on: bool| if on { "true" } else { "false" };
    html! {
        <section class="ed-panel ed-preview-panel" aria-labelledby="h-preview">
            <div class="ed-preview-bar">
                <h2 id="h-preview">{ s.preview_heading }</h2>
                <div class="ed-toggle" role="group" aria-label={s.preview_heading}>
                    <button type="button" id="preview-phone" aria-pressed={pressed(state.width == Width::Phone)}
                        onclick={set_width(Width::Phone)}>{ s.phone }</button>
                    <button type="button" id="preview-desktop" aria-pressed={pressed(state.width == Width::Desktop)}
                        onclick={set_width(Width::Desktop)}>{ s.desktop }</button>
                </div>
                <label class="ed-check" for="preview-dark">
                    <input type="checkbox" id="preview-dark" checked={state.dark} onchange={toggle_dark} />
                    { s.dark }
                </label>
                <label class="ed-check" for="preview-compact">
                    <input type="checkbox" id="preview-compact" checked={state.compact} onchange={toggle_compact} />
                    { s.compact }
                </label>
            </div>
            if stale {
                <p class="ed-hint" role="status">{ s.preview_stale }</p>
            }
            <div class={classes!("ed-preview", (state.width == Width::Phone).then_some("ed-preview--phone"))}
                id="preview">
                if let Some(sheet) = state.preview.clone() {
                    <div class="fc-root" data-theme={if state.dark { "dark" } else { "light" }}>
                        <crate::FactDeck {sheet} {options} />
                    </div>
                } else {
                    <p class="ed-hint">{ s.preview_empty }</p>
                }
            </div>
        </section>
    }
}
