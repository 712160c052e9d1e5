//! One table of the scrollable lists on the screen: the events, actors and quotes
//! panes, the detail, the source view, the disputes, the sources, the finder and
//! the help, each with its position, length, item heights and area. After every
//! update one loop keeps each selection inside its list and each window on its
//! selection; the panes draw the windows it leaves, and clicks and pages read it.

use ratatui::layout::Rect;

use super::scroll::{ListPos, scroll_to, scroll_to_varying};
use super::{App, Pane, Popup, Row, View};
use crate::ui::geometry::{Arrangement, Screen, finder_list, inner};

/// Every list (or scrolled text) there can be on the screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListId {
    Events,
    Actors,
    Quotes,
    Detail,
    Source,
    Disputes,
    Sources,
    Finder,
    Help,
}

/// How a list's items take rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rows {
    /// One row each.
    One,
    /// One row each, under a heading for each year; the offset counts rows.
    Years,
    /// As many as they wrap to (`App::heights`).
    Wrapped,
    /// A text scrolled by rows: no selection, only the first row shown.
    Text,
}

impl ListId {
    pub fn of_pane(pane: Pane) -> ListId {
        match pane {
            Pane::Events => ListId::Events,
            Pane::Actors => ListId::Actors,
            Pane::Quotes => ListId::Quotes,
            Pane::Detail => ListId::Detail,
        }
    }

    pub fn rows(self) -> Rows {
        match self {
            ListId::Events => Rows::Years,
            ListId::Actors | ListId::Disputes | ListId::Sources | ListId::Finder => Rows::One,
            ListId::Quotes | ListId::Source => Rows::Wrapped,
            ListId::Detail | ListId::Help => Rows::Text,
        }
    }
}

/// A list there is now, and where its rows go: the inside of its frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: ListId,
    pub area: Rect,
}

/// The lists there are now, with their areas on `screen`. The main panes are in
/// it behind a view too: their windows keep following their selections.
pub fn table(app: &App, screen: &Screen) -> Vec<Entry> {
    let mut lists: Vec<Entry> = Pane::ALL
        .into_iter()
        .map(|pane| Entry {
            id: ListId::of_pane(pane),
            area: inner(screen.pane(pane)),
        })
        .collect();
    let view = match &app.view {
        View::Main => None,
        View::Source { .. } => Some((ListId::Source, inner(screen.view.main))),
        View::Disputes { .. } => Some((ListId::Disputes, inner(screen.view.top))),
        View::Sources { .. } => Some((ListId::Sources, inner(screen.view.main))),
    };
    // A terminal too small for the popup still has its list, with no area.
    let popup = screen.popup.unwrap_or_default();
    let popup = match &app.popup {
        None => None,
        Some(Popup::Finder(_)) => Some((ListId::Finder, finder_list(popup))),
        Some(Popup::Help { .. }) => Some((ListId::Help, inner(popup))),
    };
    lists.extend(
        view.into_iter()
            .chain(popup)
            .map(|(id, area)| Entry { id, area }),
    );
    lists
}

/// The table entry of a list, if it is there.
pub fn entry(app: &App, screen: &Screen, id: ListId) -> Option<Entry> {
    table(app, screen).into_iter().find(|e| e.id == id)
}

/// The selection and window of a list (a text has none).
pub fn position(app: &mut App, id: ListId) -> Option<&mut ListPos> {
    match (id, &mut app.view, &mut app.popup) {
        (ListId::Events, ..) => Some(&mut app.events_pos),
        (ListId::Actors, ..) => Some(&mut app.actors_pos),
        (ListId::Quotes, ..) => Some(&mut app.quotes_pos),
        (ListId::Source, View::Source { pos, .. }, _)
        | (ListId::Disputes, View::Disputes { pos }, _)
        | (ListId::Sources, View::Sources { pos }, _) => Some(pos),
        (ListId::Finder, _, Some(Popup::Finder(finder))) => Some(&mut finder.pos),
        _ => None,
    }
}

/// How many items a list has (a text: none).
pub fn item_count(app: &App, id: ListId) -> usize {
    match (id, &app.view, &app.popup) {
        (ListId::Events, ..) => app.events.len(&app.data),
        (ListId::Actors, ..) => app.actors.len(),
        (ListId::Quotes, ..) => app.quotes.len(),
        (ListId::Source, View::Source { source, .. }, _) => {
            app.data.index.quotes_of_source(*source).len()
        }
        (ListId::Disputes, ..) => app.disputes().len(),
        (ListId::Sources, ..) => app.data.timeline.sources().len(),
        (ListId::Finder, _, Some(Popup::Finder(finder))) => finder.results.len(),
        _ => 0,
    }
}

/// Rows item `i` of a list takes, `width` columns wide.
pub fn item_rows(app: &mut App, id: ListId, i: usize, width: usize) -> usize {
    match (id, &app.view) {
        (ListId::Quotes, _) => app.heights.quote(&app.data, &app.quotes, i, width),
        (ListId::Source, &View::Source { source, .. }) => {
            app.heights.excerpt(&app.data, source, i, width)
        }
        _ => 1,
    }
}

/// After an update: every selection inside its list, every window (for the
/// terminal's size) on its selection, every text scrolled no further than its end.
pub fn settle(app: &mut App) {
    let screen = app.screen();
    let sized = screen.arrangement != Arrangement::TooSmall;
    for entry in table(app, &screen) {
        keep_in_bounds(app, entry.id);
        if sized {
            follow(app, entry);
        }
    }
}

fn keep_in_bounds(app: &mut App, id: ListId) {
    let len = item_count(app, id);
    if id == ListId::Events {
        app.events_pos.clamp(len);
        // A window never starts below its selection, even where nothing is drawn.
        let row = app.events.row_of(app.events_pos.selected);
        app.events_pos.offset = app.events_pos.offset.min(row);
    } else if let Some(pos) = position(app, id) {
        pos.clamp(len);
        pos.offset = pos.offset.min(pos.selected);
    }
}

/// Moves a window as little as needed to show its selection.
fn follow(app: &mut App, entry: Entry) {
    let Entry { id, area } = entry;
    let (width, height) = (area.width as usize, area.height as usize);
    let len = item_count(app, id);
    match id.rows() {
        Rows::Years => {
            app.events_pos.offset = app.events.scroll(&app.data, &app.events_pos, height);
        }
        Rows::One => {
            if let Some(pos) = position(app, id) {
                pos.offset = scroll_to(pos.offset, pos.selected, height, len);
            }
        }
        Rows::Wrapped => {
            let Some(&mut ListPos { selected, offset }) = position(app, id) else {
                return;
            };
            let offset = scroll_to_varying(offset, selected, height, len, |i| {
                item_rows(app, id, i, width)
            });
            if let Some(pos) = position(app, id) {
                pos.offset = offset;
            }
        }
        Rows::Text => match id {
            // Measured only once scrolled: most details are never scrolled.
            ListId::Detail if app.detail_scroll > 0 => {
                let subject = app.detail();
                let rows = app.heights.detail_rows(&app.data, subject, width);
                app.detail_scroll = app.detail_scroll.min(rows.saturating_sub(height));
            }
            ListId::Help => {
                let rows = app.heights.help(width);
                if let Some(Popup::Help { scroll }) = &mut app.popup {
                    *scroll = (*scroll).min(rows.saturating_sub(height));
                }
            }
            _ => {}
        },
    }
}

/// The item drawn on row `y` of a list's area; a year heading stands for the
/// year's first event.
pub fn item_at(app: &mut App, entry: Entry, y: usize) -> Option<usize> {
    let id = entry.id;
    let len = item_count(app, id);
    match id.rows() {
        Rows::Years => {
            let row = app.events_pos.offset + y;
            match app.events.row(&app.data, row)? {
                Row::Event(pos) => Some(pos),
                Row::Year { .. } => match app.events.row(&app.data, row + 1)? {
                    Row::Event(pos) => Some(pos),
                    Row::Year { .. } => None,
                },
            }
        }
        Rows::One => {
            let n = position(app, id)?.offset + y;
            (n < len).then_some(n)
        }
        Rows::Wrapped => {
            let width = entry.area.width as usize;
            let mut top = 0;
            for i in position(app, id)?.offset..len {
                let h = item_rows(app, id, i, width);
                if y < top + h {
                    return Some(i);
                }
                top += h;
            }
            None
        }
        Rows::Text => None,
    }
}

/// How far PgUp/PgDn move in a list: its visible rows less one (for context), or
/// for the source view's tall excerpts, those that fit below the selected one.
pub fn page(app: &mut App, entry: Entry) -> usize {
    let rows = entry.area.height as usize;
    if entry.id != ListId::Source {
        return rows.saturating_sub(1).max(1);
    }
    let Some(&mut ListPos { selected, .. }) = position(app, entry.id) else {
        return 1;
    };
    let len = item_count(app, entry.id);
    let width = entry.area.width as usize;
    let mut used = 0;
    let mut fitting = 0;
    for i in selected..len {
        used += item_rows(app, entry.id, i, width);
        if used > rows {
            break;
        }
        fitting += 1;
    }
    fitting.max(1)
}
