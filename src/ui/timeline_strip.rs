//! The header: the timeline's title and span, and the timeline strip, a bar per
//! year (or group of years) of how many events it holds, with the selected event's
//! year marked and the filtered events drawn apart from the rest.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::fit;
use super::theme::Theme;
use crate::app::App;
use crate::words::count;

const LEVELS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

pub struct Header<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for Header<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let (app, theme) = (self.app, self.theme);
        let t = &app.data.timeline;
        let mut spans = vec![Span::styled(format!(" {} ", t.title()), theme.title)];
        if let Some((first, last)) = app.data.overview().span() {
            spans.push(Span::styled(
                format!(" {} – {} ", first.human(), last.human()),
                theme.text,
            ));
        }
        spans.push(Span::styled(
            format!(
                " · {} · {} · {} · {}",
                count(t.events().len(), "event"),
                count(t.actors().len(), "actor"),
                count(t.quotes().len(), "quote"),
                count(t.sources().len(), "source")
            ),
            theme.dim,
        ));
        let line = fit(spans, area.width as usize);
        buf.set_line(area.x, area.y, &line, area.width);
        if area.height > 1 {
            let strip = Rect {
                y: area.y + 1,
                height: area.height - 1,
                ..area
            };
            Strip { app, theme }.render(strip, buf);
        }
    }
}

/// The bars and, on the last row, the years.
pub struct Strip<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for Strip<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let Some((first_year, counts)) = app.data.overview().events_per_year() else {
            return;
        };
        // One space each side.
        let area = Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(2),
            ..area
        };
        if area.is_empty() || counts.is_empty() {
            return;
        }
        let bar_rows = area.height.saturating_sub(1).max(1) as usize;
        let years = counts.len();
        let width = area.width as usize;
        // Years per column when there are more years than columns.
        let per_column = years.div_ceil(width);
        let columns = years.div_ceil(per_column);
        let column_width = (width / columns).clamp(1, 12);
        let bar_width = if column_width >= 3 {
            column_width - 1
        } else {
            column_width
        };
        let sum = |counts: &[u32], c: usize| -> u32 {
            counts[c * per_column..((c + 1) * per_column).min(counts.len())]
                .iter()
                .sum()
        };
        let totals: Vec<u32> = (0..columns).map(|c| sum(counts, c)).collect();
        let filtered: Option<Vec<u32>> = app
            .filtered_years
            .as_ref()
            .map(|f| (0..columns).map(|c| sum(f, c)).collect());
        let max = totals.iter().copied().max().unwrap_or(0).max(1);
        let selected_column = app
            .selected_event()
            .map(|e| (app.data.timeline.event(e).date().year - first_year) as usize / per_column);

        let levels = bar_rows * 8;
        let fill = |n: u32| -> usize {
            if n == 0 {
                0
            } else {
                ((n as usize * levels).div_ceil(max as usize)).max(1)
            }
        };
        for c in 0..columns {
            let x = area.x + (c * column_width) as u16;
            let total = fill(totals[c]);
            let inside = filtered.as_ref().map(|f| fill(f[c]));
            for r in 0..bar_rows {
                // r = 0 is the bottom row.
                let level = total.saturating_sub(r * 8).min(8);
                if level == 0 {
                    continue;
                }
                let style = if Some(c) == selected_column {
                    theme.bar_selected
                } else {
                    match inside {
                        Some(f) if f > r * 8 => theme.bar_filtered,
                        Some(_) => theme.bar,
                        None => theme.text,
                    }
                };
                let y = area.y + (bar_rows - 1 - r) as u16;
                let glyph: String = std::iter::repeat_n(LEVELS[level], bar_width).collect();
                buf.set_stringn(x, y, glyph, bar_width, style);
            }
        }

        if area.height < 2 {
            return;
        }
        // Year labels where they fit, and the selected year always.
        let y = area.bottom() - 1;
        let label_of =
            |c: usize| crate::data::Date::year(first_year + (c * per_column) as i32).human();
        let selected = selected_column.filter(|&c| c < columns).map(|c| {
            let label = format!("▲{}", label_of(c));
            let len = label.chars().count() as u16;
            let x = (area.x + (c * column_width) as u16)
                .min(area.right().saturating_sub(len))
                .max(area.x);
            (x, len, label)
        });
        let mut free_from = area.x;
        for c in 0..columns {
            let x = area.x + (c * column_width) as u16;
            let label = label_of(c);
            let end = x + label.len() as u16;
            let covers_selected = selected
                .as_ref()
                .is_some_and(|&(sx, len, _)| x < sx + len + 1 && sx < end + 1);
            if x >= free_from && end <= area.right() && !covers_selected {
                buf.set_string(x, y, &label, theme.dim);
                free_from = end + 1;
            }
        }
        if let Some((x, _, label)) = selected {
            buf.set_line(
                x,
                y,
                &Line::styled(label, theme.bar_selected),
                area.right() - x,
            );
        }
    }
}
