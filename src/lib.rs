//! tlx: a terminal timeline explorer.
//!
//! `data` loads, validates and indexes timelines and knows nothing of the terminal;
//! `cli` is the command line built on it; the explorer comes on top of both.

pub mod cli;
pub mod data;
