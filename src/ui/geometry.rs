//! Where everything goes for a terminal size, and how many rows the items that
//! wrap take: the one part of `ui` that `app` may use, so that scrolling, paging
//! and clicks in `update` agree with what `render` draws. It knows nothing of
//! `App`: the layout is a function of the size and of a `Shape`.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use super::content::help::{self, Section};
use super::content::{detail, items};
use super::theme::Theme;
use crate::data::{Indexed, QuoteIx};

pub use super::content::detail::Subject;
pub use super::text::Measured;

/// Below this the explorer only says that the terminal is too small.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// The four panes of the main screen, in focus order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    Events,
    Actors,
    Quotes,
    Detail,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Events, Pane::Actors, Pane::Quotes, Pane::Detail];

    pub fn number(self) -> usize {
        match self {
            Pane::Events => 1,
            Pane::Actors => 2,
            Pane::Quotes => 3,
            Pane::Detail => 4,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Pane::Events => "Events",
            Pane::Actors => "Actors",
            Pane::Quotes => "Quotes",
            Pane::Detail => "Detail",
        }
    }

    pub fn next(self) -> Pane {
        Pane::ALL[self.number() % 4]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.number() + 2) % 4]
    }
}

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

/// What the layout depends on besides the size: what fills the body, and the
/// popup over it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    pub body: Body,
    pub popup: Option<PopupKind>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Body {
    /// The four panes.
    Panes,
    /// A source's facts (taller with its authors) over its excerpts.
    Source {
        authors: bool,
    },
    /// The list of `count` disputes over the selected one's claims.
    Disputes {
        count: usize,
    },
    Sources,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PopupKind {
    Finder,
    Help,
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
    /// True when the body shows the panes (no full-screen view).
    pub shows_panes: bool,
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

    /// Whether `pane` is drawn, with the focus on `focus`.
    pub fn shows(&self, pane: Pane, focus: Pane) -> bool {
        self.shows_panes
            && match self.arrangement {
                Arrangement::Wide | Arrangement::Compact => true,
                Arrangement::Tabs => focus == pane,
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

pub fn screen(area: Rect, shape: Shape) -> Screen {
    let arrangement = arrangement(area.width, area.height);
    let shows_panes = shape.body == Body::Panes;
    let mut screen = Screen {
        arrangement,
        header: Rect::default(),
        tabs: None,
        body: Rect::default(),
        panes: [Rect::default(); 4],
        status: Rect::default(),
        view: ViewAreas::default(),
        popup: None,
        shows_panes,
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
    let tabs_height = u16::from(arrangement == Arrangement::Tabs && shows_panes);
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

    screen.view = match shape.body {
        Body::Panes => ViewAreas::default(),
        Body::Source { authors } => {
            // Title, publisher line, URL, and the authors when known; plus borders.
            let facts = (5 + u16::from(authors)).min(body.height / 2);
            let [top, main] =
                Layout::vertical([Constraint::Length(facts), Constraint::Min(1)]).areas(body);
            ViewAreas { top, main }
        }
        Body::Disputes { count } => {
            let wanted = count as u16 + 2;
            let list = wanted.clamp(3, (body.height * 2 / 5).max(3));
            let [top, main] =
                Layout::vertical([Constraint::Length(list), Constraint::Min(1)]).areas(body);
            ViewAreas { top, main }
        }
        Body::Sources => ViewAreas {
            top: Rect::default(),
            main: body,
        },
    };

    screen.popup = shape.popup.map(|popup| match popup {
        PopupKind::Finder => centered(area, 76, 22),
        PopupKind::Help => centered(area, 84, area.height.saturating_sub(2)),
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

/// Where the finder's results go inside its popup (below the query and the count).
pub fn finder_list(popup: Rect) -> Rect {
    let inside = inner(popup);
    Rect {
        y: inside.y + 2,
        height: inside.height.saturating_sub(2),
        ..inside
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

// ---- Heights: measured with the code that draws, so the two cannot disagree ----

// The styles do not change where lines break: any theme measures the same.

/// Rows a quote takes in the quotes pane, `width` columns wide.
pub fn quote_height(data: &Indexed, q: QuoteIx, width: usize) -> usize {
    items::quote_lines(data, q, &[], width, &Theme::new(false)).len()
}

/// Rows excerpt `n` (quote `q`) takes in the source view.
pub fn excerpt_height(data: &Indexed, n: usize, q: QuoteIx, width: usize) -> usize {
    items::excerpt_lines(data, n, q, width, &Theme::new(false)).len()
}

/// Rows each paragraph of the detail of `subject` takes, `width` columns wide,
/// and where some of them start: the detail scrolls by rows, and a frame wraps
/// only the rows it shows.
pub fn detail_heights(data: &Indexed, subject: Subject, width: usize) -> Vec<Measured> {
    detail::paragraphs(data, subject, &Theme::new(false))
        .iter()
        .map(|p| p.measure(width))
        .collect()
}

/// Rows the help takes, `width` columns wide, for the keymap's `sections`.
pub fn help_height(sections: &[Section], width: usize) -> usize {
    help::lines(sections, &Theme::new(false), width).len()
}
