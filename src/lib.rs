//! tlx: a terminal timeline explorer.
//!
//! `data` loads, validates and indexes timelines and knows nothing of the terminal;
//! `export` writes them for other tools; `cli` is the command line built on both;
//! the explorer comes on top.

pub mod cli;
pub mod color;
pub mod data;
pub mod export;
