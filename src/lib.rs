//! tlx: a terminal timeline explorer.
//!
//! `data` loads, validates and indexes timelines and knows nothing of the terminal;
//! `app` holds the explorer's state and its pure `update`; `ui` draws it; `tui`
//! runs it in a terminal.

pub mod app;
pub mod data;
pub mod tui;
pub mod ui;
