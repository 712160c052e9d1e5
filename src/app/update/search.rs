//! `/` search in a pane: typing, the hits, n/N, keep or restore.

use super::navigate::select;
use super::{cancel_pane_search, request};
use crate::app::search::Shown;
use crate::app::search::{finder_hits, hits_in_pane, pane_target};
use crate::app::{Action, App, Effects, ListPos, Pane, Popup, Search};
use crate::data::search::worker::{Found, SearchAnswer};

pub(super) fn start_search(app: &mut App) {
    let pane = app.focus;
    let Some(&saved) = app.pane_pos(pane).filter(|_| pane != Pane::Detail) else {
        app.message = Some("/ searches the events, actors and quotes panes.".into());
        return;
    };
    app.search = Some(Search {
        pane,
        query: String::new(),
        typing: true,
        hits: Vec::new(),
        best: None,
        shown: Shown::Listed(Vec::new()),
        complete: true,
        answered: 0,
        saved,
        generation: app.generation,
        pending: false,
    });
}

pub(super) fn in_search(app: &mut App, action: Action, fx: &mut Effects) {
    let Some(search) = app.search.as_mut() else {
        return;
    };
    match action {
        Action::Input(c) => {
            search.query.push(c);
            research(app, fx);
        }
        Action::DeleteChar => {
            if search.query.pop().is_none() {
                cancel_search(app, fx);
            } else {
                research(app, fx);
            }
        }
        Action::ClearInput => {
            search.query.clear();
            research(app, fx);
        }
        Action::NextMatch => next_match(app, true),
        Action::PrevMatch => next_match(app, false),
        Action::Activate => {
            search.typing = false;
            if search.query.is_empty() {
                app.search = None;
            } else if search.hits.is_empty() && !search.pending {
                app.search = None;
                app.message = Some("No match.".into());
            }
        }
        Action::Close => cancel_search(app, fx),
        _ => {}
    }
}

/// Asks for the query's hits; they come with `receive`. An empty query has none:
/// back to where the search began.
pub(super) fn research(app: &mut App, fx: &mut Effects) {
    let Some(search) = app.search.as_ref() else {
        return;
    };
    let (pane, query, saved) = (search.pane, search.query.clone(), search.saved);
    let target = pane_target(pane).filter(|_| !query.trim().is_empty());
    let generation = match target {
        Some(target) => request(app, fx, target, query),
        // No request, but any answer still on its way is now stale.
        None => cancel_pane_search(app, fx),
    };
    let Some(search) = app.search.as_mut() else {
        return;
    };
    search.generation = generation;
    search.pending = target.is_some();
    if target.is_none() {
        search.clear_hits();
        select(app, pane, saved.selected);
    }
}

/// Applies a search's answer, if it answers the latest request of the finder or
/// of the pane search; any other is stale and dropped.
pub(super) fn receive(app: &mut App, answer: SearchAnswer) {
    let SearchAnswer {
        generation,
        query,
        found,
    } = answer;
    if let Found::Finder { matches, total } = found {
        if let Some(Popup::Finder(finder)) = app.popup.as_mut()
            && finder.generation == generation
        {
            finder.results = finder_hits(matches);
            finder.total = total;
            finder.pos = ListPos::default();
            finder.pending = false;
        }
        return;
    }
    let Some(search) = app.search.as_ref().filter(|s| s.generation == generation) else {
        return;
    };
    let (pane, saved) = (search.pane, search.saved);
    let found = hits_in_pane(app, pane, &query, found);
    let Some(search) = app.search.as_mut() else {
        return;
    };
    // A long event search answers in parts: the selection goes to the best hit
    // with the first, and again only if a later part finds a better one.
    let moves = search.answered != generation || search.best != found.best;
    search.answered = generation;
    search.hits = found.hits;
    search.best = found.best;
    search.shown = found.shown;
    search.complete = found.complete;
    search.pending = !found.complete;
    if !search.typing && search.hits.is_empty() && search.complete {
        // Enter was pressed before the answer came, and nothing matches.
        app.search = None;
        app.message = Some("No match.".into());
        select(app, pane, saved.selected);
        return;
    }
    let target = search.best.unwrap_or(saved.selected);
    if moves {
        select(app, pane, target);
    }
}

pub(super) fn cancel_search(app: &mut App, fx: &mut Effects) {
    if let Some(search) = app.search.take() {
        if search.pending {
            cancel_pane_search(app, fx);
        }
        select(app, search.pane, search.saved.selected);
        set_offset(app, search.pane, search.saved.offset);
    }
}

pub(super) fn set_offset(app: &mut App, pane: Pane, offset: usize) {
    match pane {
        Pane::Events => app.events_pos.offset = offset,
        Pane::Actors => app.actors_pos.offset = offset,
        Pane::Quotes => app.quotes_pos.offset = offset,
        Pane::Detail => {}
    }
}

pub(super) fn next_match(app: &mut App, forward: bool) {
    let focus = app.focus;
    let Some(search) = app
        .search
        .as_ref()
        .filter(|s| s.pane == focus && !s.hits.is_empty())
    else {
        app.message = Some("No search in this pane: press / to search.".into());
        return;
    };
    let current = app.pane_pos(focus).map_or(0, |p| p.selected);
    let Some(pos) = search.next_from(current, forward) else {
        return;
    };
    let total = search.hits.len();
    let nth = search.hits.partition_point(|&h| h < pos) + 1;
    select(app, focus, pos);
    app.message = Some(format!("Match {nth} of {total}"));
}
