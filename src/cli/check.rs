//! `tlx check [FILE]`: validate, list warnings, print a census.

use std::path::Path;

use super::{Failure, load, output};
use crate::data::Indexed;
use crate::words::count;

/// Checks a file (or the built-in timeline). Problems are reported by the caller
/// through `Failure::Invalid`; warnings go to stderr here; the census to stdout.
pub fn run(file: Option<&Path>) -> Result<(), Failure> {
    let loaded = load(file)?;
    for warning in &loaded.warnings {
        say!("warning: {warning}");
    }
    output::print(&census(&loaded.data))
}

/// `ok: 84 events (2003 to 2021-11-08), 95 actors, 170 quotes, 5 sources, 9 disputes`,
/// dates at their own precision.
pub fn census(data: &Indexed) -> String {
    let t = &data.timeline;
    let span = match data.index.span(t) {
        Some((first, last)) if first == last => format!(" ({first})"),
        Some((first, last)) => format!(" ({first} to {last})"),
        None => String::new(),
    };
    format!(
        "ok: {}{span}, {}, {}, {}, {}\n",
        count(t.events().len(), "event"),
        count(t.actors().len(), "actor"),
        count(t.quotes().len(), "quote"),
        count(t.sources().len(), "source"),
        count(t.disputes().len(), "dispute"),
    )
}
