//! Fuzzy search over event titles, summaries, places and tags.
//!
//! The events pane needs which events match, in list order, and the best one,
//! without ranking every match or computing highlights that nobody sees: that is
//! `find`, and `hit` computes one row's highlights when it is drawn. `search`,
//! every match ranked, is the two together.
//!
//! A match: every word matches some field (skim's match, compact in prose).
//! That verdict alone is cheap for a one-character word (a bit of the event's
//! character mask) and needs skim only on fields that hold a compact window of a
//! longer word. Scores are needed only to find the best hit: events are scored
//! in list order until one reaches the highest score the query can get
//! (`score_bound`), since an equal score later in the list cannot beat it. The
//! scan is split over the cores, narrows the last keystroke's candidates when
//! the query grew by one character, and gives up as soon as `stale` says a newer
//! query is waiting.

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::Survivors;
use super::matcher::{
    EXACT_BONUS, Matcher, Query, has_compact_window, is_settled_by_mask, lowercase, mask_and_solid,
};
use crate::data::index::Indexed;
use crate::data::model::{Event, EventIx};
use crate::data::parallel;

/// The events a search matched, as positions in the list it searched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventHits {
    /// Positions of the matching events, in list order.
    pub positions: Vec<u32>,
    /// The best hit (position, score): the highest score, the earliest on ties.
    pub best: Option<(u32, i64)>,
    /// Positions below this one are settled: `positions` holds all hits there.
    pub settled: u32,
    /// Whether the whole list was searched. A partial answer's best is the best
    /// among the settled positions.
    pub complete: bool,
}

/// Per event (by chronological rank), what lets a scan skip it without reading
/// its text. Built once per timeline; 16 bytes an event.
struct EventTables {
    /// The characters of all its fields, lowercased (see `matcher::bit`).
    masks: Vec<u64>,
    /// Bit n: some field holds n non-blank characters (63: 63 or more). A field can
    /// equal the query (and get `EXACT_BONUS`) only if it holds as many as it does.
    lengths: Vec<u64>,
}

impl EventTables {
    fn new(data: &Indexed) -> Self {
        let timeline = &data.timeline;
        // In the order events are stored (reading their text in order), then
        // placed by chronological rank, the order scans go in.
        let per_event: Vec<(u64, u64)> = parallel::split(timeline.event_count(), |range| {
            range
                .map(|i| timeline.event(EventIx(i as u32)))
                .map(|event| {
                    event_fields(event).fold((0, 0), |(mask, lengths), (_, text)| {
                        let (m, solid) = mask_and_solid(text);
                        (mask | m, lengths | 1 << solid.min(63))
                    })
                })
                .collect()
        });
        let mut masks = vec![0; timeline.event_count()];
        let mut lengths = vec![0; timeline.event_count()];
        for (e, (mask, length)) in per_event.into_iter().enumerate() {
            let rank = data.index.rank(EventIx(e as u32));
            masks[rank] = mask;
            lengths[rank] = length;
        }
        EventTables { masks, lengths }
    }
}

/// The highest score skim (fresh, see `Matcher::word`) gives a lowercase word
/// in any text: its score against itself. A match at the very start of a text
/// gets the largest bonus, doubled, and each following character at most what
/// it gets following its own predecessor. `tests/search_fast.rs` checks it.
pub fn word_score_bound(word: &str) -> i64 {
    SkimMatcherV2::default()
        .respect_case()
        .fuzzy_indices(word, word)
        .map_or(0, |(score, _)| score)
}

/// The highest score an event can get for `query`, from each word's bound: the
/// exact bonus only when some field might equal the query.
fn score_bound(words: i64, exact_possible: bool) -> i64 {
    words + if exact_possible { EXACT_BONUS } else { 0 }
}

/// What one part of the list gave.
#[derive(Default)]
struct Part {
    positions: Vec<u32>,
    candidates: Vec<u32>,
    best: Option<(u32, i64)>,
}

/// Fields up to this many bytes are tried first for a verdict.
const SHORT: usize = 80;

/// How often (in events) a scan asks whether it is stale.
const CHECK_EVERY: usize = 1024;

/// One query's scan over a list, shared by the threads.
struct Scan<'a> {
    search: &'a EventSearch<'a>,
    data: &'a Indexed,
    tables: &'a EventTables,
    words: &'a Query,
    list: &'a [EventIx],
    /// Whether `list` is a subset (positions are not chronological ranks).
    subset: bool,
    stale: &'a (dyn Fn() -> bool + Sync),
    /// The query's non-blank characters: a field that equals it has as many.
    solid: usize,
    /// One-letter words only: the masks alone say which events match, so only
    /// the events scored for the best are read.
    settled: bool,
    /// The sum of the words' highest scores.
    bound: i64,
}

impl<'a> Scan<'a> {
    fn new(
        search: &'a EventSearch<'a>,
        words: &'a Query,
        list: &'a [EventIx],
        subset: bool,
        stale: &'a (dyn Fn() -> bool + Sync),
    ) -> Self {
        Scan {
            search,
            data: search.data,
            tables: search.tables(),
            words,
            list,
            subset,
            stale,
            solid: words.words.iter().map(|w| w.chars().count()).sum(),
            settled: words.words.iter().all(|w| is_settled_by_mask(w)),
            bound: words.words.iter().map(|w| word_score_bound(w)).sum(),
        }
    }

    /// Scans some positions, in order; `None` if stale. Events are scored until
    /// one reaches the highest score it could have: no later one can beat it, so
    /// the rest only need a verdict. `floor`: the best score of earlier blocks.
    fn part(&self, positions: &mut dyn Iterator<Item = u32>, floor: Option<i64>) -> Option<Part> {
        let mut part = Part::default();
        let mut best_score = floor;
        for (n, pos) in positions.enumerate() {
            if n % CHECK_EVERY == 0 && (self.stale)() {
                return None;
            }
            let e = self.list[pos as usize];
            let r = if self.subset {
                self.data.index.rank(e)
            } else {
                pos as usize
            };
            if self.tables.masks[r] & self.words.mask != self.words.mask {
                continue;
            }
            let event = self.data.timeline.event(e);
            if !self.settled && !self.search.may_match(event, self.words) {
                continue;
            }
            part.candidates.push(pos);
            let exact_possible = self.tables.lengths[r] & 1 << self.solid.min(63) != 0;
            if best_score.is_none_or(|s| s < score_bound(self.bound, exact_possible)) {
                // It might beat the best so far: score it as `search` would.
                if let Some(m) = self.search.score_event(e, event, self.words) {
                    part.positions.push(pos);
                    if best_score.is_none_or(|s| m.score > s) {
                        part.best = Some((pos, m.score));
                        best_score = Some(m.score);
                    }
                }
            } else if self.settled || self.search.matches(event, self.words) {
                part.positions.push(pos);
            }
        }
        Some(part)
    }
}

/// The scan goes through the list block by block, in order, each block split
/// over the cores (from `parallel::split`'s threshold on): the first ones small, so
/// that a first partial answer comes soon, then larger, up to `LARGEST_BLOCK`.
const FIRST_BLOCK: usize = 512;
const LARGEST_BLOCK: usize = 256 * 1024;

/// When a scan still running hands over what it has found so far: first after
/// this long, then every `PARTIAL_EVERY` again.
const FIRST_PARTIAL: Duration = Duration::from_millis(6);
const PARTIAL_EVERY: Duration = Duration::from_millis(250);

impl EventSearch<'_> {
    /// The events of `within` (all events, chronologically, when `None`) that
    /// match `query`, as positions in that list, and the best of them; `None` if
    /// `stale` said to stop (checked every thousand events or so). Matches, best
    /// and its score are those of `search`. A long scan hands `partial` what it
    /// has settled so far, now and then (see `EventHits::complete`).
    pub fn find(
        &self,
        query: &str,
        within: Option<Arc<[EventIx]>>,
        stale: &(dyn Fn() -> bool + Sync),
        partial: &mut dyn FnMut(&EventHits),
    ) -> Option<EventHits> {
        let started = Instant::now();
        let words = Query::new(query);
        let list: &[EventIx] = within.as_deref().unwrap_or(self.data.index.chronological());
        if words.is_empty() {
            return Some(EventHits {
                positions: (0..list.len() as u32).collect(),
                best: (!list.is_empty()).then_some((0, 0)),
                settled: list.len() as u32,
                complete: true,
            });
        }
        // Only a query one character longer than the last can narrow its
        // candidates: `may_match` allows the last word two characters of slack.
        let previous = self
            .survivors
            .narrow(query, &within, |added| added.chars().count() == 1);
        let scan = Scan::new(self, &words, list, within.is_some(), stale);
        // The positions to look at: the last keystroke's candidates, or all.
        let todo = previous.as_deref();
        let len = todo.map_or(list.len(), <[u32]>::len);
        let at = |i: usize| todo.map_or(i as u32, |t| t[i]);
        let mut hits = EventHits::default();
        let mut candidates = Vec::new();
        let (mut done, mut block) = (0, FIRST_BLOCK);
        let mut next_partial = FIRST_PARTIAL;
        while done < len {
            let end = (done + block).min(len);
            let floor = hits.best.map(|(_, s)| s);
            let parts = parallel::split(end - done, |range| {
                let range = done + range.start..done + range.end;
                vec![scan.part(&mut range.map(at), floor)]
            });
            for part in parts {
                let part = part?;
                hits.positions.extend(part.positions);
                candidates.extend(part.candidates);
                if let Some((pos, score)) = part.best
                    && hits.best.is_none_or(|(_, s)| score > s)
                {
                    hits.best = Some((pos, score));
                }
            }
            done = end;
            block = (block * 2).min(LARGEST_BLOCK);
            hits.settled = if done < len {
                at(done)
            } else {
                list.len() as u32
            };
            if done < len && started.elapsed() >= next_partial {
                partial(&hits);
                next_partial = started.elapsed() + PARTIAL_EVERY;
            }
        }
        hits.complete = true;
        self.survivors.keep(query, within, candidates);
        Some(hits)
    }

    /// A necessary condition for a match that also holds for any query one
    /// character longer (so it can narrow the next keystroke): every word but the
    /// last has a compact window in some field, and the last a window up to two
    /// characters wider (one more character widens a compact window by two).
    fn may_match(&self, event: Event<'_>, query: &Query) -> bool {
        let last = query.words.len() - 1;
        query.words.iter().enumerate().all(|(i, w)| {
            let slack = if i == last { 2 } else { 0 };
            // A letter the event's mask holds is in some field.
            is_settled_by_mask(w)
                || event_fields(event).any(|(_, text)| has_compact_window(w, text, slack))
        })
    }

    /// Whether the event matches at all (every word in some field), without
    /// scores; for an event that passed `may_match` and the mask. Short fields
    /// are tried first: skim's time grows with the text.
    fn matches(&self, event: Event<'_>, query: &Query) -> bool {
        query.words.iter().all(|w| {
            let short = event_fields(event).filter(|(_, text)| text.len() <= SHORT);
            let long = event_fields(event).filter(|(_, text)| text.len() > SHORT);
            let mut fields = short.chain(long);
            // The event's mask holds it, and one character is always compact.
            is_settled_by_mask(w)
                || fields.any(|(_, text)| self.matcher.one_word(text, w).is_some())
        })
    }
}

/// Where in an event a search matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventField {
    Title,
    Summary,
    Place,
    /// An index into `Event::tags`.
    Tag(usize),
}

/// An event found by a search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventMatch {
    pub event: EventIx,
    pub score: i64,
    /// The field that matched (when the words matched in different fields: the
    /// field of the first word).
    pub field: EventField,
    /// Char positions in that field of the words that matched there.
    pub indices: Vec<usize>,
}

/// An event's searchable fields, in the order they are tried.
pub(super) fn event_fields(event: Event<'_>) -> impl Iterator<Item = (EventField, &str)> {
    std::iter::once((EventField::Title, event.title()))
        .chain(event.summary().map(|s| (EventField::Summary, s)))
        .chain(event.place().map(|p| (EventField::Place, p)))
        .chain(
            event
                .tags()
                .enumerate()
                .map(|(i, tag)| (EventField::Tag(i), tag)),
        )
}

/// Fuzzy search over event titles, summaries, places and tags, of one timeline.
/// It keeps what it prepares (`EventTables`) and what each query leaves for the
/// next keystroke: whoever searches owns one and asks it again.
pub struct EventSearch<'d> {
    data: &'d Indexed,
    matcher: Matcher,
    tables: OnceLock<EventTables>,
    /// The last scan's candidates (positions in the list it searched).
    survivors: Survivors,
}

impl<'d> EventSearch<'d> {
    pub fn new(data: &'d Indexed) -> Self {
        EventSearch {
            data,
            matcher: Matcher::new(true),
            tables: OnceLock::new(),
            survivors: Survivors::default(),
        }
    }

    fn tables(&self) -> &EventTables {
        self.tables.get_or_init(|| EventTables::new(self.data))
    }

    /// Does now what the first `find` would otherwise do (for a thread that is
    /// not the one waiting for keys).
    pub fn prepare(&self) {
        self.tables();
    }

    /// Every matching event, best first; equal scores in chronological order. All
    /// words in one field beat words spread over several. A blank query lists every
    /// event chronologically.
    pub fn search(&self, query: &str) -> Vec<EventMatch> {
        let chronological = self.data.index.chronological();
        if Query::new(query).is_empty() {
            return chronological
                .iter()
                .map(|&event| EventMatch {
                    event,
                    score: 0,
                    field: EventField::Title,
                    indices: Vec::new(),
                })
                .collect();
        }
        let hits = self
            .find(query, None, &|| false, &mut |_| {})
            .expect("never stale");
        let mut found: Vec<EventMatch> = parallel::split(hits.positions.len(), |range| {
            hits.positions[range]
                .iter()
                .filter_map(|&pos| self.hit(chronological[pos as usize], query))
                .collect()
        });
        // A stable sort keeps chronological order for equal scores.
        found.sort_by_key(|m| std::cmp::Reverse(m.score));
        found
    }

    /// How one event matches, as `search` reports it (score, field, highlights),
    /// or `None`: what the events pane asks for the rows it draws.
    pub fn hit(&self, event: EventIx, query: &str) -> Option<EventMatch> {
        let words = Query::new(query);
        if words.is_empty() {
            return None;
        }
        self.score_event(event, self.data.timeline.event(event), &words)
    }

    /// `search`'s verdict on one event: the best field holding every word, else
    /// (two words or more) each word's best field, the score their sum. Each
    /// field is lowercased once and each word scored once in it.
    fn score_event(&self, e: EventIx, event: Event<'_>, query: &Query) -> Option<EventMatch> {
        // Per field, each word's score and positions, if it matches there.
        let mut table: Vec<(EventField, Vec<WordMatch>, bool)> = Vec::new();
        let mut may: Vec<bool> = Vec::with_capacity(query.words.len());
        for (field, text) in event_fields(event) {
            may.clear();
            may.extend(query.words.iter().map(|w| self.matcher.may_match(w, text)));
            if !may.contains(&true) {
                continue;
            }
            let lower = lowercase(text);
            let found: Vec<_> = query
                .words
                .iter()
                .zip(&may)
                .map(|(w, &may)| may.then(|| self.matcher.word(&lower, w)).flatten())
                .collect();
            let exact = lower
                .split_whitespace()
                .eq(query.words.iter().map(String::as_str));
            table.push((field, found, exact));
        }
        let mut best: Option<EventMatch> = None;
        for (field, found, exact) in &table {
            if found.iter().any(Option::is_none) {
                continue;
            }
            let mut score: i64 = found.iter().flatten().map(|(s, _)| s).sum();
            score += if *exact { EXACT_BONUS } else { 0 };
            if best.as_ref().is_none_or(|b| score > b.score) {
                let mut indices: Vec<usize> = found
                    .iter()
                    .flatten()
                    .flat_map(|(_, i)| i)
                    .copied()
                    .collect();
                indices.sort_unstable();
                indices.dedup();
                best = Some(EventMatch {
                    event: e,
                    score,
                    field: *field,
                    indices,
                });
            }
        }
        if best.is_some() || query.words.len() < 2 {
            return best;
        }
        // Across fields: each word's first best field.
        let mut per_word: Vec<(i64, EventField, &[usize])> = Vec::new();
        for w in 0..query.words.len() {
            let mut top: Option<(i64, EventField, &[usize])> = None;
            for (field, found, _) in &table {
                if let Some((s, indices)) = &found[w]
                    && top.is_none_or(|t| *s > t.0)
                {
                    top = Some((*s, *field, indices));
                }
            }
            per_word.push(top?);
        }
        let field = per_word[0].1;
        let mut indices: Vec<usize> = per_word
            .iter()
            .filter(|(_, f, _)| *f == field)
            .flat_map(|(_, _, i)| i.iter().copied())
            .collect();
        indices.sort_unstable();
        indices.dedup();
        Some(EventMatch {
            event: e,
            score: per_word.iter().map(|p| p.0).sum(),
            field,
            indices,
        })
    }
}

/// A word's score and char positions in one field, if it matches there.
type WordMatch = Option<(i64, Vec<usize>)>;
