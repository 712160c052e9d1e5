//! `update(&mut App, Action) -> Effects`: every change of state happens here,
//! without I/O; what needs I/O (quitting, the clipboard, searching) comes back as
//! effects for the runtime. After each action every selection is clamped to its
//! list and every scroll offset follows its selection (`lists::settle`).

mod mouse;
mod navigate;
mod popups;
mod search;

use ratatui::layout::Position;

use super::lists::{self, ListId};
use super::{Action, App, Effect, Effects, Mode};
use crate::data::search::worker::{SearchRequest, SearchTarget};

/// Rows the mouse wheel moves.
const WHEEL_STEP: isize = 3;

#[must_use = "the effects are for the runtime to perform: searches, the clipboard, quitting"]
pub fn update(app: &mut App, action: Action) -> Effects {
    let mut effects = Effects::new();
    if !matches!(action, Action::Resize(..) | Action::SearchResults(_)) {
        app.message = None;
    }
    let fx = &mut effects;
    match action {
        Action::Quit => fx.push(Effect::Quit),
        Action::SearchResults(answer) => search::receive(app, answer),
        Action::Resize(width, height) => {
            app.width = width;
            app.height = height;
        }
        Action::Click { column, row } => mouse::click(app, Position::new(column, row)),
        Action::ScrollUp { column, row } => {
            mouse::wheel(app, Position::new(column, row), -WHEEL_STEP)
        }
        Action::ScrollDown { column, row } => {
            mouse::wheel(app, Position::new(column, row), WHEEL_STEP)
        }
        _ => match app.mode() {
            Mode::Help => popups::in_help(app, action),
            Mode::Finder => popups::in_finder(app, action, fx),
            Mode::Search => search::in_search(app, action, fx),
            Mode::Main => navigate::in_main(app, action, fx),
            Mode::Source | Mode::Disputes | Mode::Sources => navigate::in_view(app, action, fx),
        },
    }
    if app
        .search
        .as_ref()
        .is_some_and(|s| s.pane == super::Pane::Detail)
    {
        app.search = None;
    }
    lists::settle(app);
    effects
}

/// Asks for a search and returns the request's number; its answer comes back as
/// `Action::SearchResults`.
fn request(app: &mut App, fx: &mut Effects, target: SearchTarget, query: String) -> u64 {
    app.generation += 1;
    let within = match target {
        SearchTarget::Events => app.events.subset(),
        _ => None,
    };
    fx.push(Effect::Search(SearchRequest {
        generation: app.generation,
        target,
        query,
        within,
    }));
    app.generation
}

/// Makes any pane search on its way stale, and stops it if it runs off the
/// input thread (a long event scan would otherwise run to its end).
fn cancel_pane_search(app: &mut App, fx: &mut Effects) -> u64 {
    app.generation += 1;
    fx.push(Effect::CancelSearch);
    app.generation
}

/// The list a pane shows, as the table lays it out now.
fn pane_entry(app: &App, pane: super::Pane) -> lists::Entry {
    let screen = app.screen();
    lists::entry(app, &screen, ListId::of_pane(pane)).unwrap_or(lists::Entry {
        id: ListId::of_pane(pane),
        area: Default::default(),
    })
}
