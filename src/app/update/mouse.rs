//! Clicks and the wheel, hit-tested against the same layout and list table as
//! the drawing.

use ratatui::layout::Position;

use super::navigate::{focus, move_in, move_in_view, select, view_list};
use crate::app::lists::{self, ListId};
use crate::app::{App, Pane, Popup};
use crate::ui::geometry::{self, Arrangement};

/// The mouse leaves a search being typed as it is, like Enter.
pub(super) fn stop_typing(app: &mut App) {
    if let Some(search) = app.search.as_mut() {
        search.typing = false;
    }
}

pub(super) fn click(app: &mut App, at: Position) {
    stop_typing(app);
    let screen = app.screen();
    if let Some(area) = screen.popup {
        if !area.contains(at) {
            app.popup = None;
        } else if let Some(list) = lists::entry(app, &screen, ListId::Finder)
            && list.area.contains(at)
            && let Some(n) = lists::item_at(app, list, usize::from(at.y - list.area.y))
            && let Some(pos) = lists::position(app, ListId::Finder)
        {
            pos.selected = n;
        }
        return;
    }
    if screen.arrangement == Arrangement::TooSmall {
        return;
    }
    if let Some(tabs) = screen.tabs.filter(|t| t.contains(at)) {
        if let Some(&(pane, ..)) = geometry::tab_spans(tabs)
            .iter()
            .find(|&&(_, start, end)| at.x >= start && at.x < end)
        {
            focus(app, pane);
        }
        return;
    }
    match view_list(app) {
        None => {
            let Some(pane) = Pane::ALL
                .into_iter()
                .find(|&p| screen.shows(p, app.focus) && screen.pane(p).contains(at))
            else {
                return;
            };
            focus(app, pane);
            if let Some(list) = lists::entry(app, &screen, ListId::of_pane(pane))
                && list.area.contains(at)
                && let Some(n) = lists::item_at(app, list, usize::from(at.y - list.area.y))
            {
                select(app, pane, n);
            }
        }
        Some(id) => {
            if let Some(list) = lists::entry(app, &screen, id)
                && list.area.contains(at)
                && let Some(n) = lists::item_at(app, list, usize::from(at.y - list.area.y))
                && let Some(pos) = lists::position(app, id)
            {
                pos.selected = n;
            }
        }
    }
}

pub(super) fn wheel(app: &mut App, at: Position, delta: isize) {
    stop_typing(app);
    let screen = app.screen();
    match &mut app.popup {
        Some(Popup::Finder(finder)) => {
            finder.pos.step(delta, finder.results.len());
            return;
        }
        Some(Popup::Help { scroll }) => {
            *scroll = (*scroll as isize).saturating_add(delta).max(0) as usize;
            return;
        }
        None => {}
    }
    if screen.arrangement == Arrangement::TooSmall {
        return;
    }
    if view_list(app).is_none() {
        if let Some(pane) = Pane::ALL
            .into_iter()
            .find(|&p| screen.shows(p, app.focus) && screen.pane(p).contains(at))
        {
            move_in(app, pane, delta);
        }
    } else {
        move_in_view(app, delta);
    }
}
