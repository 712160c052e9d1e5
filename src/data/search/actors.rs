//! Fuzzy search over actor names and all their aliases.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Survivors;
use super::matcher::{Candidates, Matcher, Query, lowercase};
use crate::data::index::Indexed;
use crate::data::model::ActorIx;
use crate::data::parallel;

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

/// Fuzzy search over the actor names and all their aliases of one timeline. It
/// keeps what it prepares (`ActorTables`, on the first search) and what each
/// query leaves for the next keystroke: whoever searches owns one and asks it
/// again.
pub struct ActorSearch<'d> {
    data: &'d Indexed,
    matcher: Matcher,
    tables: OnceLock<ActorTables>,
    /// The strings that passed the prefilter for the last query.
    survivors: Survivors,
}

/// What actor search prepares once per timeline: every distinct name and alias
/// as `Candidates`, which actor has which, and the tie order.
struct ActorTables {
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
    fn new(data: &Indexed) -> Self {
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
            let query = Query::new(&char::from(c).to_string());
            parallel::split(self.strings.len(), |range| {
                range
                    .map(|k| {
                        let k = k as u32;
                        match self.strings.passes(k, &query) {
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
}

impl<'d> ActorSearch<'d> {
    pub fn new(data: &'d Indexed) -> Self {
        ActorSearch {
            data,
            matcher: Matcher::new(false),
            tables: OnceLock::new(),
            survivors: Survivors::default(),
        }
    }

    fn tables(&self) -> &ActorTables {
        self.tables.get_or_init(|| ActorTables::new(self.data))
    }

    /// Does now what the first searches would otherwise do: prepares the
    /// candidates and every letter's and digit's scores. For a thread that is not
    /// the one waiting for keys (`SearchWorker` calls it when it starts).
    pub fn prepare(&self) {
        let tables = self.tables();
        for &c in LETTERS {
            tables.letter_scores(c, &self.matcher);
        }
    }

    /// Every matching actor, best first, with the string that matched best (name
    /// preferred on equal scores). Equal scores rank the actor with more events
    /// first, then by name. A blank query lists every actor that way.
    pub fn search(&self, query: &str) -> Vec<ActorMatch> {
        self.search_top(query, usize::MAX).0
    }

    /// The best `limit` matches, as `search` ranks them, and how many actors match
    /// in all: what a finder shows. Only the rows returned get their char
    /// positions computed, and only they are sorted.
    pub fn search_top(&self, query: &str, limit: usize) -> (Vec<ActorMatch>, usize) {
        let tables = self.tables();
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
                    self.survivors.keep(
                        query,
                        None,
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
                    // Any query that extends the last one can only match among
                    // its survivors.
                    let previous = self.survivors.narrow(query, &None, |_| true);
                    let survivors = tables.strings.prefilter(&words, previous.as_deref());
                    self.survivors.keep(query, None, survivors.clone());
                    let scored = parallel::split(survivors.len(), |range| {
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
    pub fn best(&self, query: &str) -> Option<ActorMatch> {
        self.search_top(query, 1).0.into_iter().next()
    }
}
