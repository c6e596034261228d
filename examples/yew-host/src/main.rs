//! A newsroom's own Yew app that shows a factcards deck as a component.
//!
//! It shows the two things a host app does: check the sheet (and show the
//! problems if there are any), then render `<FactDeck>` inside a `.fc-root`
//! element with the widget's stylesheet.

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("build this example for the browser: cd examples/yew-host && trunk serve");
}

#[cfg(target_arch = "wasm32")]
mod app {
    use std::rc::Rc;

    use factcards::model::parse_sheet;
    use factcards::{BUNDLED_SHEET, DeckEvent, DeckOptions, ErrorPanel, FactDeck, StyleSheet};
    use yew::prelude::*;

    #[component]
    pub fn App() -> Html {
        // Parse once, not on every render.
        let sheet = use_memo((), |_| parse_sheet(BUNDLED_SHEET).map(Rc::new));
        let last_event = use_state(|| None::<String>);
        let on_event = {
            let last_event = last_event.clone();
            Callback::from(move |event: DeckEvent| {
                // The view's URL fragment is for the drop-in; this app keeps
                // its own URL.
                if !matches!(event, DeckEvent::ViewChanged { .. }) {
                    last_event.set(Some(format!("{event:?}")));
                }
            })
        };
        html! {
            <main class="host-app">
                <h1 class="host-app__title">{ "Our newsroom app" }</h1>
                <p>{ "The deck below is the factcards component, rendered by this app's own Yew tree." }</p>
                <StyleSheet />
                <div class="fc-root" data-theme="light">
                    { match &*sheet {
                        Ok(sheet) => html! {
                            <FactDeck
                                sheet={Rc::clone(sheet)}
                                options={DeckOptions {
                                    initial_category: Some("origins".into()),
                                    ..DeckOptions::default()
                                }}
                                {on_event}
                            />
                        },
                        Err(error) => html! {
                            <ErrorPanel problems={error.problems.clone()} ui_lang={factcards::i18n::UiLang::En} />
                        },
                    } }
                </div>
                <p class="host-app__last-event">
                    { "Last event: " }{ last_event.as_deref().unwrap_or("none yet") }
                </p>
            </main>
        }
    }
}
