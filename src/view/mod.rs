//! Yew components. They render props and emit callbacks; every state change
//! goes through `state::ViewState::apply` via the deck's reducer.

pub mod card;
pub mod certainty;
pub mod changes;
pub mod corrections;
pub mod deck;
pub mod error_panel;
pub mod fact;
pub mod filter;
pub mod grouping;
pub mod header;
pub mod highlight;
pub mod legend;
pub mod region_map;
pub mod results;
pub mod search_box;
pub mod sources;
pub mod status;
pub mod stylesheet;
pub mod topics;
pub mod widget;
