//! `/` search in a pane and the actor finder's matching: the data layer finds and
//! scores, this module maps its answers onto the rows a pane shows.

use std::collections::HashMap;

use super::{ActorsMode, App, FinderHit, ListPos, Pane};
use crate::data::search::{ActorSearch, EventField, EventSearch, search_quotes};
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

/// The finder's results for a query, best first; with no query, every actor, the
/// ones with most events first.
pub fn finder_hits(app: &App, query: &str) -> Vec<FinderHit> {
    ActorSearch::new(&app.data)
        .search(&app.data, query)
        .into_iter()
        .map(|m| FinderHit {
            actor: m.actor,
            alias: m.alias,
            indices: m.indices,
        })
        .collect()
}

/// Events matching a query, best first, with the field that matched.
fn match_events(data: &Indexed, query: &str) -> Vec<(EventIx, i64, HitField, Vec<usize>)> {
    EventSearch::new(data)
        .search(data, query)
        .into_iter()
        .map(|m| {
            let field = match m.field {
                EventField::Title => HitField::Shown,
                EventField::Summary => HitField::Summary,
                EventField::Place => HitField::Place,
                EventField::Tag(i) => HitField::Tag(i),
            };
            (m.event, m.score, field, m.indices)
        })
        .collect()
}

/// Actors matching a query by name or alias, best first.
fn match_actors(data: &Indexed, query: &str) -> Vec<(ActorIx, i64, Option<usize>, Vec<usize>)> {
    ActorSearch::new(data)
        .search(data, query)
        .into_iter()
        .map(|m| (m.actor, m.score, m.alias, m.indices))
        .collect()
}

fn match_quotes(data: &Indexed, query: &str) -> Vec<(QuoteIx, i64, Vec<usize>)> {
    search_quotes(data, query)
}
