//! The events pane: events oldest first under year headings, one row each.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::highlighted;
use super::theme::{Theme, certainty_marker};
use super::{draw_row, pane_frame, selection};
use crate::app::{App, Filter, HitField, Pane, Row};
use crate::data::Event;

/// Width of the date column: `17 Nov 2021` plus a space.
const DATE_WIDTH: usize = 12;

pub struct EventsPane<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl Widget for EventsPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let data = &app.data;
        let theme = self.theme;
        let len = app.events.len(data);
        let extra = match app.filter {
            Some(Filter::Actor(a)) => format!(
                "· {} of {} · {}",
                len,
                data.timeline.events().len(),
                data.timeline.actor(a).name()
            ),
            None => format!("· {len}"),
        };
        let inner = pane_frame(Pane::Events, &extra, self.focused, theme, area, buf);
        if inner.is_empty() {
            return;
        }
        if len == 0 {
            draw_row(buf, inner, 0, Line::styled("No events.", theme.dim), None);
            return;
        }
        let height = inner.height as usize;
        let offset = app.events_pos.offset;
        let search = app.search.as_ref().filter(|s| s.pane == Pane::Events);
        for y in 0..height {
            let Some(row) = app.events.row(data, offset + y) else {
                break;
            };
            let (line, style) = match row {
                Row::Year { year, count } => {
                    (year_heading(year, count, inner.width as usize, theme), None)
                }
                Row::Event(pos) => {
                    let Some(e) = app.events.get(data, pos) else {
                        break;
                    };
                    let hit = search.and_then(|s| s.hit_at(data, pos));
                    let line = event_row(data.timeline.event(e), hit.as_ref(), theme);
                    let style =
                        (pos == app.events_pos.selected).then(|| selection(theme, self.focused));
                    (line, style)
                }
            };
            draw_row(buf, inner, y as u16, line, style);
        }
    }
}

fn year_heading(year: i32, count: usize, width: usize, theme: &Theme) -> Line<'static> {
    let label = format!(
        "── {} · {} event{} ",
        crate::data::Date::year(year).human(),
        count,
        if count == 1 { "" } else { "s" }
    );
    let rule = "─".repeat(width.saturating_sub(label.chars().count()));
    Line::from(vec![
        Span::styled(label, theme.heading),
        Span::styled(rule, theme.dim),
    ])
}

fn event_row(event: Event<'_>, hit: Option<&crate::app::Hit>, theme: &Theme) -> Line<'static> {
    let date = event.date().human();
    let mut spans = vec![
        certainty_marker(event.certainty(), theme),
        Span::raw(" "),
        // A space after the date even when it is wider than the column (`15 Mar 44 BCE`).
        Span::styled(format!("{date:<w$} ", w = DATE_WIDTH - 1), theme.dim),
    ];
    match hit {
        Some(hit) if hit.field == HitField::Shown => {
            spans.extend(highlighted(
                event.title(),
                &hit.indices,
                theme.text,
                theme.matched,
            ));
        }
        Some(hit) => {
            // The match is in another field: say which, before the title so it shows.
            spans.push(Span::styled(
                format!("[{}] ", hit.field.label()),
                theme.matched,
            ));
            spans.push(Span::styled(event.title().to_string(), theme.text));
        }
        None => spans.push(Span::styled(event.title().to_string(), theme.text)),
    }
    Line::from(spans)
}
