//! Fuzzy search over actors (names and every alias), events and quotes.
//!
//! `matcher` holds the matching rules and the cheap tests before them; `actors`,
//! `events` and `quotes` search one kind each; `worker` answers the explorer's
//! requests, on a thread of its own for a large timeline. What a search prepares
//! and keeps between keystrokes lives in the searcher, not in the data: whoever
//! searches (the worker, the explorer inline, the command line) owns a
//! `Searcher` and asks it again.

use std::sync::{Arc, Mutex};

use crate::data::index::Indexed;
use crate::data::model::EventIx;

pub(crate) mod actors;
pub(crate) mod events;
mod matcher;
pub(crate) mod quotes;
pub(crate) mod worker;

pub use actors::{ActorMatch, ActorSearch};
pub use events::{EventField, EventHits, EventMatch, EventSearch};
pub use quotes::search_quotes;
pub use worker::{Found, SearchAnswer, SearchRequest, SearchTarget, SearchWorker, answer};

/// The searches of one timeline, with what each keeps between queries.
pub struct Searcher<'d> {
    pub data: &'d Indexed,
    pub actors: ActorSearch<'d>,
    pub events: EventSearch<'d>,
}

impl<'d> Searcher<'d> {
    pub fn new(data: &'d Indexed) -> Self {
        Searcher {
            data,
            actors: ActorSearch::new(data),
            events: EventSearch::new(data),
        }
    }

    /// Prepares now what the first searches would otherwise prepare.
    pub fn prepare(&self) {
        self.actors.prepare();
        self.events.prepare();
    }
}

/// What a query left for the next keystroke to narrow: the items (candidates,
/// or positions in a list) that may match it. A query that extends it can only
/// match among them, so it scans only those.
#[derive(Default)]
struct Survivors(Mutex<Option<Kept>>);

struct Kept {
    query: String,
    /// The list searched, for event search over a subset (`None`: all).
    within: Option<Arc<[EventIx]>>,
    items: Vec<u32>,
}

impl Survivors {
    /// The items kept for an earlier query over the same list, if `query` is
    /// that query followed by text that `narrows` accepts.
    fn narrow(
        &self,
        query: &str,
        within: &Option<Arc<[EventIx]>>,
        narrows: impl Fn(&str) -> bool,
    ) -> Option<Vec<u32>> {
        let last = self.0.lock().ok()?;
        let last = last.as_ref()?;
        let same_list = match (within, &last.within) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b) || a == b,
            _ => false,
        };
        let added = query.strip_prefix(last.query.as_str())?;
        (same_list && narrows(added)).then(|| last.items.clone())
    }

    fn keep(&self, query: &str, within: Option<Arc<[EventIx]>>, items: Vec<u32>) {
        if let Ok(mut last) = self.0.lock() {
            *last = Some(Kept {
                query: query.to_string(),
                within,
                items,
            });
        }
    }
}
