//! tlx: a terminal timeline explorer.
//!
//! `data` loads, validates and indexes timelines and knows nothing of the terminal;
//! `export` writes them for other tools; `cli` is the command line built on both.
//! The explorer comes on top: `app` holds its state and its pure `update`, `ui`
//! draws it and `tui` runs it in a terminal.

pub mod app;
pub mod cli;
pub mod color;
pub mod data;
pub mod export;
pub mod testing;
pub mod tui;
pub mod ui;
pub mod words;
