//! `/` search in a pane and the actor finder's matching: the data layer finds and
//! scores, this module maps its answers onto the rows a pane shows.

use std::collections::HashMap;

use super::{ActorsMode, App, FinderHit, ListPos, Pane};
use crate::data::background::{Found, SearchTarget};
use crate::data::search::{ActorMatch, EventField};
use crate::data::{ActorIx, QuoteIx};

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
    /// The request whose answer `hits` waits for (see `App::request`).
    pub generation: u64,
    /// True from a new query until its answer arrives: `hits` are the last query's.
    pub pending: bool,
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

/// What a `/` search in `pane` asks the worker for.
pub fn pane_target(pane: Pane) -> Option<SearchTarget> {
    match pane {
        Pane::Events => Some(SearchTarget::Events),
        Pane::Actors => Some(SearchTarget::Actors),
        Pane::Quotes => Some(SearchTarget::Quotes),
        Pane::Detail => None,
    }
}

/// The hits of a search's answer in a pane's current list.
pub fn hits_in_pane(app: &App, pane: Pane, query: &str, found: Found) -> Vec<Hit> {
    if query.trim().is_empty() {
        return Vec::new();
    }
    let data = &app.data;
    let mut hits: Vec<Hit> = match (pane, found) {
        (Pane::Events, Found::Events(matches)) => matches
            .into_iter()
            .filter_map(|m| {
                let field = match m.field {
                    EventField::Title => HitField::Shown,
                    EventField::Summary => HitField::Summary,
                    EventField::Place => HitField::Place,
                    EventField::Tag(i) => HitField::Tag(i),
                };
                Some(Hit {
                    pos: app.events.position(data, m.event)?,
                    score: m.score,
                    field,
                    indices: m.indices,
                })
            })
            .collect(),
        (Pane::Actors, Found::Actors(matches)) => {
            let event_rows: HashMap<ActorIx, usize> = match app.actors_mode {
                ActorsMode::All => HashMap::new(),
                ActorsMode::OfEvent => app
                    .actors
                    .iter()
                    .enumerate()
                    .map(|(pos, r)| (r.actor, pos))
                    .collect(),
            };
            matches
                .into_iter()
                .filter_map(|m| {
                    let pos = match app.actors_mode {
                        ActorsMode::All => app.actor_name_rank[m.actor.get()] as usize,
                        ActorsMode::OfEvent => *event_rows.get(&m.actor)?,
                    };
                    let field = m.alias.map_or(HitField::Shown, HitField::Alias);
                    Some(Hit {
                        pos,
                        score: m.score,
                        field,
                        indices: m.indices,
                    })
                })
                .collect()
        }
        (Pane::Quotes, Found::Quotes(matches)) => {
            let rows: HashMap<QuoteIx, usize> = app
                .quotes
                .iter()
                .enumerate()
                .map(|(pos, &q)| (q, pos))
                .collect();
            matches
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
        _ => Vec::new(),
    };
    hits.sort_by_key(|h| h.pos);
    hits.dedup_by_key(|h| h.pos);
    hits
}

/// The finder's rows from its answer's matches.
pub fn finder_hits(matches: Vec<ActorMatch>) -> Vec<FinderHit> {
    matches
        .into_iter()
        .map(|m| FinderHit {
            actor: m.actor,
            alias: m.alias,
            indices: m.indices,
        })
        .collect()
}
