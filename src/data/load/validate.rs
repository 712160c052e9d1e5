//! The format's rules, checked in one pass that also builds the model.
//!
//! Every problem is reported, each with its JSON path, and nothing is returned if
//! there is even one: a timeline is never shown half-loaded. Ids are resolved to
//! typed indices through one `IdMap` per list, built before the pass so
//! that references may point forwards.

use super::idlist::IdList;
use super::progress::LoadProgress;
use super::raw::*;
use super::rules::{Checker, Ids, Tables, optional};
use crate::data::diagnostic::{Diagnostic, quoted};
use crate::data::model::*;
use crate::data::parallel;

pub use super::rules::{MAX_ID_LEN, is_valid_id};

/// The format version this build reads.
pub const FORMAT: &str = "tlx/1";

/// How many id comparisons did-you-mean may cost one file. Each search compares
/// with every id of a list, and a hostile file may hold thousands of unknown
/// references to a list of thousands of ids: past the budget, no more hints.
const SUGGESTION_BUDGET: usize = 1_000_000;

/// Checks `raw` against every rule and converts it to the model, reporting every
/// problem in file order; `progress` learns of each id put in its table and
/// each item checked. The timeline comes back unfinished: its parts are put
/// together by `TimelineBuilder::finish` (or `finish_apart`).
pub fn validate(
    raw: RawTimeline<'_>,
    progress: &LoadProgress,
) -> Result<TimelineBuilder, Vec<Diagnostic>> {
    check(raw, "", false, progress)
}

/// The same rules, with the long lists shared between the cores: for a file
/// expected to be valid. `None` means it has a problem, and the caller runs
/// `validate` on the file again to report each one in order (the threads find
/// them out of order, and the budget of suggestions would differ).
///
/// `text` is the file's text the raw shapes borrow from: the ids are kept as
/// places in it while validating. The timeline comes back unfinished,
/// borrowing nothing from the file, so the loader can free the file's text
/// before putting the parts together.
pub fn validate_quickly<'a>(
    raw: RawTimeline<'a>,
    text: &'a str,
    progress: &LoadProgress,
) -> Option<TimelineBuilder> {
    check(raw, text, true, progress).ok()
}

fn check<'a>(
    mut raw: RawTimeline<'a>,
    text: &'a str,
    parallel: bool,
    progress: &LoadProgress,
) -> Result<TimelineBuilder, Vec<Diagnostic>> {
    let items = [
        (len(&raw.sources), SOURCE_COST),
        (len(&raw.actors), ACTOR_COST),
        (len(&raw.events), EVENT_COST),
        (len(&raw.quotes), QUOTE_COST),
        (len(&raw.disputes), DISPUTE_COST),
    ];
    // Each item's id goes into a table (one unit), then the item is checked.
    let units = items.iter().map(|&(n, cost)| n as u64 * (1 + cost)).sum();
    progress.start_checking(units);
    // An id table built: its ids are done.
    let tabled = |ids| progress_tabled(progress, ids);
    // Ids are taken out first so that the lookup tables can borrow them while the
    // rest of each object is moved into the model; they are put back at the end.
    // Every event, quote and relation refers to sources, actors and quotes, so
    // their ids are packed together; events and disputes are rarely referred to.
    let source_ids = IdList::take_together(&mut raw.sources, |s| &mut s.id);
    let actor_ids = IdList::take_together(&mut raw.actors, |a| &mut a.id);
    let event_ids = IdList::take(text, &mut raw.events, |e| &mut e.id);
    let quote_ids = IdList::take_together(&mut raw.quotes, |q| &mut q.id);
    let dispute_ids = IdList::take(text, &mut raw.disputes, |d| &mut d.id);

    let tables = if parallel {
        let (events, (quotes, sources, actors, disputes)) = parallel::join(
            || tabled(Ids::new("event", "events", &event_ids)),
            || {
                (
                    tabled(Ids::new("quote", "quotes", &quote_ids)),
                    tabled(Ids::new("source", "sources", &source_ids)),
                    tabled(Ids::new("actor", "actors", &actor_ids)),
                    tabled(Ids::new("dispute", "disputes", &dispute_ids)),
                )
            },
        );
        Tables {
            sources,
            actors,
            events,
            quotes,
            disputes,
        }
    } else {
        Tables {
            sources: Ids::new("source", "sources", &source_ids),
            actors: Ids::new("actor", "actors", &actor_ids),
            events: Ids::new("event", "events", &event_ids),
            quotes: Ids::new("quote", "quotes", &quote_ids),
            disputes: Ids::new("dispute", "disputes", &dispute_ids),
        }
    };
    // The quick pass only learns whether there is a problem; its messages are
    // discarded and `validate` runs again, so it spends nothing on hints.
    let suggestions = if parallel { 0 } else { SUGGESTION_BUDGET };
    let mut c = Checker::new(&tables, suggestions);

    match raw.format.as_deref() {
        None => c.error(
            "format",
            format!("required field is missing: write \"format\": \"{FORMAT}\""),
        ),
        Some(FORMAT) => {}
        Some(other) => c.error(
            "format",
            format!(
                "{} is not a format this version of tlx reads: it reads {}",
                quoted(other),
                quoted(FORMAT)
            ),
        ),
    }
    let title = c.required(raw.title, || "title".into());
    let description = optional(raw.description);
    if raw.events.is_none() {
        c.error("events", "required field is missing");
    }

    if let Some(title) = &title {
        c.out.title(title);
    }
    c.out.description(description.as_deref());
    convert_all(progress, SOURCE_COST, raw.sources, 0, |i, s| c.source(i, s));
    convert_all(progress, ACTOR_COST, raw.actors, 0, |i, a| c.actor(i, a));
    if parallel {
        // Each thread takes half of the events and of the quotes, the bulk of a
        // large file, into a builder of its own; the second also takes the
        // disputes. Its part is then appended to the first's.
        let (events_a, events_b) = split(raw.events);
        let (quotes_a, quotes_b) = split(raw.quotes);
        let (events_b_at, quotes_b_at) = (len(&events_a), len(&quotes_a));
        let disputes = raw.disputes;
        let ((), b) = parallel::join(
            || {
                convert_all(progress, EVENT_COST, events_a, 0, |i, e| c.event(i, e));
                convert_all(progress, QUOTE_COST, quotes_a, 0, |i, q| c.quote(i, q));
            },
            || {
                let mut c = Checker::new(&tables, suggestions);
                convert_all(progress, EVENT_COST, events_b, events_b_at, |i, e| {
                    c.event(i, e)
                });
                convert_all(progress, QUOTE_COST, quotes_b, quotes_b_at, |i, q| {
                    c.quote(i, q)
                });
                convert_all(progress, DISPUTE_COST, disputes, 0, |i, d| c.dispute(i, d));
                c
            },
        );
        if !b.errors.is_empty() {
            // The problems themselves are for `validate` to report.
            c.error("", "a problem in the second half");
        } else if c.errors.is_empty() {
            c.out.append(b.out);
        }
    } else {
        convert_all(progress, EVENT_COST, raw.events, 0, |i, e| c.event(i, e));
        convert_all(progress, QUOTE_COST, raw.quotes, 0, |i, q| c.quote(i, q));
        convert_all(progress, DISPUTE_COST, raw.disputes, 0, |i, d| {
            c.dispute(i, d)
        });
    }

    if !c.errors.is_empty() {
        return Err(c.errors);
    }
    Ok(c.out)
}

/// What checking an item costs, in the time it takes to put an id in its table,
/// for `progress` to move at about the same speed all through checking: roughly
/// as measured on the 1M-event file (`examples/load-progress.rs`), where the
/// id tables take ~0.15 s, the events ~1 s and the quotes ~0.1 s. Sources,
/// actors and disputes are few in any file; their guess matters little.
const EVENT_COST: u64 = 8;
const QUOTE_COST: u64 = 1;
const SOURCE_COST: u64 = 2;
const ACTOR_COST: u64 = 2;
const DISPUTE_COST: u64 = 2;

/// `ids`, once `progress` has learnt that its ids are in their table.
fn progress_tabled<'i>(progress: &LoadProgress, ids: Ids<'i>) -> Ids<'i> {
    progress.add_checked(ids.ids.len() as u64);
    ids
}

fn len<T>(list: &Option<Chunked<T>>) -> usize {
    list.as_ref().map_or(0, Chunked::len)
}

/// A list in two halves, at a chunk boundary.
fn split<T>(list: Option<Chunked<T>>) -> (Option<Chunked<T>>, Option<Chunked<T>>) {
    match list {
        None => (None, None),
        Some(list) => {
            let mut first = list.into_chunks();
            let second = first.split_off(first.len() / 2);
            (
                Some(Chunked::from_chunks(first)),
                Some(Chunked::from_chunks(second)),
            )
        }
    }
}

/// Checks each item (numbered from `first`), freeing the raw list chunk by
/// chunk; the checker writes what it keeps into its builder as it goes, and
/// `progress` learns of each chunk checked, at `cost` units an item.
fn convert_all<R>(
    progress: &LoadProgress,
    cost: u64,
    list: Option<Chunked<R>>,
    first: usize,
    mut convert: impl FnMut(usize, R),
) {
    let Some(list) = list else {
        return;
    };
    let mut i = first;
    for chunk in list.into_chunks() {
        let n = chunk.len();
        for raw in chunk {
            convert(i, raw);
            i += 1;
        }
        progress.add_checked(n as u64 * cost);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_rule() {
        for good in ["a", "kataib-hezbollah", "2021-11-07-drone-attack", "a-"] {
            assert!(is_valid_id(good), "{good}");
        }
        let long = "a".repeat(65);
        for bad in ["", "-a", "A", "a b", "a_b", "é", long.as_str()] {
            assert!(!is_valid_id(bad), "{bad}");
        }
        assert!(is_valid_id(&"a".repeat(64)));
    }
}
