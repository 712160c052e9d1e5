//! The explorer's searches: what it asks (`SearchRequest`), what it gets back
//! (`SearchAnswer`), and the thread that answers them for a large timeline.
//!
//! The explorer submits a query after every key and takes the answers as they
//! come. Of the requests waiting, only the newest of each kind (finder, pane) is
//! run, and a stale answer is dropped by the explorer, never shown.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender, TryRecvError};

use super::events::EventHits;
use super::{ActorMatch, Searcher, search_quotes};
use crate::data::index::Indexed;
use crate::data::{EventIx, QuoteIx};

/// What the explorer asks a `SearchWorker` (or `answer`, inline) to find.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchRequest {
    /// Numbers each request; an answer carries its request's, so that the explorer
    /// can drop answers to queries it has since replaced.
    pub generation: u64,
    pub target: SearchTarget,
    pub query: String,
    /// For `Events`: the events the pane lists, when not all of them; the
    /// answer's positions are positions in this list.
    pub within: Option<Arc<[EventIx]>>,
}

/// Where a search looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SearchTarget {
    /// The actor finder: the best `rows` actors and how many match.
    Finder {
        rows: usize,
    },
    /// `/` in a pane: every match, for n/N to walk. Events come as `EventHits`
    /// (the matches' positions and the best), their highlights computed when drawn.
    Events,
    Actors,
    Quotes,
}

impl SearchTarget {
    /// The finder and a pane's search run side by side: a request replaces only
    /// the pending one of its own kind.
    fn is_finder(self) -> bool {
        matches!(self, SearchTarget::Finder { .. })
    }
}

/// The answer to a `SearchRequest`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchAnswer {
    pub generation: u64,
    pub query: String,
    pub found: Found,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// The finder's rows, best first, and how many actors match in all.
    Finder {
        matches: Vec<ActorMatch>,
        total: usize,
    },
    Events(EventHits),
    Actors(Vec<ActorMatch>),
    Quotes(Vec<(QuoteIx, i64, Vec<usize>)>),
}

/// Runs a request here and now, with a searcher made for it: what the explorer
/// does inline for small timelines, and tests. (Asking one `Searcher` again
/// reuses what it prepared.)
pub fn answer(data: &Indexed, request: &SearchRequest) -> SearchAnswer {
    Searcher::new(data).answer(request)
}

impl Searcher<'_> {
    /// Runs a request here and now.
    pub fn answer(&self, request: &SearchRequest) -> SearchAnswer {
        self.answer_unless_stale(request, &|| false, &mut |_| {})
            .expect("never stale")
    }

    /// `answer`, given up (`None`) as soon as `stale` says so: a long event scan
    /// asks it every thousand events or so, and hands `partial` what it has
    /// found so far now and then (`EventHits::complete` false).
    pub fn answer_unless_stale(
        &self,
        request: &SearchRequest,
        stale: &(dyn Fn() -> bool + Sync),
        partial: &mut dyn FnMut(SearchAnswer),
    ) -> Option<SearchAnswer> {
        let query = request.query.as_str();
        let answer = |found| SearchAnswer {
            generation: request.generation,
            query: request.query.clone(),
            found,
        };
        let found = match request.target {
            SearchTarget::Finder { rows } => {
                let (matches, total) = self.actors.search_top(query, rows);
                Found::Finder { matches, total }
            }
            SearchTarget::Events => Found::Events(self.events.find(
                query,
                request.within.clone(),
                stale,
                &mut |hits| partial(answer(Found::Events(hits.clone()))),
            )?),
            SearchTarget::Actors => Found::Actors(self.actors.search(query)),
            SearchTarget::Quotes => Found::Quotes(search_quotes(self.data, query)),
        };
        Some(answer(found))
    }
}

/// Runs the explorer's searches (the finder's and a pane's) on a thread of its
/// own. Each answer goes to `deliver`, which returns false once nobody listens.
/// Of the requests waiting, only the newest of each kind (finder, pane) is run.
/// A pane's search still running when a newer pane request is submitted stops
/// early, unanswered (`Searcher::answer_unless_stale`).
/// Dropping it closes its queue without waiting: a long search must not delay
/// quitting; the thread ends once it sees the queue closed (or `deliver` fails).
pub struct SearchWorker {
    requests: Sender<SearchRequest>,
    /// The generation of the newest pane request submitted.
    latest_pane: Arc<AtomicU64>,
}

impl SearchWorker {
    pub fn spawn(
        data: Arc<Indexed>,
        deliver: impl Fn(SearchAnswer) -> bool + Send + 'static,
    ) -> Self {
        let (requests, inbox) = mpsc::channel::<SearchRequest>();
        let latest_pane = Arc::new(AtomicU64::new(0));
        let latest = latest_pane.clone();
        std::thread::spawn(move || {
            let searcher = Searcher::new(&data);
            searcher.prepare();
            while let Ok(first) = inbox.recv() {
                let mut finder = None;
                let mut pane = None;
                let mut next = Some(first);
                while let Some(request) = next.take() {
                    if request.target.is_finder() {
                        finder = Some(request);
                    } else {
                        pane = Some(request);
                    }
                    match inbox.try_recv() {
                        Ok(newer) => next = Some(newer),
                        Err(TryRecvError::Empty) => {}
                        Err(TryRecvError::Disconnected) => return,
                    }
                }
                for request in [finder, pane].into_iter().flatten() {
                    let stale = || {
                        !request.target.is_finder()
                            && latest.load(Ordering::Relaxed) != request.generation
                    };
                    let mut partial = |answer| {
                        deliver(answer);
                    };
                    let Some(answer) = searcher.answer_unless_stale(&request, &stale, &mut partial)
                    else {
                        continue;
                    };
                    if !deliver(answer) {
                        return;
                    }
                }
            }
        });
        SearchWorker {
            requests,
            latest_pane,
        }
    }

    /// Stops the pane search running or waiting, if any: it ends unanswered.
    pub fn cancel_pane(&self) {
        // No request has this generation.
        self.latest_pane.store(u64::MAX, Ordering::Relaxed);
    }

    /// Queues a request; returns at once. A pane request makes any pane search
    /// still running stale.
    pub fn submit(&self, request: SearchRequest) {
        if !request.target.is_finder() {
            self.latest_pane
                .store(request.generation, Ordering::Relaxed);
        }
        // A closed channel means the thread is gone: no answer will come.
        let _ = self.requests.send(request);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_worker_answers_like_answer_does() {
        let data = Arc::new(crate::data::load::embedded().expect("built in").data);
        let (sender, answers) = mpsc::channel();
        let worker = SearchWorker::spawn(data.clone(), move |a| sender.send(a).is_ok());
        let request = SearchRequest {
            generation: 7,
            target: SearchTarget::Finder { rows: 3 },
            query: "kat".into(),
            within: None,
        };
        worker.submit(request.clone());
        let got = answers.recv().expect("an answer");
        assert_eq!(got, answer(&data, &request));
        drop(worker);
    }
}
