//! Browser glue: finding mount points, isolating each widget in a shadow
//! root, and starting Yew. The only module that touches the DOM directly.

mod styles;

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};
use yew::AttrValue;

use crate::model::parse_sheet;
use crate::view::widget::{LoadState, Widget, WidgetProps};

/// The attribute that marks a mount point.
pub const MOUNT_ATTRIBUTE: &str = "data-factcards";

/// Called once by the Trunk binary: reports panics to the console, then
/// mounts every mount point on the page.
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(mounts) = document.query_selector_all(&format!("[{MOUNT_ATTRIBUTE}]")) else {
        return;
    };
    for index in 0..mounts.length() {
        if let Some(element) = mounts
            .item(index)
            .and_then(|node| node.dyn_into::<Element>().ok())
        {
            mount_bundled(&element);
        }
    }
}

/// The options a mount point sets with data attributes.
struct MountOptions {
    theme: Option<String>,
    lang: Option<AttrValue>,
    category: Option<AttrValue>,
    card: Option<AttrValue>,
}

impl MountOptions {
    fn from_element(element: &Element) -> Self {
        let attribute = |name: &str| {
            element
                .get_attribute(name)
                .filter(|value| !value.trim().is_empty())
        };
        MountOptions {
            theme: attribute("data-theme"),
            lang: attribute("data-lang").map(AttrValue::from),
            category: attribute("data-category").map(AttrValue::from),
            card: attribute("data-card").map(AttrValue::from),
        }
    }
}

/// Mounts the bundled story into `host`.
fn mount_bundled(host: &Element) {
    let load = match parse_sheet(crate::BUNDLED_SHEET) {
        Ok(sheet) => LoadState::Ready(Rc::new(sheet)),
        Err(error) => LoadState::Failed(error.problems),
    };
    mount(host, load);
}

/// Renders a widget inside `host`'s shadow root, replacing whatever the host
/// held before (such as a static fallback for readers without JavaScript).
fn mount(host: &Element, load: LoadState) -> Option<()> {
    let options = MountOptions::from_element(host);
    let document = host.owner_document()?;
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .ok()?,
    };
    shadow.set_inner_html("");
    styles::adopt(&shadow, &document);
    let root = document.create_element("div").ok()?;
    root.set_class_name("fc-root");
    let theme = match options.theme.as_deref() {
        Some("light") => "light",
        Some("dark") => "dark",
        _ => "auto",
    };
    root.set_attribute("data-theme", theme).ok()?;
    shadow.append_child(&root).ok()?;
    let props = WidgetProps {
        load,
        lang: options.lang,
        initial_category: options.category,
        initial_card: options.card,
    };
    yew::Renderer::<Widget>::with_root_and_props(root, props).render();
    Some(())
}
