//! Mounting the widget in the browser tests: into a fresh element of the
//! test page, as the embed mounts it.

use std::rc::Rc;

use factcards::BUNDLED_SHEET;
use factcards::model::parse_sheet;
use factcards::view::widget::{LoadState, Widget, WidgetProps};
use web_sys::Element;
use yew::AppHandle;

/// Mounts a widget into a fresh element and waits for its first render. Keep
/// the handle to update its props.
pub async fn mount(props: WidgetProps) -> (Element, AppHandle<Widget>) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    host.set_class_name("fc-root");
    host.set_attribute("data-theme", "light").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let app = yew::Renderer::<Widget>::with_root_and_props(host.clone(), props).render();
    yew::scheduler::flush().await;
    (host, app)
}

/// Adds the widget's stylesheet to the test page, once, for tests that
/// measure what is on screen. Without it, text reads as written (no
/// `text-transform`) and collapsed parts still have text.
pub fn add_widget_styles() {
    let document = web_sys::window().unwrap().document().unwrap();
    if document.get_element_by_id("fc-test-styles").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("fc-test-styles");
        style.set_text_content(Some(factcards::styles::CSS));
        document.head().unwrap().append_child(&style).unwrap();
    }
}

/// The props of a widget showing the bundled story.
pub fn bundled_props() -> WidgetProps {
    WidgetProps::new(LoadState::Ready(Rc::new(parse_sheet(BUNDLED_SHEET).unwrap())))
}
