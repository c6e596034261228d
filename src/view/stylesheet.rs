//! `StyleSheet`: the widget's CSS as a `<style>` element, for Yew apps that
//! render `<FactDeck>` in their own tree (inside a `.fc-root` element) rather
//! than through the drop-in. Pages under a strict Content-Security-Policy
//! link `factcards.css` instead.

use yew::prelude::*;

use crate::styles::CSS;

#[component]
pub fn StyleSheet() -> Html {
    html! { <style>{ CSS }</style> }
}
