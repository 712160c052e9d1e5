//! The sources list: each source with its publisher, kind, date and excerpt count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::geometry::inner;
use super::text::{fit, text_width};
use super::theme::Theme;
use super::{draw_row, pane_block, position, selection};
use crate::app::{App, View};
use crate::data::SourceIx;

pub struct SourcesView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for SourcesView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let View::Sources { pos } = &self.app.view else {
            return;
        };
        let (app, theme) = (self.app, self.theme);
        let data = &app.data;
        let sources = data.timeline.sources();
        let title = Line::from(vec![
            Span::styled(" Sources ", theme.title),
            Span::styled(
                format!(
                    "{} · Enter: its excerpts ",
                    position(pos.selected, sources.len())
                ),
                theme.dim,
            ),
        ]);
        pane_block(title, true, theme).render(area, buf);
        let list = inner(area);
        if list.is_empty() {
            return;
        }
        if sources.len() == 0 {
            draw_row(buf, list, 0, Line::styled("No sources.", theme.dim), None);
            return;
        }
        let height = list.height as usize;
        let offset = pos.offset;
        let visible = || sources.clone().enumerate().skip(offset).take(height);
        // The publisher column fits the longest publisher shown, within reason.
        let column = visible()
            .map(|(_, s)| text_width(s.publisher()))
            .max()
            .unwrap_or(0)
            .min(list.width as usize / 3)
            .min(32);
        for (y, (n, source)) in visible().enumerate() {
            let excerpts = data.index.quotes_of_source(SourceIx(n as u32)).len();
            // Fixed-width facts first, so the title is what gets cut.
            let date = source
                .published()
                .map_or("date unknown".into(), |d| d.human());
            let kind = source.kind().map_or("", |k| k.as_str());
            let spans = vec![
                Span::styled(pad(source.publisher(), column), theme.label),
                Span::styled(
                    format!("{date:<12} {kind:<9} {excerpts:>4} excerpts  "),
                    theme.dim,
                ),
                Span::styled(source.title().to_string(), theme.text),
            ];
            let style = (n == pos.selected).then(|| selection(theme, true));
            draw_row(buf, list, y as u16, Line::from(spans), style);
        }
    }
}

/// `text` cut or padded to `width` columns, and a space.
fn pad(text: &str, width: usize) -> String {
    let cut = fit(vec![Span::raw(text.to_string())], width).to_string();
    let room = width.saturating_sub(text_width(&cut));
    format!("{cut}{} ", " ".repeat(room))
}
