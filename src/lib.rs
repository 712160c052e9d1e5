//! tlx: a terminal timeline explorer.
//!
//! `data` loads, validates and indexes timelines and knows nothing of the terminal;
//! the other modules build the command line and the explorer on top of it.

pub mod data;
pub mod export;
