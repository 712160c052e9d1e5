//! tlx: a terminal timeline explorer.
//!
//! `data` loads, validates and indexes timelines and knows nothing of the terminal;
//! `cli` is the command line built on it; `app` holds the explorer's state and its
//! pure `update`, `ui` draws it and `tui` runs it in a terminal.

pub mod app;
pub mod cli;
pub mod data;
pub mod tui;
pub mod ui;
