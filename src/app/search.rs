//! `/` search in a pane and the actor finder's matching: the data layer finds and
//! scores, this module maps its answers onto the rows a pane shows.

use std::collections::HashMap;
use std::sync::Arc;

use super::{ActorsMode, App, FinderHit, ListPos, Pane};
use crate::data::search::worker::{Found, SearchTarget};
use crate::data::search::{ActorMatch, EventField, EventSearch};
use crate::data::{ActorIx, EventIx, Indexed, QuoteIx};

/// A search in one pane. While `typing`, keys go to the query; afterwards the hits
/// stay highlighted and `n`/`N` walk them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    pub pane: Pane,
    pub query: String,
    pub typing: bool,
    /// The hits' positions in the pane's list, in order.
    pub hits: Vec<usize>,
    /// The best-scoring hit (the first in list order among equals).
    pub best: Option<usize>,
    /// What each hit matched, for highlighting.
    pub shown: Shown,
    /// False while an event search over many events is still going: `hits` are
    /// those found so far (up to some position) and more may come.
    pub complete: bool,
    /// The request `hits` answer.
    pub answered: u64,
    /// Where the pane was before the search, for Esc.
    pub saved: ListPos,
    /// The request whose answer `hits` waits for (see `App::request`).
    pub generation: u64,
    /// True from a new query until its answer arrives: `hits` are the last query's.
    pub pending: bool,
}

/// Where a search's highlights come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Every hit's, in the order of `hits` (actors and quotes: few enough).
    Listed(Vec<Hit>),
    /// Computed for a row when it is drawn, from the query that was answered and
    /// the list searched (`None`: all events): there may be a million hits.
    Events {
        query: String,
        within: Option<Arc<[EventIx]>>,
    },
}

impl Search {
    /// The hit at a position of the pane's list, with what it matched.
    pub fn hit_at(&self, data: &Indexed, pos: usize) -> Option<Hit> {
        let i = self.hits.binary_search(&pos).ok()?;
        match &self.shown {
            Shown::Listed(hits) => hits.get(i).cloned(),
            Shown::Events { query, within } => {
                let list = within.as_deref().unwrap_or(data.index.chronological());
                let m = EventSearch::new(data).hit(*list.get(pos)?, query)?;
                Some(Hit {
                    pos,
                    field: event_field(m.field),
                    indices: m.indices,
                })
            }
        }
    }

    /// The hit after (or before) a position, wrapping around.
    pub fn next_from(&self, pos: usize, forward: bool) -> Option<usize> {
        let next = if forward {
            self.hits.get(self.hits.partition_point(|&h| h <= pos))
        } else {
            self.hits[..self.hits.partition_point(|&h| h < pos)].last()
        };
        let wrapped = if forward {
            self.hits.first()
        } else {
            self.hits.last()
        };
        next.or(wrapped).copied()
    }

    /// No hits: the last answer's (or, before any, none).
    pub fn clear_hits(&mut self) {
        self.hits.clear();
        self.best = None;
        self.shown = Shown::Listed(Vec::new());
        self.complete = true;
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Position in the pane's list.
    pub pos: usize,
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

/// Which of `HitField`s an event's field is.
fn event_field(field: EventField) -> HitField {
    match field {
        EventField::Title => HitField::Shown,
        EventField::Summary => HitField::Summary,
        EventField::Place => HitField::Place,
        EventField::Tag(i) => HitField::Tag(i),
    }
}

/// A search's answer, as positions in a pane's current list.
pub struct PaneHits {
    pub hits: Vec<usize>,
    pub best: Option<usize>,
    pub shown: Shown,
    /// False for the first part of a long event search's answer.
    pub complete: bool,
}

/// The hits of a search's answer in a pane's current list. An event search's
/// answer is in those terms already (it searched the pane's list).
pub fn hits_in_pane(app: &App, pane: Pane, query: &str, found: Found) -> PaneHits {
    if query.trim().is_empty() {
        return listed(Vec::new());
    }
    let scored: Vec<(Hit, i64)> = match (pane, found) {
        (Pane::Events, Found::Events(found)) => {
            return PaneHits {
                hits: found.positions.iter().map(|&p| p as usize).collect(),
                best: found.best.map(|(pos, _)| pos as usize),
                shown: Shown::Events {
                    query: query.to_string(),
                    within: app.events.subset(),
                },
                complete: found.complete,
            };
        }
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
                        ActorsMode::All => app.data.overview().name_rank(m.actor)?,
                        ActorsMode::OfEvent => *event_rows.get(&m.actor)?,
                    };
                    let field = m.alias.map_or(HitField::Shown, HitField::Alias);
                    let hit = Hit {
                        pos,
                        field,
                        indices: m.indices,
                    };
                    Some((hit, m.score))
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
                    let hit = Hit {
                        pos: *rows.get(&q)?,
                        field: HitField::Shown,
                        indices,
                    };
                    Some((hit, score))
                })
                .collect()
        }
        _ => Vec::new(),
    };
    listed(scored)
}

/// Hits with their scores (best first among equal positions) as `PaneHits`.
fn listed(mut scored: Vec<(Hit, i64)>) -> PaneHits {
    // Stable: of the hits at one position, the first (the best) stays.
    scored.sort_by_key(|(h, _)| h.pos);
    scored.dedup_by_key(|(h, _)| h.pos);
    let best = scored
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.pos.cmp(&a.0.pos)))
        .map(|(h, _)| h.pos);
    let hits = scored.iter().map(|(h, _)| h.pos).collect();
    PaneHits {
        hits,
        best,
        shown: Shown::Listed(scored.into_iter().map(|(h, _)| h).collect()),
        complete: true,
    }
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
