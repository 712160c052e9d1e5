//! The disputes view: every point where the sources disagree, and for the selected
//! one its claims side by side, each with the quotes that make it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::content::items::attribution;
use super::geometry::{Screen, inner};
use super::text::wrap_indented;
use super::theme::Theme;
use super::{draw_row, pane_block, position, selection};
use crate::app::{App, View};
use crate::data::{DisputeIx, Indexed};

/// Narrower than this, claims are stacked instead of side by side.
const MIN_COLUMN: u16 = 24;

pub struct DisputesView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub screen: &'a Screen,
}

fn event_label(data: &Indexed, d: DisputeIx) -> String {
    match data.timeline.dispute(d).event() {
        Some(e) => {
            let event = data.timeline.event(e);
            format!("{} {}", event.date().human(), event.title())
        }
        None => "no event".into(),
    }
}

impl Widget for DisputesView<'_> {
    fn render(self, _area: Rect, buf: &mut Buffer) {
        let View::Disputes { pos } = &self.app.view else {
            return;
        };
        let (app, theme) = (self.app, self.theme);
        let data = &app.data;

        let top = self.screen.view.top;
        let title = Line::from(vec![
            Span::styled(" Disputes: where the sources disagree ", theme.title),
            Span::styled(
                format!("{} ", position(pos.selected, app.disputes().len())),
                theme.dim,
            ),
        ]);
        pane_block(title, true, theme).render(top, buf);
        let list = inner(top);
        if list.is_empty() {
            return;
        }
        if app.disputes().is_empty() {
            draw_row(
                buf,
                list,
                0,
                Line::styled("The sources agree on everything here.", theme.dim),
                None,
            );
            return;
        }
        let height = list.height as usize;
        for (y, (n, &d)) in app
            .disputes()
            .iter()
            .enumerate()
            .skip(pos.offset)
            .take(height)
            .enumerate()
        {
            let dispute = data.timeline.dispute(d);
            let line = Line::from(vec![
                Span::styled("≠ ", theme.disputed),
                Span::styled(dispute.question().to_string(), theme.text),
                Span::styled(format!("  {}", event_label(data, d)), theme.dim),
            ]);
            let style = (n == pos.selected).then(|| selection(theme, true));
            draw_row(buf, list, y as u16, line, style);
        }

        let Some(&d) = app.disputes().get(pos.selected) else {
            return;
        };
        claims(data, d, self.screen.view.main, buf, theme);
    }
}

fn claims(data: &Indexed, d: DisputeIx, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let t = &data.timeline;
    let dispute = t.dispute(d);
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Line::from(vec![
            Span::styled(format!(" {} ", dispute.question()), theme.heading),
            Span::styled(
                format!("· {} · Enter: go to the event ", event_label(data, d)),
                theme.dim,
            ),
        ]));
    let area_inner = block.inner(area);
    block.render(area, buf);
    if area_inner.is_empty() || dispute.claims().len() == 0 {
        return;
    }
    let n = dispute.claims().len() as u16;
    let side_by_side = area_inner.width / n >= MIN_COLUMN;
    let columns: Vec<Rect> = if side_by_side {
        Layout::horizontal(vec![Constraint::Ratio(1, n as u32); n as usize])
            .spacing(1)
            .split(area_inner)
            .to_vec()
    } else {
        Layout::vertical(vec![Constraint::Ratio(1, n as u32); n as usize])
            .split(area_inner)
            .to_vec()
    };
    for (i, (claim, column)) in dispute.claims().zip(columns).enumerate() {
        if column.is_empty() {
            continue;
        }
        if side_by_side && i > 0 && column.x > area_inner.x {
            for y in column.top()..column.bottom() {
                buf.set_string(column.x - 1, y, "│", theme.border);
            }
        }
        let width = column.width as usize;
        let mut lines = wrap_indented(
            &[
                Span::styled(format!("{}. ", i + 1), theme.label),
                Span::styled(claim.claim().to_string(), theme.title),
            ],
            width,
            3,
        );
        for &q in claim.quotes() {
            lines.push(Line::default());
            let text = [Span::styled(
                format!("“{}”", t.quote(q).text()),
                theme.quote,
            )];
            lines.extend(wrap_indented(&text, width, 1));
            let by = [Span::styled(
                format!("  {}", attribution(data, q)),
                theme.dim,
            )];
            lines.extend(wrap_indented(&by, width, 4));
        }
        let height = column.height as usize;
        let cut = lines.len() > height && height > 0;
        let shown = if cut { height - 1 } else { height };
        for (y, line) in lines.iter().take(shown).enumerate() {
            buf.set_line(column.x, column.y + y as u16, line, column.width);
        }
        if cut {
            let y = column.y + column.height - 1;
            buf.set_line(
                column.x,
                y,
                &Line::styled("… (more in the detail of each quote)", theme.dim),
                column.width,
            );
        }
    }
}
