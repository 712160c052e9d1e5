//! Clicks and the wheel, hit-tested against the same layout as the drawing.

use ratatui::layout::{Position, Rect};

use super::navigate::{focus, move_in, select, view_len, view_pos};
use super::screen;
use crate::app::{App, Pane, Popup, Row, View};
use crate::ui::layout::{self, Arrangement, inner};
use crate::ui::{finder, quotes, source_view};

/// The mouse leaves a search being typed as it is, like Enter.
pub(super) fn stop_typing(app: &mut App) {
    if let Some(search) = app.search.as_mut() {
        search.typing = false;
    }
}

pub(super) fn click(app: &mut App, at: Position) {
    stop_typing(app);
    let screen = screen(app);
    if let Some(area) = screen.popup {
        if !area.contains(at) {
            app.popup = None;
        } else if let Some(Popup::Finder(finder)) = app.popup.as_mut() {
            let list = finder::list_area(area);
            if list.contains(at) {
                let pos = finder.pos.offset + usize::from(at.y - list.y);
                if pos < finder.results.len() {
                    finder.pos.selected = pos;
                }
            }
        }
        return;
    }
    if screen.arrangement == Arrangement::TooSmall {
        return;
    }
    if let Some(tabs) = screen.tabs.filter(|t| t.contains(at)) {
        if let Some(&(pane, ..)) = layout::tab_spans(tabs)
            .iter()
            .find(|&&(_, start, end)| at.x >= start && at.x < end)
        {
            focus(app, pane);
        }
        return;
    }
    match app.view.clone() {
        View::Main => {
            let Some(pane) = Pane::ALL
                .into_iter()
                .find(|&p| screen.shows(app, p) && screen.pane(p).contains(at))
            else {
                return;
            };
            focus(app, pane);
            let area = inner(screen.pane(pane));
            if area.contains(at)
                && let Some(pos) = pane_row_at(app, pane, area, at.y)
            {
                select(app, pane, pos);
            }
        }
        View::Source { source, pos } => {
            let area = inner(screen.view.main);
            if area.contains(at) {
                let data = app.data.clone();
                let excerpts = data.index.quotes_of_source(source);
                let width = area.width as usize;
                if let Some(n) = item_at(
                    pos.offset,
                    excerpts.len(),
                    usize::from(at.y - area.y),
                    |i| source_view::excerpt_height(&data, i, excerpts[i], width),
                ) && let Some(p) = view_pos(app)
                {
                    p.selected = n;
                }
            }
        }
        View::Disputes { pos } => {
            let area = inner(screen.view.top);
            if area.contains(at) {
                let n = pos.offset + usize::from(at.y - area.y);
                if n < app.disputes.len()
                    && let Some(p) = view_pos(app)
                {
                    p.selected = n;
                }
            }
        }
        View::Sources { pos } => {
            let area = inner(screen.view.main);
            if area.contains(at) {
                let n = pos.offset + usize::from(at.y - area.y);
                if n < app.data.timeline.sources().len()
                    && let Some(p) = view_pos(app)
                {
                    p.selected = n;
                }
            }
        }
    }
}

/// The item drawn at row `y` of a list of items of varying height starting at `offset`.
pub(super) fn item_at(
    offset: usize,
    len: usize,
    y: usize,
    height: impl Fn(usize) -> usize,
) -> Option<usize> {
    let mut top = 0;
    for i in offset..len {
        let h = height(i);
        if y < top + h {
            return Some(i);
        }
        top += h;
    }
    None
}

/// The list position under row `y` of a pane's inside.
pub(super) fn pane_row_at(app: &App, pane: Pane, area: Rect, y: u16) -> Option<usize> {
    let row = usize::from(y - area.y);
    match pane {
        Pane::Events => match app.events.row(&app.data, app.events_pos.offset + row)? {
            Row::Event(pos) => Some(pos),
            Row::Year { .. } => {
                let pos = app.events.row(&app.data, app.events_pos.offset + row + 1)?;
                match pos {
                    Row::Event(pos) => Some(pos),
                    Row::Year { .. } => None,
                }
            }
        },
        Pane::Actors => {
            let pos = app.actors_pos.offset + row;
            (pos < app.actors.len()).then_some(pos)
        }
        Pane::Quotes => {
            let width = area.width as usize;
            item_at(app.quotes_pos.offset, app.quotes.len(), row, |i| {
                quotes::item_height(&app.data, app.quotes[i], width)
            })
        }
        Pane::Detail => None,
    }
}

pub(super) fn wheel(app: &mut App, at: Position, delta: isize) {
    stop_typing(app);
    let screen = screen(app);
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
    if app.view == View::Main {
        if let Some(pane) = Pane::ALL
            .into_iter()
            .find(|&p| screen.shows(app, p) && screen.pane(p).contains(at))
        {
            move_in(app, pane, delta);
        }
    } else {
        let len = view_len(app);
        if let Some(pos) = view_pos(app) {
            pos.step(delta, len);
        }
    }
}
