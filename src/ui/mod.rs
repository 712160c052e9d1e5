//! Drawing: `render(&App, &mut Frame)` and one widget per pane. Nothing here changes
//! the state; every list draws only the rows that fit, from the window `update`
//! left it (`app::lists`).

pub mod actors;
pub mod content;
pub mod detail;
pub mod disputes;
pub mod events;
pub mod finder;
pub mod geometry;
pub mod help;
pub mod loading;
pub mod quotes;
pub mod source_view;
pub mod sources;
pub mod status;
pub mod text;
pub mod theme;
pub mod timeline_strip;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

use crate::app::{App, Popup, View, keymap};
use geometry::{Arrangement, Pane, Screen};
use theme::Theme;

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    draw(app, area, buf);
}

/// Draws the whole screen into a buffer (what `render` does for a frame).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = Theme::new(app.colors);
    let screen = app.screen_in(area);
    if screen.arrangement == Arrangement::TooSmall {
        too_small(area, buf, &theme);
        return;
    }
    timeline_strip::Header { app, theme: &theme }.render(screen.header, buf);
    if let Some(tabs) = screen.tabs {
        draw_tabs(app, tabs, buf, &theme);
    }
    match &app.view {
        View::Main => draw_panes(app, &screen, buf, &theme),
        View::Source { .. } => source_view::SourceView {
            app,
            theme: &theme,
            screen: &screen,
        }
        .render(screen.body, buf),
        View::Disputes { .. } => disputes::DisputesView {
            app,
            theme: &theme,
            screen: &screen,
        }
        .render(screen.body, buf),
        View::Sources { .. } => {
            sources::SourcesView { app, theme: &theme }.render(screen.view.main, buf)
        }
    }
    status::StatusBar { app, theme: &theme }.render(screen.status, buf);
    if let (Some(popup), Some(area)) = (&app.popup, screen.popup) {
        match popup {
            Popup::Finder(finder) => finder::FinderPopup {
                app,
                finder,
                theme: &theme,
            }
            .render(area, buf),
            Popup::Help { scroll } => help::HelpPopup {
                sections: &keymap::help_sections(),
                scroll: *scroll,
                theme: &theme,
            }
            .render(area, buf),
        }
    }
}

fn draw_panes(app: &App, screen: &Screen, buf: &mut Buffer, theme: &Theme) {
    for pane in Pane::ALL {
        if !screen.shows(pane, app.focus) {
            continue;
        }
        let area = screen.pane(pane);
        let focused = app.focus == pane;
        match pane {
            Pane::Events => events::EventsPane {
                app,
                theme,
                focused,
            }
            .render(area, buf),
            Pane::Actors => actors::ActorsPane {
                app,
                theme,
                focused,
            }
            .render(area, buf),
            Pane::Quotes => quotes::QuotesPane {
                app,
                theme,
                focused,
            }
            .render(area, buf),
            Pane::Detail => {
                let subject = app.detail();
                let width = geometry::inner(area).width as usize;
                detail::DetailPane {
                    data: &app.data,
                    subject,
                    scroll: app.detail_scroll,
                    heights: app.heights.detail_if_known(subject, width),
                    theme,
                    focused,
                }
                .render(area, buf)
            }
        }
    }
}

fn draw_tabs(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    for (pane, start, end) in geometry::tab_spans(area) {
        if start >= area.right() {
            break;
        }
        let style = if pane == app.focus {
            theme.tab_active
        } else {
            theme.tab
        };
        let width = end.min(area.right()) - start;
        buf.set_stringn(
            start,
            area.y,
            geometry::tab_label(pane),
            width as usize,
            style,
        );
    }
}

fn too_small(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let message = vec![
        Line::styled("Terminal too small", theme.title),
        Line::styled(
            format!(
                "{}x{}: tlx needs at least {}x{}",
                area.width,
                area.height,
                geometry::MIN_WIDTH,
                geometry::MIN_HEIGHT
            ),
            theme.text,
        ),
        Line::styled("q quits", theme.dim),
    ];
    let height = (message.len() as u16).min(area.height);
    let y = area.y + (area.height - height) / 2;
    Paragraph::new(message)
        .centered()
        .wrap(Wrap { trim: true })
        .render(
            Rect {
                y,
                height: area.bottom() - y,
                ..area
            },
            buf,
        );
}

/// A pane's frame: rounded borders, the title, brighter when focused.
pub fn pane_block<'a>(title: Line<'a>, focused: bool, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(title)
}

/// A pane title: ` 1 Events ` with extra text after it.
fn pane_title(pane: Pane, extra: &str, theme: &Theme, focused: bool) -> Line<'static> {
    let style = if focused { theme.title } else { theme.label };
    let mut spans = vec![Span::styled(
        format!(" {} {} ", pane.number(), pane.title()),
        style,
    )];
    if !extra.is_empty() {
        spans.push(Span::styled(format!("{extra} "), theme.dim));
    }
    Line::from(spans)
}

/// Draws a pane's border and numbered title (`extra` after its name) and gives the
/// area inside.
pub fn pane_frame(
    pane: Pane,
    extra: &str,
    focused: bool,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Rect {
    let block = pane_block(pane_title(pane, extra, theme, focused), focused, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// The style of a selected row.
pub fn selection(theme: &Theme, focused: bool) -> Style {
    if focused {
        theme.selected
    } else {
        theme.selected_unfocused
    }
}

/// Draws `line` on row `y` of `area`, cut to fit, with `style` under the whole row.
pub fn draw_row(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    line: Line<'static>,
    row_style: Option<Style>,
) {
    if y >= area.height {
        return;
    }
    let row = Rect {
        y: area.y + y,
        height: 1,
        ..area
    };
    let line = text::fit(line.spans, area.width as usize);
    buf.set_line(row.x, row.y, &line, row.width);
    if let Some(style) = row_style {
        buf.set_style(row, style);
    }
}

/// Draws the lines of a list item from row `*y` of `area` on, as many as fit, and
/// moves `*y` past them. `style` goes under every line but the last, the blank that
/// separates items.
pub fn draw_item(
    buf: &mut Buffer,
    area: Rect,
    y: &mut usize,
    lines: Vec<Line<'static>>,
    style: Option<Style>,
) {
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.into_iter().enumerate() {
        if *y >= area.height as usize {
            return;
        }
        draw_row(buf, area, *y as u16, line, style.filter(|_| i < last));
        *y += 1;
    }
}

/// `left` and `right` on one row of `width` columns, `right` against the right edge;
/// when they do not both fit, `left` is cut first.
pub fn left_right(left: Vec<Span<'static>>, right: Span<'static>, width: usize) -> Line<'static> {
    let left_width: usize = left.iter().map(|s| text::text_width(&s.content)).sum();
    let right_width = text::text_width(&right.content);
    if right_width == 0 {
        return Line::from(left);
    }
    if left_width + right_width < width {
        let mut spans = left;
        spans.push(Span::raw(" ".repeat(width - left_width - right_width)));
        spans.push(right);
        return Line::from(spans);
    }
    if width >= right_width + 8 {
        let mut spans = text::fit(left, width - right_width - 1).spans;
        spans.push(Span::raw(" "));
        spans.push(right);
        return Line::from(spans);
    }
    let mut spans = left;
    spans.push(Span::raw("  "));
    spans.push(right);
    Line::from(spans)
}

/// "12/84", or "0/0" for an empty list.
pub fn position(selected: usize, len: usize) -> String {
    if len == 0 {
        "0/0".into()
    } else {
        format!("{}/{}", selected + 1, len)
    }
}
