//! Actor searches on a thread of their own, so that typing never waits for one.
//!
//! The explorer submits the finder's query after every key and polls for answers
//! while it waits for the next event. The thread first prepares what the search
//! needs (`ActorSearch::prepare`), so that even the first keys find it ready. A query replaces any that has not started
//! yet (the thread always takes the newest), and only the answer to the newest
//! query is ever handed back: a stale answer is dropped, never shown.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::JoinHandle;

use super::events::EventHits;
use super::{ActorMatch, ActorSearch, EventSearch, search_quotes};
use crate::data::index::Indexed;
use crate::data::{EventIx, QuoteIx};

/// The answer to one finder query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FinderAnswer {
    pub query: String,
    /// The best rows, as `ActorSearch::search_top` ranks them.
    pub matches: Vec<ActorMatch>,
    /// How many actors match in all.
    pub total: usize,
}

pub struct FinderWorker {
    queries: Option<Sender<(u64, String)>>,
    answers: Receiver<(u64, FinderAnswer)>,
    /// The number of the last query submitted.
    latest: u64,
    thread: Option<JoinHandle<()>>,
}

impl FinderWorker {
    /// Starts the thread; each answer holds at most `rows` matches.
    pub fn spawn(data: Arc<Indexed>, rows: usize) -> Self {
        let (queries, inbox) = mpsc::channel::<(u64, String)>();
        let (outbox, answers) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            let search = ActorSearch::new(&data);
            // Before the first key arrives, if it does not come at once.
            search.prepare(&data);
            while let Ok(mut next) = inbox.recv() {
                // Skip to the newest query: the older ones are already stale.
                loop {
                    match inbox.try_recv() {
                        Ok(newer) => next = newer,
                        Err(TryRecvError::Empty) => break,
                        Err(TryRecvError::Disconnected) => return,
                    }
                }
                let (number, query) = next;
                let (matches, total) = search.search_top(&data, &query, rows);
                let answer = FinderAnswer {
                    query,
                    matches,
                    total,
                };
                if outbox.send((number, answer)).is_err() {
                    return;
                }
            }
        });
        FinderWorker {
            queries: Some(queries),
            answers,
            latest: 0,
            thread: Some(thread),
        }
    }

    /// Asks for the matches of `query`; returns at once.
    pub fn submit(&mut self, query: &str) {
        self.latest += 1;
        if let Some(queries) = &self.queries {
            // A closed channel means the thread is gone; `poll` then stays empty.
            let _ = queries.send((self.latest, query.to_string()));
        }
    }

    /// The answer to the latest query, once it is ready; answers to earlier
    /// queries are dropped.
    pub fn poll(&mut self) -> Option<FinderAnswer> {
        let mut newest = None;
        while let Ok((number, answer)) = self.answers.try_recv() {
            if number == self.latest {
                newest = Some(answer);
            }
        }
        newest
    }

    /// Waits for the answer to the latest query (for tests and scripts).
    pub fn wait(&mut self) -> Option<FinderAnswer> {
        loop {
            let (number, answer) = self.answers.recv().ok()?;
            if number == self.latest {
                return Some(answer);
            }
        }
    }
}

impl Drop for FinderWorker {
    fn drop(&mut self) {
        // Closing the channel ends the thread after its current search.
        self.queries = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

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

/// Runs a request here and now: what the worker does on its thread, and what the
/// explorer does inline for small timelines and in tests.
pub fn answer(data: &Indexed, request: &SearchRequest) -> SearchAnswer {
    answer_unless_stale(data, request, &|| false, &mut |_| {}).expect("never stale")
}

/// `answer`, given up (`None`) as soon as `stale` says so: a long event scan
/// asks it every thousand events or so, and hands `partial` what it has found
/// so far now and then (`EventHits::complete` false).
pub fn answer_unless_stale(
    data: &Indexed,
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
            let (matches, total) = ActorSearch::new(data).search_top(data, query, rows);
            Found::Finder { matches, total }
        }
        SearchTarget::Events => Found::Events(EventSearch::new(data).find(
            data,
            query,
            request.within.clone(),
            stale,
            &mut |hits| partial(answer(Found::Events(hits.clone()))),
        )?),
        SearchTarget::Actors => Found::Actors(ActorSearch::new(data).search(data, query)),
        SearchTarget::Quotes => Found::Quotes(search_quotes(data, query)),
    };
    Some(answer(found))
}

/// Runs the explorer's searches (the finder's and a pane's) on a thread of its
/// own. Each answer goes to `deliver`, which returns false once nobody listens.
/// Of the requests waiting, only the newest of each kind (finder, pane) is run.
/// A pane's search still running when a newer pane request is submitted stops
/// early, unanswered (`answer_unless_stale`).
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
            ActorSearch::new(&data).prepare(&data);
            data.event_tables();
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
                    let Some(answer) = answer_unless_stale(&data, &request, &stale, &mut partial)
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
    fn only_the_latest_answer_is_delivered() {
        let data = Arc::new(crate::data::load::embedded().expect("built in").data);
        let mut worker = FinderWorker::spawn(data.clone(), 5);
        for query in ["k", "ka", "kat", "kata", "katai", "kataib"] {
            worker.submit(query);
        }
        let answer = worker.wait().expect("an answer");
        assert_eq!(answer.query, "kataib");
        let (expected, total) = ActorSearch::new(&data).search_top(&data, "kataib", 5);
        assert_eq!(answer.matches, expected);
        assert_eq!(answer.total, total);
        assert_eq!(worker.poll(), None);
    }

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
