//! Event search as the events pane needs it: which events match, in list order,
//! and the best one, without ranking every match or computing highlights that
//! nobody sees (`EventSearch::hit` computes one row's, when it is drawn).
//!
//! A match means what `EventSearch::search` means by it: every word matches some
//! field (skim's match, compact in prose). That verdict alone is cheap for a
//! one-letter word (a bit of the event's character mask) and needs skim only on
//! fields that hold a compact window of a longer word. Scores are needed only to
//! find the best hit: events are scored in list order until one reaches the
//! highest score the query can get (`score_bound`), since an equal score later in
//! the list cannot beat it. The scan is split over the cores, narrows the last
//! keystroke's candidates when the query grew by one character, and gives up as
//! soon as `stale` says a newer query is waiting.

use std::sync::{Arc, Mutex};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::candidates::parallel;
use super::index::Indexed;
use super::model::{Event, EventIx};
use super::search::{EXACT_BONUS, EventSearch, Query, event_fields, has_compact_window};

/// The events a search matched, as positions in the list it searched.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventHits {
    /// Positions of the matching events, in list order.
    pub positions: Vec<u32>,
    /// The best hit (position, score): the highest score, the earliest on ties.
    pub best: Option<(u32, i64)>,
}

/// Per event (by chronological rank), what lets a scan skip it without reading
/// its text. Built once per timeline; 12 bytes an event.
pub(crate) struct EventTables {
    /// The characters of all its fields, lowercased (see `bit`).
    masks: Vec<u32>,
    /// Bit n: some field holds n non-blank characters (63: 63 or more). A field can
    /// equal the query (and get `EXACT_BONUS`) only if it holds as many as it does.
    lengths: Vec<u64>,
    /// The last scan's candidates, for the next keystroke to narrow.
    last: Mutex<Option<Narrowed>>,
}

/// The events that passed `may_match` for a query, over one list.
struct Narrowed {
    query: String,
    within: Option<Arc<[EventIx]>>,
    positions: Vec<u32>,
}

/// The mask bit of a lowercase character: one per ASCII letter, shared ones for
/// digits, other ASCII and everything else.
fn bit(c: char) -> u32 {
    match c {
        'a'..='z' => 1 << (c as u32 - 'a' as u32),
        '0'..='9' => 1 << 26,
        _ if c.is_ascii() => 1 << (27 + c as u32 % 4),
        _ => 1 << 31,
    }
}

/// Whether a one-character word is settled by its mask bit alone.
fn bit_is_exact(c: char) -> bool {
    c.is_ascii_lowercase()
}

/// Whether a word matches every event whose mask holds its bits: a single letter
/// (one character is always compact).
fn is_settled_by_mask(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if bit_is_exact(c))
}

fn mask_of(lower: &str) -> u32 {
    lower.chars().fold(0, |m, c| m | bit(c))
}

impl EventTables {
    pub(crate) fn new(data: &Indexed) -> Self {
        let t = &data.timeline;
        let chronological = data.index.chronological();
        let per_event = |range: std::ops::Range<usize>| -> Vec<(u32, u64)> {
            range
                .map(|rank| {
                    let event = t.event(chronological[rank]);
                    event_fields(event).fold((0, 0), |(mask, lengths), (_, text)| {
                        let lower = super::search::lowercase(text);
                        let solid = lower.chars().filter(|c| !c.is_whitespace()).count();
                        (mask | mask_of(&lower), lengths | 1 << solid.min(63))
                    })
                })
                .collect()
        };
        let (masks, lengths) = parallel(chronological.len(), per_event).into_iter().unzip();
        EventTables {
            masks,
            lengths,
            last: Mutex::new(None),
        }
    }
}

impl Clone for EventTables {
    fn clone(&self) -> Self {
        EventTables {
            masks: self.masks.clone(),
            lengths: self.lengths.clone(),
            last: Mutex::new(None),
        }
    }
}

impl std::fmt::Debug for EventTables {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "EventTables({} events)", self.masks.len())
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

/// How often (in events) a scan asks whether it is stale.
const CHECK_EVERY: usize = 1024;

impl EventSearch {
    /// The events of `within` (all events, chronologically, when `None`) that
    /// match `query`, as positions in that list, and the best of them; `None` if
    /// `stale` said to stop (checked every thousand events or so). Matches, best
    /// and its score are those of `search`.
    pub fn find(
        &self,
        data: &Indexed,
        query: &str,
        within: Option<Arc<[EventIx]>>,
        stale: &(dyn Fn() -> bool + Sync),
    ) -> Option<EventHits> {
        let words = Query::new(query);
        let list: &[EventIx] = within.as_deref().unwrap_or(data.index.chronological());
        if words.is_empty() {
            return Some(EventHits {
                positions: (0..list.len() as u32).collect(),
                best: (!list.is_empty()).then_some((0, 0)),
            });
        }
        let tables = data.event_tables();
        let rank = |pos: u32| match &within {
            Some(_) => data.index.rank(list[pos as usize]),
            None => pos as usize,
        };
        let previous = self.narrowed(tables, query, &within);
        let word_masks: u32 = words.words.iter().map(|w| mask_of(w)).fold(0, |a, m| a | m);
        let solid: usize = words.words.iter().map(|w| w.chars().count()).sum();
        // One-letter words only: the masks alone say which events match, so only
        // the events scored for the best are read.
        let settled = words.words.iter().all(|w| is_settled_by_mask(w));
        let bound: i64 = words.words.iter().map(|w| word_score_bound(w)).sum();
        let scan = |positions: &mut dyn Iterator<Item = u32>, part: &mut Part| -> bool {
            for (n, pos) in positions.enumerate() {
                if n % CHECK_EVERY == 0 && stale() {
                    return false;
                }
                let r = rank(pos);
                if tables.masks[r] & word_masks != word_masks {
                    continue;
                }
                let event = data.timeline.event(list[pos as usize]);
                if !settled && !self.may_match(event, &words) {
                    continue;
                }
                part.candidates.push(pos);
                let bound = score_bound(bound, tables.lengths[r] & 1 << solid.min(63) != 0);
                if part.best.is_none_or(|(_, s)| s < bound) {
                    // Still looking for the best: score it as `search` would.
                    if let Some(m) = self.score_event(list[pos as usize], event, &words) {
                        part.positions.push(pos);
                        if part.best.is_none_or(|(_, s)| m.score > s) {
                            part.best = Some((pos, m.score));
                        }
                    }
                } else if settled || self.matches(event, &words) {
                    part.positions.push(pos);
                }
            }
            true
        };
        let parts: Vec<Option<Part>> = match &previous {
            Some(narrowed) => parallel(narrowed.len(), |range| {
                let mut part = Part::default();
                let done = scan(&mut narrowed[range].iter().copied(), &mut part);
                vec![done.then_some(part)]
            }),
            None => parallel(list.len(), |range| {
                let mut part = Part::default();
                let done = scan(&mut (range.start as u32..range.end as u32), &mut part);
                vec![done.then_some(part)]
            }),
        };
        let mut hits = EventHits::default();
        let mut candidates = Vec::new();
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
        if let Ok(mut last) = tables.last.lock() {
            *last = Some(Narrowed {
                query: query.to_string(),
                within,
                positions: candidates,
            });
        }
        Some(hits)
    }

    /// The last scan's candidates if `query` is its query plus one character, over
    /// the same list: every event that can match `query` is among them.
    fn narrowed(
        &self,
        tables: &EventTables,
        query: &str,
        within: &Option<Arc<[EventIx]>>,
    ) -> Option<Vec<u32>> {
        let mut last = tables.last.lock().ok()?;
        let last = last.take()?;
        let grew_by_one = query
            .strip_prefix(last.query.as_str())
            .is_some_and(|added| added.chars().count() == 1);
        let same_list = match (within, &last.within) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b) || a == b,
            _ => false,
        };
        (grew_by_one && same_list).then_some(last.positions)
    }

    /// A necessary condition for a match that also holds for any query one
    /// character longer (so it can narrow the next keystroke): every word but the
    /// last has a compact window in some field, and the last a window up to two
    /// characters wider (one more character widens a compact window by two).
    fn may_match(&self, event: &Event, query: &Query) -> bool {
        let last = query.words.len() - 1;
        query.words.iter().enumerate().all(|(i, w)| {
            let slack = if i == last { 2 } else { 0 };
            event_fields(event).any(|(_, text)| has_compact_window(w, text, slack))
        })
    }

    /// Whether the event matches at all (every word in some field), without
    /// scores; for an event that passed `may_match` and the mask.
    fn matches(&self, event: &Event, query: &Query) -> bool {
        query.words.iter().all(|w| {
            // The event's mask holds it, and one character is always compact.
            is_settled_by_mask(w)
                || event_fields(event).any(|(_, text)| self.matcher.one_word(text, w).is_some())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_tell_letters_apart() {
        assert_eq!(mask_of("ab"), 0b11);
        assert_ne!(mask_of("z") & mask_of("y"), mask_of("z"));
        assert_eq!(mask_of("é") & mask_of("a"), 0);
        assert!(bit_is_exact('q') && !bit_is_exact('1') && !bit_is_exact('é'));
    }
}
