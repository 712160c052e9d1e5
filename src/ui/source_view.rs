//! The source view: a source's facts and all its excerpts in document order
//! (`content::items`), the chosen one highlighted and scrolled into view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::content::items::excerpt_lines;
use super::geometry::{Screen, inner};
use super::text::fit;
use super::theme::Theme;
use super::{draw_item, pane_block, position, selection};
use crate::app::{App, View};
use crate::data::{Indexed, SourceIx};

pub struct SourceView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub screen: &'a Screen,
}

fn facts(data: &Indexed, s: SourceIx, theme: &Theme) -> Vec<Line<'static>> {
    let source = data.timeline.source(s);
    let mut lines = vec![Line::styled(source.title().to_string(), theme.title)];
    let mut about = vec![source.publisher().to_string()];
    if let Some(kind) = source.kind() {
        about.push(kind.as_str().to_string());
    }
    about.push(match source.published() {
        Some(date) => date.human(),
        None => "date not known".into(),
    });
    lines.push(Line::styled(about.join(" · "), theme.text));
    if source.authors().len() != 0 {
        lines.push(Line::from(vec![
            Span::styled("By ", theme.label),
            Span::styled(source.authors().collect::<Vec<_>>().join(", "), theme.text),
        ]));
    }
    lines.push(match source.url() {
        Some(url) => Line::styled(url.to_string(), theme.link),
        None => Line::styled("URL not known", theme.dim),
    });
    lines
}

impl Widget for SourceView<'_> {
    fn render(self, _area: Rect, buf: &mut Buffer) {
        let View::Source { source, pos } = &self.app.view else {
            return;
        };
        let (app, theme) = (self.app, self.theme);
        let data = &app.data;
        let excerpts = data.index.quotes_of_source(*source);

        let top = self.screen.view.top;
        let block = Block::bordered()
            .border_style(theme.border)
            .title(Line::styled(" Source ", theme.title));
        let facts_area = block.inner(top);
        block.render(top, buf);
        for (y, line) in facts(data, *source, theme)
            .into_iter()
            .take(facts_area.height as usize)
            .enumerate()
        {
            let line = fit(line.spans, facts_area.width as usize);
            buf.set_line(
                facts_area.x,
                facts_area.y + y as u16,
                &line,
                facts_area.width,
            );
        }

        let main = self.screen.view.main;
        let title = Line::from(vec![
            Span::styled(" Excerpts in document order ", theme.title),
            Span::styled(
                format!("{} ", position(pos.selected, excerpts.len())),
                theme.dim,
            ),
        ]);
        let block = pane_block(title, true, theme);
        block.render(main, buf);
        let list = inner(main);
        if list.is_empty() {
            return;
        }
        if excerpts.is_empty() {
            buf.set_stringn(
                list.x,
                list.y,
                "No excerpts.",
                list.width as usize,
                theme.dim,
            );
            return;
        }
        let width = list.width as usize;
        let height = list.height as usize;
        let mut y = 0;
        for (n, &q) in excerpts.iter().enumerate().skip(pos.offset) {
            if y >= height {
                break;
            }
            let lines = excerpt_lines(data, n, q, width, theme);
            let style = (n == pos.selected).then(|| selection(theme, true));
            draw_item(buf, list, &mut y, lines, style);
        }
    }
}
