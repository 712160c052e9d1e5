//! Fuzzy search over actors (names and every alias), events and quotes.
//!
//! Matching is skim's (`SkimMatcherV2`), fzf style: the query is split at white
//! space and every word must match, each as a subsequence, so `ktb hzb` finds
//! Kataib Hezbollah. It ignores case for all scripts, not only ASCII: both sides are
//! lowercased one character for one character, so the positions skim reports are
//! char indices into the original string, ready for highlighting. A string that
//! equals the whole query (an alias such as `PMU` or `Khadimi`) gets a bonus that
//! puts it above every partial match. A cheap subsequence test runs before skim.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::candidates::{Candidates, Word, parallel};
use super::index::Indexed;
use super::model::{ActorIx, Event, EventIx, QuoteIx};

/// Added to the score of a string equal to the whole query (ignoring case).
pub(super) const EXACT_BONUS: i64 = 1000;

/// A query split into lowercase words.
pub(super) struct Query {
    pub(super) words: Vec<String>,
}

impl Query {
    pub(super) fn new(text: &str) -> Self {
        Query {
            words: text.split_whitespace().map(lowercase).collect(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Lowercases one char for one char (a char whose lowercase is longer stays as it
/// is), so that char positions in the result are positions in the original.
pub(super) fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(lowercase_char).collect()
}

pub(super) fn lowercase_char(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Whether the (lowercase) word's chars appear in order in `text`, ignoring case.
fn is_subsequence(word: &str, text: &str) -> bool {
    if word.is_ascii() && text.is_ascii() {
        let mut want = word.bytes().peekable();
        for b in text.bytes() {
            match want.peek() {
                Some(&w) if w == b.to_ascii_lowercase() => {
                    want.next();
                }
                Some(_) => {}
                None => break,
            }
        }
        return want.peek().is_none();
    }
    let mut want = word.chars().peekable();
    for c in text.chars() {
        match want.peek() {
            Some(&w) if w == lowercase_char(c) => {
                want.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    want.peek().is_none()
}

/// Whether the (lowercase) word appears in `text`, ignoring case, as a subsequence
/// whose first and last characters are less than twice its length (plus `slack`)
/// apart: what `is_compact` will ask of skim's match, so a text without such a
/// window cannot match. Texts or words outside ASCII are only checked as
/// subsequences.
pub(super) fn has_compact_window(word: &str, text: &str, slack: usize) -> bool {
    if !(word.is_ascii() && text.is_ascii()) {
        return is_subsequence(word, text);
    }
    let (word, text) = (word.as_bytes(), text.as_bytes());
    let Some((&first, rest)) = word.split_first() else {
        return true;
    };
    let span = 2 * word.len() + slack;
    text.iter().enumerate().any(|(i, &b)| {
        if b.to_ascii_lowercase() != first {
            return false;
        }
        // From this start, greedy matching finishes as early as any match can.
        let mut want = rest;
        for &b in &text[i + 1..text.len().min(i + span)] {
            match want.split_first() {
                Some((&w, more)) if w == b.to_ascii_lowercase() => want = more,
                Some(_) => {}
                None => break,
            }
        }
        want.is_empty()
    })
}

/// Skim's `SkimMatcherV2`, reused for every string, scoring each as a fresh one
/// would.
///
/// Skim 0.3.7 keeps a score matrix per thread between calls and does not clear
/// it: `ScoreMatrix::new` only `resize`s it, and `build_score_matrix` resets row
/// 0 and one cell per row, then reads the consecutive-match `bonus` of the cell
/// before (same row), which it writes only when that column did not match or
/// the next one does. So a cell left over from an earlier string can raise a
/// consecutive bonus, and with it the score and the positions. (Its
/// `use_cache(false)` would drop the matrix after each call, but panics: the
/// matrix is still borrowed.)
///
/// Where that can happen, a call (`a` in `a`, a 2 x 2 matrix) first shrinks this
/// thread's matrix to four cells. The call that follows grows it back with
/// default cells, and as its text has three characters or more (it holds the
/// word), those four lie in row 0, which skim resets whole: it starts from the
/// matrix a fresh matcher would. Where it cannot happen: a row's leftover
/// bonuses only matter from the second row built on, and scoring alone builds
/// rows 1, 0, 1, ... (it keeps two), the positions rows 1, 2, 3, ...; so a word
/// of up to two characters scores, and a word of one gets its positions, as
/// fresh, whatever the matrix holds. The shrinking call costs about what a
/// one-letter match does, far less than a fresh matcher's allocations.
struct Skim(SkimMatcherV2);

impl Skim {
    fn new() -> Self {
        // Both sides are lowercased already; respecting case keeps skim from
        // second-guessing that and from its ASCII-only case folding.
        Skim(SkimMatcherV2::default().respect_case())
    }

    /// Leaves this thread's matrix four cells long (see above) when the word has
    /// at least `chars` characters.
    fn shrink_for(&self, word: &str, chars: usize) {
        if word.chars().nth(chars - 1).is_some() {
            self.0.fuzzy_match("a", "a");
        }
    }

    fn score(&self, lower: &str, word: &str) -> Option<i64> {
        self.shrink_for(word, 3);
        self.0.fuzzy_match(lower, word)
    }

    fn indices(&self, lower: &str, word: &str) -> Option<(i64, Vec<usize>)> {
        self.shrink_for(word, 2);
        self.0.fuzzy_indices(lower, word)
    }
}

/// The skim matcher with our rules around it; built once, reused for every string.
pub(super) struct Matcher {
    skim: Skim,
    /// Whether each word's match must be compact (see `is_compact`).
    compact: bool,
}

/// In prose almost any short word is a scattered subsequence of a long summary, so
/// for event and quote text a word's matched characters must lie within twice its
/// length: `drone` finds "drones" and "drone strike", not "d…r…o…n…e". Names and
/// aliases are short and may match loosely, as initials do (`pmf`).
fn is_compact(word: &str, indices: &[usize]) -> bool {
    match (indices.first(), indices.last()) {
        (Some(first), Some(last)) => last - first < 2 * word.chars().count(),
        _ => true,
    }
}

impl Matcher {
    fn new(compact: bool) -> Self {
        Matcher {
            skim: Skim::new(),
            compact,
        }
    }

    /// Skim on the lowercased text, with the compactness rule when it applies.
    /// As `Skim` scores as a fresh matcher would, a word's score never exceeds
    /// its score against itself (`word_score_bound`), which event search relies
    /// on to stop scoring early.
    pub(super) fn word(&self, lower: &str, word: &str) -> Option<(i64, Vec<usize>)> {
        let (score, indices) = self.skim.indices(lower, word)?;
        (!self.compact || is_compact(word, &indices)).then_some((score, indices))
    }

    /// Whether `word` can match `text` at all: as a subsequence, and where the
    /// compactness rule applies, within a window it allows. Skim is only asked
    /// about texts that pass: in prose, most texts hold a short word scattered.
    fn may_match(&self, word: &str, text: &str) -> bool {
        if self.compact {
            has_compact_window(word, text, 0)
        } else {
            is_subsequence(word, text)
        }
    }

    /// Score and char positions of `text` against every word of the query.
    fn all_words(&self, text: &str, query: &Query) -> Option<(i64, Vec<usize>)> {
        if !query.words.iter().all(|w| self.may_match(w, text)) {
            return None;
        }
        let lower = lowercase(text);
        let mut score = 0;
        let mut indices = Vec::new();
        for word in &query.words {
            let (s, found) = self.word(&lower, word)?;
            score += s;
            indices.extend(found);
        }
        indices.sort_unstable();
        indices.dedup();
        if lower
            .split_whitespace()
            .eq(query.words.iter().map(String::as_str))
        {
            score += EXACT_BONUS;
        }
        Some((score, indices))
    }

    /// The score of an already lowercased text that contains every word as a
    /// subsequence (as `all_words` scores it, without the positions).
    fn score(&self, lower: &str, query: &Query) -> Option<i64> {
        let mut score = 0;
        for word in &query.words {
            score += self.skim.score(lower, word)?;
        }
        if lower
            .split_whitespace()
            .eq(query.words.iter().map(String::as_str))
        {
            score += EXACT_BONUS;
        }
        Some(score)
    }

    /// The char positions `all_words` reports, for an already lowercased text.
    fn indices(&self, lower: &str, query: &Query) -> Vec<usize> {
        let mut indices: Vec<usize> = query
            .words
            .iter()
            .filter_map(|word| self.skim.indices(lower, word))
            .flat_map(|(_, found)| found)
            .collect();
        indices.sort_unstable();
        indices.dedup();
        indices
    }

    /// Score and positions of one word in `text`.
    pub(super) fn one_word(&self, text: &str, word: &str) -> Option<(i64, Vec<usize>)> {
        if !self.may_match(word, text) {
            return None;
        }
        self.word(&lowercase(text), word)
    }
}

/// An actor found by a search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorMatch {
    pub actor: ActorIx,
    pub score: i64,
    /// Which alias matched best, as an index into `Actor::aliases`; `None` = the name.
    pub alias: Option<usize>,
    /// Char positions of the matched characters in that name or alias.
    pub indices: Vec<usize>,
}

/// Fuzzy search over actor names and all their aliases.
///
/// Cheap to create: what it needs is prepared once per timeline, on the first
/// search, and kept with the data (`ActorTables`).
pub struct ActorSearch {
    matcher: Matcher,
}

/// What actor search prepares once per timeline and keeps: every distinct name and
/// alias as `Candidates`, which actor has which, the tie order, and the last
/// query's survivors.
pub(crate) struct ActorTables {
    /// Every distinct lowercased name and alias, each scored once per keystroke
    /// however many actors share it (a family name given as an alias, a country).
    strings: Candidates,
    /// Each actor's name, then its aliases, actor by actor, as numbers in `strings`.
    slots: Vec<u32>,
    /// Where each actor's slots start in `slots`, and where the last one ends.
    first: Vec<u32>,
    /// Each actor's place in the order for equal scores: more events first, then
    /// by name, then by position.
    rank: Vec<u32>,
    /// The strings that passed the prefilter for the last query. A query that
    /// extends it (typing on) can only match among them, so it scans only those.
    last: Mutex<Option<(String, Vec<u32>)>>,
    /// For each of `LETTERS`, skim's score of every string, once computed.
    letters: Vec<OnceLock<Box<[i16]>>>,
}

/// The one-character queries whose scores `ActorTables` keeps.
const LETTERS: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";

/// The character of a query that is one ASCII letter or digit (lowercased).
fn single_character(query: &Query) -> Option<u8> {
    match query.words.as_slice() {
        [word] if word.len() == 1 && LETTERS.contains(&word.as_bytes()[0]) => {
            Some(word.as_bytes()[0])
        }
        _ => None,
    }
}

impl ActorTables {
    pub(crate) fn new(data: &Indexed) -> Self {
        let t = &data.timeline;
        let mut strings = Candidates::default();
        let mut seen: HashMap<String, u32> = HashMap::new();
        let mut slots = Vec::new();
        let mut first = Vec::with_capacity(t.actors().len() + 1);
        for actor in t.actors() {
            first.push(slots.len() as u32);
            for text in std::iter::once(actor.name()).chain(actor.aliases()) {
                let lower = lowercase(text);
                let k = match seen.get(&lower) {
                    Some(&k) => k,
                    None => {
                        let k = strings.push(&lower);
                        seen.insert(lower, k);
                        k
                    }
                };
                slots.push(k);
            }
        }
        first.push(slots.len() as u32);
        let mut order: Vec<u32> = (0..t.actors().len() as u32).collect();
        order.sort_by_cached_key(|&a| {
            let name = t.actor(ActorIx(a)).name();
            (
                std::cmp::Reverse(data.index.events_of_actor(ActorIx(a)).len()),
                lowercase(name),
                name,
                a,
            )
        });
        let mut rank = vec![0u32; order.len()];
        for (r, &a) in order.iter().enumerate() {
            rank[a as usize] = r as u32;
        }
        ActorTables {
            strings,
            slots,
            first,
            rank,
            last: Mutex::new(None),
            letters: LETTERS.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    fn actors(&self) -> usize {
        self.first.len() - 1
    }

    /// Skim's score of every string for the one-character query `c` (-1: no
    /// match), computed on first use and kept: every search starts with one.
    fn letter_scores(&self, c: u8, matcher: &Matcher) -> &[i16] {
        self.letters[LETTERS
            .iter()
            .position(|&l| l == c)
            .expect("a letter or digit")]
        .get_or_init(|| {
            let query = Query {
                words: vec![char::from(c).to_string()],
            };
            let word = [Word::new(query.words[0].clone())];
            parallel(self.strings.len(), |range| {
                range
                    .map(|k| {
                        let k = k as u32;
                        match self.strings.passes(k, &word) {
                            true => matcher
                                .score(self.strings.get(k), &query)
                                .map_or(-1, |s| s.clamp(0, i64::from(i16::MAX)) as i16),
                            false => -1,
                        }
                    })
                    .collect()
            })
            .into_boxed_slice()
        })
    }

    /// Keeps a query's survivors for the next keystroke to narrow.
    fn remember(&self, query: &str, survivors: Vec<u32>) {
        if let Ok(mut last) = self.last.lock() {
            *last = Some((query.to_string(), survivors));
        }
    }

    /// The strings that contain every word, narrowing the last query's survivors
    /// when `query` extends it.
    fn prefilter(&self, query: &str, words: &[Word]) -> Vec<u32> {
        let previous = self.last.lock().ok().and_then(|mut last| {
            last.take()
                .filter(|(text, _)| query.starts_with(text.as_str()))
                .map(|(_, survivors)| survivors)
        });
        let survivors = self.strings.prefilter(words, previous.as_deref());
        self.remember(query, survivors.clone());
        survivors
    }
}

impl Clone for ActorTables {
    fn clone(&self) -> Self {
        ActorTables {
            strings: self.strings.clone(),
            slots: self.slots.clone(),
            first: self.first.clone(),
            rank: self.rank.clone(),
            last: Mutex::new(None),
            letters: self.letters.clone(),
        }
    }
}

impl std::fmt::Debug for ActorTables {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ActorTables({} strings)", self.strings.len())
    }
}

impl ActorSearch {
    pub fn new(_data: &Indexed) -> Self {
        ActorSearch {
            matcher: Matcher::new(false),
        }
    }

    /// Does now what the first searches would otherwise do: prepares the
    /// candidates and every letter's and digit's scores. For a thread that is not
    /// the one waiting for keys (`FinderWorker` calls it when it starts).
    pub fn prepare(&self, data: &Indexed) {
        let tables = data.actor_tables();
        for &c in LETTERS {
            tables.letter_scores(c, &self.matcher);
        }
    }

    /// Every matching actor, best first, with the string that matched best (name
    /// preferred on equal scores). Equal scores rank the actor with more events
    /// first, then by name. A blank query lists every actor that way.
    pub fn search(&self, data: &Indexed, query: &str) -> Vec<ActorMatch> {
        self.search_top(data, query, usize::MAX).0
    }

    /// The best `limit` matches, as `search` ranks them, and how many actors match
    /// in all: what a finder shows. Only the rows returned get their char
    /// positions computed, and only they are sorted.
    pub fn search_top(
        &self,
        data: &Indexed,
        query: &str,
        limit: usize,
    ) -> (Vec<ActorMatch>, usize) {
        let tables = data.actor_tables();
        let words = Query::new(query);
        // (rank, score, slot) of each matching actor.
        let mut found: Vec<(u32, i64, u32)> = if words.is_empty() {
            (0..tables.actors())
                .map(|a| (tables.rank[a], 0, tables.first[a]))
                .collect()
        } else {
            let score_of: Vec<Option<i64>> = match single_character(&words) {
                // The first key of every search: skim's score of every string for
                // that character is computed once and kept (two bytes a string).
                Some(c) => {
                    let scores = tables.letter_scores(c, &self.matcher);
                    tables.remember(
                        query,
                        (0..scores.len() as u32)
                            .filter(|&k| scores[k as usize] >= 0)
                            .collect(),
                    );
                    scores
                        .iter()
                        .map(|&s| (s >= 0).then_some(i64::from(s)))
                        .collect()
                }
                None => {
                    let prepared: Vec<Word> = words.words.iter().cloned().map(Word::new).collect();
                    let survivors = tables.prefilter(query, &prepared);
                    let scored = parallel(survivors.len(), |range| {
                        survivors[range]
                            .iter()
                            .map(|&k| self.matcher.score(tables.strings.get(k), &words))
                            .collect()
                    });
                    let mut score_of = vec![None; tables.strings.len()];
                    for (&k, score) in survivors.iter().zip(scored) {
                        score_of[k as usize] = score;
                    }
                    score_of
                }
            };
            // Each actor's first best slot (the name wins a tie with an alias).
            let mut best = Vec::new();
            for a in 0..tables.actors() {
                let slots = tables.first[a]..tables.first[a + 1];
                let mut top: Option<(i64, u32)> = None;
                for slot in slots {
                    if let Some(score) = score_of[tables.slots[slot as usize] as usize]
                        && top.is_none_or(|(s, _)| score > s)
                    {
                        top = Some((score, slot));
                    }
                }
                best.extend(top.map(|(score, slot)| (tables.rank[a], score, slot)));
            }
            best
        };
        let total = found.len();
        let key = |&(rank, score, _): &(u32, i64, u32)| (std::cmp::Reverse(score), rank);
        if limit < found.len() {
            found.select_nth_unstable_by_key(limit, key);
            found.truncate(limit);
        }
        found.sort_unstable_by_key(key);
        let matches = found
            .into_iter()
            .map(|(_, score, slot)| {
                // The actor whose slots hold `slot`: the last one starting at or before it.
                let actor = tables.first.partition_point(|&f| f <= slot) - 1;
                let string = tables.slots[slot as usize];
                ActorMatch {
                    actor: ActorIx(actor as u32),
                    score,
                    alias: ((slot - tables.first[actor]) as usize).checked_sub(1),
                    indices: if words.is_empty() {
                        Vec::new()
                    } else {
                        self.matcher.indices(tables.strings.get(string), &words)
                    },
                }
            })
            .collect();
        (matches, total)
    }

    /// The best match, if any.
    pub fn best(&self, data: &Indexed, query: &str) -> Option<ActorMatch> {
        self.search_top(data, query, 1).0.into_iter().next()
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

/// The survivors of the last event query, for the next one to narrow (events
/// are searched by a new `EventSearch` each time, so this lives with the data).
#[derive(Default)]
pub(crate) struct Narrowing(Mutex<Option<(String, Vec<u32>)>>);

impl Narrowing {
    /// The last survivors, if `query` extends the query they are for.
    fn take(&self, query: &str) -> Option<Vec<u32>> {
        let mut last = self.0.lock().ok()?;
        last.take()
            .filter(|(text, _)| query.starts_with(text.as_str()))
            .map(|(_, survivors)| survivors)
    }

    fn keep(&self, query: &str, survivors: Vec<u32>) {
        if let Ok(mut last) = self.0.lock() {
            *last = Some((query.to_string(), survivors));
        }
    }
}

impl Clone for Narrowing {
    fn clone(&self) -> Self {
        Narrowing::default()
    }
}

impl std::fmt::Debug for Narrowing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Narrowing")
    }
}

/// Fuzzy search over event titles, summaries, places and tags.
pub struct EventSearch {
    pub(super) matcher: Matcher,
}

impl EventSearch {
    pub fn new(_data: &Indexed) -> Self {
        EventSearch {
            matcher: Matcher::new(true),
        }
    }

    /// Every matching event, best first; equal scores in chronological order. All
    /// words in one field beat words spread over several. A blank query lists every
    /// event chronologically.
    pub fn search(&self, data: &Indexed, query: &str) -> Vec<EventMatch> {
        let words = Query::new(query);
        let chronological = data.index.chronological();
        if words.is_empty() {
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
        let t = &data.timeline;
        // The events (as positions in chronological order) that may match: each
        // word before the last compactly in some field, the last (still being
        // typed) at least as a subsequence. Typing on can only remove events from
        // that set (a longer last word, or a finished one held to the compactness
        // rule), so the next keystroke narrows it instead of scanning everything.
        let narrowing = data.event_narrowing();
        let previous = narrowing.take(query);
        let last = words.words.len() - 1;
        let in_some_field = |&pos: &u32| {
            let event = t.event(chronological[pos as usize]);
            words.words.iter().enumerate().all(|(i, w)| {
                let mut fields = event_fields(event);
                if i == last {
                    fields.any(|(_, text)| is_subsequence(w, text))
                } else {
                    fields.any(|(_, text)| has_compact_window(w, text, 0))
                }
            })
        };
        let survivors: Vec<u32> = match previous {
            Some(list) => parallel(list.len(), |range| {
                list[range].iter().copied().filter(in_some_field).collect()
            }),
            None => parallel(chronological.len(), |range| {
                (range.start as u32..range.end as u32)
                    .filter(in_some_field)
                    .collect()
            }),
        };
        narrowing.keep(query, survivors.clone());
        let mut found: Vec<EventMatch> = parallel(survivors.len(), |range| {
            survivors[range]
                .iter()
                .filter_map(|&pos| {
                    let e = chronological[pos as usize];
                    self.score_event(e, t.event(e), &words)
                })
                .collect()
        });
        // A stable sort keeps chronological order for equal scores.
        found.sort_by_key(|m| std::cmp::Reverse(m.score));
        found
    }

    /// How one event matches, as `search` reports it (score, field, highlights),
    /// or `None`: what the events pane asks for the rows it draws.
    pub fn hit(&self, data: &Indexed, event: EventIx, query: &str) -> Option<EventMatch> {
        let words = Query::new(query);
        if words.is_empty() {
            return None;
        }
        self.score_event(event, data.timeline.event(event), &words)
    }

    /// `search`'s verdict on one event: the best field holding every word, else
    /// (two words or more) each word's best field, the score their sum. Each
    /// field is lowercased once and each word scored once in it.
    pub(super) fn score_event(
        &self,
        e: EventIx,
        event: Event<'_>,
        query: &Query,
    ) -> Option<EventMatch> {
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

/// Quotes whose text matches, best first (file order for equal scores), with the
/// char positions of the match.
pub fn search_quotes(data: &Indexed, query: &str) -> Vec<(QuoteIx, i64, Vec<usize>)> {
    let query = Query::new(query);
    let matcher = Matcher::new(true);
    let mut found: Vec<(QuoteIx, i64, Vec<usize>)> = data
        .timeline
        .quotes()
        .enumerate()
        .filter_map(|(i, q)| {
            let ix = QuoteIx(i as u32);
            if query.is_empty() {
                return Some((ix, 0, Vec::new()));
            }
            let (score, indices) = matcher.all_words(q.text(), &query)?;
            Some((ix, score, indices))
        })
        .collect();
    found.sort_by_key(|m| std::cmp::Reverse(m.1));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_char_for_char() {
        assert_eq!(lowercase("Ḥizb ÉTAT İ"), "ḥizb état İ");
        assert_eq!(lowercase("İx").chars().count(), 2);
    }

    /// What `Matcher` must answer for an already lowercased text: each word
    /// scored by a fresh skim, as if nothing had been scored before.
    fn fresh_score(lower: &str, query: &Query) -> Option<i64> {
        let mut score = 0;
        for word in &query.words {
            score += SkimMatcherV2::default()
                .respect_case()
                .fuzzy_match(lower, word)?;
        }
        if lower
            .split_whitespace()
            .eq(query.words.iter().map(String::as_str))
        {
            score += EXACT_BONUS;
        }
        Some(score)
    }

    fn fresh_indices(lower: &str, query: &Query) -> Vec<usize> {
        let mut indices: Vec<usize> = query
            .words
            .iter()
            .filter_map(|w| {
                SkimMatcherV2::default()
                    .respect_case()
                    .fuzzy_indices(lower, w)
            })
            .flat_map(|(_, found)| found)
            .collect();
        indices.sort_unstable();
        indices.dedup();
        indices
    }

    /// Skim 0.3.7 leaves its score matrix as the last call left it; a reused
    /// matcher scored "sabah rouhani" 59 for `aah` after "abu raad al-amiri"
    /// had been scored for `abu`, where a fresh one scores 47.
    #[test]
    fn a_score_does_not_depend_on_what_was_scored_before() {
        let m = Matcher::new(false);
        let aah = Query::new("aah");
        assert_eq!(m.score("sabah rouhani", &aah), Some(47));
        m.score("abu raad al-amiri", &Query::new("abu"));
        assert_eq!(m.score("sabah rouhani", &aah), Some(47));
        m.indices("abu raad al-amiri", &Query::new("abu"));
        assert_eq!(m.indices("sabah rouhani", &aah), [1, 3, 4]);
        assert_eq!(m.score("sabah rouhani", &aah), Some(47));
    }

    /// Every text of up to five characters from `a`, `b`, ' ' and '-' against
    /// every word of up to four from `a` and `b`, all through one matcher, each
    /// right after another text was highlighted or scored for another word: as
    /// a fresh matcher scores them.
    #[test]
    fn scores_and_positions_equal_a_fresh_matchers_exhaustively() {
        let mut texts = vec![String::new()];
        for len in 1..=5 {
            let shorter: Vec<String> = texts
                .iter()
                .filter(|t| t.len() == len - 1)
                .cloned()
                .collect();
            for t in shorter {
                for c in ['a', 'b', ' ', '-'] {
                    texts.push(format!("{t}{c}"));
                }
            }
        }
        let words: Vec<&String> = texts
            .iter()
            .filter(|t| !t.is_empty() && t.len() <= 4 && !t.contains([' ', '-']))
            .collect();
        let m = Matcher::new(false);
        let mut wrong = Vec::new();
        // Another text of up to fifteen characters, a different one each time.
        let before = |step: usize| {
            let n = texts.len();
            let text = [7, 13, 29]
                .map(|k| texts[(step * k + 3) % n].as_str())
                .concat();
            (text, Query::new(words[(step * 5) % words.len()]))
        };
        for (i, word) in words.iter().enumerate() {
            let query = Query::new(word);
            for (j, text) in texts.iter().enumerate() {
                let (other, other_query) = before(2 * (i * texts.len() + j));
                m.indices(&other, &other_query);
                let indices = m.indices(text, &query);
                let (other, other_query) = before(2 * (i * texts.len() + j) + 1);
                m.score(&other, &other_query);
                if indices != fresh_indices(text, &query)
                    || m.score(text, &query) != fresh_score(text, &query)
                {
                    wrong.push((text.clone(), word.to_string()));
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "{} differ, e.g. {:?}",
            wrong.len(),
            &wrong[..wrong.len().min(5)]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

        /// Whatever was scored before, on this thread, a text scores and is
        /// highlighted as a fresh matcher would.
        #[test]
        fn a_reused_matcher_answers_as_a_fresh_one(
            before in proptest::collection::vec(("[abhlr -]{0,20}", "[abhl]{1,4}( [abhl]{1,3})?"), 0..4),
            text in "[abhlré -]{0,20}",
            query in "[abhlé]{1,5}( [abhl]{1,3})?",
        ) {
            let m = Matcher::new(false);
            for (t, q) in &before {
                m.score(t, &Query::new(q));
                m.indices(t, &Query::new(q));
            }
            let query = Query::new(&query);
            proptest::prop_assert_eq!(m.score(&text, &query), fresh_score(&text, &query));
            proptest::prop_assert_eq!(m.indices(&text, &query), fresh_indices(&text, &query));
        }
    }

    #[test]
    fn subsequence_ignores_case_in_any_script() {
        assert!(is_subsequence("ktb", "Kataib Hezbollah"));
        assert!(!is_subsequence("ktz", "Kataib"));
        assert!(is_subsequence("état", "L'ÉTAT"));
        assert!(is_subsequence("", "x"));
    }
}
