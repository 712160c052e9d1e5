//! Where everything goes for a terminal size: a pure function of the size and the
//! state, shared by `render` (to draw) and `update` (to scroll and to hit-test clicks).

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use crate::app::{App, Pane, Popup, View};

/// Below this the explorer only says that the terminal is too small.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// >= 120 columns: every pane at once.
    Wide,
    /// 80 to 119 columns: two columns of two panes.
    Compact,
    /// Under 80 columns: one pane at a time, with tabs.
    Tabs,
    TooSmall,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Screen {
    pub arrangement: Arrangement,
    pub header: Rect,
    pub tabs: Option<Rect>,
    pub body: Rect,
    /// Each pane's frame (borders included), in `Pane::ALL` order. With tabs every
    /// pane gets the whole body and only the focused one is drawn.
    pub panes: [Rect; 4],
    pub status: Rect,
    pub view: ViewAreas,
    pub popup: Option<Rect>,
}

/// The parts of a full-screen view, each a frame (borders included).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ViewAreas {
    /// Source view: the facts; disputes: the list of questions.
    pub top: Rect,
    /// Source view: the excerpts; disputes: the claims; sources: the list.
    pub main: Rect,
}

impl Screen {
    pub fn pane(&self, pane: Pane) -> Rect {
        self.panes[pane.number() - 1]
    }

    pub fn shows(&self, app: &App, pane: Pane) -> bool {
        app.view == View::Main
            && match self.arrangement {
                Arrangement::Wide | Arrangement::Compact => true,
                Arrangement::Tabs => app.focus == pane,
                Arrangement::TooSmall => false,
            }
    }
}

/// The inside of a bordered frame.
pub fn inner(frame: Rect) -> Rect {
    frame.inner(Margin::new(1, 1))
}

pub fn arrangement(width: u16, height: u16) -> Arrangement {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        Arrangement::TooSmall
    } else if width >= 120 {
        Arrangement::Wide
    } else if width >= 80 {
        Arrangement::Compact
    } else {
        Arrangement::Tabs
    }
}

pub fn screen(area: Rect, app: &App) -> Screen {
    let arrangement = arrangement(area.width, area.height);
    let mut screen = Screen {
        arrangement,
        header: Rect::default(),
        tabs: None,
        body: Rect::default(),
        panes: [Rect::default(); 4],
        status: Rect::default(),
        view: ViewAreas::default(),
        popup: None,
    };
    if arrangement == Arrangement::TooSmall {
        screen.body = area;
        return screen;
    }
    let header_height = if arrangement == Arrangement::Wide {
        4
    } else {
        3
    };
    let tabs_height = u16::from(arrangement == Arrangement::Tabs && app.view == View::Main);
    let [header, tabs, body, status] = Layout::vertical([
        Constraint::Length(header_height),
        Constraint::Length(tabs_height),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    screen.header = header;
    screen.tabs = (tabs_height > 0).then_some(tabs);
    screen.body = body;
    screen.status = status;

    screen.panes = match arrangement {
        Arrangement::Wide => {
            let [events, middle, detail] = Layout::horizontal([
                Constraint::Percentage(40),
                Constraint::Percentage(30),
                Constraint::Percentage(30),
            ])
            .areas(body);
            let [actors, quotes] =
                Layout::vertical([Constraint::Percentage(40), Constraint::Percentage(60)])
                    .areas(middle);
            [events, actors, quotes, detail]
        }
        Arrangement::Compact => {
            let [left, right] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(body);
            let [events, actors] =
                Layout::vertical([Constraint::Percentage(62), Constraint::Percentage(38)])
                    .areas(left);
            let [quotes, detail] =
                Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)])
                    .areas(right);
            [events, actors, quotes, detail]
        }
        _ => [body; 4],
    };

    screen.view = match &app.view {
        View::Main => ViewAreas::default(),
        View::Source { source, .. } => {
            // Title, publisher line, URL, and the authors when known; plus borders.
            let authors = app.data.timeline.source(*source).authors().len() != 0;
            let facts = (5 + u16::from(authors)).min(body.height / 2);
            let [top, main] =
                Layout::vertical([Constraint::Length(facts), Constraint::Min(1)]).areas(body);
            ViewAreas { top, main }
        }
        View::Disputes { .. } => {
            let wanted = app.disputes.len() as u16 + 2;
            let list = wanted.clamp(3, (body.height * 2 / 5).max(3));
            let [top, main] =
                Layout::vertical([Constraint::Length(list), Constraint::Min(1)]).areas(body);
            ViewAreas { top, main }
        }
        View::Sources { .. } => ViewAreas {
            top: Rect::default(),
            main: body,
        },
    };

    screen.popup = app.popup.as_ref().map(|popup| match popup {
        Popup::Finder(_) => centered(area, 76, 22),
        Popup::Help { .. } => centered(area, 84, area.height.saturating_sub(2)),
    });
    screen
}

/// A rectangle of at most `width` x `height`, centred, leaving a margin when it can.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width
        .min(area.width.saturating_sub(2))
        .max(area.width.min(10));
    let height = height
        .min(area.height.saturating_sub(2))
        .max(area.height.min(5));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The tabs' labels and where each one starts and ends on the tab row.
pub fn tab_spans(tabs: Rect) -> Vec<(Pane, u16, u16)> {
    let mut x = tabs.x;
    Pane::ALL
        .iter()
        .map(|&pane| {
            let width = tab_label(pane).chars().count() as u16;
            let span = (pane, x, x + width);
            x += width + 1;
            span
        })
        .collect()
}

pub fn tab_label(pane: Pane) -> String {
    format!(" {} {} ", pane.number(), pane.title())
}
