//! Actor searches on a thread of their own, so that typing never waits for one.
//!
//! The explorer submits the finder's query after every key and polls for answers
//! while it waits for the next event. The thread first prepares what the search
//! needs (`ActorSearch::prepare`), so that even the first keys find it ready. A query replaces any that has not started
//! yet (the thread always takes the newest), and only the answer to the newest
//! query is ever handed back: a stale answer is dropped, never shown.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::JoinHandle;

use super::index::Indexed;
use super::search::{ActorMatch, ActorSearch};

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_latest_answer_is_delivered() {
        let data = Arc::new(super::super::load::embedded().expect("built in").data);
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
}
