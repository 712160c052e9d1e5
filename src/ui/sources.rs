//! The sources list: each source with its publisher, kind, date and excerpt count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::inner;
use super::theme::Theme;
use super::{draw_row, pane_block, position, selection};
use crate::app::{App, View, scroll_to};
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
        let sources = &data.timeline.sources;
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
        if sources.is_empty() {
            draw_row(buf, list, 0, Line::styled("No sources.", theme.dim), None);
            return;
        }
        let height = list.height as usize;
        let offset = scroll_to(pos.offset, pos.selected, height, sources.len());
        for (y, (n, source)) in sources
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .enumerate()
        {
            let excerpts = data.index.quotes_of_source(SourceIx(n as u32)).len();
            let mut spans = vec![
                Span::styled(format!("{:<28} ", source.publisher), theme.label),
                Span::styled(source.title.to_string(), theme.text),
            ];
            let mut about = Vec::new();
            if let Some(kind) = source.kind {
                about.push(kind.as_str().to_string());
            }
            if let Some(date) = source.published {
                about.push(date.human());
            }
            about.push(super::detail::plural(excerpts, "excerpt"));
            spans.push(Span::styled(
                format!("  ({})", about.join(" · ")),
                theme.dim,
            ));
            let style = (n == pos.selected).then(|| selection(theme, true));
            draw_row(buf, list, y as u16, Line::from(spans), style);
        }
    }
}
