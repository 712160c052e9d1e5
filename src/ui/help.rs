//! The help popup: the keymap's sections (`content::help`), scrolled by rows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::content::help::{Section, lines};
use super::geometry::inner;
use super::theme::Theme;
use super::{draw_row, pane_block};

pub struct HelpPopup<'a> {
    pub sections: &'a [Section],
    pub scroll: usize,
    pub theme: &'a Theme,
}

impl Widget for HelpPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        Clear.render(area, buf);
        let title = Line::from(vec![
            Span::styled(" Keys ", theme.title),
            Span::styled("· j/k scroll · Esc close ", theme.dim),
        ]);
        pane_block(title, true, theme).render(area, buf);
        let inside = inner(area);
        if inside.is_empty() {
            return;
        }
        let lines = lines(self.sections, theme, inside.width as usize);
        let height = inside.height as usize;
        let scroll = self.scroll.min(lines.len().saturating_sub(height));
        for (y, line) in lines.into_iter().skip(scroll).take(height).enumerate() {
            draw_row(buf, inside, y as u16, line, None);
        }
    }
}
