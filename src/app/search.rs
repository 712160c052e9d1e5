//! `/` search in a pane and the actor finder's matching: the data layer finds and
//! scores, this module maps its answers onto the rows a pane shows.

use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::{ActorsMode, App, FinderHit, ListPos, Pane};
use crate::data::{ActorIx, EventIx, Indexed, QuoteIx};

/// A search in one pane. While `typing`, keys go to the query; afterwards the hits
/// stay highlighted and `n`/`N` walk them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    pub pane: Pane,
    pub query: String,
    pub typing: bool,
    /// Sorted by position in the pane's list.
    pub hits: Vec<Hit>,
    /// Where the pane was before the search, for Esc.
    pub saved: ListPos,
}

impl Search {
    pub fn hit_at(&self, pos: usize) -> Option<&Hit> {
        self.hits
            .binary_search_by_key(&pos, |h| h.pos)
            .ok()
            .map(|i| &self.hits[i])
    }

    /// The best-scoring hit (the first in list order among equals).
    pub fn best(&self) -> Option<&Hit> {
        self.hits
            .iter()
            .max_by(|a, b| a.score.cmp(&b.score).then(b.pos.cmp(&a.pos)))
    }

    /// The hit after (or before) a position, wrapping around.
    pub fn next_from(&self, pos: usize, forward: bool) -> Option<&Hit> {
        if forward {
            self.hits.iter().find(|h| h.pos > pos).or(self.hits.first())
        } else {
            self.hits
                .iter()
                .rev()
                .find(|h| h.pos < pos)
                .or(self.hits.last())
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Position in the pane's list.
    pub pos: usize,
    pub score: i64,
    pub field: HitField,
    /// Matched characters (char indices) in `field`.
    pub indices: Vec<usize>,
}

/// Which text of a row matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitField {
    /// What the row shows: an event's title, an actor's name, a quote's text.
    Shown,
    Alias(usize),
    Summary,
    Place,
    Tag(usize),
}

impl HitField {
    pub fn label(self) -> &'static str {
        match self {
            HitField::Shown => "",
            HitField::Alias(_) => "alias",
            HitField::Summary => "summary",
            HitField::Place => "place",
            HitField::Tag(_) => "tag",
        }
    }
}

/// The hits of `query` in a pane's current list.
pub fn hits_in_pane(app: &App, pane: Pane, query: &str) -> Vec<Hit> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    let data = &app.data;
    let mut hits: Vec<Hit> = match pane {
        Pane::Events => match_events(data, query)
            .into_iter()
            .filter_map(|(e, score, field, indices)| {
                Some(Hit {
                    pos: app.events.position(data, e)?,
                    score,
                    field,
                    indices,
                })
            })
            .collect(),
        Pane::Actors => {
            let event_rows: HashMap<ActorIx, usize> = match app.actors_mode {
                ActorsMode::All => HashMap::new(),
                ActorsMode::OfEvent => app
                    .actors
                    .iter()
                    .enumerate()
                    .map(|(pos, r)| (r.actor, pos))
                    .collect(),
            };
            match_actors(data, query)
                .into_iter()
                .filter_map(|(a, score, alias, indices)| {
                    let pos = match app.actors_mode {
                        ActorsMode::All => app.actor_name_rank[a.get()] as usize,
                        ActorsMode::OfEvent => *event_rows.get(&a)?,
                    };
                    let field = alias.map_or(HitField::Shown, HitField::Alias);
                    Some(Hit {
                        pos,
                        score,
                        field,
                        indices,
                    })
                })
                .collect()
        }
        Pane::Quotes => {
            let rows: HashMap<QuoteIx, usize> = app
                .quotes
                .iter()
                .enumerate()
                .map(|(pos, &q)| (q, pos))
                .collect();
            match_quotes(data, query)
                .into_iter()
                .filter_map(|(q, score, indices)| {
                    Some(Hit {
                        pos: *rows.get(&q)?,
                        score,
                        field: HitField::Shown,
                        indices,
                    })
                })
                .collect()
        }
        Pane::Detail => Vec::new(),
    };
    hits.sort_by_key(|h| h.pos);
    hits.dedup_by_key(|h| h.pos);
    hits
}

/// The finder's results for a query, best first; every actor by name when empty.
pub fn finder_hits(app: &App, query: &str) -> Vec<FinderHit> {
    if query.trim().is_empty() {
        return app
            .actors_by_name
            .iter()
            .map(|&actor| FinderHit {
                actor,
                alias: None,
                indices: Vec::new(),
            })
            .collect();
    }
    match_actors(&app.data, query)
        .into_iter()
        .map(|(actor, _, alias, indices)| FinderHit {
            actor,
            alias,
            indices,
        })
        .collect()
}

fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().ignore_case()
}

/// Events matching a query: the best field of each, best first.
fn match_events(data: &Indexed, query: &str) -> Vec<(EventIx, i64, HitField, Vec<usize>)> {
    let m = matcher();
    let mut out = Vec::new();
    for (i, e) in data.timeline.events.iter().enumerate() {
        let mut best: Option<(i64, HitField, Vec<usize>)> = None;
        let mut consider = |text: &str, field: HitField| {
            if let Some((score, indices)) = m.fuzzy_indices(text, query)
                && best.as_ref().is_none_or(|b| score > b.0)
            {
                best = Some((score, field, indices));
            }
        };
        consider(&e.title, HitField::Shown);
        if let Some(s) = &e.summary {
            consider(s, HitField::Summary);
        }
        if let Some(p) = &e.place {
            consider(p, HitField::Place);
        }
        for (t, tag) in e.tags.iter().enumerate() {
            consider(tag, HitField::Tag(t));
        }
        if let Some((score, field, indices)) = best {
            out.push((EventIx(i as u32), score, field, indices));
        }
    }
    out.sort_by_key(|x| std::cmp::Reverse(x.1));
    out
}

/// Actors matching a query by name or alias, best first.
fn match_actors(data: &Indexed, query: &str) -> Vec<(ActorIx, i64, Option<usize>, Vec<usize>)> {
    let m = matcher();
    let mut out = Vec::new();
    for (i, a) in data.timeline.actors.iter().enumerate() {
        let mut best: Option<(i64, Option<usize>, Vec<usize>)> = None;
        let names = std::iter::once(&a.name).chain(a.aliases.iter()).enumerate();
        for (n, name) in names {
            if let Some((score, indices)) = m.fuzzy_indices(name, query)
                && best.as_ref().is_none_or(|b| score > b.0)
            {
                best = Some((score, n.checked_sub(1), indices));
            }
        }
        if let Some((score, alias, indices)) = best {
            out.push((ActorIx(i as u32), score, alias, indices));
        }
    }
    out.sort_by_key(|x| std::cmp::Reverse(x.1));
    out
}

fn match_quotes(data: &Indexed, query: &str) -> Vec<(QuoteIx, i64, Vec<usize>)> {
    let m = matcher();
    let mut out: Vec<_> = data
        .timeline
        .quotes
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            let (score, indices) = m.fuzzy_indices(&q.text, query)?;
            Some((QuoteIx(i as u32), score, indices))
        })
        .collect();
    out.sort_by_key(|x| std::cmp::Reverse(x.1));
    out
}
