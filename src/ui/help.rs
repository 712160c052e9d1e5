//! The help popup, written from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::layout::inner;
use super::text::wrap_indented;
use super::theme::Theme;
use super::{draw_row, pane_block};
use crate::app::keymap;

pub struct HelpPopup<'a> {
    pub scroll: usize,
    pub theme: &'a Theme,
}

/// Width of the keys column.
const KEYS_WIDTH: usize = 20;

/// The help's lines, wrapped to `width`: each section of the keymap, then the
/// markers and the mouse.
pub fn lines(theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (title, rows) in keymap::help_sections() {
        out.push(Line::styled(title, theme.heading));
        for (keys, help) in rows {
            let row = [
                Span::styled(format!("  {keys:<KEYS_WIDTH$}"), theme.label),
                Span::styled(help, theme.text),
            ];
            out.extend(wrap_indented(&row, width, KEYS_WIDTH + 2));
        }
        out.push(Line::default());
    }
    out.push(Line::styled("Markers", theme.heading));
    out.push(Line::from(vec![
        Span::styled("  ≠", theme.disputed),
        Span::styled("  disputed: the sources disagree (d)", theme.text),
    ]));
    out.push(Line::from(vec![
        Span::styled("  ?", theme.alleged),
        Span::styled("  alleged: an accusation or inference", theme.text),
    ]));
    out.push(Line::default());
    out.push(Line::styled("Mouse", theme.heading));
    out.push(Line::styled(
        "  a click selects and focuses, the wheel scrolls",
        theme.text,
    ));
    out
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
        let lines = lines(theme, inside.width as usize);
        let height = inside.height as usize;
        let scroll = self.scroll.min(lines.len().saturating_sub(height));
        for (y, line) in lines.into_iter().skip(scroll).take(height).enumerate() {
            draw_row(buf, inside, y as u16, line, None);
        }
    }
}
