//! `update(&mut App, Action)`: every change of state happens here, without I/O.
//! After each action every selection is clamped to its list and every scroll
//! offset follows its selection, for the terminal's current size.

mod mouse;
mod navigate;
mod popups;
mod search;

use ratatui::layout::{Position, Rect};

use super::{Action, App, Mode, Pane, Popup, View, scroll_to, scroll_to_varying};
use crate::ui::layout::{self, Arrangement, Screen, inner};
use crate::ui::{detail, finder, help, quotes, source_view, theme::Theme};

/// Rows the mouse wheel moves.
const WHEEL_STEP: isize = 3;

pub fn update(app: &mut App, action: Action) {
    if !matches!(action, Action::Resize(..) | Action::SearchResults(_)) {
        app.message = None;
    }
    match action {
        Action::Quit => app.quit = true,
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
            Mode::Finder => popups::in_finder(app, action),
            Mode::Search => search::in_search(app, action),
            Mode::Main => navigate::in_main(app, action),
            Mode::Source | Mode::Disputes | Mode::Sources => navigate::in_view(app, action),
        },
    }
    for answer in app.take_inline_answers() {
        search::receive(app, answer);
    }
    keep_in_bounds(app);
    follow_selections(app);
}

pub(super) fn screen(app: &App) -> Screen {
    layout::screen(Rect::new(0, 0, app.width, app.height), app)
}

fn keep_in_bounds(app: &mut App) {
    let events = app.events.len(&app.data);
    app.events_pos.clamp(events);
    app.actors_pos.clamp(app.actors.len());
    app.quotes_pos.clamp(app.quotes.len());
    let len = navigate::view_len(app);
    if let Some(pos) = navigate::view_pos(app) {
        pos.clamp(len);
    }
    if let Some(Popup::Finder(finder)) = app.popup.as_mut() {
        finder.pos.clamp(finder.results.len());
    }
    if app.search.as_ref().is_some_and(|s| s.pane == Pane::Detail) {
        app.search = None;
    }
    // A window never starts below its selection, even where nothing is drawn.
    let selected_row = app.events.row_of(app.events_pos.selected);
    app.events_pos.offset = app.events_pos.offset.min(selected_row);
    for pos in [&mut app.actors_pos, &mut app.quotes_pos] {
        pos.offset = pos.offset.min(pos.selected);
    }
    if let Some(pos) = navigate::view_pos(app) {
        pos.offset = pos.offset.min(pos.selected);
    }
    if let Some(Popup::Finder(finder)) = app.popup.as_mut() {
        finder.pos.offset = finder.pos.offset.min(finder.pos.selected);
    }
}

/// Moves every scroll offset as little as needed to show its selection.
fn follow_selections(app: &mut App) {
    let screen = screen(app);
    if screen.arrangement == Arrangement::TooSmall {
        return;
    }
    let data = app.data.clone();

    let events = inner(screen.pane(Pane::Events));
    app.events_pos.offset = app
        .events
        .scroll(&data, &app.events_pos, events.height as usize);

    let actors = inner(screen.pane(Pane::Actors));
    app.actors_pos.offset = scroll_to(
        app.actors_pos.offset,
        app.actors_pos.selected,
        actors.height as usize,
        app.actors.len(),
    );

    let quotes = inner(screen.pane(Pane::Quotes));
    let width = quotes.width as usize;
    let list = &app.quotes;
    app.quotes_pos.offset = scroll_to_varying(
        app.quotes_pos.offset,
        app.quotes_pos.selected,
        quotes.height as usize,
        list.len(),
        |i| {
            list.get(i)
                .map_or(1, |&q| quotes::item_height(&data, q, width))
        },
    );

    if app.detail_scroll > 0 {
        let area = inner(screen.pane(Pane::Detail));
        // The frame's theme, so the detail made here is the one the frame draws.
        let lines = detail::lines(app, &Theme::new(app.colors), area.width as usize).len();
        app.detail_scroll = app
            .detail_scroll
            .min(lines.saturating_sub(area.height as usize));
    }

    match &mut app.view {
        View::Main => {}
        View::Source { source, pos } => {
            let area = inner(screen.view.main);
            let excerpts = data.index.quotes_of_source(*source);
            let width = area.width as usize;
            let height = area.height as usize;
            pos.offset = scroll_to_varying(pos.offset, pos.selected, height, excerpts.len(), |i| {
                excerpts
                    .get(i)
                    .map_or(1, |&q| source_view::excerpt_height(&data, i, q, width))
            });
        }
        View::Disputes { pos } => {
            pos.offset = scroll_to(
                pos.offset,
                pos.selected,
                inner(screen.view.top).height as usize,
                app.disputes.len(),
            );
        }
        View::Sources { pos } => {
            pos.offset = scroll_to(
                pos.offset,
                pos.selected,
                inner(screen.view.main).height as usize,
                data.timeline.sources().len(),
            );
        }
    }

    match (&mut app.popup, screen.popup) {
        (Some(Popup::Finder(finder)), Some(area)) => {
            let list = finder::list_area(area);
            finder.pos.offset = scroll_to(
                finder.pos.offset,
                finder.pos.selected,
                list.height as usize,
                finder.results.len(),
            );
        }
        (Some(Popup::Help { scroll }), Some(area)) => {
            let area = inner(area);
            let lines = help::lines(&Theme::new(false), area.width as usize).len();
            *scroll = (*scroll).min(lines.saturating_sub(area.height as usize));
        }
        _ => {}
    }
}
