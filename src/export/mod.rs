//! Writers that hand a timeline to other tools: our own JSON, CSV, a cited
//! Markdown brief, and TimelineJS3.
//!
//! Each writer is a pure function of the indexed timeline and a selection of its
//! events (in chronological order, as `EventFilter::select` returns them), writing
//! to any `io::Write`. Nothing here touches files or the terminal.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod timelinejs;

use std::io::{self, Write};

use crate::data::{EventIx, Indexed};

/// The formats `tlx export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Our own format (`tlx/1`), loadable by `tlx --data`.
    Json,
    /// One row per event, RFC 4180.
    Csv,
    /// A readable chronology with footnoted citations.
    Markdown,
    /// A Knight Lab TimelineJS3 JSON file.
    Timelinejs,
}

/// Writes `events` (chronological) of `data` in `format`.
pub fn export(
    format: Format,
    data: &Indexed,
    events: &[EventIx],
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Json => json::write(data, events, out),
        Format::Csv => csv::write(data, events, out),
        Format::Markdown => markdown::write(data, events, out),
        Format::Timelinejs => timelinejs::write(data, events, out),
    }
}

/// The date of an event as people read it.
pub(crate) fn human_span(event: crate::data::Event<'_>) -> String {
    crate::data::date::human_span(event.date(), event.end())
}
